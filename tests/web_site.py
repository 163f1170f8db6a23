"""A local web site for the web tests: pages, feeds that point at them, and misbehaviour.

``LocalSite`` serves on a free port of 127.0.0.1 from a background thread (the standard
library's threading HTTP server). Each path maps to a ``Route``: a body with its content type,
or a redirect, a delay (for timeouts, bounded), validators (ETag and Last-Modified, answered
with 304 when a request brings them back). Every request is logged (method, path, conditional
headers), so tests can see what was fetched. ``rss``, ``atom`` and ``json_feed`` write feeds
whose entries link to the site's own pages.
"""

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

OWN_PAGES = Path(__file__).with_name("web_pages")  # small pages of ours, committed
SHARED_PAGES = Path(__file__).resolve().parents[2] / "shared" / "data" / "news-html"
MAX_DELAY = 5.0  # seconds: a slow route never holds a test longer


@dataclass
class Route:
    body: bytes = b""
    content_type: str | None = "text/html; charset=utf-8"
    status: int = 200
    location: str | None = None  # a redirect's target
    delay: float = 0.0  # seconds before answering
    drip: float = 0.0  # seconds between the body's bytes (sent one at a time)
    length: bool = True  # False: no Content-Length, the body ends when the connection closes
    etag: str | None = None
    last_modified: str | None = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    if_none_match: str | None
    if_modified_since: str | None
    user_agent: str | None


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that gave up mid-answer (the timeout tests) is no error here


class LocalSite:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        self._server = QuietServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self._server.server_port}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, route: Route | bytes) -> str:
        self.routes[path] = route if isinstance(route, Route) else Route(route)
        return self.url(path)

    def page(self, path: str, file: Path) -> str:
        """Serve a saved page as text/html (its charset left to its <meta>)."""
        return self.add(path, Route(file.read_bytes(), "text/html"))

    def fetched(self, path: str) -> list[Request]:
        return [request for request in self.requests if request.path == path]

    def start(self) -> "LocalSite":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                headers = self.headers
                site.requests.append(Request("GET", self.path, headers.get("If-None-Match"),
                                             headers.get("If-Modified-Since"),
                                             headers.get("User-Agent")))
                route = site.routes.get(self.path)
                if route is None:
                    return self._answer(404, b"not found", "text/plain", {})
                if route.delay:
                    time.sleep(min(route.delay, MAX_DELAY))
                extra = dict(route.headers)
                if route.location:
                    extra["Location"] = route.location
                if route.etag:
                    extra["ETag"] = route.etag
                if route.last_modified:
                    extra["Last-Modified"] = route.last_modified
                fresh = (route.etag and headers.get("If-None-Match") == route.etag) or (
                    route.last_modified and headers.get("If-Modified-Since") == route.last_modified)
                if fresh:
                    return self._answer(304, b"", None, extra)
                self._answer(route.status, route.body, route.content_type, extra)

            def _answer(self, status: int, body: bytes, kind: str | None,
                        extra: dict[str, str]) -> None:
                try:
                    self.send_response(status)
                    if kind:
                        self.send_header("Content-Type", kind)
                    route = site.routes.get(self.path)
                    if route is not None and not route.length:
                        self.send_header("Connection", "close")
                        self.close_connection = True
                    elif status != 304:
                        self.send_header("Content-Length", str(len(body)))
                    for name, value in extra.items():
                        self.send_header(name, value)
                    self.end_headers()
                    if route is not None and route.drip and body:
                        return self._drip(body, route.drip)
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

            def _drip(self, body: bytes, pause: float) -> None:
                """One byte at a time, for MAX_DELAY seconds at most."""
                stop = time.monotonic() + MAX_DELAY
                for offset in range(len(body)):
                    if time.monotonic() > stop:
                        return
                    self.wfile.write(body[offset:offset + 1])
                    self.wfile.flush()
                    time.sleep(pause)

        return Handler


@contextmanager
def local_site() -> Iterator[LocalSite]:
    site = LocalSite().start()
    try:
        yield site
    finally:
        site.stop()


def http_date(moment: datetime | None = None) -> str:
    return format_datetime(moment or datetime(2024, 5, 14, 8, 30, tzinfo=UTC), usegmt=True)


def rss(title: str, links: list[str], updated: str = "Tue, 14 May 2024 08:30:00 GMT") -> bytes:
    items = "".join(
        f"<item><title>Story {n}</title><link>{escape(link)}</link>"
        f"<guid isPermaLink='true'>{escape(link)}</guid><pubDate>{updated}</pubDate></item>"
        for n, link in enumerate(links, start=1)
    )
    return (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
            f"<title>{escape(title)}</title><link>http://127.0.0.1/</link>"
            f"<description>Test feed</description>{items}</channel></rss>").encode()


def atom(title: str, links: list[str]) -> bytes:
    entries = "".join(
        f"<entry><title>Story {n}</title><link href='{escape(link)}'/><id>{escape(link)}</id>"
        f"<updated>2024-05-14T08:30:00Z</updated></entry>"
        for n, link in enumerate(links, start=1)
    )
    return (f"<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
            f"<title>{escape(title)}</title><id>urn:test</id>"
            f"<updated>2024-05-14T08:30:00Z</updated>{entries}</feed>").encode()


def json_feed(title: str, links: list[str]) -> bytes:
    return json.dumps({
        "version": "https://jsonfeed.org/version/1.1", "title": title,
        "items": [{"id": link, "url": link, "title": f"Story {n}",
                   "date_published": "2024-05-14T08:30:00Z"}
                  for n, link in enumerate(links, start=1)],
    }).encode()
