"""Fixtures for the store tests: an empty ``Index`` on each backend, and hand-made quotes.

Imported by the tests/test_index*.py modules. ``index`` is parametrized: every store test runs on
a SQLite file and on PostgreSQL (a database created for this test run, a schema per test, all
dropped afterwards). Without a reachable PostgreSQL the PostgreSQL half skips, saying how to run it
(fails under QUOTEAPI_REQUIRE_SERVICES=1: services.py).
"""

import os
import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from services import unavailable

from quoteapi.extract.model import Quote, QuoteType, Speaker, SpeakerKind, TextSpan
from quoteapi.index import Index

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
POSTGRES_URL = os.environ.get(
    "QUOTEAPI_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
HOW_TO_RUN = (
    "start PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth) or point "
    "QUOTEAPI_TEST_POSTGRES_URL at one, then run `make test` again"
)


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[str]:
    """A PostgreSQL database made for this run (dropped at the end); its URL."""
    admin = sa.create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    name = f"quoteapi_test_{uuid.uuid4().hex[:12]}"
    try:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except sa.exc.OperationalError as error:
        admin.dispose()
        unavailable(f"PostgreSQL unreachable at {POSTGRES_URL} ({type(error).__name__}): {HOW_TO_RUN}")
    url = sa.engine.make_url(POSTGRES_URL).set(database=name)
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def index_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'index.sqlite3'}"
        return
    yield request.getfixturevalue("postgres_url")


@pytest.fixture
def postgres_url(postgres_database: str) -> Iterator[str]:
    """The URL of an empty PostgreSQL schema of this run's database (dropped afterwards)."""
    database = postgres_database
    schema = f"t_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(database)
    with engine.begin() as connection:
        connection.exec_driver_sql(f"CREATE SCHEMA {schema}")
    try:
        yield f"{database}?options=-csearch_path%3D{schema}"
    finally:
        with engine.begin() as connection:
            connection.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        engine.dispose()


@pytest.fixture
def index(index_url: str) -> Iterator[Index]:
    opened = Index(index_url)
    yield opened
    opened.close()


def seed_text(name: str) -> str:
    return next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8")


def quote_of(
    text: str, fragment: str, speaker: str | None, *, mention: str | None = None,
    role: str | None = None, cue: str | None = None, kind: SpeakerKind = SpeakerKind.PERSON,
    nth: int = 0,
) -> Quote:
    """A hand-made quote: the quotation around ``fragment`` (widened to its quotation marks when
    it lies inside some), with the speaker, role, mention and cue words found in ``text``."""
    start = _nth(text, fragment, nth)
    end = start + len(fragment)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end) if "\n" in text[end:] else len(text)
    opening, closing = text.rfind("\u201c", line_start, start), text.find("\u201d", end, line_end)
    if opening != -1 and "\u201d" not in text[opening:start]:  # inside a quotation (paragraph)
        start, end = opening + 1, closing if closing != -1 else line_end
    content = text[start:end]
    return Quote(
        text=content,
        type=QuoteType.DIRECT if text[start - 1 : start] == "\u201c" else QuoteType.INDIRECT,
        spans=((start, end),),
        cue=_span(text, cue, start) if cue else None,
        speaker=Speaker(name=speaker, role=role, kind=kind,
                        mention=_span(text, mention, start) if mention else None),
        confidence=0.9,
    )


def _nth(text: str, fragment: str, nth: int) -> int:
    positions = [match.start() for match in re.finditer(re.escape(fragment), text)]
    assert len(positions) > nth, f"{fragment!r} not in the text"
    return positions[nth]


def _span(text: str, words: str, near: int) -> TextSpan:
    """``words`` where they occur closest to ``near``."""
    positions = [match.start() for match in re.finditer(re.escape(words), text)]
    assert positions, f"{words!r} not in the text"
    start = min(positions, key=lambda position: abs(position - near))
    return TextSpan(words, start, start + len(words))
