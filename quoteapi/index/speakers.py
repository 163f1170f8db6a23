"""One speaker across articles: a name as an article gives it -> the stored speaker.

Rules, in order (``SpeakerResolver.resolve``):
  * titles and honorifics are not part of a name; case and diacritics are folded (names.py);
  * a full name meets the speaker with that name or alias; a surname-only speaker met before is
    upgraded to the full name when no other full name shares that surname;
  * a surname alone ("Johnson") joins a full name only when nothing else fits: the one met earlier
    in the same article, else the one whose full name the article mentions, else the only one
    stored; with several candidates it stays a surname-only speaker, never an arbitrary pick;
  * a description ("the prime minister") with no name joins the speaker the article gives that
    role to;
  * a news agency or outlet cited as a source ("according to PA") is an organisation
    (``outlet_kind``); a surname alone whose full name only the article's text gives ("Professor
    Taras Kuzio ... Mr Kuzio added") is that full name (``full_name_in``).

One row per identity, whatever the concurrency: a name key is unique among persons and among
organisations (migration 0004), and a writer that loses the race to create a speaker takes the
winner's row (``_create``).
"""

import calendar
import re
from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..lexicon.lists import lines
from ..lexicon.names import is_title_word
from ..lexicon.people import is_first_name
from .db import Alias, Speaker
from .names import clean_name, clean_role, name_key, role_key, slugify, surname, folded_words

SLUG_ATTEMPTS = 5  # a concurrent writer may take the free slug we found: look again


class SpeakerResolver:
    """Resolves the speakers of one article inside the session storing it."""

    def __init__(self, session: Session, article_text: str) -> None:
        self.session = session
        self.text = article_text
        self.text_key = f" {' '.join(folded_words(article_text))} "
        self.here: dict[int, Speaker] = {}  # speakers met in this article
        self.roles_here: dict[str, Speaker] = {}  # role key -> speaker, in this article

    def resolve(self, name: str | None, kind: str, mention: str | None) -> Speaker | None:
        """The stored speaker for a quote's speaker name (or, lacking one, its mention)."""
        clean = _clean(name, kind) if name else clean_name(mention)
        if clean is None:
            return None
        kind = outlet_kind(clean, kind)
        speaker = self._find_or_create(clean, kind)
        if speaker.kind == "unknown" and kind != "unknown":
            speaker.kind = kind
        for alias in {clean, clean_name(mention)}:
            self._add_alias(speaker, alias)
        self.here[speaker.id] = speaker
        return speaker

    def resolve_description(self, mention: str | None) -> Speaker | None:
        """The speaker this article gives the role in ``mention`` to ("the prime minister")."""
        role = clean_role(mention)
        return self.roles_here.get(role_key(role)) if role else None

    def note_role(self, speaker: Speaker, role: str) -> None:
        self.roles_here.setdefault(role_key(role), speaker)

    def _find_or_create(self, name: str, kind: str) -> Speaker:
        key = name_key(name)
        if kind != "organisation" and " " not in key:
            return self._surname_alone(name, key, kind)
        exact = self._exact(key)
        if exact:
            return exact[0]
        if kind != "organisation":
            lone = self._lone(key.rsplit(" ", 1)[-1])
            if lone is not None and not self._full_names(lone.key):
                return self._upgrade(lone, name)
        return self._create(name, kind)

    def _surname_alone(self, name: str, key: str, kind: str) -> Speaker:
        full = self._full_names(key)
        here = [speaker for speaker in full if speaker.id in self.here]
        mentioned = [speaker for speaker in full if f" {speaker.key} " in self.text_key]
        for fits in (here, mentioned):
            if len(fits) == 1:
                return fits[0]
        if len(full) == 1 and not mentioned:
            return full[0]  # nothing else fits
        spelled_out = full_name_in(self.text, name) if not full else None
        if spelled_out is not None and not any(
            speaker.kind == "organisation" for speaker in self._exact(name_key(spelled_out))
        ):
            return self._find_or_create(spelled_out, kind)
        # several full names fit: a speaker of its own, numbered ("johnson-2") so that the bare
        # surname stays a question with candidates, never this one by accident
        return self._lone(key) or self._create(name, kind, numbered=bool(full))

    def _exact(self, key: str) -> list[Speaker]:
        """Speakers named ``key`` first, then those with it as an alias."""
        named = self.session.scalars(select(Speaker).where(Speaker.key == key).order_by(Speaker.id))
        aliased = self.session.scalars(
            select(Speaker).join(Alias, Alias.speaker_id == Speaker.id).where(Alias.key == key)
            .order_by(Speaker.id)
        )
        found = list(named) + list(aliased)
        return list({speaker.id: speaker for speaker in found}.values())

    def _full_names(self, surname_key: str) -> list[Speaker]:
        """Person speakers with a full name ending in ``surname_key``."""
        return list(
            self.session.scalars(
                select(Speaker)
                .where(Speaker.surname == surname_key, Speaker.key != surname_key)
                .where(Speaker.kind != "organisation")
                .order_by(Speaker.id)
            )
        )

    def _lone(self, key: str) -> Speaker | None:
        """The surname-only person speaker named ``key``."""
        return self.session.scalars(
            select(Speaker).where(Speaker.key == key, Speaker.kind != "organisation")
        ).first()

    def _upgrade(self, speaker: Speaker, name: str) -> Speaker:
        self._add_alias(speaker, speaker.name)
        speaker.name, speaker.key = name, name_key(name)
        speaker.slug = self._free_slug(name, speaker.id)
        return speaker

    def _create(self, name: str, kind: str, numbered: bool = False) -> Speaker:
        """A new speaker, or the one another writer created meanwhile under the same identity
        (the insert runs in a savepoint, so losing the race keeps the transaction usable)."""
        key, organisation = name_key(name), kind == "organisation"
        for attempt in range(SLUG_ATTEMPTS):
            speaker = Speaker(
                name=name, slug=self._free_slug(name, None, numbered), kind=kind, key=key,
                surname=surname(name) if not organisation else "", quote_count=0,
            )
            try:
                with self.session.begin_nested():
                    self.session.add(speaker)
                    self.session.flush()
                return speaker
            except IntegrityError:
                winner = self._identity(key, organisation)
                if winner is not None:
                    return winner
                if attempt == SLUG_ATTEMPTS - 1:  # the slug, taken again and again
                    raise
        raise AssertionError("unreachable")

    def _identity(self, key: str, organisation: bool) -> Speaker | None:
        """The speaker the unique key ``uq_speakers_identity`` allows for ``key``."""
        kind = Speaker.kind == "organisation" if organisation else Speaker.kind != "organisation"
        return self.session.scalars(select(Speaker).where(Speaker.key == key, kind)).first()

    def _free_slug(self, name: str, owner: int | None, numbered: bool = False) -> str:
        base = slugify(name)
        slug, number = (f"{base}-2", 2) if numbered else (base, 1)
        while True:
            taken = self.session.scalar(select(Speaker.id).where(Speaker.slug == slug))
            if taken is None or taken == owner:
                return slug
            number += 1
            slug = f"{base}-{number}"

    def _add_alias(self, speaker: Speaker, alias: str | None) -> None:
        if not alias:
            return
        key = name_key(alias)
        if not key or key == speaker.key:
            return
        exists = self.session.scalar(
            select(Alias.id).where(Alias.speaker_id == speaker.id, Alias.key == key)
        )
        if exists is None:
            try:
                with self.session.begin_nested():
                    self.session.add(Alias(speaker_id=speaker.id, name=alias, key=key))
                    self.session.flush()
            except IntegrityError:
                pass  # another writer gave the speaker this alias meanwhile


def _clean(name: str, kind: str) -> str | None:
    """The extractor's name without titles; an unknown kind falls back to organisation rules."""
    organisation = kind == "organisation"
    return clean_name(name, organisation) or clean_name(name, organisation=True)


def outlet_kind(name: str, kind: str) -> str:
    """``kind``, or organisation for a news agency or outlet (data/news_outlets.txt)."""
    return "organisation" if _outlet_key(name) in _outlets() else kind


@cache
def _outlets() -> frozenset[str]:
    return frozenset(_outlet_key(line) for line in lines("news_outlets"))


def _outlet_key(name: str) -> str:
    return name_key(name).removeprefix("the ")


# Capitalised words (or initials) before the surname: "Taras Kuzio", "Mary J. Blige"
_BEFORE = r"((?:(?:[A-Z][\w\u2019'-]*[^\W\d_]|[A-Z]\.)\s+){1,3})"
_ARTICLES = frozenset({"the", "a", "an"})
_SENTENCE_START = re.compile(r"(?:^|[.!?:\u201c\"]\s*|\n\s*)\Z")
_NOT_FIRST_NAMES = frozenset(
    word.lower() for word in (*calendar.day_name, *calendar.month_name) if word
) | STOP_WORDS


def full_name_in(text: str, surname_alone: str) -> str | None:
    """The one full name ending in ``surname_alone`` that ``text`` spells out, titles dropped
    ("Professor Taras Kuzio" -> "Taras Kuzio"); None when it gives none, or several. A word
    opening a sentence is a first name only when known as one ("Yesterday Kuzio said" is no
    name), as are no stop words or days ("On Monday Kuzio said")."""
    found: set[str | None] = set()  # None: a name this cannot read (so, no guess)
    for match in re.finditer(_BEFORE + re.escape(surname_alone) + r"\b", text):
        words = [w for w in match.group(1).split() if not w.endswith(("'s", "\u2019s"))]
        if words and words[0].lower() in _ARTICLES:
            continue  # "the Weapons Tracker": a thing's name, not a person's
        while words and words[0].lower() in _NOT_FIRST_NAMES:
            words.pop(0)
        opens = _SENTENCE_START.search(text, 0, match.start()) is not None
        if words and opens and not (is_first_name(words[0]) or is_title_word(words[0])):
            found.add(None)  # "Yesterday Kuzio", or a first name unknown to us: cannot tell
            continue
        name = clean_name(" ".join([*words, surname_alone]))
        if name and " " in name_key(name):
            found.add(name)
    keys = {name_key(name) if name else None for name in found}
    if len(keys) != 1 or None in keys:
        return None
    return min(name for name in found if name)
