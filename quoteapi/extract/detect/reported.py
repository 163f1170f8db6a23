"""Reported speech without quotation marks: a speech verb with its clause ("Ukraine's state
emergency service said more than 2,000 civilians have died"), "according to X", "Trump's claim
that ...".
"""

from ..model import QuoteType
from .cues import Cue
from .found import CONFIDENCE, Detection, Found, Ranges

# fewest words a reported clause needs to count as reported speech
MIN_CLAUSE_WORDS = 3
# two clauses this alike (Dice of their characters) say the same thing
NEAR_SAME = 0.5


def reported_quotes(state: Detection) -> list[Found]:
    """Reported speech at the cues not already used by a quotation, outside quotations, quotes
    found so far and furniture."""
    taken = Ranges(state.taken(quotations_too=True))
    # what each cue a quotation used attributes, as found (a mixed quote may stop short of
    # the cue's whole clause: the writer's comment after it is not)
    used = {item.cue.start_char: item.pieces for item in state.found if item.cue is not None}
    text = state.ctx.text
    by_sentence: dict[int, list[Cue]] = {}
    for cue in state.cues:
        by_sentence.setdefault(state.ctx.sentences.number(cue.words.start), []).append(cue)
    found = []
    for cue in state.cues:
        if not cue.content or taken.overlaps(cue.start, cue.end) or cue.start in used:
            continue  # no clause, or words already quoted, or a cue that attributes a quotation
        if any(taken.overlaps(start, end) for start, end in cue.content):
            continue
        if sum(len(text[s:e].split()) for s, e in cue.content) < MIN_CLAUSE_WORDS:
            continue
        if _reported_by_another(cue, by_sentence[state.ctx.sentences.number(cue.words.start)],
                                used):
            continue
        confidence = CONFIDENCE["object" if cue.topic else cue.kind]
        found.append(Found(QuoteType.INDIRECT, cue.content, cue.words, cue.speaker, confidence))
    return found


def _reported_by_another(cue: Cue, cues: list[Cue],
                         used: dict[int, tuple[tuple[int, int], ...]]) -> bool:
    """Whether ``cue`` stands inside the clause of another of ``cues`` (those of its sentence)
    that says much the same ("Democrats say those revelations show that ...": what the
    revelations show is what the Democrats say), so the outer cue's speaker is the one quoted.
    A cue a quotation used stands for what its quote holds (``used``)."""
    own = {i for s, e in cue.content for i in range(s, e)}
    for other in cues:
        content = used.get(other.start, other.content)
        if other is cue or not any(s <= cue.start < e for s, e in content):
            continue
        theirs = {i for s, e in content for i in range(s, e)}
        if 2 * len(own & theirs) >= NEAR_SAME * (len(own) + len(theirs)):
            return True
    return False
