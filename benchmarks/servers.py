"""How the server was chosen: `quoteapi serve` (Granian) against gunicorn's threaded workers, the
server it replaced, on the same app, index, workers and threads.

For each: requests/s of ``GET /health`` and of a speaker's quotes under wrk, then the slowest of
five ``GET /health`` while 64 connections hold half-sent headers, and while 64 connections hold
half-sent bodies. (Measured when choosing, on 2 CPUs: gunicorn gthread answered nothing while
either attack lasted; gunicorn's asyncio worker with a2wsgi and waitress survived both at a half
and a third of Granian's rate.)

    apt-get install -y wrk
    .venv/bin/python benchmarks/servers.py                 # on benchmarks/api.py's SQLite index
    .venv/bin/python benchmarks/servers.py --database sqlite:///path/to/index.sqlite3

Only 127.0.0.1 is contacted; each server is stopped before the next starts.
"""

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from api import get_json, wrk  # noqa: E402  (benchmarks/api.py)

BIN = Path(sys.executable).parent
HALF_HEADERS = b"GET /health HTTP/1.1\r\nHost: x\r\n"
HALF_BODY = (
    b"POST /articles HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    b"X-API-Key: bench-key-0123456789\r\nContent-Length: 100000\r\n\r\n{\"te"
)


def servers(port: int, workers: int, threads: int) -> dict[str, list[str]]:
    return {
        "quoteapi serve (Granian)": [
            str(BIN / "quoteapi"), "serve", "--host", "127.0.0.1", "--port", str(port),
            "--workers", str(workers), "--threads", str(threads),
        ],
        "gunicorn gthread": [
            str(BIN / "gunicorn"), "-k", "gthread", "-w", str(workers), "--threads", str(threads),
            "-b", f"127.0.0.1:{port}", "quoteapi.api.wsgi:app",
        ],
    }


def start(command: list[str], database: str, base: str) -> subprocess.Popen:
    env = {**os.environ, "QUOTEAPI_DATABASE_URL": database,
           "QUOTEAPI_API_KEYS": "bench-key-0123456789"}
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    for _ in range(120):
        try:
            get_json(f"{base}/health")
            return server
        except OSError:
            time.sleep(0.5)
    stop(server)
    raise SystemExit(f"{command[0]} did not answer /health within 60 s")


def stop(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=10)


def slowest_health(base: str, port: int, first_bytes: bytes, count: int = 64) -> float:
    """Seconds of the slowest of five GET /health while ``count`` connections sent
    ``first_bytes`` and nothing more (10 s counts as no answer)."""
    held = []
    try:
        for _ in range(count):
            connection = socket.create_connection(("127.0.0.1", port), timeout=5)
            connection.sendall(first_bytes)
            held.append(connection)
        time.sleep(0.5)
        slowest = 0.0
        for _ in range(5):
            started = time.perf_counter()
            try:
                urllib.request.urlopen(f"{base}/health", timeout=10).read()
                slowest = max(slowest, time.perf_counter() - started)
            except OSError:
                slowest = 10.0
        return slowest
    finally:
        for connection in held:
            connection.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="sqlite:////tmp/quoteapi-bench/quoteapi.sqlite3")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=16)
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run")
    parser.add_argument("--port", type=int, default=8790)
    args = parser.parse_args()
    base = f"http://127.0.0.1:{args.port}"
    print(f"{args.workers} workers x {args.threads} threads; wrk 8 connections, "
          f"{args.duration} s; {os.cpu_count()} CPUs")
    print(f"{'server':28} {'health/s':>9} {'quotes/s':>9} {'health, 64 half headers':>24} "
          f"{'health, 64 half bodies':>23}")
    wrk_args = argparse.Namespace(threads=2, connections=8, duration=args.duration)
    for name, command in servers(args.port, args.workers, args.threads).items():
        server = start(command, args.database, base)
        try:
            slug = get_json(f"{base}/speakers?limit=1")["items"][0]["slug"]
            health = wrk(f"{base}/health", wrk_args)["rps"]
            quotes = wrk(f"{base}/speakers/{slug}/quotes", wrk_args)["rps"]
            headers = slowest_health(base, args.port, HALF_HEADERS)
            bodies = slowest_health(base, args.port, HALF_BODY)
        finally:
            stop(server)
        print(f"{name:28} {health:9.0f} {quotes:9.0f} {headers:22.2f} s {bodies:21.2f} s")


if __name__ == "__main__":
    main()
