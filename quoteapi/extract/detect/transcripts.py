"""Transcripts and Q&A without quotation marks: a paragraph opening with a speaker's name in
capitals and a colon ("HARWOOD: Did you read the report?") is that person's turn, and one opening
with "A:" is the answer of the person the article introduced before its questions ("Mayor Lena
Okafor spoke to the Gazette. / Q: … / A: …"). "Q:" is the outlet's own question: no quote.

Turns that open with a quotation mark are ``leadins.quote_of_turn``'s; the article's title line
is ``headlines``'.
"""

import re

from spacy.tokens import Span

from ...lexicon import words
from ...lexicon.names import is_title_word
from ..context import ArticleContext
from ..grammar import SUBJECT_DEPS
from ..model import QuoteType, SpeakerKind
from .cues import mention_span
from .found import CONFIDENCE, Detection, Found, overlaps

# a turn: a name in capitals (one to three words) or "A", a colon, then what was said
TURN = re.compile(r"([A-Z][A-Z'\-]+(?: [A-Z][A-Z'\-]+){0,2}|A|Q):[ \t\xa0]+(?=\S)")
# capitalised labels that open a line with a colon without being anyone
NOT_SPEAKERS = {"NOTE", "UPDATE", "CORRECTION", "EDITOR'S NOTE", "WATCH", "READ", "PHOTO", "VIDEO",
                "SOURCE", "SOURCES", "CREDIT", "UPDATED", "BREAKING"}


def transcript_quotes(state: Detection) -> list[Found]:
    """The turns of a transcript or Q&A in the article, outside what was found already."""
    ctx = state.ctx
    taken = state.taken(quotations_too=True)
    found = []
    interviewee: Span | None = None
    turns = [TURN.match(ctx.text, start, end) for start, end in ctx.paragraphs]
    for index, (start, end) in enumerate(ctx.paragraphs):
        match = turns[index]
        if match is None or overlaps(match.end(), end, taken):
            continue
        if index == 0 and not (len(turns) > 1 and turns[1] is not None):
            continue  # a title line "Name: …" (``headlines``), unless a transcript opens the text
        label = match.group(1)
        if label == "Q" or label in NOT_SPEAKERS:
            continue
        if label == "A":
            interviewee = interviewee or _introduced(ctx, start)
            speaker = interviewee
        else:
            speaker = _turn_name(ctx, match.start(1), match.end(1))
        colon = ctx.doc.char_span(match.end(1), match.end(1) + 1, alignment_mode="expand")
        if speaker is None or colon is None:
            continue
        content = _trimmed(ctx.text, match.end(), end)
        if content is not None:
            found.append(Found(QuoteType.DIRECT, (content,), colon, speaker, CONFIDENCE["turn"]))
    return found


def _turn_name(ctx: ArticleContext, start: int, end: int) -> Span | None:
    """The name opening a turn, when it is a person's: a surname the article gives a person, or
    a capitalised word that is no title, no organisation's word and no place."""
    name = ctx.doc.char_span(start, end, alignment_mode="expand")
    if name is None or any(is_title_word(t.text) or t.lower_ in words("org_nouns") for t in name):
        return None
    known = [e for e in ctx.cast.entities
             if e.kind is SpeakerKind.PERSON and e.words and e.words[-1] == name[-1].lower_]
    if known or all(t.ent_type_ in ("", "PERSON", "ORG") for t in name):
        return name
    return None


def _introduced(ctx: ArticleContext, before: int) -> Span | None:
    """The person the article brings in before its questions: the named subject of the last
    sentence in prose before character ``before``."""
    for mention, entity in reversed(ctx.cast.mentions):
        if mention.start_char >= before or ctx.in_quote[mention.root.i]:
            continue
        line_start = ctx.paragraph_bounds(mention.start_char)[0]
        if TURN.match(ctx.text, line_start):
            continue  # a name in a question or an answer, not in the introduction
        if entity.kind is SpeakerKind.PERSON and mention.root.dep_ in SUBJECT_DEPS:
            return mention_span(ctx, mention.root)
    return None


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
