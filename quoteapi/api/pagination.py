"""Page envelopes: the items, the total, and next/prev links that keep the request's filters.

Hand-written rather than flask-smorest's ``@blp.paginate`` (which puts the total in an
X-Pagination header): the issue asks for the total and the links in the body, where the SDK and
the widget read them.
"""

from typing import Any
from urllib.parse import urlencode

from flask import request

from ..index.records import Page
from .schemas import MAX_OFFSET


def page_body(page: Page, limit: int, offset: int) -> dict[str, Any]:
    """The body for ``PageSchema``: ``page.items`` plus total, limit, offset, next and prev."""
    has_next = offset + len(page.items) < page.total and offset + limit <= MAX_OFFSET
    return {
        "items": page.items,
        "total": page.total,
        "limit": limit,
        "offset": offset,
        "next": _link(limit, offset + limit) if has_next else None,
        "prev": _link(limit, max(offset - limit, 0)) if offset > 0 else None,
    }


def _link(limit: int, offset: int) -> str:
    """The current path and query string with ``limit`` and ``offset`` replaced."""
    args = [
        (key, value)
        for key, value in request.args.items(multi=True)
        if key not in ("limit", "offset")
    ]
    args += [("limit", str(limit)), ("offset", str(offset))]
    return f"{request.path}?{urlencode(args)}"
