"""The index schema: articles, speakers (aliases, roles), quotes and their appearances, and
full-text search (SQLite FTS5 with bm25; PostgreSQL tsvector with a GIN index).

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

SQLITE_FTS = [
    (
        "CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='id',"
        " tokenize='porter unicode61 remove_diacritics 2')"
    ),
    (
        "CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN"
        " INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text); END"
    ),
    (
        "CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN"
        " INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text); END"
    ),
    (
        "CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text ON quotes BEGIN"
        " INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);"
        " INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text); END"
    ),
    # SQLite sorts NULL lowest, so DESC already puts undated quotes last
    "CREATE INDEX ix_quotes_speaker_newest ON quotes (speaker_id, published DESC, id DESC)",
    "CREATE INDEX ix_quotes_newest ON quotes (published DESC, id DESC)",
]
POSTGRES_FTS = [
    (
        "ALTER TABLE quotes ADD COLUMN tsv tsvector"
        " GENERATED ALWAYS AS (to_tsvector('english', text)) STORED"
    ),
    "CREATE INDEX ix_quotes_tsv ON quotes USING GIN (tsv)",
    (
        "CREATE INDEX ix_quotes_speaker_newest ON quotes"
        " (speaker_id, published DESC NULLS LAST, id DESC)"
    ),
    "CREATE INDEX ix_quotes_newest ON quotes (published DESC NULLS LAST, id DESC)",
]


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("title", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("source", sa.String(200), index=True),
        sa.Column("published", sa.Date, index=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("ingested_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "speakers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("slug", sa.String(300), nullable=False, unique=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("key", sa.String(300), nullable=False, index=True),
        sa.Column("surname", sa.String(100), nullable=False, index=True),
        sa.Column("quote_count", sa.Integer, nullable=False, server_default="0", index=True),
        sa.Column("first_quoted", sa.Date),
        sa.Column("last_quoted", sa.Date),
    )
    op.create_table(
        "speaker_aliases",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "speaker_id", sa.Integer, sa.ForeignKey("speakers.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("key", sa.String(300), nullable=False, index=True),
        sa.UniqueConstraint("speaker_id", "key"),
    )
    op.create_table(
        "speaker_roles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "speaker_id", sa.Integer, sa.ForeignKey("speakers.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("role", sa.String(300), nullable=False),
        sa.Column("key", sa.String(300), nullable=False),
        sa.Column("first_seen", sa.Date),
        sa.Column("last_seen", sa.Date),
        sa.UniqueConstraint("speaker_id", "key"),
    )
    op.create_table(
        "speaker_role_articles",
        sa.Column(
            "role_id", sa.Integer, sa.ForeignKey("speaker_roles.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column(
            "article_id", sa.String(200), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True,
            index=True,
        ),
    )
    op.create_table(
        "quotes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column(
            "speaker_id", sa.Integer, sa.ForeignKey("speakers.id", ondelete="SET NULL")),
        sa.Column("role", sa.String(300)),
        sa.Column("role_key", sa.String(300), index=True),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("published", sa.Date),
    )
    op.create_table(
        "appearances",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "quote_id", sa.Integer, sa.ForeignKey("quotes.id", ondelete="CASCADE"), nullable=False),
        sa.Column(
            "article_id", sa.String(200), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False,
            index=True,
        ),
        sa.Column("spans", sa.JSON, nullable=False),
        sa.Column("cue", sa.Text),
        sa.Column("cue_start", sa.Integer),
        sa.Column("cue_end", sa.Integer),
        sa.Column("mention", sa.Text),
        sa.UniqueConstraint("quote_id", "article_id"),
    )
    statements = SQLITE_FTS if op.get_bind().dialect.name == "sqlite" else POSTGRES_FTS
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE quotes_fts")
    for table in ("appearances", "quotes", "speaker_role_articles", "speaker_roles",
                  "speaker_aliases", "speakers", "articles"):
        op.drop_table(table)
