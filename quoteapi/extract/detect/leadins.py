"""Quotations led in without a clause to hold them: a colon ("Mr Rivers said: “…"; "Caddell
continued:" ending the paragraph above; a title's "Elizabeth Warren …: ‘…’"), a transcript turn
(a paragraph opening with a mark and "PENCE: Well, look, …"), a byline dash after the quote
("“…” ― Sonya Herridge").
"""

import re

from spacy.tokens import Doc, Span, Token

from ...lexicon import words
from ...lexicon.verbs import speech_verbs
from ..context import ArticleContext
from ..grammar import VERB_POS
from ..model import QuoteType
from .cues import Cue, can_be_source, mention_span, speaker_of
from .found import CONFIDENCE, Detection, Found, opens_clause
from .marks import TRANSCRIPT_TURN, Quoted
from .slots import NO_SPEECH_LEMMAS, is_speaker, verb_before

# what may stand between a verb and the colon leading in to what it says: "whispered to him:"
ADDRESSEE_DEPS = frozenset({"prep", "advmod", "npadvmod", "dative", "prt"})
# a source in brackets after a closing mark, ending its paragraph: "” [Reuters.]"
CREDIT = re.compile(r"[ \t\xa0]*\[([A-Z][^\[\]\n]{0,40}?)\.?\][ \t\xa0]*(?=\n|$)")
# a byline after a closing mark, on its line or the next: "” ― Sonya Herridge", "”\n\n- Clinton."
# (a hyphen with a space after it stands for a dash)
BYLINE = re.compile(r"[\s\xa0]*(?:[―—–]|-(?=[ \xa0]))[\s\xa0]*(?=[A-Z])")


def quote_after_colon(state: Detection, quotation: Quoted, cues: list[Cue]) -> Found | None:
    """A colon right before the quotation, in its paragraph or ending the paragraph above:
    the verb before the colon is the cue ("Caddell continued:"), or a name is ("WALLACE:")."""
    ctx = state.ctx
    colon = _colon_before(ctx.text, quotation.start)
    if colon is None:
        return None
    colon_span = ctx.doc.char_span(colon, colon + 1, alignment_mode="expand")
    if colon_span is None:
        return None
    sentence = colon_span[0].sent
    lead_ins = speech_verbs() | words("lead_in_verbs")
    lead = ctx.doc[sentence.start: colon_span[0].i]
    verbs = [t for t in lead if t.pos_ in {"VERB", "AUX"}]
    speech_noun = any(t.lemma_.lower() in words("speech_nouns") for t in lead)
    if verbs and (verbs[-1].lemma_.lower() in lead_ins or speech_noun):
        token = verbs[-1]
        return Found(QuoteType.DIRECT, quotation.pieces, ctx.doc[token.i: token.i + 1],
                     speaker_of(ctx, token), CONFIDENCE["colon"])
    slot = verb_before(ctx, colon_span[0]) or _main_clause(ctx, lead)
    if slot is not None:  # any verb right before the colon ("Mr. Smith shot back:"), or the
        # clause the colon ends ("Cruz delivered a snappy retort:")
        verb, speaker = slot
        return Found(QuoteType.DIRECT, quotation.pieces, ctx.doc[verb.i: verb.i + 1], speaker,
                     CONFIDENCE["colon"])
    name = _name_before(ctx, colon_span[0]) or _headline_name(ctx, colon_span[0])
    if name is None:
        return None
    return Found(QuoteType.DIRECT, quotation.pieces, colon_span, name, CONFIDENCE["colon"])


def led_in_by(ctx: ArticleContext, quotation: Quoted) -> Token | None:
    """The verb of an attribution with its own speaker that ends with a colon right before the
    quotation ("his wife whispered to him: “…”"), or None."""
    colon = _colon_before(ctx.text, quotation.start)
    if colon is None or ctx.crosses_paragraph(colon, quotation.start):
        return None
    colon_span = ctx.doc.char_span(colon, colon + 1, alignment_mode="expand")
    if colon_span is None:
        return None
    slot = verb_before(ctx, colon_span[0])
    if slot is not None:
        return slot[0]
    verb = colon_span[0].head  # "whispered to him:": the colon hangs from the verb it ends
    if verb.pos_ != "VERB" or verb.i > colon_span[0].i or verb.lemma_.lower() in NO_SPEECH_LEMMAS:
        return None
    between = ctx.doc[verb.i + 1: colon_span[0].i]
    if any(t.dep_ not in ADDRESSEE_DEPS and t.head.i == verb.i for t in between):
        return None  # more than whom the verb speaks to
    speaker = speaker_of(ctx, verb)
    return verb if speaker is not None and is_speaker(speaker.root) else None


def _after_headline(ctx: ArticleContext, quotation: Quoted) -> bool:
    """Whether only a headline in capitals stands before the quotation in its paragraph (a digest:
    "HOW THE DROUGHT HIT THE VALLEY “…” [Reuters.]"), not words of a sentence ("a trailer for
    “Sherlock.”")."""
    start = ctx.paragraph_bounds(quotation.start)[0]
    lead = ctx.text[start: quotation.start]
    return any(char.isalpha() for char in lead) and not any(char.islower() for char in lead)


def _main_clause(ctx: ArticleContext, lead: Span) -> tuple[Token, Span] | None:
    """The main verb of the words before a colon and its speaker, when that is someone."""
    roots = [t for t in lead if t.head.i == t.i or t.head.i >= lead.end]
    verbs = [t for t in roots if t.pos_ in VERB_POS and (
        t.lemma_.lower() not in NO_SPEECH_LEMMAS or _judged(t))]
    if len(verbs) != 1:
        return None
    speaker = speaker_of(ctx, verbs[0])
    return (verbs[0], speaker) if speaker is not None and is_speaker(speaker.root) else None


def _judged(verb: Token) -> bool:
    """"be" with an adjective before a colon: "X was blunt:", "She was clear:"."""
    return verb.lemma_.lower() == "be" and any(c.dep_ == "acomp" for c in verb.children)


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


# most words of a name set off before a colon
MAX_NAME_WORDS = 4
# what may stand right before a name that leads in a quotation with a colon
NAME_SETTERS = {"-", "—", "–", "―", ".", "(", "•"}
# parts of speech of the words of a name set off before a colon
NAME_POS = {"PROPN", "NOUN"}


def _name_before(ctx: ArticleContext, colon: Token) -> Span | None:
    """A person or organisation named just before a colon ("PENCE:", "Pat Caddell:"), or
    before a bracket there ("Rep. Trey Gowdy (R-S.C.):")."""
    doc = ctx.doc
    end = _before_brackets(doc, colon)
    for ent in doc.ents:
        if ent.end == end and ent.label_ in {"PERSON", "ORG"}:
            return ent
    start = colon.i
    while start > 0 and doc[start - 1].is_upper and doc[start - 1].is_alpha:
        start -= 1
    if start < colon.i and (start == 0 or doc[start - 1].is_space or doc[start - 1].is_quote):
        return doc[start: colon.i]
    start = colon.i  # a capitalised name no one tagged, set off before the colon: "- Philip Bump:"
    while start > 0 and colon.i - start < MAX_NAME_WORDS and doc[start - 1].pos_ in NAME_POS \
            and doc[start - 1].is_title:
        start -= 1  # (title case may make the tagger read a name as common nouns: "Pew Research")
    before = doc[start - 1] if start > 0 else None
    if start < colon.i and (before is None or before.is_space or before.text in NAME_SETTERS
                            or before.lower_ == "from"):
        return doc[start: colon.i]
    return _source_after_from(doc, colon)


def _source_after_from(doc: Doc, colon: Token) -> Span | None:
    """The source a lead-in names with "From" and no verb ("From the report:", "From the
    statement issued on Friday:")."""
    start = colon.sent.start
    while start < colon.i and doc[start].is_space:
        start += 1
    lead = doc[start: colon.i]
    if len(lead) < 2 or lead[0].lower_ != "from" or any(t.pos_ in {"VERB", "AUX"} for t in lead):
        return None
    nouns = [t for t in lead[1:] if t.pos_ in NAME_POS]
    return doc[lead[1].i: colon.i] if nouns and can_be_source(nouns[-1]) else None


def _before_brackets(doc: Doc, colon: Token) -> int:
    """Where the words before ``colon`` stop short of a short bracket ending right there (a
    party and state, an age), else the colon's index. spaCy keeps "):" as one token (a smiley
    among its exceptions)."""
    if colon.text == "):":
        closing = colon.i
    elif colon.i > 0 and doc[colon.i - 1].text == ")":
        closing = colon.i - 1
    else:
        return colon.i
    for index in range(closing - 1, max(-1, closing - MAX_NAME_WORDS - 2), -1):
        if doc[index].text == "(":
            return index
    return colon.i


def quote_of_turn(state: Detection, quotation: Quoted, cues: list[Cue]) -> Found | None:
    """A transcript turn: "\"PENCE: Well, look, ..." (the name in capitals, then a colon)."""
    ctx = state.ctx
    match = TRANSCRIPT_TURN.match(ctx.text, quotation.start)
    if match is None:
        return None
    colon = match.end() - 2
    name = ctx.doc.char_span(quotation.start, colon, alignment_mode="expand")
    cue = ctx.doc.char_span(colon, colon + 1, alignment_mode="expand")
    pieces = ((match.end(), quotation.pieces[0][1]),) + quotation.pieces[1:]
    if name is None or cue is None or pieces[0][0] >= pieces[0][1]:
        return None
    return Found(QuoteType.DIRECT, pieces, cue, name, CONFIDENCE["turn"])


def _headline_name(ctx: ArticleContext, colon: Token) -> Span | None:
    """In the title (first paragraph) before a colon, the person it opens with ("Elizabeth Warren
    Hammers Wells Fargo CEO: ‘…’")."""
    if not ctx.paragraphs or colon.idx >= ctx.paragraphs[0][1]:
        return None
    people = [ent for ent in ctx.doc.ents if ent.end <= colon.i and ent.label_ == "PERSON"]
    return people[0] if people and people[0].start_char == ctx.paragraphs[0][0] else None


def quote_with_byline(state: Detection, quotation: Quoted, cues: list[Cue]) -> Found | None:
    """A dash and a name after the closing mark ("“…” ― Sonya Herridge"), or a source in brackets
    ending the paragraph, a digest's credit for an excerpt ("“…” [Reuters.]")."""
    ctx = state.ctx
    if not quotation.closed:
        return None
    credit = CREDIT.match(ctx.text, quotation.end + 1)
    if credit is not None and (opens_clause(ctx.text, quotation) or _after_headline(ctx, quotation)):
        source = ctx.doc.char_span(*credit.span(1), alignment_mode="expand")
        if source is None or not any(t.pos_ == "PROPN" for t in source):
            return None
        return Found(QuoteType.DIRECT, quotation.pieces, source, source, CONFIDENCE["byline"])
    match = BYLINE.match(ctx.text, quotation.end + 1)
    if match is None:
        return None
    dash = ctx.doc.char_span(match.start(), match.end(), alignment_mode="expand")
    start = dash[-1].i + 1 if dash else None
    if start is None or start >= len(ctx.doc):
        return None
    end = start
    while end < len(ctx.doc) and (ctx.doc[end].pos_ == "PROPN" or ctx.doc[end].text == ".") and "\n" not in ctx.doc[end].text:
        end += 1
    if end == start:
        return None
    cue = ctx.doc[dash[-1].i: dash[-1].i + 1]
    return Found(QuoteType.DIRECT, quotation.pieces, cue, mention_span(ctx, ctx.doc[end - 1]) if end - start == 1
                 else ctx.doc[start:end], CONFIDENCE["byline"])
