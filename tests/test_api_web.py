"""POST /articles with a page: {"url": ...} (the server fetches it) and {"html": ..., "url"?}.
By default the server fetches no loopback, private, link-local or metadata address (a 422
problem+json, and not one request leaves); QUOTEAPI_FETCH_ALLOW_PRIVATE=1 allows them. The page
is our own, served from a local site; extraction runs in the test's process."""

from collections.abc import Iterator

import pytest
from web_site import OWN_PAGES, LocalSite, Route, local_site

from quoteapi.api import create_app

KEY = "test-key-0123456789"
AUTH = {"X-API-Key": KEY}
PAGE = (OWN_PAGES / "quotes.html").read_bytes()
TITLE = "Harbour bridge to close for repairs"


@pytest.fixture()
def site() -> Iterator[LocalSite]:
    with local_site() as site:
        site.add("/news/bridge", Route(PAGE, "text/html; charset=utf-8"))
        site.add("/robots.txt", Route(b"User-agent: *\nAllow: /\n", "text/plain"))
        yield site


def client_for(tmp_path, monkeypatch, allow_private: bool):  # type: ignore[no-untyped-def]
    if allow_private:
        monkeypatch.setenv("QUOTEAPI_FETCH_ALLOW_PRIVATE", "1")
    else:
        monkeypatch.delenv("QUOTEAPI_FETCH_ALLOW_PRIVATE", raising=False)
    app = create_app({"TESTING": True, "API_KEYS": [KEY], "EXTRACT_PROCESSES": 0,
                      "DATABASE_URL": f"sqlite:///{tmp_path / 'w.sqlite3'}"})
    return app.test_client()


def assert_refused(response, detail: str) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == 422, response.get_json()
    assert response.mimetype == "application/problem+json"
    body = response.get_json()
    assert detail in body["detail"] and body["request_id"] and body["status"] == 422
    return body


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "2130706433", "[::ffff:127.0.0.1]"])
def test_a_private_address_is_refused_by_default(site, tmp_path, monkeypatch, host) -> None:  # type: ignore[no-untyped-def]
    client = client_for(tmp_path, monkeypatch, allow_private=False)
    url = site.url("/news/bridge").replace("127.0.0.1", host)
    body = assert_refused(client.post("/articles", json={"url": url}, headers=AUTH),
                          "loopback address")
    assert "QUOTEAPI_FETCH_ALLOW_PRIVATE=1" in body["detail"]
    assert site.requests == []  # nothing was sent, robots.txt included
    assert client.get("/health").get_json()["quotes"] == 0


def test_with_the_setting_the_page_is_fetched_and_stored(site, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    client = client_for(tmp_path, monkeypatch, allow_private=True)
    url = site.url("/news/bridge")
    created = client.post("/articles", json={"url": url}, headers=AUTH)
    assert created.status_code == 201, created.get_json()
    article = created.get_json()
    assert (article["title"], article["source"], article["author"], article["published"]) == (
        TITLE, "Northfield Courier", "Priya Natarajan", "2024-05-14")
    assert article["url"] == url
    assert article["canonical_url"] == "https://courier.example/news/harbour-bridge-repairs"
    assert article["text"].startswith(TITLE + "\n\n")
    said = [q for q in article["quotes"] if "cannot keep patching" in q["text"]]
    assert said and said[0]["speaker"]["name"] == "Margaret Ellison"
    for start, end in said[0]["appearances"][0]["spans"]:
        assert article["text"][start:end] in said[0]["text"]
    assert site.fetched("/news/bridge")[0].user_agent.startswith("quoteapi/")

    again = client.post("/articles", json={"url": url}, headers=AUTH)
    assert again.status_code == 200 and again.get_json()["id"] == article["id"]
    # the same page sent as HTML, naming its canonical address: the same article, unchanged
    sent = client.post("/articles", json={"html": PAGE.decode()}, headers=AUTH)
    assert sent.status_code == 200 and sent.get_json()["id"] == article["id"]
    assert client.get("/quotes").get_json()["total"] == len(article["quotes"])


def test_html_with_a_url_and_what_the_client_states_wins(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    client = client_for(tmp_path, monkeypatch, allow_private=False)
    page = (OWN_PAGES / "no-quotes.html").read_text()
    body = {"html": page, "url": "https://courier.example/tides", "published": "2024-05-20",
            "author": "Desk"}
    created = client.post("/articles", json=body, headers=AUTH)
    assert created.status_code == 201, created.get_json()
    article = created.get_json()
    assert article["url"] == "https://courier.example/tides" and article["quotes"] == []
    assert (article["published"], article["author"], article["title"]) == (
        "2024-05-20", "Desk", "Tide tables for the week ahead")


@pytest.mark.parametrize(
    ("route", "detail"),
    [
        (Route((OWN_PAGES / "not-html.pdf").read_bytes(), "application/pdf"),
         "is application/pdf, not a web page"),
        (Route(b"", "text/html"), "empty body"),
        (Route(b"<html><body><p>Too short.</p></body></html>", "text/html"), "holds no article"),
        (Route(status=302, location="/page"), "redirects in a loop"),
        (Route(b"<rss version='2.0'><channel><title>x</title></channel></rss>",
               "application/rss+xml"), "not a web page"),
    ],
    ids=["pdf", "empty", "no-article", "redirect-loop", "feed"],
)
def test_a_url_that_gives_no_article_is_a_422(site, tmp_path, monkeypatch, route, detail) -> None:  # type: ignore[no-untyped-def]
    client = client_for(tmp_path, monkeypatch, allow_private=True)
    url = site.add("/page", route)
    assert_refused(client.post("/articles", json={"url": url}, headers=AUTH), detail)
    assert client.get("/health").get_json()["quotes"] == 0


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"text": "“Yes,” he said.", "html": "<p>x</p>"}, "html"),
        ({}, "text"),
        ({"title": "No body"}, "text"),
        ({"url": None}, "text"),
        ({"url": "ftp://example.com/x"}, "url"),
        ({"html": "<p>x</p>", "canonical_url": "javascript:alert(1)"}, "canonical_url"),
    ],
)
def test_a_body_must_hold_one_article(tmp_path, monkeypatch, body, field) -> None:  # type: ignore[no-untyped-def]
    client = client_for(tmp_path, monkeypatch, allow_private=False)
    response = client.post("/articles", json=body, headers=AUTH)
    assert response.status_code == 422
    assert field in {error["field"] for error in response.get_json()["errors"]}
