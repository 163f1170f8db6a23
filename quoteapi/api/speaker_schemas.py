"""The speakers' JSON (speakers.py): a speaker, a page of them, the list's query arguments."""

from marshmallow import fields

from ..extract.model import SpeakerKind
from .common import (
    Cursor,
    PageArgsSchema,
    PageSchema,
    Schema,
    doc,
    optional_doc,
    query_text,
)


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


class SpeakerSchema(Schema):
    id = fields.Integer(required=True, **doc("The speaker's id in this index.", 7))
    name = fields.String(required=True, **doc("Canonical name.", "Ben Wallace"))
    slug = fields.String(required=True, **doc("URL-safe name, usable as {name}.", "ben-wallace"))
    kind = fields.Enum(
        SpeakerKind, by_value=True, required=True, **doc(
            "person; organisation (news agencies and outlets cited as sources, like Reuters or "
            "PA, included); unknown when the article does not say.",
            "person",
        )
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


class SpeakerPageSchema(PageSchema):
    items = fields.List(
        fields.Nested(SpeakerSchema), required=True, **doc("Speakers on this page.", [])
    )


class SpeakerQueryArgsSchema(PageArgsSchema):
    q = query_text("Part of a name or alias (% and _ are plain characters).", "wallace")
    cursor = Cursor(
        "s",
        (int, int),
        **optional_doc("Where the page starts: from a `next` link.", "WyJzIiw0LDcsMjBd"),
    )
