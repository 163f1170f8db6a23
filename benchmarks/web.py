"""Pages per second, fetched and extracted: what reading articles from the web costs before
(and, with --quotes, with) quote extraction.

Serves the saved news pages of ../shared/data/news-html/pages (or, without them, our own test
pages) from a local HTTP server on 127.0.0.1 and prints, for ``--rounds`` passes over them:

1. fetch: ``Fetcher.fetch`` (httpx, robots.txt checked, the deadline and size cap on), one
   connection kept alive, pages one after another as `quoteapi ingest` fetches them;
2. extract: ``article_from_html`` (charset, trafilatura's main text and metadata, language);
3. fetch + extract: both, as `quoteapi ingest URL...` does before quote extraction;
4. with ``--quotes``: one pass of the whole ingest into a fresh SQLite index through the feed,
   quote extraction included (articles/s), which is where the time goes.

Every loop is bounded by ``--rounds`` and ``--seconds``. Wall-clock rates are the figures; the
CPU seconds of this process are printed beside them because the machine may be shared.

    .venv/bin/python benchmarks/web.py [--rounds 5] [--seconds 60] [--quotes]
"""

import contextlib
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import click

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from web_site import OWN_PAGES, SHARED_PAGES, LocalSite, Route, rss

from quoteapi.web.errors import NotAnArticle
from quoteapi.web.fetch import Fetcher, FetchPolicy, decode_html
from quoteapi.web.page import article_from_html


def pages() -> list[Path]:
    shared = sorted((SHARED_PAGES / "pages").glob("*.html"))
    return shared or [OWN_PAGES / name for name in ("quotes.html", "no-quotes.html", "cp1252.html")]


def rate(label: str, rounds: int, seconds: float, items: list, work: Callable) -> None:
    """Run ``work`` on each item, ``rounds`` times or until ``seconds`` pass; print the rate."""
    done, size = 0, 0
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(rounds):
        for item in items:
            size += work(item)
            done += 1
        if time.perf_counter() - wall > seconds:
            break
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"{label:<16} {done:>5} pages  {wall:7.2f} s  {done / wall:8.1f} pages/s  "
          f"{size / wall / 1e6:7.2f} MB of HTML/s  (CPU {cpu:.2f} s)")


@click.command()
@click.option("--rounds", default=5, show_default=True, help="Passes over the pages.")
@click.option("--seconds", default=60.0, show_default=True, help="Stop each row after this.")
@click.option("--quotes", is_flag=True, help="Add one pass of the whole ingest (NLP included).")
def main(rounds: int, seconds: float, quotes: bool) -> None:
    files = pages()
    bodies = {path.name: path.read_bytes() for path in files}
    total = sum(map(len, bodies.values()))
    print(f"{len(files)} pages, {total / 1e6:.2f} MB, from {files[0].parent}")
    site = LocalSite()
    urls = [site.page(f"/news/{path.name}", path) for path in files]
    site.add("/robots.txt", Route(b"User-agent: *\nAllow: /\n", "text/plain"))
    site.add("/feed.xml", Route(rss("Local news", urls), "application/rss+xml"))
    site.start()
    try:
        with Fetcher(FetchPolicy(allow_private=True)) as fetcher:
            fetcher.fetch(urls[0])  # warm: robots.txt read, connection open
            rate("fetch", rounds, seconds, urls, lambda url: len(fetcher.fetch(url).body))
            htmls = [decode_html(body) for body in bodies.values()]
            article_from_html(htmls[0], None)  # warm: trafilatura's and py3langid's models
            rate("extract", rounds, seconds, list(bodies.values()),
                 lambda body: _extracted(body, None))
            rate("fetch + extract", rounds, seconds, urls,
                 lambda url: _extracted(fetcher.fetch(url).body, url))
        if quotes:
            whole_ingest(site.url("/feed.xml"), len(files))
    finally:
        site.stop()


def _extracted(body: bytes, url: str | None) -> int:
    """The article of a page's bytes (decoded as the fetcher would); the bytes read."""
    with contextlib.suppress(NotAnArticle):  # a page that holds no article still costs its time
        article_from_html(decode_html(body), url)
    return len(body)


def whole_ingest(feed: str, count: int) -> None:
    from quoteapi.index import Index
    from quoteapi.nlp import get_nlp
    from quoteapi.web.sources import read_sources

    get_nlp()  # loaded before the clock starts, as a long-running worker has it
    with tempfile.TemporaryDirectory() as folder:
        index = Index(f"sqlite:///{folder}/bench.sqlite3")
        wall, cpu = time.perf_counter(), time.process_time()
        with Fetcher(FetchPolicy(allow_private=True)) as fetcher:
            report = index.ingest_items(read_sources([feed], fetcher, 10_000_000), progress=False)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        index.close()
    print(f"{'whole ingest':<16} {count:>5} pages  {wall:7.2f} s  {count / wall:8.1f} pages/s  "
          f"{report.quotes} quotes, {len(report.failures)} failed  (CPU {cpu:.2f} s)")


if __name__ == "__main__":
    main()
