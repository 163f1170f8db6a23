"""Feeds to entries (web/feeds.py): RSS and Atom by feedparser, JSON Feed by hand; the saved
feeds of ../shared/data/news-html (skipped where absent) and feeds written here."""

import json

import pytest
from web_site import OWN_PAGES, SHARED_PAGES, atom, json_feed, rss

from quoteapi.web.errors import NotAnArticle
from quoteapi.web.feeds import looks_like_feed, parse_feed

LINKS = ["http://127.0.0.1:1/a", "http://127.0.0.1:1/b"]


@pytest.mark.parametrize("write", [rss, atom, json_feed], ids=["rss", "atom", "json"])
def test_each_kind_of_feed_gives_its_entries_links(write) -> None:  # type: ignore[no-untyped-def]
    body = write("Local news", LINKS)
    assert looks_like_feed(body)
    feed = parse_feed(body, "http://127.0.0.1:1/feed")
    assert feed.title == "Local news"
    assert [entry.link for entry in feed.entries] == LINKS
    assert [entry.hints.title for entry in feed.entries] == ["Story 1", "Story 2"]
    assert all(entry.hints.published and entry.hints.published.year == 2024
               for entry in feed.entries)
    assert len({entry.key for entry in feed.entries}) == 2


def test_an_updated_entry_has_a_new_key_and_relative_links_resolve() -> None:
    before = parse_feed(rss("x", ["/a"], "Tue, 14 May 2024 08:30:00 GMT"), "http://h.test/f")
    after = parse_feed(rss("x", ["/a"], "Wed, 15 May 2024 09:00:00 GMT"), "http://h.test/f")
    assert before.entries[0].link == after.entries[0].link == "http://h.test/a"
    assert before.entries[0].key != after.entries[0].key


@pytest.mark.parametrize(
    "body",
    [(OWN_PAGES / "quotes.html").read_bytes(), b'{"text": "an article, not a feed"}',
     json.dumps({"version": "https://jsonfeed.org/version/1.1"}).encode(), b"<?xml version='1.0'?><x/>"],
    ids=["page", "json-article", "json-feed-without-items", "other-xml"],
)
def test_what_is_not_a_feed_is_said_to_be_none(body: bytes) -> None:
    with pytest.raises(NotAnArticle, match="not"):
        parse_feed(body, "http://h.test/f")


@pytest.mark.skipif(not SHARED_PAGES.is_dir(), reason=f"{SHARED_PAGES} is absent")
@pytest.mark.parametrize(("name", "entries"), [("feed2.rss", 1), ("feed1.atom", 2), ("feed.json", 25)])
def test_the_saved_feeds(name: str, entries: int) -> None:
    body = (SHARED_PAGES / "feeds" / name).read_bytes()
    assert looks_like_feed(body)
    feed = parse_feed(body)
    assert len(feed.entries) == entries and feed.title
    assert feed.entries[0].link and feed.entries[0].link.startswith("http")
