"""Near-duplicate quotes: the same words reported by two articles in slightly different wording.

Two outlets quoting one statement differ by a comma, a dropped "that" or a repeated "already"
(seeds 000 and 002). We compare the sets of folded words: the quotes are one when nearly all the
words of the shorter are in the longer and the shorter is not a mere fragment of the longer. Set
arithmetic is all this needs, so no fuzzy-matching dependency.
"""

from collections.abc import Iterable

from .names import folded_words

MIN_WORDS = 4  # below this only an exact match counts ("abhorrent" is not "abhorrent attacks")
MIN_CONTAINMENT = 0.85  # share of the shorter quote's words found in the longer
MIN_LENGTH_RATIO = 0.6  # a fragment of a long quote stays its own quote
NEGATIONS = frozenset({"not", "no", "never", "nothing", "nobody", "none", "cannot", "neither"})


def word_set(text: str) -> frozenset[str]:
    return frozenset(folded_words(text))


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """How far ``a`` and ``b`` are one quote: 0 (not) to 1 (the same words)."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) < MIN_WORDS or len(shorter) / len(longer) < MIN_LENGTH_RATIO:
        return 0.0
    if any(word in NEGATIONS or word.endswith("n't") for word in a ^ b):
        return 0.0  # "we will build it" and "we will not build it" are two statements
    containment = len(a & b) / len(shorter)
    return containment if containment >= MIN_CONTAINMENT else 0.0


def find_duplicate(text: str, candidates: Iterable[tuple[int, str]]) -> int | None:
    """The id of the candidate (id, text) most like ``text``, if any is a near duplicate."""
    mine = word_set(text)
    best_id, best = None, 0.0
    for candidate_id, candidate_text in candidates:
        score = similarity(mine, word_set(candidate_text))
        if score > best:
            best_id, best = candidate_id, score
    return best_id
