"""`quoteapi watch`: feeds polled for new entries, whose pages are ingested (web/watch.py)."""

import click

from ..config import parse_duration
from ..index import Index
from ..web.fetch import FetchPolicy
from ..web.watch import watch as watch_feeds
from .index import db_option, robots_option


class Duration(click.ParamType):
    name = "duration"

    def convert(self, value: object, param: click.Parameter | None,
                ctx: click.Context | None) -> float:
        if isinstance(value, float):
            return value
        try:
            return parse_duration(str(value))
        except ValueError as error:
            self.fail(str(error), param, ctx)


@click.command()
@click.argument("feeds", nargs=-1, required=True, metavar="FEED_URL...")
@click.option("--every", type=Duration(), default="15m", show_default=True,
              help="How often to poll each feed: 30s, 15m, 1h...")
@click.option("--once", is_flag=True, help="Poll each feed once, then stop.")
@robots_option
@db_option
def watch(feeds: tuple[str, ...], every: float, once: bool, ignore_robots: bool,
          url: str | None) -> None:
    """Poll feeds (RSS, Atom, JSON Feed) and ingest the pages of their new entries, until
    stopped (Ctrl-C).

    Each poll is a conditional GET (ETag, Last-Modified): an unchanged feed costs one request.
    Only entries not handled before are fetched; one that gives no article is listed with the
    reason and not fetched again. Where Celery workers run, their beat schedule polls instead
    (QUOTEAPI_WATCH_FEEDS, QUOTEAPI_WATCH_EVERY; see the README)."""
    policy = FetchPolicy.from_settings(allow_private=True, robots=False if ignore_robots else None)
    index = Index(url)
    echo = lambda line: click.echo(line, err=line.startswith("  "))
    try:
        watch_feeds(index, list(feeds), every, policy, echo, rounds=1 if once else None)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
    finally:
        index.close()


COMMANDS = [watch]
