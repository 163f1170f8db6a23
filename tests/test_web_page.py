"""A page in, an article out (web/page.py): the main text without the page's furniture, and
what the page says of itself. Our own pages first, then the saved news pages in
../shared/data/news-html (skipped where that folder is absent)."""

from datetime import date

import pytest
from web_site import OWN_PAGES, SHARED_PAGES

from quoteapi.web.errors import NotAnArticle
from quoteapi.web.fetch import decode_html
from quoteapi.web.page import article_from_html

URL = "http://127.0.0.1:8080/news/harbour-bridge?utm_source=feed"
needs_shared = pytest.mark.skipif(
    not SHARED_PAGES.is_dir(), reason=f"{SHARED_PAGES} is absent (the shared test pages)"
)


def read(path) -> str:  # type: ignore[no-untyped-def]
    return decode_html(path.read_bytes())


def test_the_main_text_without_the_furniture_and_the_page_s_metadata() -> None:
    article = article_from_html(read(OWN_PAGES / "quotes.html"), URL)
    assert article.text.startswith("Harbour bridge to close for repairs\n\nThe Harbour Bridge")
    assert "“We cannot keep patching a bridge" in article.text
    for furniture in ("Subscribe", "cookies", "Most read", "Reader123", "All rights reserved",
                      "seen from the ferry terminal", "By Priya Natarajan"):
        assert furniture not in article.text, furniture
    assert "\n\n\n" not in article.text  # one blank line between paragraphs
    assert (article.title, article.source, article.author) == (
        "Harbour bridge to close for repairs", "Northfield Courier", "Priya Natarajan")
    assert article.published == date(2024, 5, 14)
    assert article.url == URL
    assert article.canonical_url == "https://courier.example/news/harbour-bridge-repairs"


def test_what_the_page_does_not_say_is_left_empty_or_taken_from_the_feed() -> None:
    from quoteapi.web.page import Hints

    article = article_from_html(read(OWN_PAGES / "no-quotes.html"), None)
    assert article.published is None  # not the footer's "© 2024"
    assert article.author is None and article.url is None and article.canonical_url is None
    hinted = article_from_html(read(OWN_PAGES / "no-quotes.html"), None,
                               Hints("Feed title", date(2024, 5, 1), "A. Writer"))
    assert (hinted.published, hinted.author) == (date(2024, 5, 1), "A. Writer")
    assert hinted.title == "Tide tables for the week ahead"  # the page's own title wins


def test_a_page_in_another_charset_keeps_its_letters() -> None:
    article = article_from_html(read(OWN_PAGES / "cp1252.html"), None)
    assert "“It means we can keep our staff through the winter,” said Renée Dubois" in article.text


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ("", "is empty"),
        ("<html><body><nav>Home</nav><p>Short.</p></body></html>", "holds no article"),
        ("<html><body>" + "<p>Der Bürgermeister sagte am Montag, dass die Stadt im nächsten Jahr "
         "neue Radwege bauen wird, die Bürger sind begeistert.</p>" * 5 + "</body></html>",
         "not in English"),
    ],
    ids=["empty", "no-article", "german"],
)
def test_a_page_with_no_english_article_is_refused(html: str, reason: str) -> None:
    with pytest.raises(NotAnArticle, match=reason):
        article_from_html(html, URL)


PAGES = sorted((SHARED_PAGES / "pages").glob("*.html")) if SHARED_PAGES.is_dir() else []


@needs_shared
@pytest.mark.parametrize("path", PAGES, ids=[path.stem for path in PAGES])
def test_each_saved_news_page_gives_an_article_with_its_metadata(path) -> None:  # type: ignore[no-untyped-def]
    article = article_from_html(read(path), None)
    assert article.title and article.source and article.published
    assert len(article.text) > 500
    assert article.text.split("\n\n", 1)[0] == article.title
    for furniture in ("Sign up", "Share this", "cookie policy", "Advertisement"):
        assert furniture.lower() not in article.text.lower()[:200], furniture


@needs_shared
@pytest.mark.parametrize(
    ("name", "reason"),
    [("Osthessen-news.de-Buergermeisterwahl.html", "not in English"),
     ("scam.html", "not in English"),
     ("utf8.html", "holds no article")],
)
def test_the_saved_pages_that_are_no_english_article(name: str, reason: str) -> None:
    with pytest.raises(NotAnArticle, match=reason):
        article_from_html(read(SHARED_PAGES / "other" / name), None)
