"""What `quoteapi ingest` reads: files and folders as before (index/ingest.py), and now HTML
files, http(s) URLs and feeds (a file or URL that is a feed gives the page of each entry).

Everything becomes an ``Item`` (index/ingest.py) as it is read, one page at a time, so the index
stores each article before the next page is fetched, and a page that fails is an Item with the
reason while the rest go on.
"""

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import BadInput, QuoteapiError
from ..index.ingest import SUFFIXES, Item, expand, read_file
from ..index.records import ArticleIn
from .errors import NotAnArticle
from .feeds import Entry, looks_like_feed, parse_feed
from .fetch import PAGE_TYPES, Fetcher, decode_html
from .page import article_from_html

HTML_SUFFIXES = (".html", ".htm")
FEED_SUFFIXES = (".rss", ".atom", ".xml")  # named on the command line; .json may be a feed too


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def read_sources(sources: Iterable[str], fetcher: Fetcher, max_bytes: int) -> Iterator[Item]:
    """The articles of each source: a URL (a page, or a feed's pages), a file (text, JSON,
    JSON Lines, HTML, a feed), or a folder of articles and HTML pages; ``max_bytes`` caps a
    file."""
    for source in sources:
        if is_url(source):
            yield from read_url(source, fetcher)
            continue
        for path, in_folder in expand([source], SUFFIXES + HTML_SUFFIXES):
            yield from read_path(path, in_folder, fetcher, max_bytes)


def read_url(url: str, fetcher: Fetcher) -> Iterator[Item]:
    """The page at ``url``, or the pages of the feed there."""
    try:
        fetched = fetcher.fetch(url)
        if looks_like_feed(fetched.body, fetched.media_type):
            feed = parse_feed(fetched.body, fetched.final_url, fetched.media_type)
        else:
            yield Item(url, article_from_html(fetched.html(), fetched.final_url))
            return
    except QuoteapiError as error:
        yield Item(url, error=error.message)
        return
    yield from read_entries(feed.entries, fetcher, url)


def read_path(path: Path, in_folder: bool, fetcher: Fetcher, max_bytes: int) -> Iterator[Item]:
    """A file's articles: an HTML page's, a feed's pages, or what index/ingest.py reads."""
    suffix = path.suffix.lower()
    if suffix not in HTML_SUFFIXES + FEED_SUFFIXES + (".json",):
        yield from read_file(path, max_bytes, in_folder)
        return
    try:
        body = _read_bytes(path, max_bytes)
    except QuoteapiError as error:
        yield Item(str(path), error=error.message)
        return
    if suffix == ".json" and not looks_like_feed(body):
        yield from read_file(path, max_bytes, in_folder)
        return
    try:
        if suffix in HTML_SUFFIXES:
            yield Item(str(path), article_from_html(decode_html(body), None))
            return
        feed = parse_feed(body, None)
    except QuoteapiError as error:
        yield Item(str(path), error=error.message)
        return
    yield from read_entries(feed.entries, fetcher, str(path))


def read_entries(entries: list[Entry], fetcher: Fetcher, feed: str) -> Iterator[Item]:
    for number, entry in enumerate(entries, start=1):
        yield read_entry(entry, fetcher, f"{feed} entry {number}")


def read_entry(entry: Entry, fetcher: Fetcher, label: str) -> Item:
    """The article of a feed entry's page (``label`` names the entry where it has no link)."""
    try:
        return Item(entry.link or label, entry_article(entry, fetcher))
    except QuoteapiError as error:
        return Item(entry.link or label, error=error.message)


def entry_article(entry: Entry, fetcher: Fetcher) -> ArticleIn:
    """The article of a feed entry's page; FetchError or NotAnArticle when it gives none."""
    if entry.link is None:
        raise NotAnArticle("the entry has no link to a web page")
    fetched = fetcher.fetch(entry.link, accept=PAGE_TYPES)
    return article_from_html(fetched.html(), fetched.final_url, entry.hints)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    if not path.is_file():
        raise BadInput("no such file" if not path.exists() else "not a file")
    size = path.stat().st_size
    if size > max_bytes:
        raise BadInput(f"the file is {size / 1_000_000:.1f} MB, over the "
                       f"{max_bytes / 1_000_000:.1f} MB limit (QUOTEAPI_FETCH_MAX_BYTES)")
    body = path.read_bytes()
    if not body.strip():
        raise BadInput("the file is empty")
    return body
