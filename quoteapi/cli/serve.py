"""`quoteapi serve` (Granian, or Flask's server with --dev) and `quoteapi openapi write`.

The server is Granian: its HTTP layer (Rust, asynchronous) reads each request's headers without
holding a Python thread, closes a connection whose headers do not arrive within
HEADER_TIMEOUT_MS, and only then hands the request to one of the worker's threads. Two clients
that open connections and never finish them (a "slowloris") cost two sockets, not the server.
benchmarks/servers.py measured the choice against gunicorn's threaded workers (which a few such
connections stall) on this API.

On its first start with an empty index, `serve` ingests the seed articles of the checkout's
seeds/ folder (the one `quoteapi eval seeds` scores), so a new user sees real data at once.
"""

import ipaddress
import os
from pathlib import Path

import click

DEFAULT_PORT = 8000
HEADER_TIMEOUT_MS = 10_000  # a request's headers must arrive within this
MAX_HEADER_BYTES = 64 * 1024  # request line and headers (larger: the server answers 431/414)
WSGI_APP = "quoteapi.api.wsgi:app"


def seed_paths() -> list[Path]:
    """The seed articles (DEFAULT_SEEDS: the repository's seeds/, as the package is installed editable)."""
    from ..evaluate.seeds import DEFAULT_SEEDS

    return sorted(DEFAULT_SEEDS.glob("*.txt"))


def seed_if_empty() -> None:
    from ..index.service import Index

    index = Index()
    if not index.is_empty():
        return
    paths = seed_paths()
    if not paths:
        click.echo("quoteapi serve: the index is empty and no seed articles were found.", err=True)
        return
    click.echo(f"quoteapi serve: empty index: ingesting {len(paths)} seed articles...", err=True)
    report = index.ingest_paths(paths, progress=False)
    click.echo(
        f"quoteapi serve: stored {report.stored} articles with {report.quotes} quotes.", err=True
    )
    for failure in report.failures:
        click.echo(f"quoteapi serve: {failure.source}: {failure.reason}", err=True)


PAGES = (
    ("front page", "/"),
    ("API docs", "/docs"),
    ("widget demo", "/widget/demo"),
    ("OpenAPI", "/openapi.yaml"),
    ("health", "/health"),
)


def base_url(host: str, port: int) -> str:
    """Where a browser on this machine reaches the server (an "any address" host: loopback)."""
    if host in ("0.0.0.0", "::", ""):
        host = "127.0.0.1"
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def echo_urls(host: str, port: int) -> None:
    """Say where the server answers, once it listens."""
    base = base_url(host, port)
    click.echo(f"quoteapi serve: listening on {base}/ (Ctrl-C stops it)")
    for name, path in PAGES:
        click.echo(f"  {name:<12} {base}{path}")


def run_granian(host: str, port: int, workers: int, threads: int) -> None:
    """Serve the API with Granian, configured in code (no config file to ship)."""
    from granian import Granian
    from granian.constants import Interfaces
    from granian.http import HTTP1Settings

    server = Granian(
        WSGI_APP,
        address=host,
        port=port,
        interface=Interfaces.WSGI,
        workers=workers,
        blocking_threads=threads,
        http1_settings=HTTP1Settings(
            header_read_timeout=HEADER_TIMEOUT_MS, max_buffer_size=MAX_HEADER_BYTES
        ),
        log_access=True,
        respawn_failed_workers=True,
        workers_kill_timeout=30,
    )
    # Granian runs its startup hooks once the socket is bound (connections wait in its backlog
    # while the workers start)
    server.on_startup(lambda: echo_urls(host, port))
    server.serve()


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command()
@click.option(
    "--dev",
    is_flag=True,
    help="Flask's development server on a loopback address (reloads on changes; no debugger).",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=DEFAULT_PORT, show_default=True)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=lambda: os.cpu_count() or 2,
    show_default="CPU count",
    help="Worker processes.",
)
@click.option(
    "--threads",
    type=click.IntRange(min=2),
    default=16,
    show_default=True,
    help="Threads per worker answering requests (extractions waiting on their pool hold one).",
)
def serve(dev: bool, host: str, port: int, workers: int, threads: int) -> None:
    """Serve the API (docs at /docs). Set QUOTEAPI_API_KEYS=key1,key2 to allow writing."""
    if dev and not is_loopback(host):
        raise click.UsageError(
            f"--dev serves Flask's development server, which is not for the network: use a "
            f"loopback --host (127.0.0.1, ::1, localhost), or drop --dev to serve {host}."
        )
    seed_if_empty()
    if dev:
        from ..api import create_app

        echo_urls(host, port)
        # the reloader, without Werkzeug's debugger: its console runs code for whoever reaches it
        create_app().run(host=host, port=port, debug=True, use_debugger=False, use_evalex=False)
    else:
        run_granian(host, port, workers, threads)


@click.group()
def openapi() -> None:
    """The OpenAPI document (openapi.yaml)."""


@openapi.command("write")
@click.argument(
    "path", type=click.Path(dir_okay=False, path_type=Path), default=Path("openapi.yaml")
)
def openapi_write(path: Path) -> None:
    """Regenerate the OpenAPI document into PATH (default: ./openapi.yaml)."""
    from ..api.openapi import openapi_yaml

    path.write_text(openapi_yaml(), encoding="utf-8")
    click.echo(f"wrote {path}", err=True)


COMMANDS = [serve, openapi]
