"""wrk against `quoteapi serve` (Granian) on an index of at least 1M quotes, on each backend.

Prints requests/s and latency percentiles for ``GET /speakers/{name}/quotes`` beside ``GET /health``
in the same run, and whether the first sustains half the rate of the second with p99 under 20 ms;
twice: as served by default (with each worker's read cache, quoteapi/api/cache.py, which still
asks the database for its change marker on every request) and with the cache off
(QUOTEAPI_CACHE_ENTRIES=0), which shows what each request costs the database.

    apt-get install -y wrk
    .venv/bin/python benchmarks/api.py                      # both backends, built once
    .venv/bin/python benchmarks/api.py --backend sqlite --duration 30 --connections 16

The indexes are grown with benchmarks/index.py's functions (the store's benchmark) and kept (the
SQLite file in --data-dir, the PostgreSQL database --postgres-db), so later runs start at once;
delete the folder or drop the database to rebuild.
"""

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
QUOTEAPI = Path(sys.executable).with_name("quoteapi")
TARGET_RATIO = 0.5
TARGET_P99_MS = 20.0
ROTATE = 1000  # speakers the rotating run asks for in turn


POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--data-dir", type=Path, default=Path("/tmp/quoteapi-bench"))
    parser.add_argument("--postgres-db", default="quoteapi_api_bench", help="kept between runs")
    parser.add_argument(
        "--quotes", type=int, default=1_000_000, help="quotes in the index (>= 1M for the target)"
    )
    parser.add_argument("--articles", type=int, default=20, help="real articles extracted first")
    parser.add_argument("--duration", type=int, default=20, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="server workers")
    parser.add_argument("--port", type=int, default=8787)
    return parser.parse_args()


def ensure_index(url: str, quotes: int, articles: int) -> str:
    """``url``, holding an index of ``quotes`` quotes grown by benchmarks/index.py's functions
    (real extracted quotes, then bulk-replicated with a skewed speaker distribution) unless it
    holds one already."""
    import sqlalchemy as sa

    sys.path.insert(0, str(HERE))
    import index as store_benchmark  # benchmarks/index.py

    from quoteapi.extract import extract_text
    from quoteapi.index import Index

    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() == "postgresql":
        admin = sa.create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            exists = connection.exec_driver_sql(
                "SELECT 1 FROM pg_database WHERE datname = %s", (parsed.database,)).scalar()
            if not exists:
                connection.exec_driver_sql(f'CREATE DATABASE "{parsed.database}"')
        admin.dispose()
    else:
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    index = Index(url)
    if not index.is_empty():
        index.close()
        return url
    print(f"building an index of {quotes:,} quotes in {url} (once; reused next time)...", flush=True)
    started = time.perf_counter()
    texts = store_benchmark.source_texts(articles)
    extracted = {name: extract_text(text) for name, text in texts}
    base = store_benchmark.real_ingest(index, texts, extracted)
    store_benchmark.grow(index, base, quotes, speakers=5_000, seed=1)
    index.close()
    print(f"built in {time.perf_counter() - started:.0f} s", flush=True)
    return url


def start_server(url: str, port: int, workers: int, cache: bool) -> subprocess.Popen:
    env = {**os.environ, "QUOTEAPI_DATABASE_URL": url}
    if not cache:
        env["QUOTEAPI_CACHE_ENTRIES"] = "0"
    command = [
        str(QUOTEAPI),
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
    ]
    server = subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            get_json(f"{base}/health")
            return server
        except OSError:
            time.sleep(0.5)
    stop_server(server)
    raise SystemExit("the server did not answer /health within 60 s")


def stop_server(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=30)


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)


def rotating_script(base: str, count: int) -> Path:
    """A wrk Lua script asking for the quotes of ``count`` different speakers in turn (so each
    worker's cache rarely holds the answer: the cost of a cold lookup)."""
    slugs: list[str] = []
    while len(slugs) < count:
        page = get_json(f"{base}/speakers?limit=100&offset={len(slugs)}")
        slugs += [speaker["slug"] for speaker in page["items"]]
        if not page["next"]:
            break
    paths = ", ".join(f'"/speakers/{quote(slug)}/quotes"' for slug in slugs[:count])
    script = Path(tempfile.mkdtemp()) / "rotate.lua"
    script.write_text(
        f"local paths = {{{paths}}}\nlocal i = 0\n"
        "request = function()\n  i = i % #paths + 1\n"
        '  return wrk.format("GET", paths[i])\nend\n'
    )
    return script


def wrk(url: str, args: argparse.Namespace, script: Path | None = None) -> dict[str, float]:
    """Requests/s and latency percentiles (ms) of one wrk run."""
    lua = ["-s", str(script)] if script else []
    output = subprocess.run(
        [
            "wrk",
            *lua,
            "--latency",
            "-t",
            str(args.threads),
            "-c",
            str(args.connections),
            "-d",
            f"{args.duration}s",
            url,
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    figures = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))}
    for percentile in ("50", "90", "99"):
        value, unit = re.search(rf"\s{percentile}%\s+([\d.]+)(us|ms|s)", output).groups()
        figures[f"p{percentile}"] = float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    figures["non_2xx"] = float(errors.group(1)) if errors else 0.0
    return figures


def main() -> None:
    args = arguments()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install -y wrk")
    import sqlalchemy as sa

    urls = []
    if args.backend in ("sqlite", "both"):
        urls.append(("SQLite", f"sqlite:///{args.data_dir / 'quoteapi.sqlite3'}"))
    if args.backend in ("postgresql", "both"):
        pg = sa.engine.make_url(POSTGRES).set(database=args.postgres_db)
        urls.append(("PostgreSQL", pg.render_as_string(hide_password=False)))
    for label, url in urls:
        url = ensure_index(url, args.quotes, args.articles)
        print(
            f"\n#### {label}: wrk {args.threads} threads, {args.connections} connections, "
            f"{args.duration} s per URL; quoteapi serve (Granian): {args.workers} workers; "
            f"{os.cpu_count()} CPUs"
        )
        for cache in (True, False):
            print(f"\n== {'default (read cache on)' if cache else 'QUOTEAPI_CACHE_ENTRIES=0'}")
            report(measure(url, args, cache))


def measure(url: str, args: argparse.Namespace, cache: bool) -> dict[str, dict[str, float]]:
    server = start_server(url, args.port, args.workers, cache)
    base = f"http://127.0.0.1:{args.port}"
    try:
        total = get_json(f"{base}/health")["quotes"]
        top = get_json(f"{base}/speakers?limit=1")["items"][0]
        name = quote(top["slug"])
        print(
            f"index: {total:,} quotes; speaker {top['name']!r} with {top['quote_count']:,} quotes"
        )
        return {
            "GET /health": wrk(f"{base}/health", args),
            f"GET /speakers/{name}/quotes": wrk(f"{base}/speakers/{name}/quotes", args),
            "GET /speakers/{1000 speakers in turn}/quotes": wrk(
                base, args, rotating_script(base, ROTATE)
            ),
            f"GET /speakers/{name}/quotes?q=policy": wrk(
                f"{base}/speakers/{name}/quotes?q=policy", args
            ),
        }
    finally:
        stop_server(server)


def report(results: dict[str, dict[str, float]]) -> None:
    print(f"{'request':48} {'req/s':>9} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'non-2xx':>8}")
    for label, figures in results.items():
        print(
            f"{label:48} {figures['rps']:9.0f} {figures['p50']:8.2f} {figures['p90']:8.2f} "
            f"{figures['p99']:8.2f} {figures['non_2xx']:8.0f}"
        )
    health, quotes = list(results.values())[:2]
    ratio = quotes["rps"] / health["rps"]
    ok = ratio >= TARGET_RATIO and quotes["p99"] < TARGET_P99_MS
    print(
        f"speaker quotes / health = {ratio:.2f} (target >= {TARGET_RATIO}); "
        f"p99 {quotes['p99']:.2f} ms (target < {TARGET_P99_MS:.0f} ms): {'MET' if ok else 'NOT MET'}"
    )


if __name__ == "__main__":
    main()
