"""Transliterated slugs (the previous ones keep answering) and PostgreSQL's change marker.

- ``speaker_previous_slugs``: a slug a speaker had before; ``Zoë Ørsted-Łukasz`` was
  ``zoe-rsted-ukasz`` and is now ``zoe-orsted-lukasz`` (python-slugify), and both find her. Only
  speakers whose name transliterates differently get a new slug.
- PostgreSQL only: ``index_generation``, one row counted up once per committed transaction that
  writes any index table (deferred constraint triggers: the count is taken at commit, so writers
  hold its row lock for the commit alone). ``quoteapi/index/changes.py`` reads it. SQLite needs no
  table: ``PRAGMA data_version`` does the same.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

import re
import unicodedata

import sqlalchemy as sa
from alembic import op

from quoteapi.index.names import slugify

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TABLES = ("articles", "speakers", "speaker_aliases", "speaker_roles", "speaker_role_articles",
          "quotes", "appearances", "speaker_previous_slugs")
POSTGRES_GENERATION = [
    "CREATE TABLE index_generation (id integer PRIMARY KEY CHECK (id = 1),"
    " generation bigint NOT NULL)",
    "INSERT INTO index_generation VALUES (1, 0)",
    # once per transaction: a transaction-local setting remembers that this one counted already
    """CREATE FUNCTION quoteapi_count_write() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF current_setting('quoteapi.counted', true) IS DISTINCT FROM txid_current()::text THEN
            UPDATE index_generation SET generation = generation + 1 WHERE id = 1;
            PERFORM set_config('quoteapi.counted', txid_current()::text, true);
        END IF;
        RETURN NULL;
    END $$""",
]


def _old_slug(name: str) -> str:
    """Revision 0001's slug: diacritics dropped, other letters outside a-z dropped too."""
    apostrophes = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
    bare = "".join(c for c in unicodedata.normalize("NFKD", name.translate(apostrophes))
                   if not unicodedata.combining(c))
    folded = " ".join(bare.casefold().split())
    return re.sub(r"[^a-z0-9]+", "-", folded.replace("'", "")).strip("-") or "speaker"


def upgrade() -> None:
    op.create_table(
        "speaker_previous_slugs",
        sa.Column("slug", sa.String(300), primary_key=True),
        sa.Column("speaker_id", sa.Integer, sa.ForeignKey("speakers.id", ondelete="CASCADE"),
                  nullable=False, index=True),
    )
    _transliterate_slugs()
    if op.get_bind().dialect.name == "postgresql":
        for statement in POSTGRES_GENERATION:
            op.execute(statement)
        for table in TABLES:
            op.execute(f"CREATE CONSTRAINT TRIGGER {table}_count_write AFTER INSERT OR UPDATE"
                       f" OR DELETE ON {table} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW"
                       " EXECUTE FUNCTION quoteapi_count_write()")
            op.execute(f"CREATE TRIGGER {table}_count_truncate AFTER TRUNCATE ON {table}"
                       " FOR EACH STATEMENT EXECUTE FUNCTION quoteapi_count_write()")


def _transliterate_slugs() -> None:
    connection = op.get_bind()
    speakers = sa.table("speakers", sa.column("id"), sa.column("name"), sa.column("slug"))
    previous = sa.table("speaker_previous_slugs", sa.column("slug"), sa.column("speaker_id"))
    rows = connection.execute(sa.select(speakers.c.id, speakers.c.name, speakers.c.slug)
                              .order_by(speakers.c.id)).all()
    taken = {slug for _, _, slug in rows}
    for speaker_id, name, slug in rows:
        if _old_slug(name) == slugify(name):
            continue  # same letters either way: the slug (numbered or not) stays
        base = slugify(name)
        new, number = base, 1
        while new in taken:
            number += 1
            new = f"{base}-{number}"
        taken.add(new)
        connection.execute(speakers.update().where(speakers.c.id == speaker_id).values(slug=new))
        connection.execute(previous.insert().values(slug=slug, speaker_id=speaker_id))


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_count_write ON {table}")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_count_truncate ON {table}")
        op.execute("DROP FUNCTION quoteapi_count_write()")
        op.execute("DROP TABLE index_generation")
    op.drop_table("speaker_previous_slugs")
