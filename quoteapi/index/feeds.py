"""The feeds `quoteapi watch` polls (web/watch.py): each feed's validators for the next
conditional GET, and the entries already handled, so that only new ones are fetched."""

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from .db import Feed, FeedEntry
from .records import EntryOutcome, FeedState


def feed_state(session: Session, url: str) -> FeedState | None:
    row = session.scalar(select(Feed).where(Feed.url == url))
    if row is None:
        return None
    return FeedState(row.url, row.title, row.etag, row.last_modified, row.checked_at)


def unseen(session: Session, url: str, keys: Iterable[str]) -> set[str]:
    """The entry keys of ``keys`` the feed at ``url`` has not handled yet."""
    wanted = set(keys)
    if not wanted:
        return set()
    seen = session.scalars(
        select(FeedEntry.key).join(Feed, Feed.id == FeedEntry.feed_id)
        .where(Feed.url == url, FeedEntry.key.in_(wanted))
    )
    return wanted - set(seen)


def record_entry(session: Session, url: str, outcome: EntryOutcome) -> None:
    """Note an entry handled (its article, or the reason it gave none)."""
    feed = _feed_row(session, url)
    session.merge(FeedEntry(
        feed_id=feed.id, key=outcome.key, link=outcome.link, article_id=outcome.article_id,
        error=outcome.error, seen_at=_now(),
    ))


def record_poll(
    session: Session, url: str, title: str | None, etag: str | None, last_modified: str | None
) -> None:
    """Note a poll: the validators to send next time (None: fetch it whole next time)."""
    feed = _feed_row(session, url)
    feed.title = title or feed.title
    feed.etag, feed.last_modified, feed.checked_at = etag, last_modified, _now()


def _feed_row(session: Session, url: str) -> Feed:
    feed = session.scalar(select(Feed).where(Feed.url == url))
    if feed is None:
        feed = Feed(url=url)
        session.add(feed)
        session.flush()
    return feed


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
