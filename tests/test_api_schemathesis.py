"""schemathesis over every operation of openapi.yaml, with all its checks: no 5xx, every status,
header, content type and body as documented, invalid input rejected, valid input accepted, auth
enforced, unsupported methods answered 405. Runs on the small hand-made index; only
POST /articles and POST /extract run the NLP pipeline."""

import os

import pytest
import schemathesis
from api_data import build_index
from hypothesis import HealthCheck, settings

from quoteapi.api import create_app
from quoteapi.api.fetching import EXTENSION as FETCHER
from quoteapi.web.fetch import Fetcher, FetchPolicy

KEY = "test-key-0123456789"
# Examples per operation; raise it for a longer hunt: QUOTEAPI_SCHEMATHESIS_EXAMPLES=500 pytest ...
EXAMPLES = int(os.environ.get("QUOTEAPI_SCHEMATHESIS_EXAMPLES", "25"))


def without_cursors(document: dict) -> dict:
    """The document without its `cursor` parameters: a cursor is a token the server issued in a
    `next` link, which no schema can describe, so any string schemathesis made up would be
    (rightly) refused. test_api.py follows real cursors and checks that others are a 422."""
    for item in document["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and "parameters" in operation:
                operation["parameters"] = [
                    p for p in operation["parameters"] if p.get("name") != "cursor"
                ]
    return document


def not_loopback(address):
    return None if address.is_loopback else "non-local"


def text_articles_only(document: dict) -> dict:
    """The document with POST /articles taking texts only: a page's HTML or URL is refused (422)
    when it holds no article in English, or (a URL) cannot be fetched, which no schema can say,
    so made-up pages would be (rightly) refused. test_api_web.py sends real pages instead."""
    body = document["paths"]["/articles"]["post"]["requestBody"]["content"]["application/json"]
    body["schema"] = {"$ref": "#/components/schemas/ArticleIn"}
    return document


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('schemathesis') / 'index.sqlite3'}"
    app = create_app({"TESTING": True, "API_KEYS": [KEY]}, index=build_index(url))
    # the URLs it makes up are fetched from this machine only, whatever they name (a made-up
    # "http://123456789" is a public address): no traffic leaves it
    app.extensions[FETCHER] = Fetcher(FetchPolicy(timeout=2, seconds=4), judge=not_loopback)
    loaded = schemathesis.openapi.from_dict(
        text_articles_only(without_cursors(app.test_client().get("/openapi.json").get_json()))
    )
    loaded.app = app  # what from_wsgi sets: cases are sent to the app
    return loaded


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_keeps_its_contract(case):
    case.call_and_validate(headers={"X-API-Key": KEY})
