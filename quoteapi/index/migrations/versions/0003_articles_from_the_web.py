"""Articles from the web: what a page says of itself, and the feeds `quoteapi watch` polls.

- ``articles.canonical_url`` and ``articles.author``; ``url`` and ``canonical_url`` indexed, since
  an article read from the web is found again by either (the same page read again changes
  nothing, a changed page replaces its quotes).
- ``feeds``: a polled feed with its ETag and Last-Modified, for conditional GETs.
- ``feed_entries``: each entry handled, with the article its page gave or why it gave none, so a
  feed's entries are fetched once (an entry the feed marks updated is a new one).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("articles", sa.Column("canonical_url", sa.Text))
    op.add_column("articles", sa.Column("author", sa.String(300)))
    op.create_index("ix_articles_url", "articles", ["url"])
    op.create_index("ix_articles_canonical_url", "articles", ["canonical_url"])
    op.create_table(
        "feeds",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("url", sa.Text, nullable=False, unique=True),
        sa.Column("title", sa.Text),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("checked_at", sa.DateTime),
    )
    op.create_table(
        "feed_entries",
        sa.Column("feed_id", sa.Integer, sa.ForeignKey("feeds.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("link", sa.Text, nullable=False),
        sa.Column("article_id", sa.String(200),
                  sa.ForeignKey("articles.id", ondelete="SET NULL"), index=True),
        sa.Column("error", sa.Text),
        sa.Column("seen_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("feed_entries")
    op.drop_table("feeds")
    op.drop_index("ix_articles_canonical_url", "articles")
    op.drop_index("ix_articles_url", "articles")
    with op.batch_alter_table("articles") as batch:  # SQLite drops columns by copying the table
        batch.drop_column("author")
        batch.drop_column("canonical_url")
