"""What the index takes in and gives back: plain dataclasses, shared by the CLI and the API.

The API turns these into JSON with its marshmallow schemas; nothing here knows about HTTP.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from ..extract.model import QuoteType, SpeakerKind


@dataclass(frozen=True)
class ArticleIn:
    """An article to ingest. Without an ``id``, an article with a URL is the one stored under
    that URL or canonical URL (the same page read again), or a new one named by a hash of it;
    an article without a URL is named by a hash of its text."""

    text: str
    id: str | None = None
    title: str | None = None
    url: str | None = None  # where it was read (a page's address after redirects)
    source: str | None = None  # publisher: a web page's site name
    published: date | None = None
    canonical_url: str | None = None  # the address the page gives as its own (rel=canonical)
    author: str | None = None


@dataclass(frozen=True)
class IngestResult:
    article_id: str
    created: bool  # False when the same text was already stored (idempotent)
    replaced: bool  # True when the article existed with another text and its quotes were replaced
    quote_count: int


@dataclass(frozen=True)
class Failure:
    """An article that could not be stored, and why: ``source`` names the file (and line)."""

    source: str
    reason: str


@dataclass(frozen=True)
class BatchReport:
    """What ``Index.ingest_paths`` did: counts of articles by outcome, and every failure."""

    created: int
    replaced: int
    unchanged: int
    quotes: int  # quotes found in the created and replaced articles
    failures: list[Failure]
    skipped: list[Failure] = field(default_factory=list)  # files in folders that hold no article

    @property
    def stored(self) -> int:
        return self.created + self.replaced + self.unchanged


@dataclass(frozen=True)
class BatchRecord:
    """A batch sent to the workers (index/batches.py): items by status ("queued", "created",
    "replaced", "unchanged", "failed", "skipped"), quotes stored, and each failure."""

    id: str
    created_at: datetime
    sealed: bool  # every item sent: ``total`` is final
    total: int
    counts: dict[str, int]
    quotes: int
    failures: list[Failure]
    skipped: list[Failure]
    resent: int = 0  # messages sent again because the broker had lost them (redelivery.py)

    @property
    def queued(self) -> int:
        return self.counts.get("queued", 0)

    @property
    def done(self) -> bool:
        return self.sealed and self.queued == 0

    def report(self) -> BatchReport:
        """The batch as far as it went, as the local ingest reports one."""
        return BatchReport(
            created=self.counts.get("created", 0), replaced=self.counts.get("replaced", 0),
            unchanged=self.counts.get("unchanged", 0), quotes=self.quotes,
            failures=self.failures, skipped=self.skipped,
        )


@dataclass(frozen=True)
class FeedState:
    """A polled feed: its title and the validators of its last full answer."""

    url: str
    title: str | None
    etag: str | None
    last_modified: str | None
    checked_at: datetime | None


@dataclass(frozen=True)
class EntryOutcome:
    """A feed entry handled: ``key`` (entry id and date, hashed), its page's ``link``, and the
    article it gave or the ``error`` why none."""

    key: str
    link: str
    article_id: str | None = None
    error: str | None = None


@dataclass(frozen=True)
class RoleRecord:
    role: str
    first_seen: date | None
    last_seen: date | None
    article_ids: list[str]


@dataclass(frozen=True)
class SpeakerRecord:
    id: int
    name: str
    slug: str
    kind: SpeakerKind
    aliases: list[str]
    roles: list[RoleRecord]
    quote_count: int
    first_quoted: date | None
    last_quoted: date | None


@dataclass(frozen=True)
class SpeakerRef:
    id: int
    name: str
    slug: str


@dataclass(frozen=True)
class Appearance:
    """One article carrying a quote, with that article's offsets and cue."""

    article_id: str
    title: str | None
    url: str | None
    source: str | None
    published: date | None
    spans: list[tuple[int, int]]
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    mention: str | None


@dataclass(frozen=True)
class QuoteRecord:
    id: int
    text: str
    type: QuoteType
    speaker: SpeakerRef | None
    role: str | None
    confidence: float
    appearances: list[Appearance]
    score: float | None = None  # relevance, when the query had full-text terms


@dataclass(frozen=True)
class ArticleRecord:
    id: str
    title: str | None
    url: str | None
    canonical_url: str | None
    source: str | None
    author: str | None
    published: date | None
    content_hash: str
    text: str
    ingested_at: datetime
    quotes: list[QuoteRecord] = field(default_factory=list)


@dataclass(frozen=True)
class QuoteQuery:
    """Filters for quote search; all optional and combined with AND."""

    q: str | None = None  # full-text terms (stemmed, ranked)
    speaker_id: int | None = None
    role: str | None = None
    type: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    source: str | None = None
    article_id: str | None = None
    sort: str = "date"  # "date" (newest first) or "relevance" (needs q)
    limit: int = 20
    offset: int = 0
    # "date" order only: continue after the quote with this (published, id) (keyset pagination)
    after: tuple[date | None, int] | None = None


@dataclass(frozen=True)
class Page:
    items: list
    total: int
    total_capped: bool = False  # True: there are more than ``total`` (counting stopped there)
    reachable: int | None = None  # how many items pages can reach (relevance ranks a pool)
