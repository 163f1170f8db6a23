"""Sentence look-ups by token index, computed once per Doc.

``Token.sent`` walks the parse on every call; the speaker resolver asks for sentence boundaries
thousands of times per article, so the starts are computed once and kept in ``doc.user_data``.
"""

from bisect import bisect_right

from spacy.tokens import Doc

_CACHE_KEY = "quoteapi.sentence_starts"


def sentence_starts(doc: Doc) -> list[int]:
    """The token index where each sentence of ``doc`` starts, in order."""
    starts = doc.user_data.get(_CACHE_KEY)
    if starts is None or (starts and starts[-1] >= len(doc)):
        starts = [sentence.start for sentence in doc.sents] or [0]
        doc.user_data[_CACHE_KEY] = starts
    return starts


def sentence_number(doc: Doc, token_index: int) -> int:
    """The number (from 0) of the sentence holding token ``token_index``."""
    return bisect_right(sentence_starts(doc), token_index) - 1


def sentence_start(doc: Doc, token_index: int, back: int = 0) -> int:
    """Where the sentence ``back`` sentences before the one holding ``token_index`` starts."""
    starts = sentence_starts(doc)
    return starts[max(0, sentence_number(doc, token_index) - back)]


def sentence_end(doc: Doc, token_index: int) -> int:
    """Where the sentence holding ``token_index`` ends (exclusive)."""
    starts = sentence_starts(doc)
    number = sentence_number(doc, token_index)
    return starts[number + 1] if number + 1 < len(starts) else len(doc)
