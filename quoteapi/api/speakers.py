"""Speakers: search them, look one up by any of its names, list its quotes."""

from typing import Any

from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint

from ..errors import NotFound
from ..index.records import QuoteQuery, SpeakerRecord
from . import memo
from .caching import READ_HEADERS_DOC, not_modified
from .context import current_index
from .errors import problem_doc
from .examples import QUOTE_PAGE, SPEAKER, SPEAKER_PAGE
from .pagination import page_body
from .render import quote_page_response
from .schemas import (
    TEXT_PATTERN,
    QuotePageSchema,
    QuoteQueryArgsSchema,
    SpeakerPageSchema,
    SpeakerQueryArgsSchema,
    SpeakerSchema,
)

blp = Blueprint(
    "Speakers", __name__, url_prefix="/speakers", description="The people and organisations quoted."
)

# Instances, not classes: webargs would build a schema per request from a class.
QUOTE_ARGS = QuoteQueryArgsSchema()

NAME_PARAMETER = {
    "in": "path",
    "name": "name",
    "required": True,
    "description": "A slug, full name, alias or surname (case and accents ignored).",
    "example": "ben-wallace",
    "schema": {"type": "string", "minLength": 1, "pattern": TEXT_PATTERN},  # some words, no NUL
}


def find_speaker(name: str) -> SpeakerRecord:
    """``Index.speaker``, with a blank name or one holding NUL answered as unknown (404)."""
    if "\x00" in name or not name.split():
        raise NotFound(f"No speaker is named {name!r}.", nearest=[])
    return memo.speaker(name)


def speaker_problems(operation: Any) -> Any:
    """Document the two ways {name} fails: unknown (404, nearest names) and ambiguous (409)."""
    operation = blp.alt_response(
        404, description="No speaker has that name; `nearest` lists close ones.", **problem_doc()
    )(operation)
    return blp.alt_response(
        409,
        description="Several speakers have that name; `candidates` lists them.",
        **problem_doc(),
    )(operation)


def quote_query(args: dict[str, Any], **fixed: Any) -> QuoteQuery:
    """QuoteQuery from parsed query arguments (QuoteQueryArgsSchema); ``fixed`` adds filters."""
    sort = args["sort"] if args.get("q") else "date"  # relevance needs search terms
    return QuoteQuery(**{**args, "sort": sort, **fixed})


@blp.route("")
class Speakers(MethodView):
    @blp.doc(operationId="listSpeakers")
    @blp.arguments(SpeakerQueryArgsSchema(), location="query", as_kwargs=True)
    @blp.response(200, SpeakerPageSchema, headers=READ_HEADERS_DOC, example=SPEAKER_PAGE)
    @not_modified(blp)
    def get(self, limit: int, offset: int, q: str | None = None) -> dict[str, Any]:
        """List speakers

        Speakers by number of quotes, most quoted first; `q` keeps those with a name or alias
        containing it.
        """
        page = current_index().speakers(q, limit=limit, offset=offset)
        return page_body(page, limit, offset)


@blp.route("/<name>", parameters=[NAME_PARAMETER])
class SpeakersByName(MethodView):
    @blp.doc(operationId="getSpeaker")
    @blp.response(200, SpeakerSchema, headers=READ_HEADERS_DOC, example=SPEAKER)
    @not_modified(blp)
    @speaker_problems
    def get(self, name: str) -> Any:
        """Get a speaker

        The speaker's canonical name, slug, aliases, roles over time, number of quotes and the
        dates of the first and last.
        """
        return find_speaker(name)


@blp.route("/<name>/quotes", parameters=[NAME_PARAMETER])
class SpeakerQuotes(MethodView):
    @blp.doc(operationId="listSpeakerQuotes")
    @blp.arguments(QUOTE_ARGS, location="query")
    @blp.response(200, QuotePageSchema, headers=READ_HEADERS_DOC, example=QUOTE_PAGE)
    @not_modified(blp)
    @speaker_problems
    def get(self, args: dict[str, Any], name: str) -> Response:
        """List a speaker's quotes

        The quotes attributed to one speaker, newest first (or by relevance to `q`), each with
        its role and every article carrying it, with offsets. Filters combine with AND.
        """
        query = quote_query(args, speaker_id=find_speaker(name).id)
        return quote_page_response(
            page_body(current_index().quotes(query), query.limit, query.offset)
        )
