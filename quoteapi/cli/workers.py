"""`quoteapi worker`: a Celery worker (tasks.py) with quoteapi's settings, for
`quoteapi ingest --queue`.

The broker is QUOTEAPI_BROKER_URL (Redis or RabbitMQ), the database QUOTEAPI_DATABASE_URL, the
queue QUOTEAPI_QUEUE; one process per core (--concurrency) extracts and stores one article at a
time.
"""

import os

import click

from ..config import settings


@click.command()
@click.option("--concurrency", "-c", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: one per core).")
@click.option("--queues", "-Q", default=None,
              help="Comma-separated queues to consume (default: QUOTEAPI_QUEUE, 'quoteapi').")
@click.option("--hostname", "-n", default=None, help="Node name (default: quoteapi@HOST).")
@click.option("--loglevel", "-l", default="INFO", show_default=True,
              type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"], case_sensitive=False))
def worker(concurrency: int | None, queues: str | None, hostname: str | None,
           loglevel: str) -> None:
    """Run a worker: it takes articles from the queue, extracts their quotes and stores them
    into QUOTEAPI_DATABASE_URL, until stopped (Ctrl-C finishes the articles in hand; anything
    unfinished goes back to the broker)."""
    from ..tasks import app  # the Celery app reads the settings when imported

    argv = ["worker", "--queues", queues or settings().queue, "--loglevel", loglevel.upper(),
            "--concurrency", str(concurrency or os.cpu_count() or 1),
            "--hostname", hostname or "quoteapi@%h", "--without-gossip", "--without-mingle"]
    app.worker_main(argv)


COMMANDS = [worker]
