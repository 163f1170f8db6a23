"""Ingestion at scale, on the real services in separate processes: `quoteapi ingest --queue`
sends a batch, `quoteapi worker` processes store it into PostgreSQL, and a worker killed with
SIGKILL (with its pool) mid-batch, then restarted, leaves every article stored exactly once, with
Redis and with RabbitMQ as the broker; messages the broker lost are sent again (redelivery.py).
Each test has a queue and a schema of its own."""

import base64
import json
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
import redis
import sqlalchemy as sa
from celery_worker import WorkerProcess, remove_queue, worker_process
from services import RABBITMQ_URL, REDIS_URL, broker_or_skip

from quoteapi.config import settings
from quoteapi.index import BatchRecord, Index
from quoteapi.redelivery import resend_lost, waiting
from quoteapi.tasks import INGEST_TASK, limits, make_app

N = 120  # articles in the batch
KILL_AFTER = 30  # articles done when the worker is killed
TIME_LIMIT = "6s"  # QUOTEAPI_TASK_TIME_LIMIT: Redis redelivers a dead worker's work after 24 s
NAMES = ["Alice Brown", "Ravi Patel", "Marta Kowalska", "John Okafor"]
BROKERS = {
    "redis": (REDIS_URL, "start Redis on 127.0.0.1:6379 or set QUOTEAPI_TEST_REDIS_URL"),
    "rabbitmq": (RABBITMQ_URL, "start RabbitMQ on 127.0.0.1:5672 (guest/guest) or set "
                               "QUOTEAPI_TEST_RABBITMQ_URL"),
}


def article(number: int, padding: int = 0) -> dict[str, str]:
    """A small article with one quote by one of four speakers; no two quotes are near duplicates
    (four words, one differs), so each must be stored as its own quote. ``padding`` paragraphs
    without quotes make it take longer to read."""
    filler = "The council met on Tuesday and the meeting ran late into the evening.\n\n"
    return {"text": f"Report {number}.\n\n{filler * padding}\u201cWe fund bridge {number},"
                    f"\u201d said {NAMES[number % 4]}, the council leader.\n"}


def quoteapi(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from quoteapi.cli import main; main()", *args],
                          env=env, capture_output=True, text=True, timeout=300)


def wait_until(done: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not done():
        assert time.monotonic() < deadline, f"{what} within {seconds:.0f} s"
        time.sleep(0.1)


def redis_env(postgres_url: str, more: dict[str, str] | None = None) -> dict[str, str]:
    """The settings of a worker and CLI on PostgreSQL with Redis as broker, a queue of their own."""
    broker_url, how = BROKERS["redis"]
    broker_or_skip(broker_url, how)
    return {"QUOTEAPI_DATABASE_URL": postgres_url, "QUOTEAPI_BROKER_URL": broker_url,
            "QUOTEAPI_QUEUE": f"quoteapi-test-{uuid.uuid4().hex[:8]}", **(more or {})}


def speeches(paragraphs: int) -> str:
    """Paragraphs of quotes by four speakers: seconds of extraction for a few hundred."""
    return "".join(f"\u201cWe fund bridge {n} and tunnel {n},\u201d said {NAMES[n % 4]}, the "
                   f"council leader, on day {n}.\n\n" for n in range(paragraphs))


@pytest.mark.postgres
@pytest.mark.parametrize(("broker", "killed"), [
    ("redis", "worker"), ("rabbitmq", "worker"), ("redis", "pool process")])
def test_a_worker_killed_mid_batch_and_restarted_stores_every_article_once(
    broker: str, killed: str, postgres_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker and its pool killed at once, then started again; or one pool process killed
    (its article is retried, and the worker starts another process)."""
    broker_url, how = BROKERS[broker]
    broker_or_skip(broker_url, how)
    env = {"QUOTEAPI_DATABASE_URL": postgres_url, "QUOTEAPI_BROKER_URL": broker_url,
           "QUOTEAPI_QUEUE": f"quoteapi-test-{uuid.uuid4().hex[:8]}",
           "QUOTEAPI_TASK_TIME_LIMIT": TIME_LIMIT}
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    articles = tmp_path / "articles.jsonl"
    # killing one pool process must hit an article: each keeps it busy for about 0.1 s, and the
    # process killed is one seen working (kill_pool_process)
    padding = 0 if killed == "worker" else 40
    articles.write_text("".join(json.dumps(article(n, padding)) + "\n" for n in range(N)))
    index = Index(postgres_url)
    progress = lambda: index.batch(batch_id)  # noqa: E731
    with worker_process(env, tmp_path / "worker.log") as worker:
        sent = quoteapi({**os.environ, **env}, "ingest", "--queue", "--no-wait", str(articles))
        assert sent.returncode == 0, sent.stderr
        batch_id = sent.stdout.strip()
        wait_until(lambda: _done(progress()) >= KILL_AFTER, 120, f"{KILL_AFTER} articles stored")
        if killed == "worker":
            worker.kill()
        else:
            assert worker.kill_pool_process() is not None, "no pool process was seen working"
        killed_at = _done(progress())
        assert killed_at < N, "the batch ended before the worker was killed: kill it earlier"
        if killed == "pool process":
            _until_one_is_lost_mid_article(worker, tmp_path / "worker.log",
                                           lambda: not progress().done)
        if killed == "worker":
            worker.start()
        # Redis gives back what the dead worker held after the visibility timeout, and a message
        # lost as the worker died is sent again once the batch is quiet for limits()["lost"]
        # (RabbitMQ gives back at once)
        wait_until(lambda: progress().done, limits(settings())["lost"] + 120,
                   "the restarted worker's batch end")
    if killed == "pool process":  # the kill did hit an article, which was tried again
        assert "WorkerLostError" in (tmp_path / "worker.log").read_text()
    record = progress()
    assert (record.failures, record.queued, record.total) == ([], 0, N)
    assert record.counts.get("created", 0) + record.counts.get("unchanged", 0) == N
    _stored_once(postgres_url, index, N)
    shown = quoteapi({**os.environ, **env}, "batch", batch_id)
    assert shown.returncode == 0, shown.stderr
    assert f"{N}/{N} done, 0 queued" in shown.stdout and "0 failed" in shown.stdout
    index.close()


def _until_one_is_lost_mid_article(worker: WorkerProcess, log: Path, running: Callable[[], bool],
                                   more_kills: int = 2) -> None:
    """Kill another busy pool process while the batch runs, until the worker reports one lost
    mid-task: a process seen busy can finish its article just before the kill, which then tests
    nothing. ``more_kills`` kills at most, each after 2 s without the report."""
    for _ in range(more_kills):
        deadline = time.monotonic() + 2
        while time.monotonic() < deadline:
            if "WorkerLostError" in log.read_text() or not running():
                return
            time.sleep(0.1)
        worker.kill_pool_process()


@pytest.mark.postgres
def test_failed_articles_are_listed_per_file_and_the_batch_fails(
    postgres_url: str, tmp_path: Path
) -> None:
    env = redis_env(postgres_url)
    good, empty = tmp_path / "good.jsonl", tmp_path / "empty.txt"
    good.write_text(json.dumps(article(1)) + "\n" + json.dumps({"text": " "}) + "\n")
    empty.write_text("")
    with worker_process(env, tmp_path / "worker.log", concurrency=1):
        result = quoteapi({**os.environ, **env}, "ingest", "--queue", "--no-progress",
                          str(good), str(empty), str(tmp_path / "missing.txt"))
    assert result.returncode == 1, result.stderr
    assert "1 articles: 1 new, 0 replaced, 0 unchanged; 1 quotes stored; 3 failed" in result.stdout
    assert f"  {good} line 2: the article text is empty" in result.stderr  # failed in the worker
    assert f"  {empty}: the file is empty" in result.stderr  # failed before sending
    assert f"  {tmp_path / 'missing.txt'}: no such file" in result.stderr


def _done(record: BatchRecord) -> int:
    return record.total - record.queued if record.sealed else 0


@pytest.mark.postgres
def test_an_article_over_the_time_limit_is_recorded_as_failed_and_the_worker_goes_on(
    postgres_url: str, tmp_path: Path
) -> None:
    env = redis_env(postgres_url, {"QUOTEAPI_TASK_TIME_LIMIT": "1s"})
    long = tmp_path / "long.txt"  # seconds of extraction: many paragraphs of quotes
    long.write_text(speeches(400))
    short = tmp_path / "short.jsonl"
    short.write_text(json.dumps(article(7)) + "\n")
    with worker_process(env, tmp_path / "worker.log", concurrency=1):
        result = quoteapi({**os.environ, **env}, "ingest", "--queue", "--no-progress",
                          str(long), str(short))
    assert result.returncode == 1, result.stderr
    assert f"  {long}: took longer than 1 s (QUOTEAPI_TASK_TIME_LIMIT)" in result.stderr
    assert "1 articles: 1 new" in result.stdout and "1 failed" in result.stdout


@pytest.mark.postgres
def test_text_that_is_not_prose_or_passes_the_article_limit_fails_alone_in_a_worker(
    postgres_url: str, tmp_path: Path
) -> None:
    # the extraction's own limit, not the task's
    env = redis_env(postgres_url, {"QUOTEAPI_ARTICLE_TIME_LIMIT": "1s"})
    marks, said, long = tmp_path / "marks.txt", tmp_path / "said.txt", tmp_path / "long.txt"
    marks.write_text('"' * 30_000)
    said.write_text("Bob said " * 11_000)
    long.write_text(speeches(1_500))
    short = tmp_path / "short.jsonl"
    short.write_text(json.dumps(article(7)) + "\n")
    with worker_process(env, tmp_path / "worker.log", concurrency=1):
        result = quoteapi({**os.environ, **env}, "ingest", "--queue", "--no-progress",
                          str(marks), str(said), str(long), str(short))
    assert result.returncode == 1, result.stderr
    assert f"  {marks}: the text has 30,000 characters without a space" in result.stderr
    assert f"  {said}: the text runs 99,000 characters without a sentence end" in result.stderr
    assert f"  {long}: extraction took longer than the limit of 1 s per article " \
        "(QUOTEAPI_ARTICLE_TIME_LIMIT)" in result.stderr
    assert "1 articles: 1 new" in result.stdout and "3 failed" in result.stdout


def _stored_once(postgres_url: str, index: Index, count: int) -> None:
    """``count`` articles stored, each quote once, by the four speakers."""
    health = index.health()
    assert (health["articles"], health["quotes"], health["speakers"]) == (count, count, len(NAMES))
    engine = sa.create_engine(postgres_url)
    with engine.connect() as connection:
        appearances, texts = connection.execute(sa.text(
            "SELECT COUNT(*), COUNT(DISTINCT q.text) FROM appearances a"
            " JOIN quotes q ON q.id = a.quote_id")).one()
    engine.dispose()
    assert (appearances, texts) == (count, count)


def _send(env: dict[str, str], tmp_path: Path, count: int) -> str:
    """``count`` articles sent as a batch (no worker needed): its id."""
    articles = tmp_path / "articles.jsonl"
    articles.write_text("".join(json.dumps(article(n)) + "\n" for n in range(count)))
    sent = quoteapi({**os.environ, **env}, "ingest", "--queue", "--no-wait", str(articles))
    assert sent.returncode == 0, sent.stderr
    return sent.stdout.strip()


@pytest.mark.postgres
def test_the_sweep_sends_again_only_the_items_the_broker_lost(
    postgres_url: str, tmp_path: Path
) -> None:
    """No worker: the items wait in the queue, so none is lost however quiet the batch; once the
    queue is emptied behind the workers' back, every item without an outcome is sent again,
    once, and the batch is then busy again."""
    env = redis_env(postgres_url)
    queue, broker_url = env["QUOTEAPI_QUEUE"], env["QUOTEAPI_BROKER_URL"]
    batch_id = _send(env, tmp_path, 6)
    index, app = Index(postgres_url), make_app(broker_url)
    client = redis.Redis.from_url(broker_url)
    try:
        index.finish_batch_item(batch_id, 0, error="done before the loss")
        time.sleep(1.2)
        assert waiting(app, queue) == 6
        assert resend_lost(index, app, INGEST_TASK, [queue], lost_after=1) == 0  # waiting
        assert resend_lost(index, app, INGEST_TASK, ["another-queue"], lost_after=1) == 0
        client.delete(queue)  # all six messages lost
        assert waiting(app, queue) == 0
        assert resend_lost(index, app, INGEST_TASK, [queue], lost_after=60) == 0  # not quiet yet
        assert resend_lost(index, app, INGEST_TASK, [queue], lost_after=1) == 5  # item 0 is done
        assert waiting(app, queue) == 5
        assert resend_lost(index, app, INGEST_TASK, [queue], lost_after=1) == 0  # busy again
        record = index.batch(batch_id)
        assert (record.resent, record.queued) == (5, 5)
        # each message resent holds its item's article, as sent the first time
        bodies = [json.loads(base64.b64decode(json.loads(message)["body"]))
                  for message in client.lrange(queue, 0, -1)]
        sent = sorted((tuple(kwargs["batch"]), args[0]["text"]) for args, kwargs, _ in bodies)
        assert sent == [((batch_id, n), article(n)["text"]) for n in range(1, 6)]
    finally:
        app.close()
        client.close()
        remove_queue(broker_url, queue)
        index.close()


@pytest.mark.postgres
def test_articles_the_broker_lost_are_sent_again_by_a_worker_and_stored_once(
    postgres_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three messages taken off the Redis queue by nobody (as a worker killed between kombu's
    two steps loses one): the worker's sweep sends them again once the batch is quiet."""
    env = redis_env(postgres_url, {"QUOTEAPI_TASK_TIME_LIMIT": "2s"})
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    queue, broker_url = env["QUOTEAPI_QUEUE"], env["QUOTEAPI_BROKER_URL"]
    batch_id = _send(env, tmp_path, 12)
    client = redis.Redis.from_url(broker_url)
    lost = [client.rpop(queue) for _ in range(3)]  # kombu pushes left, takes right: the first
    client.close()
    assert all(lost)
    index = Index(postgres_url)
    with worker_process(env, tmp_path / "worker.log", concurrency=1):
        wait_until(lambda: index.batch(batch_id).done, limits(settings())["lost"] + 90,
                   "the batch's end")
    record = index.batch(batch_id)
    assert (record.failures, record.queued, record.total, record.resent) == ([], 0, 12, 3)
    _stored_once(postgres_url, index, 12)
    assert (tmp_path / "worker.log").read_text().count("was lost by the broker: sent again") == 3
    shown = quoteapi({**os.environ, **env}, "batch", batch_id)
    assert "12/12 done, 0 queued, 3 sent again (lost by the broker)" in shown.stdout
    index.close()
