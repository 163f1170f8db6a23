"""Has anything been written to the index since? One cheap question, asked on every API request.

``ChangeMarker.current()`` returns a value that changes whenever any writer commits to the
database: this process, another API worker, ``quoteapi ingest`` or a Celery worker. Caches of
read answers (the API's ``cache.py``, ``Index``'s name choices) keep what they hold only while the
marker they were filled under is still current, so an answer after a write always reflects it.

- SQLite: ``PRAGMA data_version`` on a connection of our own that never writes. SQLite changes
  the value that connection sees whenever another connection commits (the value belongs to the
  connection, hence one connection, kept for this purpose). It reads the WAL index in shared
  memory: microseconds, no disk I/O.
- PostgreSQL: the one row of ``index_generation``, counted up once per committed write
  transaction by deferred triggers on every index table (migration 0002). Being in the writing
  transaction, the new value becomes visible exactly when the data does.

The marker is read before the data it guards, so an answer cached under a marker is never older
than that marker: a writer committing in between makes the next request see a new marker.
"""

import sqlite3
import threading
from collections.abc import Hashable

from sqlalchemy import text
from sqlalchemy.engine import Engine

GENERATION = text("SELECT generation FROM index_generation WHERE id = 1")


class ChangeMarker:
    """The current change marker of the database behind ``engine`` (a reading engine)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._lock = threading.Lock()
        self._watcher: sqlite3.Connection | None = None
        url = engine.url
        self._sqlite_path = None
        if url.get_backend_name() == "sqlite":
            database = url.database or ""
            # an in-memory database is private to each connection: no marker can watch it
            self._sqlite_path = None if database in ("", ":memory:") else database

    def current(self) -> Hashable:
        if self._engine.dialect.name == "sqlite":
            return self._sqlite_version()
        with self._engine.connect() as connection:
            return connection.execute(GENERATION).scalar_one()

    def _sqlite_version(self) -> Hashable:
        if self._sqlite_path is None:
            return object()  # equal to nothing: nothing is ever served from a cache
        with self._lock:
            if self._watcher is None:
                # autocommit (isolation_level=None): each PRAGMA sees the latest commit
                self._watcher = sqlite3.connect(
                    self._sqlite_path, check_same_thread=False, isolation_level=None
                )
            return self._watcher.execute("PRAGMA data_version").fetchone()[0]

    def close(self) -> None:
        with self._lock:
            if self._watcher is not None:
                self._watcher.close()
                self._watcher = None
