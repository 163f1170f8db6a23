"""Real Celery workers for the tests that need one, on queues of their own, removed afterwards
with their broker keys; where no broker answers, the test skips (or fails: services.py).

- ``running_worker()``: a worker thread (solo pool) in this process, at settings().broker_url,
  for tests of what a task does;
- ``WorkerProcess``: `quoteapi worker` in a process group of its own, for tests where a crash is
  the point (SIGKILL of the worker and its pool, then a restart).
"""

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from celery.contrib.testing.worker import start_worker
from kombu import Connection
from services import broker_or_skip

from quoteapi import tasks

HOW_TO_START = "start Redis on 127.0.0.1:6379 or set QUOTEAPI_BROKER_URL to run this test"


@contextmanager
def running_worker() -> Iterator[str]:
    """The worker's queue name, while the worker runs."""
    app = tasks.app
    queue = f"quoteapi-test-{uuid.uuid4().hex[:8]}"
    broker_or_skip(app.conf.broker_url, HOW_TO_START)
    remote_control = app.conf.worker_enable_remote_control
    app.conf.worker_enable_remote_control = False  # no pidbox queue left behind in the broker
    try:
        with start_worker(app, pool="solo", queues=[queue], perform_ping_check=False,
                          shutdown_timeout=20):
            yield queue
    finally:
        app.conf.worker_enable_remote_control = remote_control
        remove_queue(app.conf.broker_url, queue)
        for index in tasks._indexes.values():
            index.close()
        tasks._indexes.clear()


def remove_queue(broker_url: str, queue: str) -> None:
    """Delete ``queue`` and, on Redis, every key and binding naming it (``queue`` is unique)."""
    with Connection(broker_url) as connection:
        channel = connection.default_channel
        channel.queue_delete(queue)
        client = getattr(channel, "client", None)  # Redis: the transport's binding keys too
        if client is None:
            channel.exchange_delete(queue)
            return
        for key in client.scan_iter(f"*{queue}*"):
            client.delete(key)
        for key in client.scan_iter("_kombu.binding.*"):
            if client.type(key) == b"set":
                for member in client.smembers(key):
                    if queue.encode() in member:
                        client.srem(key, member)


class WorkerProcess:
    """`quoteapi worker` with ``env`` (QUOTEAPI_* settings) as a process group: ``start``,
    ``kill`` (SIGKILL to the worker and its pool at once), ``kill_pool_process`` (one of them),
    ``stop`` (warm shutdown)."""

    def __init__(self, env: dict[str, str], log: Path, concurrency: int = 2) -> None:
        self.env = {**os.environ, **env}
        self.log = log
        self.concurrency = concurrency
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        name = f"{self.env['QUOTEAPI_QUEUE']}@%h"  # the unique queue name: a unique node name
        command = [sys.executable, "-c", "from quoteapi.cli import main; main()", "worker",
                   "--concurrency", str(self.concurrency), "--hostname", name,
                   "--loglevel", "INFO"]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(command, env=self.env, stdout=log,
                                            stderr=subprocess.STDOUT, start_new_session=True)

    def kill(self) -> None:
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)
        self.process = None

    def kill_pool_process(self, tries: int = 100) -> int | None:
        """SIGKILL one of the worker's pool processes while it works on a task (Linux /proc): one
        whose CPU time grows over a few hundredths of a second; its pid, or None when none was
        busy. A process killed between two tasks would test nothing, so an idle pool is sampled
        again, ``tries`` times at most."""
        assert self.process is not None
        for _ in range(tries):
            before = self._pool_cpu()
            assert before, "the worker has no pool process"
            time.sleep(0.03)
            after = self._pool_cpu()
            busy = [pid for pid, ticks in before.items() if after.get(pid, ticks) > ticks]
            if busy:
                os.kill(busy[0], signal.SIGKILL)
                return busy[0]
        return None

    def _pool_cpu(self) -> dict[int, int]:
        """The pool processes' pids, each with the CPU time it has used (clock ticks)."""
        assert self.process is not None
        found = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.process.pid:  # ppid; utime and stime follow
                found[int(stat.parent.name)] = int(fields[11]) + int(fields[12])
        return found

    def stop(self) -> None:
        if self.process is None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)
        except ProcessLookupError:
            pass
        self.process = None


@contextmanager
def worker_process(env: dict[str, str], log: Path, concurrency: int = 2
                   ) -> Iterator[WorkerProcess]:
    """A started ``WorkerProcess``, stopped at the end, its queue then removed from the broker."""
    worker = WorkerProcess(env, log, concurrency)
    worker.start()
    try:
        yield worker
    finally:
        worker.stop()
        remove_queue(env["QUOTEAPI_BROKER_URL"], env["QUOTEAPI_QUEUE"])
