"""Sentence look-ups by token index.

``Token.sent`` walks the parse on every call; the speaker resolver asks for sentence boundaries
thousands of times per article, so ``Sentences`` computes the starts once (the article's context
keeps one per Doc).
"""

from bisect import bisect_right

from spacy.tokens import Doc


class Sentences:
    """The sentence boundaries of one Doc."""

    def __init__(self, doc: Doc) -> None:
        self.length = len(doc)
        self.starts = [sentence.start for sentence in doc.sents] or [0]

    def number(self, token_index: int) -> int:
        """The number (from 0) of the sentence holding token ``token_index``."""
        return bisect_right(self.starts, token_index) - 1

    def start(self, token_index: int, back: int = 0) -> int:
        """Where the sentence ``back`` sentences before the one holding ``token_index`` starts."""
        return self.starts[max(0, self.number(token_index) - back)]

    def end(self, token_index: int) -> int:
        """Where the sentence holding ``token_index`` ends (exclusive)."""
        number = self.number(token_index)
        return self.starts[number + 1] if number + 1 < len(self.starts) else self.length
