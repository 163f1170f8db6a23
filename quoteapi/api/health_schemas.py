"""GET /health's JSON (health.py)."""

from marshmallow import fields, validate

from .common import Schema, doc


class HealthSchema(Schema):
    status = fields.String(
        required=True, validate=validate.OneOf(("ok",)), **doc("ok when the index answers.", "ok")
    )
    version = fields.String(required=True, **doc("quoteapi's version.", "0.1.0"))
    database = fields.String(required=True, **doc("The database's state.", "ok"))
    quotes = fields.Integer(required=True, allow_none=True, **doc("Quotes in the index.", 1000000))
