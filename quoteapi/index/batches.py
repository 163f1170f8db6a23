"""Batches of articles sent to Celery workers: what was sent, and what became of each article.

The sender (dispatch.py) records every item before sending it, so a batch's progress is in the
database for whoever asks (`quoteapi batch ID`, the API), not in one terminal. A worker records an
item's outcome once; an article delivered again (its worker died before acknowledging it) finds
the outcome recorded and leaves it, so each article counts once.
"""

import uuid
from datetime import UTC, datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from ..errors import NotFound
from .db import Batch, BatchItem
from .records import BatchRecord, Failure, IngestResult

QUEUED, FAILED, SKIPPED = "queued", "failed", "skipped"


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def create_batch(session: Session) -> str:
    batch_id = uuid.uuid4().hex
    session.add(Batch(id=batch_id, created_at=_now(), total=0, sealed=False))
    return batch_id


def add_item(session: Session, batch_id: str, number: int, source: str,
             status: str = QUEUED, error: str | None = None) -> None:
    """Item ``number`` of the batch: "queued" (about to be sent), "failed" (unreadable, with
    ``error``) or "skipped" (no article in it, ``error`` says why)."""
    finished = None if status == QUEUED else _now()
    session.add(BatchItem(batch_id=batch_id, number=number, source=source, status=status,
                          error=error, finished_at=finished))
    session.execute(update(Batch).where(Batch.id == batch_id).values(total=Batch.total + 1))


def seal(session: Session, batch_id: str) -> None:
    session.execute(update(Batch).where(Batch.id == batch_id).values(sealed=True))


def finish_item(session: Session, batch_id: str, number: int,
                result: IngestResult | None = None, error: str | None = None) -> None:
    """Record a worker's outcome for a queued item (a recorded one stays as it is)."""
    if result is not None:
        status = "created" if result.created else "replaced" if result.replaced else "unchanged"
        values = {"status": status, "article_id": result.article_id,
                  "quotes": result.quote_count}
    else:
        values = {"status": FAILED, "error": error}
    session.execute(
        update(BatchItem)
        .where(BatchItem.batch_id == batch_id, BatchItem.number == number,
               BatchItem.status == QUEUED)
        .values(finished_at=_now(), **values)
    )


def batch_record(session: Session, batch_id: str) -> BatchRecord:
    batch = session.get(Batch, batch_id)
    if batch is None:
        raise NotFound(f'no batch "{batch_id}" (`quoteapi ingest --queue` prints the ids)')
    counts = dict(session.execute(
        select(BatchItem.status, func.count()).where(BatchItem.batch_id == batch_id)
        .group_by(BatchItem.status)).all())
    quotes = session.scalar(select(func.coalesce(func.sum(BatchItem.quotes), 0)).where(
        BatchItem.batch_id == batch_id, BatchItem.status.in_(("created", "replaced"))))
    ended = session.execute(
        select(BatchItem.status, BatchItem.source, BatchItem.error)
        .where(BatchItem.batch_id == batch_id, BatchItem.status.in_((FAILED, SKIPPED)))
        .order_by(BatchItem.number)).all()
    return BatchRecord(
        id=batch.id, created_at=batch.created_at, sealed=batch.sealed, total=batch.total,
        counts=counts, quotes=quotes or 0,
        failures=[Failure(source, error or "") for status, source, error in ended
                  if status == FAILED],
        skipped=[Failure(source, error or "") for status, source, error in ended
                 if status == SKIPPED],
    )
