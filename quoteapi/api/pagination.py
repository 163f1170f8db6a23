"""Page envelopes: the items, the total, and next/prev links that keep the request's filters.

Hand-written rather than flask-smorest's ``@blp.paginate`` (which puts the total in an
X-Pagination header): the total and the links belong in the body, where the SDK and the widget
read them. ``next`` continues from a cursor when the list has one (keyset pagination: the database
seeks to the last item instead of counting past an offset), else from the next offset.
"""

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from flask import request

from ..index.records import Page
from .common import MAX_OFFSET

# The cursor continuing after ``item``, the last of the page, with ``offset`` items before it.
CursorOf = Callable[[Any, int], str]


def page_body(
    page: Page, limit: int, offset: int, cursor_of: CursorOf | None = None
) -> dict[str, Any]:
    """The body for ``PageSchema``: ``page.items`` plus total, limit, offset, next and prev."""
    seen = offset + len(page.items)
    reachable = page.reachable if page.reachable is not None else seen + 1
    more = (page.total_capped or seen < page.total) and seen < reachable
    has_next = bool(page.items) and len(page.items) == limit and more
    if has_next and cursor_of is not None:
        following = _link(limit, cursor=cursor_of(page.items[-1], seen))
    elif has_next and offset + limit <= MAX_OFFSET:
        following = _link(limit, offset=offset + limit)
    else:
        following = None
    before = max(offset - limit, 0)
    return {
        "items": page.items,
        "total": page.total,
        "total_capped": page.total_capped,
        "limit": limit,
        "offset": offset,
        "next": following,
        "prev": _link(limit, offset=before) if 0 < offset and before <= MAX_OFFSET else None,
    }


def _link(limit: int, **position: Any) -> str:
    """The current path and query string with the page's position replaced."""
    args = [
        (key, value)
        for key, value in request.args.items(multi=True)
        if key not in ("limit", "offset", "cursor")
    ]
    args += [("limit", str(limit)), *((key, str(value)) for key, value in position.items())]
    return f"{request.path}?{urlencode(args)}"
