"""A real HTTP server for the tests that need one (the SDKs, the widget in a browser).

``serving(app)`` runs a WSGI app with werkzeug's ``make_server`` on a free port of 127.0.0.1 in a
background thread; ``seeded_database`` builds, once per test session, an SQLite index of the seed
articles with the real extraction pipeline (the slow part), which the tests then only read.
"""

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from werkzeug.serving import make_server

REPO = Path(__file__).resolve().parents[1]
SEEDS = sorted((REPO / "seeds").glob("*.txt"))
_seeded: dict[str, Path] = {}


@contextmanager
def serving(app: Any) -> Iterator[str]:
    """Serve ``app`` until the block ends; yields its base URL (http://127.0.0.1:PORT)."""
    # One request at a time (threaded=False): enough for a test, and SQLite stays on one thread.
    server = make_server("127.0.0.1", 0, app, threaded=False)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def seeded_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite index holding the seed articles (built on first use, shared by the session).

    Tests may add articles of their own to it but must delete them again.
    """
    if "path" not in _seeded:
        from quoteapi.index.service import Index

        assert SEEDS, f"no seed articles in {REPO / 'seeds'}"
        path = tmp_path_factory.mktemp("seeded-index") / "quoteapi.sqlite3"
        Index(url=sqlite_url(path)).ingest_paths(SEEDS, progress=False)
        _seeded["path"] = path
    return _seeded["path"]


def api_app(database: Path) -> Flask:
    """The real API app over the index in ``database``."""
    from quoteapi.api import create_app
    from quoteapi.index.service import Index

    return create_app({"TESTING": True}, index=Index(url=sqlite_url(database)))


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def quoteapi_serve(env: dict[str, str], *options: str) -> Iterator[str]:
    """`quoteapi serve` as a user runs it, in its own process group on a free port of 127.0.0.1;
    yields its base URL once /health answers, and stops the whole group at the end."""
    import os
    import signal
    import subprocess
    import sys
    import time
    import urllib.request

    port = free_port()
    command = [str(Path(sys.executable).with_name("quoteapi")), "serve", "--host", "127.0.0.1",
               "--port", str(port), *options]
    log = open(Path(env.get("QUOTEAPI_DATA_DIR", "/tmp")) / f"serve-{port}.log", "wb")  # noqa: SIM115
    server = subprocess.Popen(command, env={**os.environ, **env}, stdout=log,
                              stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{base}/health", timeout=2).read()
                break
            except OSError:
                if server.poll() is not None:
                    raise RuntimeError(f"quoteapi serve exited: see {log.name}") from None
                time.sleep(0.25)
        else:
            raise RuntimeError(f"quoteapi serve did not answer /health in 30 s: see {log.name}")
        yield base
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)
        log.close()
