"""Celery: ingest articles on workers, for scale (many articles, several processes or machines).

The broker is settings().broker_url (Redis by default, redis://127.0.0.1:6379/0; RabbitMQ with
amqp://guest:guest@127.0.0.1:5672//); results go to the same Redis, or back over RPC for AMQP.
Start a worker with ``celery -A quoteapi.tasks worker``; send work with
``ingest_article.delay(article_dict, quotes=None, database_url=None)``. Every worker writes to the
same database (PostgreSQL for several machines); a worker keeps one ``Index`` per URL.
"""

import dataclasses
from datetime import date
from typing import Any

from celery import Celery

from .config import settings
from .errors import QuoteapiError
from .extract.model import Quote, QuoteType, Speaker, SpeakerKind, TextSpan
from .index import ArticleIn, Index


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
    """Ingest one article (ArticleIn's fields; "published" as YYYY-MM-DD), extracting its quotes
    unless given (as ``Quote.to_dict()``). Bad input answers ``{"error": reason}``."""
    try:
        article_in = article_from_dict(article)
        given = [quote_from_dict(quote) for quote in quotes] if quotes is not None else None
        result = _index(database_url).ingest(article_in, given)
    except QuoteapiError as error:
        return {"article_id": article.get("id"), "error": error.message}
    except (KeyError, TypeError, ValueError) as error:
        return {"article_id": article.get("id"), "error": f"malformed task: {error!r}"}
    return dataclasses.asdict(result)


def article_from_dict(data: dict[str, Any]) -> ArticleIn:
    published = data.get("published")
    return ArticleIn(
        text=data["text"], id=data.get("id"), title=data.get("title"), url=data.get("url"),
        source=data.get("source"), published=date.fromisoformat(published) if published else None,
    )


def quote_from_dict(data: dict[str, Any]) -> Quote:
    """The inverse of ``Quote.to_dict()``."""
    speaker = data.get("speaker")
    return Quote(
        text=data["text"], type=QuoteType(data["type"]),
        spans=tuple((int(start), int(end)) for start, end in data["spans"]),
        cue=_span(data.get("cue")),
        speaker=Speaker(
            name=speaker.get("name"), role=speaker.get("role"),
            kind=SpeakerKind(speaker.get("kind", "unknown")), mention=_span(speaker.get("mention")),
        ) if speaker else None,
        confidence=float(data.get("confidence", 0.5)),
    )


def _span(data: dict[str, Any] | None) -> TextSpan | None:
    return TextSpan(data["text"], int(data["start"]), int(data["end"])) if data else None
