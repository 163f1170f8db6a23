"""One cache of read answers per API worker, emptied whenever the index changes.

Every request first asks the index for its change marker (``Index.changes()``: SQLite's
``PRAGMA data_version``, PostgreSQL's generation row; microseconds). When it differs from the
marker the cache was filled under, the cache is emptied: whoever wrote (this worker, another one,
``quoteapi ingest``, a Celery worker), the next answer reflects the write, and its ETag with it.
Nothing is kept for a set time, so there is no window of stale answers to tune.

What is kept: the bytes and ETag of GET 200 answers of the read routes (``CACHED``), and any value
a view remembers with ``remembered(key, compute)`` (a resolved speaker name, the counts /health
reports). ``QUOTEAPI_CACHE_ENTRIES`` bounds each worker's cache (least recently used go first;
0 turns it off). Hand-written on cachetools' LRUCache: Flask-Caching keys views by time, not by a
marker, and would cache 304s.
"""

from collections.abc import Callable, Hashable
from threading import Lock
from typing import Any, TypeVar

from cachetools import LRUCache
from flask import Flask, Response, current_app, g, request

from .context import current_index

T = TypeVar("T")
EXTENSION = "quoteapi.cache"
HIT_HEADER = "X-Cache"  # HIT or MISS, for operators and the benchmark
CACHED = frozenset(
    {
        "Speakers.Speakers",
        "Speakers.SpeakersByName",
        "Speakers.SpeakerQuotes",
        "Quotes.Quotes",
        "Quotes.QuotesById",
        "Articles.ArticlesById",
    }
)
_UNSET = object()


class ReadCache:
    def __init__(self, entries: int) -> None:
        self.entries = entries
        self.values: LRUCache = LRUCache(maxsize=max(entries, 1))
        self.marker: Hashable = _UNSET
        self.lock = Lock()  # the server runs each worker's requests in threads

    def current(self, marker: Hashable) -> None:
        """Empty the cache unless it was filled under ``marker``."""
        with self.lock:
            if marker != self.marker:
                self.values.clear()
                self.marker = marker

    def get(self, key: Hashable) -> Any:
        with self.lock:
            return self.values.get(key, _UNSET)

    def put(self, key: Hashable, value: Any, marker: Hashable) -> None:
        """Keep ``value``, computed after ``marker`` was read, unless the index changed since."""
        with self.lock:
            if self.entries and marker == self.marker:
                self.values[key] = value


_making = Lock()


def _cache() -> ReadCache:
    found = current_app.extensions.get(EXTENSION)
    if found is None:
        with _making:
            found = current_app.extensions.setdefault(
                EXTENSION, ReadCache(current_app.config["CACHE_ENTRIES"])
            )
    return found


def _marker() -> Hashable:
    """The index's change marker as this request first read it."""
    if "index_marker" not in g:
        g.index_marker = current_index().changes()
        _cache().current(g.index_marker)
    return g.index_marker


def remembered(key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, or what it gave since the index last changed (errors are not kept)."""
    marker = _marker()
    cache = _cache()
    found = cache.get(("value", key))
    if found is _UNSET:
        found = compute()
        cache.put(("value", key), found, marker)
    return found


def _cacheable() -> bool:
    return request.method in ("GET", "HEAD") and request.endpoint in CACHED


def serve_cached() -> Response | None:
    """Before the view: the kept answer, if any (caching.py still answers 304 from its ETag)."""
    if not _cacheable() or not current_app.config["CACHE_ENTRIES"]:
        return None
    _marker()  # empties the cache when the index changed
    hit = _cache().get(("page", request.full_path))
    if hit is _UNSET:
        return None
    body, etag = hit
    response = Response(body, mimetype="application/json")
    response.set_etag(etag)
    response.headers[HIT_HEADER] = "HIT"
    return response


def keep(response: Response) -> Response:
    """After the view (and after caching.py set the ETag): keep a fresh 200 answer."""
    if (
        request.method == "GET"
        and _cacheable()
        and response.status_code == 200
        and HIT_HEADER not in response.headers
        and "index_marker" in g
    ):
        etag, _ = response.get_etag()
        if etag:
            _cache().put(("page", request.full_path), (response.get_data(), etag), g.index_marker)
        response.headers[HIT_HEADER] = "MISS"
    return response


def register(app: Flask) -> None:
    """Call before caching.register: this after_request hook must run after the ETag is set."""
    app.before_request(serve_cached)
    app.after_request(keep)
