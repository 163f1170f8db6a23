"""The tables (SQLAlchemy 2.0 declarative models), the engine, and schema migration on open.

The schema itself is created by the Alembic migrations in ``migrations/``; these models mirror it
for queries. Dialect-specific parts (SQLite FTS5 table and triggers, PostgreSQL tsvector column
and GIN index, the newest-first composite index) exist only in the migrations.
"""

import sqlite3
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    text,
)
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

MIGRATIONS = Path(__file__).with_name("migrations")
# made by the migrations alone, per dialect (see the module docstring); the models omit them
MIGRATION_ONLY = frozenset({
    "quotes_fts", "quotes_fts_config", "quotes_fts_data", "quotes_fts_docsize", "quotes_fts_idx",
    "ix_quotes_newest", "ix_quotes_speaker_newest", "ix_quotes_tsv", "tsv",
    "index_generation",  # PostgreSQL's change marker (changes.py), kept by triggers
    "uq_speakers_identity",  # an expression index: one speaker per (key, organisation or not)
})
# PostgreSQL advisory lock taken around a migration (with the schema's hash as second key), so
# that processes opening one fresh database at once (a worker's pool) migrate it once
MIGRATION_LOCK = 0x71756F74  # "quot"
LOCK_MIGRATIONS = text("SELECT pg_advisory_xact_lock(:lock, hashtext(current_schema()))")


class Base(DeclarativeBase):
    pass


class Article(Base):
    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    title: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text, index=True)
    source: Mapped[str | None] = mapped_column(String(200), index=True)
    published: Mapped[date | None] = mapped_column(Date, index=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(DateTime)
    canonical_url: Mapped[str | None] = mapped_column(Text, index=True)
    author: Mapped[str | None] = mapped_column(String(300))


class Feed(Base):
    """A feed `quoteapi watch` polls: the validators of its last answer, for a conditional GET."""

    __tablename__ = "feeds"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(Text, unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    checked_at: Mapped[datetime | None] = mapped_column(DateTime)


class FeedEntry(Base):
    """An entry of a feed, once handled: the article its page gave, or why it gave none.
    ``key`` is a hash of the entry's id (or link) and its date, so an updated entry is new."""

    __tablename__ = "feed_entries"

    feed_id: Mapped[int] = mapped_column(
        ForeignKey("feeds.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    link: Mapped[str] = mapped_column(Text)
    article_id: Mapped[str | None] = mapped_column(
        ForeignKey("articles.id", ondelete="SET NULL"), index=True
    )
    error: Mapped[str | None] = mapped_column(Text)
    seen_at: Mapped[datetime] = mapped_column(DateTime)


class Speaker(Base):
    __tablename__ = "speakers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    slug: Mapped[str] = mapped_column(String(300), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    key: Mapped[str] = mapped_column(String(300), index=True)  # names.name_key(name)
    surname: Mapped[str] = mapped_column(String(100), index=True)
    quote_count: Mapped[int] = mapped_column(Integer, default=0, index=True)
    first_quoted: Mapped[date | None] = mapped_column(Date)
    last_quoted: Mapped[date | None] = mapped_column(Date)


class PreviousSlug(Base):
    """A slug a speaker had before (slugs became transliterations): it keeps answering."""

    __tablename__ = "speaker_previous_slugs"

    slug: Mapped[str] = mapped_column(String(300), primary_key=True)
    speaker_id: Mapped[int] = mapped_column(
        ForeignKey("speakers.id", ondelete="CASCADE"), index=True
    )


class Alias(Base):
    __tablename__ = "speaker_aliases"
    __table_args__ = (UniqueConstraint("speaker_id", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    speaker_id: Mapped[int] = mapped_column(ForeignKey("speakers.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(300))
    key: Mapped[str] = mapped_column(String(300), index=True)


class Role(Base):
    __tablename__ = "speaker_roles"
    __table_args__ = (UniqueConstraint("speaker_id", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    speaker_id: Mapped[int] = mapped_column(ForeignKey("speakers.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(300))
    key: Mapped[str] = mapped_column(String(300))
    first_seen: Mapped[date | None] = mapped_column(Date)
    last_seen: Mapped[date | None] = mapped_column(Date)


class RoleArticle(Base):
    __tablename__ = "speaker_role_articles"

    role_id: Mapped[int] = mapped_column(
        ForeignKey("speaker_roles.id", ondelete="CASCADE"), primary_key=True
    )
    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Quote(Base):
    """One quotation, however many articles carry it. ``speaker_id`` and ``published`` (the
    earliest date an article gives it) are kept here, denormalised, for the newest-first index."""

    __tablename__ = "quotes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(20))
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("speakers.id", ondelete="SET NULL"))
    role: Mapped[str | None] = mapped_column(String(300))
    role_key: Mapped[str | None] = mapped_column(String(300), index=True)
    confidence: Mapped[float] = mapped_column(Float)
    published: Mapped[date | None] = mapped_column(Date)


class Appearance(Base):
    """One article carrying a quote, with that article's offsets, cue and speaker mention."""

    __tablename__ = "appearances"
    __table_args__ = (UniqueConstraint("quote_id", "article_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    quote_id: Mapped[int] = mapped_column(ForeignKey("quotes.id", ondelete="CASCADE"))
    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    spans: Mapped[list[Any]] = mapped_column(JSON)
    cue: Mapped[str | None] = mapped_column(Text)
    cue_start: Mapped[int | None] = mapped_column(Integer)
    cue_end: Mapped[int | None] = mapped_column(Integer)
    mention: Mapped[str | None] = mapped_column(Text)


class Batch(Base):
    """Articles sent to the workers at once (`quoteapi ingest --queue`) on ``queue``;
    ``sealed`` once all its items are sent."""

    __tablename__ = "batches"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    total: Mapped[int] = mapped_column(Integer, default=0)
    sealed: Mapped[bool] = mapped_column(Boolean, default=False)
    queue: Mapped[str | None] = mapped_column(String(200))


class BatchItem(Base):
    """One article of a batch (or a source that gave none): "queued" until a worker is done,
    then "created", "replaced", "unchanged" or "failed" (with ``error``); "skipped" sources
    hold no article. A queued item keeps its article as sent (``payload``, JSON) until it has an
    outcome, so that it can be sent again (``sent_at``: last sent; ``sends``: how often)."""

    __tablename__ = "batch_items"

    batch_id: Mapped[str] = mapped_column(
        ForeignKey("batches.id", ondelete="CASCADE"), primary_key=True
    )
    number: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), index=True)
    article_id: Mapped[str | None] = mapped_column(String(200))
    quotes: Mapped[int | None] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(Text)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    payload: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)
    sends: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite would run DDL outside any transaction and begin lazily; let SQLAlchemy's BEGIN
    # decide instead, so a migration or an article is stored all-or-nothing (SQLAlchemy's recipe)
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")  # for ON DELETE CASCADE
    _wal(cursor)  # readers do not wait for the (one) writer
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


WAL_ATTEMPTS, WAL_PAUSE = 100, 0.1  # up to 10 s for another connection to let go


def _wal(cursor: Any) -> None:
    """Switch the file to WAL (it stays so) unless it is already. A connection opened while
    another first writes a new file may be answered "database is locked" at once, the busy
    timeout not waited (seen with a worker and a CLI opening one file), hence the retries."""
    for attempt in range(WAL_ATTEMPTS):
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or attempt + 1 == WAL_ATTEMPTS:
                raise
            time.sleep(WAL_PAUSE)


def make_engine(url: str, writer: bool = False) -> Engine:
    """An engine for ``url``; a SQLite file's folder is created when missing. A SQLite
    ``writer`` takes the write lock when its transaction begins (BEGIN IMMEDIATE), so two
    writers queue on the busy timeout instead of failing when one upgrades its lock."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 60})
        event.listen(engine, "connect", _sqlite_pragmas)
        begin = "BEGIN IMMEDIATE" if writer else "BEGIN"
        event.listen(engine, "begin", lambda connection: connection.exec_driver_sql(begin))
        return engine
    if writer:
        return create_engine(url, pool_pre_ping=True)
    # reads run statement by statement: no BEGIN/ROLLBACK or ping round trips on the hot path;
    # and no server-side prepared statements, whose generic plan cannot know that one speaker
    # has 50,000 quotes and another 5 (each query is planned for its own values)
    return create_engine(url, isolation_level="AUTOCOMMIT", pool_recycle=1800,
                         connect_args={"prepare_threshold": None})


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` with Alembic (what `Index(url)` does on open)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":  # released at commit
            connection.execute(LOCK_MIGRATIONS, {"lock": MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
