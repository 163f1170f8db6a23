"""Feeds polled where Celery workers run: the beat schedule from QUOTEAPI_WATCH_FEEDS and
QUOTEAPI_WATCH_EVERY, and the poll task run by a real worker (Redis at settings().broker_url)
into the worker's database; the worker, its queue and its keys are cleaned up."""

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from celery_worker import running_worker
from web_site import OWN_PAGES, LocalSite, Route, local_site, rss

from quoteapi import tasks
from quoteapi.config import settings
from quoteapi.errors import QuoteapiError
from quoteapi.index import Index
from quoteapi.web.watch import POLL_TASK, beat_schedule


def test_the_beat_schedule_polls_the_configured_feeds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUOTEAPI_WATCH_FEEDS", raising=False)
    assert beat_schedule(settings()) == {}
    monkeypatch.setenv("QUOTEAPI_WATCH_FEEDS", "https://a.example/feed, https://b.example/rss")
    monkeypatch.setenv("QUOTEAPI_WATCH_EVERY", "90s")
    assert beat_schedule(settings()) == {"poll-feeds": {
        "task": POLL_TASK, "schedule": 90.0,
        "args": (["https://a.example/feed", "https://b.example/rss"],)}}
    assert POLL_TASK in tasks.app.tasks
    monkeypatch.setenv("QUOTEAPI_WATCH_EVERY", "often")
    with pytest.raises(QuoteapiError, match="QUOTEAPI_WATCH_EVERY='often'"):
        settings()


@pytest.fixture()
def worker() -> Iterator[str]:
    with running_worker() as queue:
        yield queue


@pytest.fixture()
def site() -> Iterator[LocalSite]:
    with local_site() as site:
        page = site.page("/news/tides", OWN_PAGES / "no-quotes.html")
        site.add("/feed", Route(rss("Courier", [page]), "application/rss+xml", etag='"1"'))
        yield site


def test_a_worker_polls_a_feed_into_its_database(
    worker: str, site: LocalSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = f"sqlite:///{tmp_path / 'worker.sqlite3'}"
    monkeypatch.setenv("QUOTEAPI_DATABASE_URL", database)  # the worker's own setting
    job = tasks.poll_feeds.apply_async(([site.url("/feed")],), queue=worker)
    index = Index(database)
    deadline = time.monotonic() + 60
    while index.feed(site.url("/feed")) is None or index.feed(site.url("/feed")).etag is None:
        assert time.monotonic() < deadline, "the worker did not poll the feed within 60 s"
        time.sleep(0.2)
    assert index.health()["articles"] == 1
    assert index.unseen_entries(site.url("/feed"), ["anything"]) == {"anything"}
    assert len(site.fetched("/news/tides")) == 1
    index.close()
    job.forget()
