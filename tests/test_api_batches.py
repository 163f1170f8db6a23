"""GET /batches/{id}: a batch sent to the workers, read with an API key (it names the sender's
files), as `quoteapi batch ID` shows it. The batch is recorded here as the sender and the workers
record one (index/batches.py); test_workers.py sends real ones."""

import pytest

from quoteapi.api import create_app
from quoteapi.index import Index, IngestResult

KEY = "test-key-0123456789"
AUTH = {"X-API-Key": KEY}


@pytest.fixture()
def index(tmp_path):
    index = Index(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    yield index
    index.close()


@pytest.fixture()
def client(index):
    app = create_app({"TESTING": True, "API_KEYS": [KEY], "DATABASE_URL": index.url}, index=index)
    return app.test_client()


def _batch(index: Index, failed: int) -> str:
    """Two articles (one stored with 3 quotes, one still queued), ``failed`` failures and one
    skipped source."""
    batch_id = index.create_batch("quoteapi")
    index.add_batch_item(batch_id, 0, "a.jsonl line 1", payload='{"text": "x"}')
    index.add_batch_item(batch_id, 1, "a.jsonl line 2", payload='{"text": "y"}')
    index.add_batch_item(batch_id, 2, "notes/", "skipped", "no article in this folder")
    for number in range(3, 3 + failed):
        index.add_batch_item(batch_id, number, f"b{number}.txt", "failed", "the file is empty")
    index.finish_batch_item(batch_id, 0, result=IngestResult(
        article_id="a1", created=True, replaced=False, quote_count=3))
    return batch_id


def test_a_batch_reads_as_the_cli_shows_it_then_done(client, index):
    batch_id = _batch(index, failed=1)
    answer = client.get(f"/batches/{batch_id}", headers=AUTH)
    assert answer.status_code == 200, answer.get_json()
    body = answer.get_json()
    assert answer.headers["Cache-Control"] == "private, no-cache"
    assert (body["id"], body["state"], body["total"], body["done"], body["queued"]) == (
        batch_id, "sending", 4, 3, 1)
    assert body["counts"] == {"created": 1, "queued": 1, "skipped": 1, "failed": 1}
    assert (body["quotes"], body["resent"]) == (3, 0)
    assert body["failures"] == [{"source": "b3.txt", "reason": "the file is empty"}]
    assert body["skipped"] == [{"source": "notes/", "reason": "no article in this folder"}]
    assert body["created_at"].endswith("+00:00")

    index.seal_batch(batch_id)
    assert client.get(f"/batches/{batch_id}", headers=AUTH).get_json()["state"] == "in progress"
    index.finish_batch_item(batch_id, 1, error="took longer than 1 s")
    body = client.get(f"/batches/{batch_id}", headers=AUTH).get_json()
    assert (body["state"], body["queued"], len(body["failures"])) == ("done", 0, 2)


def test_a_batch_lists_at_most_100_failures_and_counts_all(client, index):
    body = client.get(f"/batches/{_batch(index, failed=150)}", headers=AUTH).get_json()
    assert (len(body["failures"]), body["counts"]["failed"]) == (100, 150)


def test_a_batch_needs_a_key_and_an_unknown_or_malformed_id_is_404(client, index):
    batch_id = _batch(index, failed=0)
    for headers, status in (({}, 401), ({"X-API-Key": "wrong"}, 403)):
        answer = client.get(f"/batches/{batch_id}", headers=headers)
        assert answer.status_code == status
        assert answer.content_type == "application/problem+json"
        assert "a.jsonl" not in answer.get_data(as_text=True)
    for unknown in ("0" * 32, "A" * 32, "x" * 500, "%2e%2e"):
        answer = client.get(f"/batches/{unknown}", headers=AUTH)
        assert answer.status_code == 404 and answer.content_type == "application/problem+json"
        assert len(answer.get_data()) < 1000


def test_without_configured_keys_batches_cannot_be_read(index):
    app = create_app({"TESTING": True, "API_KEYS": [], "DATABASE_URL": index.url}, index=index)
    answer = app.test_client().get(f"/batches/{_batch(index, failed=0)}", headers=AUTH)
    assert answer.status_code == 403
    assert "no API keys are configured" in answer.get_json()["detail"]
