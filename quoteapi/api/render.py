"""Quote pages as JSON without marshmallow, for the two hot read paths.

``GET /speakers/{name}/quotes`` and ``GET /quotes`` answer 20 quotes with their appearances;
dumping those through the nested marshmallow schemas took about as long as the database query
(benchmarks/api.py). These functions build the same dicts directly. The schemas stay the contract:
they document the answer (openapi.yaml), tests/test_api_render.py holds these functions to
``QuoteSchema().dump`` field for field, and schemathesis validates every answer against them.
"""

from datetime import date
from typing import Any

from flask import Response, jsonify

from ..index.records import Appearance, QuoteRecord, SpeakerRef
from .common import encode_cursor


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def speaker_ref_json(ref: SpeakerRef | None) -> dict[str, Any] | None:
    return None if ref is None else {"id": ref.id, "name": ref.name, "slug": ref.slug}


def appearance_json(appearance: Appearance) -> dict[str, Any]:
    has_cue = appearance.cue is not None and appearance.cue_start is not None
    return {
        "article_id": appearance.article_id,
        "title": appearance.title,
        "url": appearance.url,
        "source": appearance.source,
        "published": _day(appearance.published),
        "spans": [[int(start), int(end)] for start, end in appearance.spans],
        "cue": {"text": appearance.cue, "start": appearance.cue_start, "end": appearance.cue_end}
        if has_cue
        else None,
        "mention": appearance.mention,
    }


def quote_json(quote: QuoteRecord) -> dict[str, Any]:
    return {
        "id": quote.id,
        "text": quote.text,
        "type": quote.type,
        "speaker": speaker_ref_json(quote.speaker),
        "role": quote.role,
        "confidence": float(quote.confidence),
        "score": float(quote.score) if quote.score is not None else None,
        "appearances": [appearance_json(appearance) for appearance in quote.appearances],
    }


def quote_page_json(body: dict[str, Any]) -> dict[str, Any]:
    """A ``pagination.page_body`` of QuoteRecords as ``QuotePageSchema`` dumps it."""
    return {
        "total": body["total"],
        "total_capped": body["total_capped"],
        "limit": body["limit"],
        "offset": body["offset"],
        "next": body["next"],
        "prev": body["prev"],
        "items": [quote_json(quote) for quote in body["items"]],
    }


def quotes_cursor(quote: QuoteRecord, offset: int) -> str:
    """The cursor after ``quote`` in date order: (its first publication date, its id)."""
    dates = [appearance.published for appearance in quote.appearances if appearance.published]
    return encode_cursor("q", min(dates, default=None), quote.id, offset)


def quote_page_response(body: dict[str, Any]) -> Response:
    """The answer itself (flask-smorest passes a Response through without dumping it again)."""
    return jsonify(quote_page_json(body))
