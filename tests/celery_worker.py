"""A real Celery worker for the tests that need one: ``running_worker()`` runs a worker thread
(solo pool) on a queue of its own at settings().broker_url, and removes the queue and its broker
keys afterwards; it skips when no broker answers."""

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from celery.contrib.testing.worker import start_worker

from quoteapi import tasks


@contextmanager
def running_worker() -> Iterator[str]:
    """The worker's queue name, while the worker runs."""
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
        for index in tasks._indexes.values():
            index.close()
        tasks._indexes.clear()
