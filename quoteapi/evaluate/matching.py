"""How predictions are compared with annotations: character Dice, text and name normalisation,
speech cues.

Contents are compared as sets of *significant* character offsets: every offset inside the spans
whose character is neither a space nor punctuation (quotation marks are punctuation). So an edge
quotation mark, a trailing full stop or comma, or the space between two pieces of a quote never
decides a match, and two spans are "exact" when their significant characters are the same.
"""

import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from importlib import resources

Spans = Iterable[tuple[int, int]]

# Quotation marks of English news, double and single, straight and typographic
DOUBLE_QUOTES = '"“”„‟«»″'
SINGLE_QUOTES = "'‘’‚‛‹›′`´"
QUOTE_TRANSLATION = str.maketrans(
    {**{c: '"' for c in DOUBLE_QUOTES}, **{c: "'" for c in SINGLE_QUOTES}}
)
# A dash cue: an en/em/horizontal dash anywhere, or hyphens standing alone ("--"), never a
# hyphen inside a word ("5-4", "cross-country")
DASH_CUE = re.compile(r"[–—―]|(?:^|\s)[-‐‑‒]+(?:\s|$)")


@cache
def word_list(name: str) -> frozenset[str]:
    """A one-entry-a-line data file of this package (``data/NAME.txt``), ``#`` lines skipped."""
    text = resources.files(__package__).joinpath("data", f"{name}.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def is_significant(char: str) -> bool:
    """False for spaces, punctuation (quotation marks included) and control characters."""
    return not (char.isspace() or unicodedata.category(char)[0] in "PZC" or char in SINGLE_QUOTES)


def significant_chars(text: str, spans: Spans) -> frozenset[int]:
    """The offsets inside ``spans`` that hold a significant character of ``text``."""
    return frozenset(
        i
        for start, end in spans
        for i in range(start, min(end, len(text)))
        if is_significant(text[i])
    )


def dice(a: frozenset[int], b: frozenset[int]) -> float:
    """Dice coefficient 2|A∩B| / (|A|+|B|) of two offset sets (0 when both are empty)."""
    if not a and not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def overlaps(a: Spans, b: Spans) -> bool:
    """True when some span of ``a`` shares at least one character with some span of ``b``."""
    b = list(b)
    return any(
        start < other_end and other_start < end for start, end in a for other_start, other_end in b
    )


def normalise_text(text: str) -> str:
    """Typographic quotation marks and apostrophes as straight ones, runs of space as one space."""
    return " ".join(text.translate(QUOTE_TRANSLATION).split())


def has_quotation_mark(text: str) -> bool:
    """True when ``text`` holds a double quotation mark or a single one used as a quotation mark
    (an opening ‘, or a ' / ’ not between two letters, which would be an apostrophe: "don’t";
    after an s and before a space it is taken as a plural possessive: "the States' role")."""
    if any(c in DOUBLE_QUOTES for c in text) or "‘" in text:
        return True
    return bool(
        re.search(r"(?<![^\W\d_])['’]|['’](?![^\W\d_])", re.sub(r"(?<=s)['’](?=\s)", "", text))
    )


def is_speech_cue(cue_text: str) -> bool:
    """A speech cue: a speech verb (``data/speech_verbs.txt``), "according to", a colon, a dash."""
    lowered = cue_text.lower()
    if ":" in lowered or "according to" in lowered or DASH_CUE.search(lowered):
        return True
    return any(word in word_list("speech_verbs") for word in re.findall(r"[a-z]+", lowered))


def name_words(name: str) -> list[str]:
    """The words of a name for comparison: lower case, no punctuation or possessive 's, without
    "the" and honorifics (``data/honorifics.txt``)."""
    text = re.sub(r"['’]s\b", "", name.lower())
    skip = word_list("honorifics") | {"the"}
    return [word for word in re.findall(r"[^\W_]+", text) if word not in skip]


def names_match(predicted: str | None, gold: str | None) -> bool:
    """True when the predicted name's last word is in the gold name and one name's words contain
    all of the other's: "Trump" and "Mr. Donald J. Trump" match, "Bill Clinton" and "Hillary
    Clinton" do not, nor do "Trump campaign" and "Donald Trump"."""
    if not predicted or not gold:
        return False
    mine, theirs = name_words(predicted), name_words(gold)
    if not mine or not theirs or mine[-1] not in theirs:
        return False
    return set(mine) <= set(theirs) or set(theirs) <= set(mine)
