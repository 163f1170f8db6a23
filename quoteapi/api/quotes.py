"""Quotes: full-text search over all of them, and one quote with every article carrying it."""

from typing import Any

from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint

from ..errors import NotFound
from .caching import READ_HEADERS_DOC, not_modified
from .common import JSON
from .context import current_index
from .errors import any_problem, problem_doc
from .examples import QUOTE, SEARCH_PAGE
from .quote_schemas import QuotePageSchema, QuoteSchema
from .speakers import QUOTE_ARGS, quote_page, quote_query

blp = Blueprint(
    "Quotes", __name__, url_prefix="/quotes", description="Who said what, where and when."
)

MAX_ID = 2**63 - 1  # the databases' BIGINT; larger ids cannot exist
QUOTE_ID_PARAMETER = {
    "in": "path",
    "name": "quote_id",
    "required": True,
    "description": "The quote's id.",
    "example": 42,
    "schema": {"type": "integer", "minimum": 1, "maximum": MAX_ID},
}


@blp.route("")
class Quotes(MethodView):
    @blp.doc(operationId="searchQuotes")
    @any_problem(blp)
    @blp.arguments(QUOTE_ARGS, location="query")
    @blp.response(
        200, QuotePageSchema, content_type=JSON, headers=READ_HEADERS_DOC, example=SEARCH_PAGE
    )
    @not_modified(blp)
    def get(self, args: dict[str, Any]) -> Response:
        """Search quotes

        Full-text search (stemmed: `disarray` finds "in disarray") over all quotes, newest first
        or by relevance, with the same filters as a speaker's quotes.
        """
        return quote_page(quote_query(args))


@blp.route("/<int:quote_id>", parameters=[QUOTE_ID_PARAMETER])
class QuotesById(MethodView):
    @blp.doc(operationId="getQuote")
    @any_problem(blp)
    @blp.response(200, QuoteSchema, content_type=JSON, headers=READ_HEADERS_DOC, example=QUOTE)
    @not_modified(blp)
    @blp.alt_response(404, description="No such quote.", **problem_doc())
    def get(self, quote_id: int) -> Any:
        """Get a quote

        One quote with its speaker and role, and every article that carries it with the quote's
        offsets in that article's text.
        """
        if not 1 <= quote_id <= MAX_ID:
            raise NotFound(f"There is no quote {quote_id}.")
        return current_index().quote(quote_id)
