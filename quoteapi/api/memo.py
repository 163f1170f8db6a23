"""Short-lived, per-process memos of the two reads that cost most at 1M quotes.

- Resolving ``{name}`` to a speaker (``Index.speaker`` loads the full record, aliases and roles):
  ``/speakers/{name}/quotes`` only needs the id.
- The counts ``/health`` reports (``Index.health`` counts every row): a monitor polling every
  second should not scan the tables every second. ``/health`` still reaches the database on every
  call (``Index.is_empty``).

Entries live ``MEMO_SECONDS`` (config, default 10): shorter than the ``max-age=60`` the API already
lets HTTP caches keep an answer, so no client sees older data than before. ``MEMO_SECONDS = 0``
turns memos off (tests that write and read back at once).
"""

from threading import Lock
from typing import Any

from cachetools import TTLCache
from flask import current_app

from ..index.records import SpeakerRecord
from .context import current_index

EXTENSION = "quoteapi.memo"
MAX_NAMES = 10_000


class Memo:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.speakers: TTLCache = TTLCache(maxsize=MAX_NAMES, ttl=seconds or 1)
        self.health: TTLCache = TTLCache(maxsize=1, ttl=seconds or 1)
        self.lock = Lock()  # TTLCache is not thread-safe; the dev server is threaded

    def get(self, cache: TTLCache, key: Any) -> Any:
        if not self.seconds:
            return None
        with self.lock:
            return cache.get(key)

    def put(self, cache: TTLCache, key: Any, value: Any) -> Any:
        if self.seconds:
            with self.lock:
                cache[key] = value
        return value


def memo() -> Memo:
    found = current_app.extensions.get(EXTENSION)
    if found is None:
        found = current_app.extensions[EXTENSION] = Memo(current_app.config["MEMO_SECONDS"])
    return found


def speaker(name: str) -> SpeakerRecord:
    """``Index.speaker(name)``, remembered for a few seconds (errors are not remembered)."""
    store = memo()
    found = store.get(store.speakers, name)
    return (
        found
        if found is not None
        else store.put(store.speakers, name, current_index().speaker(name))
    )


def health_counts() -> dict[str, Any]:
    """``Index.health()``, remembered for a few seconds."""
    store = memo()
    found = store.get(store.health, "health")
    return (
        found if found is not None else store.put(store.health, "health", current_index().health())
    )


def forget() -> None:
    """Drop every memo of this worker (after a write)."""
    store = memo()
    with store.lock:
        store.speakers.clear()
        store.health.clear()
