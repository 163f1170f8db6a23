"""Quotations led in without a clause to hold them: a colon ("Mr Rivers said: “…"; "Caddell
continued:" ending the paragraph above; a title's "Elizabeth Warren …: ‘…’"), a transcript turn
(a paragraph opening with a mark and "PENCE: Well, look, …"), a byline dash after the quote
("“…” ― Sonya Herridge").
"""

import re

from spacy.tokens import Doc, Span, Token

from .cues import mention_span, speaker_of, text_of
from .data import words
from .found import Found
from .marks import TRANSCRIPT_TURN, Quoted
from .model import QuoteType

# a byline after a closing mark: "” ― Sonya Herridge"
BYLINE = re.compile(r"[\s\xa0]*[―—–][\s\xa0]*(?=[A-Z])")
# confidence by the kind of lead-in
CONFIDENCE = {"colon": 0.9, "turn": 0.9, "byline": 0.85}


def quote_after_colon(doc: Doc, quotation: Quoted, paragraphs: list[tuple[int, int]]) -> Found | None:
    """A colon right before the quotation, in its paragraph or ending the paragraph above:
    the verb before the colon is the cue ("Caddell continued:"), or a name is ("WALLACE:")."""
    colon = _colon_before(text_of(doc), quotation.start)
    if colon is None:
        return None
    colon_span = doc.char_span(colon, colon + 1, alignment_mode="expand")
    if colon_span is None:
        return None
    sentence = colon_span[0].sent
    lead_ins = words("speech_verbs") | words("lead_in_verbs")
    lead = doc[sentence.start: colon_span[0].i]
    verbs = [t for t in lead if t.pos_ in {"VERB", "AUX"}]
    speech_noun = any(t.lemma_.lower() in words("speech_nouns") for t in lead)
    if verbs and (verbs[-1].lemma_.lower() in lead_ins or speech_noun):
        token = verbs[-1]
        return Found(QuoteType.DIRECT, quotation.pieces, doc[token.i: token.i + 1],
                     speaker_of(token), CONFIDENCE["colon"])
    name = _name_before(doc, colon_span[0]) or _headline_name(doc, colon_span[0], paragraphs)
    if name is None:
        return None
    return Found(QuoteType.DIRECT, quotation.pieces, colon_span, name, CONFIDENCE["colon"])


def _colon_before(text: str, start: int) -> int | None:
    """Offset of a colon that directly leads in to the quotation starting at ``start``."""
    position = start - 1
    while position >= 0 and text[position] in "“\"'‘`„” \t\xa0":
        position -= 1
    if position >= 0 and text[position] == ":":
        return position
    if position >= 0 and text[position] == "\n":
        while position >= 0 and text[position].isspace():
            position -= 1
        if position >= 0 and text[position] == ":":
            return position
    return None


def _name_before(doc: Doc, colon: Token) -> Span | None:
    """A person or organisation named just before a colon ("PENCE:", "Pat Caddell:")."""
    for ent in doc.ents:
        if ent.end == colon.i and ent.label_ in {"PERSON", "ORG"}:
            return ent
    start = colon.i
    while start > 0 and doc[start - 1].is_upper and doc[start - 1].is_alpha:
        start -= 1
    if start < colon.i and (start == 0 or doc[start - 1].is_space or doc[start - 1].is_quote):
        return doc[start: colon.i]
    return None


def quote_of_turn(doc: Doc, quotation: Quoted) -> Found | None:
    """A transcript turn: "\"PENCE: Well, look, ..." (the name in capitals, then a colon)."""
    match = TRANSCRIPT_TURN.match(text_of(doc), quotation.start)
    if match is None:
        return None
    colon = match.end() - 2
    name = doc.char_span(quotation.start, colon, alignment_mode="expand")
    cue = doc.char_span(colon, colon + 1, alignment_mode="expand")
    pieces = ((match.end(), quotation.pieces[0][1]),) + quotation.pieces[1:]
    if name is None or cue is None or pieces[0][0] >= pieces[0][1]:
        return None
    return Found(QuoteType.DIRECT, pieces, cue, name, CONFIDENCE["turn"])


def _headline_name(doc: Doc, colon: Token, paragraphs: list[tuple[int, int]]) -> Span | None:
    """In the title (first paragraph) before a colon, the person it opens with ("Elizabeth Warren
    Hammers Wells Fargo CEO: ‘…’")."""
    if not paragraphs or colon.idx >= paragraphs[0][1]:
        return None
    people = [ent for ent in doc.ents if ent.end <= colon.i and ent.label_ == "PERSON"]
    return people[0] if people and people[0].start_char == paragraphs[0][0] else None


def quote_with_byline(doc: Doc, quotation: Quoted) -> Found | None:
    """A dash and a name after the closing mark: "“…” ― Sonya Herridge"."""
    if not quotation.closed:
        return None
    match = BYLINE.match(text_of(doc), quotation.end + 1)
    if match is None:
        return None
    dash = doc.char_span(match.start(), match.end(), alignment_mode="expand")
    start = dash[-1].i + 1 if dash else None
    if start is None or start >= len(doc):
        return None
    end = start
    while end < len(doc) and (doc[end].pos_ == "PROPN" or doc[end].text == ".") and "\n" not in doc[end].text:
        end += 1
    if end == start:
        return None
    cue = doc[dash[-1].i: dash[-1].i + 1]
    return Found(QuoteType.DIRECT, quotation.pieces, cue, mention_span(doc[end - 1]) if end - start == 1
                 else doc[start:end], CONFIDENCE["byline"])
