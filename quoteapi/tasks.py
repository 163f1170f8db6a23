"""Celery: ingest articles on workers, for scale (many articles, several processes or machines).

The broker is settings().broker_url (Redis by default, redis://127.0.0.1:6379/0; RabbitMQ with
amqp://guest:guest@127.0.0.1:5672//); results go to the same Redis, or back over RPC for AMQP.
Start workers with `quoteapi worker`; send articles with `quoteapi ingest --queue` (dispatch.py),
or ``ingest_article.apply_async((article_dict,), {"quotes": None}, queue=settings().queue)``.
Every worker writes to the database of its own settings (QUOTEAPI_DATABASE_URL: PostgreSQL for
several machines), never to one a message names.

Nothing lost, nothing twice:
- a message is acknowledged only once its article is stored or recorded as failed (late acks);
  a worker process that dies mid-article gives its message back to the broker
  (reject-on-worker-lost), and storing an article again changes nothing (the index is idempotent);
- one setting, QUOTEAPI_TASK_TIME_LIMIT, bounds an article: past it the task records a failure
  (soft limit), a little later the process is killed (hard limit); the broker's visibility timeout
  (Redis: how long before an unacknowledged message is delivered again) is set well past that, so
  a slow article is never handed to a second worker while the first still works on it;
- database and broker errors are retried with exponential backoff; bad input never is: it is
  recorded as the article's failure in its batch (`quoteapi batch ID`);
- a message the broker lost (Redis can, when a worker is killed at the wrong moment) is sent
  again by any worker's sweep (redelivery.py), and an article whose item already has its outcome
  is skipped.
"""

import dataclasses
from typing import Any

from celery import Celery, Task, bootsteps
from celery.exceptions import SoftTimeLimitExceeded
from celery.signals import worker_process_init
from celery.utils.log import get_task_logger
from kombu.exceptions import OperationalError as BrokerError
from sqlalchemy.exc import InterfaceError, OperationalError

from .config import Settings, settings
from .errors import QuoteapiError
from .extract.model import Quote
from .index import Index
from .index.ingest import article_from_json
from .redelivery import resend_lost
from .web.watch import POLL_TASK, beat_schedule, poll_all

TRANSIENT = (OperationalError, InterfaceError, BrokerError)  # retried: the database or broker
PROCESS_START_SECONDS = 120  # a pool process loads the spaCy pipeline before it says it is up
INGEST_TASK = "quoteapi.ingest_article"
SWEEP_SECONDS = 10.0  # how often each worker looks for articles the broker lost
log = get_task_logger(__name__)


def limits(config: Settings) -> dict[str, float]:
    """The soft and hard time limits of a task, the broker's visibility timeout, and how long a
    batch stays quiet before its queued items count as lost (redelivery.py), all from
    QUOTEAPI_TASK_TIME_LIMIT: the hard limit leaves the soft one time to record the failure, a
    message may wait in a worker behind one running task before its own starts, and a message
    the broker gives back after the visibility timeout is then done within the hard limit."""
    soft = config.task_time_limit
    hard = soft + min(30.0, soft)
    visibility = 2 * hard
    return {"soft": soft, "hard": hard, "visibility": visibility,
            "lost": visibility + hard + 2 * SWEEP_SECONDS}


def make_app(broker_url: str | None = None) -> Celery:
    config = settings()
    url = broker_url or config.broker_url
    backend = url if url.startswith(("redis://", "rediss://")) else "rpc://"
    bounds = limits(config)
    app = Celery("quoteapi", broker=url, backend=backend)
    app.conf.update(
        task_serializer="json", result_serializer="json", accept_content=["json"],
        task_default_queue=config.queue,
        task_acks_late=True, task_reject_on_worker_lost=True,
        task_soft_time_limit=bounds["soft"], task_time_limit=bounds["hard"],
        # Redis redelivers unacknowledged messages after this; sweep for them every 10 s
        # (kombu's default sweeps every 100 s); RabbitMQ redelivers when the connection drops
        broker_transport_options={"visibility_timeout": bounds["visibility"],
                                  "unacked_restore_throttle": 1},
        worker_prefetch_multiplier=1, result_expires=3600,
        worker_proc_alive_timeout=PROCESS_START_SECONDS,
        worker_cancel_long_running_tasks_on_connection_loss=True,  # redelivered anyway
        broker_connection_retry_on_startup=True,
        task_publish_retry_policy={"max_retries": 5, "interval_start": 0.5,
                                   "interval_step": 1, "interval_max": 5},
    )
    return app


app = make_app()
_indexes: dict[str, Index] = {}


def _index() -> Index:
    """This process's index on its own settings' database (opened, and migrated, once)."""
    url = settings().database_url
    if url not in _indexes:
        _indexes[url] = Index(url)
    return _indexes[url]


@worker_process_init.connect
def _load_pipeline(**_: Any) -> None:
    """Each pool process loads the pipeline as it starts, so that no article's time limit pays
    for it (the first article would otherwise take seconds longer)."""
    from .nlp import get_nlp

    try:
        get_nlp()
    except QuoteapiError as error:  # articles sent with their quotes still work
        log.warning("no extraction in this worker: %s", error.message)


class IngestTask(Task):
    """Records an article's failure in its batch whatever ends the task: retries used up, or
    the hard time limit (then in the worker's main process, hence a short-lived Index)."""

    def on_failure(self, exc: BaseException, task_id: str, args: Any, kwargs: Any,
                   einfo: Any) -> None:
        batch = kwargs.get("batch") if isinstance(kwargs, dict) else None
        if not batch:
            return
        try:
            index = Index(settings().database_url)
            try:
                index.finish_batch_item(batch[0], batch[1], error=_reason(exc))
            finally:
                index.close()
        except Exception:  # noqa: BLE001 - the database itself failed: the worker's log says so
            log.exception("could not record the failure of item %s of batch %s", batch[1],
                          batch[0])


@app.task(name=INGEST_TASK, base=IngestTask, bind=True,
          autoretry_for=TRANSIENT, retry_backoff=True, retry_jitter=True,
          retry_backoff_max=int(limits(settings())["hard"]), max_retries=8,
          # a pool process lost mid-article (killed, out of memory) counts as a retry: an
          # article that kills its worker every time fails after max_retries, never loops
          retry_on_worker_lost=True, default_retry_delay=1)
def ingest_article(
    self: Task, article: dict[str, Any], quotes: list[dict[str, Any]] | None = None,
    batch: tuple[str, int] | None = None,
) -> dict[str, Any]:
    """Ingest one article (a JSON article as `quoteapi ingest` reads them: "text", "id", "title",
    "url", "source", "published" as YYYY-MM-DD), extracting its quotes unless given (as
    ``Quote.to_dict()``). ``batch``: (batch id, item number) to record the outcome in. Bad input
    answers ``{"error": reason}``."""
    if batch and not _index().batch_item_queued(batch[0], batch[1]):
        return {"article_id": article.get("id") if isinstance(article, dict) else None,
                "skipped": "its batch item is done (the article was sent again)"}
    try:
        article_in = article_from_json(article)
        given = [Quote.from_dict(quote) for quote in quotes] if quotes is not None else None
        result = _index().ingest(article_in, given)
    except QuoteapiError as error:
        return _failed(article, batch, error.message)
    except (KeyError, TypeError, ValueError) as error:
        return _failed(article, batch, f"malformed task: {error!r}")
    except SoftTimeLimitExceeded as error:
        return _failed(article, batch, _reason(error))
    if batch:
        _index().finish_batch_item(batch[0], batch[1], result=result)
    return dataclasses.asdict(result)


def _failed(article: Any, batch: tuple[str, int] | None, reason: str) -> dict[str, Any]:
    if batch:
        _index().finish_batch_item(batch[0], batch[1], error=reason)
    return {"article_id": article.get("id") if isinstance(article, dict) else None,
            "error": reason}


def _reason(error: BaseException) -> str:
    if isinstance(error, SoftTimeLimitExceeded) or type(error).__name__ == "TimeLimitExceeded":
        return (f"took longer than {settings().task_time_limit:g} s "
                "(QUOTEAPI_TASK_TIME_LIMIT)")
    return f"{type(error).__name__}: {error}"


class ResendLost(bootsteps.StartStopStep):
    """Every SWEEP_SECONDS, the worker sends again the articles of its queues that the broker
    lost (redelivery.py). It runs in the worker's main process on an index of its own, not
    ``_index``'s: a pool process forked later inherits the main process's memory, and must open
    its own connections rather than find these in ``_indexes``."""

    requires = ("celery.worker.components:Timer",)

    def __init__(self, worker: Any, **kwargs: Any) -> None:
        super().__init__(worker, **kwargs)
        self.timer_entry: Any = None
        self.indexes: dict[str, Index] = {}

    def start(self, worker: Any) -> None:
        queues = sorted(worker.app.amqp.queues.consume_from or [settings().queue])
        self.timer_entry = worker.timer.call_repeatedly(
            SWEEP_SECONDS, self.sweep, (worker.app, queues), priority=10)

    def stop(self, worker: Any) -> None:
        if self.timer_entry is not None:
            self.timer_entry.cancel()
            self.timer_entry = None
        for index in self.indexes.values():
            index.close()
        self.indexes.clear()

    def sweep(self, celery_app: Celery, queues: list[str]) -> None:
        config = settings()
        try:
            if config.database_url not in self.indexes:
                self.indexes[config.database_url] = Index(config.database_url)
            resend_lost(self.indexes[config.database_url], celery_app, INGEST_TASK, queues,
                        limits(config)["lost"])
        except Exception:  # noqa: BLE001 - the next sweep tries again; the log says why
            log.exception("could not look for articles the broker lost")


app.steps["worker"].add(ResendLost)


# ---- feeds (web/watch.py) ----------------------------------------------------------------
# `celery -A quoteapi.tasks beat` sends POLL_TASK every QUOTEAPI_WATCH_EVERY for the feeds in
# QUOTEAPI_WATCH_FEEDS; a worker polls them and ingests their new entries' pages itself.
app.conf.beat_schedule = beat_schedule(settings())


@app.task(name=POLL_TASK, autoretry_for=TRANSIENT, retry_backoff=True, retry_jitter=True,
          max_retries=5)
def poll_feeds(feed_urls: list[str]) -> list[dict[str, Any]]:
    """Poll each feed once (what `quoteapi watch --once` does): a summary per feed."""
    reports = poll_all(_index(), [str(url) for url in feed_urls])
    return [{"feed": r.feed, "not_modified": r.not_modified, "new": r.new, "stored": r.stored,
             "quotes": r.quotes, "failed": len(r.failures)} for r in reports]
