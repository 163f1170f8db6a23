"""The article's cast: every named person and organisation, with its fullest name and its roles.

Built once per article from spaCy's named entities (the article's context keeps it), so resolving
many quotes in one article is cheap. Names are grouped the way a reader groups them: "Mr Rivers" and "Rivers"
belong to "Dan Rivers" when the article names Dan Rivers; "the IMF" to "International Monetary
Fund"; "the Times" to "The New York Times". Honorifics and titles are not part of a name.
"""

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ...lexicon.names import NAME_SUFFIXES, is_honorific, title_end
from ...lexicon.people import first_name_gender
from ...nlp.sentences import Sentences
from ..grammar import PRONOUN_GENDER
from ..model import SpeakerKind
from .names import named_spans
from .roles import age_of, organisation_kinds, roles_of

# entity labels that can say something, and the kind of speaker they name
ENTITY_KINDS = {
    "PERSON": SpeakerKind.PERSON,
    "ORG": SpeakerKind.ORGANISATION,
    "GPE": SpeakerKind.ORGANISATION,  # "the United States said", "Russia warned"
}
_PLATFORMS = {"twitter", "facebook", "instagram", "youtube", "telegram", "tiktok"}


@dataclass(eq=False)
class Entity:
    """One person or organisation of the article."""

    name: str
    kind: SpeakerKind
    label: str  # spaCy's entity label: PERSON, ORG, GPE
    words: tuple[str, ...]
    mentions: list[Span] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)  # stated next to a name, in article order
    described_as: list[str] = field(
        default_factory=list
    )  # from descriptions ("the prime minister")
    gender: str | None = None  # "male" / "female" when an honorific or role says so
    age: str | None = None  # "45" of "Mateusz Kowalski, 45,"
    stated_at: dict[str, int] = field(default_factory=dict)  # role -> token where first stated

    @property
    def role(self) -> str | None:
        return (self.roles or self.described_as or [None])[0]

    def role_at(self, index: int) -> str | None:
        """The role stated nearest before token ``index`` (the speaker's quote), else the first
        stated after it: a person's role can change in an article ("then-senator", "now
        director"), and the reader takes the one stated for the quote at hand."""
        described = [d for d in self.described_as if not any(
            set(d.lower().split()) <= set(r.lower().split()) for r in self.roles
        )]  # "the mayor" says no more than "Mayor of Harlow" stated at the name
        stated = [(self.stated_at.get(role, -1), role) for role in self.roles + described]
        before = [pair for pair in stated if pair[0] <= index]
        if before:
            return max(before)[1]
        return min(stated)[1] if stated else None

    def add_role(self, role: str, described: bool = False, at: int = -1) -> None:
        target = self.described_as if described else self.roles
        if role.lower() not in {known.lower() for known in target}:
            target.append(role)
            self.stated_at[role] = at


@dataclass
class Cast:
    """The named entities of one Doc; ``mentions`` in text order, ``by_token`` for look-ups."""

    doc: Doc
    entities: list[Entity] = field(default_factory=list)
    mentions: list[tuple[Span, Entity]] = field(default_factory=list)
    by_token: dict[int, Entity] = field(default_factory=dict)

    def entity_at(self, span: Span) -> Entity | None:
        """The entity named by ``span``: the one holding its root, else the one it holds."""
        if span.root.i in self.by_token:
            return self.by_token[span.root.i]
        inside = [self.by_token[token.i] for token in span if token.i in self.by_token]
        return inside[-1] if inside else None


def normal_words(text: str) -> tuple[str, ...]:
    """Lower-cased words of a name without punctuation, "the" or honorifics."""
    text = text.lower().replace("’", "'").replace(".", "")  # "S.E.C." -> "sec"
    found = re.findall(r"[\w-]+", re.sub(r"'s\b", "", text))
    return tuple(word for word in found if word not in ("the", "s") and not is_honorific(word))


def initials(name_words: tuple[str, ...]) -> str:
    return "".join(
        word[0] for word in name_words if word not in ("of", "and", "for", "on", "to", "a")
    )


def clean_name(ent: Span, label: str | None = None) -> Span | None:
    """``ent`` (a name labelled ``label``, by default its own label) without leading determiners,
    honorifics and titles or a trailing possessive."""
    label = label or ent.label_
    start, end = ent.start, ent.end
    doc = ent.doc
    while start + 1 < end and _is_prefix(doc[start]):
        start += 1
    if label != "PERSON":  # "the federal Securities and Exchange Commission"
        while start + 1 < end and doc[start].is_lower and doc[start].pos_ == "ADJ":
            start += 1
    if label == "PERSON":  # "Prime Minister Boris Johnson": the name starts after the title
        start += title_end([token.text for token in doc[start:end]])
    while end > start and (_is_suffix(doc[end - 1]) or doc[end - 1].is_punct):
        end -= 1
    if end - start > 1 and doc[end - 1].lower_ in _PLATFORMS and end < len(doc):
        end -= doc[end].lower_ in (
            "account",
            "page",
            "feed",
            "channel",
            "handle",
        )  # "X Twitter account"
    if start < end and doc[start].lower_ == "the":
        start += 1
    return doc[start:end] if start < end else None


def _is_suffix(token: Token) -> bool:
    """A possessive or a generational suffix ("Jr.", "III"): not part of the canonical name."""
    return token.tag_ == "POS" or token.lower_.rstrip(".") in NAME_SUFFIXES


def _is_prefix(token: Token) -> bool:
    return token.lower_ == "the" or is_honorific(token.text)


def _gender(span: Span) -> str | None:
    """ "male" / "female" from an honorific before the name or a common first name."""
    prefix = span.doc[span.start - 1].lower_.rstrip(".") if span.start else ""
    if prefix in ("mr", "sir", "lord"):
        return "male"
    if prefix in ("mrs", "ms", "miss", "dame", "lady"):
        return "female"
    return first_name_gender(span[0].text) if len(span) > 1 else None


def role_gender(role: str) -> str | None:
    """ "male" / "female" when a role word says so ("congresswoman", "businessman", "first lady")."""
    last = role.lower().split()[-1]
    if last.endswith("woman") or last in ("queen", "princess", "lady"):
        return "female"
    if last.endswith(("sman", "essman", "gressman")) or last in ("king", "prince"):
        return "male"
    return None


def _pronoun_votes(cast: Cast, sentences: Sentences, in_quote: list[bool]) -> None:
    """Gender from the article itself: a gendered pronoun in a sentence whose only named person
    is that one (outside quotation marks) votes for that person's gender."""
    votes: dict[int, dict[str, int]] = {}
    by_sentence: dict[int, set[int]] = {}
    entities = {id(entity): entity for entity in cast.entities}
    for mention, entity in cast.mentions:
        if entity.label == "PERSON" and not in_quote[mention.root.i]:
            by_sentence.setdefault(sentences.start(mention.start), set()).add(id(entity))
    for start, people in by_sentence.items():
        if len(people) != 1:
            continue
        (person,) = people
        for token in cast.doc[start : sentences.end(start)]:
            gender = PRONOUN_GENDER.get(token.lower_)
            if gender and not in_quote[token.i]:
                tally = votes.setdefault(person, {"male": 0, "female": 0})
                tally[gender] += 1
    for key, tally in votes.items():
        entity = entities[key]
        if entity.gender is None and tally["male"] != tally["female"]:
            entity.gender = "male" if tally["male"] > tally["female"] else "female"


def _matches(mention: tuple[str, ...], entity: Entity, label: str) -> bool:
    """Whether a name with words ``mention`` names ``entity`` (one's words contain the other's)."""
    small, big = sorted((set(mention), set(entity.words)), key=len)
    if entity.kind is SpeakerKind.PERSON and label == "PERSON":
        return small <= big
    if small <= big and mention[-1] == entity.words[-1]:
        return True  # "the Times" and "The New York Times"
    if len(mention) == 1 and mention[0] == initials(entity.words):
        return True  # "IMF" and "International Monetary Fund"
    return len(entity.words) == 1 and entity.words[0] == initials(mention)


def find_entity(cast: Cast, name_words: tuple[str, ...], label: str) -> Entity | None:
    """The entity a name with words ``name_words`` (labelled ``label``) belongs to, if any."""
    same = [
        entity
        for entity in cast.entities
        if entity.label == label and _matches(name_words, entity, label)
    ]
    if not same and len(name_words) == 1:
        # a single word the tagger labelled differently elsewhere ("Trump" as ORG)
        same = [entity for entity in cast.entities if _matches(name_words, entity, entity.label)]
    if not same and label == "PERSON" and len(name_words) > 1:
        # a surname met alone before, labelled otherwise ("Gowdy promises..." as ORG), then the
        # full name: one person, unless the article gave the other a kind of its own
        same = [entity for entity in cast.entities if entity.words == name_words[-1:]
                and entity.label != "PERSON" and not entity.roles]
    if not same:
        return None
    return max(same, key=lambda entity: (len(entity.mentions), entity.mentions[-1].start))


def _add(cast: Cast, span: Span, label: str, quoted: bool = False) -> None:
    """Add a name's occurrence; ``quoted``: inside quotation marks, where someone else's words
    (a speaker's, a sign's) state no role the article gives."""
    text = _without_nickname(span)
    name_words = normal_words(text)
    if not name_words:
        return
    entity = find_entity(cast, name_words, label)
    gender = _gender(span) if label == "PERSON" else None
    if entity is not None and gender and entity.gender and gender != entity.gender:
        entity = None  # "Michelle Obama" is not the "Mr. Obama" met before
    if entity is None:
        entity = Entity(name=text, kind=ENTITY_KINDS[label], label=label, words=name_words)
        cast.entities.append(entity)
    elif len(name_words) > len(entity.words) and set(entity.words) <= set(name_words):
        entity.name, entity.words = text, name_words  # the fuller name becomes canonical
        if label == "PERSON" and entity.label != label:
            entity.label, entity.kind = label, ENTITY_KINDS[label]
    elif len(entity.words) == 1 and len(name_words) > 1 and entity.words[0] == initials(name_words):
        entity.name, entity.words = text, name_words  # "IMF" then "International Monetary Fund"
    entity.mentions.append(span)
    cast.mentions.append((span, entity))
    for token in span:
        cast.by_token[token.i] = entity
    if label == "PERSON":
        entity.gender = entity.gender or gender
        entity.age = entity.age or age_of(span)
        for role in [] if quoted else roles_of(span):
            entity.add_role(role, at=span.start)
    elif not quoted:
        for kind in organisation_kinds(span):
            entity.add_role(kind)
            if entity.label == "GPE":  # "the bus operator Northline": a firm, not a place
                entity.label, entity.kind = "ORG", SpeakerKind.ORGANISATION


def _trusted_person_words(doc: Doc, untrusted: list[bool]) -> set[str]:
    return {
        token.lower_
        for ent in doc.ents
        if ent.label_ == "PERSON" and not untrusted[ent.root.i]
        for token in ent
    }


def _trim_to(span: Span, known: set[str]) -> Span:
    """A name seen only in a headline or quotation ("Obama Says", "Crooked Hillary Clinton")
    cut to the words the article's prose uses for names, when it uses any of them."""
    inside = [token.i for token in span if token.lower_ in known]
    if not inside:
        return span
    return span.doc[inside[0] : inside[-1] + 1]


def _without_nickname(span: Span) -> str:
    """The name's words without a nickname in quotation marks: "Mateusz “Matt” Nowak" ->
    "Mateusz Nowak"."""
    kept, inside = [], False
    for token in span:
        if token.is_quote:
            inside = not inside
            continue
        if not inside:
            kept.append(token)
    if len(kept) == len(span):
        return span.text
    return "".join(t.text_with_ws for t in kept[:-1]) + kept[-1].text if kept else span.text


def _add_untagged_surnames(cast: Cast) -> None:
    """A known person's surname the tagger missed elsewhere ("According to Ham", "Ham noted"), or
    took for a place or product ("McAuliffe" as LOC): labels the cast does not use."""
    surnames: dict[str, Entity] = {}
    for entity in cast.entities:
        if entity.label == "PERSON" and len(entity.words) > 1:
            surnames.setdefault(entity.words[-1], entity)
    added = False
    for token in cast.doc:
        entity = surnames.get(token.lower_)
        capitalised = token.text[:1].isupper() and not token.is_upper  # "Ham", "McAuliffe"
        if entity is None or token.i in cast.by_token or not capitalised:
            continue
        full = _by_first_name(cast, token)
        span = cast.doc[token.i - 1 if full else token.i : token.i + 1]
        if token.ent_type_ and not _mislabelled(span):
            continue
        entity = full or entity
        entity.mentions.append(span)
        cast.mentions.append((span, entity))
        for index in range(span.start, span.end):
            cast.by_token[index] = entity
        added = True
    if added:
        cast.mentions.sort(key=lambda pair: pair[0].start)
        for entity in cast.entities:
            entity.mentions.sort(key=lambda span: span.start)


def _mislabelled(name: Span) -> bool:
    """Whether the tagger's entity at ``name`` is just that name under a label the cast does not
    use ("McAuliffe" as LOC), not a longer name that holds it ("Trump Tower")."""
    ents = [ent for ent in name.doc.ents if ent.start <= name.end - 1 < ent.end]
    return (
        bool(ents)
        and ents[0].label_ not in ENTITY_KINDS
        and ((ents[0].start, ents[0].end) in ((name.start, name.end), (name.end - 1, name.end)))
    )


def _by_first_name(cast: Cast, surname: Token) -> Entity | None:
    """The person whose first name stands before ``surname`` ("Ivanka Trump" where "Trump" alone
    would be Donald Trump), if the cast has one."""
    if surname.i == 0:
        return None
    pair = (cast.doc[surname.i - 1].lower_, surname.lower_)
    return next(
        (
            entity
            for entity in cast.entities
            if entity.label == "PERSON" and entity.words[-2:] == pair
        ),
        None,
    )


def joined_with_conjuncts(cast: Cast, span: Span, first: Entity) -> Entity:
    """ "Mr. Grassley and Mr. Leahy" speak together: one speaker named "X and Y" (a conjunct with
    no "and" in the phrase is the parser misreading an apposition: "Tad Devine, Sanders' adviser,")."""
    if not any(token.dep_ == "cc" for token in span):
        return first
    others = [
        cast.by_token[token.i]
        for token in span.root.children
        if token.dep_ == "conj" and token.i < span.end and token.i in cast.by_token
    ]
    others = [entity for entity in others if entity is not first and entity.kind is first.kind]
    return joint([first, *others])


def joint(entities: list[Entity], role: str | None = None) -> Entity:
    """People (or organisations) speaking together as one speaker named "X and Y"."""
    if len(entities) == 1:
        return entities[0]
    first = entities[0]
    words_ = tuple(word for entity in entities for word in entity.words)
    together = Entity(name=" and ".join(e.name for e in entities), kind=first.kind,
                      label=first.label, words=words_)
    if role:
        together.add_role(role)
    return together


def build_cast(doc: Doc, sentences: Sentences, in_quote: list[bool], headline: list[bool]) -> Cast:
    """The named people and organisations of ``doc`` with the roles stated next to their names
    (``in_quote`` and ``headline``: per token, inside quotation marks / in a headline line)."""
    cast = Cast(doc=doc)
    untrusted = [a or b for a, b in zip(in_quote, headline)]
    known = _trusted_person_words(doc, untrusted)
    for ent, label in named_spans(doc, untrusted):
        span = clean_name(ent, label) if label in ENTITY_KINDS else None
        if span is not None and label == "PERSON" and untrusted[ent.root.i]:
            span = _trim_to(span, known)
        if span is not None:
            _add(cast, span, label, quoted=in_quote[span.root.i])
    _add_untagged_surnames(cast)
    for entity in cast.entities:
        for role in entity.roles:
            entity.gender = entity.gender or role_gender(role)
    _pronoun_votes(cast, sentences, in_quote)
    return cast
