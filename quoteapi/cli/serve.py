"""`quoteapi serve` (gunicorn, or Flask's server with --dev) and `quoteapi openapi write`.

On its first start with an empty index, `serve` ingests the seed articles of the checkout's
seeds/ folder (the one `quoteapi eval seeds` scores), so a new user sees real data at once.
"""

import os
from pathlib import Path
from typing import Any

import click

DEFAULT_PORT = 8000
WORKER_TIMEOUT = 120  # seconds; extracting a long article (POST /articles) takes a while


def seed_paths() -> list[Path]:
    """The seed articles (DEFAULT_SEEDS: the repository's seeds/, as the package is installed editable)."""
    from ..evaluate.seeds import DEFAULT_SEEDS

    return sorted(DEFAULT_SEEDS.glob("*.txt"))


def seed_if_empty() -> None:
    from ..index.service import Index

    index = Index()
    if not index.is_empty():
        return
    paths = seed_paths()
    if not paths:
        click.echo("quoteapi serve: the index is empty and no seed articles were found.", err=True)
        return
    click.echo(f"quoteapi serve: empty index: ingesting {len(paths)} seed articles...", err=True)
    report = index.ingest_paths(paths, progress=False)
    click.echo(
        f"quoteapi serve: stored {report.stored} articles with {report.quotes} quotes.", err=True
    )
    for failure in report.failures:
        click.echo(f"quoteapi serve: {failure.source}: {failure.reason}", err=True)


def run_gunicorn(host: str, port: int, workers: int) -> None:
    """Serve create_app() with gunicorn, configured in code (no config file to ship)."""
    from gunicorn.app.base import BaseApplication

    from ..api import create_app

    class Server(BaseApplication):  # type: ignore[misc]  # gunicorn is untyped
        def load_config(self) -> None:
            options: dict[str, Any] = {
                "bind": f"{host}:{port}",
                "workers": workers,
                "accesslog": "-",
                "timeout": WORKER_TIMEOUT,
            }
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            return create_app()

    Server().run()


@click.command()
@click.option(
    "--dev", is_flag=True, help="Flask's development server (reloads on changes, shows tracebacks)."
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=DEFAULT_PORT, show_default=True)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=lambda: os.cpu_count() or 2,
    show_default="CPU count",
    help="gunicorn worker processes.",
)
def serve(dev: bool, host: str, port: int, workers: int) -> None:
    """Serve the API (docs at /docs). Set QUOTEAPI_API_KEYS=key1,key2 to allow writing."""
    seed_if_empty()
    if dev:
        from ..api import create_app

        create_app().run(host=host, port=port, debug=True)
    else:
        run_gunicorn(host, port, workers)


@click.group()
def openapi() -> None:
    """The OpenAPI document (openapi.yaml)."""


@openapi.command("write")
@click.argument(
    "path", type=click.Path(dir_okay=False, path_type=Path), default=Path("openapi.yaml")
)
def openapi_write(path: Path) -> None:
    """Regenerate the OpenAPI document into PATH (default: ./openapi.yaml)."""
    from ..api.openapi import openapi_yaml

    path.write_text(openapi_yaml(), encoding="utf-8")
    click.echo(f"wrote {path}", err=True)


COMMANDS = [serve, openapi]
