"""Batches sent to Celery workers, and one speaker per identity.

- ``batches`` and ``batch_items``: what `quoteapi ingest --queue` sent, one item per article
  (or per source that gave none), with its outcome once a worker is done: `quoteapi batch ID`
  (and anything else reading the database) shows progress and failures.
- ``uq_speakers_identity``: one speaker per name key, persons and organisations apart (the
  resolver's rule: index/speakers.py), so two writers creating one new speaker at once give one
  row. Speakers that concurrent writers duplicated before this revision are merged first into
  the oldest: its quotes, aliases, roles, and the duplicate's slug as a previous slug (the
  duplicate's URL keeps answering).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

IDENTITY = "CREATE UNIQUE INDEX uq_speakers_identity ON speakers (key, (kind = 'organisation'))"


def upgrade() -> None:
    op.create_table(
        "batches",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("total", sa.Integer, nullable=False, server_default="0"),
        sa.Column("sealed", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "batch_items",
        sa.Column("batch_id", sa.String(32), sa.ForeignKey("batches.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("number", sa.Integer, primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("article_id", sa.String(200)),
        sa.Column("quotes", sa.Integer),
        sa.Column("error", sa.Text),
        sa.Column("finished_at", sa.DateTime),
    )
    bind = op.get_bind()
    _merge_duplicate_speakers(bind)
    if bind.dialect.name == "postgresql":  # fire the change marker's deferred triggers (0002)
        op.execute("SET CONSTRAINTS ALL IMMEDIATE")  # now: no index on a table with events due
    op.execute(IDENTITY)


def downgrade() -> None:
    op.execute("DROP INDEX uq_speakers_identity")
    op.drop_table("batch_items")
    op.drop_table("batches")


def _merge_duplicate_speakers(bind: sa.Connection) -> None:
    groups = bind.execute(sa.text(
        "SELECT key, kind = 'organisation', MIN(id) FROM speakers"
        " GROUP BY key, kind = 'organisation' HAVING COUNT(*) > 1"
    )).all()
    for key, organisation, keep in groups:
        duplicates = bind.execute(sa.text(
            "SELECT id FROM speakers WHERE key = :key AND (kind = 'organisation') = :org"
            " AND id <> :keep ORDER BY id"), {"key": key, "org": bool(organisation), "keep": keep},
        ).scalars().all()
        for duplicate in duplicates:
            _merge(bind, keep, duplicate)
        _recount(bind, keep)


def _merge(bind: sa.Connection, keep: int, gone: int) -> None:
    ids = {"keep": keep, "gone": gone}
    run = lambda sql, **extra: bind.execute(sa.text(sql), {**ids, **extra})  # noqa: E731
    run("UPDATE quotes SET speaker_id = :keep WHERE speaker_id = :gone")
    run("UPDATE speaker_previous_slugs SET speaker_id = :keep WHERE speaker_id = :gone")
    run("INSERT INTO speaker_previous_slugs (slug, speaker_id) SELECT slug, :keep FROM speakers"
        " WHERE id = :gone")
    run("DELETE FROM speaker_aliases WHERE speaker_id = :gone AND key IN"
        " (SELECT key FROM speaker_aliases WHERE speaker_id = :keep)")
    run("UPDATE speaker_aliases SET speaker_id = :keep WHERE speaker_id = :gone")
    for role_id, role_key in run("SELECT id, key FROM speaker_roles WHERE speaker_id = :gone"
                                 ).all():
        kept = run("SELECT id FROM speaker_roles WHERE speaker_id = :keep AND key = :key",
                   key=role_key).scalar()
        if kept is None:
            run("UPDATE speaker_roles SET speaker_id = :keep WHERE id = :role", role=role_id)
            continue
        run("INSERT INTO speaker_role_articles (role_id, article_id) SELECT :kept, article_id"
            " FROM speaker_role_articles WHERE role_id = :role AND article_id NOT IN"
            " (SELECT article_id FROM speaker_role_articles WHERE role_id = :kept)",
            role=role_id, kept=kept)
        run("UPDATE speaker_roles SET"
            " first_seen = (SELECT MIN(first_seen) FROM speaker_roles WHERE id IN (:role, :kept)),"
            " last_seen = (SELECT MAX(last_seen) FROM speaker_roles WHERE id IN (:role, :kept))"
            " WHERE id = :kept", role=role_id, kept=kept)
        run("DELETE FROM speaker_roles WHERE id = :role", role=role_id)
    run("DELETE FROM speakers WHERE id = :gone")


def _recount(bind: sa.Connection, speaker: int) -> None:
    bind.execute(sa.text(
        "UPDATE speakers SET"
        " quote_count = (SELECT COUNT(*) FROM quotes WHERE speaker_id = :id),"
        " first_quoted = (SELECT MIN(published) FROM quotes WHERE speaker_id = :id),"
        " last_quoted = (SELECT MAX(published) FROM quotes WHERE speaker_id = :id)"
        " WHERE id = :id"), {"id": speaker})
