"""Speaker mention in, resolved speaker out: canonical name, role and kind.

The quote finder hands over the words at the cue ("Mr Rivers", "He", "the prime minister",
"The UK’s Defence Secretary Ben Wallace"); this module says who that is:

- a name -> the fullest name the article gives for that person or organisation (``cast``);
- a pronoun -> the salient antecedent, with coreferee's chains deciding where that is unsure
  (``pronouns``);
- a description -> our own nominal coreference (``nominal``).

The role is the one the article states for that person anywhere (``roles``). Per-article work
(the cast of names and roles, coreferee windows) is kept in the article's context, so resolving
every quote of an article costs little more than resolving one.
"""

from bisect import bisect_left

from spacy.tokens import Span

from ...lexicon import words
from ...lexicon.people import person_nouns
from ..context import ArticleContext
from ..grammar import PRONOUN_GENDER
from ..model import Speaker, SpeakerKind, TextSpan
from .cast import Entity, find_entity, joined_with_conjuncts, joint, normal_words
from .nominal import by_age, by_party, is_description, resolve_description
from .pronouns import resolve_pronoun
from .roles import is_person_word, is_role_word, role_text


def resolve_speaker(ctx: ArticleContext, mention: Span | None) -> Speaker | None:
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
    entity = resolve_entity(ctx, span)
    if entity is None:
        return Speaker(name=None if _is_pronoun(span) else span.text, mention=text_span,
                       kind=_unresolved_kind(span), named=False)
    role = entity.role_at(span.start) or _title_in_mention(ctx, span, entity)
    return Speaker(name=entity.name, role=role, mention=text_span, kind=entity.kind)


def _title_in_mention(ctx: ArticleContext, span: Span, entity: Entity) -> str | None:
    """The title words of a mention that ends with the name ("Green councillor for Riverside
    ward Alex Doe"), where the parse hung the name inside the title."""
    first = bisect_left(entity.mentions, span.start, key=lambda m: m.start)  # in text order
    inside = [m for m in entity.mentions[first:] if m.start < span.end and m.end == span.end]
    if entity.kind is not SpeakerKind.PERSON or not inside or inside[0].start == span.start:
        return None
    return role_text(list(ctx.doc[span.start: inside[0].start]))


def resolve_entity(ctx: ArticleContext, span: Span) -> Entity | None:
    """The person or organisation ``span`` names, refers to or describes."""
    named = _named(ctx, span)
    if named is not None and named in ctx.cast.entities:
        return joined_with_conjuncts(ctx.cast, span, named)
    if named is not None:
        return named  # already people named together
    if _is_pronoun(span):
        return resolve_pronoun(ctx, span.root.i)
    party = by_party(ctx, span)
    if party is not None:
        return party
    if _is_proper(span.root) and not is_role_word(span.root):  # "The MP" is a description
        return _unlisted_name(ctx, span) or resolve_description(ctx, span)
    return resolve_description(ctx, span) if is_description(span) else by_age(ctx, span)


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


def _named(ctx: ArticleContext, span: Span) -> Entity | None:
    """The named entity at the head of ``span`` or in apposition inside it; people named
    together ("nurses Fatima Yusuf and Aoife Byrne") as one joint speaker."""
    together = _named_together(ctx, span)
    if together is not None:
        return together
    if _speaks_for_someone(span):
        return None  # "a spokesman for Mayor Lena Okafor" is not Lena Okafor
    entity = _root_entity(ctx, span)
    people = [ctx.cast.by_token[token.i] for token in span if token.i in ctx.cast.by_token]
    people = [person for person in people if person.kind is SpeakerKind.PERSON]
    if entity is not None and entity.label == "GPE" and people:
        return people[-1]  # a dateline before the speaker: "WASHINGTON -- President Obama"
    if entity is not None:
        return entity
    for token in span:
        entity = ctx.cast.by_token.get(token.i)
        head_in_apposition = token.head.dep_ == "appos" and span.start <= token.head.i < span.end
        if entity is not None and token.dep_ != "amod" and (token.dep_ == "appos" or head_in_apposition):
            return entity  # (not a name used as a modifier: "a pro-Clinton super PAC")
    if people and span[-1].i in ctx.cast.by_token and ctx.cast.by_token[span[-1].i] is people[-1]:
        return people[-1]  # a title, then the name: "Green councillor for Riverside ward Alex Doe"
    return None


def _speaks_for_someone(span: Span) -> bool:
    """Whether a mention describes someone unnamed by whom they speak for, work for or are close
    to ("a spokesman for Mayor Lena Okafor", "an aide to Governor Reed", "a friend of the
    family"): an indefinite person noun with the other one in its "for", "to" or "of"."""
    root = span.root
    if span[0].lower_ not in {"a", "an"} or not is_person_word(root):
        return False
    return any(c.dep_ == "prep" and c.lower_ in {"for", "to", "of"} and c.i > root.i
               for c in root.children)


def _named_together(ctx: ArticleContext, span: Span) -> Entity | None:
    """Two or more people named in a row, joined by "and" or commas, with their shared title
    before them ("nurses Fatima Yusuf and Aoife Byrne"): one joint speaker."""
    runs: list[tuple[Entity, int, int]] = []  # (entity, start, end) of each name in the span
    for token in span:
        entity = ctx.cast.by_token.get(token.i)
        if entity is None:
            continue
        if runs and runs[-1][0] is entity and runs[-1][2] == token.i:
            runs[-1] = (entity, runs[-1][1], token.i + 1)
        else:
            runs.append((entity, token.i, token.i + 1))
    people = [entity for entity, _, _ in runs]
    if len(runs) < 2 or len(set(map(id, people))) < len(people) or any(
        entity.kind is not SpeakerKind.PERSON for entity in people
    ):
        return None
    for (_, _, end), (_, start, _) in zip(runs, runs[1:]):
        if not all(t.lower_ in {"and", ",", "&"} for t in ctx.doc[end:start]) or end == start:
            return None  # names apart: "X, a friend of Y"
    last_gap = ctx.doc[runs[-2][2]: runs[-1][1]]
    if not any(t.lower_ in {"and", "&"} for t in last_gap):
        return None  # a comma alone sets off an apposition: "Tad Devine, Sanders' adviser,"
    title = role_text(list(ctx.doc[span.start: runs[0][1]]), is_person_word)
    return joint(people, title)


def _root_entity(ctx: ArticleContext, span: Span) -> Entity | None:
    if span.root.i in ctx.cast.by_token:
        return ctx.cast.by_token[span.root.i]
    if (
        span.root.ent_type_
    ):  # the root is a suffix or title cut from the name ("Vann R. Newkirk II")
        ent = next(ent for ent in span.doc.ents if ent.start <= span.root.i < ent.end)
        inside = [ctx.cast.by_token[token.i] for token in ent if token.i in ctx.cast.by_token]
        if inside:
            return inside[-1]
    return None


def _unlisted_name(ctx: ArticleContext, span: Span) -> Entity | None:
    """A proper name the tagger missed ("Mr Kuzio"): matched to the ctx, else taken as it is."""
    proper = [
        token for token in span if _is_proper(token) and token.lower_ not in words("honorifics")
    ]
    if not proper or proper[-1].i != span.root.i:
        return None
    name = span.doc[proper[0].i : proper[-1].i + 1]
    name_words = normal_words(name.text)
    known = find_entity(
        ctx.cast, name_words, "ORG" if len(proper) == 1 and proper[0].is_upper else "PERSON"
    )
    if known is not None:
        return known
    honorific = span.start < span.root.i and span[0].lower_ in words("honorifics")
    lone = not honorific and len(proper) == 1
    turn = name[-1].is_upper and name.end < len(span.doc) and span.doc[name.end].text == ":"
    if lone and not turn and (
        ctx.headline[proper[0].i] or (proper[0].is_sent_start and proper[0].pos_ != "PROPN")
    ):
        return None  # one capitalised word in a headline ("Talk …") or opening a sentence
    person = honorific or turn  # "Mr Kuzio", a transcript's "MENSAH:"
    kind = SpeakerKind.PERSON if person else SpeakerKind.UNKNOWN
    display = name.text.title() if turn else name.text
    return Entity(name=display, kind=kind, label="PERSON" if person else "", words=name_words)


def _is_proper(token) -> bool:
    """A proper noun, or a capitalised noun the tagger took for a common one ("Sanders",
    a transcript's "MENSAH")."""
    return token.pos_ == "PROPN" or (token.pos_ == "NOUN" and (
        token.is_title or (token.is_upper and len(token) > 1)))


def _unresolved_kind(span: Span) -> SpeakerKind:
    if span.root.lower_ in PRONOUN_GENDER or span.root.lemma_.lower() in person_nouns():
        return SpeakerKind.PERSON
    return SpeakerKind.UNKNOWN
