"""A per-process micro-cache of whole read answers (GET 200 bodies), a few seconds long.

Reads of the index are what newsrooms and the embedded widget repeat: the same speaker's quotes,
asked by every reader of an article. Each worker keeps the bytes of its recent answers for
``PAGE_CACHE_SECONDS`` (config, default 10; 0 turns it off) - less than the ``max-age=60`` the API
already grants HTTP caches, so no client sees older data than it could before. A successful write
(POST, DELETE) empties the worker's cache at once; other workers catch up within the TTL.
/health is never cached: it must reach the database.

Hand-written (about the same size as configuring Flask-Caching, which keys and stores views
differently and would also cache our 304s), on cachetools' TTLCache.
"""

from threading import Lock

from cachetools import TTLCache
from flask import Flask, Response, current_app, request

from . import memo

EXTENSION = "quoteapi.pagecache"
MAX_PAGES = 2_000  # ~ 30 MB per worker at the largest pages (100 quotes)
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
HIT_HEADER = "X-Cache"  # HIT or MISS, for operators and the benchmark


class PageCache:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.pages: TTLCache = TTLCache(maxsize=MAX_PAGES, ttl=seconds or 1)
        self.lock = Lock()  # TTLCache is not thread-safe; the dev server is threaded


def _cache() -> PageCache:
    found = current_app.extensions.get(EXTENSION)
    if found is None:
        found = current_app.extensions[EXTENSION] = PageCache(
            current_app.config["PAGE_CACHE_SECONDS"]
        )
    return found


def _cacheable() -> bool:
    return request.method in ("GET", "HEAD") and request.endpoint in CACHED


def serve_cached() -> Response | None:
    """Before the view: the remembered answer, if there is one (caching.py still answers 304)."""
    cache = _cache()
    if not cache.seconds or not _cacheable():
        return None
    with cache.lock:
        hit = cache.pages.get(request.full_path)
    if hit is None:
        return None
    body, etag = hit
    response = Response(body, mimetype="application/json")
    response.set_etag(etag)
    response.headers[HIT_HEADER] = "HIT"
    return response


def remember(response: Response) -> Response:
    """After the view: keep a fresh 200 body; a successful write empties this worker's caches."""
    cache = _cache()
    if request.method in ("POST", "PUT", "PATCH", "DELETE") and response.status_code < 400:
        with cache.lock:
            cache.pages.clear()
        memo.forget()  # the name lookups too, whether or not pages are cached
    elif (
        cache.seconds
        and request.method == "GET"
        and _cacheable()
        and response.status_code == 200
        and HIT_HEADER not in response.headers
    ):
        etag, _ = response.get_etag()
        if etag:
            with cache.lock:
                cache.pages[request.full_path] = (response.get_data(), etag)
        response.headers[HIT_HEADER] = "MISS"
    return response


def register(app: Flask) -> None:
    """Call before caching.register: this after_request hook must run after the ETag is set."""
    app.before_request(serve_cached)
    app.after_request(remember)
