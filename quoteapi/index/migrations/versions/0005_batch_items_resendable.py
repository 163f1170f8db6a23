"""Batch items that can be sent again: a broker may lose a message (below), and the batch then
holds what is needed to send its article once more.

- ``batches.queue``: the queue the batch was sent to (a worker re-sends only to queues it
  consumes);
- ``batch_items.payload``: the article as sent (JSON), until the item has an outcome;
  ``sent_at`` and ``sends``: when it was last sent and how often;
- ``ix_batch_items_status``: the items still queued are found without reading every batch.

Redis (kombu) moves a message from the queue to its "unacked" set in two steps; a worker killed
between them loses the message (celery/celery#7950, celery/kombu#305). redelivery.py finds such
items and sends them again.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("batches", sa.Column("queue", sa.String(200)))
    op.add_column("batch_items", sa.Column("payload", sa.Text))
    op.add_column("batch_items", sa.Column("sent_at", sa.DateTime))
    op.add_column("batch_items", sa.Column("sends", sa.Integer, nullable=False,
                                           server_default="0"))
    op.create_index("ix_batch_items_status", "batch_items", ["status"])


def downgrade() -> None:
    op.drop_index("ix_batch_items_status", "batch_items")
    with op.batch_alter_table("batch_items") as table:  # SQLite drops columns by copying
        table.drop_column("sends")
        table.drop_column("sent_at")
        table.drop_column("payload")
    with op.batch_alter_table("batches") as table:
        table.drop_column("queue")
