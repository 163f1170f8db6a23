"""Finding quotes and speakers.

Quotes: full-text terms are stemmed and ranked by the database (SQLite FTS5 with bm25, PostgreSQL
tsvector with ts_rank over a GIN index); filters narrow with AND; "date" order is newest first on
the (speaker_id, published, id) index, so a speaker's newest quotes are an index range scan.
Speakers: by slug, full name, alias or surname, folding case and diacritics; a name that fits
several is Ambiguous (with the candidates), an unknown one NotFound (with the nearest names).
"""

import difflib
import re
from typing import Any

from sqlalchemy import Select, exists, func, literal_column, or_, select, table
from sqlalchemy.orm import Session

from ..errors import Ambiguous, BadInput, NotFound
from ..extract.model import QuoteType
from .db import Alias, Speaker
from .load import (
    APPEARANCES,
    ARTICLES,
    QUOTES,
    SPEAKERS,
    quote_select,
    records_from_rows,
    speaker_record,
    speaker_ref,
)
from .names import clean_name, fold, name_key
from .records import Page, QuoteQuery

MAX_LIMIT = 1000


def search_quotes(session: Session, query: QuoteQuery) -> Page:
    _check_page(query.limit, query.offset)
    dialect = session.get_bind().dialect.name
    terms = _terms(query.q)
    score: Any = None
    ids = select(QUOTES.c.id)  # for the total
    rows = quote_select()  # for the page
    if terms and dialect == "sqlite":
        fts = (
            select(literal_column("rowid").label("id"), literal_column("bm25(quotes_fts)").label("rank"))
            .select_from(table("quotes_fts"))
            .where(literal_column("quotes_fts").op("MATCH")(" ".join(f'"{t}"' for t in terms)))
            .subquery()
        )
        ids, rows = ids.join(fts, fts.c.id == QUOTES.c.id), rows.join(fts, fts.c.id == QUOTES.c.id)
        score = -fts.c.rank  # bm25 is lower for better matches
    elif terms:
        tsquery = func.websearch_to_tsquery("english", query.q)
        matches = literal_column("quotes.tsv").op("@@")(tsquery)
        ids, rows = ids.where(matches), rows.where(matches)
        score = func.ts_rank(literal_column("quotes.tsv"), tsquery)
    ids, rows = _filtered(ids, query), _filtered(rows, query)
    total = _total(session, ids, query, bool(terms))
    if score is not None:
        rows = rows.add_columns(score.label("score"))
    if query.sort == "relevance" and score is not None:
        rows = rows.order_by(literal_column("score").desc(), QUOTES.c.id.desc())
    else:
        newest = QUOTES.c.published.desc()
        rows = rows.order_by(newest.nulls_last() if dialect != "sqlite" else newest, QUOTES.c.id.desc())
    found = session.execute(rows.limit(query.limit).offset(query.offset)).all()
    scores = {row[0]: float(row[-1]) for row in found} if score is not None else None
    return Page(items=records_from_rows(session, found, scores), total=total)


def _terms(q: str | None) -> list[str]:
    """The words of a full-text query; FTS5 operators in user input are neutralised by quoting
    each word."""
    return re.findall(r"\w+", q or "")


def _filtered(stmt: Select, query: QuoteQuery) -> Select:
    if query.sort not in ("date", "relevance"):
        raise BadInput(f'sort must be "date" or "relevance", not "{query.sort}"')
    if query.type is not None and query.type not in {kind.value for kind in QuoteType}:
        raise BadInput(f'type must be one of direct, indirect, mixed, not "{query.type}"')
    q, a = QUOTES.c, APPEARANCES.c
    if query.speaker_id is not None:
        stmt = stmt.where(q.speaker_id == query.speaker_id)
    if query.role:
        stmt = stmt.where(q.role_key == " ".join(fold(query.role).split()))
    if query.type:
        stmt = stmt.where(q.type == query.type)
    if query.date_from:
        stmt = stmt.where(q.published >= query.date_from)
    if query.date_to:
        stmt = stmt.where(q.published <= query.date_to)
    if query.source:
        stmt = stmt.where(exists().where(
            a.quote_id == q.id, a.article_id == ARTICLES.c.id,
            func.lower(ARTICLES.c.source) == query.source.lower(),
        ))
    if query.article_id:
        stmt = stmt.where(exists().where(a.quote_id == q.id, a.article_id == query.article_id))
    return stmt


def _total(session: Session, stmt: Select, query: QuoteQuery, has_terms: bool) -> int:
    only_speaker = (
        query.speaker_id is not None and not has_terms and not query.role and not query.type
        and not query.date_from and not query.date_to and not query.source and not query.article_id
    )
    if only_speaker:  # kept up to date on every write: no count over a large speaker
        count = session.scalar(
            select(SPEAKERS.c.quote_count).where(SPEAKERS.c.id == query.speaker_id))
        return count or 0
    return session.scalar(select(func.count()).select_from(stmt.subquery())) or 0


def _check_page(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_LIMIT:
        raise BadInput(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
    if offset < 0:
        raise BadInput(f"offset must not be negative, not {offset}")


def list_speakers(session: Session, q: str | None, limit: int, offset: int) -> Page:
    """Speakers whose name, alias or slug contains ``q`` (folded), most quoted first."""
    _check_page(limit, offset)
    stmt = select(Speaker)
    key = name_key(q) if q else ""
    if key:
        pattern = f"%{key}%"
        stmt = stmt.where(or_(
            Speaker.key.like(pattern), Speaker.slug.like(f"%{key.replace(' ', '-')}%"),
            exists().where(Alias.speaker_id == Speaker.id, Alias.key.like(pattern)),
        ))
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.scalars(
        stmt.order_by(Speaker.quote_count.desc(), Speaker.name, Speaker.id).limit(limit).offset(offset)
    )
    return Page(items=[speaker_record(session, speaker) for speaker in rows], total=total)


def find_speaker(session: Session, name: str) -> Speaker:
    """The one speaker ``name`` (slug, full name, alias or surname) means."""
    raw = " ".join(name.split())
    if not raw:
        raise BadInput("a speaker name is needed")
    by_slug = session.scalars(select(Speaker).where(Speaker.slug == raw.lower())).first()
    if by_slug is not None:
        return by_slug
    clean = clean_name(raw) or clean_name(raw, organisation=True) or raw
    key = name_key(clean) or name_key(raw.replace("-", " "))
    fits = _fitting(session, key)
    if len(fits) == 1:
        return fits[0]
    if fits:
        names = ", ".join(f"{s.name} ({s.slug})" for s in fits[:10])
        raise Ambiguous(
            f'"{name}" fits {len(fits)} speakers: {names}; ask for one by its slug',
            candidates=[speaker_ref(s) for s in fits],
        )
    nearest = _nearest(session, key)
    hint = f"; nearest: {', '.join(f'{s.name} ({s.slug})' for s in nearest)}" if nearest else ""
    raise NotFound(f'no speaker "{name}"{hint}', nearest=[speaker_ref(s) for s in nearest])


def _fitting(session: Session, key: str) -> list[Speaker]:
    """Speakers named ``key`` or with it as an alias; for one word, also those with it as
    their surname."""
    if not key:
        return []
    conditions = [Speaker.key == key, exists().where(Alias.speaker_id == Speaker.id, Alias.key == key)]
    if " " not in key:
        conditions.append((Speaker.surname == key) & (Speaker.kind != "organisation"))
    return list(session.scalars(select(Speaker).where(or_(*conditions)).order_by(
        Speaker.quote_count.desc(), Speaker.id)))


def _nearest(session: Session, key: str, n: int = 5) -> list[Speaker]:
    """Up to ``n`` speakers whose names look most like ``key`` (difflib ratio >= 0.6), looked
    for among names sharing a first letter and the most quoted."""
    if not key:
        return []
    heads = {word[0] for word in key.split()}
    pool = list(session.scalars(select(Speaker).where(or_(
        *[Speaker.key.like(f"{h}%") for h in heads], *[Speaker.surname.like(f"{h}%") for h in heads]
    )).order_by(Speaker.quote_count.desc()).limit(2000)))
    pool += list(session.scalars(select(Speaker).order_by(Speaker.quote_count.desc()).limit(500)))
    unique = {speaker.id: speaker for speaker in pool}.values()

    def likeness(speaker: Speaker) -> float:
        return max(difflib.SequenceMatcher(None, key, text).ratio()
                   for text in (speaker.key, speaker.surname) if text)

    ranked = sorted(((likeness(s), s.id, s) for s in unique), key=lambda t: (-t[0], t[1]))
    return [speaker for score, _, speaker in ranked if score >= 0.6][:n]
