"""Fetching pages and feeds with httpx, within bounds: ``Fetcher(policy).fetch(url)``.

Every fetch has a time limit for each connection and read and one for the whole page, redirects
included (QUOTEAPI_FETCH_TIMEOUT, QUOTEAPI_FETCH_SECONDS); a size cap (QUOTEAPI_FETCH_MAX_BYTES,
counted as the body arrives, decompressed); at most QUOTEAPI_FETCH_REDIRECTS redirects, each
checked (a loop is named as one); a content-type check (a page or a feed, not a PDF or an
image); a User-Agent that says who we are; robots.txt obeyed (robots.py) unless
QUOTEAPI_FETCH_ROBOTS=0. The API's fetcher connects only to public addresses (transport.py).
Any failure is a FetchError naming the URL; ``transient`` ones may succeed later.
"""

import re
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from types import TracebackType
from typing import Self
from urllib.parse import urlsplit

import charset_normalizer
import httpx
from w3lib.encoding import html_to_unicode

from ..config import Settings, settings
from .addresses import Judge, kind_of
from .errors import FetchError
from .robots import Robots
from .transport import GuardedTransport, deadline, out_of_time

PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset({
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
    "text/xml", "application/feed+json", "application/json",
})
ACCEPT = ("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
          "application/feed+json,application/xml;q=0.9,*/*;q=0.1")
MAX_URL = 2000  # characters
CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
TRANSIENT_STATUS = frozenset({408, 425, 429})  # and every 5xx


@dataclass(frozen=True)
class FetchPolicy:
    """How a fetcher behaves; ``from_settings`` reads the QUOTEAPI_FETCH_* settings."""

    allow_private: bool = False  # True: any address (the CLI); False: public ones only (the API)
    robots: bool = True
    timeout: float = 10.0  # seconds to connect, and to wait for each read
    seconds: float = 30.0  # for the whole page, redirects included
    max_bytes: int = 10_000_000
    max_redirects: int = 5
    user_agent: str = ""

    @classmethod
    def from_settings(cls, config: Settings | None = None, *, allow_private: bool | None = None,
                      robots: bool | None = None) -> "FetchPolicy":
        """The settings' policy; ``allow_private`` defaults to QUOTEAPI_FETCH_ALLOW_PRIVATE."""
        config = config or settings()
        return cls(
            allow_private=config.fetch_allow_private if allow_private is None else allow_private,
            robots=config.fetch_robots if robots is None else robots,
            timeout=config.fetch_timeout, seconds=config.fetch_seconds,
            max_bytes=config.fetch_max_bytes, max_redirects=config.fetch_redirects,
            user_agent=config.user_agent,
        )

    @property
    def agent(self) -> str:
        return self.user_agent or default_user_agent()


def default_user_agent() -> str:
    try:
        ours = version("quoteapi")
    except PackageNotFoundError:  # pragma: no cover - run from a source tree
        ours = "dev"
    return f"quoteapi/{ours} (+news quote indexer; python-httpx/{httpx.__version__})"


@dataclass(frozen=True)
class Fetched:
    """A response: ``url`` as asked for, ``final_url`` after redirects; ``status`` 304 (with an
    empty body) answers a conditional request whose resource has not changed."""

    url: str
    final_url: str
    status: int
    content_type: str | None
    body: bytes
    etag: str | None = None
    last_modified: str | None = None

    @property
    def media_type(self) -> str | None:
        return media_type(self.content_type)

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    def html(self) -> str:
        return decode_html(self.body, self.content_type)


def media_type(content_type: str | None) -> str | None:
    """"text/html" of "text/html; charset=utf-8"."""
    return content_type.split(";", 1)[0].strip().lower() or None if content_type else None


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """An HTML document's text, in the charset its Content-Type names, else its byte-order mark,
    else its <meta> tag (w3lib, as browsers do), else UTF-8 when it decodes as such, else the
    charset charset_normalizer finds; undecodable bytes become U+FFFD."""
    return html_to_unicode(content_type, body, auto_detect_fun=_guess_charset)[1]


def _guess_charset(body: bytes) -> str | None:
    try:
        body.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        best = charset_normalizer.from_bytes(body[:200_000]).best()
        return best.encoding if best else None


def check_url(url: str) -> str:
    """``url`` if it is an absolute http(s) URL of sane length; FetchError otherwise."""
    if len(url) > MAX_URL:
        raise FetchError(f"the URL is over {MAX_URL:,} characters")
    try:
        parts = urlsplit(url)
        hostname = parts.hostname  # ValueError for a malformed host ("http://[::1/")
        httpx.URL(url)  # what the client will parse: control characters, a bad IDNA host
    except (ValueError, httpx.InvalidURL) as error:
        raise FetchError(f"{url[:200]!r} is not a valid URL ({error})") from None
    if parts.scheme.lower() not in ("http", "https") or not hostname:
        raise FetchError(f"{url[:200]} is not an http(s) URL")
    return url


class Fetcher:
    """One httpx client (connections kept alive between pages) and robots.txt cache; close it,
    or use it as a context manager."""

    def __init__(self, policy: FetchPolicy | None = None, judge: Judge | None = None) -> None:
        """``judge``: which addresses are off limits, instead of the policy's (for tests)."""
        self.policy = policy or FetchPolicy.from_settings()
        if judge is None and not self.policy.allow_private:
            judge = kind_of
        self._client = httpx.Client(
            transport=GuardedTransport(judge),
            headers={"User-Agent": self.policy.agent, "Accept": ACCEPT,
                     "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(self.policy.timeout),
            follow_redirects=False,  # followed one by one below, each checked
            trust_env=False,  # no proxy from the environment: the transport picks the address
        )
        self._robots = Robots(self._robots_txt) if self.policy.robots else None

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def fetch(self, url: str, accept: frozenset[str] = PAGE_TYPES | FEED_TYPES,
              etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """The body at ``url`` if its media type is one of ``accept`` (or it names none);
        ``etag``/``last_modified`` make the request conditional (a 304 comes back as is)."""
        check_url(url)
        headers = {"If-None-Match": etag} if etag else {}
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        with deadline(self.policy.seconds):
            return self._follow(url, headers, accept, self.policy.max_bytes, robots=True)

    def _follow(self, url: str, headers: dict[str, str], accept: frozenset[str] | None,
                max_bytes: int, robots: bool) -> Fetched:
        request = self._client.build_request("GET", url, headers=headers)
        seen = {str(request.url)}
        for _ in range(self.policy.max_redirects + 1):
            if robots and self._robots is not None:
                self._robots.check(str(request.url))
            response = self._send(request)
            try:
                if response.next_request is None:
                    return self._read(url, response, accept, max_bytes)
                request = response.next_request
            finally:
                response.close()
            if str(request.url) in seen:
                raise FetchError(f"{url} redirects in a loop (back to {request.url})")
            seen.add(str(request.url))
            check_url(str(request.url))
        raise FetchError(f"{url} redirects more than {self.policy.max_redirects} times "
                         "(QUOTEAPI_FETCH_REDIRECTS)")

    def _send(self, request: httpx.Request) -> httpx.Response:
        try:
            return self._client.send(request, stream=True)
        except httpx.TimeoutException as error:
            raise FetchError(_timeout_message(str(request.url), error, self.policy),
                             transient=True) from None
        except httpx.UnsupportedProtocol:
            raise FetchError(f"{request.url} is not an http(s) URL") from None
        except httpx.TransportError as error:
            raise FetchError(f"could not fetch {request.url}: {error or type(error).__name__}",
                             transient=True) from None

    def _read(self, url: str, response: httpx.Response, accept: frozenset[str] | None,
              max_bytes: int) -> Fetched:
        where = str(response.url)
        if response.status_code == 304:
            return self._fetched(url, response, b"")
        if response.status_code >= 400:
            status = response.status_code
            raise FetchError(f"{where} answered HTTP {status} {response.reason_phrase}".rstrip(),
                             transient=status >= 500 or status in TRANSIENT_STATUS,
                             upstream_status=status)
        kind = media_type(response.headers.get("content-type"))
        if accept is not None and kind is not None and kind not in accept:
            wanted = "a web page" if accept <= PAGE_TYPES else "a web page or a feed"
            raise FetchError(f"{where} is {kind}, not {wanted}")
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise FetchError(_too_big(where, int(declared), max_bytes))
        body = bytearray()
        try:
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > max_bytes:
                    raise FetchError(_too_big(where, None, max_bytes))
        except httpx.TimeoutException as error:
            raise FetchError(_timeout_message(where, error, self.policy), transient=True) from None
        except (httpx.TransportError, httpx.DecodingError) as error:
            raise FetchError(f"{where} broke off: {error or type(error).__name__}",
                             transient=True) from None
        if not bytes(body).strip():
            raise FetchError(f"{where} answered with an empty body")
        return self._fetched(url, response, bytes(body))

    @staticmethod
    def _fetched(url: str, response: httpx.Response, body: bytes) -> Fetched:
        headers = response.headers
        return Fetched(url, str(response.url), response.status_code, headers.get("content-type"),
                       body, headers.get("etag"), headers.get("last-modified"))

    def _robots_txt(self, url: str) -> Fetched:
        """robots.txt for Robots: at most 500 KiB (RFC 9309), redirects followed, any type."""
        return self._follow(url, {}, None, 512_000, robots=False)


def _timeout_message(url: str, error: Exception, policy: FetchPolicy) -> str:
    if out_of_time():
        return f"{url} took longer than {policy.seconds:g} s (QUOTEAPI_FETCH_SECONDS)"
    if isinstance(error, httpx.ConnectTimeout):
        return f"could not connect to {url} within {policy.timeout:g} s (QUOTEAPI_FETCH_TIMEOUT)"
    return f"{url} sent nothing for {policy.timeout:g} s (QUOTEAPI_FETCH_TIMEOUT)"


def _too_big(url: str, size: int | None, limit: int) -> str:
    said = f" ({size / 1_000_000:.1f} MB)" if size else ""
    return (f"{url} is larger than {limit / 1_000_000:.1f} MB{said}: "
            "raise QUOTEAPI_FETCH_MAX_BYTES to read it")
