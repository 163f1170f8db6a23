"""Follow-on quotes: a quotation with no cue of its own that goes on from the quote before it.

In its paragraph the quotation joins that quote, however short ("“We are ready!” declares
Lindqvist. “Completely ready.”" is one quote of two pieces, as PolNeAR's annotators have it);
opening one of the next paragraphs it is a new quote of the same speaker. A quotation after a
sentence about someone else is theirs (``by_sentence_subject``), not the last speaker's. A quoted fragment inside a sentence (a scare quote, a term) goes on
from nothing: the quotation must open its sentence.
"""

from spacy.tokens import Span, Token

from ..context import ArticleContext
from ..grammar import SUBJECT_DEPS
from ..model import QuoteType, SpeakerKind
from .cues import Cue, mention_span
from .found import CONFIDENCE, Detection, Found, opens_clause
from .marks import Quoted

# a quote opening a paragraph this close after the last quote found is the same speaker's
FOLLOW_PARAGRAPHS = 4
# words that open a sentence pointing back at the quotation before it ("Those were the words of")
REFERRING_OPENERS = {"that", "those", "this", "these", "so", "such"}


def follow_on(ctx: ArticleContext, quotation: Quoted, previous: Found) -> list[Found]:
    """What ``previous`` (the last quote found) becomes with ``quotation`` after it: itself with
    the quotation joined (in its paragraph: "“…,” she said, “…”", "“…,” she said. “…”"), itself
    and a new quote of its speaker (the quotation opens one of the next paragraphs), or itself
    alone when the quotation does not go on from it."""
    if not opens_clause(ctx.text, quotation) or previous.pieces[-1][1] > quotation.start:
        return [previous]
    here = _paragraph_of(quotation.start, ctx.paragraphs)
    there = _paragraph_of(previous.pieces[-1][1], ctx.paragraphs)
    if here == there:
        cue_after = previous.cue is not None and previous.cue.start_char >= previous.pieces[-1][1]
        if previous.type != QuoteType.DIRECT and not cue_after:
            return [previous]  # a mixed quote goes on only after a cue that follows it
        return [previous._replace(pieces=previous.pieces + quotation.pieces)]
    if 0 < here - there <= FOLLOW_PARAGRAPHS and _starts_paragraph(
        ctx.text, quotation.start, ctx.paragraphs[here]
    ):
        return [previous, _same_speaker(previous, quotation)]
    return [previous]


def interrupts(text: str, previous: Found, quotation: Quoted) -> bool:
    """Whether only an attribution inside one sentence stands between the quote before and the
    quotation: "“My hope,” she said, “is that …”" (commas either side, no stop)."""
    gap = text[previous.pieces[-1][1]: quotation.start]
    return not any(mark in gap for mark in ".!?;\n") and gap.rstrip(" “\"'‘`„\t\xa0").endswith(",")


def _same_speaker(previous: Found, quotation: Quoted) -> Found:
    return Found(QuoteType.DIRECT, quotation.pieces, None, previous.mention, CONFIDENCE["follows"])


def _paragraph_of(offset: int, paragraphs: list[tuple[int, int]]) -> int:
    for index, (start, end) in enumerate(paragraphs):
        if start <= offset <= end:
            return index
    return -1


def _starts_paragraph(text: str, offset: int, paragraph: tuple[int, int]) -> bool:
    return not text[paragraph[0]: offset].strip("“\"'‘`„” \t\xa0")


def by_sentence_subject(state: Detection, quotation: Quoted, cues: list[Cue]) -> Found | None:
    """A quotation that is a sentence of its own right after a sentence about a named person, in
    one paragraph: "Lena Okafor shook her head. “It is a waste of money.”" (hers)."""
    ctx = state.ctx
    sentence = _own_sentence(ctx, quotation)
    if sentence is None or sentence.start == 0:
        return None
    before = ctx.sentences.start(sentence.start - 1)
    if ctx.crosses_paragraph(ctx.doc[before].idx, quotation.start):
        return None
    subject = _main_subject(ctx, ctx.doc[before: sentence.start])
    if subject is None:
        return None
    return Found(QuoteType.DIRECT, quotation.pieces, None, mention_span(ctx, subject),
                 CONFIDENCE["context"])


def by_next_sentence(state: Detection, quotation: Quoted, cues: list[Cue]) -> Found | None:
    """A quotation that is a sentence of its own, named by the sentence after it: "“We have lost
    everything.” / Those were the words of Amara Okafor", "That is how Tomasz Wróbel described
    the moment"."""
    ctx = state.ctx
    sentence = _own_sentence(ctx, quotation)
    if sentence is None or sentence.end >= len(ctx.doc):
        return None
    index = sentence.end
    while index < len(ctx.doc) and ctx.doc[index].is_space:
        index += 1
    if index >= len(ctx.doc) or ctx.doc[index].lower_ not in REFERRING_OPENERS:
        return None
    following = ctx.doc[index: ctx.sentences.end(index)]
    people = [t for t in following if t.i in ctx.cast.by_token
              and ctx.cast.by_token[t.i].kind is SpeakerKind.PERSON]
    verbs = [t for t in following if t.pos_ == "VERB"]
    if not people:
        return None
    cue = ctx.doc[verbs[0].i: verbs[0].i + 1] if verbs else ctx.doc[index: index + 1]
    return Found(QuoteType.DIRECT, quotation.pieces, cue, mention_span(ctx, people[0]),
                 CONFIDENCE["context"])


def _own_sentence(ctx: ArticleContext, quotation: Quoted) -> Span | None:
    """The sentence the quotation makes alone (no word of it outside the marks), or None."""
    first = ctx.doc.char_span(quotation.start, quotation.pieces[0][1], alignment_mode="expand")
    if first is None:
        return None
    start, end = ctx.sentences.start(first.start), ctx.sentences.end(first.start)
    sentence = ctx.doc[start:end]
    inside = [t for t in sentence if t.is_alpha and not any(s <= t.idx < e for s, e in quotation.pieces)]
    return None if inside else sentence


def _main_subject(ctx: ArticleContext, sentence: Span) -> Token | None:
    """The named person who is the subject of the sentence's main verb, outside quotation marks."""
    for token in sentence:
        if token.dep_ in SUBJECT_DEPS and token.head.dep_ == "ROOT" and not ctx.in_quote[token.i]:
            entity = ctx.cast.by_token.get(token.i)
            return token if entity is not None and entity.kind is SpeakerKind.PERSON else None
    return None
