"""Batches: what `quoteapi ingest --queue` sent to the workers, and what became of each article
(the same record as `quoteapi batch ID`). A batch names the sender's files, so reading one needs
an API key."""

import dataclasses
import re
from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from ..errors import NotFound
from ..index.records import BatchRecord
from .auth import protect_reads, write_problems
from .batch_schemas import BatchSchema
from .caching import READ_HEADERS_DOC, not_modified
from .common import JSON
from .context import current_index
from .errors import any_problem, problem_doc
from .examples import BATCH

blp = Blueprint(
    "Batches", __name__, url_prefix="/batches",
    description="Articles sent to the ingestion workers, and what became of each.",
)
protect_reads(blp, "Reading a batch shows what a sender queued")

BATCH_ID = re.compile(r"[0-9a-f]{32}")
MAX_LISTED = 100  # failures and skipped sources listed; ``counts`` has every one
BATCH_ID_PARAMETER = {
    "in": "path",
    "name": "batch_id",
    "required": True,
    "description": "The batch's id, as `quoteapi ingest --queue --no-wait` printed it.",
    "example": BATCH["id"],
    "schema": {"type": "string", "pattern": f"^{BATCH_ID.pattern}$"},
}


@blp.route("/<batch_id>", parameters=[BATCH_ID_PARAMETER])
class BatchesById(MethodView):
    @blp.doc(operationId="getBatch")
    @any_problem(blp)
    @blp.response(200, BatchSchema, content_type=JSON, headers=READ_HEADERS_DOC, example=BATCH)
    @not_modified(blp)
    @blp.alt_response(404, description="No such batch.", **problem_doc())
    @write_problems(blp)
    def get(self, batch_id: str) -> dict[str, Any]:
        """Get a batch

        A batch's progress: items by status, the quotes stored, and the sources that failed
        (with the reason) or held no article. `done` once every item has an outcome.
        """
        if not BATCH_ID.fullmatch(batch_id):
            raise NotFound(f"No batch has the id {batch_id[:80]!r} (32 hexadecimal digits).")
        return batch_json(current_index().batch(batch_id))


def batch_json(record: BatchRecord) -> dict[str, Any]:
    state = "done" if record.done else "in progress" if record.sealed else "sending"
    return {
        "id": record.id, "created_at": record.created_at, "state": state,
        "total": record.total, "done": record.total - record.queued, "queued": record.queued,
        "counts": record.counts, "quotes": record.quotes, "resent": record.resent,
        "failures": [dataclasses.asdict(failure) for failure in record.failures[:MAX_LISTED]],
        "skipped": [dataclasses.asdict(skip) for skip in record.skipped[:MAX_LISTED]],
    }
