"""What a request works with, one per app and process: the index (``current_index``), and
through ``per_app`` the extraction pool (extraction.py) and the fetcher (fetching.py).

Made on first use rather than in ``create_app``: writing openapi.yaml needs no database, and each
server worker process opens its own connections.
"""

from collections.abc import Callable
from threading import Lock
from typing import TYPE_CHECKING, Any, TypeVar

from flask import current_app

if TYPE_CHECKING:
    from ..index.service import Index

EXTENSION = "quoteapi.index"
T = TypeVar("T")
_making = Lock()


def per_app(name: str, make: Callable[[dict[str, Any]], T]) -> T:
    """The app's ``extensions[name]``, made by ``make(app.config)`` the first time (once, whichever
    thread comes first)."""
    found = current_app.extensions.get(name)
    if found is None:
        with _making:
            found = current_app.extensions.get(name)
            if found is None:
                found = current_app.extensions[name] = make(current_app.config)
    return found


def current_index() -> "Index":
    return per_app(EXTENSION, _open_index)


def _open_index(config: dict[str, Any]) -> "Index":
    from ..index.service import Index

    return Index(url=config["DATABASE_URL"])
