"""Batches of articles sent to Celery workers: what was sent, and what became of each article.

The sender (dispatch.py) records every item before sending it, so a batch's progress is in the
database for whoever asks (`quoteapi batch ID`, the API), not in one terminal. A worker records an
item's outcome once; an article delivered again (its worker died before acknowledging it) finds
the outcome recorded and leaves it, so each article counts once. A queued item keeps the
article as sent, so that one a broker lost can be sent again (redelivery.py).
"""

import uuid
from datetime import UTC, datetime

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.orm import Session

from ..errors import NotFound
from .db import Batch, BatchItem
from .records import BatchRecord, Failure, IngestResult

QUEUED, FAILED, SKIPPED = "queued", "failed", "skipped"


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def create_batch(session: Session, queue: str | None = None) -> str:
    batch_id = uuid.uuid4().hex
    session.add(Batch(id=batch_id, created_at=_now(), total=0, sealed=False, queue=queue))
    return batch_id


def add_item(session: Session, batch_id: str, number: int, source: str,
             status: str = QUEUED, error: str | None = None, payload: str | None = None) -> None:
    """Item ``number`` of the batch: "queued" (its article, ``payload``, about to be sent),
    "failed" (unreadable, with ``error``) or "skipped" (no article in it, ``error`` says why)."""
    now = _now()
    queued = status == QUEUED
    session.add(BatchItem(batch_id=batch_id, number=number, source=source, status=status,
                          error=error, finished_at=None if queued else now,
                          payload=payload if queued else None, sent_at=now if queued else None,
                          sends=1 if queued else 0))
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
        .values(finished_at=_now(), payload=None, **values)
    )


def is_queued(session: Session, batch_id: str, number: int) -> bool:
    """Whether the item still waits for its outcome (False once recorded, or if unknown)."""
    status = session.scalar(select(BatchItem.status).where(
        BatchItem.batch_id == batch_id, BatchItem.number == number))
    return status == QUEUED


def quiet_items(session: Session, queues: list[str], since: datetime,
                limit: int) -> list[tuple[str, int, str, str]]:
    """Queued items (batch id, number, queue, payload) of batches sent to ``queues`` in which
    nothing has happened since ``since``: no item sent, none finished."""
    waiting = select(BatchItem.batch_id).where(BatchItem.status == QUEUED)  # by its index
    active = (select(BatchItem.batch_id)  # only those batches' items: not all history
              .where(BatchItem.batch_id.in_(waiting),
                     or_(BatchItem.sent_at >= since, BatchItem.finished_at >= since))
              .distinct())
    rows = session.execute(
        select(BatchItem.batch_id, BatchItem.number, Batch.queue, BatchItem.payload)
        .join(Batch, Batch.id == BatchItem.batch_id)
        .where(BatchItem.status == QUEUED, BatchItem.payload.is_not(None),
               Batch.queue.in_(queues), BatchItem.batch_id.not_in(active))
        .order_by(BatchItem.batch_id, BatchItem.number).limit(limit)).all()
    return [(batch_id, number, queue, payload) for batch_id, number, queue, payload in rows]


def claim_resend(session: Session, batch_id: str, number: int, since: datetime) -> bool:
    """Mark a queued item, last sent before ``since``, as sent again now: True for the one
    caller that does so (two workers sweeping at once send it once)."""
    claimed = session.execute(
        update(BatchItem)
        .where(and_(BatchItem.batch_id == batch_id, BatchItem.number == number,
                    BatchItem.status == QUEUED, BatchItem.sent_at < since))
        .values(sent_at=_now(), sends=BatchItem.sends + 1))
    return claimed.rowcount == 1


def batch_record(session: Session, batch_id: str) -> BatchRecord:
    batch = session.get(Batch, batch_id)
    if batch is None:
        raise NotFound(f'no batch "{batch_id}" (`quoteapi ingest --queue` prints the ids)')
    counts = dict(session.execute(
        select(BatchItem.status, func.count()).where(BatchItem.batch_id == batch_id)
        .group_by(BatchItem.status)).all())
    quotes = session.scalar(select(func.coalesce(func.sum(BatchItem.quotes), 0)).where(
        BatchItem.batch_id == batch_id, BatchItem.status.in_(("created", "replaced"))))
    resent = session.scalar(select(func.coalesce(func.sum(BatchItem.sends - 1), 0)).where(
        BatchItem.batch_id == batch_id, BatchItem.sends > 1))
    ended = session.execute(
        select(BatchItem.status, BatchItem.source, BatchItem.error)
        .where(BatchItem.batch_id == batch_id, BatchItem.status.in_((FAILED, SKIPPED)))
        .order_by(BatchItem.number)).all()
    return BatchRecord(
        id=batch.id, created_at=batch.created_at, sealed=batch.sealed, total=batch.total,
        counts=counts, quotes=quotes or 0, resent=resent or 0,
        failures=[Failure(source, error or "") for status, source, error in ended
                  if status == FAILED],
        skipped=[Failure(source, error or "") for status, source, error in ended
                 if status == SKIPPED],
    )
