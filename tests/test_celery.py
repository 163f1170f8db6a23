"""Ingesting through a real Celery worker (Redis broker at settings().broker_url) into each
backend; the worker, its queue and the results are cleaned up. The worker's database is its own
setting (QUOTEAPI_DATABASE_URL), never one a message names."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from celery_worker import running_worker
from index_fixtures import quote_of, seed_text

from quoteapi import tasks
from quoteapi.index import Index, QuoteQuery

T0, T2 = seed_text("000"), seed_text("002")


@pytest.fixture(scope="module")
def worker() -> Iterator[str]:
    """A worker thread consuming a queue of its own; skips when the broker is down."""
    with running_worker() as queue:
        yield queue


def test_worker_ingests_articles_and_reports_bad_ones(
    worker: str, index_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUOTEAPI_DATABASE_URL", index_url)  # the worker's own setting
    war_crime = "fully qualifies as a war crime"
    jobs = [
        tasks.ingest_article.apply_async(
            ({"id": name, "text": text}, [quote_of(text, war_crime, "Boris Johnson").to_dict()]),
            queue=worker)
        for name, text in (("000", T0), ("002", T2))
    ]
    jobs.append(tasks.ingest_article.apply_async(({"id": "bad", "text": " "}, []), queue=worker))
    results = [job.get(timeout=60) for job in jobs]
    for job in jobs:
        job.forget()
    assert [r.get("created") for r in results[:2]] == [True, True]
    assert results[2] == {"article_id": "bad", "error": "the article text is empty"}
    index = Index(index_url)
    (quote,) = index.quotes(QuoteQuery()).items
    assert sorted(a.article_id for a in quote.appearances) == ["000", "002"]
    assert str(index.article("000").published) == "2022-03-03"
    index.close()


def test_a_message_cannot_name_the_database(tmp_path: Path) -> None:
    elsewhere = tmp_path / "chosen-by-the-message.sqlite3"
    with pytest.raises(TypeError, match="database_url"):
        tasks.ingest_article.apply_async(
            ({"text": "Hello."},), {"database_url": f"sqlite:///{elsewhere}"}, queue="unused")
    assert not elsewhere.exists()
