"""``POST /articles`` with a page instead of a text: ``{"url": ...}`` (the server fetches it) or
``{"html": ..., "url": optional}``.

The fetch (web/fetch.py) runs in the request's thread, which waits on the network, within its
bounds (QUOTEAPI_FETCH_TIMEOUT, QUOTEAPI_FETCH_SECONDS, QUOTEAPI_FETCH_MAX_BYTES, robots.txt),
and connects only to public addresses unless QUOTEAPI_FETCH_ALLOW_PRIVATE=1, so a URL cannot
make the server reach itself, its network or a cloud metadata service (a 422). Reading the
page's main text is CPU work and runs in the extraction pool (extraction.py). What the client
states of the article (title, source, author, published, canonical_url) wins over what the
page says.
"""

import dataclasses
from typing import Any

from ..index.records import ArticleIn
from ..web.fetch import PAGE_TYPES, Fetcher, FetchPolicy
from .context import per_app
from .extraction import read_page

EXTENSION = "quoteapi.fetcher"
STATED = ("title", "source", "author", "published", "canonical_url")  # the client's word wins


def fetcher() -> Fetcher:
    """The app's fetcher (one connection pool, shared by its threads)."""
    return per_app(EXTENSION, lambda config: Fetcher(
        FetchPolicy.from_settings(allow_private=config["FETCH_ALLOW_PRIVATE"])))


def page_article(data: dict[str, Any]) -> ArticleIn:
    """The article of the page a request sends (``html``) or names (``url`` alone)."""
    url = data.get("url")
    if "html" in data:
        article = read_page(data["html"], url)
    else:
        fetched = fetcher().fetch(url, accept=PAGE_TYPES)
        article = read_page(fetched.html(), fetched.final_url)
    stated = {key: data[key] for key in STATED if data.get(key) is not None}
    return dataclasses.replace(article, **stated)
