"""Articles of a batch that the broker lost, found and sent again, so that every batch ends.

Written here because neither Celery nor kombu repairs it: Redis (kombu's transport) takes a
message off the queue and then records it as unacknowledged, in two steps; a worker killed
between the two loses the message for good (celery/celery#7950, celery/kombu#305). RabbitMQ
keeps an unacknowledged message itself, so there the sweep finds nothing.

A queued item of a batch (index/batches.py) is taken for lost when both hold:
- its queue is empty at the broker: every message sent to it has been taken by a worker (a
  message still waiting is not lost, however long it waits);
- nothing happened in its batch for ``lost_after`` seconds (no item sent, none finished):
  longer than the broker takes to give back what a dead worker held (the visibility timeout)
  plus the longest a worker may spend on an article (the hard time limit); tasks.limits.
Such an item is sent again from the article the batch keeps. Should it not have been lost after
all (a message the broker gives back later), the article arrives twice: the worker finds its
item finished and skips it, and storing an article again changes nothing anyway.

Every worker sweeps its queues every few seconds (tasks.py); an item is claimed in the database
before it is sent, so two workers sweeping at once send it once.
"""

import json
import logging
from datetime import UTC, datetime, timedelta

from celery import Celery

from .index import Index

log = logging.getLogger(__name__)


def waiting(app: Celery, queue: str) -> int:
    """Messages waiting in ``queue`` at the broker (0 where the broker has no such queue: Redis
    forgets an empty one)."""
    with app.connection_for_read() as connection:
        channel = connection.channel()
        try:
            return channel.queue_declare(queue=queue, passive=True).message_count
        except connection.channel_errors:
            return 0


def resend_lost(index: Index, app: Celery, task_name: str, queues: list[str],
                lost_after: float) -> int:
    """Send ``task_name`` again for each item the broker lost on ``queues``: how many."""
    since = datetime.now(UTC).replace(tzinfo=None) - timedelta(seconds=lost_after)
    items = index.quiet_batch_items(queues, since)
    if not items:
        return 0
    empty = {queue for queue in {queue for _, _, queue, _ in items} if waiting(app, queue) == 0}
    sent = 0
    for batch_id, number, queue, payload in items:
        if queue not in empty or not index.claim_resend(batch_id, number, since):
            continue
        app.send_task(task_name, (json.loads(payload),), {"batch": (batch_id, number)},
                      queue=queue, ignore_result=True)
        log.warning("item %d of batch %s was lost by the broker: sent again", number, batch_id)
        sent += 1
    return sent
