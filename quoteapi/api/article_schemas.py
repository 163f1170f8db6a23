"""The articles' JSON (articles.py): an article with its quotes, and one to add."""

import marshmallow as ma
from marshmallow import fields, validate

from .common import MAX_TEXT, TEXT, WHITESPACE, Schema, UtcDateTime, doc, unicode_text
from .quote_schemas import QuoteSchema


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
