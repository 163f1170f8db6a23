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

KEY = "test-key-0123456789"
# Examples per operation; raise it for a longer hunt: QUOTEAPI_SCHEMATHESIS_EXAMPLES=500 pytest ...
EXAMPLES = int(os.environ.get("QUOTEAPI_SCHEMATHESIS_EXAMPLES", "25"))


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('schemathesis') / 'index.sqlite3'}"
    app = create_app({"TESTING": True, "API_KEYS": [KEY]}, index=build_index(url))
    return schemathesis.openapi.from_wsgi("/openapi.json", app)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_keeps_its_contract(case):
    case.call_and_validate(headers={"X-API-Key": KEY})
