"""Rows -> records (records.py): what the CLI and the API get back. Article texts are loaded
only for ``article_record``; everywhere else an article is its id and metadata."""

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import Session

from ..extract.model import QuoteType, SpeakerKind
from .db import Alias, Appearance, Article, Quote, Role, RoleArticle, Speaker
from .records import Appearance as AppearanceRecord
from .records import ArticleRecord, QuoteRecord, RoleRecord, SpeakerRecord, SpeakerRef


def speaker_ref(speaker: Speaker) -> SpeakerRef:
    return SpeakerRef(id=speaker.id, name=speaker.name, slug=speaker.slug)


# Core tables, not ORM entities, on the hot path (listing quotes): no ORM layer per statement
QUOTES, SPEAKERS = Quote.__table__, Speaker.__table__
APPEARANCES, ARTICLES = Appearance.__table__, Article.__table__
QUOTE_COLUMNS = (QUOTES.c.id, QUOTES.c.text, QUOTES.c.type, QUOTES.c.role, QUOTES.c.confidence,
                 SPEAKERS.c.id.label("speaker_id"), SPEAKERS.c.name, SPEAKERS.c.slug)


# built once: statements are immutable, and building one costs more than running it here
_QUOTE_SELECT = select(*QUOTE_COLUMNS).select_from(
    QUOTES.outerjoin(SPEAKERS, SPEAKERS.c.id == QUOTES.c.speaker_id))
_APPEARANCE_SELECT = (
    select(APPEARANCES.c.quote_id, APPEARANCES.c.article_id, ARTICLES.c.title, ARTICLES.c.url,
           ARTICLES.c.source, ARTICLES.c.published, APPEARANCES.c.spans, APPEARANCES.c.cue,
           APPEARANCES.c.cue_start, APPEARANCES.c.cue_end, APPEARANCES.c.mention)
    .select_from(APPEARANCES.join(ARTICLES, ARTICLES.c.id == APPEARANCES.c.article_id))
    # one "expanding" parameter for the ids: no per-request building of IN (...) literals
    .where(APPEARANCES.c.quote_id.in_(bindparam("ids", expanding=True)))
    .order_by(ARTICLES.c.published.is_(None), ARTICLES.c.published, APPEARANCES.c.article_id)
)


def quote_select() -> Select:
    """The columns ``records_from_rows`` takes, from quotes and their speakers."""
    return _QUOTE_SELECT


def quote_records(
    session: Session, ids: list[int], scores: dict[int, float] | None = None
) -> list[QuoteRecord]:
    """The quotes ``ids``, in that order, each with every article that carries it."""
    if not ids:
        return []
    rows = session.execute(quote_select().where(QUOTES.c.id.in_(ids))).all()
    order = {quote_id: n for n, quote_id in enumerate(ids)}
    rows.sort(key=lambda row: order[row[0]])
    return records_from_rows(session, rows, scores)


def records_from_rows(
    session: Session, rows: Sequence[Any], scores: dict[int, float] | None = None
) -> list[QuoteRecord]:
    """Records for rows of ``quote_select()`` (in their order), with their appearances."""
    appearances = _appearances(session, [row[0] for row in rows]) if rows else {}
    return [
        QuoteRecord(
            id=quote_id, text=text, type=QuoteType(kind),
            speaker=SpeakerRef(speaker_id, name, slug) if speaker_id is not None else None,
            role=role, confidence=confidence,
            appearances=appearances.get(quote_id, []),
            score=(scores or {}).get(quote_id),
        )
        for quote_id, text, kind, role, confidence, speaker_id, name, slug, *_ in rows
    ]


def _appearances(session: Session, ids: list[int]) -> dict[int, list[AppearanceRecord]]:
    rows = session.execute(_APPEARANCE_SELECT, {"ids": ids}).all()
    found: dict[int, list[AppearanceRecord]] = defaultdict(list)
    for quote_id, article_id, title, url, source, published, spans, *cue in rows:
        found[quote_id].append(AppearanceRecord(
            article_id=article_id, title=title, url=url, source=source, published=published,
            spans=[(start, end) for start, end in spans], cue=cue[0], cue_start=cue[1],
            cue_end=cue[2], mention=cue[3],
        ))
    return found


def speaker_record(session: Session, speaker: Speaker) -> SpeakerRecord:
    aliases = session.scalars(
        select(Alias.name).where(Alias.speaker_id == speaker.id).order_by(Alias.name)
    )
    roles = session.scalars(
        select(Role).where(Role.speaker_id == speaker.id).order_by(Role.first_seen, Role.id)
    ).all()
    articles: dict[int, list[str]] = defaultdict(list)
    for role_id, article_id in session.execute(
        select(RoleArticle.role_id, RoleArticle.article_id)
        .where(RoleArticle.role_id.in_([role.id for role in roles]))
        .order_by(RoleArticle.article_id)
    ):
        articles[role_id].append(article_id)
    return SpeakerRecord(
        id=speaker.id, name=speaker.name, slug=speaker.slug, kind=SpeakerKind(speaker.kind),
        aliases=list(aliases),
        roles=[RoleRecord(role.role, role.first_seen, role.last_seen, articles[role.id])
               for role in roles],
        quote_count=speaker.quote_count, first_quoted=speaker.first_quoted,
        last_quoted=speaker.last_quoted,
    )


def article_record(session: Session, article: Article) -> ArticleRecord:
    """The article with its text and the quotes it carries, in text order."""
    carried = session.execute(
        select(Appearance.quote_id, Appearance.spans).where(Appearance.article_id == article.id)
    ).all()
    ids = [quote_id for quote_id, spans in sorted(carried, key=lambda row: row[1][0][0])]
    return ArticleRecord(
        id=article.id, title=article.title, url=article.url, canonical_url=article.canonical_url,
        source=article.source, author=article.author, published=article.published, content_hash=article.content_hash, text=article.text,
        ingested_at=article.ingested_at, quotes=quote_records(session, ids),
    )
