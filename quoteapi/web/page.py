"""A web page in, an article out: ``article_from_html(html, url)``.

trafilatura finds the main text and the metadata (title, site name, author, canonical URL; the
date through htmldate, trafilatura's own date finder), leaving out navigation, share bars,
comments, tables and figures with their captions. The article's text is the title, then the
main text's paragraphs, one per line with a blank line between (as `quoteapi ingest` reads a
text file), and it is what is stored: every offset of its quotes points into it. A page whose
main text is too short to be an article, or is not in English (py3langid), is refused with the
reason (NotAnArticle), so nothing is stored for it.
"""

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

import py3langid
import trafilatura

from ..index.records import ArticleIn
from .errors import NotAnArticle

MIN_TEXT = 250  # characters of main text; trafilatura's own floor for a main text
LANGUAGE = "en"  # the language quoteapi's pipeline reads
PRUNE = ["//figure", "//figcaption"]  # captions are not the article (trafilatura keeps them)
# htmldate: the date the page first gives (not its last change), from its markup and URL only;
# its extensive search takes a footer's "© 2024" for 2024-01-01
DATES = {"original_date": True, "extensive_search": False}
SITE_SEPARATORS = (" - ", " | ", " – ", " — ", " :: ")  # between a title and its site's name
MAX_TITLE, MAX_URL, MAX_SITE, MAX_AUTHOR = 1000, 2000, 200, 300  # what the index columns take


@dataclass(frozen=True)
class Hints:
    """What a feed entry says of its page, used where the page itself says nothing."""

    title: str | None = None
    published: date | None = None
    author: str | None = None


def article_from_html(html: str, url: str | None = None, hints: Hints | None = None) -> ArticleIn:
    """The article of a page (``url``: where it was read, for its metadata and identity)."""
    hints = hints or Hints()
    where = url or "the page"
    if not html.strip():
        raise NotAnArticle(f"{where} is empty")
    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, include_links=False, include_formatting=False,
        prune_xpath=PRUNE, date_extraction_params=DATES,
    )
    body = _paragraphs(document.text if document is not None else None)
    if len(body) < MIN_TEXT:
        raise NotAnArticle(f"{where} holds no article (no main text of {MIN_TEXT} characters "
                           "or more)")
    language, _score = py3langid.classify(body)
    if language != LANGUAGE:
        raise NotAnArticle(f"{where} is not in English (it reads as {language!r}): quoteapi "
                           "reads English articles")
    site = _clip(document.sitename or _host(url), MAX_SITE)
    title = _clip(_without_site(document.title, site) or hints.title, MAX_TITLE)
    first_line = body.split("\n", 1)[0]
    text = body if not title or first_line == title else f"{title}\n\n{body}"
    return ArticleIn(
        text=text, title=title, url=_web_url(url), canonical_url=_web_url(document.url),
        source=site,
        author=_clip(document.author or hints.author, MAX_AUTHOR),
        published=_day(document.date) or hints.published,
    )


def _paragraphs(text: str | None) -> str:
    """trafilatura's lines, each stripped, with a blank line between them."""
    lines = (line.strip() for line in (text or "").splitlines())
    return "\n\n".join(line for line in lines if line)


def _without_site(title: str | None, site: str | None) -> str | None:
    """"Forex motion defeated - Trinidad and Tobago Newsday" less its site's name."""
    if title and site:
        for separator in SITE_SEPARATORS:
            if title.endswith(separator + site) and len(title) > len(separator + site):
                return title[: -len(separator + site)].strip()
    return title


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _web_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) URL the index can keep."""
    if not url or len(url) > MAX_URL or urlsplit(url).scheme not in ("http", "https"):
        return None
    return url


def _host(url: str | None) -> str | None:
    return urlsplit(url).hostname if url else None


def _clip(value: str | None, limit: int) -> str | None:
    value = " ".join(value.split()) if value else None
    return value[:limit] if value else None
