"""Reported speech without quotation marks: a speech verb with its clause ("Ukraine's state
emergency service said more than 2,000 civilians have died"), "according to X", "Trump's claim
that ...".
"""

from ..model import QuoteType
from .found import CONFIDENCE, Detection, Found, overlaps

# fewest words a reported clause needs to count as reported speech
MIN_CLAUSE_WORDS = 3


def reported_quotes(state: Detection) -> list[Found]:
    """Reported speech at the cues not already used by a quotation, outside quotations, quotes
    found so far and furniture."""
    taken = state.taken(quotations_too=True)
    text = state.ctx.text
    found = []
    for cue in state.cues:
        if not cue.content or overlaps(cue.start, cue.end, taken):
            continue
        if any(overlaps(start, end, taken) for start, end in cue.content):
            continue
        if sum(len(text[s:e].split()) for s, e in cue.content) < MIN_CLAUSE_WORDS:
            continue
        confidence = CONFIDENCE["object" if cue.topic else cue.kind]
        found.append(Found(QuoteType.INDIRECT, cue.content, cue.words, cue.speaker, confidence))
    return found
