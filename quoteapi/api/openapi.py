"""The OpenAPI document, generated from the blueprints and schemas (committed as openapi.yaml)."""

from typing import Any

import yaml
from flask import Flask


def openapi_document(app: Flask | None = None) -> dict[str, Any]:
    """The document flask-smorest/apispec build for ``app`` (default: a fresh ``create_app()``)."""
    if app is None:
        from .app import create_app  # here: the app serves this module's YAML (home.py)

        app = create_app({"DATABASE_URL": "sqlite://"})  # no database is opened
    api = app.extensions["flask-smorest"]["apis"][""]["ext_obj"]
    return api.spec.to_dict()


class _Dumper(yaml.SafeDumper):
    """Multi-line strings (descriptions) as literal blocks, so openapi.yaml reads like the source."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def openapi_yaml(app: Flask | None = None) -> str:
    """The document as openapi.yaml holds it."""
    return document_yaml(openapi_document(app))


def document_yaml(document: dict[str, Any]) -> str:
    """YAML with the key order as generated, UTF-8, no line wrapping."""
    return yaml.dump(document, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1000)
