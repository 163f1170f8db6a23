"""Finding quotes and speakers, each request bounded in cost.

Quotes: full-text terms are stemmed and ranked by the database (SQLite FTS5 with bm25, PostgreSQL
tsvector with ts_rank over a GIN index); filters narrow with AND; "date" order is newest first on
the (speaker_id, published, id) index, so a speaker's newest quotes are an index range scan, and
``QuoteQuery.after`` continues from a (published, id) key (keyset pagination) instead of counting
past an offset. Totals are counted up to TOTAL_CAP matches and say so when there are more.
Speakers: by slug (or a previous slug), full name, alias or surname, folding case and diacritics;
a name that fits several is Ambiguous (with the candidates), an unknown one NotFound with the
nearest names (rapidfuzz over the names, loaded once per change of the index).
"""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import (
    Select,
    and_,
    exists,
    false,
    func,
    literal_column,
    or_,
    select,
    table,
    true,
    tuple_,
)
from sqlalchemy.orm import Session

from ..errors import Ambiguous, BadInput, NotFound
from ..extract.model import QuoteType
from .db import Alias, PreviousSlug, Speaker
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
RANK_POOL = 200  # relevance ranks this many of the most recently stored matches
TOTAL_CAP = 1_000  # matches counted at most; a page says when its total is capped
MAX_NAME = 200  # characters of a speaker name worth looking up (longer: no such speaker)
NEAREST_SCORE = 60  # rapidfuzz ratio (0-100) a name needs to be offered as a nearest one


def search_quotes(session: Session, query: QuoteQuery) -> Page:
    _check_page(query.limit, query.offset)
    _check_filters(query)
    dialect = session.get_bind().dialect.name
    terms = _terms(query.q)
    if terms and query.sort == "relevance":
        return _by_relevance(session, query, terms, dialect)
    match = _text_match(query, terms, dialect)
    if query.speaker_id is not None and match is None and _unfiltered(query):
        total, capped = _speaker_total(session, query.speaker_id)
    else:
        total, capped = _capped_count(session, _ids(query, match, dialect))
    if match is not None and total == 0:
        return Page(items=[], total=0)
    if match is not None and not capped and query.speaker_id is None:
        # few matches (up to TOTAL_CAP): take them all and sort them (walking the newest-first
        # index for them, as a planner may, reads the whole index when they are rare)
        match = QUOTES.c.id.in_(_matching_ids(query, terms, dialect))
    elif dialect == "sqlite" and match is not None and query.speaker_id is None:
        # many: walk the newest-first index and keep the matching ones, instead of
        # looking up and sorting every match (SQLite's planner's choice). A unary + keeps
        # SQLite from using the id for the IN (its documented way to disqualify an index).
        match = literal_column("+quotes.id").in_(_fts_ids(terms))
    stmt = quote_select().where(_filters(query, *([] if match is None else [match])))
    rows = _newest(session, stmt, query, dialect)
    return Page(items=records_from_rows(session, rows), total=total, total_capped=capped)


def _by_relevance(session: Session, query: QuoteQuery, terms: list[str], dialect: str) -> Page:
    """The best matches first, among the RANK_POOL most recently stored ones.

    Ranking reads every candidate (bm25 its length, ts_rank its tsvector): about 6 µs a match,
    so a common word at 1M quotes (40,000 matches) took 200+ ms. The pool bounds that; the total
    still counts every match (up to TOTAL_CAP)."""
    match = _text_match(query, terms, dialect)
    total, capped = _capped_count(session, _ids(query, match, dialect))
    if dialect == "sqlite":
        rowid = literal_column("quotes_fts.rowid")
        score = -literal_column("bm25(quotes_fts)")  # bm25 is lower for better matches
        pool = select(rowid.label("id"), score.label("score")).select_from(table("quotes_fts"))
        pool = pool.where(literal_column("quotes_fts").op("MATCH")(_fts5_query(terms)))
        if not _unfiltered(query) or query.speaker_id is not None:
            pool = pool.join(QUOTES, QUOTES.c.id == rowid).where(_filters(query))
        pool = pool.order_by(rowid.desc())
    else:
        tsquery = func.websearch_to_tsquery("english", query.q)
        score = func.ts_rank(literal_column("quotes.tsv"), tsquery)
        pool = select(QUOTES.c.id, score.label("score")).where(_filters(query, match))
        pool = pool.order_by(QUOTES.c.id.desc())
    ranked = pool.limit(RANK_POOL).subquery()
    rows = session.execute(
        quote_select().add_columns(ranked.c.score).join(ranked, ranked.c.id == QUOTES.c.id)
        .order_by(ranked.c.score.desc(), QUOTES.c.id.desc()).limit(query.limit)
        .offset(query.offset)
    ).all()
    scores = {row[0]: float(row.score) for row in rows}
    return Page(items=records_from_rows(session, rows, scores), total=total,
                total_capped=capped, reachable=RANK_POOL)


def _text_match(query: QuoteQuery, terms: list[str], dialect: str) -> Any:
    """The full-text condition on quotes (None without terms)."""
    if not terms:
        return None
    if dialect == "sqlite":
        return QUOTES.c.id.in_(_fts_ids(terms))
    tsquery = func.websearch_to_tsquery("english", query.q)
    return literal_column("quotes.tsv").op("@@")(tsquery)


def _matching_ids(query: QuoteQuery, terms: list[str], dialect: str) -> Any:
    """The ids of every match, computed first (a materialized CTE on PostgreSQL)."""
    if dialect == "sqlite":
        return _fts_ids(terms)
    tsquery = func.websearch_to_tsquery("english", query.q)
    matched = select(QUOTES.c.id).where(literal_column("quotes.tsv").op("@@")(tsquery))
    return select(matched.cte("matched").prefix_with("MATERIALIZED").c.id)


def _fts_ids(terms: list[str]) -> Select:
    return (select(literal_column("rowid")).select_from(table("quotes_fts"))
            .where(literal_column("quotes_fts").op("MATCH")(_fts5_query(terms))))


def _ids(query: QuoteQuery, match: Any, dialect: str) -> Select:
    """The ids of the matching quotes, for counting: straight from SQLite's full-text index
    when nothing else narrows them."""
    if dialect == "sqlite" and match is not None and _unfiltered(query) \
            and query.speaker_id is None:
        return _fts_ids(_terms(query.q))
    return select(QUOTES.c.id).where(_filters(query, *([] if match is None else [match])))


def _newest(session: Session, stmt: Select, query: QuoteQuery, dialect: str) -> Sequence[Any]:
    """Newest first; undated quotes last. With ``query.after`` the rows after that key: dated
    ones by a row-value comparison the (published, id) indexes answer as a range, then the
    undated ones by id."""
    q = QUOTES.c
    newest = q.published.desc() if dialect == "sqlite" else q.published.desc().nulls_last()
    after = query.after
    if after is None:
        return session.execute(stmt.order_by(newest, q.id.desc())
                               .limit(query.limit).offset(query.offset)).all()
    published, last_id = after
    rows: list[Any] = []
    if published is not None:
        dated = stmt.where(tuple_(q.published, q.id) < tuple_(published, last_id))
        rows = list(session.execute(dated.order_by(newest, q.id.desc()).limit(query.limit)))
        last_id = None  # every undated quote comes after the dated ones
    if len(rows) < query.limit:
        undated = stmt.where(q.published.is_(None))
        if last_id is not None:
            undated = undated.where(q.id < last_id)
        rows += session.execute(undated.order_by(q.id.desc())
                                .limit(query.limit - len(rows))).all()
    return rows


def _terms(q: str | None) -> list[str]:
    """The words of a full-text query."""
    return re.findall(r"\w+", q or "")


def _fts5_query(terms: list[str]) -> str:
    """FTS5 operators in user input are neutralised by quoting each word."""
    return " ".join(f'"{term}"' for term in terms)


def _check_filters(query: QuoteQuery) -> None:
    if query.sort not in ("date", "relevance"):
        raise BadInput(f'sort must be "date" or "relevance", not "{query.sort}"')
    if query.type is not None and query.type not in {kind.value for kind in QuoteType}:
        raise BadInput(f'type must be one of direct, indirect, mixed, not "{query.type}"')


def _filters(query: QuoteQuery, *more: Any) -> Any:
    q, a = QUOTES.c, APPEARANCES.c
    conditions = list(more)
    if query.speaker_id is not None:
        conditions.append(q.speaker_id == query.speaker_id)
    if query.role:
        conditions.append(q.role_key == " ".join(fold(query.role).split()))
    if query.type:
        conditions.append(q.type == str(getattr(query.type, "value", query.type)))
    if query.date_from:
        conditions.append(q.published >= query.date_from)
    if query.date_to:
        conditions.append(q.published <= query.date_to)
    if query.source:
        conditions.append(exists().where(
            a.quote_id == q.id, a.article_id == ARTICLES.c.id,
            func.lower(ARTICLES.c.source) == query.source.lower(),
        ))
    if query.article_id:
        conditions.append(exists().where(a.quote_id == q.id, a.article_id == query.article_id))
    return and_(true(), *conditions)


def _unfiltered(query: QuoteQuery) -> bool:
    return not (query.role or query.type or query.date_from or query.date_to or query.source
                or query.article_id)


def _speaker_total(session: Session, speaker_id: int) -> tuple[int, bool]:
    """Kept up to date on every write: no count over a large speaker."""
    count = session.scalar(select(SPEAKERS.c.quote_count).where(SPEAKERS.c.id == speaker_id))
    return count or 0, False


def _capped_count(session: Session, stmt: Select) -> tuple[int, bool]:
    """How many rows ``stmt`` gives, counting at most TOTAL_CAP; and whether there are more."""
    found = session.scalar(
        select(func.count()).select_from(stmt.limit(TOTAL_CAP + 1).subquery())) or 0
    return min(found, TOTAL_CAP), found > TOTAL_CAP


def _check_page(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_LIMIT:
        raise BadInput(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
    if offset < 0:
        raise BadInput(f"offset must not be negative, not {offset}")


def list_speakers(
    session: Session, q: str | None, limit: int, offset: int,
    after: tuple[int, int] | None = None,
) -> Page:
    """Speakers whose name, alias or slug contains ``q`` (folded; ``%`` and ``_`` are plain
    characters), most quoted first. ``after`` (quote_count, id) continues after that speaker
    (keyset pagination: as cheap deep down as on the first page)."""
    _check_page(limit, offset)
    stmt = select(Speaker)
    key = name_key(q) if q else ""
    if q and not key:  # no letters or digits ("_", "%"): no name contains it
        stmt = stmt.where(false())
    elif key:
        stmt = stmt.where(or_(
            Speaker.key.contains(key, autoescape=True),
            Speaker.slug.contains(key.replace(" ", "-"), autoescape=True),
            exists().where(Alias.speaker_id == Speaker.id,
                           Alias.key.contains(key, autoescape=True)),
        ))
    total, capped = _capped_count(session, stmt)
    if after is not None:
        stmt = stmt.where(tuple_(Speaker.quote_count, Speaker.id) < tuple_(*after))
        offset = 0
    rows = session.scalars(
        stmt.order_by(Speaker.quote_count.desc(), Speaker.id.desc()).limit(limit).offset(offset)
    )
    items = [speaker_record(session, speaker) for speaker in rows]
    return Page(items=items, total=total, total_capped=capped)


def find_speaker(
    session: Session, name: str, nearest: Callable[[str], list[int]] | None = None
) -> Speaker:
    """The one speaker ``name`` (slug, previous slug, full name, alias or surname) means.
    ``nearest`` gives the ids of speakers named like an unknown name (NameChoices.nearest)."""
    raw = " ".join(name.split())
    if not raw:
        raise BadInput("a speaker name is needed")
    if len(raw) > MAX_NAME:
        raise NotFound(f"no speaker has a name of {len(raw)} characters", nearest=[])
    slug = raw.lower()
    by_slug = session.scalars(select(Speaker).where(Speaker.slug == slug)).first()
    by_slug = by_slug or session.scalars(
        select(Speaker).join(PreviousSlug, PreviousSlug.speaker_id == Speaker.id)
        .where(PreviousSlug.slug == slug)).first()
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
    ids = nearest(key) if nearest is not None and key else []
    found = {s.id: s for s in session.scalars(select(Speaker).where(Speaker.id.in_(ids)))}
    close = [found[i] for i in ids if i in found]
    hint = f"; nearest: {', '.join(f'{s.name} ({s.slug})' for s in close)}" if close else ""
    raise NotFound(f'no speaker "{name}"{hint}', nearest=[speaker_ref(s) for s in close])


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


@dataclass(frozen=True)
class NameChoices:
    """Every speaker's name key and surname, for ``nearest``: loaded once per change of the
    index (Index keeps it with the change marker), matched in C by rapidfuzz."""

    names: list[str]
    ids: list[int]

    @classmethod
    def load(cls, session: Session) -> "NameChoices":
        names: list[str] = []
        ids: list[int] = []
        for speaker_id, key, surname in session.execute(
            select(Speaker.id, Speaker.key, Speaker.surname).order_by(
                Speaker.quote_count.desc(), Speaker.id)
        ):
            for text in {key, surname} - {""}:
                names.append(text)
                ids.append(speaker_id)
        return cls(names, ids)

    def nearest(self, key: str, n: int = 5) -> list[int]:
        """Up to ``n`` speaker ids whose name or surname looks most like ``key`` (best first)."""
        found = process.extract(key[:MAX_NAME], self.names, scorer=fuzz.ratio,
                                limit=n * 2, score_cutoff=NEAREST_SCORE)
        ranked: list[int] = []
        for _, _, position in sorted(found, key=lambda hit: (-hit[1], hit[2])):
            if self.ids[position] not in ranked:
                ranked.append(self.ids[position])
        return ranked[:n]


__all__ = ["NameChoices", "find_speaker", "list_speakers", "search_quotes"]
