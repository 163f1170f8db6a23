"""The articles' JSON (articles.py): an article with its quotes, and one to add (a text, a
page's HTML, or the URL of a page for the server to fetch)."""

from typing import Any

import marshmallow as ma
from marshmallow import fields, validate

from .common import MAX_TEXT, TEXT, WHITESPACE, Schema, UtcDateTime, doc, unicode_text
from .quote_schemas import QuoteSchema

MAX_HTML = 3_000_000  # characters of a page; the request body limit is MAX_CONTENT_LENGTH


class ArticleSchema(Schema):
    id = fields.String(
        required=True,
        **doc("The article's id (a hash of its canonical URL, else its URL, else its text).",
              "8283138c3726f372"),
    )
    title = fields.String(
        required=True,
        allow_none=True,
        **doc("Headline.", "Russian troops try to steal civilian cars"),
    )
    url = fields.String(
        required=True,
        allow_none=True,
        **doc("Where it was published (a page's address, after redirects).",
              "https://example.com/news/1"),
    )
    canonical_url = fields.String(
        required=True,
        allow_none=True,
        **doc("The address the page gives as its own (rel=canonical).",
              "https://example.com/news/1"),
    )
    source = fields.String(
        required=True, allow_none=True, **doc("The publisher (a page's site name).", "Express")
    )
    author = fields.String(required=True, allow_none=True, **doc("Who wrote it.", "Jane Doe"))
    published = fields.Date(
        required=True, allow_none=True, **doc("Publication date.", "2022-03-03")
    )
    content_hash = fields.String(
        required=True, **doc("SHA-256 of the text.", "8283138c3726f372d1...")
    )
    text = fields.String(
        required=True,
        **doc(
            "The text as submitted, or as read from the page (title, then the main text's "
            "paragraphs); all offsets point into it.",
            "Russian forces are ...",
        ),
    )
    ingested_at = UtcDateTime(
        required=True, **doc("When the index stored it (UTC).", "2026-11-22T03:00:00+00:00")
    )
    quotes = fields.List(
        fields.Nested(QuoteSchema), required=True, **doc("The quotes found in it.", [])
    )


HTTP_URL = validate.Regexp(rf"^https?://[^{WHITESPACE}]+$", error="Not an http(s) URL.")


def web_url(description: str, **kwargs: Any) -> fields.String:
    # a plain pattern, not fields.Url: the document then states exactly what is accepted
    kwargs.setdefault("allow_none", True)
    return fields.String(
        validate=[validate.Length(max=2000), HTTP_URL],
        **kwargs,
        **doc(description, "https://example.com/news/1"),
    )


def article_text(**kwargs: Any) -> fields.String:
    return fields.String(
        validate=[validate.Length(min=1, max=MAX_TEXT), TEXT, unicode_text],
        **kwargs,
        **doc(
            "The article's text; offsets in answers count its characters.",
            "“We will not stand by,” the Defence Secretary Ben Wallace said.",
        ),
    )


def page_html(**kwargs: Any) -> fields.String:
    return fields.String(
        validate=[validate.Length(min=1, max=MAX_HTML), TEXT, unicode_text],
        **kwargs,
        **doc(
            "A web page: its main text (title, then paragraphs) becomes the article's text, "
            "its title, site name, author, date and canonical URL the article's.",
            "<html><head><title>Wallace warns Moscow</title></head><body>...</body></html>",
        ),
    )


class ArticleDetailsSchema(Schema):
    """What a client may state of an article it adds (over what a page says of itself)."""

    class Meta:
        ordered = True
        unknown = ma.RAISE

    title = fields.String(
        allow_none=True,
        validate=validate.Length(max=1000),
        **doc("Headline.", "Wallace warns Moscow"),
    )
    url = web_url("Where it was published (http or https).")
    canonical_url = web_url("The address the page gives as its own.")
    source = fields.String(
        allow_none=True, validate=validate.Length(max=200), **doc("The publisher.", "Express")
    )
    author = fields.String(
        allow_none=True, validate=validate.Length(max=300), **doc("Who wrote it.", "Jane Doe")
    )
    published = fields.Date(allow_none=True, **doc("Publication date.", "2022-03-03"))


class ArticleInSchema(ArticleDetailsSchema):
    """An article as a text."""

    text = article_text(required=True)


class ArticlePageInSchema(ArticleDetailsSchema):
    """An article as a web page's HTML (``url``: where it was published, if known)."""

    html = page_html(required=True)


class ArticleUrlInSchema(ArticleDetailsSchema):
    """An article as the URL of a page, which the server fetches (a public address only, unless
    it allows private ones)."""

    url = web_url(
        "The page to fetch (http or https; a public address only, unless the server allows "
        "private ones).",
        required=True,
        allow_none=False,
    )


# POST /articles as documented: exactly one of the three
ARTICLE_IN = {"oneOf": [ArticleInSchema, ArticlePageInSchema, ArticleUrlInSchema]}


class ArticleBodySchema(ArticleDetailsSchema):
    """POST /articles as parsed: the three forms of ARTICLE_IN in one schema."""

    text = article_text()
    html = page_html()

    @ma.validates_schema
    def one_form(self, data: dict[str, Any], **_: Any) -> None:
        """A text, or a page's HTML, or the URL of a page: exactly one of them."""
        if "text" in data and "html" in data:
            raise ma.ValidationError("Send `text` or `html`, not both.", "html")
        if "text" not in data and "html" not in data and not data.get("url"):
            raise ma.ValidationError("Send `text`, `html`, or the `url` of a page.", "text")
