"""Reported speech without quotation marks: a speech verb with its clause ("Ukraine's state
emergency service said more than 2,000 civilians have died"), "according to X", and headline
lead-ins ("Pat Caddell: Democrat Voters Worried ...").
"""

import re

from spacy.tokens import Doc, Span

from .cues import Cue, text_of
from .found import Found
from .model import QuoteType

# fewest words a reported clause needs to count as reported speech
MIN_CLAUSE_WORDS = 3
# confidence of reported speech by cue kind
CONFIDENCE = {"verb": 0.75, "according": 0.7, "noun": 0.6, "headline": 0.6}
# a headline lead-in: a name, a colon, then what was said ("Pat Caddell: Democrat Voters ...")
HEADLINE_LEAD_IN = re.compile(r"^([A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3}): (?=\S)")
# entity labels that can speak in a headline lead-in
SPEAKING_LABELS = {"PERSON", "ORG"}


def indirect_quotes(doc: Doc, cues: list[Cue], taken: list[tuple[int, int]]) -> list[Found]:
    """Reported speech at the cues not already used by a quotation, outside the ``taken`` ranges
    (quotations, quotes found so far, furniture)."""
    found = []
    for cue in cues:
        if not cue.content or _overlaps(cue.start, cue.end, taken):
            continue
        if any(_overlaps(start, end, taken) for start, end in cue.content):
            continue
        if sum(len(text_of(doc)[s:e].split()) for s, e in cue.content) < MIN_CLAUSE_WORDS:
            continue
        found.append(Found(QuoteType.INDIRECT, cue.content, cue.words, cue.speaker, CONFIDENCE[cue.kind]))
    return found


def headline_quotes(doc: Doc, paragraph: tuple[int, int], taken: list[tuple[int, int]]) -> list[Found]:
    """A title of the form "Name: what they said" (the name must be a person or organisation)."""
    start, end = paragraph
    match = HEADLINE_LEAD_IN.match(text_of(doc), start, end)
    if match is None or _overlaps(match.end(), end, taken):
        return []
    name = doc.char_span(match.start(1), match.end(1))
    if name is None or not _can_speak(doc, name):
        return []
    colon = doc.char_span(match.end(1), match.end(1) + 1)
    content_end = end
    while content_end > match.end() and not text_of(doc)[content_end - 1].isalnum():
        content_end -= 1
    return [Found(QuoteType.INDIRECT, ((match.end(), content_end),), colon, name, CONFIDENCE["headline"])]


def _can_speak(doc: Doc, name: Span) -> bool:
    """Whether a headline's lead-in names someone who can speak: a person or organisation, or
    proper nouns that are not a place ("Ukraine: ..." is a dateline, not a speaker)."""
    for ent in doc.ents:
        if ent.start <= name.start and name.end <= ent.end:
            return ent.label_ in SPEAKING_LABELS
    return all(token.pos_ == "PROPN" for token in name)


def _overlaps(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in ranges)
