"""Celery: ingest articles on workers, for scale (many articles, several processes or machines).

The broker is settings().broker_url (Redis by default, redis://127.0.0.1:6379/0; RabbitMQ with
amqp://guest:guest@127.0.0.1:5672//); results go to the same Redis, or back over RPC for AMQP.
Start a worker with ``celery -A quoteapi.tasks worker``; send work with
``ingest_article.delay(article_dict, quotes=None, database_url=None)``. Every worker writes to the
same database (PostgreSQL for several machines); a worker keeps one ``Index`` per URL.
"""

import dataclasses
from typing import Any

from celery import Celery

from .config import settings
from .errors import QuoteapiError
from .extract.model import Quote
from .index import Index
from .index.ingest import article_from_json
from .web.watch import POLL_TASK, beat_schedule, poll_all


def make_app(broker_url: str | None = None) -> Celery:
    url = broker_url or settings().broker_url
    backend = url if url.startswith(("redis://", "rediss://")) else "rpc://"
    app = Celery("quoteapi", broker=url, backend=backend)
    app.conf.update(
        task_serializer="json", result_serializer="json", accept_content=["json"],
        task_acks_late=True,  # an article whose worker died is ingested again (idempotent)
        worker_prefetch_multiplier=1, result_expires=3600,
        broker_connection_retry_on_startup=True,
    )
    return app


app = make_app()
_indexes: dict[str, Index] = {}


def _index(database_url: str | None) -> Index:
    url = database_url or settings().database_url
    if url not in _indexes:
        _indexes[url] = Index(url)
    return _indexes[url]


@app.task(name="quoteapi.ingest_article")
def ingest_article(
    article: dict[str, Any], quotes: list[dict[str, Any]] | None = None,
    database_url: str | None = None,
) -> dict[str, Any]:
    """Ingest one article (a JSON article as `quoteapi ingest` reads them: "text", "id", "title",
    "url", "source", "published" as YYYY-MM-DD), extracting its quotes unless given (as
    ``Quote.to_dict()``). Bad input answers ``{"error": reason}``."""
    try:
        article_in = article_from_json(article)
        given = [Quote.from_dict(quote) for quote in quotes] if quotes is not None else None
        result = _index(database_url).ingest(article_in, given)
    except QuoteapiError as error:
        return {"article_id": _id(article), "error": error.message}
    except (KeyError, TypeError, ValueError) as error:
        return {"article_id": _id(article), "error": f"malformed task: {error!r}"}
    return dataclasses.asdict(result)


def _id(article: Any) -> Any:
    return article.get("id") if isinstance(article, dict) else None


# ---- feeds (web/watch.py) ----------------------------------------------------------------
# `celery -A quoteapi.tasks beat` sends POLL_TASK every QUOTEAPI_WATCH_EVERY for the feeds in
# QUOTEAPI_WATCH_FEEDS; a worker polls them and ingests their new entries' pages itself.
app.conf.beat_schedule = beat_schedule(settings())


@app.task(name=POLL_TASK)
def poll_feeds(feed_urls: list[str]) -> list[dict[str, Any]]:
    """Poll each feed once (what `quoteapi watch --once` does): a summary per feed."""
    reports = poll_all(_index(None), [str(url) for url in feed_urls])
    return [{"feed": r.feed, "not_modified": r.not_modified, "new": r.new, "stored": r.stored,
             "quotes": r.quotes, "failed": len(r.failures)} for r in reports]
