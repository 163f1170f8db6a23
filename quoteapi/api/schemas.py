"""Marshmallow schemas: the API's JSON, both ways, and the source of openapi.yaml.

Every field carries a description and an example (the OpenAPI document is generated from these,
and a test holds it to that). Output schemas dump the plain dataclasses of ``quoteapi.index.records``
and ``quoteapi.extract.model``; input schemas load into those dataclasses' arguments.
"""

from datetime import UTC, datetime
from typing import Any

import marshmallow as ma
from marshmallow import fields, validate

QUOTE_TYPES = ("direct", "indirect", "mixed")
SPEAKER_KINDS = ("person", "organisation", "unknown")
MAX_LIMIT = 100
MAX_OFFSET = 100_000
MAX_TEXT = 200_000  # characters of an article; the request body limit is MAX_CONTENT_LENGTH
# Query strings and names: printable text without control characters (NUL breaks databases)
NO_CONTROL = validate.Regexp(r"^[^\x00-\x1f\x7f]*$", error="Must not contain control characters.")
# An article's text: some character that is not whitespace (Python's str.isspace set, spelled out
# so JSON Schema's regex agrees) and no NUL. Linear to match: the first class and the second exclude
# each other, so nothing backtracks.
WHITESPACE = r"\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
TEXT_PATTERN = rf"^[{WHITESPACE}]*[^{WHITESPACE}\x00][^\x00]*$"
TEXT = validate.Regexp(TEXT_PATTERN, error="Must hold some words and no NUL characters.")


def unicode_text(value: str) -> None:
    """JSON may carry lone surrogates (\\ud800), which no text encoding can store."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ma.ValidationError(
            f"Must be valid Unicode (a lone surrogate at character {error.start})."
        ) from None


def doc(description: str, example: Any, **extra: Any) -> dict[str, Any]:
    """Field metadata that apispec turns into ``description`` and ``example``."""
    return {"metadata": {"description": description, "example": example, **extra}}


class Schema(ma.Schema):
    class Meta:
        ordered = True


# --- pieces -------------------------------------------------------------------------------------


def span_field(description: str, **kwargs: Any) -> fields.List:
    """A ``[start, end]`` pair of character offsets (end exclusive) into an article's text."""
    return fields.List(
        fields.Integer(validate=validate.Range(min=0)),
        validate=validate.Length(equal=2),
        **kwargs,
        **doc(description, [120, 171]),
    )


class UtcDateTime(fields.DateTime):
    """ISO 8601 with an offset: SQLite gives naive datetimes back, which the index stores in UTC."""

    def _serialize(
        self, value: datetime | None, attr: str | None, obj: Any, **kwargs: Any
    ) -> str | None:
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return super()._serialize(value, attr, obj, **kwargs)


class TextSpanSchema(Schema):
    text = fields.String(required=True, **doc("The words, exactly as in the article.", "warned"))
    start = fields.Integer(required=True, **doc("Offset of the first character.", 245))
    end = fields.Integer(required=True, **doc("Offset after the last character.", 251))


class SpeakerRefSchema(Schema):
    id = fields.Integer(required=True, **doc("The speaker's id in this index.", 7))
    name = fields.String(required=True, **doc("Canonical name.", "Ben Wallace"))
    slug = fields.String(required=True, **doc("URL-safe name, usable as {name}.", "ben-wallace"))


class RoleSchema(Schema):
    role = fields.String(
        required=True, **doc("The title an article gives the speaker.", "Defence Secretary")
    )
    first_seen = fields.Date(
        required=True,
        allow_none=True,
        **doc("Earliest publication date with this role.", "2022-03-03"),
    )
    last_seen = fields.Date(
        required=True,
        allow_none=True,
        **doc("Latest publication date with this role.", "2022-03-09"),
    )
    article_ids = fields.List(
        fields.String(), required=True, **doc("Articles giving this role.", ["8283138c3726f372"])
    )


class FieldErrorSchema(Schema):
    location = fields.String(
        required=True, **doc("Where the value was sent: json, query, path.", "json")
    )
    field = fields.String(required=True, **doc("Dotted path of the field.", "published"))
    message = fields.String(required=True, **doc("What is wrong with it.", "Not a valid date."))


# --- errors -------------------------------------------------------------------------------------


class ProblemSchema(Schema):
    """An error, as RFC 9457 problem details (application/problem+json)."""

    type = fields.String(
        required=True, **doc("A URI reference naming the kind of problem.", "about:blank")
    )
    title = fields.String(
        required=True, **doc("Short summary of the kind of problem.", "Not Found")
    )
    status = fields.Integer(required=True, **doc("The HTTP status code.", 404))
    detail = fields.String(
        required=True, **doc("What went wrong, for people.", "No speaker named 'walace'.")
    )
    instance = fields.String(
        required=True, **doc("The path of the request that failed.", "/speakers/walace")
    )
    errors = fields.List(
        fields.Nested(FieldErrorSchema),
        **doc(
            "Field errors (422).",
            [{"location": "json", "field": "text", "message": "Missing data for required field."}],
        ),
    )
    candidates = fields.List(
        fields.Nested(SpeakerRefSchema),
        **doc(
            "Speakers an ambiguous name fits (409).",
            [{"id": 7, "name": "Ben Wallace", "slug": "ben-wallace"}],
        ),
    )
    nearest = fields.List(
        fields.Nested(SpeakerRefSchema),
        **doc(
            "Speakers with names close to an unknown one (404).",
            [{"id": 7, "name": "Ben Wallace", "slug": "ben-wallace"}],
        ),
    )


# --- speakers -----------------------------------------------------------------------------------


class SpeakerSchema(Schema):
    id = fields.Integer(required=True, **doc("The speaker's id in this index.", 7))
    name = fields.String(required=True, **doc("Canonical name.", "Ben Wallace"))
    slug = fields.String(required=True, **doc("URL-safe name, usable as {name}.", "ben-wallace"))
    kind = fields.String(
        required=True,
        validate=validate.OneOf(SPEAKER_KINDS),
        **doc("Person or organisation.", "person"),
    )
    aliases = fields.List(
        fields.String(),
        required=True,
        **doc("Other names articles use.", ["Wallace", "Mr Wallace"]),
    )
    roles = fields.List(
        fields.Nested(RoleSchema), required=True, **doc("Roles over time, oldest first.", [])
    )
    quote_count = fields.Integer(required=True, **doc("Quotes attributed to the speaker.", 4))
    first_quoted = fields.Date(
        required=True, allow_none=True, **doc("Earliest publication date of a quote.", "2022-03-03")
    )
    last_quoted = fields.Date(
        required=True, allow_none=True, **doc("Latest publication date of a quote.", "2022-03-09")
    )


# --- quotes -------------------------------------------------------------------------------------


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
    type = fields.String(
        required=True,
        validate=validate.OneOf(QUOTE_TYPES),
        **doc("direct, indirect or mixed.", "direct"),
    )
    speaker = fields.Nested(
        SpeakerRefSchema,
        required=True,
        allow_none=True,
        **doc(
            "Who said it (null: unresolved).",
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


class ArticleSchema(Schema):
    id = fields.String(
        required=True, **doc("The article's id (a hash of its text).", "8283138c3726f372")
    )
    title = fields.String(
        required=True,
        allow_none=True,
        **doc("Headline.", "Russian troops try to steal civilian cars"),
    )
    url = fields.String(
        required=True,
        allow_none=True,
        **doc("Where it was published.", "https://example.com/news/1"),
    )
    source = fields.String(required=True, allow_none=True, **doc("The publisher.", "Express"))
    published = fields.Date(
        required=True, allow_none=True, **doc("Publication date.", "2022-03-03")
    )
    content_hash = fields.String(
        required=True, **doc("SHA-256 of the text.", "8283138c3726f372d1...")
    )
    text = fields.String(
        required=True,
        **doc("The text as submitted; all offsets point into it.", "Russian forces are ..."),
    )
    ingested_at = UtcDateTime(
        required=True, **doc("When the index stored it (UTC).", "2026-11-22T03:00:00+00:00")
    )
    quotes = fields.List(
        fields.Nested(QuoteSchema), required=True, **doc("The quotes found in it.", [])
    )


# --- pages --------------------------------------------------------------------------------------


class PageSchema(Schema):
    total = fields.Integer(required=True, **doc("Items matching, over all pages.", 57))
    limit = fields.Integer(required=True, **doc("Items per page.", 20))
    offset = fields.Integer(required=True, **doc("Items skipped before this page.", 20))
    next = fields.String(
        required=True,
        allow_none=True,
        **doc("URL of the next page (null on the last).", "/quotes?limit=20&offset=40"),
    )
    prev = fields.String(
        required=True,
        allow_none=True,
        **doc("URL of the previous page (null on the first).", "/quotes?limit=20&offset=0"),
    )


class SpeakerPageSchema(PageSchema):
    items = fields.List(
        fields.Nested(SpeakerSchema), required=True, **doc("Speakers on this page.", [])
    )


class QuotePageSchema(PageSchema):
    items = fields.List(
        fields.Nested(QuoteSchema), required=True, **doc("Quotes on this page.", [])
    )


# --- query arguments ----------------------------------------------------------------------------


class PageArgsSchema(Schema):
    limit = fields.Integer(
        load_default=20,
        validate=validate.Range(min=1, max=MAX_LIMIT),
        **doc("Items per page (1-100).", 20),
    )
    offset = fields.Integer(
        load_default=0, validate=validate.Range(min=0, max=MAX_OFFSET), **doc("Items to skip.", 0)
    )


class SpeakerQueryArgsSchema(PageArgsSchema):
    q = fields.String(
        validate=[validate.Length(max=200), NO_CONTROL],
        **doc("Part of a name or alias.", "wallace"),
    )


class QuoteQueryArgsSchema(PageArgsSchema):
    q = fields.String(
        validate=[validate.Length(max=200), NO_CONTROL],
        **doc("Full-text search terms (stemmed).", "disarray"),
    )
    type = fields.String(
        validate=validate.OneOf(QUOTE_TYPES), **doc("Only quotes of this type.", "direct")
    )
    role = fields.String(
        validate=[validate.Length(max=200), NO_CONTROL],
        **doc("Only quotes given in this role (case ignored).", "Defence Secretary"),
    )
    date_from = fields.Date(
        data_key="from", **doc("Only quotes first published on or after this date.", "2022-03-01")
    )
    date_to = fields.Date(
        data_key="to", **doc("Only quotes first published on or before this date.", "2022-03-31")
    )
    source = fields.String(
        validate=[validate.Length(max=200), NO_CONTROL],
        **doc("Only articles from this publisher.", "Express"),
    )
    sort = fields.String(
        load_default="date",
        validate=validate.OneOf(("date", "relevance")),
        **doc(
            "date: newest first (by first publication); relevance: best match for q first (date without q).",
            "date",
        ),
    )


# --- writing ------------------------------------------------------------------------------------


class ArticleInSchema(Schema):
    class Meta:
        ordered = True
        unknown = ma.RAISE

    text = fields.String(
        required=True,
        validate=[validate.Length(min=1, max=MAX_TEXT), TEXT, unicode_text],
        **doc(
            "The article's text; offsets in answers count its characters.",
            "“We will not stand by,” the Defence Secretary Ben Wallace said.",
        ),
    )
    title = fields.String(
        allow_none=True,
        validate=validate.Length(max=1000),
        **doc("Headline.", "Wallace warns Moscow"),
    )
    # a plain pattern, not fields.Url: the document then states exactly what is accepted
    url = fields.String(
        allow_none=True,
        validate=[
            validate.Length(max=2000),
            validate.Regexp(rf"^https?://[^{WHITESPACE}]+$", error="Not an http(s) URL."),
        ],
        **doc("Where it was published (http or https).", "https://example.com/news/1"),
    )
    source = fields.String(
        allow_none=True, validate=validate.Length(max=200), **doc("The publisher.", "Express")
    )
    published = fields.Date(allow_none=True, **doc("Publication date.", "2022-03-03"))


class ExtractInSchema(Schema):
    class Meta:
        ordered = True
        unknown = ma.RAISE

    text = fields.String(
        required=True,
        validate=[validate.Length(min=1, max=MAX_TEXT), TEXT, unicode_text],
        **doc(
            "The text to read.", "“We will not stand by,” the Defence Secretary Ben Wallace said."
        ),
    )


class ExtractedSpeakerSchema(Schema):
    name = fields.String(
        required=True,
        allow_none=True,
        **doc(
            "Canonical name; for a speaker the text never names, its description as written "
            "(\"experts\"); null for a pronoun that could not be resolved.",
            "Ben Wallace",
        ),
    )
    named = fields.Boolean(
        required=True,
        **doc("Whether name is the name of a person or organisation (false: a description).", True),
    )
    role = fields.String(
        required=True, allow_none=True, **doc("Role the text gives.", "Defence Secretary")
    )
    kind = fields.String(
        required=True,
        validate=validate.OneOf(SPEAKER_KINDS),
        **doc("Person or organisation.", "person"),
    )
    mention = fields.Nested(
        TextSpanSchema,
        required=True,
        allow_none=True,
        **doc(
            "Words naming the speaker at the cue.", {"text": "Ben Wallace", "start": 50, "end": 61}
        ),
    )


class ExtractedQuoteSchema(Schema):
    text = fields.String(required=True, **doc("What was said.", "We will not stand by,"))
    type = fields.String(
        required=True,
        validate=validate.OneOf(QUOTE_TYPES),
        **doc("direct, indirect or mixed.", "direct"),
    )
    spans = fields.List(
        span_field("Start and end offset of one piece."),
        required=True,
        **doc("The quote's pieces, as [start, end] offsets.", [[1, 22]]),
    )
    cue = fields.Nested(
        TextSpanSchema,
        required=True,
        allow_none=True,
        **doc("The verb of saying.", {"text": "said", "start": 62, "end": 66}),
    )
    speaker = fields.Nested(
        ExtractedSpeakerSchema, required=True, allow_none=True, **doc("Who said it.", None)
    )
    confidence = fields.Float(required=True, **doc("How sure the extractor is, 0 to 1.", 0.9))


class ExtractResultSchema(Schema):
    quotes = fields.List(
        fields.Nested(ExtractedQuoteSchema), required=True, **doc("Quotes in text order.", [])
    )


# --- health -------------------------------------------------------------------------------------


class HealthSchema(Schema):
    status = fields.String(
        required=True, validate=validate.OneOf(("ok",)), **doc("ok when the index answers.", "ok")
    )
    version = fields.String(required=True, **doc("quoteapi's version.", "0.1.0"))
    database = fields.String(required=True, **doc("The database's state.", "ok"))
    quotes = fields.Integer(required=True, allow_none=True, **doc("Quotes in the index.", 1000000))
