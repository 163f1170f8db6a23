"""What the detectors return before speakers are resolved, and helpers they share."""

from typing import NamedTuple

from spacy.tokens import Span

from .marks import Quoted
from .model import QuoteType


class Found(NamedTuple):
    """A quote before its speaker is resolved: content pieces, cue words and speaker mention."""

    type: QuoteType
    pieces: tuple[tuple[int, int], ...]
    cue: Span | None
    mention: Span | None
    confidence: float


def covers(quotation: Quoted, offset: int) -> bool:
    """Whether ``offset`` lies inside the quotation (between its marks)."""
    return any(start <= offset < end for start, end in quotation.pieces)


def word_count(text: str, quotation: Quoted) -> int:
    return sum(len(text[s:e].split()) for s, e in quotation.pieces)
