"""Who "he", "she", "it" or "they" at a speech cue is.

Two resolvers work together:

- salience (cheap, always): the nearest preceding subject outside quotation marks that fits the
  pronoun's gender and kind, where a subject that is itself a pronoun of the same form passes on
  its own antecedent ("Lynch said … She added … she noted": all Lynch). News prose keeps the
  speaker as the subject, so this is right most of the time. Gender comes from honorifics,
  common first names (``data/*_names.txt``), gendered role words and the article's own pronouns.
- coreferee, only where salience is unsure (two or more fitting subjects in the pronoun's
  sentence and the one before, or none at all): its chain for the pronoun, computed on a window of
  three sentences (``quoteapi.nlp.coref``), decides when it names a fitting entity outside quotes.

A subject counts by the name in apposition to it ("The minister, Mr. Ruiz, argues"); "they" fits
an organisation or people named together ("Mr. Hale and Mr. Ortiz say"), not one person; when the
nearest fitting subject is sentences old, a fitting name earlier in the pronoun's own sentence
wins, then one introduced with a role in the sentence before. "I" and "me" outside quotation
marks are the author of an opinion piece whose closing note names them ("Ann Lee is a nurse in
Ohio."), and no one otherwise.

Why this split (PolNeAR dev, 243 pronoun sources): coreferee alone, with our LitBank-trained
model, names the right person for 144; salience alone for 178; salience with coreferee deciding
the unsure cases does best, and runs coreferee on 17 windows instead of 84 whole articles.
"""

from spacy.tokens import Token

from ..context import ArticleContext
from ..grammar import (
    FIRST_PERSON_SINGULAR,
    PLURAL_PRONOUNS,
    PRONOUN_GENDER,
    RESOLVABLE_PRONOUNS,
    SUBJECT_DEPS,
)
from ..model import SpeakerKind
from .cast import Entity, joined_with_conjuncts

PRONOUN_LOOKBACK_SENTENCES = 8  # how far back salience searches for a subject
NEAR_SENTENCES = 1  # subjects this close compete; two or more that fit call coreferee in


def resolve_pronoun(ctx: ArticleContext, token_index: int, coref: bool = True) -> Entity | None:
    """The entity the pronoun at ``token_index`` refers to, or None (``coref=False``: by
    salience alone, as for the pronouns that pass on their antecedent)."""
    memo = ctx.pronouns
    key = (token_index, coref)
    if key not in memo:
        memo[key] = None  # guards against cycles through pronoun subjects
        memo[key] = _resolve(ctx, token_index, coref)
    return memo[key]


def _resolve(ctx: ArticleContext, token_index: int, coref: bool) -> Entity | None:
    pronoun = ctx.doc[token_index].lower_
    if pronoun in FIRST_PERSON_SINGULAR and not ctx.in_quote[token_index]:
        return _author(ctx)
    if pronoun not in RESOLVABLE_PRONOUNS:
        return None  # "we", "who", "which": not resolved from the article's prose
    candidates = _salient(ctx, token_index, pronoun)
    if not candidates:
        # no group or organisation as subject for "they": coreferee's chains seldom name one
        # either (PolNeAR dev: none), so its run would be spent for nothing
        ask = coref and pronoun not in PLURAL_PRONOUNS
        decided = _by_coreferee(ctx, token_index, pronoun) if ask else None
        return decided or _nearby_mention(ctx, token_index, pronoun) or \
            _surname_read_as_firm(ctx, token_index, pronoun)
    return _pick(ctx, token_index, pronoun, candidates, coref)


def _pick(
    ctx: ArticleContext, token_index: int, pronoun: str, candidates: list[tuple[Entity, int]], coref: bool
) -> Entity:
    """The nearest fitting subject, unless it is sentences old and the pronoun's own sentence
    names a fitting person before it ("Critics seized on Mr. Lee's interview, in which he
    said …") or the sentence before introduces one with a role (a name there without one is as
    often an aside, PolNeAR dev), or coreferee settles a contest between subjects close by."""
    nearest, distance = candidates[0]
    if distance > NEAR_SENTENCES and pronoun in PRONOUN_GENDER:
        return (
            _nearby_mention(ctx, token_index, pronoun, back=0)
            or _introduced(ctx, token_index, pronoun)
            or nearest
        )
    rivals = {id(entity) for entity, away in candidates if away <= NEAR_SENTENCES}
    if coref and len(rivals) > 1:
        return _by_coreferee(ctx, token_index, pronoun) or nearest
    return nearest


def fits(entity: Entity, pronoun: str) -> bool:
    """Whether ``pronoun`` can refer to ``entity`` (kind, and gender when known)."""
    if pronoun in PRONOUN_GENDER:
        gender = PRONOUN_GENDER[pronoun]
        return entity.kind is SpeakerKind.PERSON and entity.gender in (None, gender)
    if pronoun == "it":
        return entity.kind is SpeakerKind.ORGANISATION
    if pronoun in PLURAL_PRONOUNS:  # a group or an organisation, hardly one person
        return entity.kind is not SpeakerKind.PERSON or " and " in entity.name
    return True


def _same_form(token: Token, pronoun: str) -> bool:
    if pronoun in PRONOUN_GENDER:
        return PRONOUN_GENDER.get(token.lower_) == PRONOUN_GENDER[pronoun]
    return token.lower_ == pronoun


def _salient(ctx: ArticleContext, token_index: int, pronoun: str) -> list[tuple[Entity, int]]:
    """Fitting subjects before the pronoun, nearest first, with their distance in sentences."""
    doc = ctx.doc
    found: list[tuple[Entity, int]] = []
    here = ctx.sentences.number(token_index)
    first = ctx.sentences.start(token_index, PRONOUN_LOOKBACK_SENTENCES)
    for index in range(token_index - 1, first - 1, -1):
        token = doc[index]
        if token.dep_ not in SUBJECT_DEPS or ctx.in_quote[index]:
            continue
        entity = _subject_entity(ctx, token, pronoun)
        if entity is None and token.pos_ == "PRON" and _same_form(token, pronoun):
            entity = resolve_pronoun(ctx, index, coref=False)
        if entity is not None and fits(entity, pronoun):
            found.append((entity, here - ctx.sentences.number(index)))
    return found


def _subject_entity(ctx: ArticleContext, token: Token, pronoun: str) -> Entity | None:
    """The entity a subject names, itself or in apposition ("The minister, Mr. Ruiz, argues";
    not a group: "His parents, Jim and Ann Lee, were"); for "they", people named together
    ("Mr. Hale and Ms. Ortiz say") as one speaker, as the cue's own mention would be."""
    entity = ctx.cast.by_token.get(token.i)
    if entity is not None and pronoun in PLURAL_PRONOUNS:
        return joined_with_conjuncts(ctx.cast, ctx.doc[token.i : token.right_edge.i + 1], entity)
    if entity is not None or token.tag_ in ("NNS", "NNPS"):
        return entity
    apposed = [
        ctx.cast.by_token.get(child.i)
        for child in token.children
        if child.dep_ == "appos" and not any(grand.dep_ == "conj" for grand in child.children)
    ]
    people = [entity for entity in apposed if entity is not None]
    return people[0] if len(people) == 1 else None


def _nearby_mention(ctx: ArticleContext, token_index: int, pronoun: str, back: int = 1) -> Entity | None:
    """No subject fits: the nearest fitting name in this sentence or the ``back`` before it."""
    first = ctx.sentences.start(token_index, back)
    for mention, entity in reversed(ctx.cast.mentions):
        if mention.start >= token_index or ctx.in_quote[mention.root.i]:
            continue
        if mention.start < first:
            break
        if fits(entity, pronoun):
            return entity
    return None


def _introduced(ctx: ArticleContext, token_index: int, pronoun: str) -> Entity | None:
    """A fitting person introduced with a role in apposition in the last sentence before the
    pronoun's that is not all quotation ("…, which worries Ann Lee, a nurse in Ohio. “It hurts.
    We wait,” she said."): the reporter brings in the next speaker that way."""
    own = ctx.sentences.start(token_index)
    first = _last_prose_sentence(ctx, own)
    for mention, entity in reversed(ctx.cast.mentions):
        if mention.start >= own or ctx.in_quote[mention.root.i]:
            continue
        if mention.start < first:
            break
        appositive = any(child.dep_ == "appos" for child in mention.root.children)
        if appositive and fits(entity, pronoun):
            return entity
    return None


def _last_prose_sentence(ctx: ArticleContext, before: int) -> int:
    """Where the last sentence before token ``before`` with words outside quotes starts."""
    doc = ctx.doc
    start = before
    while start > 0:
        start = ctx.sentences.start(start - 1)
        if any(doc[i].is_alpha and not ctx.in_quote[i] for i in range(start, before)):
            break
    return start


def _author(ctx: ArticleContext) -> Entity | None:
    """The writer an opinion piece's "I" (outside quotation marks) is: the person its closing
    author's note introduces ("Ann Lee is a nurse in Ohio."); None without such a note, since a
    reporter's "I" names no one the article names."""
    if not ctx.author:
        ctx.author.append(_closing_note_person(ctx))
    return ctx.author[0]


def _closing_note_person(ctx: ArticleContext) -> Entity | None:
    """The person whose name opens the article's last line as the subject of "is"/"was"."""
    doc = ctx.doc
    end = len(doc)
    while end > 0 and doc[end - 1].is_space:
        end -= 1
    start = end - 1
    while start > 0 and "\n" not in doc[start - 1].text:
        start -= 1
    if end == 0 or start not in ctx.cast.by_token:
        return None
    entity = ctx.cast.by_token[start]
    subject = next(
        (
            doc[i]
            for i in range(start, end)
            if ctx.cast.by_token.get(i) is entity and doc[i].dep_ == "nsubj"
        ),
        None,
    )
    if entity.kind is not SpeakerKind.PERSON or subject is None or subject.head.lemma_ != "be":
        return None
    return entity


def _by_coreferee(ctx: ArticleContext, token_index: int, pronoun: str) -> Entity | None:
    """The first fitting named entity in the pronoun's coreferee chain, before the pronoun."""
    for partner in ctx.coref.partners(token_index) or []:
        if partner[0] >= token_index or ctx.in_quote[partner[0]]:
            continue
        entity = next((ctx.cast.by_token[i] for i in partner if i in ctx.cast.by_token), None)
        if entity is None and ctx.doc[partner[0]].pos_ == "PRON":
            entity = resolve_pronoun(ctx, partner[0], coref=False)
        if entity is not None and fits(entity, pronoun):
            return entity
    return None


def _surname_read_as_firm(ctx: ArticleContext, token_index: int, pronoun: str) -> Entity | None:
    """With no person to fit "he" or "she": a lone capitalised word the tagger read as an
    organisation or place, subject of the sentence before ("Lindqvist arrived an hour late. He
    said ..."), is a person's surname."""
    if pronoun not in PRONOUN_GENDER:
        return None
    first = ctx.sentences.start(token_index, 1)
    for mention, entity in reversed(ctx.cast.mentions):
        if mention.start >= token_index or mention.start < first:
            continue
        if (entity.kind is SpeakerKind.ORGANISATION and len(entity.words) == 1
                and not mention.root.is_upper and mention.root.dep_ in SUBJECT_DEPS
                and len(entity.mentions) == 1 and not ctx.in_quote[mention.root.i]):
            entity.kind, entity.label = SpeakerKind.PERSON, "PERSON"
            return entity
    return None
