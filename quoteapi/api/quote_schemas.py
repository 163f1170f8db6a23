"""The quotes' JSON (quotes.py, and a speaker's quotes in speakers.py): a quote with the articles
carrying it, a page of them, the search's query arguments."""

from datetime import date
from typing import Any

import marshmallow as ma
from marshmallow import fields, validate

from ..extract.model import QuoteType
from ..index.search import RANK_POOL
from .common import (
    Cursor,
    PageArgsSchema,
    PageSchema,
    Schema,
    SpeakerRefSchema,
    TextSpanSchema,
    doc,
    optional_doc,
    query_text,
    span_field,
)


class AppearanceSchema(Schema):
    """One article carrying a quote, with the quote's offsets in that article's text."""

    @ma.pre_dump
    def cue_as_span(self, appearance: Any, **_: Any) -> dict[str, Any]:
        """records.Appearance keeps the cue as three fields; the API shows one TextSpan."""
        data = dict(vars(appearance)) if not isinstance(appearance, dict) else dict(appearance)
        cue, start, end = (
            data.pop("cue", None),
            data.pop("cue_start", None),
            data.pop("cue_end", None),
        )
        data["cue"] = (
            {"text": cue, "start": start, "end": end}
            if cue is not None and start is not None
            else None
        )
        return data

    article_id = fields.String(required=True, **doc("The article's id.", "8283138c3726f372"))
    title = fields.String(
        required=True,
        allow_none=True,
        **doc("The article's headline.", "Russian troops try to steal civilian cars"),
    )
    url = fields.String(
        required=True,
        allow_none=True,
        **doc("Where the article was published.", "https://example.com/news/1"),
    )
    source = fields.String(required=True, allow_none=True, **doc("The publisher.", "Express"))
    published = fields.Date(
        required=True, allow_none=True, **doc("Publication date.", "2022-03-03")
    )
    spans = fields.List(
        span_field("Start and end offset of one piece."),
        required=True,
        **doc("The quote's pieces in the article's text, as [start, end] offsets.", [[120, 171]]),
    )
    cue = fields.Nested(
        TextSpanSchema,
        required=True,
        allow_none=True,
        **doc("The verb of saying.", {"text": "said", "start": 172, "end": 176}),
    )
    mention = fields.String(
        required=True,
        allow_none=True,
        **doc("How the article names the speaker here.", "Mr Wallace"),
    )


class QuoteSchema(Schema):
    id = fields.Integer(required=True, **doc("The quote's id in this index.", 42))
    text = fields.String(required=True, **doc("What was said.", "Russian forces are in disarray"))
    type = fields.Enum(
        QuoteType, by_value=True, required=True, **doc("direct, indirect or mixed.", "direct")
    )
    speaker = fields.Nested(
        SpeakerRefSchema,
        required=True,
        allow_none=True,
        **doc(
            "Who said it. null when the article names no one for it: no speaker was found, or "
            'only a description ("a Ukrainian soldier", "experts said") that the article gives '
            "to no named speaker. Such quotes are found by GET /quotes, under no speaker.",
            {"id": 7, "name": "Ben Wallace", "slug": "ben-wallace"},
        ),
    )
    role = fields.String(
        required=True,
        allow_none=True,
        **doc("The speaker's role as the article gives it.", "Defence Secretary"),
    )
    confidence = fields.Float(required=True, **doc("How sure the extractor is, 0 to 1.", 0.9))
    score = fields.Float(
        required=True,
        allow_none=True,
        **doc("Relevance to the search terms (null without q).", None),
    )
    appearances = fields.List(
        fields.Nested(AppearanceSchema),
        required=True,
        **doc("Every article carrying the quote.", []),
    )


class QuotePageSchema(PageSchema):
    items = fields.List(
        fields.Nested(QuoteSchema), required=True, **doc("Quotes on this page.", [])
    )


class QuoteQueryArgsSchema(PageArgsSchema):
    q = query_text("Full-text search terms (stemmed).", "disarray")
    type = fields.Enum(
        QuoteType, by_value=True, **optional_doc("Only quotes of this type.", "direct")
    )
    role = query_text("Only quotes given in this role (case ignored).", "Defence Secretary")
    date_from = fields.Date(
        data_key="from",
        **optional_doc("Only quotes first published on or after this date.", "2022-03-01"),
    )
    date_to = fields.Date(
        data_key="to",
        **optional_doc("Only quotes first published on or before this date.", "2022-03-31"),
    )
    source = query_text("Only articles from this publisher.", "Express")
    sort = fields.String(
        validate=validate.OneOf(("date", "relevance")),
        **optional_doc(
            f"relevance: best match for q first, among the {RANK_POOL:,} matches stored last "
            "(the default with q); date: newest first, by first publication (the default, and "
            "the only order, without q).",
            "date",
        ),
    )
    cursor = Cursor(
        "q",
        (date, int),
        **optional_doc(
            "Where the page starts: from a `next` link (date order only).",
            "WyJxIiwiMjAyMi0wMy0wMyIsNDIsNDBd",
        ),
    )

    @ma.validates_schema
    def cursor_in_date_order(self, data: dict[str, Any], **_: Any) -> None:
        if "cursor" in data and data.get("q") and data.get("sort", "relevance") == "relevance":
            raise ma.ValidationError(
                "A cursor pages by date; page by offset with relevance.", "cursor"
            )
