"""The WSGI app the server's workers import (``quoteapi serve`` names ``quoteapi.api.wsgi:app``):
each worker process builds its own, configured from the QUOTEAPI_* environment."""

from .app import create_app

app = create_app()
