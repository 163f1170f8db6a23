"""The index's public face: ``Index``. The CLI and the API use only this (and records.py).

CONTRACT (the store helper implements it; the API helper codes against it):

    index = Index(url=None)              # url None -> settings().database_url; creates/migrates schema
    index.ingest(article: ArticleIn, quotes: list[Quote] | None = None) -> IngestResult
        # extracts when quotes is None; all-or-nothing; idempotent on the same text
    index.ingest_paths(paths, progress=True) -> BatchReport     # CLI `quoteapi ingest`
    index.ingest_items(items, progress=True) -> BatchReport     # articles read elsewhere (web/)
    index.ingest_item(item) -> (IngestResult | None, error | None)  # one of them
    index.delete_article(article_id) -> None                    # raises NotFound
    index.article(article_id) -> ArticleRecord                  # raises NotFound; with its quotes
    index.speakers(q: str | None, limit, offset) -> Page[SpeakerRecord]
    index.speaker(name: str) -> SpeakerRecord
        # name: slug, full name, alias or surname, case/diacritics folded;
        # raises Ambiguous(extra={"candidates": [SpeakerRef...]}) or NotFound(extra={"nearest": [SpeakerRef...]})
    index.quotes(query: QuoteQuery) -> Page[QuoteRecord]
    index.quote(quote_id: int) -> QuoteRecord                   # raises NotFound
    index.changes() -> Hashable    # differs after any writer's commit (changes.py)
    index.is_empty() -> bool
    index.health() -> dict                                      # {"database": "ok", "quotes": n, ...}
    index.create_batch(queue) -> str
    index.add_batch_item(batch_id, number, source, status, error, payload)
    index.seal_batch(batch_id); index.finish_batch_item(batch_id, number, result=|error=)
    index.batch(batch_id) -> BatchRecord                        # raises NotFound
    index.batch_item_queued(batch_id, number) -> bool
    index.quiet_batch_items(queues, since) -> [(batch id, number, queue, payload)]
    index.claim_resend(batch_id, number, since) -> bool         # redelivery.py
        # batches sent to Celery workers (dispatch.py, tasks.py; index/batches.py)
    index.feed(url) -> FeedState | None; index.unseen_entries(url, keys) -> set[str]
    index.record_entry(url, EntryOutcome); index.record_poll(url, title, etag, last_modified)
        # the feeds `quoteapi watch` polls (web/watch.py)

Also: ``index.url`` and ``index.close()`` (disposes the engines).
"""

import dataclasses
import hashlib
import threading
import time
from collections.abc import Callable, Hashable, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from tqdm import tqdm

from ..config import settings
from ..errors import BadInput, ModelMissing, NotFound, QuoteapiError
from ..extract.model import Quote as ExtractedQuote
from .articles import detach_article, refresh_speakers, write_article
from . import batches
from .changes import ChangeMarker
from .db import Appearance, Article, Quote, Speaker, make_engine, upgrade
from .feeds import feed_state, record_entry, record_poll, unseen
from .identity import article_id as identify
from .ingest import Item, check_text, expand, parse_dateline, read_file
from .load import article_record, quote_records, speaker_record
from .records import (
    ArticleIn,
    ArticleRecord,
    BatchRecord,
    BatchReport,
    EntryOutcome,
    Failure,
    FeedState,
    IngestResult,
    Page,
    QuoteQuery,
    QuoteRecord,
    SpeakerRecord,
)
from .search import NameChoices, find_speaker, list_speakers, search_quotes

T = TypeVar("T")
WRITE_ATTEMPTS = 3  # two writers creating the same speaker at once: the loser retries


class Index:
    """Articles, speakers and quotes in one database (SQLite file or PostgreSQL)."""

    def __init__(self, url: str | None = None) -> None:
        self.url = url or settings().database_url
        self._engine = make_engine(self.url)
        self._writer = make_engine(self.url, writer=True)
        upgrade(self._writer)
        self._reading = sessionmaker(self._engine, expire_on_commit=False)
        self._writing = sessionmaker(self._writer, expire_on_commit=False)
        self._marker = ChangeMarker(self._engine)
        self._names: tuple[Hashable, NameChoices] | None = None  # with the marker it was read at
        self._names_lock = threading.Lock()

    def close(self) -> None:
        self._marker.close()
        self._engine.dispose()
        self._writer.dispose()

    def changes(self) -> Hashable:
        """A value that differs after any writer (any process) commits to this database."""
        return self._marker.current()

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with self._reading() as session:
            yield session

    def _write(self, work: Callable[[Session], T]) -> T:
        """Run ``work`` in one transaction: committed whole or not at all."""
        for attempt in range(WRITE_ATTEMPTS):
            try:
                with self._writing.begin() as session:
                    return work(session)
            except (IntegrityError, DBAPIError) as error:
                if attempt == WRITE_ATTEMPTS - 1 or not _retryable(error):
                    raise
                time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")

    # ---- writing -------------------------------------------------------------------------

    def ingest(
        self, article: ArticleIn, quotes: list[ExtractedQuote] | None = None,
        extract: Callable[[str], list[ExtractedQuote]] | None = None,
    ) -> IngestResult:
        """Store ``article`` with ``quotes`` (extracted from its text by ``extract``, default in
        this process, when None and the text is not stored yet)."""
        check_text(article.text, settings().max_article_bytes)
        if article.id is not None and not 1 <= len(article.id) <= 200:
            raise BadInput("an article id has 1 to 200 characters")
        published = article.published or parse_dateline(article.text)
        content_hash = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
        with self._read() as session:
            article_id = identify(session, article, content_hash)
            stored = session.get(Article, article_id)
            if stored is not None and stored.content_hash == content_hash:
                return IngestResult(article_id, False, False, _carried(session, article_id))
        if quotes is None:
            quotes = (extract or _extract)(article.text)
        _check_offsets(quotes, len(article.text))
        complete = dataclasses.replace(article, id=article_id, published=published)
        outcome = self._write(
            lambda session: write_article(session, complete, article_id, content_hash, quotes)
        )
        return IngestResult(article_id, outcome == "created", outcome == "replaced", len(quotes))

    def ingest_paths(self, paths: Iterable[str | Path], progress: bool = True) -> BatchReport:
        """Ingest files and folders; a failing article is reported and the batch goes on."""
        limit = settings().max_article_bytes
        items = (item for path, in_folder in expand(paths)
                 for item in read_file(path, limit, in_folder))
        return self.ingest_items(items, progress)

    def ingest_items(self, items: Iterable[Item], progress: bool = True) -> BatchReport:
        """Ingest articles as they are read (``items``: from files, pages or feeds); a failing
        article is reported and the batch goes on."""
        counts = {"created": 0, "replaced": 0, "unchanged": 0, "quotes": 0}
        failures: list[Failure] = []
        skipped: list[Failure] = []
        with tqdm(items, unit="article", disable=not progress, desc="ingest") as bar:
            for item in bar:
                if item.skipped:
                    skipped.append(Failure(item.source, item.skipped))
                    continue
                result, error = self.ingest_item(item)
                if result is None:
                    failures.append(Failure(item.source, error or "unreadable"))
                else:
                    outcome = "created" if result.created else (
                        "replaced" if result.replaced else "unchanged")
                    counts[outcome] += 1
                    counts["quotes"] += result.quote_count if outcome != "unchanged" else 0
                bar.set_postfix(quotes=counts["quotes"], failed=len(failures))
        return BatchReport(failures=failures, skipped=skipped, **counts)

    def ingest_item(self, item: Item) -> tuple[IngestResult | None, str | None]:
        """Ingest one article read elsewhere: its result, or (None, why it failed)."""
        if item.article is None:
            return None, item.error or "unreadable"
        try:
            return self.ingest(item.article), None
        except QuoteapiError as error:
            return None, error.message
        except Exception as error:  # noqa: BLE001 - one article's bug: report, go on
            return None, f"{type(error).__name__}: {error}"

    def delete_article(self, article_id: str) -> None:
        def delete(session: Session) -> None:
            article = session.get(Article, article_id)
            if article is None:
                raise NotFound(f'no article "{article_id}"')
            touched = detach_article(session, article_id)
            session.delete(session.get(Article, article_id))
            session.flush()
            refresh_speakers(session, touched)

        self._write(delete)

    def record_entry(self, feed_url: str, outcome: EntryOutcome) -> None:
        """Note a feed's entry as handled (web/watch.py): it is not fetched again."""
        self._write(lambda session: record_entry(session, feed_url, outcome))

    def record_poll(self, feed_url: str, title: str | None, etag: str | None,
                    last_modified: str | None) -> None:
        """Note a poll of a feed, with the validators for its next conditional GET."""
        self._write(lambda session: record_poll(session, feed_url, title, etag, last_modified))

    def create_batch(self, queue: str | None = None) -> str:
        """A new, empty batch of articles for the workers on ``queue``: its id."""
        return self._write(lambda session: batches.create_batch(session, queue))

    def add_batch_item(self, batch_id: str, number: int, source: str,
                       status: str = batches.QUEUED, error: str | None = None,
                       payload: str | None = None) -> None:
        self._write(lambda session: batches.add_item(session, batch_id, number, source, status,
                                                     error, payload))

    def seal_batch(self, batch_id: str) -> None:
        """Every item of the batch is sent."""
        self._write(lambda session: batches.seal(session, batch_id))

    def finish_batch_item(self, batch_id: str, number: int, result: IngestResult | None = None,
                          error: str | None = None) -> None:
        """A worker's outcome for one item: its ``result``, or the ``error`` why it failed."""
        self._write(lambda session: batches.finish_item(session, batch_id, number, result, error))

    def claim_resend(self, batch_id: str, number: int, since: datetime) -> bool:
        """Mark a queued item last sent before ``since`` as sent again: True for one caller."""
        return self._write(lambda session: batches.claim_resend(session, batch_id, number, since))

    # ---- reading -------------------------------------------------------------------------

    def batch(self, batch_id: str) -> BatchRecord:
        with self._read() as session:
            return batches.batch_record(session, batch_id)

    def batch_item_queued(self, batch_id: str, number: int) -> bool:
        """Whether the item still waits for a worker's outcome."""
        with self._read() as session:
            return batches.is_queued(session, batch_id, number)

    def quiet_batch_items(self, queues: list[str], since: datetime,
                          limit: int = 1000) -> list[tuple[str, int, str, str]]:
        """Queued items (batch id, number, queue, payload) of batches on ``queues`` where
        nothing was sent or finished since ``since``."""
        with self._read() as session:
            return batches.quiet_items(session, queues, since, limit)

    def feed(self, url: str) -> FeedState | None:
        with self._read() as session:
            return feed_state(session, url)

    def unseen_entries(self, feed_url: str, keys: Iterable[str]) -> set[str]:
        """The entry keys of ``keys`` the feed has not handled yet."""
        with self._read() as session:
            return unseen(session, feed_url, keys)

    def article(self, article_id: str) -> ArticleRecord:
        with self._read() as session:
            article = session.get(Article, article_id)
            if article is None:
                raise NotFound(f'no article "{article_id}"')
            return article_record(session, article)

    def speakers(
        self, q: str | None = None, limit: int = 20, offset: int = 0,
        after: tuple[int, int] | None = None,
    ) -> Page:
        """``after``: (quote_count, id) of the speaker to continue after (keyset pagination)."""
        with self._read() as session:
            return list_speakers(session, q, limit, offset, after)

    def speaker(self, name: str) -> SpeakerRecord:
        with self._read() as session:
            return speaker_record(session, find_speaker(session, name, self._nearest))

    def _nearest(self, key: str) -> list[int]:
        """Ids of speakers named like ``key``; the names are read again after a change only."""
        marker = self.changes()
        with self._names_lock:
            if self._names is None or self._names[0] != marker:
                with self._read() as session:
                    self._names = (marker, NameChoices.load(session))
            choices = self._names[1]
        return choices.nearest(key)

    def quotes(self, query: QuoteQuery) -> Page:
        with self._read() as session:
            return search_quotes(session, query)

    def quote(self, quote_id: int) -> QuoteRecord:
        with self._read() as session:
            found = quote_records(session, [quote_id])
            if not found:
                raise NotFound(f"no quote {quote_id}")
            return found[0]

    def is_empty(self) -> bool:
        with self._read() as session:
            return session.scalar(select(Article.id).limit(1)) is None

    def health(self) -> dict:
        with self._read() as session:
            count = lambda model: session.scalar(select(func.count()).select_from(model))
            return {
                "database": "ok",
                "backend": self._engine.dialect.name,
                "articles": count(Article),
                "speakers": count(Speaker),
                "quotes": count(Quote),
            }


def _carried(session: Session, article_id: str) -> int:
    return session.scalar(
        select(func.count()).select_from(Appearance).where(Appearance.article_id == article_id)
    ) or 0


def _extract(text: str) -> list[ExtractedQuote]:
    try:
        from ..extract import extract_text  # type: ignore[attr-defined]
    except ImportError as error:
        raise ModelMissing(f"quote extraction is not available ({error}); run `make setup`") from None
    return list(extract_text(text))


def _check_offsets(quotes: list[ExtractedQuote], length: int) -> None:
    for quote in quotes:
        spans = list(quote.spans) + ([(quote.cue.start, quote.cue.end)] if quote.cue else [])
        if not spans or any(not 0 <= start <= end <= length for start, end in spans):
            raise BadInput(f"quote {quote.text[:40]!r} has offsets outside the article text")


def _retryable(error: Exception) -> bool:
    """A unique-key race or a lock/serialisation failure, which a retry resolves."""
    text = str(getattr(error, "orig", error)).lower()
    return isinstance(error, IntegrityError) or "locked" in text or "deadlock" in text \
        or "could not serialize" in text
