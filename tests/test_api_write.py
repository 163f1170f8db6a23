"""Writing through the API: POST /articles (extracts and stores), DELETE, POST /extract.

These few run the real NLP pipeline (loaded once per process)."""

import pytest

from quoteapi.api import create_app

KEY = "test-key-0123456789"
AUTH = {"X-API-Key": KEY}
TEXT = (
    "Defence Secretary Ben Wallace spoke in London on Thursday.\n\n"
    "“We will not stand by while Ukraine is attacked,” Mr Wallace said."
)


@pytest.fixture()
def client(tmp_path):
    app = create_app(
        {
            "TESTING": True,
            "API_KEYS": [KEY],
            "DATABASE_URL": f"sqlite:///{tmp_path / 'w.sqlite3'}",
            "EXTRACT_PROCESSES": 0,  # extract in the test's process, where spaCy is loaded
        }
    )
    return app.test_client()


def test_post_article_extracts_stores_and_is_idempotent(client):
    body = {
        "text": TEXT,
        "title": "Wallace speaks",
        "source": "Express",
        "published": "2022-03-03",
        "url": "https://example.com/news/1",
    }
    created = client.post("/articles", json=body, headers=AUTH)
    assert created.status_code == 201, created.get_json()
    article = created.get_json()
    assert created.headers["Location"].endswith(f"/articles/{article['id']}")
    assert client.get(created.headers["Location"]).get_json() == article
    assert article["text"] == TEXT and article["published"] == "2022-03-03"
    said = [q for q in article["quotes"] if "not stand by" in q["text"]]
    assert said and "Wallace" in said[0]["speaker"]["name"]
    for appearance in said[0]["appearances"]:
        assert all(TEXT[start:end] in said[0]["text"] for start, end in appearance["spans"])

    again = client.post("/articles", json=body, headers=AUTH)
    assert again.status_code == 200 and again.get_json()["id"] == article["id"]
    assert client.get("/quotes").get_json()["total"] == len(article["quotes"])


def test_delete_article(client):
    article_id = client.post("/articles", json={"text": TEXT}, headers=AUTH).get_json()["id"]
    assert client.delete(f"/articles/{article_id}", headers=AUTH).status_code == 204
    assert client.get(f"/articles/{article_id}").status_code == 404
    assert client.get("/quotes").get_json()["total"] == 0
    assert client.get("/health").get_json()["quotes"] == 0
    assert client.delete(f"/articles/{article_id}", headers=AUTH).status_code == 404


def test_extract_returns_quotes_and_stores_nothing(client):
    response = client.post("/extract", json={"text": TEXT}, headers=AUTH)
    assert response.status_code == 200, response.get_json()
    quotes = response.get_json()["quotes"]
    said = next(q for q in quotes if "not stand by" in q["text"])
    assert said["type"] == "direct" and "Wallace" in said["speaker"]["name"]
    assert all(TEXT[start:end] in said["text"] for start, end in said["spans"])
    assert TEXT[said["cue"]["start"] : said["cue"]["end"]] == said["cue"]["text"] == "said"
    assert client.get("/health").get_json()["quotes"] == 0


def test_first_start_serves_the_seeds_under_any_name_of_the_speaker(tmp_path, monkeypatch):
    """What `quoteapi serve` does on an empty index, then the issue's three URLs."""
    from quoteapi.cli.serve import seed_if_empty

    monkeypatch.setenv("QUOTEAPI_DATABASE_URL", f"sqlite:///{tmp_path / 'seeds.sqlite3'}")
    seed_if_empty()
    client = create_app({"TESTING": True}).test_client()
    pages = [
        client.get(f"/speakers/{name}/quotes").get_json()
        for name in ("wallace", "Ben%20Wallace", "ben-wallace")
    ]
    assert pages[0]["total"] >= 2 and pages[0] == pages[1] == pages[2]
    for item in pages[0]["items"]:
        assert item["speaker"]["name"] == "Ben Wallace" and item["role"]
        for appearance in item["appearances"]:
            text = client.get(f"/articles/{appearance['article_id']}").get_json()["text"]
            assert " ".join(text[start:end] for start, end in appearance["spans"]) == item["text"]
    seed_if_empty()  # a second start adds nothing
    assert client.get("/speakers/wallace/quotes").get_json() == pages[0]


def test_cache_answers_repeats_and_forgets_on_writes(client):
    """Reads are kept per worker until the index changes; any write changes it."""
    first = client.get("/quotes")
    assert first.headers["X-Cache"] == "MISS" and first.get_json()["total"] == 0
    again = client.get("/quotes")
    assert again.headers["X-Cache"] == "HIT" and again.data == first.data
    assert again.headers["ETag"] == first.headers["ETag"]
    assert (
        client.get("/quotes", headers={"If-None-Match": first.headers["ETag"]}).status_code == 304
    )
    assert "X-Cache" not in client.get("/health").headers  # always asks the database

    client.post("/articles", json={"text": TEXT}, headers=AUTH)
    fresh = client.get("/quotes")
    assert fresh.headers["X-Cache"] == "MISS" and fresh.get_json()["total"] > 0
    assert fresh.headers["ETag"] != first.headers["ETag"]
    stale = client.get("/quotes", headers={"If-None-Match": first.headers["ETag"]})
    assert stale.status_code == 200


def test_a_write_forgets_remembered_names(client):
    article = client.post("/articles", json={"text": TEXT}, headers=AUTH).get_json()
    assert client.get("/speakers/wallace").status_code == 200  # now remembered
    assert client.delete(f"/articles/{article['id']}", headers=AUTH).status_code == 204
    assert client.get("/speakers/wallace").status_code == 404
