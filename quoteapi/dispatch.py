"""Sending articles to Celery workers (`quoteapi ingest --queue`) and following their batch.

Each article read (index/ingest.py, web/sources.py) becomes an item of a batch in the database,
then one task on the queue; sources that give no article are recorded as failed or skipped items
without a task. Progress is read back from the database, where workers record each outcome
(tasks.py), so it is the same whether the broker is Redis or RabbitMQ, and `quoteapi batch ID`
shows it later from anywhere.
"""

import json
import time
from collections.abc import Iterable

from kombu.exceptions import OperationalError as BrokerError
from tqdm import tqdm

from .config import settings
from .errors import QuoteapiError
from .index import BatchRecord, Index
from .index.batches import FAILED, SKIPPED
from .index.ingest import Item, article_to_json

POLL_SECONDS = 0.5


def send_batch(index: Index, items: Iterable[Item], queue: str | None = None) -> str:
    """Record and send one task per article of ``items`` to ``queue`` (default: QUOTEAPI_QUEUE);
    the batch id."""
    from .tasks import ingest_article  # the Celery app only where tasks are sent

    queue = queue or settings().queue
    batch_id = index.create_batch(queue)
    for number, item in enumerate(items):
        if item.skipped:
            index.add_batch_item(batch_id, number, item.source, SKIPPED, item.skipped)
        elif item.article is None:
            index.add_batch_item(batch_id, number, item.source, FAILED, item.error or "unreadable")
        else:
            article = article_to_json(item.article)  # kept, to be sent again if lost
            index.add_batch_item(batch_id, number, item.source, payload=json.dumps(article))
            try:
                ingest_article.apply_async(
                    (article,), {"batch": (batch_id, number)},
                    queue=queue, retry=True, ignore_result=True)  # outcomes go to the batch
            except BrokerError as error:
                raise QuoteapiError(
                    f"cannot send to the broker at {settings().broker_url} ({error}): start "
                    "Redis or RabbitMQ there, or set QUOTEAPI_BROKER_URL") from None
    index.seal_batch(batch_id)
    return batch_id


def wait_for_batch(index: Index, batch_id: str, progress: bool = True) -> BatchRecord:
    """The batch once every item has an outcome, with a progress bar meanwhile (stderr)."""
    record = index.batch(batch_id)
    with tqdm(total=record.total, unit="article", disable=not progress, desc="ingest") as bar:
        while True:
            bar.total = record.total
            bar.update(record.total - record.queued - bar.n)
            bar.set_postfix(quotes=record.quotes, failed=len(record.failures))
            if record.done:
                return record
            time.sleep(POLL_SECONDS)
            record = index.batch(batch_id)
