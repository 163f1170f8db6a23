"""What quoteapi knows of English words, shared by extraction and the index: word lists
(``lists``), people's first names and gender (``people``) and the one normaliser of names and
titles (``names``). Nothing here parses text; it answers questions about words."""

from .lists import lines, pairs, words

__all__ = ["lines", "pairs", "words"]
