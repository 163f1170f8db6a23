"""Follow-on quotes: a quotation with no cue of its own that goes on from the quote before it.

In the same paragraph it joins that quote ("“We are ready,” he said. “Completely ready.”" is one
quote of two pieces); opening one of the next paragraphs it is a new quote of the same speaker.
"""

from ..context import ArticleContext
from ..model import QuoteType
from .found import CONFIDENCE, Found, word_count
from .marks import Quoted

# a quote with no cue of its own goes on the previous speaker's quote when it is this long
MIN_CONTINUATION_WORDS = 5
# a quote opening a paragraph this close after the last quote found is the same speaker's
FOLLOW_PARAGRAPHS = 4


def follow_on(ctx: ArticleContext, quotation: Quoted, previous: Found) -> list[Found]:
    """What ``previous`` (the last quote found) becomes with ``quotation`` after it: itself with
    the quotation joined, itself and a new quote of its speaker, or itself alone when the
    quotation does not go on from it."""
    if word_count(ctx.text, quotation) < MIN_CONTINUATION_WORDS:
        return [previous]
    if previous.pieces[-1][1] > quotation.start:
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
        return [previous, Found(QuoteType.DIRECT, quotation.pieces, None, previous.mention,
                                CONFIDENCE["follows"])]
    return [previous]


def _paragraph_of(offset: int, paragraphs: list[tuple[int, int]]) -> int:
    for index, (start, end) in enumerate(paragraphs):
        if start <= offset <= end:
            return index
    return -1


def _starts_paragraph(text: str, offset: int, paragraph: tuple[int, int]) -> bool:
    return not text[paragraph[0]: offset].strip("“\"'‘`„” \t\xa0")
