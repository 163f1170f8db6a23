"""Cues by grammar: the verb in the attribution slot beside a quotation, whatever the verb.

News style attributes a quotation with a short clause set off right after it ("“…,” groaned Ines
Duarte.", "“Mexico!” the audience screamed back.") or right before it, ending with a colon or a
comma ("Mr. Smith shot back: “…”", "then boomed, “…”"). In that slot any verb is a verb of
saying, so no word list decides: the slot does. The slot's verb needs a subject that can speak (a
name, a person or organisation noun, a personal pronoun), and the quotation after which it stands
must end like speech (with a comma, "?", "!" or a dash inside or right after its marks).
"""

from spacy.tokens import Span, Token

from ...lexicon import words
from ...lexicon.people import person_nouns
from ...lexicon.verbs import speech_verbs
from ..context import ArticleContext
from ..grammar import PERSONAL_PRONOUNS
from ..model import QuoteType
from .cues import Cue, can_be_source, mention_span, nearest_subject, speaker_of
from .found import CONFIDENCE, Detection, Found, edge_tokens, ends_like_speech, opens_clause
from .marks import Quoted

# verbs that say nothing by themselves in the slot: "“…,” it was", "“…” has been"
NO_SPEECH_LEMMAS = frozenset({"be", "have", "do", "get", "become"})
# most words between a quotation and the slot's verb (the subject before an unmarked verb: "the
# presumptive GOP presidential nominee, Donald Trump, tweeted")
MAX_SLOT_WORDS = 14
# punctuation that closes the slot after its verb (the sentence or clause goes on past it)
SLOT_ENDS = frozenset({".", ",", "!", "?", ";", ":", "—", "–", "(", "“", '"', "''", "‘"})
# entity labels of a subject that can speak
SPEAKING_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def by_attribution_slot(state: Detection, quotation: Quoted, cues: list[Cue]) -> Found | None:
    """A quotation ending like speech with a verb and its speaker set off right after it."""
    ctx = state.ctx
    if not ends_like_speech(ctx.text, quotation) or not opens_clause(ctx.text, quotation):
        return None
    if ctx.text[quotation.end - 1: quotation.end] == ".":
        return None  # “… now.” He went home: a stop ends the sentence, no attribution follows
    found = verb_after(ctx, quotation)
    if found is None:
        return None
    verb, speaker = found
    return Found(QuoteType.DIRECT, quotation.pieces, ctx.doc[verb.i: verb.i + 1], speaker,
                 CONFIDENCE["slot"])


def verb_after(ctx: ArticleContext, quotation: Quoted) -> tuple[Token, Span] | None:
    """The verb and speaker of the attribution set off right after ``quotation``, if any."""
    doc = ctx.doc
    end = doc.char_span(quotation.pieces[-1][0], quotation.end, alignment_mode="expand")
    if end is None:
        return None
    index = end[-1].i + 1
    while index < len(doc) and (doc[index].is_quote or doc[index].text in {",", "—", "–"}):
        index += 1  # the closing mark, a comma after it
    slot: list[Token] = []
    while index < len(doc) and len(slot) <= MAX_SLOT_WORDS and not _closes(doc[index]):
        slot.append(doc[index])
        index += 1
    verbs = [t for t in slot if t.pos_ == "VERB" and t.lemma_.lower() not in NO_SPEECH_LEMMAS]
    if not verbs:
        return None
    verb = verbs[0]
    speaker = speaker_of(ctx, verb) or _left_name(ctx, verb, slot)
    if speaker is None or not is_speaker(speaker.root) or not slot[0].i <= speaker.start:
        return None  # no one, or someone named outside the slot
    if any(t.i < verb.i and t.i not in range(speaker.start, speaker.end)
           and t.pos_ not in {"ADV", "PART", "AUX", "PUNCT"} for t in slot):
        return None  # words before the verb that are neither its subject nor adverbs
    return verb, speaker


def by_lead_in_slot(state: Detection, quotation: Quoted, cues: list[Cue]) -> Found | None:
    """A quotation after a comma that ends an attribution: "then boomed, “…”", "As Amar put it,
    “…”" (a colon is ``leadins.quote_after_colon``'s)."""
    ctx = state.ctx
    index = quotation.start - 1
    while index >= 0 and (ctx.text[index].isspace() or ctx.text[index] in "“\"'‘`„"):
        index -= 1
    if index < 0 or ctx.text[index] != ",":
        return None
    comma = ctx.doc.char_span(index, index + 1, alignment_mode="expand")
    found = verb_before(ctx, comma[0]) if comma is not None else None
    if found is None:
        return None
    verb, speaker = found
    return Found(QuoteType.DIRECT, quotation.pieces, ctx.doc[verb.i: verb.i + 1], speaker,
                 CONFIDENCE["slot"])


def verb_before(ctx: ArticleContext, mark: Token) -> tuple[Token, Span] | None:
    """The verb and speaker of the attribution ending right before ``mark`` (a colon or a comma
    that leads in to a quotation): "Mr. Smith shot back:", "then boomed,", "as she put it,"."""
    doc = ctx.doc
    index = mark.i - 1
    while index >= 0 and mark.i - index <= 3 and (
        doc[index].pos_ in {"ADV", "PART", "ADP"} or doc[index].lower_ == "it"
    ):
        index -= 1  # "shot back", "said again", "put it"
    if index >= 0 and doc[index].pos_ == "NOUN" and doc[index].lemma_.lower() in words(
            "speech_nouns") and doc[index].dep_ == "dobj" and doc[index].head.i < index:
        index = doc[index].head.i  # "Trump issued a statement, “…”": the verb of its object
    if index < 0 or doc[index].pos_ != "VERB" or doc[index].lemma_.lower() in NO_SPEECH_LEMMAS:
        return None
    verb = doc[index]
    speaker = speaker_of(ctx, verb)
    if speaker is None or not is_speaker(speaker.root):
        return None
    return verb, speaker


def _left_name(ctx: ArticleContext, verb: Token, slot: list[Token]) -> Span | None:
    """A name the parser hung from the verb before it but not as its subject ("Trump barked",
    "Trump" read as a compound): the speaker all the same."""
    names = [t for t in verb.lefts if t.i >= slot[0].i and t.pos_ == "PROPN"]
    return mention_span(ctx, names[-1]) if names else None


def is_speaker(token: Token) -> bool:
    """Whether a subject can speak: a personal pronoun, a name, a person or organisation."""
    if token.lower_ in PERSONAL_PRONOUNS or token.ent_type_ in SPEAKING_ENTS:
        return True
    if token.is_title and token.pos_ == "NOUN" and token.i > 0 and token.doc[token.i - 1].is_quote:
        return True  # a name right after the quotation, tagged as a noun: "“…?” Hannity pressed"
    return can_be_source(token) or (token.pos_ == "NOUN" and token.lemma_.lower() in person_nouns())


def _closes(token: Token) -> bool:
    return token.text in SLOT_ENDS or token.is_quote or "\n" in token.text


def by_verb_right_before(state: Detection, quotation: Quoted, cues: list[Cue]) -> Found | None:
    """A quotation that opens a sentence of its own right after a verb of speech, with no comma
    between them ("a man yelled “Stay there!”", "Ryan said “Look, we will not.”"): what the
    verb's speaker said. The parser often reads such a verb as a modifier of its subject ("a
    man [who] yelled"), so that noun speaks too."""
    ctx = state.ctx
    text = ctx.text
    opening = quotation.start - 1
    while opening >= 0 and text[opening] in "“\"„`'":
        opening -= 1
    if opening < 0 or text[opening] != " " or not text[quotation.start].isupper():
        return None
    if not ends_like_speech(text, quotation):
        return None
    before = ctx.doc.char_span(opening - 1, opening, alignment_mode="expand")
    if before is None or not len(before):
        return None  # a space: no word right before the mark
    verb = before[-1]
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in speech_verbs():
        return None
    speaker = speaker_of(ctx, verb)
    if speaker is None and verb.dep_ == "acl" and can_be_source(verb.head):
        speaker = mention_span(ctx, verb.head)
    if (speaker is None or not is_speaker(speaker.root)) and verb.tag_ == "VBG" and \
            verb.i > 0 and verb.nbor(-1).text == ",":
        speaker = nearest_subject(ctx, verb)  # "Flea shared the news, writing “…”": the parser
        # may make the participle the subject of the quoted words
    if speaker is None or not is_speaker(speaker.root):
        return None
    return Found(QuoteType.DIRECT, quotation.pieces, ctx.doc[verb.i: verb.i + 1], speaker,
                 CONFIDENCE["slot"])


def by_chant_noun(state: Detection, quotation: Quoted, cues: list[Cue]) -> Found | None:
    """A quotation that is the "of" phrase of a noun of what a crowd calls out ("met with chants
    of “Trump, Trump, Trump”", "the cries of “Shame!”"): the words called, by whoever the noun
    belongs to ("their chants") or by a crowd the text leaves unnamed."""
    ctx = state.ctx
    noun = chant_noun(ctx, quotation)
    if noun is None:
        return None
    owners = [c for c in noun.children if c.dep_ == "poss"]
    speaker = mention_span(ctx, owners[0]) if owners else None
    return Found(QuoteType.DIRECT, quotation.pieces, ctx.doc[noun.i: noun.i + 1], speaker,
                 CONFIDENCE["slot"])


def chant_noun(ctx: ArticleContext, quotation: Quoted) -> Token | None:
    """The noun of what a crowd calls out whose "of" phrase the quotation is ("chants of “…”")."""
    first, _ = edge_tokens(ctx, quotation)
    if first is None or first.i < 3:
        return None
    before = [t for t in ctx.doc[first.i - 3: first.i] if not t.is_quote]
    if len(before) < 2:
        return None
    noun, preposition = before[-2], before[-1]
    if preposition.lower_ != "of" or noun.pos_ != "NOUN" or \
            noun.lemma_.lower() not in words("chant_nouns"):
        return None
    return noun
