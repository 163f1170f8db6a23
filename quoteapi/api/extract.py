"""``POST /extract``: the quotes of a text, as the CLI gives them, without storing anything."""

from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from .auth import protect_writes, write_problems
from .bodies import accept_json_bodies, body_problems, extraction_problems
from .common import JSON
from .errors import any_problem
from .examples import EXTRACTED
from .extract_schemas import ExtractInSchema, ExtractResultSchema
from .extraction import extract_quotes, limit_extractions

blp = Blueprint(
    "Extract", __name__, url_prefix="/extract", description="Quote extraction without storing."
)
protect_writes(blp)  # extraction costs CPU: keyed like the other POSTs
limit_extractions(blp)
accept_json_bodies(blp)


@blp.route("")
class Extract(MethodView):
    @blp.doc(operationId="extractQuotes")
    @any_problem(blp)
    @blp.arguments(
        ExtractInSchema,
        example={"text": "“We will not stand by,” the Defence Secretary Ben Wallace said."},
    )
    @blp.response(200, ExtractResultSchema, content_type=JSON, example=EXTRACTED)
    @write_problems(blp)
    @body_problems(blp)
    @extraction_problems(blp)
    def post(self, data: dict[str, Any]) -> dict[str, Any]:
        """Extract quotes

        Finds the quotes in `text`, with speakers, roles, cues and offsets into `text`, and
        stores nothing. The same quotes `POST /articles` would store.
        """
        return {"quotes": extract_quotes(data["text"])}
