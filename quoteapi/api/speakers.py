"""Speakers: search them, look one up by any of its names, list its quotes."""

from typing import Any

from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint

from ..errors import NotFound
from ..index.records import QuoteQuery, SpeakerRecord
from .cache import remembered
from .caching import READ_HEADERS_DOC, not_modified
from .common import JSON, MAX_QUERY_TEXT, TEXT_PATTERN, encode_cursor
from .context import current_index
from .errors import any_problem, problem_doc
from .examples import QUOTE_PAGE, SPEAKER, SPEAKER_PAGE
from .pagination import page_body
from .quote_schemas import QuotePageSchema, QuoteQueryArgsSchema
from .render import quote_page_response, quotes_cursor
from .speaker_schemas import SpeakerPageSchema, SpeakerQueryArgsSchema, SpeakerSchema

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
    "schema": {
        "type": "string",
        "minLength": 1,
        "maxLength": MAX_QUERY_TEXT,
        "pattern": TEXT_PATTERN,  # some words, no NUL
    },
}


def find_speaker(name: str) -> SpeakerRecord:
    """``Index.speaker``, kept until the index changes; a blank name, one holding NUL or one
    longer than any name (MAX_QUERY_TEXT) is unknown (404) without looking."""
    if "\x00" in name or not name.split() or len(name) > MAX_QUERY_TEXT:
        raise NotFound(f"No speaker is named {name[:80]!r}.", nearest=[])
    return remembered(("speaker", name), lambda: current_index().speaker(name))


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
    args = dict(args)
    # relevance by default with search terms (as the CLI and SDKs), date without: it needs them
    sort = args.get("sort", "relevance") if args.get("q") else "date"
    after, offset = args.pop("cursor", (None, args.get("offset", 0)))
    return QuoteQuery(**{**args, "sort": sort, "after": after, "offset": offset, **fixed})


def quote_page(query: QuoteQuery) -> Response:
    """A page of quotes; ``next`` continues from a cursor in date order."""
    page = current_index().quotes(query)
    cursor_of = quotes_cursor if query.sort == "date" else None
    return quote_page_response(page_body(page, query.limit, query.offset, cursor_of))


@blp.route("")
class Speakers(MethodView):
    @blp.doc(operationId="listSpeakers")
    @any_problem(blp)
    @blp.arguments(SpeakerQueryArgsSchema(), location="query", as_kwargs=True)
    @blp.response(
        200, SpeakerPageSchema, content_type=JSON, headers=READ_HEADERS_DOC, example=SPEAKER_PAGE
    )
    @not_modified(blp)
    def get(
        self, limit: int, offset: int, q: str | None = None, cursor: Any = None
    ) -> dict[str, Any]:
        """List speakers

        Speakers by number of quotes, most quoted first; `q` keeps those with a name or alias
        containing it.
        """
        after, offset = cursor if cursor is not None else (None, offset)
        page = current_index().speakers(q, limit=limit, offset=offset, after=after)
        return page_body(page, limit, offset, speakers_cursor)


def speakers_cursor(speaker: SpeakerRecord, offset: int) -> str:
    return encode_cursor("s", speaker.quote_count, speaker.id, offset)


@blp.route("/<name>", parameters=[NAME_PARAMETER])
class SpeakersByName(MethodView):
    @blp.doc(operationId="getSpeaker")
    @any_problem(blp)
    @blp.response(200, SpeakerSchema, content_type=JSON, headers=READ_HEADERS_DOC, example=SPEAKER)
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
    @any_problem(blp)
    @blp.arguments(QUOTE_ARGS, location="query")
    @blp.response(
        200, QuotePageSchema, content_type=JSON, headers=READ_HEADERS_DOC, example=QUOTE_PAGE
    )
    @not_modified(blp)
    @speaker_problems
    def get(self, args: dict[str, Any], name: str) -> Response:
        """List a speaker's quotes

        The quotes attributed to one speaker, newest first (or by relevance to `q`), each with
        its role and every article carrying it, with offsets. Filters combine with AND.
        """
        return quote_page(quote_query(args, speaker_id=find_speaker(name).id))
