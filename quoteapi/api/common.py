"""What every resource's schemas share: the base class, field documentation, text validators,
pieces (spans, speaker references), problem details, page envelopes and page arguments.

Each resource keeps its own schemas beside its blueprint (speaker_schemas.py beside speakers.py,
and so on); every field carries a description and an example (openapi.yaml is generated from
them, and a test holds it to that).
"""

import base64
import binascii
import json
from datetime import UTC, date, datetime
from typing import Any

import marshmallow as ma
from marshmallow import fields, validate

from ..index.search import TOTAL_CAP

JSON = "application/json"  # successful answers; errors are errors.PROBLEM_JSON
MAX_LIMIT = 100
MAX_OFFSET = 100_000
MAX_TEXT = 200_000  # characters of an article; the request body limit is MAX_CONTENT_LENGTH
MAX_QUERY_TEXT = 200  # characters of a query string value or a name
MAX_CURSOR = 200  # characters of a cursor (they are about 40)
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


def optional_doc(description: str, example: Any) -> dict[str, Any]:
    """Metadata for an optional query argument: its example told in the description only.

    Swagger UI's "Try it out" fills each parameter with its ``example`` (the parameter's or its
    schema's, whichever it finds), so six filters' examples would narrow the first search to
    nothing; an example in words leaves the field empty.
    """
    return {"metadata": {"description": f"{description} Example: `{example}`."}}


class Schema(ma.Schema):
    class Meta:
        ordered = True


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


class FieldErrorSchema(Schema):
    location = fields.String(
        required=True, **doc("Where the value was sent: json, query, path.", "json")
    )
    field = fields.String(required=True, **doc("Dotted path of the field.", "published"))
    message = fields.String(required=True, **doc("What is wrong with it.", "Not a valid date."))


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
    request_id = fields.String(
        **doc(
            "The request's id, also sent as X-Request-Id: quote it when reporting an error "
            "(server errors are logged under it).",
            "3f2a9c0e5b7d4e1f8a6b2c9d0e1f2a3b",
        )
    )
    nearest = fields.List(
        fields.Nested(SpeakerRefSchema),
        **doc(
            "Speakers with names close to an unknown one (404).",
            [{"id": 7, "name": "Ben Wallace", "slug": "ben-wallace"}],
        ),
    )


class PageSchema(Schema):
    total = fields.Integer(required=True, **doc("Items matching, over all pages.", 57))
    total_capped = fields.Boolean(
        required=True,
        **doc(f"True when counting stopped at `total` ({TOTAL_CAP:,}): there are more.", False),
    )
    limit = fields.Integer(required=True, **doc("Items per page.", 20))
    offset = fields.Integer(required=True, **doc("Items before this page.", 20))
    next = fields.String(
        required=True,
        allow_none=True,
        **doc(
            "URL of the next page (null on the last); it continues from a cursor, as cheap deep "
            "down as on the first page.",
            "/quotes?limit=20&cursor=WyJxIiwiMjAyMi0wMy0wMyIsNDIsNDBd",
        ),
    )
    prev = fields.String(
        required=True,
        allow_none=True,
        **doc(
            "URL of the previous page (null on the first, and past the first "
            f"{MAX_OFFSET:,} items).",
            "/quotes?limit=20&offset=0",
        ),
    )


class PageArgsSchema(Schema):
    limit = fields.Integer(
        load_default=20,
        validate=validate.Range(min=1, max=MAX_LIMIT),
        **doc("Items per page (1-100).", 20),
    )
    offset = fields.Integer(
        load_default=0, validate=validate.Range(min=0, max=MAX_OFFSET), **doc("Items to skip.", 0)
    )


class Cursor(fields.String):
    """A position in a list, as the ``next`` links carry it (keyset pagination): base64url of a
    small JSON array ``[kind, *key, offset]``. Loads as ``(key, offset)`` after checking that
    it is one of ``kind``'s and that each part has the type ``types`` gives."""

    def __init__(self, kind: str, types: tuple[type, ...], **kwargs: Any) -> None:
        super().__init__(validate=validate.Length(max=MAX_CURSOR), **kwargs)
        self.kind, self.types = kind, types

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        text = super()._deserialize(value, attr, data, **kwargs)
        try:
            decoded = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
        except (binascii.Error, ValueError):
            decoded = None
        parts = decoded[1:] if isinstance(decoded, list) and decoded[:1] == [self.kind] else []
        if len(parts) != len(self.types) + 1 or not all(
            _fits(part, kind) for part, kind in zip(parts, (*self.types, int), strict=True)
        ):
            raise ma.ValidationError("Not a cursor of this list: follow a `next` link.")
        *key, offset = parts
        return tuple(_typed(part, kind) for part, kind in zip(key, self.types, strict=True)), offset


def _fits(part: Any, kind: type) -> bool:
    if part is None:
        return kind is date
    if kind is date:
        return isinstance(part, str) and _typed(part, date) is not None
    return type(part) is kind and (kind is not int or 0 <= part < 2**63)


def _typed(part: Any, kind: type) -> Any:
    if kind is date and part is not None:
        try:
            return date.fromisoformat(part)
        except ValueError:
            return None
    return part


def encode_cursor(kind: str, *parts: Any) -> str:
    """The cursor ``Cursor(kind, ...)`` loads back; dates as YYYY-MM-DD."""
    plain = [part.isoformat() if isinstance(part, date) else part for part in parts]
    raw = json.dumps([kind, *plain], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def query_text(description: str, example: str) -> fields.String:
    """An optional free-text query argument: at most MAX_QUERY_TEXT characters, no control
    characters."""
    return fields.String(
        validate=[validate.Length(max=MAX_QUERY_TEXT), NO_CONTROL],
        **optional_doc(description, example),
    )
