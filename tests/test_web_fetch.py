"""Fetching within bounds (web/fetch.py) from a local site: each way a page can fail is a
FetchError naming the URL, and each bound holds. The pages are our own (tests/web_pages)."""

import time
from collections.abc import Iterator

import pytest
from web_site import OWN_PAGES, LocalSite, Route, local_site

from quoteapi.web.errors import AddressRefused, FetchError
from quoteapi.web.fetch import PAGE_TYPES, Fetcher, FetchPolicy

QUOTES = (OWN_PAGES / "quotes.html").read_bytes()
# tight bounds so that the slow cases are quick to show
POLICY = FetchPolicy(allow_private=True, timeout=0.5, seconds=1.5, max_bytes=50_000,
                     max_redirects=3)


@pytest.fixture()
def site() -> Iterator[LocalSite]:
    with local_site() as site:
        site.add("/robots.txt", Route(b"User-agent: *\nDisallow: /private/\n", "text/plain"))
        yield site


@pytest.fixture()
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(POLICY) as fetcher:
        yield fetcher


def test_a_page_comes_with_where_it_ended_and_who_asked(site: LocalSite, fetcher: Fetcher) -> None:
    url = site.add("/news/1", Route(QUOTES, "text/html; charset=utf-8", etag='"a1"'))
    fetched = fetcher.fetch(url)
    assert fetched.body == QUOTES and fetched.final_url == url and fetched.etag == '"a1"'
    assert "Harbour bridge" in fetched.html()
    agent = site.fetched("/news/1")[0].user_agent
    assert agent.startswith("quoteapi/") and "news quote indexer" in agent


def test_a_redirect_is_followed_and_a_conditional_get_answers_304(
    site: LocalSite, fetcher: Fetcher
) -> None:
    page = site.add("/news/1", Route(QUOTES, "text/html", etag='"a1"', last_modified="x"))
    moved = site.add("/old", Route(status=301, location="/news/1"))
    assert fetcher.fetch(moved).final_url == page
    again = fetcher.fetch(page, etag='"a1"')
    assert again.not_modified and again.body == b""
    assert site.fetched("/news/1")[-1].if_none_match == '"a1"'


@pytest.mark.parametrize(
    ("route", "reason", "transient"),
    [
        (Route((OWN_PAGES / "not-html.pdf").read_bytes(), "application/pdf"),
         "is application/pdf, not a web page", False),
        (Route(b"", "text/html"), "empty body", False),
        (Route(b" \n\t ", "text/html"), "empty body", False),
        (Route(QUOTES * 40, "text/html"), "larger than 0.1 MB", False),  # said up front
        (Route(b"gone", "text/plain", status=404), "HTTP 404", False),
        (Route(b"busy", "text/plain", status=503), "HTTP 503", True),
        (Route(b"slow down", "text/plain", status=429), "HTTP 429", True),
        (Route(QUOTES, "text/html", delay=2.0), "sent nothing for 0.5 s", True),
    ],
    ids=["not-html", "empty", "blank", "too-big", "404", "503", "429", "read-timeout"],
)
def test_each_failure_names_the_page_and_whether_to_try_again(
    site: LocalSite, fetcher: Fetcher, route: Route, reason: str, transient: bool
) -> None:
    url = site.add("/page", route)
    with pytest.raises(FetchError, match=reason) as failed:
        fetcher.fetch(url, accept=PAGE_TYPES)
    assert url in failed.value.message
    assert failed.value.transient is transient


def test_a_body_over_the_cap_is_cut_off_as_it_arrives(site: LocalSite, fetcher: Fetcher) -> None:
    """No Content-Length to go by: the body is counted as it comes."""
    url = site.add("/big", Route(QUOTES * 40, "text/html", length=False))
    with pytest.raises(FetchError, match="larger than 0.1 MB"):
        fetcher.fetch(url)
    assert fetcher.fetch(site.add("/small", Route(QUOTES, "text/html", length=False))).body == QUOTES


def test_a_page_that_drips_stops_at_the_deadline(site: LocalSite, fetcher: Fetcher) -> None:
    """A byte every 0.2 s never trips the 0.5 s read timeout: the 1.5 s for the page does."""
    url = site.add("/drip", Route(QUOTES, "text/html", drip=0.2))
    started = time.monotonic()
    with pytest.raises(FetchError, match="took longer than 1.5 s") as failed:
        fetcher.fetch(url)
    assert time.monotonic() - started < 2.5
    assert failed.value.transient


def test_redirects_are_capped_and_a_loop_is_named(site: LocalSite, fetcher: Fetcher) -> None:
    site.add("/a", Route(status=302, location="/b"))
    loop = site.add("/b", Route(status=302, location="/a"))
    with pytest.raises(FetchError, match="redirects in a loop"):
        fetcher.fetch(loop)
    for n in range(5):
        site.add(f"/hop{n}", Route(status=307, location=f"/hop{n + 1}"))
    with pytest.raises(FetchError, match="redirects more than 3 times"):
        fetcher.fetch(site.url("/hop0"))
    assert not site.fetched("/hop4")


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("text/html", (OWN_PAGES / "cp1252.html").read_bytes()),  # its <meta> says windows-1252
        ("text/html; charset=iso-8859-1",  # the header says it, the page does not
         (OWN_PAGES / "cp1252.html").read_bytes().replace(b"windows-1252", b"")),
        ("text/html", (OWN_PAGES / "cp1252.html").read_bytes().replace(b"windows-1252", b"")),
    ],
    ids=["meta", "header", "undeclared"],
)
def test_a_page_in_another_charset_is_decoded(
    site: LocalSite, fetcher: Fetcher, content_type: str, body: bytes
) -> None:
    text = fetcher.fetch(site.add("/cafe", Route(body, content_type))).html()
    assert "\u201cIt means we can keep our staff" in text and "Ren\u00e9e Dubois" in text
    assert "\ufffd" not in text


def test_robots_txt_is_obeyed_unless_turned_off(site: LocalSite, fetcher: Fetcher) -> None:
    url = site.add("/private/1", Route(QUOTES, "text/html"))
    with pytest.raises(FetchError, match="robots.txt does not allow quoteapi") as refused:
        fetcher.fetch(url)
    assert "QUOTEAPI_FETCH_ROBOTS=0" in refused.value.message and not site.fetched("/private/1")
    with Fetcher(FetchPolicy(allow_private=True, robots=False)) as careless:
        assert careless.fetch(url).body == QUOTES
    assert len(site.fetched("/robots.txt")) == 1  # read once, then kept


def test_a_robots_txt_the_server_fails_to_give_stops_the_site_for_now(
    site: LocalSite, fetcher: Fetcher
) -> None:
    site.routes["/robots.txt"] = Route(b"oops", "text/plain", status=500)
    url = site.add("/news/1", Route(QUOTES, "text/html"))
    with pytest.raises(FetchError, match="robots.txt could not be read") as failed:
        fetcher.fetch(url)
    assert failed.value.transient and not site.fetched("/news/1")


def test_a_site_without_robots_txt_may_be_fetched(site: LocalSite, fetcher: Fetcher) -> None:
    del site.routes["/robots.txt"]  # 404
    assert fetcher.fetch(site.add("/news/1", Route(QUOTES, "text/html"))).body == QUOTES


def test_private_addresses_are_refused_before_any_request(site: LocalSite) -> None:
    url = site.add("/news/1", Route(QUOTES, "text/html"))
    with Fetcher(FetchPolicy(allow_private=False)) as guarded:
        for address in (url, url.replace("127.0.0.1", "localhost")):
            with pytest.raises(AddressRefused, match="loopback address"):
                guarded.fetch(address)
    assert site.requests == []  # not even robots.txt


def test_every_redirect_is_judged_again(site: LocalSite) -> None:
    """A judge that allows this site's address only: its redirect to another loopback address
    is refused at that hop, before any connection to it."""
    site.add("/out", Route(status=302, location=site.base.replace("127.0.0.1", "127.0.0.2")))
    only_this = lambda address: None if str(address) == "127.0.0.1" else "forbidden"
    with (Fetcher(FetchPolicy(robots=False), judge=only_this) as guarded,
          pytest.raises(AddressRefused, match="127.0.0.2 is a forbidden address")):
        guarded.fetch(site.url("/out"))
    assert [request.path for request in site.requests] == ["/out"]


@pytest.mark.parametrize("url", ["http://\u00df\u00ed\u0109\u0006", "http://[::1/",
                                 "http://example.com/\x00"])
def test_a_malformed_url_is_refused_before_any_request(fetcher: Fetcher, url: str) -> None:
    """Found by schemathesis: a control character or a broken host made httpx raise past the
    fetcher, and the API answered 500."""
    with pytest.raises(FetchError, match="is not a valid URL"):
        fetcher.fetch(url)


@pytest.mark.parametrize("url", ["ftp://example.com/x", "file:///etc/passwd", "http://", "x" * 10])
def test_only_http_urls_are_fetched(fetcher: Fetcher, url: str) -> None:
    with pytest.raises(FetchError, match="not an http"):
        fetcher.fetch(url)
