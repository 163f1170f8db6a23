"""Feeds: RSS and Atom by feedparser, JSON Feed by hand (feedparser 6.0 does not read it, and
it is plain JSON: https://jsonfeed.org/version/1.1). Each entry is what quoteapi needs of it:
the link to its page, a key that is new when the entry is (its id and date), and the hints its
page may lack (title, date, author)."""

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from time import struct_time
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser

from .errors import NotAnArticle
from .page import Hints

JSON_FEED = "https://jsonfeed.org/version/"
JSON_TYPES = frozenset({"application/feed+json", "application/json"})
XML_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf")


@dataclass(frozen=True)
class Entry:
    key: str  # SHA-256 of the entry's id (or link) and date: an updated entry has a new key
    link: str | None  # its page (http or https), absolute
    hints: Hints


@dataclass(frozen=True)
class Feed:
    title: str | None
    entries: list[Entry]


def looks_like_feed(body: bytes, media_type: str | None = None) -> bool:
    """Whether ``body`` is a feed rather than a page: by its media type where that says so,
    else by how it starts."""
    if media_type in ("application/rss+xml", "application/atom+xml", "application/feed+json"):
        return True
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"{"):
        return JSON_FEED.encode() in head.replace(b"\\/", b"/")
    return head.startswith(b"<?xml") and any(marker in head for marker in XML_MARKERS) or any(
        head.startswith(marker) for marker in XML_MARKERS)


def parse_feed(body: bytes, url: str | None = None, media_type: str | None = None) -> Feed:
    """The feed in ``body`` (read from ``url``, against which relative links resolve);
    NotAnArticle when it is no feed."""
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if media_type in JSON_TYPES or head.startswith(b"{"):
        return _json_feed(body, url)
    parsed = feedparser.parse(body, response_headers={"content-location": url or ""},
                              sanitize_html=False, resolve_relative_uris=False)
    if not parsed.version:
        raise NotAnArticle(f"{url or 'the file'} is not an RSS, Atom or JSON feed")
    # dict.get: the entries' own keys, not feedparser's deprecated "updated" to "published" map
    entries = [
        _entry(item.get("id") or item.get("link"), _link(item.get("link"), url),
               dict.get(item, "updated") or dict.get(item, "published"),
               Hints(item.get("title"),
                     _parsed_day(dict.get(item, "published_parsed")
                                 or dict.get(item, "updated_parsed")),
                     item.get("author")))
        for item in parsed.entries
    ]
    return Feed(parsed.feed.get("title"), entries)


def _json_feed(body: bytes, url: str | None) -> Feed:
    try:
        data = json.loads(body)
    except ValueError as error:
        raise NotAnArticle(f"{url or 'the file'} is not valid JSON ({error})") from None
    if not isinstance(data, dict) or not str(data.get("version", "")).startswith(JSON_FEED) \
            or not isinstance(data.get("items"), list):
        raise NotAnArticle(f"{url or 'the file'} is JSON but not a JSON Feed")
    entries = []
    for item in data["items"]:
        if not isinstance(item, dict):
            continue
        link = item.get("url") or item.get("external_url")
        published = _iso_day(item.get("date_published"))
        author = item.get("author") or next(iter(item.get("authors") or []), None)
        entries.append(_entry(
            item.get("id") or link, _link(link, url),
            item.get("date_modified") or item.get("date_published"),
            Hints(_text(item.get("title")), published,
                  _text(author.get("name")) if isinstance(author, dict) else None),
        ))
    return Feed(_text(data.get("title")), entries)


def _entry(identity: Any, link: str | None, changed: Any, hints: Hints) -> Entry:
    """``changed``: when the feed says the entry last changed, as it says it."""
    seed = f"{identity or link or hints.title}\n{changed or ''}"
    return Entry(hashlib.sha256(seed.encode("utf-8")).hexdigest(), link, hints)


def _link(link: Any, base: str | None) -> str | None:
    if not isinstance(link, str) or not link.strip():
        return None
    absolute = urljoin(base or "", link.strip())
    return absolute if urlsplit(absolute).scheme in ("http", "https") else None


def _parsed_day(value: struct_time | None) -> date | None:
    return date(value.tm_year, value.tm_mon, value.tm_mday) if value else None


def _iso_day(value: Any) -> date | None:
    try:
        return datetime.fromisoformat(str(value)).date() if value else None
    except ValueError:
        return None


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
