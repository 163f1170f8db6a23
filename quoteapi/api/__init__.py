"""The REST API: Flask + flask-smorest + marshmallow. ``create_app()`` builds the WSGI app."""

from .app import DefaultConfig, create_app

__all__ = ["DefaultConfig", "create_app"]
