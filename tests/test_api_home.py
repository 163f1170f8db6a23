"""The front page: a page for browsers, links as JSON for programs, and the served openapi.yaml."""

from pathlib import Path

import pytest
from live_server import api_app, seeded_database

COMMITTED = Path(__file__).resolve().parents[1] / "openapi.yaml"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
PAGES = ("/docs", "/widget/demo", "/openapi.yaml", "/health")


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    return api_app(seeded_database(tmp_path_factory)).test_client()


@pytest.mark.parametrize("accept", [None, "*/*", "application/json"])
def test_programs_get_the_links_as_json(client, accept):
    response = client.get("/", headers={"Accept": accept} if accept else {})
    assert response.mimetype == "application/json"
    links = response.get_json()["links"]
    assert set(PAGES) <= set(links.values())
    for link in links.values():
        assert client.get(link, follow_redirects=True).status_code == 200, link
    assert "Accept" in response.vary


def test_a_browser_gets_the_page_with_the_most_quoted_speakers(client):
    response = client.get("/", headers={"Accept": BROWSER})
    assert response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    for link in PAGES:
        assert f'href="{link}"' in page
    assert '<form action="/" method="get" role="search">' in page
    most_quoted = client.get("/speakers?limit=3").get_json()["items"]
    positions = [page.index(f'href="/speakers/{s["slug"]}/quotes"') for s in most_quoted]
    assert positions == sorted(positions), "listed most quoted first"
    assert "script-src 'self';" in response.headers["Content-Security-Policy"]  # no inline script


def test_the_search_box_lists_what_the_api_finds(client):
    found = client.get("/quotes?q=disarray").get_json()
    page = client.get("/?q=disarray", headers={"Accept": BROWSER}).get_data(as_text=True)
    assert f"{found['total']} quote" in page
    for quote in found["items"]:
        assert quote["speaker"]["name"] in page
    empty = client.get("/?q=zzzqqq", headers={"Accept": BROWSER}).get_data(as_text=True)
    assert "0 quotes for “zzzqqq”" in empty


def test_markup_in_the_search_stays_text(client):
    page = client.get("/?q=<script>alert(1)</script>", headers={"Accept": BROWSER})
    assert "<script>alert(1)" not in page.get_data(as_text=True)


def test_openapi_yaml_served_is_the_committed_one(client):
    response = client.get("/openapi.yaml")
    assert response.mimetype == "application/yaml"
    assert response.get_data(as_text=True) == COMMITTED.read_text(encoding="utf-8")
