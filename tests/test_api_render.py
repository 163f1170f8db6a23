"""The hand-written JSON of the hot read paths (quoteapi/api/render.py) equals what the
marshmallow schemas, the documented contract, dump for the same records."""

import pytest
from api_data import build_index

from quoteapi.api.render import quote_json, quote_page_json
from quoteapi.api.quote_schemas import QuotePageSchema, QuoteSchema
from quoteapi.extract.model import QuoteType
from quoteapi.index.records import Appearance, QuoteQuery, QuoteRecord


@pytest.fixture(scope="module")
def quotes(tmp_path_factory):
    index = build_index(f"sqlite:///{tmp_path_factory.mktemp('render') / 'r.sqlite3'}")
    found = (
        index.quotes(QuoteQuery(limit=100)).items
        + index.quotes(QuoteQuery(q="disarray", sort="relevance")).items
    )
    assert len(found) >= 8
    return found


def test_quotes_render_as_the_schema_dumps_them(quotes):
    for record in quotes:
        assert quote_json(record) == QuoteSchema().dump(record)


def test_nulls_render_as_the_schema_dumps_them():
    bare = QuoteRecord(
        id=1,
        text="Yes",
        type=QuoteType.DIRECT,
        speaker=None,
        role=None,
        confidence=1,
        appearances=[Appearance("a", None, None, None, None, [(0, 3)], None, None, None, None)],
    )
    assert quote_json(bare) == QuoteSchema().dump(bare)


def test_pages_render_as_the_schema_dumps_them(quotes):
    body = {
        "items": quotes,
        "total": 40,
        "total_capped": False,
        "limit": 20,
        "offset": 20,
        "next": "/quotes?offset=40",
        "prev": None,
    }
    assert quote_page_json(body) == QuotePageSchema().dump(body)
