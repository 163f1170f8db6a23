"""Storing one article with its quotes, inside one transaction (the caller's session).

``write_article`` is all-or-nothing because the caller commits only when it returns; replacing an
article first detaches its old quotes (``detach_article``), then stores the new ones; the speakers
touched either way get their counts, dates and roles recomputed (``refresh_speakers``).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import delete, exists, func, select
from sqlalchemy.orm import Session

from ..extract.model import Quote as ExtractedQuote
from .db import Appearance, Article, Quote, Role, RoleArticle, Speaker
from .dedup import find_duplicate
from .names import clean_role, role_key
from .records import ArticleIn
from .speakers import SpeakerResolver


@dataclass(frozen=True)
class Attributed:
    quote: ExtractedQuote
    speaker: Speaker | None
    role: str | None


def write_article(
    session: Session, article: ArticleIn, article_id: str, content_hash: str,
    quotes: list[ExtractedQuote],
) -> str:
    """Store ``article`` and its quotes: "created", "replaced" (a stored article had another
    text) or "unchanged" (another writer stored this very text meanwhile)."""
    row = session.get(Article, article_id)
    if row is not None and row.content_hash == content_hash:
        return "unchanged"
    outcome = "replaced" if row is not None else "created"
    touched: set[int] = set()
    if row is not None:
        touched |= detach_article(session, article_id)
    else:
        row = Article(id=article_id)
        session.add(row)
    row.title, row.url, row.source = article.title, article.url, article.source
    row.canonical_url, row.author = article.canonical_url, article.author
    row.published, row.text, row.content_hash = article.published, article.text, content_hash
    row.ingested_at = datetime.now(UTC).replace(tzinfo=None)
    session.flush()
    resolver = SpeakerResolver(session, article.text)
    attributed = attribute(resolver, quotes)
    lock_speakers(session, {item.speaker.id for item in attributed if item.speaker is not None})
    record_roles(session, row, attributed)
    for item in attributed:
        attach_quote(session, row, item)
    touched |= {item.speaker.id for item in attributed if item.speaker is not None}
    refresh_speakers(session, touched)
    return outcome


def attribute(resolver: SpeakerResolver, quotes: list[ExtractedQuote]) -> list[Attributed]:
    """Each quote's stored speaker and role: named speakers first, then descriptions ("the
    prime minister") resolved by the roles the article gives, then each speaker's role in the
    article filled in where a quote's own role is missing."""
    speakers: list[Speaker | None] = []
    for quote in quotes:
        spk = quote.speaker
        found = spk and resolver.resolve(spk.proper_name, spk.kind.value, _mention(quote))
        speakers.append(found or None)
        role = clean_role(spk.role) if spk else None
        if found and role:
            resolver.note_role(found, role)
    for index, quote in enumerate(quotes):
        if speakers[index] is None and quote.speaker and quote.speaker.proper_name is None:
            speakers[index] = resolver.resolve_description(_mention(quote))
    article_roles: dict[int, str] = {}
    for quote, speaker in zip(quotes, speakers):
        role = clean_role(quote.speaker.role) if quote.speaker else None
        if speaker is not None and role:
            article_roles.setdefault(speaker.id, role)
    return [
        Attributed(
            quote, speaker,
            (clean_role(quote.speaker.role) if quote.speaker else None)
            or (article_roles.get(speaker.id) if speaker else None),
        )
        for quote, speaker in zip(quotes, speakers)
    ]


def _mention(quote: ExtractedQuote) -> str | None:
    mention = quote.speaker.mention if quote.speaker else None
    return mention.text if mention else None


def lock_speakers(session: Session, speaker_ids: set[int]) -> None:
    """Hold the rows of the article's speakers until commit (PostgreSQL; a SQLite writer holds
    the whole database already), in id order so two writers cannot wait on each other: two
    articles carrying one quote by one speaker are stored one after the other, and the second
    finds the first's quote to merge with (``_duplicate_of``)."""
    if speaker_ids:
        session.execute(select(Speaker.id).where(Speaker.id.in_(speaker_ids))
                        .order_by(Speaker.id).with_for_update())


def record_roles(session: Session, article: Article, attributed: list[Attributed]) -> None:
    """Each (speaker, role) the article states: first/last seen dates and the article."""
    pairs = {(item.speaker.id, role_key(item.role)): item.role
             for item in attributed if item.speaker is not None and item.role}
    for (speaker_id, key), role in pairs.items():
        row = session.scalars(
            select(Role).where(Role.speaker_id == speaker_id, Role.key == key)
        ).first()
        if row is None:
            row = Role(speaker_id=speaker_id, key=key, role=role)
            session.add(row)
        elif _capitals(role) > _capitals(row.role):  # "Defence Secretary" over "defence secretary"
            row.role = role
        row.first_seen = _earliest(row.first_seen, article.published)
        row.last_seen = _latest(row.last_seen, article.published)
        session.flush()
        session.merge(RoleArticle(role_id=row.id, article_id=article.id))


def attach_quote(session: Session, article: Article, item: Attributed) -> Quote:
    """The stored quote (a near duplicate by the same speaker, or a new one) now carried by
    ``article`` with this article's offsets."""
    extracted = item.quote
    if item.speaker is not None and item.role:  # the speaker's spelling of the role
        stored = session.scalar(select(Role.role).where(
            Role.speaker_id == item.speaker.id, Role.key == role_key(item.role)))
        item = Attributed(item.quote, item.speaker, stored or item.role)
    quote = _duplicate_of(session, article.id, item)
    if quote is None:
        quote = Quote(
            text=extracted.text, type=extracted.type.value,
            speaker_id=item.speaker.id if item.speaker else None,
            role=item.role, role_key=role_key(item.role) if item.role else None,
            confidence=extracted.confidence, published=article.published,
        )
        session.add(quote)
        session.flush()
    else:
        quote.published = _earliest(quote.published, article.published)
        quote.confidence = max(quote.confidence, extracted.confidence)
        if quote.role is None and item.role:
            quote.role, quote.role_key = item.role, role_key(item.role)
    cue = extracted.cue
    session.add(Appearance(
        quote_id=quote.id, article_id=article.id, spans=[list(span) for span in extracted.spans],
        cue=cue.text if cue else None, cue_start=cue.start if cue else None,
        cue_end=cue.end if cue else None, mention=_mention(extracted),
    ))
    session.flush()
    return quote


def _duplicate_of(session: Session, article_id: str, item: Attributed) -> Quote | None:
    """A stored quote by the same speaker that this one nearly repeats, from another article."""
    if item.speaker is None:
        return None
    carried_here = exists().where(Appearance.quote_id == Quote.id, Appearance.article_id == article_id)
    candidates = session.execute(
        select(Quote.id, Quote.text).where(Quote.speaker_id == item.speaker.id, ~carried_here)
    ).all()
    found = find_duplicate(item.quote.text, candidates)
    return session.get(Quote, found) if found is not None else None


def detach_article(session: Session, article_id: str) -> set[int]:
    """Remove what ``article_id`` contributed (appearances, role mentions, quotes only it
    carried); the speakers it touched are returned for ``refresh_speakers``."""
    quote_ids = list(session.scalars(select(Appearance.quote_id).where(Appearance.article_id == article_id)))
    touched = set(session.scalars(
        select(Quote.speaker_id).where(Quote.id.in_(quote_ids), Quote.speaker_id.is_not(None))
    ))
    touched |= set(session.scalars(
        select(Role.speaker_id).join(RoleArticle, RoleArticle.role_id == Role.id)
        .where(RoleArticle.article_id == article_id)
    ))
    session.execute(delete(Appearance).where(Appearance.article_id == article_id))
    session.execute(delete(RoleArticle).where(RoleArticle.article_id == article_id))
    carried = exists().where(Appearance.quote_id == Quote.id)
    session.execute(delete(Quote).where(Quote.id.in_(quote_ids), ~carried))
    earliest = (
        select(func.min(Article.published)).join(Appearance, Appearance.article_id == Article.id)
        .where(Appearance.quote_id == Quote.id).scalar_subquery()
    )
    session.execute(Quote.__table__.update().where(Quote.id.in_(quote_ids)).values(published=earliest))
    session.flush()
    session.expire_all()
    return touched


def refresh_speakers(session: Session, speaker_ids: Iterable[int]) -> None:
    """Recompute quote counts, first/last quoted and role dates; drop speakers left without
    quotes or roles."""
    for speaker_id in speaker_ids:
        speaker = session.get(Speaker, speaker_id)
        if speaker is None:
            continue
        count, first, last = session.execute(
            select(func.count(Quote.id), func.min(Quote.published), func.max(Quote.published))
            .where(Quote.speaker_id == speaker_id)
        ).one()
        speaker.quote_count, speaker.first_quoted, speaker.last_quoted = count, first, last
        _refresh_roles(session, speaker_id)
        has_roles = session.scalar(select(Role.id).where(Role.speaker_id == speaker_id).limit(1))
        if count == 0 and has_roles is None:
            session.delete(speaker)
    session.flush()


def _refresh_roles(session: Session, speaker_id: int) -> None:
    for role in session.scalars(select(Role).where(Role.speaker_id == speaker_id)):
        n, first, last = session.execute(
            select(func.count(RoleArticle.article_id), func.min(Article.published),
                   func.max(Article.published))
            .join(Article, Article.id == RoleArticle.article_id)
            .where(RoleArticle.role_id == role.id)
        ).one()
        if n == 0:
            session.delete(role)
        else:
            role.first_seen, role.last_seen = first, last


def _capitals(text: str) -> int:
    return sum(char.isupper() for char in text)


def _earliest(a: date | None, b: date | None) -> date | None:
    return min((d for d in (a, b) if d is not None), default=None)


def _latest(a: date | None, b: date | None) -> date | None:
    return max((d for d in (a, b) if d is not None), default=None)
