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

Why this split (PolNeAR dev, 243 pronoun sources): coreferee alone, with our LitBank-trained
model, names the right person for 144; salience alone for 178; salience with coreferee deciding
the unsure cases does best, and runs coreferee on 17 windows instead of 84 whole articles.
"""

from spacy.tokens import Token

from ..nlp.coref import coref_partners
from ..nlp.sentences import sentence_number, sentence_start
from .model import SpeakerKind
from .names import SUBJECT_DEPS, Cast, Entity

PRONOUN_GENDER = {"he": "male", "him": "male", "she": "female", "her": "female"}
SPEAKER_PRONOUNS = {"he", "she", "it", "they", "him", "her", "them"}
LOOKBACK_SENTENCES = 8  # how far back salience searches for a subject
NEAR_SENTENCES = 1  # subjects this close compete; two or more that fit call coreferee in
_MEMO_KEY = "pronouns"


def resolve_pronoun(cast: Cast, token_index: int, coref: bool = True) -> Entity | None:
    """The entity the pronoun at ``token_index`` refers to, or None (``coref=False``: by
    salience alone, as for the pronouns that pass on their antecedent)."""
    memo = cast.cache.setdefault(_MEMO_KEY, {})
    key = (token_index, coref)
    if key not in memo:
        memo[key] = None  # guards against cycles through pronoun subjects
        memo[key] = _resolve(cast, token_index, coref)
    return memo[key]


def _resolve(cast: Cast, token_index: int, coref: bool) -> Entity | None:
    pronoun = cast.doc[token_index].lower_
    if pronoun not in SPEAKER_PRONOUNS:
        return None  # "I", "we", "who", "which": not resolved from the article's prose
    candidates = _salient(cast, token_index, pronoun)
    if not candidates:
        decided = _by_coreferee(cast, token_index, pronoun) if coref else None
        return decided or _nearby_mention(cast, token_index, pronoun)
    first_entity = candidates[0][0]
    rivals = {id(entity) for entity, distance in candidates if distance <= NEAR_SENTENCES}
    if coref and len(rivals) > 1:
        decided = _by_coreferee(cast, token_index, pronoun)
        if decided is not None:
            return decided
    return first_entity


def fits(entity: Entity, pronoun: str) -> bool:
    """Whether ``pronoun`` can refer to ``entity`` (kind, and gender when known)."""
    if pronoun in PRONOUN_GENDER:
        gender = PRONOUN_GENDER[pronoun]
        return entity.kind is SpeakerKind.PERSON and entity.gender in (None, gender)
    if pronoun == "it":
        return entity.kind is SpeakerKind.ORGANISATION
    return True


def _same_form(token: Token, pronoun: str) -> bool:
    if pronoun in PRONOUN_GENDER:
        return PRONOUN_GENDER.get(token.lower_) == PRONOUN_GENDER[pronoun]
    return token.lower_ == pronoun


def _salient(cast: Cast, token_index: int, pronoun: str) -> list[tuple[Entity, int]]:
    """Fitting subjects before the pronoun, nearest first, with their distance in sentences."""
    doc = cast.doc
    found: list[tuple[Entity, int]] = []
    here = sentence_number(doc, token_index)
    first = sentence_start(doc, token_index, LOOKBACK_SENTENCES)
    for index in range(token_index - 1, first - 1, -1):
        token = doc[index]
        if token.dep_ not in SUBJECT_DEPS or cast.in_quote[index]:
            continue
        entity = cast.by_token.get(index)
        if entity is None and token.pos_ == "PRON" and _same_form(token, pronoun):
            entity = resolve_pronoun(cast, index, coref=False)
        if entity is not None and fits(entity, pronoun):
            found.append((entity, here - sentence_number(doc, index)))
    return found


def _nearby_mention(cast: Cast, token_index: int, pronoun: str) -> Entity | None:
    """No subject fits: the nearest fitting name in this or the previous sentence."""
    doc = cast.doc
    first = sentence_start(doc, token_index, 1)
    for mention, entity in reversed(cast.mentions):
        if mention.start >= token_index or cast.in_quote[mention.root.i]:
            continue
        if mention.start < first:
            break
        if fits(entity, pronoun):
            return entity
    return None


def _by_coreferee(cast: Cast, token_index: int, pronoun: str) -> Entity | None:
    """The first fitting named entity in the pronoun's coreferee chain, before the pronoun."""
    for partner in coref_partners(cast.doc, token_index) or []:
        if partner[0] >= token_index or cast.in_quote[partner[0]]:
            continue
        entity = next((cast.by_token[i] for i in partner if i in cast.by_token), None)
        if entity is None and cast.doc[partner[0]].pos_ == "PRON":
            entity = resolve_pronoun(cast, partner[0], coref=False)
        if entity is not None and fits(entity, pronoun):
            return entity
    return None
