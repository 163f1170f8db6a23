"""Grow the index to >= 1M quotes and time it: ingest rate, and search latency p50/p99 for a
speaker's newest 20 quotes and for a full-text query, on SQLite and PostgreSQL.

    .venv/bin/python benchmarks/index.py                      # both backends, 1,000,000 quotes
    .venv/bin/python benchmarks/index.py --backend sqlite --quotes 200000

Real quotes first: extracted from PolNeAR train articles (../shared/data/polnear, read in place,
never copied) or, without them, from seeds/, and stored through ``Index.ingest`` (that is the
ingest rate). Then they are replicated with varied ids, speakers (a skewed distribution, so the
busiest speaker has tens of thousands of quotes) and dates by bulk inserts (PostgreSQL's indexes
are built after the load, as a bulk import would). Latencies go through ``Index.quotes``, i.e.
including loading the records the API returns. The SQLite file and PostgreSQL database are
temporary and removed at the end.
"""

import argparse
import random
import statistics
import tempfile
import time
import uuid
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import sqlalchemy as sa

from quoteapi.extract import extract_text
from quoteapi.index import ArticleIn, Index, QuoteQuery
from quoteapi.index.db import Quote, Speaker
from quoteapi.index.search import RANK_POOL, TOTAL_CAP

REPO = Path(__file__).resolve().parent.parent
POLNEAR = REPO.parent / "shared" / "data" / "polnear" / "train" / "text"
POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
BATCH = 20_000


def source_texts(n: int) -> list[tuple[str, str]]:
    files = sorted(POLNEAR.glob("*.txt"))[:n] if POLNEAR.is_dir() else []
    files = files or sorted((REPO / "seeds").glob("*.txt"))
    return [(path.stem, path.read_text(encoding="utf-8")) for path in files]


def real_ingest(index: Index, texts: list[tuple[str, str]], extracted: dict) -> list[str]:
    started = time.perf_counter()
    for name, text in texts:
        index.ingest(ArticleIn(text=text, id=name), extracted[name])
    seconds = time.perf_counter() - started
    quotes = sum(len(q) for q in extracted.values())
    print(f"  Index.ingest (quotes given): {len(texts) / seconds:.1f} articles/s, "
          f"{quotes / seconds:.0f} quotes/s ({len(texts)} articles, {quotes} quotes)")
    with index._read() as session:
        return list(session.scalars(sa.select(Quote.text)))


def grow(index: Index, base: list[str], total: int, speakers: int, seed: int) -> int:
    """Bulk-insert quotes until the index holds ``total``; the busiest speaker's id."""
    rng = random.Random(seed)
    engine = index._writer
    with index._read() as session:
        start = (session.scalar(sa.select(sa.func.max(Quote.id))) or 0) + 1
        speaker_start = (session.scalar(sa.select(sa.func.max(Speaker.id))) or 0) + 1
    n = total - start + 1
    who = [speaker_start + int(speakers * rng.random() ** 3) for _ in range(n)]
    counts = Counter(who)
    postgres = engine.dialect.name == "postgresql"
    started = time.perf_counter()
    with engine.begin() as connection:
        if postgres:
            # the change-marker triggers (migration 0002) fire per statement here, not at commit:
            # CREATE INDEX refuses a table with trigger events pending
            connection.exec_driver_sql("SET CONSTRAINTS ALL IMMEDIATE")
            for name in ("ix_quotes_tsv", "ix_quotes_speaker_newest", "ix_quotes_newest"):
                connection.exec_driver_sql(f"DROP INDEX {name}")
        connection.execute(sa.insert(Speaker), [
            {"id": speaker_start + i, "name": f"Speaker {i}", "slug": f"bench-speaker-{i}",
             "kind": "person", "key": f"speaker {i}", "surname": f"s{i}",
             "quote_count": counts.get(speaker_start + i, 0)} for i in range(speakers + 1)])
        articles = (n + 9) // 10
        day0 = date(2015, 1, 1)
        days = [day0 + timedelta(days=rng.randrange(3650)) for _ in range(articles)]
        article_rows = [(f"bench-{a}", f"pub{a % 7}", days[a], "0" * 64, "(benchmark filler)",
                         day0) for a in range(articles)]
        quote_rows = [(start + i, f"{base[i % len(base)]} ({i})", "direct", who[i], 0.9,
                       days[i // 10]) for i in range(n)]
        appearance_rows = [(start + i, f"bench-{i // 10}", "[[0, 1]]") for i in range(n)]
        load = _copy if postgres else _executemany
        load(connection, "articles", "id, source, published, content_hash, text, ingested_at",
             article_rows)
        load(connection, "quotes", "id, text, type, speaker_id, confidence, published", quote_rows)
        load(connection, "appearances", "quote_id, article_id, spans", appearance_rows)
        if postgres:
            connection.exec_driver_sql("CREATE INDEX ix_quotes_tsv ON quotes USING GIN (tsv)")
            connection.exec_driver_sql("CREATE INDEX ix_quotes_speaker_newest ON quotes"
                                       " (speaker_id, published DESC NULLS LAST, id DESC)")
            connection.exec_driver_sql("CREATE INDEX ix_quotes_newest ON quotes"
                                       " (published DESC NULLS LAST, id DESC)")
            connection.exec_driver_sql(
                "SELECT setval(pg_get_serial_sequence('quotes', 'id'), (SELECT max(id) FROM quotes))")
    # VACUUM as autovacuum would after a bulk insert (PostgreSQL 13+ vacuums insert-only tables):
    # the visibility map it sets lets full-text counts skip heap pages
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("VACUUM ANALYZE" if postgres else "ANALYZE")
    seconds = time.perf_counter() - started
    print(f"  bulk growth: {n:,} quotes (+ {n:,} appearances, {articles:,} articles) in "
          f"{seconds:.0f} s = {n / seconds:,.0f} quotes/s")
    return counts.most_common(1)[0][0]


def _executemany(connection: sa.Connection, table: str, columns: str, rows: list) -> None:
    """SQLite: the driver's executemany (the FTS5 triggers index each quote as it goes)."""
    marks = ", ".join("?" * len(columns.split(",")))
    cursor = connection.connection.driver_connection.cursor()
    for lo in range(0, len(rows), BATCH):
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows[lo:lo + BATCH])


def _copy(connection: sa.Connection, table: str, columns: str, rows: list) -> None:
    """PostgreSQL: COPY, the bulk-load path."""
    cursor = connection.connection.driver_connection.cursor()
    with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def timed(index: Index, queries: list[QuoteQuery]) -> tuple[float, float, int]:
    for query in queries[:5]:
        index.quotes(query)  # warm the cache
    times, found = [], 0
    for query in queries:
        started = time.perf_counter()
        page = index.quotes(query)
        times.append((time.perf_counter() - started) * 1000)
        found += len(page.items)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.99) - 1], found


def run(url: str, label: str, args: argparse.Namespace, texts: list, extracted: dict) -> None:
    print(f"{label}:")
    index = Index(url)
    base = real_ingest(index, texts, extracted)
    busiest = grow(index, base, args.quotes, args.speakers, seed=1)
    health = index.health()
    print(f"  index: {health['quotes']:,} quotes, {health['speakers']:,} speakers, "
          f"{health['articles']:,} articles")
    rng = random.Random(2)
    with index._read() as session:
        ids = list(session.scalars(sa.select(Speaker.id).where(Speaker.quote_count > 0)))
        heavy = session.scalar(sa.select(Speaker.quote_count).where(Speaker.id == busiest))
    queries = [QuoteQuery(speaker_id=busiest)] * 50 + [
        QuoteQuery(speaker_id=rng.choice(ids)) for _ in range(args.samples)]
    p50, p99, _ = timed(index, queries)
    print(f"  speaker's newest 20 quotes: p50 {p50:.2f} ms, p99 {p99:.2f} ms "
          f"({len(queries)} queries, busiest speaker has {heavy:,} quotes)")
    words = ["campaign", "economy", "email", "immigration", "taxes", "wall", "debate", "voters",
             "war crime", "health care"]
    fts = [QuoteQuery(q=rng.choice(words), sort="relevance") for _ in range(args.fts_samples)]
    p50, p99, _ = timed(index, fts)
    print(f"  full-text query (top 20 by relevance, with total): p50 {p50:.1f} ms, "
          f"p99 {p99:.1f} ms ({len(fts)} queries; totals capped at {TOTAL_CAP:,}, relevance "
          f"among the {RANK_POOL} newest matches)")
    newest = [QuoteQuery(q=rng.choice(words)) for _ in range(args.fts_samples)]
    p50, p99, _ = timed(index, newest)
    print(f"  full-text query (top 20 newest first, with total): p50 {p50:.1f} ms, "
          f"p99 {p99:.1f} ms")
    fts_speaker = [QuoteQuery(q=rng.choice(words), speaker_id=busiest) for _ in range(args.fts_samples)]
    p50, p99, _ = timed(index, fts_speaker)
    print(f"  full-text within the busiest speaker (newest first): p50 {p50:.1f} ms, "
          f"p99 {p99:.1f} ms")
    index.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--speakers", type=int, default=5_000)
    parser.add_argument("--articles", type=int, default=40, help="PolNeAR texts to extract")
    parser.add_argument("--samples", type=int, default=500)
    parser.add_argument("--fts-samples", type=int, default=100)
    args = parser.parse_args()
    texts = source_texts(args.articles)
    started = time.perf_counter()
    extracted = {name: extract_text(text) for name, text in texts}
    seconds = time.perf_counter() - started
    print(f"extraction: {len(texts)} articles in {seconds:.1f} s "
          f"({sum(len(q) for q in extracted.values())} quotes)")
    if args.backend in ("sqlite", "both"):
        with tempfile.TemporaryDirectory() as folder:
            run(f"sqlite:///{folder}/bench.sqlite3", "SQLite", args, texts, extracted)
    if args.backend in ("postgresql", "both"):
        admin = sa.create_engine(POSTGRES, isolation_level="AUTOCOMMIT")
        name = f"quoteapi_bench_{uuid.uuid4().hex[:8]}"
        with admin.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
        try:
            run(sa.engine.make_url(POSTGRES).set(database=name).render_as_string(False),
                "PostgreSQL", args, texts, extracted)
        finally:
            with admin.connect() as connection:
                connection.exec_driver_sql(f'DROP DATABASE "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
