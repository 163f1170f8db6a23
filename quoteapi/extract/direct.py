"""Quotations tied to their cues: direct quotes (the content is inside the marks) and mixed ones
(a reported clause holding a quoted fragment).

A quotation counts only when something attributes it: a speech cue whose clause holds it, a cue
right beside it in its sentence, a lead-in (``leadins.py``: colons, transcript turns, bylines), a
verb governing the quoted words ("called the deal “a disaster”"), or the quote just before it
(the same speaker going on). Anything else (scare quotes, quoted titles) is left out.
"""

import re

from spacy.tokens import Doc, Span, Token

from .cues import Cue, same_paragraph, speaker_of, text_of, token_pieces, trailing_clause
from .data import words
from .found import Found, covers, word_count
from .leadins import quote_after_colon, quote_of_turn, quote_with_byline
from .marks import MARK_PATTERN, Quoted
from .model import QuoteType

# a quotation mark right before a quotation's words (doubled apostrophes or backticks first)
OPENING_MARK_BEFORE = re.compile(r"(?:''|``|[“„\"‘'])$")

# most tokens allowed between a quotation and a cue beside it in the same sentence
MAX_CUE_GAP = 8
# a short quotation ending like speech ("“You winning?” she said") may have its cue this close
SHORT_CUE_GAP = 2
# how a quoted utterance (not a scare-quoted word) ends inside its marks
SPOKEN_ENDS = {",", "?", "!", "."}
# a quotation this short needs a cue whose clause holds it (else it is a scare quote)
MIN_LOOSE_WORDS = 4
# a quote with no cue of its own goes on the previous speaker's quote when it is this long
MIN_CONTINUATION_WORDS = 5
# a quote opening a paragraph this close after the last quote found is the same speaker's
FOLLOW_PARAGRAPHS = 4
# a quoted title: every word capitalised, at most this many words, no final stop
MAX_TITLE_WORDS = 8
# small words a title leaves in lower case
TITLE_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by"}
# tokens that end a sentence
SENTENCE_ENDS = {".", "!", "?", ";"}
# how far up the parse a quoted fragment's governing verb may be looked for
GOVERNOR_STEPS = 3
# forms of "be" (the tagger lemmatises a title-case "’s" to "’"): a copula governs no quote
BE_FORMS = {"be", "is", "are", "was", "were", "been", "being", "am", "'s", "’s", "'re", "’re", "'m", "’m"}
# objects of a governing verb that belong to what it attributes ("called *the deal* “a disaster”")
GOVERNOR_OBJECT_DEPS = {"dobj", "dative", "oprd"}
# clauses after a governing verb that are not part of what it attributes
GOVERNOR_CUT_DEPS = {"advcl", "conj", "cc", "parataxis", "punct", "mark"}
# confidence by the way a quotation was attributed
CONFIDENCE = {"clause": 0.95, "beside": 0.9, "mixed": 0.85, "continued": 0.8, "follows": 0.6,
              "governor": 0.7, "any verb": 0.5}
# pronouns that stand for a person or group able to speak
PERSONAL_PRONOUNS = {"he", "she", "they", "i", "we"}


def direct_quotes(doc: Doc, quoted: list[Quoted], cues: list[Cue],
                  paragraphs: list[tuple[int, int]]) -> list[Found]:
    """The direct and mixed quotes of ``doc``: each quotation with the cue that attributes it."""
    found: list[Found] = []
    for quotation in quoted:
        if is_title(text_of(doc), quotation) or _taken(quotation, found):
            continue
        outside = [c for c in cues if not covers(quotation, c.start)]
        result = (
            quote_of_turn(doc, quotation)
            or _by_clause(doc, quotation, outside, quoted)
            or _beside(doc, quotation, outside, quoted)
            or quote_after_colon(doc, quotation, paragraphs)
            or quote_with_byline(doc, quotation)
            or _by_governor(doc, quotation, quoted)
        )
        if result is None:
            result = _continuing(doc, quotation, found, paragraphs)
            if result == "merged":
                continue
        if result is not None:
            found.append(result)
    return found


def is_title(text: str, quotation: Quoted) -> bool:
    """Whether a quotation is a title or a name ("“The Big Short”"), not something said."""
    content = " ".join(text[s:e] for s, e in quotation.pieces).strip()
    tokens = content.split()
    if not tokens or len(tokens) > MAX_TITLE_WORDS or content[-1] in ".!?,;:":
        return False
    return all(t[0].isupper() or not t[0].isalpha() or t.lower() in TITLE_SMALL_WORDS for t in tokens) \
        and tokens[0][0].isupper()


def _alnum(text: str, pieces: tuple[tuple[int, int], ...], without: Quoted | None = None) -> int:
    """How many letters and digits ``pieces`` hold, leaving out those inside ``without``."""
    return sum(1 for s, e in pieces for i in range(s, e)
               if text[i].isalnum() and not (without and covers(without, i)))


def _taken(quotation: Quoted, found: list[Found]) -> bool:
    """Whether a quote found already holds the quotation (an interrupted quote's second half)."""
    return any(s <= quotation.start and quotation.end <= e for item in found for s, e in item.pieces)


def _by_clause(doc: Doc, quotation: Quoted, cues: list[Cue], quoted: list[Quoted]) -> Found | None:
    """A cue whose reported clause holds the quotation: direct when the clause is all quote (the
    quotations in it are the pieces), mixed (the clause is the content) when it has words of its
    own."""
    for cue in cues:
        if not cue.content or not any(s < quotation.end and quotation.start < e for s, e in cue.content):
            continue
        if cue.start >= quotation.start and cue.end <= quotation.end:
            continue
        within = [q for q in quoted if any(s < q.end and q.start < e for s, e in cue.content)]
        outside = sum(_alnum(text_of(doc), cue.content, without=q) for q in within) - \
            (len(within) - 1) * _alnum(text_of(doc), cue.content)
        if outside == 0:
            pieces = tuple(piece for q in within for piece in q.pieces)
            return Found(QuoteType.DIRECT, pieces, cue.words, cue.speaker, CONFIDENCE["clause"])
        return Found(QuoteType.MIXED, _mixed_pieces(doc, cue.content, quotation), cue.words, cue.speaker,
                     CONFIDENCE["mixed"])
    return None


def _mixed_pieces(doc: Doc, clause: tuple[tuple[int, int], ...], quotation: Quoted) -> tuple[tuple[int, int], ...]:
    """A mixed quote's pieces: the reported clause with the quotation in it, and the quotation's
    own marks where it opens or closes the clause (the clause's edges lose punctuation, which
    would keep one mark of “…” and drop the other)."""
    text = text_of(doc)
    first, last = quotation.pieces[0][0], quotation.pieces[-1][1]
    opening = OPENING_MARK_BEFORE.search(text, max(0, first - 2), first)
    closing = MARK_PATTERN.match(text, last) if quotation.closed else None
    return tuple(
        (opening.start() if opening and start == first else start,
         closing.end() if closing and end == last else end)
        for start, end in _union(clause, quotation.pieces)
    )


def _union(pieces: tuple[tuple[int, int], ...], more: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    """Pieces covering both sets, overlapping or touching ones joined."""
    merged: list[list[int]] = []
    for start, end in sorted(pieces + more):
        if merged and start <= merged[-1][1] + 2:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((s, e) for s, e in merged)


def _beside(doc: Doc, quotation: Quoted, cues: list[Cue], quoted: list[Quoted]) -> Found | None:
    """A cue a few words before or after the quotation in its paragraph, with no sentence end
    between them ("“…,” Johnson said"; "“…?” Graham asked.")."""
    text = text_of(doc)
    short = word_count(text, quotation) < MIN_LOOSE_WORDS
    if short and text[quotation.end - 1: quotation.end] not in SPOKEN_ENDS:
        return None  # a short fragment beside a cue is a quote only when it ends like speech
    first, last = _edge_tokens(doc, quotation)
    if first is None or last is None:
        return None
    best: tuple[int, Cue] | None = None
    for cue in cues:
        if cue.kind != "verb" or any(covers(q, cue.start) for q in quoted):
            continue
        token = cue.words[0]
        if token.i > last.i and _ends_sentence(text, quotation):
            continue  # “… Strength.” He told the crowd: the cue starts a new sentence
        if token.i > last.i:
            between = doc[last.i + 1: token.i]
        elif token.i < first.i:
            between = doc[token.i + 1: first.i]
        else:
            continue
        mention = range(cue.speaker.start, cue.speaker.end) if cue.speaker is not None else range(0)
        between = [t for t in between if t.i not in mention]  # the speaker's own words may be long
        if len(between) <= (SHORT_CUE_GAP if short else MAX_CUE_GAP) and not _breaks(between) and (best is None or len(between) < best[0]):
            best = (len(between), cue)
    if best is None:
        return None
    return Found(QuoteType.DIRECT, quotation.pieces, best[1].words, best[1].speaker, CONFIDENCE["beside"])


def _ends_sentence(text: str, quotation: Quoted) -> bool:
    """Whether a closed quotation ends with a full stop and the next word is capitalised: what
    follows is a new sentence, not a cue ending this one (“…,” he said / “….” He went on)."""
    after = text[quotation.end + 1: quotation.end + 40].lstrip(" \t\xa0”’\"'")
    return quotation.closed and text[quotation.end - 1: quotation.end] == "." and after[:1].isupper()


def _breaks(tokens: list[Token]) -> bool:
    """Whether a sentence or paragraph ends among ``tokens`` (a stop, or a line break)."""
    return any(t.text in SENTENCE_ENDS or "\n" in t.text for t in tokens)


def _edge_tokens(doc: Doc, quotation: Quoted) -> tuple[Token | None, Token | None]:
    first = doc.char_span(quotation.start, quotation.pieces[0][1], alignment_mode="expand")
    last = doc.char_span(quotation.pieces[-1][0], quotation.end, alignment_mode="expand")
    return (first[0] if first else None), (last[-1] if last else None)


def _by_governor(doc: Doc, quotation: Quoted, quoted: list[Quoted]) -> Found | None:
    """A verb of speech or judgement that governs the quoted words ("called the deal “a
    disaster”", "described Clinton as a “disgrace”"): a mixed quote of the words after the verb."""
    span = doc.char_span(*quotation.pieces[0], alignment_mode="expand")
    if span is None:
        return None
    verbs = words("speech_verbs") | words("quoting_verbs")
    verb = span.root.head
    for _ in range(GOVERNOR_STEPS):
        if verb.pos_ == "VERB" or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ != "VERB" or any(covers(q, verb.idx) for q in quoted):
        return None
    listed = verb.lemma_.lower() in verbs
    if "\n" in text_of(doc)[min(verb.idx, quotation.start): max(verb.idx, quotation.start)]:
        return None
    after = sorted((c for c in verb.children if c.i > verb.i), key=lambda c: c.i)
    holds = [c.left_edge.idx <= quotation.start <= c.right_edge.idx + len(c.right_edge) for c in after]
    if not any(holds):
        return None  # the quoted words are not what the verb governs (a scare quote in its subject)
    first = next(n for n, c in enumerate(after) if c.dep_ in GOVERNOR_OBJECT_DEPS or holds[n])
    tokens = same_paragraph(verb, [t for c in after[first:] if c.dep_ not in GOVERNOR_CUT_DEPS
                                   and not trailing_clause(c) for t in c.subtree])
    pieces = _mixed_pieces(doc, token_pieces(tokens), quotation)
    speaker = speaker_of(verb)
    if not listed and (speaker is None or not _is_someone(speaker) or verb.lower_ in BE_FORMS):
        return None  # "be" attributes nothing: “He’s For Oil Because ‘Oil Pays Him …’”
    confidence = CONFIDENCE["governor"] if listed else CONFIDENCE["any verb"]
    return Found(QuoteType.MIXED, pieces, doc[verb.i: verb.i + 1], speaker, confidence)


def _is_someone(mention: Span) -> bool:
    """Whether a mention can be a source: a noun or name (people, groups, papers, reports) or a
    personal pronoun; a subject like that attributes the fragment its verb governs even when the
    verb is no verb of speech ("Protesters chanted “What curfew?”")."""
    if mention.root.lower_ in PERSONAL_PRONOUNS or mention.root.pos_ in {"PROPN", "NOUN"}:
        return True
    return any(ent.label_ in {"PERSON", "ORG", "NORP"} and ent.root == mention.root for ent in mention.ents)


def _continuing(doc: Doc, quotation: Quoted, found: list[Found],
                paragraphs: list[tuple[int, int]]) -> Found | str | None:
    """A quotation with no cue that goes on from the quote before it: in the same paragraph it
    joins that quote ("merged"); opening the next paragraph it is a new quote of the same speaker."""
    if not found or word_count(text_of(doc), quotation) < MIN_CONTINUATION_WORDS:
        return None
    previous = found[-1]
    if previous.pieces[-1][1] > quotation.start:
        return None
    here = _paragraph_of(quotation.start, paragraphs)
    there = _paragraph_of(previous.pieces[-1][1], paragraphs)
    if here == there:
        cue_after = previous.cue is not None and previous.cue.start_char >= previous.pieces[-1][1]
        if previous.type != QuoteType.DIRECT and not cue_after:
            return None  # a mixed quote goes on only after a cue that follows it ("“…,” he said. “…”")
        found[-1] = previous._replace(pieces=previous.pieces + quotation.pieces)
        return "merged"
    if 0 < here - there <= FOLLOW_PARAGRAPHS and _starts_paragraph(text_of(doc), quotation.start,
                                                                 paragraphs[here]):
        return Found(QuoteType.DIRECT, quotation.pieces, None, previous.mention, CONFIDENCE["follows"])
    return None


def _paragraph_of(offset: int, paragraphs: list[tuple[int, int]]) -> int:
    for index, (start, end) in enumerate(paragraphs):
        if start <= offset <= end:
            return index
    return -1


def _starts_paragraph(text: str, offset: int, paragraph: tuple[int, int]) -> bool:
    return not text[paragraph[0]: offset].strip("“\"'‘`„” \t\xa0")
