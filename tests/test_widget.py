"""The <quote-widget> in a real browser: Debian's Chromium driven by Playwright.

A host page on one origin embeds the widget from the API on another (two ports of 127.0.0.1), as a
news site would. The API serves the seed articles plus, for the duration of these tests, two
hand-made articles whose quote, role, title and link carry markup and script that must stay inert.
An article read from a web page (tests/web_pages/quotes.html, its quotes extracted) shows how
the widget links an article by its title and site name. Screenshots of the host page and of each
state (loading, ready, empty, error; light and dark) are kept in test-artifacts/widget-*.png.
"""

import html
import socket
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
from live_server import REPO, api_app, seeded_database, serving, sqlite_url
from services import unavailable
from werkzeug.wrappers import Request, Response

from quoteapi.extract.model import Quote, QuoteType, Speaker, SpeakerKind, TextSpan
from quoteapi.index.records import ArticleIn

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = REPO / "test-artifacts"
UNKNOWN = "nobody-by-this-name"
HOSTILE_SPEAKER = "Mallory Payload"
HOSTILE_SLUG = "mallory-payload"
IMG = '<img src=x onerror="window.__widgetXss = (window.__widgetXss || 0) + 1">'
SCRIPT = "<script>window.__widgetXss = (window.__widgetXss || 0) + 1</script>"
ROLE = '<b onmouseover="window.__widgetXss = 1">Chief</b> Injector'
WEB_PAGE = REPO / "tests" / "web_pages" / "quotes.html"
WEB_URL = "https://courier.example/news/harbour-bridge-repairs?from=feed"
WEB_SPEAKER = "margaret-ellison"
FETCH_LIMIT = 50  # widget.js asks for this many, then keeps `limit` of the right types and length
DEFAULT_TYPES = ("direct", "mixed")
DEFAULT_MIN_LENGTH = 30

if not CHROMIUM.exists():
    unavailable(f"{CHROMIUM} is missing: `make setup` installs it (apt-get install chromium)",
                module_level=True)
from playwright.sync_api import Browser, Page, sync_playwright


def hostile_article(text: str, url: str, published: date) -> tuple[ArticleIn, list[Quote]]:
    """An article whose one quote (all of ``text`` after the cue) is said by HOSTILE_SPEAKER."""
    article_text = f"{HOSTILE_SPEAKER}, {ROLE}, said: {text}"
    start = article_text.index(text)
    mention = TextSpan(HOSTILE_SPEAKER, 0, len(HOSTILE_SPEAKER))
    cue_start = article_text.index("said")
    quote = Quote(
        text=text,
        type=QuoteType.DIRECT,
        spans=((start, len(article_text)),),
        cue=TextSpan("said", cue_start, cue_start + 4),
        speaker=Speaker(HOSTILE_SPEAKER, role=ROLE, mention=mention, kind=SpeakerKind.PERSON),
        confidence=0.9,
    )
    article = ArticleIn(
        text=article_text,
        title=f"{SCRIPT} headline",
        url=url,
        source=f"{IMG} Gazette",
        published=published,
    )
    return article, [quote]


@pytest.fixture(scope="module")
def api_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The API over the seeds, with the two hostile articles and one read from a web page added
    (and removed afterwards)."""
    from quoteapi.index.service import Index
    from quoteapi.web.fetch import decode_html
    from quoteapi.web.page import article_from_html

    database = seeded_database(tmp_path_factory)
    index = Index(url=sqlite_url(database))
    added = [
        index.ingest(article_from_html(decode_html(WEB_PAGE.read_bytes()), WEB_URL)),
        index.ingest(
            *hostile_article(
                f"Look: {IMG} and {SCRIPT}", "https://news.example/a?x=1&y=<2>", date(2022, 3, 5)
            )
        ),
        index.ingest(
            *hostile_article(
                "A link that must not run", "javascript:window.__widgetXss=1", date(2022, 3, 4)
            )
        ),
    ]
    try:
        with serving(api_app(database)) as url:
            yield url
    finally:
        for result in added:
            index.delete_article(result.article_id)


def host_page(api_url: str) -> str:
    """A news site's page on another origin, embedding the widget as the README says."""
    return f"""<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Host page</title>
<style>body {{ font-family: sans-serif; margin: 1rem; background: #f6f7f9; }}
#hostile {{ --quote-widget-accent: #0b6e4f; --quote-widget-bg: #eef8f3; }}</style>
<script src="{html.escape(api_url)}/widget.js" async></script></head>
<body><h1>Host page on another origin</h1>
<quote-widget id="wallace" speaker="ben-wallace" limit="3"></quote-widget>
<h2>Injected markup</h2>
<quote-widget id="hostile" speaker="{HOSTILE_SLUG}" limit="5" min-length="0"></quote-widget>
<h2>Unknown speaker</h2>
<quote-widget id="unknown" speaker="{UNKNOWN}"></quote-widget>
<h2>From a web page</h2>
<quote-widget id="web" speaker="{WEB_SPEAKER}" limit="1" types="direct mixed indirect"
  min-length="0"></quote-widget>
</body></html>"""


@pytest.fixture(scope="module")
def host_url(api_url: str) -> Iterator[str]:
    body = host_page(api_url)

    def app(environ: dict[str, Any], start_response: Any) -> Any:
        path = Request(environ).path
        response = Response(body, mimetype="text/html") if path == "/" else Response("", status=404)
        return response(environ, start_response)

    with serving(app) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-background-networking"]
        )
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def loaded(browser: Browser, host_url: str) -> Iterator[tuple[Page, list[str]]]:
    """The host page with every widget settled, and the API requests the page made."""
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(host_url)
    for widget in ("wallace", "hostile", "unknown", "web"):
        page.wait_for_selector(f"#{widget}:not([data-state='loading'])[data-state]", timeout=15_000)
    yield page, requests
    page.close()


def api_quotes(api_url: str, speaker: str, limit: int) -> list[dict[str, Any]]:
    """The quotes the widget shows by default: the latest direct and mixed ones of 30 characters
    or more (the seeds hold no two records of the same words, which it would show as one)."""
    response = httpx.get(f"{api_url}/speakers/{speaker}/quotes", params={"limit": FETCH_LIMIT})
    response.raise_for_status()
    shown = [
        quote
        for quote in response.json()["items"]
        if quote["type"] in DEFAULT_TYPES and len(quote["text"].strip()) >= DEFAULT_MIN_LENGTH
    ]
    return shown[:limit]


def test_widget_shows_ben_wallace_latest_quotes_across_origins(
    loaded: tuple[Page, list[str]], api_url: str
) -> None:
    page, _ = loaded
    expected = api_quotes(api_url, "ben-wallace", 3)
    assert len(expected) == 3, "the seeds hold at least three quotes of Ben Wallace"
    widget = page.locator("#wallace")
    assert widget.get_attribute("data-state") == "ready"
    items = widget.locator("li.quote")  # Playwright's CSS locators pierce open shadow roots
    assert items.count() == 3
    speaker = widget.locator(".speaker")
    assert speaker.count() == 1 and speaker.text_content() == "Ben Wallace"  # once, above
    for item, quote in zip(items.all(), expected, strict=True):
        assert item.locator("blockquote p").text_content() == quote["text"]
        if quote["role"]:
            assert item.locator(".role").text_content() == quote["role"]
        sources = item.locator(".source")
        assert sources.count() == min(3, len(quote["appearances"]))
        first = quote["appearances"][0]
        if first["source"]:
            assert first["source"] in sources.first.text_content()
        if first["published"]:
            assert sources.first.locator("time").get_attribute("datetime") == first["published"]
        # a link to the article: where it was published, else its copy in the API
        stored = f"{api_url}/articles/{first['article_id']}"
        assert sources.first.locator("a").get_attribute("href") == (first["url"] or stored)
    assert widget.locator("[role=status]").text_content() == "Showing 3 quotes by Ben Wallace."
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "widget-host-page.png"), full_page=True)


def test_each_widget_makes_one_cross_origin_request(
    loaded: tuple[Page, list[str]], api_url: str
) -> None:
    _, requests = loaded
    api_calls = sorted(url for url in requests if "/speakers/" in url)
    assert api_calls == sorted(
        [
            f"{api_url}/speakers/ben-wallace/quotes?limit={FETCH_LIMIT}",
            f"{api_url}/speakers/{HOSTILE_SLUG}/quotes?limit={FETCH_LIMIT}",
            f"{api_url}/speakers/{UNKNOWN}/quotes?limit={FETCH_LIMIT}",
            f"{api_url}/speakers/{WEB_SPEAKER}/quotes?limit={FETCH_LIMIT}",
        ]
    )
    assert f"{api_url}/widget.js" in requests


def test_unknown_speaker_shows_the_error_state(loaded: tuple[Page, list[str]]) -> None:
    page, _ = loaded
    widget = page.locator("#unknown")
    assert widget.get_attribute("data-state") == "error"
    status = widget.locator("[role=status]")
    assert status.is_visible()
    assert status.text_content().startswith("Could not load quotes: ")
    assert UNKNOWN in status.text_content()  # the API's problem detail names it
    assert widget.locator("li").count() == 0


def test_injected_markup_stays_text(loaded: tuple[Page, list[str]], api_url: str) -> None:
    page, _ = loaded
    widget = page.locator("#hostile")
    assert widget.get_attribute("data-state") == "ready"
    assert page.evaluate("window.__widgetXss") is None, "an injected handler ran"
    counts = page.evaluate(
        """() => {
            const root = document.getElementById('hostile').shadowRoot;
            return {img: root.querySelectorAll('img').length, script: root.querySelectorAll('script').length,
                    b: root.querySelectorAll('b').length, links: [...root.querySelectorAll('a')].map(a => a.href)};
        }"""
    )
    assert counts["img"] == counts["script"] == counts["b"] == 0
    published, stored = counts["links"]
    assert published == "https://news.example/a?x=1&y=%3C2%3E"
    assert stored.startswith(f"{api_url}/articles/"), (
        "a javascript: URL is replaced by the API's copy"
    )
    text = widget.locator("li.quote").first
    assert text.locator("blockquote p").text_content() == f"Look: {IMG} and {SCRIPT}"
    assert text.locator(".role").text_content() == ROLE
    assert IMG in text.locator(".source").text_content()
    second = widget.locator("li.quote").nth(1)
    assert second.locator("cite").text_content() == f"{SCRIPT} headline"
    assert second.locator(".site").text_content() == f"{IMG} Gazette"
    assert page.evaluate("window.__widgetXss") is None


def test_links_take_keyboard_focus(loaded: tuple[Page, list[str]]) -> None:
    page, _ = loaded
    page.locator("h1").click()  # start from the top of the page, then only the keyboard
    reached = []
    for _ in range(4):
        page.keyboard.press("Tab")
        reached.append(
            page.evaluate(
                """() => { const host = document.activeElement; const a = host.shadowRoot?.activeElement;
                   return a && [host.id, a.tagName, getComputedStyle(a).outlineStyle, a.getAttribute('aria-label')]; }"""
            )
        )
    assert all(reached), f"Tab left the widgets' links: {reached}"
    assert [host for host, *_ in reached] == ["wallace"] * 3 + [
        "hostile"
    ]  # one link per quote, in order
    for _, tag, outline, label in reached:
        assert tag == "A" and outline != "none"  # a visible focus ring
        assert label.endswith("opens in a new tab")


@pytest.mark.parametrize(("width", "side_by_side"), [(360, False), (1100, True)])
def test_layout_follows_the_width(
    loaded: tuple[Page, list[str]], width: int, side_by_side: bool
) -> None:
    page, _ = loaded
    page.set_viewport_size({"width": width, "height": 900})
    boxes = [item.bounding_box() for item in page.locator("#wallace li.quote").all()]
    lefts = {round(box["x"]) for box in boxes if box}
    assert (len(lefts) > 1) == side_by_side, f"quote columns at {width}px: {sorted(lefts)}"
    page.set_viewport_size({"width": 1100, "height": 900})


def test_an_article_from_the_web_is_linked_by_its_title_and_site(
    loaded: tuple[Page, list[str]]
) -> None:
    page, _ = loaded
    widget = page.locator("#web")
    assert widget.get_attribute("data-state") == "ready"
    source = widget.locator("li.quote .source").first
    link = source.locator("cite a")
    assert link.text_content() == "Harbour bridge to close for repairs"  # the page's title
    assert link.get_attribute("href") == WEB_URL  # where it was read
    assert link.get_attribute("aria-label") == (
        "Harbour bridge to close for repairs, Northfield Courier, opens in a new tab"
    )
    assert source.locator(".site").text_content() == "Northfield Courier"  # its og:site_name
    assert source.locator("time").get_attribute("datetime") == "2024-05-14"
    assert "Article" not in source.text_content()


# ---- each state on its own, light and dark, with a screenshot to look at ----------------------

STATE_PAGE = """<!doctype html><html lang="en-GB"><head><meta charset="utf-8">
<meta name="color-scheme" content="light dark"><title>State</title>
<style>body {{ font-family: sans-serif; margin: 1.5rem; background: Canvas; color: CanvasText; }}</style>
<script src="{api}/widget.js" async></script></head>
<body><quote-widget id="w" {attributes}></quote-widget></body></html>"""


@pytest.fixture(scope="module")
def state_pages(api_url: str) -> Iterator[tuple[str, dict[str, str]]]:
    """A host on another origin serving, at each path, the page that ``pages[path]`` holds."""
    pages: dict[str, str] = {}

    def app(environ: dict[str, Any], start_response: Any) -> Any:
        body = pages.get(Request(environ).path)
        response = Response(body or "", status=200 if body else 404, mimetype="text/html")
        return response(environ, start_response)

    with serving(app) as url:
        yield url, pages


@pytest.fixture
def widget_alone(browser: Browser, api_url: str, state_pages: Any) -> Iterator[Any]:
    """Opens a page holding one widget with the given attributes, in a colour scheme. Pages are
    closed whatever happens: an open one may hold a connection the test server waits on."""
    host, pages = state_pages
    opened: list[Page] = []

    def open_page(attributes: str, scheme: str = "light") -> Page:
        path = f"/{len(pages)}"
        pages[path] = STATE_PAGE.format(api=html.escape(api_url), attributes=attributes)
        page = browser.new_page(viewport={"width": 720, "height": 520}, color_scheme=scheme)
        opened.append(page)
        page.goto(f"{host}{path}")
        return page

    yield open_page
    for page in opened:
        page.close()


def settle(page: Page, state: str, name: str) -> Any:
    widget = page.locator("#w")
    settled = "" if state == "loading" else ":not([data-state='loading'])"
    page.wait_for_selector(f"#w[data-state]{settled}", state="attached", timeout=15_000)
    assert widget.get_attribute("data-state") == state, widget.locator("[role=status]").text_content()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"widget-{name}.png"))
    return widget


def background(page: Page) -> str:
    return page.evaluate(
        "() => getComputedStyle(document.getElementById('w').shadowRoot.querySelector('.widget'))"
        ".backgroundColor"
    )


def test_loading_state(widget_alone: Any) -> None:
    """An API that accepts the connection and never answers keeps the widget loading."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        api = f"http://127.0.0.1:{silent.getsockname()[1]}/"
        page = widget_alone(f'speaker="ben-wallace" api="{api}"')
        widget = settle(page, "loading", "loading")
        assert widget.locator("[role=status]").text_content() == "Loading quotes\u2026"
        assert widget.locator(".skeleton").is_visible()
        assert widget.locator(".widget").get_attribute("aria-busy") == "true"
        page.close()  # before the socket: the request ends with the page


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_ready_state_follows_the_colour_scheme(widget_alone: Any, scheme: str) -> None:
    page = widget_alone('speaker="ben-wallace" limit="2"', scheme)
    widget = settle(page, "ready", f"ready-{scheme}")
    assert widget.locator("li.quote").count() == 2
    assert background(page) == ("rgb(255, 255, 255)" if scheme == "light" else "rgb(31, 34, 41)")


def test_empty_state(widget_alone: Any) -> None:
    page = widget_alone('speaker="ben-wallace" min-length="100000"')
    widget = settle(page, "empty", "empty")
    assert widget.locator("[role=status]").text_content() == "No quotes by Ben Wallace to show yet."
    assert widget.locator("li").count() == 0


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_error_state(widget_alone: Any, scheme: str) -> None:
    page = widget_alone(f'speaker="{UNKNOWN}"', scheme)
    widget = settle(page, "error", f"error-{scheme}")
    assert widget.locator("[role=status]").text_content().startswith("Could not load quotes: ")


@pytest.mark.parametrize(
    ("attributes", "sent", "types", "min_length"),
    [
        ('types="direct" min-length="0"', "&type=direct", {"direct"}, 0),
        ('types="mixed indirect" min-length="60"', "", {"mixed", "indirect"}, 60),
        ("", "", {"direct", "mixed"}, 30),
    ],
)
def test_types_and_minimum_length_choose_the_quotes(
    widget_alone: Any, api_url: str, attributes: str, sent: str, types: set[str], min_length: int
) -> None:
    page = widget_alone(f'speaker="boris-johnson" limit="20" {attributes}')
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.reload()
    widget = settle(page, "ready", "types")
    assert f"{api_url}/speakers/boris-johnson/quotes?limit={FETCH_LIMIT}{sent}" in requests
    every = httpx.get(f"{api_url}/speakers/boris-johnson/quotes",
                      params={"limit": FETCH_LIMIT}).json()["items"]
    expected = [q["text"] for q in every
                if q["type"] in types and len(q["text"].strip()) >= min_length]
    shown = [item.text_content() for item in widget.locator("blockquote p").all()]
    assert shown == expected and shown  # newest first, as the API gives them


def test_one_entry_per_quote_with_each_article(widget_alone: Any, api_url: str) -> None:
    """A quote two articles carry is one entry listing both; untitled ones are told apart."""
    page = widget_alone('speaker="boris-johnson" limit="20" types="direct"')
    widget = settle(page, "ready", "one-entry")
    every = httpx.get(f"{api_url}/speakers/boris-johnson/quotes",
                      params={"limit": FETCH_LIMIT, "type": "direct"}).json()["items"]
    shared = [q for q in every if len(q["appearances"]) == 2]
    assert shared, "the seeds 000 and 002 carry one quote of Boris Johnson's"
    texts = [item.text_content() for item in widget.locator("blockquote p").all()]
    assert len(texts) == len(set(texts)) == len(every)
    entry = widget.locator("li.quote", has_text=shared[0]["text"][:40])
    links = [link.text_content() for link in entry.locator(".source a").all()]
    assert links == ["Article 1", "Article 2"]  # the seeds have no titles, addresses or sites
