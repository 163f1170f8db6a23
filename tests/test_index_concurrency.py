"""One identity, one row, under concurrency, on each backend: writers in separate processes
(forked, released at once by a barrier) storing articles that quote one new speaker give one
speaker and one merged quote; processes opening one fresh database migrate it once; and
speakers that concurrent writers duplicated before migration 0004 are merged by it."""

import functools
import multiprocessing
import traceback
from datetime import date
from typing import Any

import pytest
import sqlalchemy as sa
from index_fixtures import quote_of

from quoteapi.index import ArticleIn, Index, QuoteQuery
from quoteapi.index.db import make_engine, upgrade

WRITERS = 20
ROUNDS = 3
QUOTES = ["The harbour bridge will reopen before the winter storms arrive",
          "Ferries will run every hour while the bridge stays closed to traffic"]
FORK = multiprocessing.get_context("fork")  # the children share this process's imports


def _in_child(barrier, errors, work) -> None:  # type: ignore[no-untyped-def]
    try:
        work(barrier)
    except BaseException:  # noqa: BLE001 - reported to the parent, which fails the test
        errors.put(traceback.format_exc())


def run_at_once(work, processes: int) -> None:  # type: ignore[no-untyped-def]
    """``work(barrier)`` in ``processes`` processes; fails with the first child's traceback."""
    barrier, errors = FORK.Barrier(processes), FORK.Queue()
    children = [FORK.Process(target=_in_child, args=(barrier, errors, work))
                for _ in range(processes)]
    for child in children:
        child.start()
    for child in children:
        child.join(timeout=120)
    assert errors.empty(), errors.get()
    assert [child.exitcode for child in children] == [0] * processes


def ingest_one(url: str, name: str, said: str, wave: int, barrier: Any) -> None:
    """One writer: its own Index (connections), released with the others by ``barrier``."""
    number = (multiprocessing.current_process().pid or 0) * 10 + wave
    mine = Index(url)
    barrier.wait(timeout=60)
    mine.ingest(*article_quoting(name, said, number))
    mine.close()


def article_quoting(name: str, said: str, number: int) -> tuple[ArticleIn, list]:
    text = (f"Dispatch {number} from the harbour.\n\n\u201c{said},\u201d said {name}, the "
            "harbour master.\n")
    quote = quote_of(text, said, name, mention=name, role="harbour master", cue="said")
    return ArticleIn(text=text, id=f"{name}-{number}", published=date(2026, 11, number % 28 + 1)
                     ), [quote]


@pytest.mark.parametrize("round_number", range(ROUNDS))
def test_concurrent_articles_quoting_a_new_speaker_give_one_speaker_and_one_quote(
    index: Index, round_number: int
) -> None:
    """First the speaker is new to every writer, then (a second wave) the quote alone is."""
    name = f"Agatha Fairweather{'ton' * round_number}"
    for wave, said in enumerate(QUOTES):

        run_at_once(functools.partial(ingest_one, index.url, name, said, wave), WRITERS)
        speakers = index.speakers(limit=50).items
        assert [(s.name, s.slug, s.quote_count) for s in speakers] == [
            (name, name.lower().replace(" ", "-"), wave + 1)]
        assert index.speaker(name).id == speakers[0].id  # no 409: one speaker for the name
        quotes = index.quotes(QuoteQuery(sort="date", limit=10)).items
        assert sorted((q.text, len(q.appearances)) for q in quotes) == sorted(
            (f"{text},", WRITERS) for text in QUOTES[:wave + 1])
    assert [role.role for role in index.speaker(name).roles] == ["harbour master"]


def test_processes_opening_one_fresh_database_migrate_it_once(index_url: str) -> None:
    def open_index(barrier) -> None:  # type: ignore[no-untyped-def]
        barrier.wait(timeout=60)
        Index(index_url).close()

    run_at_once(open_index, 6)
    engine = make_engine(index_url)
    with engine.connect() as connection:
        versions = connection.execute(sa.text("SELECT version_num FROM alembic_version")).all()
    engine.dispose()
    assert len(versions) == 1


def test_migration_0004_merges_speakers_that_concurrent_writers_duplicated(
    index_url: str,
) -> None:
    engine = make_engine(index_url, writer=True)
    upgrade(engine, "0003")
    with engine.begin() as connection:
        run = lambda sql: connection.execute(sa.text(sql))  # noqa: E731
        run("INSERT INTO speakers (id, name, slug, kind, key, surname, quote_count) VALUES"
            " (1, 'Agatha Fairweather', 'agatha-fairweather', 'person', 'agatha fairweather',"
            " 'fairweather', 1),"
            " (2, 'Agatha Fairweather', 'agatha-fairweather-2', 'person', 'agatha fairweather',"
            " 'fairweather', 1)")
        run("INSERT INTO speaker_aliases (speaker_id, name, key) VALUES"
            " (1, 'Fairweather', 'fairweather'), (2, 'Fairweather', 'fairweather'),"
            " (2, 'Aggie Fairweather', 'aggie fairweather')")
        run("INSERT INTO quotes (id, text, type, speaker_id, confidence, published) VALUES"
            " (1, 'one', 'direct', 1, 0.9, '2026-01-02'), (2, 'two', 'direct', 2, 0.9,"
            " '2026-03-04')")
    engine.dispose()
    index = Index(index_url)  # migrates to head
    (speaker,) = index.speakers().items
    assert (speaker.id, speaker.quote_count, str(speaker.first_quoted), str(speaker.last_quoted)
            ) == (1, 2, "2026-01-02", "2026-03-04")
    assert sorted(speaker.aliases) == ["Aggie Fairweather", "Fairweather"]
    assert index.speaker("agatha-fairweather-2").id == 1  # the duplicate's slug still answers
    index.close()
