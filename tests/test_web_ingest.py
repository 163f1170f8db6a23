"""`quoteapi ingest` and `quoteapi watch` over a local web site, with the real pipeline: the saved
news pages of ../shared/data/news-html behind a feed written here (skipped where that folder is
absent), and our own small pages for the changed page and every way a page can fail."""

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner, Result
from web_site import OWN_PAGES, SHARED_PAGES, LocalSite, Route, atom, json_feed, local_site, rss

from quoteapi.cli import main
from quoteapi.index import Index
from quoteapi.web.fetch import FetchPolicy
from quoteapi.web.watch import poll_all

SHARED = sorted((SHARED_PAGES / "pages").glob("*.html")) if SHARED_PAGES.is_dir() else []
ROBOTS = Route(b"User-agent: *\nDisallow: /private/\n", "text/plain")


def run(*args: str) -> Result:
    return CliRunner().invoke(main, [*args, "--no-progress"] if args[0] == "ingest" else list(args))


def summary(result: Result) -> str:
    return result.stdout.strip().splitlines()[0]


@pytest.fixture(scope="module")
def news_site() -> Iterator[LocalSite]:
    if not SHARED:
        pytest.skip(f"{SHARED_PAGES} is absent (the shared saved news pages)")
    with local_site() as site:
        links = [site.page(f"/news/{path.name}", path) for path in SHARED]
        site.add("/feed.xml", Route(rss("Local news", links), "application/rss+xml"))
        site.add("/robots.txt", ROBOTS)
        yield site


@pytest.fixture(scope="module")
def news_index(news_site: LocalSite, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The database after one ingest of the feed (the slow part: 14 articles extracted)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('news') / 'index.sqlite3'}"
    result = run("ingest", news_site.url("/feed.xml"), "--db", url)
    assert result.exit_code == 0, result.output
    assert summary(result).startswith(f"{len(SHARED)} articles: {len(SHARED)} new, 0 replaced")
    yield url


def test_a_feed_of_news_pages_stores_each_article_with_its_metadata_and_quotes(
    news_index: str,
) -> None:
    index = Index(news_index)
    assert index.health()["articles"] == len(SHARED)
    with_quotes = 0
    engine = sa.create_engine(news_index)
    with engine.connect() as connection:
        ids = list(connection.scalars(sa.text("SELECT id FROM articles")))
    engine.dispose()
    for article_id in ids:
        article = index.article(article_id)
        assert article.title and article.published and article.source, article.url
        assert article.url and article.url.startswith("http://127.0.0.1:")
        assert article.text.startswith(article.title)
        for quote in article.quotes:
            (appearance,) = [a for a in quote.appearances if a.article_id == article_id]
            pieces = [article.text[start:end] for start, end in appearance.spans]
            assert all(piece and piece in quote.text for piece in pieces)  # offsets hold
        with_quotes += bool(article.quotes)
    assert with_quotes >= len(SHARED) - 3  # a few of the pages hardly quote anyone
    index.close()


def test_the_same_feed_again_stores_nothing_new(news_site: LocalSite, news_index: str) -> None:
    result = run("ingest", news_site.url("/feed.xml"), "--db", news_index)
    assert result.exit_code == 0, result.output
    assert summary(result) == (f"{len(SHARED)} articles: 0 new, 0 replaced, {len(SHARED)} "
                               "unchanged; 0 quotes stored; 0 failed, 0 skipped")


@pytest.fixture()
def own_site() -> Iterator[LocalSite]:
    with local_site() as site:
        site.add("/robots.txt", ROBOTS)
        yield site


def test_a_changed_page_replaces_its_quotes(own_site: LocalSite, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'index.sqlite3'}"
    page = own_site.page("/news/bridge", OWN_PAGES / "quotes.html")
    own_site.add("/feed.json", Route(json_feed("Courier", [page]), "application/feed+json"))
    assert summary(run("ingest", own_site.url("/feed.json"), "--db", db)).startswith(
        "1 articles: 1 new")
    index = Index(db)
    before = index.article(_appearances(index)[0].article_id)
    assert any("Half my trade" in quote.text for quote in before.quotes)
    changed = (OWN_PAGES / "quotes.html").read_bytes().replace(
        b"Half my trade walks over that bridge every morning",
        b"I will lose a third of my trade, maybe more")
    own_site.add("/news/bridge", Route(changed, "text/html"))
    result = run("ingest", page, "--db", db)  # the page itself this time
    assert summary(result).startswith("1 articles: 0 new, 1 replaced"), result.output
    after = index.article(before.id)
    assert after.canonical_url == "https://courier.example/news/harbour-bridge-repairs"
    texts = [quote.text for quote in after.quotes]
    assert any("a third of my trade" in text for text in texts)
    assert not any("Half my trade" in text for text in texts)
    assert index.health()["articles"] == 1
    index.close()


def _appearances(index: Index):  # type: ignore[no-untyped-def]
    from quoteapi.index import QuoteQuery

    return [a for q in index.quotes(QuoteQuery(limit=100)).items for a in q.appearances]


def test_one_page_s_failure_is_reported_and_the_rest_go_on(
    own_site: LocalSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUOTEAPI_FETCH_TIMEOUT", "0.5")
    monkeypatch.setenv("QUOTEAPI_FETCH_MAX_BYTES", "20000")
    site = own_site
    good = site.page("/news/bridge", OWN_PAGES / "quotes.html")
    cafe = site.page("/news/cafe", OWN_PAGES / "cp1252.html")  # windows-1252
    calm = site.page("/news/tides", OWN_PAGES / "no-quotes.html")  # stored, with no quotes
    failing = {
        site.add("/news/pdf", Route((OWN_PAGES / "not-html.pdf").read_bytes(), "application/pdf")):
            "is application/pdf, not a web page",
        site.add("/news/empty", Route(b"", "text/html")): "empty body",
        site.add("/news/huge", Route((OWN_PAGES / "quotes.html").read_bytes() * 20, "text/html")):
            "larger than 0.0 MB",
        site.add("/news/loop", Route(status=302, location="/news/loop2")): "redirects in a loop",
        site.add("/news/slow", Route((OWN_PAGES / "quotes.html").read_bytes(), delay=2)):
            "sent nothing for 0.5 s",
        site.add("/private/x", Route(b"<p>secret</p>", "text/html")): "robots.txt does not allow",
        site.url("/news/missing"): "HTTP 404",
    }
    site.add("/news/loop2", Route(status=302, location="/news/loop"))
    links = [good, *failing, cafe, calm]
    site.add("/feed.atom", Route(atom("Courier", links), "application/atom+xml"))
    result = run("ingest", site.url("/feed.atom"), "--db", f"sqlite:///{tmp_path / 'i.sqlite3'}")
    assert result.exit_code == 1
    assert re.match(r"3 articles: 3 new, 0 replaced, 0 unchanged; \d+ quotes stored; 7 failed",
                    summary(result)), result.output
    for url, reason in failing.items():
        assert f"  {url}: " in result.stderr and reason in result.stderr, (url, result.stderr)


def test_html_files_and_folders_are_read_too(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for name in ("quotes.html", "no-quotes.html", "empty.html"):
        (folder / name).write_bytes((OWN_PAGES / name).read_bytes())
    (folder / "notes.txt").write_text("date 2024-05-14\nThe council met. “Yes,” said Ann Lee.\n")
    result = run("ingest", str(folder), "--db", f"sqlite:///{tmp_path / 'i.sqlite3'}")
    assert result.exit_code == 1
    assert summary(result).startswith("3 articles: 3 new"), result.output
    assert f"{folder / 'empty.html'}: the file is empty" in result.stderr


def test_watch_fetches_only_new_entries_and_asks_conditionally(
    own_site: LocalSite, tmp_path: Path
) -> None:
    site = own_site
    bridge = site.page("/news/bridge", OWN_PAGES / "quotes.html")
    busy = site.add("/news/busy", Route(b"busy", "text/plain", status=503))
    feed = site.add("/feed", Route(rss("Courier", [bridge, busy]), "application/rss+xml",
                                   etag='"1"'))
    index = Index(f"sqlite:///{tmp_path / 'i.sqlite3'}")
    policy = FetchPolicy(allow_private=True)

    (first,) = poll_all(index, [feed], policy)
    assert (first.entries, first.new, first.stored, first.retry) == (2, 2, 1, 1)
    assert index.feed(feed).etag is None  # an entry to retry: the whole feed next time

    site.routes["/news/busy"] = Route((OWN_PAGES / "no-quotes.html").read_bytes(), "text/html")
    (second,) = poll_all(index, [feed], policy)
    assert (second.new, second.stored, second.retry) == (1, 1, 0)
    assert len(site.fetched("/news/bridge")) == 1  # handled once, never fetched again
    assert index.feed(feed).etag == '"1"'

    (third,) = poll_all(index, [feed], policy)
    assert third.not_modified and site.fetched("/feed")[-1].if_none_match == '"1"'

    calm = site.page("/news/calm", OWN_PAGES / "cp1252.html")
    site.routes["/feed"] = Route(rss("Courier", [calm, bridge, busy]), "application/rss+xml",
                                 etag='"2"')
    (fourth,) = poll_all(index, [feed], policy)
    assert (fourth.entries, fourth.new, fourth.stored) == (3, 1, 1)
    assert len(site.fetched("/news/bridge")) == 1 and len(site.fetched("/news/calm")) == 1
    assert index.health()["articles"] == 3
    index.close()


def test_quoteapi_watch_once_prints_each_poll(own_site: LocalSite, tmp_path: Path) -> None:
    page = own_site.page("/news/tides", OWN_PAGES / "no-quotes.html")
    feed = own_site.add("/feed", Route(rss("Courier", [page]), "application/rss+xml",
                                       last_modified="Tue, 14 May 2024 08:30:00 GMT"))
    db = f"sqlite:///{tmp_path / 'i.sqlite3'}"
    first = run("watch", feed, "--once", "--db", db)
    assert first.exit_code == 0, first.output
    assert f"{feed}: 1 entries, 1 new, 1 stored (0 quotes), 0 failed" in first.stdout
    second = run("watch", feed, "--once", "--every", "1m", "--db", db)
    assert f"{feed}: not modified" in second.stdout
    assert own_site.fetched("/feed")[-1].if_modified_since == "Tue, 14 May 2024 08:30:00 GMT"
    assert run("watch", feed, "--every", "soon", "--db", db).exit_code == 2
