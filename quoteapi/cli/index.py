"""`quoteapi ingest`, `quoteapi batch`, `quoteapi speakers`, `quoteapi quotes`: the index on the
command line.

Each mirrors an ``Index`` method (ingest_paths, batch, speaker/speakers, quotes); ``--db URL``
overrides QUOTEAPI_DATABASE_URL; ``--json`` prints records as JSON (dates as YYYY-MM-DD).
"""

import dataclasses
import json
import sys
from datetime import date, datetime
from typing import Any

import click

from ..config import settings
from ..dispatch import send_batch, wait_for_batch
from ..errors import NotFound
from ..index import BatchReport, Index, QuoteQuery
from ..index.records import Page, QuoteRecord, SpeakerRecord
from ..web.fetch import Fetcher, FetchPolicy
from ..web.sources import read_sources

db_option = click.option("--db", "url", metavar="URL", help="Database URL (default: QUOTEAPI_DATABASE_URL or the SQLite file).")
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON.")
Date = click.DateTime(formats=["%Y-%m-%d"])
robots_option = click.option(
    "--ignore-robots", is_flag=True,
    help="Fetch pages whatever the sites' robots.txt say (as QUOTEAPI_FETCH_ROBOTS=0).")


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--progress/--no-progress", default=True, help="Show a progress bar (on stderr).")
@click.option("--queue", "queued", is_flag=True,
              help="Send one task per article to the Celery workers (`quoteapi worker`, "
                   "QUOTEAPI_BROKER_URL, QUOTEAPI_QUEUE) instead of ingesting here.")
@click.option("--no-wait", is_flag=True,
              help="With --queue: print the batch id and return; `quoteapi batch ID` follows it.")
@robots_option
@db_option
def ingest(paths: tuple[str, ...], progress: bool, queued: bool, no_wait: bool,
           ignore_robots: bool, url: str | None) -> None:
    """Store articles with their quotes: text files, JSON, JSON Lines, HTML pages, folders of
    them, http(s) URLs of pages, and feeds (RSS, Atom, JSON Feed; files or URLs), whose entries'
    pages are fetched.

    A leading `date YYYY-MM-DD` line gives a text file's publication date. The same text, URL or
    canonical URL again changes nothing; a changed text or page replaces that article's quotes.
    Articles that fail are listed with the reason and the rest go on; the exit status is 1 when
    any failed. With --queue the workers extract and store, each into its own
    QUOTEAPI_DATABASE_URL (which --db must name too: the batch is recorded there)."""
    if no_wait and not queued:
        raise click.UsageError("--no-wait goes with --queue")
    policy = FetchPolicy.from_settings(allow_private=True, robots=False if ignore_robots else None)
    index = Index(url)
    with Fetcher(policy) as fetcher:
        items = read_sources(paths, fetcher, settings().fetch_max_bytes)
        if not queued:
            report = index.ingest_items(items, progress=progress)
        else:
            batch_id = send_batch(index, items)
            if no_wait:
                click.echo(batch_id)
                return
            click.echo(f"batch {batch_id}", err=True)
            report = wait_for_batch(index, batch_id, progress).report()
    _echo_report(report)


@click.command()
@click.argument("batch_id")
@db_option
def batch(batch_id: str, url: str | None) -> None:
    """Progress and failures of a batch sent by `quoteapi ingest --queue --no-wait`; the exit
    status is 1 when any article failed."""
    record = Index(url).batch(batch_id)
    state = "done" if record.done else ("sending" if not record.sealed else "in progress")
    resent = f", {record.resent} sent again (lost by the broker)" if record.resent else ""
    click.echo(f"batch {record.id} ({record.created_at:%Y-%m-%d %H:%M} UTC): {state}, "
               f"{record.total - record.queued}/{record.total} done, {record.queued} queued"
               f"{resent}")
    _echo_report(record.report())


def _echo_report(report: BatchReport) -> None:
    """The local ingest's summary and failures, and exit status 1 on any failure."""
    click.echo(
        f"{report.stored} articles: {report.created} new, {report.replaced} replaced, "
        f"{report.unchanged} unchanged; {report.quotes} quotes stored; "
        f"{len(report.failures)} failed, {len(report.skipped)} skipped"
    )
    for skip in report.skipped:
        click.echo(f"  skipped {skip.source}: {skip.reason}", err=True)
    for failure in report.failures:
        click.echo(f"  {failure.source}: {failure.reason}", err=True)
    if report.failures:
        sys.exit(1)


@click.command()
@click.argument("query", required=False)
@click.option("--limit", default=20, show_default=True)
@json_option
@db_option
def speakers(query: str | None, limit: int, as_json: bool, url: str | None) -> None:
    """The speaker QUERY names (slug, full name, alias or surname), or speakers whose names
    contain it, or (without QUERY) the most quoted speakers."""
    index = Index(url)
    if query is None:
        page = index.speakers(None, limit=limit)
    else:
        try:
            page = Page(items=[index.speaker(query)], total=1)
        except NotFound:
            page = index.speakers(query, limit=limit)
            if not page.items:
                raise
    if as_json:
        _echo_json(page)
        return
    for speaker in page.items:
        click.echo(_speaker_line(speaker))


@click.command()
@click.argument("query", required=False)
@click.option("--speaker", help="Slug, name, alias or surname of the speaker.")
@click.option("--role")
@click.option("--type", "quote_type", type=click.Choice(["direct", "indirect", "mixed"]))
@click.option("--from", "date_from", type=Date, help="Earliest date, YYYY-MM-DD.")
@click.option("--to", "date_to", type=Date, help="Latest date, YYYY-MM-DD.")
@click.option("--source", help="Publisher.")
@click.option("--article", "article_id", help="Article id.")
@click.option("--sort", type=click.Choice(["date", "relevance"]), default=None,
              help="Default: relevance with QUERY, else date (newest first).")
@click.option("--limit", default=20, show_default=True)
@click.option("--offset", default=0)
@json_option
@db_option
def quotes(query: str | None, speaker: str | None, role: str | None, quote_type: str | None,
           date_from: datetime | None, date_to: datetime | None, source: str | None,
           article_id: str | None, sort: str | None, limit: int, offset: int, as_json: bool,
           url: str | None) -> None:
    """Quotes matching the full-text QUERY (stemmed, ranked) and the filters."""
    index = Index(url)
    speaker_id = index.speaker(speaker).id if speaker else None
    page = index.quotes(QuoteQuery(
        q=query, speaker_id=speaker_id, role=role, type=quote_type,
        date_from=date_from.date() if date_from else None,
        date_to=date_to.date() if date_to else None, source=source, article_id=article_id,
        sort=sort or ("relevance" if query else "date"), limit=limit, offset=offset,
    ))
    if as_json:
        _echo_json(page)
        return
    click.echo(_count(page.total, "quote"))
    for quote in page.items:
        click.echo(_quote_line(quote))


def _speaker_line(speaker: SpeakerRecord) -> str:
    roles = "; ".join(
        f"{role.role} ({_day(role.first_seen)}..{_day(role.last_seen)}, "
        f"{_count(len(role.article_ids), 'article')})" for role in speaker.roles
    )
    aliases = f" aka {', '.join(speaker.aliases)}" if speaker.aliases else ""
    return (f"{speaker.name} [{speaker.slug}] {speaker.kind.value}, {_count(speaker.quote_count, 'quote')}"
            f"{aliases}{'; ' + roles if roles else ''}")


def _quote_line(quote: QuoteRecord) -> str:
    who = quote.speaker.name if quote.speaker else "(unattributed)"
    role = f", {quote.role}" if quote.role else ""
    carried = ", ".join(a.article_id for a in quote.appearances)
    first = quote.appearances[0].published if quote.appearances else None
    return f"#{quote.id} {_day(first)} {who}{role}: \u201c{quote.text}\u201d [{carried}]"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _day(day: date | None) -> str:
    return day.isoformat() if day else "?"


def _echo_json(page: Page) -> None:
    data = {"total": page.total, "items": [dataclasses.asdict(item) for item in page.items]}
    click.echo(json.dumps(data, default=_json_default, ensure_ascii=False, indent=2))


def _json_default(value: Any) -> str:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


COMMANDS = [ingest, batch, speakers, quotes]
