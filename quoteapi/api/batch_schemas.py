"""GET /batches/{batch_id}'s JSON (batches.py): a batch sent to the workers, as far as it went."""

from marshmallow import fields, validate

from .common import Schema, UtcDateTime, doc

STATES = ("sending", "in progress", "done")


class ItemProblemSchema(Schema):
    source = fields.String(
        required=True, **doc("Where the article came from: a file (and line), a URL.",
                             "articles.jsonl line 2")
    )
    reason = fields.String(required=True, **doc("Why it failed or gave no article.",
                                                "the article text is empty"))


class BatchSchema(Schema):
    id = fields.String(required=True, **doc("The batch's id.", "4f1c0a9e2b7d4c3a8e6f5d4c3b2a1908"))
    created_at = UtcDateTime(required=True, **doc("When it was sent (UTC).",
                                                  "2026-12-06T21:00:00+00:00"))
    state = fields.String(
        required=True, validate=validate.OneOf(STATES),
        **doc("sending (items still being added), in progress, or done (every item has an "
              "outcome).", "in progress"),
    )
    total = fields.Integer(required=True, **doc("Items: articles, and sources that gave none.",
                                                120))
    done = fields.Integer(required=True, **doc("Items with an outcome.", 90))
    queued = fields.Integer(required=True, **doc("Items a worker has yet to finish.", 30))
    counts = fields.Dict(
        keys=fields.String(), values=fields.Integer(), required=True,
        **doc("Items by status: queued, created, replaced, unchanged, failed, skipped.",
              {"created": 88, "failed": 2, "queued": 30}),
    )
    quotes = fields.Integer(required=True, **doc("Quotes stored from its new or replaced "
                                                 "articles.", 412))
    resent = fields.Integer(required=True, **doc("Articles sent again because the broker had "
                                                 "lost them.", 0))
    failures = fields.List(
        fields.Nested(ItemProblemSchema), required=True,
        **doc("The failed items, in batch order (the first 100; `counts` has them all).",
              []),
    )
    skipped = fields.List(
        fields.Nested(ItemProblemSchema), required=True,
        **doc("Sources that held no article (the first 100).", []),
    )
