"""The index a request works on: one ``Index`` per app and process.

Made on first use rather than in ``create_app``: writing openapi.yaml needs no database, and each
server worker process opens its own connections.
"""

from threading import Lock
from typing import TYPE_CHECKING

from flask import current_app

if TYPE_CHECKING:
    from ..index.service import Index

EXTENSION = "quoteapi.index"
_opening = Lock()


def current_index() -> "Index":
    index = current_app.extensions.get(EXTENSION)
    if index is None:
        with _opening:
            index = current_app.extensions.get(EXTENSION)
            if index is None:
                from ..index.service import Index

                index = current_app.extensions[EXTENSION] = Index(
                    url=current_app.config["DATABASE_URL"]
                )
    return index
