"""Alembic environment: uses the connection handed over by ``db.upgrade``; run by hand
(``alembic -x url=...``) it connects to that URL or to settings().database_url."""

from alembic import context

from quoteapi.config import settings
from quoteapi.index.db import Base, make_engine

config = context.config


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        url = context.get_x_argument(as_dictionary=True).get("url") or settings().database_url
        with make_engine(url).begin() as connection:
            _migrate(connection)
    else:
        _migrate(connection)


def _migrate(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(connection=connection, target_metadata=Base.metadata)
    with context.begin_transaction():
        context.run_migrations()


run()
