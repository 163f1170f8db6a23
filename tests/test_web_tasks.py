"""Feeds polled where Celery workers run: the beat schedule from QUOTEAPI_WATCH_FEEDS and
QUOTEAPI_WATCH_EVERY, and the poll task run by a real worker (Redis at settings().broker_url)
into the worker's database; the worker, its queue and its keys are cleaned up."""

import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from celery.contrib.testing.worker import start_worker
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
    """A worker thread consuming a queue of its own; skips when the broker is down."""
    app = tasks.app
    queue = f"quoteapi-test-{uuid.uuid4().hex[:8]}"
    try:
        with app.connection_for_write() as connection:
            connection.ensure_connection(max_retries=1)
    except Exception as error:  # noqa: BLE001 - any broker failure means "not here"
        pytest.skip(f"no broker at {app.conf.broker_url} ({error}): start Redis on 127.0.0.1:6379 "
                    "or set QUOTEAPI_BROKER_URL to run this test")
    remote_control = app.conf.worker_enable_remote_control
    app.conf.worker_enable_remote_control = False  # no pidbox queue left behind in the broker
    try:
        with start_worker(app, pool="solo", queues=[queue], perform_ping_check=False,
                          shutdown_timeout=20):
            yield queue
    finally:
        app.conf.worker_enable_remote_control = remote_control
        with app.connection_for_write() as connection:
            channel = connection.default_channel
            channel.queue_delete(queue)
            client = getattr(channel, "client", None)  # Redis: the transport's binding keys too
            if client is not None:
                for key in client.scan_iter(f"*{queue}*"):
                    client.delete(key)


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
    for opened in tasks._indexes.values():
        opened.close()
    tasks._indexes.clear()
