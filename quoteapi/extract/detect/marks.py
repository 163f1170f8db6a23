"""Quotation marks paired, paragraph by paragraph: raw text in, quoted passages out.

Works on the text alone (no parse), so an odd mark can only spoil the paragraph it sits in: each
paragraph is paired on its own, and a paragraph whose opening mark never closes is kept only when
the next paragraph opens with a mark again (the news habit for quotes over several paragraphs,
where only the last paragraph closes). Straight and curly double marks, NYT-style doubled
apostrophes (``''``), and single marks (British headlines, quotes inside quotes) are handled;
apostrophes inside words ("isn’t", "Putin’s") and before years ("’16") are not marks.
"""

import re
import unicodedata
from typing import NamedTuple

# double marks: "open", "close" or "either" (straight marks decide by their neighbours)
DOUBLE_MARKS = {"“": "open", "„": "open", "”": "close", '"': "either", "''": "either", "``": "open"}
# single marks, only paired where they are not apostrophes
SINGLE_MARKS = {"‘": "open", "’": "close", "'": "either"}
# the marks that can close a quotation, and those that can open one
CLOSING_MARKS = frozenset(m for m, kind in {**DOUBLE_MARKS, **SINGLE_MARKS}.items() if kind != "open")
OPENING_MARKS = frozenset(m for m, kind in {**DOUBLE_MARKS, **SINGLE_MARKS}.items() if kind != "close")
# one pattern finds every mark; doubled apostrophes and backticks first so they win over "'",
# but for three apostrophes after a word, where the single one closes first: 'old-school,'''
MARK_PATTERN = re.compile(r"(?<=[^\s'])'(?='')|''|``|[“”„\"‘’']")
# characters that may stand right before an opening mark
OPEN_BEFORE = set(" \t\n\xa0([{—–-―/:;") | {""}
# characters that may stand right after a closing mark
CLOSE_AFTER = set(" \t\n\xa0)]}.,;:!?—–-―/…") | {""}
# a source credited in brackets at a paragraph's end ("… 152 electoral votes. [Gallup.]")
CREDIT_AT_END = re.compile(r"\s*\[[^\[\]\n]{1,40}\]$")
# an ellipsis: words left out at the start of a quotation
ELLIPSIS = re.compile(r"(?:\. ?){2}\.\s*|…\s*")
# a paragraph is a line; blank lines between paragraphs are simply empty lines
PARAGRAPH_PATTERN = re.compile(r"[^\n]+")
# a transcript turn ("WALLACE: Let's start...") opens a new quotation even inside a running one
TRANSCRIPT_TURN = re.compile(r"[A-Z][A-Z.'\- ]{1,30}:\s")


class Quoted(NamedTuple):
    """One quotation: ``pieces`` are the (start, end) offsets of the words inside the marks, one
    piece per paragraph; ``closed`` is False when the last piece runs to its paragraph's end."""

    pieces: tuple[tuple[int, int], ...]
    mark: str
    closed: bool

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


class _Pair(NamedTuple):
    start: int  # offset of the first character inside the marks
    end: int  # offset of the closing mark (or of the paragraph's end when unclosed)
    closed: bool
    at_paragraph_start: bool


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of each non-blank line."""
    return [(m.start(), m.end()) for m in PARAGRAPH_PATTERN.finditer(text) if m.group().strip()]


def quotations(text: str) -> list[Quoted]:
    """Every top-level quotation of ``text``, in order (quotes nested inside another are skipped)."""
    pars = paragraphs(text)
    per_paragraph = [_paragraph_pairs(text, start, end) for start, end in pars]
    found: list[Quoted] = []
    taken: set[int] = set()  # paragraphs whose first pair belongs to a quotation from above
    for index, pairs in enumerate(per_paragraph):
        for number, pair in enumerate(pairs):
            if number == 0 and index in taken:
                continue
            if pair.closed:
                found.append(Quoted(((pair.start, pair.end),), text[pair.start - 1], True))
                continue
            quoted, used = _running(text, per_paragraph, index, pair)
            taken.update(used)
            if quoted is not None:
                found.append(quoted)
    found = [_trimmed(text, quoted) for quoted in found]
    found = [quoted for quoted in found if all(start < end for start, end in quoted.pieces)]
    held = _held(found)  # a quote inside a quote is part of it
    return [quoted for number, quoted in enumerate(found) if number not in held]


def _held(found: list[Quoted]) -> set[int]:
    """The numbers of the quotations that lie within another one-piece quotation, found in one
    sweep in order of start (comparing every pair costs the square of an article's quotes)."""
    held: set[int] = set()
    reach: list[tuple[int, int]] = []  # (end, number) of the two furthest-ending one-piece ones
    for number in sorted(range(len(found)), key=lambda n: (found[n].start, -found[n].end)):
        quoted = found[number]
        if any(end >= quoted.end and other != number for end, other in reach):
            held.add(number)
        if len(quoted.pieces) == 1:
            reach = sorted(reach + [(quoted.end, number)], reverse=True)[:2]
    return held


def _running(text: str, per_paragraph: list[list[_Pair]], index: int,
             pair: _Pair) -> tuple[Quoted | None, list[int]]:
    """A quotation left open at its paragraph's end, with the paragraphs it takes: kept with the
    following paragraphs that each open with a mark, up to the one that closes; dropped when
    nothing continues it (the odd mark spoils only its own paragraph)."""
    pieces = [(pair.start, pair.end)]
    used: list[int] = []
    closed = False
    for following_index in range(index + 1, len(per_paragraph)):
        following = per_paragraph[following_index]
        if not following or not following[0].at_paragraph_start:
            break
        head = following[0]
        if TRANSCRIPT_TURN.match(text, head.start) or not _same_family(text, pair.start, head.start):
            break
        pieces.append((head.start, head.end))
        used.append(following_index)
        if head.closed:
            closed = True
            break
    if len(pieces) > 1 and not pair.at_paragraph_start and not _led_in(text, pair.start):
        return None, []  # a fragment left open inside a sentence ('called it "a step back.')
    if len(pieces) > 1 or TRANSCRIPT_TURN.match(text, pair.start) or _unclosed_sentences(text, pair):
        return Quoted(tuple(pieces), text[pair.start - 1], closed), used
    return None, []


def _unclosed_sentences(text: str, pair: _Pair) -> bool:
    """Whether a quotation left open, which no paragraph continues, is whole sentences whose
    closing mark the writer forgot (“…,” said Baron. “His candidacy … in depth.¶): it opens a
    sentence (at its paragraph's start, after a stop or a colon) and runs to one that ends (a
    source credited in brackets may follow: "More from Jones: “… electoral votes. [Gallup.]¶")."""
    opens_sentence = pair.at_paragraph_start or _before_mark(text, pair.start) in ".!?:"
    said = CREDIT_AT_END.sub("", text[pair.start: pair.end].rstrip())  # "… votes. [Gallup.]"
    return opens_sentence and said[-1:] in {".", "!", "?"}


def _led_in(text: str, inner: int) -> bool:
    """Whether the opening mark before offset ``inner`` follows a lead-in (a colon, a comma, a
    dash) or a sentence's end, as a quote running over paragraphs does, not a word as a fragment
    does."""
    return _before_mark(text, inner) in ":,—–-(\n.!?"


def _before_mark(text: str, inner: int) -> str:
    """The character before the opening mark that ends right before offset ``inner``, spaces
    skipped ("" at the start of the text, which the callers count as a lead-in)."""
    index = inner - 1
    index -= 2 if text[max(0, index - 1): index + 1] in ("''", "``") else 1  # the mark itself
    while index >= 0 and text[index] in " \t\xa0":
        index -= 1
    return text[index] if index >= 0 else ""


def _same_family(text: str, first: int, then: int) -> bool:
    """Whether two opening marks (given by the offsets just inside them) are of one kind: a quote
    opened with straight marks goes on with straight ones, a curly one with curly ones."""
    straight = {"\"", "'"}
    return (text[first - 1] in straight) == (text[then - 1] in straight)


def _trimmed(text: str, quoted: Quoted) -> Quoted:
    """The quotation with spaces at either edge of each piece left out, and a comma ending a
    piece: it belongs to the attribution around it (“We will not take this lightly,” she said),
    and a quote over two pieces reads "lightly But", not "lightly, But"."""
    pieces = []
    for start, end in quoted.pieces:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start and text[end - 1] == ",":
            end -= 1
        pieces.append((start, end))
    return quoted._replace(pieces=tuple(pieces))


def _paragraph_pairs(text: str, start: int, end: int) -> list[_Pair]:
    """Top-level quotations of one paragraph: double marks paired first, then single marks that
    stand outside every double pair."""
    marks = [(m.start(), m.group()) for m in MARK_PATTERN.finditer(text, start, end)]
    doubles = _pair_marks(text, start, end, [m for m in marks if m[1] in DOUBLE_MARKS], DOUBLE_MARKS)
    covered = [(p.start, p.end) for p in doubles]
    singles = [
        m for m in marks
        if m[1] in SINGLE_MARKS and not any(s <= m[0] <= e for s, e in covered)
    ]
    single_pairs = [p for p in _pair_marks(text, start, end, singles, SINGLE_MARKS) if p.closed]
    return sorted(doubles + single_pairs, key=lambda pair: pair.start)


def _pair_marks(text: str, par_start: int, par_end: int, marks: list[tuple[int, str]],
                kinds: dict[str, str]) -> list[_Pair]:
    """Pair marks left to right; an opener that never closes runs to the paragraph's end."""
    pairs: list[_Pair] = []
    opened: tuple[int, str] | None = None
    nested = False  # inside a curly quote within a straight one ("PENCE: … “Shark Tank.” …)
    for position, mark in marks:
        back = position - 1
        while back >= par_start and unicodedata.category(text[back]) == "Cf":
            back -= 1  # invisible formatting (a direction mark pasted from a post) is no neighbour
        before = text[back] if back >= par_start else ""
        after = text[position + len(mark)] if position + len(mark) < par_end else ""
        elided = ELLIPSIS.match(text, position + len(mark), par_end)
        if elided and before in OPEN_BEFORE and elided.end() < par_end:
            after = text[elided.end()]  # ". . . I just want": words left out open the quotation
        if before == " " and position - 2 >= par_start and text[position - 2] in "’'" and \
                text[position - 3: position - 1] != "''":
            before = text[position - 2]  # a space between a closing single mark and ours: ' "
            # (not a closing doubled apostrophe: ''…'' ''…'' opens again)
        if kinds[mark] == "close" and before == " " and position - 2 >= par_start and \
                text[position - 2] in ",.!?" and after in CLOSE_AFTER:
            before = text[position - 2]  # a space slipped in before the closing mark: "advice, ”"
        can_open, can_close = _roles(kinds[mark], mark, before, after)
        if opened is None:
            if can_open:
                opened = (position, mark)
        elif nested:
            nested = not (can_close and kinds[mark] == "close")
        elif can_close:
            inner = opened[0] + len(opened[1])
            pairs.append(_Pair(inner, position, True, _starts(text, par_start, opened[0])))
            opened = None
        elif can_open and kinds[mark] == "open" and _nests(text, opened, mark):
            nested = True
        elif can_open and kinds[mark] == "open":
            opened = (position, mark)  # a second opener: the first was an odd one, drop it
    if opened is not None:
        inner = opened[0] + len(opened[1])
        pairs.append(_Pair(inner, par_end, False, _starts(text, par_start, opened[0])))
    return pairs


def _nests(text: str, opened: tuple[int, str], mark: str) -> bool:
    """Whether an opening mark inside an open quotation starts a quote within it rather than
    showing the first opener was odd: a curly quote inside a transcript turn that opens with a
    straight mark ("PENCE: … “Shark Tank.” …", the turn running to its paragraph's end)."""
    position, outer = opened
    return outer == '"' and mark in {"“", "„"} and TRANSCRIPT_TURN.match(text, position + 1) is not None


def _roles(kind: str, mark: str, before: str, after: str) -> tuple[bool, bool]:
    """Whether a mark can open and whether it can close, given its neighbouring characters."""
    if mark in SINGLE_MARKS and before.isalnum() and after.isalnum():
        return False, False  # apostrophe inside a word: "isn’t", "Putin’s"
    if mark in SINGLE_MARKS and before in OPEN_BEFORE and after.isdigit():
        return False, False  # elided year: "’16"
    opens = before in OPEN_BEFORE and after not in CLOSE_AFTER - {""} and after != ""
    closes = before not in OPEN_BEFORE or before in ".,;:!?…—–-"
    glued = mark not in SINGLE_MARKS and before in {",", ".", "?", "!"} and after.isalpha()
    if glued:  # a double mark between a stop and a word: closes (,”Clinton said) or opens
        return kind != "close", kind != "open"  # (said,“Look) as its shape or place says
    closes = closes and after in CLOSE_AFTER | set("”’\"'")
    if kind == "open":  # an opening curly mark right after a comma, a stop or a word, before a
        # space, closes: “It's unusual,“ / “If Trump Wins“ that (a typo of the closing mark)
        typo = before.isalnum() and after in CLOSE_AFTER
        return not typo, typo or (before in {",", ".", "?", "!"} and after in CLOSE_AFTER)
    if kind == "close":
        return opens and not closes, closes  # ” opening a paragraph now and then
    return opens, closes


def _starts(text: str, par_start: int, position: int) -> bool:
    """Whether the mark at ``position`` is the first non-space character of its paragraph."""
    return not text[par_start:position].strip()
