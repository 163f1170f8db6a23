"""POST /extract's JSON (extract.py): a text in, its quotes out, as the CLI prints them."""

from typing import Any

import marshmallow as ma
from marshmallow import fields, validate

from ..extract.model import QuoteType, Speaker, SpeakerKind
from .common import MAX_TEXT, TEXT, Schema, TextSpanSchema, doc, span_field, unicode_text


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
    @ma.pre_dump
    def as_the_cli_prints_it(self, speaker: Speaker, **_: Any) -> dict[str, Any]:
        """``Speaker.to_dict`` (``named`` as the CLI reports it), the kind still an enum."""
        return {**speaker.to_dict(), "kind": speaker.kind}

    name = fields.String(
        required=True,
        allow_none=True,
        **doc(
            "Canonical name; for a speaker the text never names, its description as written "
            '("experts"); null for a pronoun that could not be resolved.',
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
    kind = fields.Enum(
        SpeakerKind, by_value=True, required=True, **doc("Person or organisation.", "person")
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
    type = fields.Enum(
        QuoteType, by_value=True, required=True, **doc("direct, indirect or mixed.", "direct")
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
