"""Feeds watched: ``poll(index, fetcher, url)`` ingests the pages of a feed's new entries.

A poll is a conditional GET (If-None-Match / If-Modified-Since with the validators of the last
full answer, kept in the index): a 304 costs nothing more. Otherwise only the entries the index
has not handled are fetched (an entry the feed marks updated counts as new), each stored or
recorded with the reason it gave no article, so it is not fetched again. An entry that failed
for a passing reason (a timeout, a server error) is left for the next poll, which then asks for
the whole feed again. `quoteapi watch` polls in a loop (``watch``); where Celery workers run,
their beat schedule does (``beat_schedule``, tasks.py).
"""

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ..config import Settings
from ..errors import QuoteapiError
from ..index import Failure, Index
from ..index.ingest import Item
from ..index.records import EntryOutcome
from .errors import FetchError
from .feeds import parse_feed
from .fetch import FEED_TYPES, Fetcher, FetchPolicy
from .sources import entry_article

POLL_TASK = "quoteapi.poll_feeds"  # the Celery task the beat schedule sends (tasks.py)


@dataclass
class PollReport:
    feed: str
    not_modified: bool = False
    entries: int = 0  # in the feed
    new: int = 0  # not handled before
    stored: int = 0  # articles created or replaced
    quotes: int = 0
    retry: int = 0  # left for the next poll (a passing failure)
    failures: list[Failure] = field(default_factory=list)

    def line(self) -> str:
        if self.not_modified:
            return f"{self.feed}: not modified"
        return (f"{self.feed}: {self.entries} entries, {self.new} new, {self.stored} stored "
                f"({self.quotes} quotes), {len(self.failures)} failed, {self.retry} to retry")


def poll(index: Index, fetcher: Fetcher, url: str) -> PollReport:
    """Ingest the new entries of the feed at ``url``; FetchError or NotAnArticle when the feed
    itself cannot be read."""
    state = index.feed(url)
    fetched = fetcher.fetch(url, accept=FEED_TYPES, etag=state.etag if state else None,
                            last_modified=state.last_modified if state else None)
    report = PollReport(url)
    if fetched.not_modified and state is not None:
        index.record_poll(url, None, state.etag, state.last_modified)
        report.not_modified = True
        return report
    feed = parse_feed(fetched.body, fetched.final_url, fetched.media_type)
    new = index.unseen_entries(url, [entry.key for entry in feed.entries])
    report.entries, report.new = len(feed.entries), len(new)
    for entry in feed.entries:
        if entry.key in new:
            new.discard(entry.key)  # an entry listed twice is handled once
            _handle(index, fetcher, url, entry, report)
    complete = report.retry == 0  # else ask for the whole feed next time
    index.record_poll(url, feed.title, fetched.etag if complete else None,
                      fetched.last_modified if complete else None)
    return report


def _handle(index: Index, fetcher: Fetcher, url: str, entry: Any, report: PollReport) -> None:
    link = entry.link or f"{url} entry"
    try:
        article = entry_article(entry, fetcher)
    except FetchError as error:
        if error.transient:
            report.retry += 1
            report.failures.append(Failure(link, error.message))
            return
        outcome, failure = EntryOutcome(entry.key, link, error=error.message), error.message
    except QuoteapiError as error:
        outcome, failure = EntryOutcome(entry.key, link, error=error.message), error.message
    else:
        result, failure = index.ingest_item(Item(link, article))
        outcome = EntryOutcome(entry.key, link, result.article_id if result else None, failure)
        if result is not None and (result.created or result.replaced):
            report.stored += 1
            report.quotes += result.quote_count
    if failure is not None:
        report.failures.append(Failure(link, failure))
    index.record_entry(url, outcome)


def poll_all(index: Index, urls: Iterable[str], policy: FetchPolicy | None = None,
             echo: Callable[[str], None] | None = None) -> list[PollReport]:
    """One poll of each feed; a feed that cannot be read is reported and the others go on."""
    reports = []
    with Fetcher(policy or FetchPolicy.from_settings(allow_private=True)) as fetcher:
        for url in urls:
            try:
                report = poll(index, fetcher, url)
            except QuoteapiError as error:
                report = PollReport(url, failures=[Failure(url, error.message)])
                if echo:
                    echo(f"{_now()} {url}: {error.message}")
            else:
                if echo:
                    echo(f"{_now()} {report.line()}")
                    for failure in report.failures:
                        echo(f"  {failure.source}: {failure.reason}")
            reports.append(report)
    return reports


def watch(index: Index, urls: list[str], every: float, policy: FetchPolicy | None = None,
          echo: Callable[[str], None] = print, rounds: int | None = None,
          sleep: Callable[[float], None] = time.sleep) -> None:
    """Poll every feed, then wait ``every`` seconds (from the start of the round), for ever or
    ``rounds`` times."""
    done = 0
    while rounds is None or done < rounds:
        started = time.monotonic()
        poll_all(index, urls, policy, echo)
        done += 1
        if rounds is None or done < rounds:
            sleep(max(0.0, every - (time.monotonic() - started)))


def beat_schedule(config: Settings) -> dict[str, dict[str, Any]]:
    """Celery beat's schedule: the poll of QUOTEAPI_WATCH_FEEDS every QUOTEAPI_WATCH_EVERY
    (nothing when no feed is set)."""
    if not config.watch_feeds:
        return {}
    return {"poll-feeds": {"task": POLL_TASK, "schedule": config.watch_every,
                           "args": (config.watch_feeds,)}}


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")
