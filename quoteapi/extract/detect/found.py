"""What the detectors share: the state of one article's detection and the ``Found`` items they
return (quotes before their speakers are resolved)."""

import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from spacy.tokens import Span, Token

from ..context import ArticleContext
from ..model import QuoteType
from .cues import Cue, speech_cues
from .furniture import furniture_ranges
from .marks import Quoted, quotations

# how far (in characters) before or after a quotation its cues are looked for: further than the
# sentences before and after it of any news sentence
CUE_REACH = 3000

# confidence of a quote by the way it was found, one table for every detector
CONFIDENCE = {
    "clause": 0.95,  # a cue's reported clause is the quotation
    "beside": 0.9,  # a cue right beside the quotation in its sentence
    "colon": 0.9,  # a lead-in ending with a colon
    "slot": 0.85,  # any verb with its speaker set off right beside the quotation
    "turn": 0.9,  # a transcript turn ("PENCE: ...")
    "byline": 0.85,  # a dash and a name after the quotation
    "mixed": 0.85,  # a reported clause holding a quoted fragment
    "continued": 0.8,  # the quotation goes on the quote before it
    "verb": 0.75,  # reported speech at a speech verb
    "governor": 0.7,  # a verb of speech or judgement governing a quoted fragment
    "according": 0.7,  # "according to X"
    "follows": 0.6,  # a quotation opening the paragraph after a speaker's quote
    "context": 0.55,  # a quotation standing alone, named by the sentence before or after it
    "noun": 0.6,  # "Trump's claim that ..."
    "object": 0.55,  # what a speech verb speaks of: "denied the claims", "joked about moving"
    "headline": 0.6,  # "Name: what they said" as a title
    "title": 0.6,  # a title whose verb attributes its quotation
    "any verb": 0.5,  # a verb outside our lists governing a quoted fragment
}


class Found(NamedTuple):
    """A quote before its speaker is resolved: content pieces, cue words and speaker mention."""

    type: QuoteType
    pieces: tuple[tuple[int, int], ...]
    cue: Span | None
    mention: Span | None
    confidence: float


@dataclass
class Detection:
    """One article's detection so far: its quotations and cues outside page furniture, and the
    quotes found by the detectors that ran before."""

    ctx: ArticleContext
    quoted: list[Quoted]
    cues: list[Cue]
    furniture: list[tuple[int, int]]
    found: list[Found] = field(default_factory=list)

    def in_quotation(self, offset: int) -> bool:
        """Whether character ``offset`` lies inside one of the quotations."""
        return self._quotation_ranges.overlaps(offset, offset + 1)

    @cached_property
    def _quotation_ranges(self) -> "Ranges":
        return Ranges([piece for q in self.quoted for piece in q.pieces])

    def quoted_near(self, start: int, end: int) -> list[Quoted]:
        """The quotations that start within ``CUE_REACH`` characters of (start, end), in order."""
        starts = self._quoted_starts
        return self.quoted[bisect_left(starts, start - CUE_REACH): bisect_left(starts, end + 1)]

    @cached_property
    def _quoted_starts(self) -> list[int]:
        return [q.start for q in self.quoted]  # the quotations are in order of where they start

    def cues_near(self, start: int, end: int) -> list[Cue]:
        """The cues that start within ``CUE_REACH`` characters of (start, end): every rule reads
        a cue of the quotation's sentence or the one before or after, and an article may hold
        thousands of cues in one paragraph."""
        low = bisect_left(self._cue_starts, start - CUE_REACH)
        high = bisect_left(self._cue_starts, end + CUE_REACH + 1)
        return self.cues[low:high]

    @cached_property
    def _cue_starts(self) -> list[int]:
        return [c.start for c in self.cues]  # the cues are in order of where they start

    @classmethod
    def of(cls, ctx: ArticleContext) -> "Detection":
        furniture = furniture_ranges(ctx.text, ctx.paragraphs)
        return cls(
            ctx=ctx,
            quoted=[q for q in quotations(ctx.text) if not overlaps(q.start, q.end, furniture)],
            cues=[c for c in speech_cues(ctx) if not overlaps(c.start, c.end, furniture)],
            furniture=furniture,
        )

    def taken(self, quotations_too: bool = False) -> list[tuple[int, int]]:
        """Ranges later detectors leave alone: furniture and the quotes found so far (and every
        quotation, with ``quotations_too``)."""
        ranges = self.furniture + [piece for item in self.found for piece in item.pieces]
        if quotations_too:
            ranges += [(q.start, q.end) for q in self.quoted]
        return ranges


class Ranges:
    """Character ranges, merged and sorted once, for overlap tests by bisection (an article may
    hold thousands of quotes and cues: testing each against a list costs their product)."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(r for r in ranges if r[0] < r[1]):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [start for start, _ in merged]
        self.ends = [end for _, end in merged]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether (start, end) shares a character with one of the ranges."""
        index = bisect_left(self.starts, end) - 1  # the last range starting before ``end``
        return index >= 0 and self.ends[index] > start


def covers(quotation: Quoted, offset: int) -> bool:
    """Whether ``offset`` lies inside the quotation (between its marks)."""
    return any(start <= offset < end for start, end in quotation.pieces)


def word_count(text: str, quotation: Quoted) -> int:
    return sum(len(text[s:e].split()) for s, e in quotation.pieces)


def overlaps(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether (start, end) shares a character with one of ``ranges``."""
    return any(s < end and start < e for s, e in ranges)


# what may stand before the opening mark of a quotation that opens its sentence or clause
CLAUSE_OPENERS = frozenset("\n.!?:;,—–-([")


def opens_clause(text: str, quotation: Quoted) -> bool:
    """Whether the quotation opens its sentence or clause (only a sentence end, a colon, a comma
    or a dash before its mark), as a direct quote does; a fragment inside a sentence (a “crazy
    election,” that ...) has a word before it."""
    index = quotation.start - 1
    while index >= 0 and (text[index].isspace() or text[index] in "“\"'‘`„”"
                          or unicodedata.category(text[index]) == "Cf"):  # invisible formatting
        index -= 1
    return index < 0 or text[index] in CLAUSE_OPENERS


# how a quoted utterance (not a scare-quoted word) ends: a comma, a stop, "?", "!" or a dash
SPOKEN_ENDS = frozenset({",", ".", "?", "!", "—", "–", "…"})


def ends_like_speech(text: str, quotation: Quoted) -> bool:
    """Whether the quotation ends as speech does: its last character, or a comma right after it
    (the comma a quotation piece leaves to its attribution), is a stop, a comma, "?", "!" or a
    dash."""
    after = text[quotation.end: quotation.end + 3].lstrip("”’\"' ")
    return text[quotation.end - 1: quotation.end] in SPOKEN_ENDS or after[:1] in {",", "—", "–"}


def edge_tokens(ctx: ArticleContext, quotation: Quoted) -> tuple[Token | None, Token | None]:
    """The first and the last token of a quotation's words."""
    first = ctx.doc.char_span(quotation.start, quotation.pieces[0][1], alignment_mode="expand")
    last = ctx.doc.char_span(quotation.pieces[-1][0], quotation.end, alignment_mode="expand")
    return (first[0] if first else None), (last[-1] if last else None)

