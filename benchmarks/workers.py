"""Articles per second through Celery workers (extraction + storage into PostgreSQL), with 1 and
2 worker processes, and per core.

    .venv/bin/python benchmarks/workers.py                        # Redis, 100 articles per run
    .venv/bin/python benchmarks/workers.py --rounds 3            # medians of 3 interleaved runs
    .venv/bin/python benchmarks/workers.py --broker amqp://guest:guest@127.0.0.1:5672//

For each process count: a fresh PostgreSQL database, `quoteapi worker --concurrency N` (its pool
processes load the pipeline as they start), a warm-up batch, then the timed batch, sent and
followed exactly as `quoteapi ingest --queue` does (dispatch.py): from the first task sent to the
last outcome recorded. The texts are the saved news pages of ../shared/data/news-html (read in
place) or, without them, seeds/; each copy gets a header line of its own, so every article is new
to the index. The load average is printed before each run: the machine may be shared.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

import sqlalchemy as sa

REPO = Path(__file__).resolve().parent.parent
PAGES = REPO.parent / "shared" / "data" / "news-html" / "pages"
POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def source_texts() -> list[str]:
    """Article texts: the shared news pages' main text, else the seeds."""
    from quoteapi.web.page import article_from_html

    texts = []
    for page in sorted(PAGES.glob("*.html")) if PAGES.is_dir() else []:
        try:
            texts.append(article_from_html(page.read_text(encoding="utf-8", errors="replace")).text)
        except Exception:  # noqa: BLE001 - a page that gives no article is left out
            continue
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    return texts or [path.read_text(encoding="utf-8") for path in seeds]


def items(texts: list[str], count: int, tag: str) -> list:
    from quoteapi.index.ingest import Item
    from quoteapi.index.records import ArticleIn

    return [Item(f"{tag}-{n}", ArticleIn(text=f"Copy {tag}-{n}.\n\n{texts[n % len(texts)]}"))
            for n in range(count)]


def run(processes: int, articles: int, texts: list[str], env: dict[str, str]) -> float:
    """Articles per second with ``processes`` worker processes on a fresh database."""
    from quoteapi.dispatch import send_batch, wait_for_batch
    from quoteapi.index import Index

    admin = sa.create_engine(POSTGRES, isolation_level="AUTOCOMMIT")
    database = f"quoteapi_bench_{uuid.uuid4().hex[:10]}"
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{database}"')
    url = sa.engine.make_url(POSTGRES).set(database=database).render_as_string(False)
    queue = f"quoteapi-bench-{uuid.uuid4().hex[:8]}"
    worker_env = {**os.environ, **env, "QUOTEAPI_DATABASE_URL": url, "QUOTEAPI_QUEUE": queue}
    worker = subprocess.Popen(
        [sys.executable, "-c", "from quoteapi.cli import main; main()", "worker",
         "--concurrency", str(processes), "--hostname", f"{queue}@%h", "--loglevel", "WARNING"],
        env=worker_env, start_new_session=True)
    index = Index(url)
    try:
        warm = send_batch(index, items(texts, 2 * processes, "warm"), queue)
        wait_for_batch(index, warm, progress=False)
        load = os.getloadavg()[0]
        cpu = pool_cpu_seconds(worker.pid)
        started = time.perf_counter()
        batch = send_batch(index, items(texts, articles, "timed"), queue)
        record = wait_for_batch(index, batch, progress=False)
        seconds = time.perf_counter() - started
        cpu = pool_cpu_seconds(worker.pid) - cpu
        assert not record.failures, record.failures[:3]
        rate = articles / seconds
        print(f"  {processes} worker process(es): {rate:.2f} articles/s, "
              f"{rate / processes:.2f} per process ({articles} articles in {seconds:.1f} s, "
              f"{record.quotes} quotes; {cpu / articles * 1000:.0f} ms of pool CPU per article; "
              f"load average {load:.2f} before)", flush=True)
        return rate
    finally:
        os.killpg(worker.pid, 15)
        worker.wait(timeout=60)
        index.close()
        _remove_queue(env["QUOTEAPI_BROKER_URL"], queue)
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        admin.dispose()


def pool_cpu_seconds(parent: int) -> float:
    """User + system CPU seconds of the worker's pool processes (Linux /proc): if one article
    costs as much CPU with 2 processes as with 1, what 2 lack is cores, not parallelism."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == parent:  # ppid
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / tick


def _remove_queue(broker_url: str, queue: str) -> None:
    from kombu import Connection

    with Connection(broker_url) as connection:
        channel = connection.default_channel
        channel.queue_delete(queue)
        client = getattr(channel, "client", None)
        if client is None:
            channel.exchange_delete(queue)
            return
        for key in client.scan_iter(f"*{queue}*"):
            client.delete(key)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--broker", default="redis://127.0.0.1:6379/0")
    parser.add_argument("--articles", type=int, default=100, help="timed articles per run")
    parser.add_argument("--processes", default="1,2", help="worker process counts to compare")
    parser.add_argument("--rounds", type=int, default=1,
                        help="runs of each count, interleaved (1, 2, 1, 2...); medians compared")
    args = parser.parse_args()
    env = {"QUOTEAPI_BROKER_URL": args.broker}
    os.environ.update(env)  # read by quoteapi.tasks when dispatch first sends
    texts = source_texts()
    cores = os.cpu_count() or 1
    print(f"{len(texts)} source texts, {cores} cores, broker {args.broker}, PostgreSQL "
          f"{POSTGRES}", flush=True)
    counts = [int(n) for n in args.processes.split(",")]
    runs: dict[int, list[float]] = {n: [] for n in counts}
    for _ in range(args.rounds):  # interleaved: a change in the machine's load hits both
        for n in counts:
            runs[n].append(run(n, args.articles, texts, env))
    rates = {n: statistics.median(found) for n, found in runs.items()}
    first = min(rates)
    for n, rate in rates.items():
        print(f"{n} process(es): {rate:.2f} articles/s (median of {len(runs[n])}) = "
              f"{rate / min(n, cores):.2f} per core in use, {rate / rates[first]:.2f}x {first} "
              "process(es)")


if __name__ == "__main__":
    main()
