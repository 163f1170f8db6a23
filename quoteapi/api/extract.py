"""``POST /extract``: the quotes of a text, as the CLI gives them, without storing anything."""

from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from ..errors import QuoteapiError
from .auth import protect_writes, write_problems
from .bodies import accept_json_bodies, body_problems
from .errors import problem_doc
from .examples import EXTRACTED
from .schemas import ExtractInSchema, ExtractResultSchema

blp = Blueprint(
    "Extract", __name__, url_prefix="/extract", description="Quote extraction without storing."
)
protect_writes(blp)  # extraction costs CPU: keyed like the other POSTs
accept_json_bodies(blp)


def extract_quotes(text: str) -> list[dict[str, Any]]:
    """The quotes of one text as the CLI prints them (``Quote.to_dict``); spaCy loads on first use."""
    from ..extract import extract_many

    result = next(iter(extract_many(iter([text]))))
    if isinstance(result, QuoteapiError):
        raise result
    return [quote.to_dict() for quote in result]


@blp.route("")
class Extract(MethodView):
    @blp.doc(operationId="extractQuotes")
    @blp.arguments(
        ExtractInSchema,
        example={"text": "“We will not stand by,” the Defence Secretary Ben Wallace said."},
    )
    @blp.response(200, ExtractResultSchema, example=EXTRACTED)
    @blp.alt_response(
        503, description="The NLP model is not installed; `detail` names the fix.", **problem_doc()
    )
    @write_problems(blp)
    @body_problems(blp)
    def post(self, data: dict[str, Any]) -> dict[str, Any]:
        """Extract quotes

        Finds the quotes in `text`, with speakers, roles, cues and offsets into `text`, and
        stores nothing. The same quotes `POST /articles` would store.
        """
        return {"quotes": extract_quotes(data["text"])}
