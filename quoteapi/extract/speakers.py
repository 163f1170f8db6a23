"""Speaker mention in, resolved speaker out: canonical name, role and kind.

The quote finder hands over the words at the cue ("Mr Rivers", "He", "the prime minister",
"The UK’s Defence Secretary Ben Wallace"); this module says who that is:

- a name -> the fullest name the article gives for that person or organisation (``names``);
- a pronoun -> the salient antecedent, with coreferee's chains deciding where that is unsure
  (``pronouns``);
- a description -> our own nominal coreference (``nominal``).

The role is the one the article states for that person anywhere (``roles``). Per-article work
(the cast of names and roles, coreferee windows) is cached on the Doc, so resolving every quote of
an article costs little more than resolving one.
"""

from spacy.tokens import Doc, Span

from .data import words
from .model import Speaker, SpeakerKind, TextSpan
from .names import Cast, Entity, cast_of, find_entity, joined_with_conjuncts, normal_words
from .nominal import is_description, resolve_description
from .pronouns import PRONOUN_GENDER, resolve_pronoun
from .roles import person_nouns


def resolve_speaker(doc: Doc, mention: Span | None, cue: Span | None = None) -> Speaker | None:
    """Resolve the speaker ``mention`` found at ``cue`` to a canonical name, role and kind.

    Returns None when there is no mention. A description that names no one the article names
    ("experts", "a source") is its own name, with ``named`` False; a pronoun that cannot be
    resolved with confidence has no name.
    """
    if mention is None:
        return None
    span = _trim(mention)
    text_span = TextSpan(mention.text, mention.start_char, mention.end_char)
    if span is None:
        return Speaker(name=None, mention=text_span)
    cast = cast_of(doc)
    entity = resolve_entity(cast, span)
    if entity is None:
        return Speaker(name=None if _is_pronoun(span) else span.text, mention=text_span,
                       kind=_unresolved_kind(span), named=False)
    role = entity.role if entity.kind is SpeakerKind.PERSON else None
    return Speaker(name=entity.name, role=role, mention=text_span, kind=entity.kind)


def resolve_entity(cast: Cast, span: Span) -> Entity | None:
    """The person or organisation ``span`` names, refers to or describes."""
    named = _named(cast, span)
    if named is not None:
        return joined_with_conjuncts(cast, span, named)
    if _is_pronoun(span):
        return resolve_pronoun(cast, span.root.i)
    if span.root.pos_ == "PROPN" or (span.root.is_title and span.root.pos_ == "NOUN"):
        return _unlisted_name(cast, span) or resolve_description(cast, span)
    return resolve_description(cast, span) if is_description(span) else None


def _is_pronoun(span: Span) -> bool:
    return span.root.pos_ == "PRON" or span.root.lower_ in PRONOUN_GENDER


def _trim(mention: Span) -> Span | None:
    """``mention`` without edge punctuation and spaces ("The minister of the economy, X," -> ...)."""
    start, end = mention.start, mention.end
    doc = mention.doc
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end] if start < end else None


def _named(cast: Cast, span: Span) -> Entity | None:
    """The named entity at the head of ``span`` or in apposition inside it."""
    entity = _root_entity(cast, span)
    people = [cast.by_token[token.i] for token in span if token.i in cast.by_token]
    people = [person for person in people if person.kind is SpeakerKind.PERSON]
    if entity is not None and entity.label == "GPE" and people:
        return people[-1]  # a dateline before the speaker: "WASHINGTON -- President Obama"
    if entity is not None:
        return entity
    for token in span:
        entity = cast.by_token.get(token.i)
        head_in_apposition = token.head.dep_ == "appos" and span.start <= token.head.i < span.end
        if entity is not None and (token.dep_ == "appos" or head_in_apposition):
            return entity
    return None


def _root_entity(cast: Cast, span: Span) -> Entity | None:
    if span.root.i in cast.by_token:
        return cast.by_token[span.root.i]
    if (
        span.root.ent_type_
    ):  # the root is a suffix or title cut from the name ("Vann R. Newkirk II")
        ent = next(ent for ent in span.doc.ents if ent.start <= span.root.i < ent.end)
        inside = [cast.by_token[token.i] for token in ent if token.i in cast.by_token]
        if inside:
            return inside[-1]
    return None


def _unlisted_name(cast: Cast, span: Span) -> Entity | None:
    """A proper name the tagger missed ("Mr Kuzio"): matched to the cast, else taken as it is."""
    proper = [
        token for token in span if _is_proper(token) and token.lower_ not in words("honorifics")
    ]
    if not proper or proper[-1].i != span.root.i:
        return None
    name = span.doc[proper[0].i : proper[-1].i + 1]
    name_words = normal_words(name.text)
    known = find_entity(
        cast, name_words, "ORG" if len(proper) == 1 and proper[0].is_upper else "PERSON"
    )
    if known is not None:
        return known
    honorific = span.start < span.root.i and span[0].lower_ in words("honorifics")
    lone = not honorific and len(proper) == 1
    if lone and (
        cast.headline[proper[0].i] or (proper[0].is_sent_start and proper[0].pos_ != "PROPN")
    ):
        return None  # one capitalised word in a headline ("Talk …") or opening a sentence
    kind = SpeakerKind.PERSON if honorific else SpeakerKind.UNKNOWN
    return Entity(name=name.text, kind=kind, label="PERSON" if honorific else "", words=name_words)


def _is_proper(token) -> bool:
    """A proper noun, or a capitalised noun the tagger took for a common one ("Sanders")."""
    return token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.is_title)


def _unresolved_kind(span: Span) -> SpeakerKind:
    if span.root.lower_ in PRONOUN_GENDER or span.root.lemma_.lower() in person_nouns():
        return SpeakerKind.PERSON
    return SpeakerKind.UNKNOWN
