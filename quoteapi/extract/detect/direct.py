"""Quotations tied to their cues: direct quotes (the content is inside the marks) and mixed ones
(a reported clause holding a quoted fragment).

A quotation counts only when something attributes it: a speech cue whose clause holds it, a cue
right beside it in its sentence, a lead-in (``leadins.py``: colons, transcript turns, bylines), a
verb governing the quoted words ("called the deal “a disaster”"), or the quote just before it
(the same speaker going on). Anything else (scare quotes, quoted titles) is left out.
"""

import re

from collections.abc import Callable

from spacy.tokens import Span, Token

from ...lexicon import words
from ...lexicon.verbs import speech_verbs
from ..context import ArticleContext
from ..grammar import PERSONAL_PRONOUNS, is_dash
from ..model import QuoteType
from .cues import (
    ADDRESSEE_VERBS,
    CLAUSE_DEPS,
    Cue,
    gives_reason,
    speaker_of,
    token_pieces,
    trailing_clause,
)
from .followon import by_next_sentence, by_sentence_subject, follow_on, interrupts
from .found import (
    CONFIDENCE,
    Detection,
    Found,
    covers,
    edge_tokens,
    ends_like_speech,
    opens_clause,
    overlaps,
    word_count,
)
from .leadins import led_in_by, quote_after_colon, quote_of_turn, quote_with_byline
from .marks import MARK_PATTERN, Quoted
from .slots import (
    by_attribution_slot,
    by_chant_noun,
    by_lead_in_slot,
    by_verb_right_before,
    chant_noun,
)

# a quotation mark right before a quotation's words (doubled apostrophes or backticks first)
OPENING_MARK_BEFORE = re.compile(r"(?:''|``|[“„\"‘'])$")

# most tokens allowed between a quotation and a cue beside it in the same sentence
MAX_CUE_GAP = 8
# a short quotation ending like speech ("“You winning?” she said") may have its cue this close
SHORT_CUE_GAP = 2
# a quotation this short needs a cue whose clause holds it (else it is a scare quote)
MIN_LOOSE_WORDS = 4
# the quotes found last that may already hold a quotation (an interrupted quote's first half, a
# mixed quote over several quotations, and its nested quote)
RECENT_FOUND = 4
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
# what may stand between a clause and a quotation that goes on with it: a space, the mark
BEFORE_QUOTATION = re.compile(r"[ \t]*(?:''|``|[“„\"‘'])")
# a lead-in of the writer's own ending right before a quotation: a comma or colon, the mark
LEAD_END = re.compile(r"[,:]\s*(?:''|``|[“„\"‘'])?$")
# what ties words before a quotation to the quoted clause itself: its subject, object, auxiliary
CLAUSE_CORE_DEPS = {"nsubj", "nsubjpass", "csubj", "expl", "dobj", "attr", "aux", "auxpass", "neg"}
# the closing of a quotation with a comma, inside the mark or after it: “…,” / "…",
COMMA_AFTER_MARK = re.compile(r",(?:''|[”\"’'])\s+|(?:''|[”\"’']),\s+")
# what a writer adds past such a comma: a clause, an aside, the speaker's next act
COMMENT_DEPS = {"advcl", "relcl", "appos", "npadvmod", "parataxis", "mark"}
# verbs that call their object something ("called the plan “a disgrace”"), and how many tokens
# before a quotation one may stand with its object in between
CALLING_VERBS = {"call", "label", "brand", "dub", "deem", "term"}
CALLING_REACH = 30
# lower-case words that make a line prose rather than a headline in capitals
PROSE_WORDS = 3
# most tokens of an attribution after a quotation before the comma that ends it ("he told Fox,")
ATTRIBUTION_TAIL = 5
# clauses after a governing verb that are not part of what it attributes
GOVERNOR_CUT_DEPS = {"advcl", "conj", "cc", "parataxis", "punct", "mark"}


def direct_quotes(state: Detection) -> list[Found]:
    """The direct and mixed quotes of the article: each quotation with what attributes it (the
    first of ``QUOTATION_RULES`` that answers), else the quote before it that it goes on."""
    found: list[Found] = []
    earlier = state.taken()  # what the detectors before this one found
    for quotation in state.quoted:
        if _taken(quotation, found) or overlaps(quotation.start, quotation.end, earlier):
            continue
        title = is_title(state.ctx.text, quotation) and chant_noun(state.ctx, quotation) is None
        # (a chant in capitals is still words called out: chants of “Trump, Trump, Trump”)
        rules = TITLE_RULES if title else QUOTATION_RULES
        cues = [c for c in state.cues_near(quotation.start, quotation.end)
                if not covers(quotation, c.start)]
        result = next((found_ for rule in rules
                       if (found_ := rule(state, quotation, cues)) is not None), None)
        if title and result is not None and (
            result.type is not QuoteType.MIXED or _cue_in_use(result, found)
        ):
            result = None  # a title said alone is a title, and so is the programme a speaker
            # spoke on ("said on “Meet the Press.”"): only a clause or verb of speech quotes one
        elif title and result is not None:
            result = _with_title(state, quotation, cues, result)
        elif result is not None:
            result = _going_on_unquoted(state, quotation, result)
        if result is not None and found and _same_cue(found[-1], result) and \
                interrupts(state.ctx.text, found[-1], quotation):
            found[-1] = found[-1]._replace(pieces=found[-1].pieces + quotation.pieces)
        elif result is not None:
            found.append(result)
            nested = None if title else nested_quote(state, quotation, cues, result)
            if nested is not None and nested.pieces != result.pieces:
                found.append(nested)
        elif not title:
            found += _without_cue(state, quotation, cues, found)
    return found


def _going_on_unquoted(state: Detection, quotation: Quoted, result: Found) -> Found:
    """A quote whose sentence goes on past its attribution without quotation marks, the writer
    giving the rest of what was said (“Only you, Dinesh,” she said, would use the occasion …;
    ''It is a better use of capital,'' he added, to pursue a hybrid system): the rest, up to the
    sentence's end, is part of the quote, which becomes mixed. The rest must go on the quoted
    sentence: open with "that", "to" and a verb, or a verb of its own, and hold no quotation."""
    ctx = state.ctx
    cue = result.cue
    if cue is None or cue.start_char < quotation.end or not quotation.closed:
        return result
    doc = ctx.doc
    gap = ctx.text[quotation.end: cue.start_char]
    if any(mark in gap for mark in ".!?;\n") or not gap.lstrip("”\"’' \xa0").startswith(","):
        return result  # the attribution does not follow the quotation's comma
    end = ctx.sentences.end(cue.end - 1)
    comma = next((t for t in doc[cue.end: min(cue.end + ATTRIBUTION_TAIL, end)]
                  if t.text == "," or t.is_quote or t.is_punct), None)
    if comma is None or comma.text != "," or comma.i + 2 >= end:
        return result
    first, second = doc[comma.i + 1], doc[comma.i + 2]
    goes_on = first.lower_ == "that" or first.tag_ == "MD" or first.pos_ == "AUX" or (
        first.lower_ == "to" and second.tag_ == "VB")
    rest = [t for t in doc[comma.i + 1: end] if not t.is_space]
    if not goes_on or any(t.is_quote for t in rest) or ctx.crosses_paragraph(comma.idx, rest[-1].idx):
        return result
    while rest and rest[-1].is_punct:
        rest.pop()
    piece = (rest[0].idx, rest[-1].idx + len(rest[-1]))
    return result._replace(type=QuoteType.MIXED, pieces=result.pieces + (piece,))


def _without_cue(state: Detection, quotation: Quoted, cues: list[Cue], found: list[Found]) -> list[Found]:
    """The quotes a quotation with no cue of its own adds (after replacing the last one found):
    it goes on from the quote just before it in its paragraph or sentence, else it is the words
    of the person the sentence before is about, or of the one the sentence after names, else it
    opens one of the paragraphs after a quote of its speaker."""
    ctx = state.ctx
    same_paragraph = bool(found) and found[-1].pieces[-1][1] <= quotation.start and \
        not ctx.crosses_paragraph(found[-1].pieces[-1][1], quotation.start)
    between = _cue_between(found[-1], quotation, cues) if same_paragraph and \
        opens_clause(ctx.text, quotation) else None
    if between is not None and between.speaker is not None:
        # someone else's cue, or another of the speaker's, stands between ("“…,” says Garcia.
        # She says people should choose. “It is their life.”"): the quotation is its own quote
        return [Found(QuoteType.DIRECT, quotation.pieces, None, between.speaker,
                      CONFIDENCE["follows"])]  # (the cue stays free for its own clause)
    if found and _just_before(ctx, found[-1], quotation):
        return follow_on(ctx, quotation, found.pop())
    alone = by_sentence_subject(state, quotation, cues) or by_next_sentence(state, quotation, cues)
    if alone is not None:
        return [alone]
    return follow_on(ctx, quotation, found.pop()) if found else []


def _cue_between(previous: Found, quotation: Quoted, cues: list[Cue]) -> Cue | None:
    """The last cue with a reported clause of its own between the quote before and the
    quotation, in the quotation's paragraph, other than the one that attributes that quote."""
    end = previous.pieces[-1][1]
    own = previous.cue.start_char if previous.cue is not None else -1
    between = [cue for cue in cues if end <= cue.start < quotation.start and cue.start != own
               and cue.content and all(end <= s and e <= quotation.start for s, e in cue.content)]
    return between[-1] if between else None


def _just_before(ctx: ArticleContext, previous: Found, quotation: Quoted) -> bool:
    """Whether the quote before ends in the quotation's sentence or the one before it, in its
    paragraph."""
    end = previous.pieces[-1][1]
    if end > quotation.start or ctx.crosses_paragraph(end, quotation.start):
        return False
    first = ctx.doc.char_span(quotation.start, quotation.pieces[0][1], alignment_mode="expand")
    return first is not None and ctx.sentences.start(first.start, 1) <= \
        ctx.doc.char_span(end - 1, end, alignment_mode="expand").start


def _with_title(state: Detection, quotation: Quoted, cues: list[Cue], found: Found) -> Found:
    """A reported clause that names a title ("said she had read “The Long Tide” twice") is
    reported speech: the title is a name, not the speaker's words."""
    holding = _holding(quotation, cues)
    if holding and found.cue is not None and holding[0].words.start == found.cue.start:
        return found._replace(type=QuoteType.INDIRECT, pieces=holding[0].content,
                              confidence=CONFIDENCE["verb"])
    return found


def _cue_in_use(result: Found, found: list[Found]) -> bool:
    """Whether the cue of ``result`` already attributes a quote found."""
    return result.cue is not None and any(
        item.cue is not None and item.cue.start == result.cue.start for item in found)


def _same_cue(previous: Found, found: Found) -> bool:
    return previous.type is QuoteType.DIRECT and found.type is QuoteType.DIRECT and \
        previous.cue is not None and found.cue is not None and previous.cue.start == found.cue.start


def is_title(text: str, quotation: Quoted) -> bool:
    """Whether a quotation is a title or a name ("“The Big Short”"), not something said: title
    case, a few words, no final stop; a comma or stop inside the closing mark counts when the
    title has two words or more (American style: on “Meet the Press,” he said)."""
    end = quotation.end + (text[quotation.end: quotation.end + 1] == ",")  # the comma trimmed off
    content = " ".join(text[s:e] for s, e in quotation.pieces[:-1] + ((quotation.pieces[-1][0], end),))
    content = content.strip()
    if content[-1:] in {",", "."} and len(content.split()) > 1:
        content = content[:-1]
    tokens = content.split()
    if not tokens or len(tokens) > MAX_TITLE_WORDS or content[-1] in ",:" or \
            any(mark in content for mark in ".!?;"):
        return False  # a stop inside: "“Like Oakland. Or Ferguson,” he said" is speech
    if len(tokens) > 1 and content.isupper() and _in_prose(text, quotation.start):
        return False  # capitals in a sentence of prose are shouted: "“GROWING PARTY,” he declared"
    return all(t[0].isupper() or not t[0].isalpha() or t.lower() in TITLE_SMALL_WORDS for t in tokens) \
        and tokens[0][0].isupper()


def _in_prose(text: str, offset: int) -> bool:
    """Whether the line holding ``offset`` has lower-case words: prose, not a headline in capitals."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start: len(text) if end < 0 else end]
    return sum(1 for word in line.split() if word[:1].islower()) >= PROSE_WORDS


def _alnum(text: str, pieces: tuple[tuple[int, int], ...], without: Quoted | None = None) -> int:
    """How many letters and digits ``pieces`` hold, leaving out those inside ``without``."""
    return sum(1 for s, e in pieces for i in range(s, e)
               if text[i].isalnum() and not (without and covers(without, i)))


def _taken(quotation: Quoted, found: list[Found]) -> bool:
    """Whether a quote found already holds the quotation (an interrupted quote's second half)."""
    recent = found[-RECENT_FOUND:]  # what holds it was found for a quotation just before it
    return any(s <= quotation.start and quotation.end <= e for item in recent for s, e in item.pieces)


def by_clause(state: Detection, quotation: Quoted, cues: list[Cue]) -> Found | None:
    """A cue whose reported clause holds the quotation: direct when the clause is all quote (the
    quotations in it are the pieces), mixed (the clause is the content) when it has words of its
    own."""
    for cue in _holding(quotation, cues) or _reaching(state.ctx.text, quotation, cues):
        found = _clause_quote(state, quotation, cue)
        if overlaps(quotation.start, quotation.end, list(found.pieces)):
            return found  # (not when the quotation lies in the writer's comment, cut off)
    return None


def nested_quote(state: Detection, quotation: Quoted, cues: list[Cue], outer: Found) -> Found | None:
    """An attribution inside another's clause that holds the quotation too ("added that ... the
    suggestion that Obama was the “founder”", "said she ... what he called a “revolutionary
    mood”"): the inner cue's clause, or the inner verb of speech governing the quoted words.
    Both are quotes: the outer speaker reports the inner one's words."""
    outer_start, outer_end = outer.pieces[0][0], outer.pieces[-1][1]
    if outer.type is not QuoteType.MIXED or outer.cue is None:
        return None
    inner = [c for c in _holding(quotation, cues) if c.words.start != outer.cue.start
             and (outer_start <= c.start < outer_end or _attributes_alone(quotation, c))]
    if inner:
        return _clause_quote(state, quotation, min(inner, key=lambda c: sum(e - s for s, e in c.content)))
    governed = by_listed_governor(state, quotation, cues)
    if governed is not None and governed.cue.start != outer.cue.start and \
            outer_start <= governed.cue.start_char < outer_end:
        return governed
    ctx = state.ctx
    verb = led_in_by(ctx, quotation)  # "…, his wife whispered to him: “…”"
    if verb is not None and verb.i != outer.cue.start and outer_start <= verb.idx < outer_end:
        return Found(QuoteType.DIRECT, quotation.pieces, ctx.doc[verb.i: verb.i + 1],
                     speaker_of(ctx, verb), CONFIDENCE["colon"])
    return None


def _reaching(text: str, quotation: Quoted, cues: list[Cue]) -> list[Cue]:
    """The verb cues whose reported clause stops right before the quotation, which the parser
    hung from the verb instead ("pledged to oppose legal status “today, tomorrow, forever.”"),
    their clause run on over it."""
    return [cue._replace(content=cue.content + quotation.pieces) for cue in cues
            if cue.kind == "verb" and not cue.topic and cue.content and cue.end <= quotation.start
            and cue.content[-1][1] <= quotation.start
            and BEFORE_QUOTATION.fullmatch(text, cue.content[-1][1], quotation.start)]


def _attributes_alone(quotation: Quoted, cue: Cue) -> bool:
    """Whether a cue after the quotation reports the quotation and nothing else ("“…,” Mr. Biden
    said twice"), though another cue's clause before holds it too."""
    return cue.start >= quotation.end and all(
        quotation.start <= s and e <= quotation.end for s, e in cue.content)


def _holding(quotation: Quoted, cues: list[Cue]) -> list[Cue]:
    """The cues whose reported clause holds (part of) the quotation, in text order."""
    return [cue for cue in cues if cue.content
            and any(s < quotation.end and quotation.start < e for s, e in cue.content)
            and not (cue.start >= quotation.start and cue.end <= quotation.end)]


def _clause_quote(state: Detection, quotation: Quoted, cue: Cue) -> Found:
    ctx = state.ctx
    within = _quoted_in(state, cue.content)
    outside = sum(_alnum(ctx.text, cue.content, without=q) for q in within) - \
        (len(within) - 1) * _alnum(ctx.text, cue.content)
    if outside == 0 or _framed(ctx, cue, quotation, within):
        said = [q for q in within if not is_title(ctx.text, q)] or within
        # a title in the clause beside the words said ("“…,” she said on “Meet the Press.”") is
        # where they were said, not more of them
        pieces = tuple(piece for q in said for piece in q.pieces)
        return Found(QuoteType.DIRECT, pieces, cue.words, cue.speaker, CONFIDENCE["clause"])
    pieces = cue.content
    for q in within:  # each quotation in the clause, with its marks: the same quote from any of them
        pieces = _mixed_pieces(ctx, pieces, q)
    for q in sorted(within, key=lambda q: q.end):
        pieces = _without_comment(ctx, pieces, q)
    if within:
        pieces = _without_aside(ctx, pieces, max(q.end for q in within))
    return Found(QuoteType.MIXED, pieces, cue.words, cue.speaker, CONFIDENCE["mixed"])


def _quoted_in(state: Detection, pieces: tuple[tuple[int, int], ...]) -> list[Quoted]:
    """The quotations that overlap ``pieces``."""
    near = state.quoted_near(pieces[0][0], pieces[-1][1])
    return [q for q in near if any(s < q.end and q.start < e for s, e in pieces)]


def _without_aside(ctx: ArticleContext, pieces: tuple[tuple[int, int], ...],
                   last: int) -> tuple[tuple[int, int], ...]:
    """A mixed quote's pieces cut where, past its last quotation (ending at ``last``), the writer
    sets off words of their own: a dash ("… “anchor baby” — a play on words …") or a comma before
    a comment ("… “sarcastic” in his comments, which raised concerns …")."""
    end = pieces[-1][1]
    if last >= end:
        return pieces
    rest = ctx.doc.char_span(last, end, alignment_mode="contract")
    words_ = [t.i for t in rest if t.is_alpha] if rest is not None else []
    if not words_:
        return pieces
    # from the first word past the quotation: a comma closing it is _without_comment's
    for token in ctx.doc[words_[0]: rest.end]:
        if is_dash(token) or _story_goes_on(token) or (
                token.text == "," and token.i + 1 < rest.end
                and _comment(ctx.doc[token.i + 1: rest.end])):
            cut = token.idx
            while cut > 0 and ctx.text[cut - 1].isspace():
                cut -= 1
            return _cut(pieces, cut)
    return pieces


def _story_goes_on(token: Token) -> bool:
    """Whether ``token`` opens the writer's words past the quotation: what went on at the time
    ("… “excited where we stand” as he faces a critical test …": "as" or "while" with a subject
    of its own), or the speaker's next act ("… “winning” and pledging to …": "and" with a
    participle)."""
    if token.dep_ == "cc" and token.i + 1 < len(token.doc):
        then = token.nbor()
        return then.tag_ == "VBG" and then.dep_ == "conj"
    clause = token.head
    return token.dep_ == "mark" and token.lower_ in ("as", "while") and clause.dep_ == "advcl" \
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)


def _cut(pieces: tuple[tuple[int, int], ...], at: int) -> tuple[tuple[int, int], ...]:
    """``pieces`` up to character offset ``at``."""
    return tuple((start, min(end, at)) for start, end in pieces if start < at)


def _without_comment(ctx: ArticleContext, pieces: tuple[tuple[int, int], ...],
                     quotation: Quoted) -> tuple[tuple[int, int], ...]:
    """A mixed quote's pieces cut after one of its quotations where the writer goes on past a comma
    there with words of their own: a subordinate or relative clause, an aside, the speaker's next
    act ("… were “about right,” though voters …"; "… sand “glow in the dark,” for instance, and
    Trump vowed …"). A clause joined by "and that" is more of what was said and stays."""
    text = ctx.text
    tail = COMMA_AFTER_MARK.match(text, quotation.end)
    if not quotation.closed or tail is None or tail.end() >= pieces[-1][1]:
        return pieces
    after = ctx.doc.char_span(tail.end(), pieces[-1][1], alignment_mode="contract")
    if after is None or not len(after):
        return pieces
    if not _comment(after):
        return pieces
    return _cut(pieces, tail.start() + len(tail.group().rstrip(" ,")))  # after the closing mark


def _framed(ctx: ArticleContext, cue: Cue, quotation: Quoted, within: list[Quoted]) -> bool:
    """Whether the writer's own words set up a quotation that the cue attributes, so that the
    quotation alone is what was said, though the parser put those words in the reported clause:
    - the cue after the quotation, the clause's other words all before it, ending at a comma or
      colon right before its opening mark, none the subject, object or auxiliary of the quoted
      words ("Asked whether he would run again, “Probably,” he said."; "On the day the footage
      emerged, “I don't like it,” Reed said of it.");
    - the cue before the quotation, the clause's other words all before the cue ("When Rubio
      thanked Miami, a man yelled, “Stay there!”")."""
    if len(within) != 1:
        return False
    text, doc = ctx.text, ctx.doc
    outside = [part for s, e in cue.content
               for part in ((s, min(e, quotation.start)), (max(s, quotation.end), e))]
    outside = [(s, e) for s, e in outside if any(char.isalnum() for char in text[s:e])]
    if cue.end <= quotation.start:
        return bool(outside) and all(e <= cue.start for _, e in outside)
    if cue.start < quotation.end or any(e > quotation.start for _, e in outside):
        return False
    if not LEAD_END.search(text, cue.content[0][0], quotation.start):
        return False
    lead = doc.char_span(cue.content[0][0], quotation.start, alignment_mode="contract")
    quoted = doc.char_span(quotation.start, quotation.end, alignment_mode="contract")
    if lead is None or quoted is None or not len(lead):
        return False
    return not any(quoted.start <= token.head.i < quoted.end and token.dep_ in CLAUSE_CORE_DEPS
                   for token in lead)


def _comment(after: Span) -> bool:
    """Whether the words after a quotation and its comma are the writer's: a subordinate or
    relative clause ("though …", "which …"), an aside ("another moment …"), or a new clause with
    a subject of its own ("and Trump vowed …"); not more of the reported clause ("and that …",
    "and to …", "such as …")."""
    first = after[0]
    aside = next((t for t in after[1:4] if t.text == ","), None)
    if first.dep_ in ("prep", "advmod") and aside is not None and aside.i + 1 < after.end:
        return _comment(after.doc[aside.i + 1: after.end])  # past "for instance,"
    if first.tag_ == "VBG" or _summing_up(after) or (first.lower_ in ("before", "after") and any(
            c.dep_ == "pcomp" and c.tag_ == "VBG" for c in first.children)):
        return True  # "…,” linking to a story …"; "…,” a subtle dig at …"; "…,” before adding"
    if first.dep_ == "cc" and len(after) > 1:
        first = after[1]
    if first.lower_ in ("that", "to"):
        return False
    for token in (first, first.head):
        if token.dep_ in COMMENT_DEPS:
            return True
        if token.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            return True
    return False


def _summing_up(after: Span) -> bool:
    """Whether the words after a quotation and its comma are a noun phrase of the writer's that
    sums up what was said ("… a “moderate,” a subtle dig at …"; "…,” part of a verbal lashing
    …"): it opens with "a", "an", "another" or "part of", and no "and" or "or" makes it one item
    of a list the quote goes on with ("“a wall,” a new tax and …")."""
    words_ = [t.lower_ for t in after]
    if words_[0] not in ("a", "an", "another") and words_[:2] != ["part", "of"]:
        return False
    return not any(t.dep_ == "cc" for t in after)


def _mixed_pieces(ctx: ArticleContext, clause: tuple[tuple[int, int], ...], quotation: Quoted) -> tuple[tuple[int, int], ...]:
    """A mixed quote's pieces: the reported clause with the quotation in it, and the quotation's
    own marks where it opens or closes the clause (the clause's edges lose punctuation, which
    would keep one mark of “…” and drop the other)."""
    text = ctx.text
    first, last = quotation.pieces[0][0], quotation.pieces[-1][1]
    opening = OPENING_MARK_BEFORE.search(text, max(0, first - 2), first)
    closing = MARK_PATTERN.match(text, last + (text[last: last + 1] == ",")) if quotation.closed else None
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


def beside(state: Detection, quotation: Quoted, cues: list[Cue]) -> Found | None:
    """A cue a few words before or after the quotation in its paragraph, with no sentence end
    between them ("“…,” Johnson said"; "“…?” Graham asked.")."""
    ctx = state.ctx
    text = ctx.text
    short = word_count(text, quotation) < MIN_LOOSE_WORDS
    if not opens_clause(text, quotation):
        return None  # a fragment inside a sentence: a mixed quote, if anything governs it
    if short and not ends_like_speech(text, quotation):
        return None  # a short quotation beside a cue is a quote only when it ends like speech
    first, last = edge_tokens(ctx, quotation)
    if first is None or last is None:
        return None
    best: tuple[int, Cue] | None = None
    line_start, line_end = ctx.paragraph_bounds(quotation.start)
    for cue in cues:
        if cue.kind != "verb" or not line_start <= cue.start < line_end:
            continue  # only verbs, in the quotation's paragraph (the cheap test first)
        if state.in_quotation(cue.start):
            continue  # a cue inside another quotation
        token = cue.words[0]
        if token.i > last.i and _ends_sentence(text, quotation):
            continue  # “… Strength.” He told the crowd: the cue starts a new sentence
        if token.i > last.i:
            gap = range(last.i + 1, token.i)
        elif token.i < first.i:
            gap = range(token.i + 1, first.i)
        else:
            continue
        mention = range(cue.speaker.start, cue.speaker.end) if cue.speaker is not None else range(0)
        limit = SHORT_CUE_GAP if short else MAX_CUE_GAP
        if len(gap) - len(range(max(gap.start, mention.start), min(gap.stop, mention.stop))) > limit:
            continue  # counted before the words are read: a paragraph may hold thousands of cues
        between = [ctx.doc[i] for i in gap if i not in mention]  # the speaker's own words may be long
        if not _breaks(between) and (best is None or len(between) < best[0]):
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


def by_listed_governor(state: Detection, quotation: Quoted, cues: list[Cue]) -> Found | None:
    """``by_governor`` with a verb of speech or judgement from our lists only."""
    found = by_governor(state, quotation, cues)
    return found if found is not None and found.confidence == CONFIDENCE["governor"] else None


def by_governor(state: Detection, quotation: Quoted, cues: list[Cue]) -> Found | None:
    """A verb of speech or judgement that governs the quoted words ("called the deal “a
    disaster”", "described Clinton as a “disgrace”"): a mixed quote of the words after the verb."""
    ctx = state.ctx
    span = ctx.doc.char_span(*quotation.pieces[0], alignment_mode="expand")
    if span is None:
        return None
    verbs = speech_verbs() | words("quoting_verbs")
    verb = span.root.head
    for _ in range(GOVERNOR_STEPS):
        if verb.pos_ == "VERB" or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ != "VERB" or state.in_quotation(verb.idx):
        return None
    listed = verb.lemma_.lower() in verbs
    if "\n" in ctx.text[min(verb.idx, quotation.start): max(verb.idx, quotation.start)]:
        return None
    after = sorted((c for c in verb.children if c.i > verb.i), key=lambda c: c.i)
    holds = [c.left_edge.idx <= quotation.start <= c.right_edge.idx + len(c.right_edge) for c in after]
    if not any(holds):
        return None  # the quoted words are not what the verb governs (a scare quote in its subject)
    addressed = verb.lemma_.lower() in ADDRESSEE_VERBS  # "told the crowd that …": whom, not what
    holder = after[holds.index(True)]
    circumstance = holder.dep_ == "prep" or (addressed and holder.dep_ in {"dobj", "dative"})
    if circumstance and (any(c.dep_ in CLAUSE_DEPS for c in after) or any(
            _that_clause_as_relative(t) and t.left_edge.idx > quotation.start
            for c in after for t in c.subtree)):
        return None  # where or to whom it was said ("said on “This Week” that he would …",
        # "told “Good Morning America” that he …"), not what
    first = next(n for n, c in enumerate(after) if holds[n] or (
        c.dep_ in GOVERNOR_OBJECT_DEPS and not (addressed and c.dep_ in {"dobj", "dative"})))
    comments = {t.i for c in after[first:] for clause in c.subtree if trailing_clause(clause)
                and not covers(quotation, clause.idx) for t in clause.subtree}
    tokens = ctx.same_paragraph(verb, [t for n, c in enumerate(after[first:], first)
                                       if holds[n] or gives_reason(c) or (
                                           c.dep_ not in GOVERNOR_CUT_DEPS and not trailing_clause(c))
                                       for t in c.subtree if t.i not in comments])
    clause = _complement_read_as_relative(span.root, verb)
    if clause is not None:  # what was said starts at its "that", not at the noun before it
        tokens = [t for t in tokens if t.i >= clause.left_edge.i]
    pieces = _without_comment(ctx, _mixed_pieces(ctx, token_pieces(tokens), quotation), quotation)
    pieces = _without_aside(ctx, pieces, max((q.end for q in _quoted_in(state, pieces)),
                                             default=quotation.end))
    speaker = speaker_of(ctx, verb)
    if not listed and (speaker is None or not _is_someone(speaker) or verb.lower_ in BE_FORMS):
        return None  # "be" attributes nothing: “He’s For Oil Because ‘Oil Pays Him …’”
    confidence = CONFIDENCE["governor"] if listed else CONFIDENCE["any verb"]
    return Found(QuoteType.MIXED, pieces, ctx.doc[verb.i: verb.i + 1], speaker, confidence)


def _complement_read_as_relative(token: Token, verb: Token) -> Token | None:
    """The clause above ``token`` (below ``verb``) that opens with the conjunction "that" but
    hangs from a noun as a relative clause ("told voters at a breakfast spot that “I need you
    tomorrow”"): what the verb reports, misparsed."""
    while token.i != verb.i and token.head.i != token.i:
        if _that_clause_as_relative(token):
            return token
        token = token.head
    return None


def _that_clause_as_relative(token: Token) -> bool:
    """Whether ``token`` heads a relative clause marked by the conjunction "that": a reported
    clause misparsed (a relative "that" is the clause's subject or object, never its marker)."""
    return token.dep_ == "relcl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children)


def by_calling_verb_before(state: Detection, quotation: Quoted, cues: list[Cue]) -> Found | None:
    """A verb that calls its object something, earlier in the quotation's sentence, with that
    object between them, when the parser tied the quoted words to something else ("Ruiz called
    Florida’s standards “strong.”", "called a report suggesting donors were favoured
    “outrageous.”"): a mixed quote of the object and the words called. Right before the quotation
    the verb names a thing ("a website called “…”"), and says nothing of it."""
    ctx = state.ctx
    first, _ = edge_tokens(ctx, quotation)
    if first is None:
        return None
    start = ctx.sentences.start(first.i)
    verb = next((t for t in reversed(ctx.doc[max(start, first.i - CALLING_REACH): first.i])
                 if t.lemma_.lower() in CALLING_VERBS and t.pos_ == "VERB"), None)
    if verb is None or state.in_quotation(verb.idx) or \
            ctx.crosses_paragraph(verb.idx, quotation.start):
        return None
    between = ctx.doc[verb.i + 1: first.i]
    if not any(t.is_alpha for t in between) or any(t.text in {";", ":", "."} for t in between):
        return None  # nothing called, or another clause in between
    if any(ctx.in_quote[t.i] for t in between):
        return None  # the quotation before this one is what was called
    speaker = speaker_of(ctx, verb)
    if speaker is None or not _is_someone(speaker):
        return None
    pieces = _mixed_pieces(ctx, ((between[0].idx, quotation.end),), quotation)
    return Found(QuoteType.MIXED, pieces, ctx.doc[verb.i: verb.i + 1], speaker, CONFIDENCE["any verb"])


def _is_someone(mention: Span) -> bool:
    """Whether a mention can be a source: a noun or name (people, groups, papers, reports) or a
    personal pronoun; a subject like that attributes the fragment its verb governs even when the
    verb is no verb of speech ("Protesters chanted “What curfew?”")."""
    if mention.root.lower_ in PERSONAL_PRONOUNS or mention.root.pos_ in {"PROPN", "NOUN"}:
        return True
    return any(ent.label_ in {"PERSON", "ORG", "NORP"} and ent.root == mention.root for ent in mention.ents)


Rule = Callable[[Detection, Quoted, list[Cue]], Found | None]
# how a quotation is attributed, most trusted first: the first rule that answers wins
QUOTATION_RULES: tuple[Rule, ...] = (
    quote_of_turn,  # a transcript turn: "PENCE: Well, look, ..."
    by_clause,  # a cue's reported clause holds it
    beside,  # a cue right beside it in its sentence
    by_attribution_slot,  # any verb with its speaker set off right after it: “…,” groaned Ines
    by_lead_in_slot,  # any verb with its speaker right before it and a comma: then boomed, “…”
    by_verb_right_before,  # a verb of speech right before a sentence quoted: a man yelled “Stop!”
    quote_after_colon,  # a lead-in ending with a colon
    quote_with_byline,  # a dash and a name after it
    by_chant_noun,  # what a crowd called out: met with chants of “Ted! Ted!”
    by_governor,  # a verb governing the quoted words: called the deal “a disaster”
    by_calling_verb_before,  # the same, misparsed: Ruiz called Florida’s standards “strong.”
)
# a title ("“The Apprentice”", a book, a show) is a quote only when a verb of speech reports the
# words around it ("released a memo titled “The Facts …”", "chanted “Dump Trump”")
TITLE_RULES: tuple[Rule, ...] = (by_clause, by_listed_governor)
