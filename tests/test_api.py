"""The REST API read as a client reads it: speakers by any name, quotes with offsets, filters,
pagination links, caching and CORS. Runs on a small hand-made index (tests/api_data.py), no NLP."""

import re
from urllib.parse import quote as urlquote

import pytest
from api_data import ARTICLES, build_index

from quoteapi.api import create_app

KEY = "test-key-0123456789"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('api') / 'read.sqlite3'}"
    app = create_app({"TESTING": True, "API_KEYS": [KEY]}, index=build_index(url))
    return app.test_client()


def pieces(article_text: str, appearance: dict) -> list[str]:
    return [article_text[start:end] for start, end in appearance["spans"]]


# --- speakers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["wallace", "Ben Wallace", "ben-wallace", "BEN WALLACE", "Wallace"]
)
def test_any_name_of_a_speaker_finds_the_same_speaker(client, name):
    canonical = client.get("/speakers/ben-wallace").get_json()
    response = client.get(f"/speakers/{urlquote(name)}")
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["id"] == canonical["id"]
    assert canonical["name"] == "Ben Wallace" and canonical["slug"] == "ben-wallace"


def test_speaker_has_roles_counts_and_dates(client):
    speaker = client.get("/speakers/ben-wallace").get_json()
    assert speaker["quote_count"] == 3  # the repeated "disarray" quote counts once
    assert speaker["first_quoted"] == "2022-03-03" and speaker["last_quoted"] == "2022-03-09"
    assert [role["role"].lower() for role in speaker["roles"]] == ["defence secretary"]
    assert speaker["kind"] == "person"


@pytest.mark.parametrize("name", ["wallace", "Ben%20Wallace", "ben-wallace"])
def test_speaker_quotes_have_role_article_and_offsets(client, name):
    page = client.get(f"/speakers/{name}/quotes").get_json()
    assert page["total"] == 3 and len(page["items"]) == 3
    for item in page["items"]:
        assert item["speaker"]["slug"] == "ben-wallace"
        assert item["role"].lower() == "defence secretary"
        for appearance in item["appearances"]:
            article = client.get(f"/articles/{appearance['article_id']}").get_json()
            assert " ".join(pieces(article["text"], appearance)) == item["text"]
            cue = appearance["cue"]
            assert article["text"][cue["start"] : cue["end"]] == cue["text"]


def test_quotes_are_newest_first(client):
    items = client.get("/speakers/ben-wallace/quotes").get_json()["items"]
    newest = [min(a["published"] for a in item["appearances"]) for item in items]  # first said
    assert newest == sorted(newest, reverse=True)


def test_ambiguous_surname_answers_409_with_candidates(client):
    response = client.get("/speakers/smith/quotes")
    assert response.status_code == 409
    assert response.mimetype == "application/problem+json"
    names = {candidate["name"] for candidate in response.get_json()["candidates"]}
    assert names == {"Anna Smith", "John Smith"}


def test_unknown_name_answers_404_with_nearest_names(client):
    response = client.get("/speakers/walace")
    assert response.status_code == 404
    body = response.get_json()
    assert "ben-wallace" in [speaker["slug"] for speaker in body["nearest"]]
    assert body["instance"] == "/speakers/walace"


def test_speaker_search_and_pagination_links(client):
    first = client.get("/speakers?limit=2").get_json()
    assert first["total"] == 4 and len(first["items"]) == 2 and first["prev"] is None
    second = client.get(first["next"]).get_json()
    assert second["offset"] == 2 and second["next"] is None
    assert client.get(second["prev"]).get_json() == first
    seen = [s["slug"] for s in first["items"] + second["items"]]
    assert sorted(seen) == ["anna-smith", "ben-wallace", "boris-johnson", "john-smith"]
    found = client.get("/speakers?q=smith").get_json()
    assert sorted(s["name"] for s in found["items"]) == ["Anna Smith", "John Smith"]


@pytest.mark.parametrize("path", ["/quotes", "/speakers", "/speakers/wallace/quotes"])
def test_next_links_walk_the_whole_list_by_cursor(client, path):
    everything = client.get(f"{path}?limit=100").get_json()["items"]
    walked, link = [], f"{path}?limit=1"
    while link:
        page = client.get(link).get_json()
        assert page["offset"] == len(walked)
        walked += page["items"]
        link = page["next"]
        assert link is None or "cursor=" in link
    assert walked == everything


@pytest.mark.parametrize("cursor", ["nonsense", "WyJzIiw0LDcsMjBd", "W10", "eyJhIjoxfQ"])
def test_a_cursor_from_elsewhere_is_a_422(client, cursor):
    response = client.get(f"/quotes?cursor={cursor}")
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "cursor"


@pytest.mark.parametrize("q", ["_", "%", "%25"])
def test_wildcards_match_nothing(client, q):
    assert client.get(f"/speakers?q={q}").get_json()["total"] == 0


def test_links_keep_the_filters(client):
    page = client.get("/quotes?source=Express&limit=1").get_json()
    assert page["total"] == 4
    assert "source=Express" in page["next"] and "limit=1" in page["next"]
    assert not page["total_capped"]
    assert all(client.get(page["next"]).get_json()["items"][0]["appearances"])


# --- quotes -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("type=indirect", {"the West would not stand by while Kyiv was shelled"}),
        ("q=miscalculation", {"Putin has gravely miscalculated,"}),  # stemmed
        (
            "role=prime%20minister&type=mixed",
            {"Russia “cannot commit these horrific acts with impunity”"},
        ),
        ("from=2022-03-04&to=2022-03-31", {"the army had “run out of road”"}),  # first published
        (
            "from=2022-03-02&to=2022-03-03",
            {
                "Russian forces are in disarray,",
                "the West would not stand by while Kyiv was shelled",
            },
        ),
        ("source=Newsweek&type=direct", {"Putin has gravely miscalculated,"}),
    ],
)
def test_quote_filters(client, query, expected):
    page = client.get(f"/quotes?{query}").get_json()
    assert {item["text"] for item in page["items"]} == expected
    assert page["total"] == len(expected)


def test_relevance_sort_scores_search_hits(client):
    page = client.get("/quotes?q=forces%20disarray&sort=relevance").get_json()
    assert page["items"] and all(item["score"] is not None for item in page["items"])


@pytest.mark.parametrize(
    ("query", "scored"),
    [("q=forces%20disarray", True), ("q=forces%20disarray&sort=date", False), ("", False)],
)
def test_search_terms_rank_by_relevance_unless_told(client, query, scored):
    """With q the default order is relevance (as in the CLI and the SDKs); date without."""
    page = client.get(f"/quotes?{query}").get_json()
    assert page["items"]
    assert {item["score"] is not None for item in page["items"]} == {scored}


def test_a_quote_carries_every_article_with_its_offsets(client):
    hit = client.get("/quotes?q=disarray").get_json()["items"][0]
    quote = client.get(f"/quotes/{hit['id']}").get_json()
    assert {a["source"] for a in quote["appearances"]} == {"Express", "Guardian"}
    texts = {article.text for article, _ in ARTICLES}
    for appearance in quote["appearances"]:
        text = client.get(f"/articles/{appearance['article_id']}").get_json()["text"]
        assert text in texts
        assert pieces(text, appearance) == ["Russian forces are in disarray,"]


def test_article_with_its_quotes(client):
    first = ARTICLES[0][0]
    hit = client.get("/quotes?q=disarray").get_json()["items"][0]
    article_id = next(a["article_id"] for a in hit["appearances"] if a["source"] == "Express")
    article = client.get(f"/articles/{article_id}").get_json()
    assert article["text"] == first.text and article["title"] == first.title
    assert len(article["quotes"]) == 2


@pytest.mark.parametrize(
    "path", ["/quotes/999999", "/articles/nope", "/quotes/0", "/speakers/%20%20", "/speakers/%00/quotes"]
)
def test_unknown_ids_are_404_problems(client, path):
    response = client.get(path)
    assert response.status_code == 404 and response.mimetype == "application/problem+json"


def test_health(client):
    body = client.get("/health").get_json()
    assert (
        body["status"] == "ok" and body["quotes"] == client.get("/quotes").get_json()["total"] > 0
    )


# --- caching and CORS ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/speakers", "/speakers/wallace/quotes", "/quotes?q=tanks", "/health"]
)
def test_gets_send_etag_and_honour_if_none_match(client, path):
    response = client.get(path)
    etag = response.headers["ETag"]
    assert response.headers["Cache-Control"]
    again = client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    other = client.get(path, headers={"If-None-Match": '"something-else"'})
    assert other.status_code == 200 and other.headers["ETag"] == etag


def test_cors_allows_gets_from_any_origin(client):
    response = client.get("/speakers", headers={"Origin": "https://news.example"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        "/speakers/wallace/quotes",
        headers={"Origin": "https://news.example", "Access-Control-Request-Method": "GET"},
    )
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" not in preflight.headers["Access-Control-Allow-Methods"]


@pytest.mark.parametrize("method", ["POST", "DELETE", "PUT"])
def test_cors_allows_nothing_else(client, method):
    preflight = client.options(
        "/articles",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": method},
    )
    assert "Access-Control-Allow-Origin" not in preflight.headers
    response = client.open("/articles", method=method, headers={"Origin": "https://evil.example"})
    assert response.status_code >= 400
    assert "Access-Control-Allow-Origin" not in response.headers


def test_swagger_ui_is_served_from_local_assets(client):
    page = client.get("/docs/")
    assert page.status_code == 200 and b"swagger-ui" in page.data
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.get_data(as_text=True))
    assert assets and not [url for url in assets if "//" in url]  # no CDN
    for url in assets:
        assert client.get(url).status_code == 200, url
    assert client.get("/docs/swagger-ui-bundle.js").status_code == 200
    assert client.get("/openapi.json").get_json()["info"]["title"] == "quoteapi"
