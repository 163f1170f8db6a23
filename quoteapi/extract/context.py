"""One article as extraction sees it: the parsed Doc and what is worked out once per article.

``read_article(doc)`` builds it; detection (``detect/``) and attribution (``attribute/``) both
read it, and attribution keeps its per-article memos here (resolved pronouns, coreferee windows,
organisations named only by a description), so nothing is stored on the Doc itself.
"""

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..nlp.coref import CorefWindows
from ..nlp.sentences import Sentences
from .attribute.cast import Cast, Entity, build_cast
from .detect.marks import paragraphs

_QUOTE_OPEN = {"“", "«"}  # single marks double as apostrophes: not tracked
_QUOTE_CLOSE = {"”", "»"}
_LINE_ENDS = {".", "!", "?", "”", '"', "’", "'", ":", ";", ")", "…"}
# a line of fewer tokens than this without a final stop is a headline or caption
HEADLINE_TOKENS = 30


@dataclass(eq=False)
class ArticleContext:
    """A parsed article with its per-article facts and memos."""

    doc: Doc
    text: str
    paragraphs: list[tuple[int, int]]  # (start, end) offsets of each non-blank line
    sentences: Sentences
    in_quote: list[bool]  # per token: inside quotation marks
    headline: list[bool]  # per token: in a headline-like line
    cast: Cast
    coref: CorefWindows
    # memos of attribution (see attribute/pronouns.py and attribute/nominal.py)
    pronouns: dict[tuple[int, bool], Entity | None] = field(default_factory=dict)
    organisations: dict[str, Entity] = field(default_factory=dict)
    author: list[Entity | None] = field(default_factory=list)  # [] until looked for

    def paragraph_bounds(self, offset: int) -> tuple[int, int]:
        """The (start, end) offsets of the line holding character ``offset``."""
        start = self.text.rfind("\n", 0, offset) + 1
        end = self.text.find("\n", offset)
        return start, len(self.text) if end < 0 else end

    def same_paragraph(self, anchor: Token, tokens: list[Token]) -> list[Token]:
        """The ``tokens`` in the paragraph (line) of ``anchor``: the parser sometimes runs a
        sentence over a paragraph break, and no clause or mention should."""
        start, end = self.paragraph_bounds(anchor.idx)
        return [t for t in tokens if start <= t.idx < end]

    def crosses_paragraph(self, start: int, end: int) -> bool:
        """Whether a line break lies between character offsets ``start`` and ``end``."""
        return "\n" in self.text[min(start, end): max(start, end)]


def read_article(doc: Doc) -> ArticleContext:
    """The context of a parsed article: its lines, sentences, quotation and headline masks, and
    its cast of named people and organisations."""
    text = doc.text
    sentences = Sentences(doc)
    in_quote, headline = quote_mask(doc), headline_mask(doc)
    return ArticleContext(
        doc=doc, text=text, paragraphs=paragraphs(text), sentences=sentences, in_quote=in_quote,
        headline=headline, cast=build_cast(doc, sentences, in_quote, headline),
        coref=CorefWindows(doc, sentences),
    )


def quote_mask(doc: Doc) -> list[bool]:
    """Per token: whether it stands inside quotation marks (reset at each paragraph)."""
    mask, inside = [], False
    for token in doc:
        if "\n" in token.text:
            inside = False
        if token.text in _QUOTE_OPEN or (token.text == '"' and not inside):
            mask.append(inside)
            inside = True
            continue
        if token.text in _QUOTE_CLOSE or (token.text == '"' and inside):
            inside = False
        mask.append(inside)
    return mask


def headline_mask(doc: Doc) -> list[bool]:
    """Per token: whether its line looks like a headline or caption (short, no final stop)."""
    mask = [False] * len(doc)
    start = 0
    for index in range(len(doc) + 1):
        if index == len(doc) or "\n" in doc[index].text:
            line = [token for token in doc[start:index] if not token.is_space]
            if line and len(line) < HEADLINE_TOKENS and (
                line[-1].text not in _LINE_ENDS or _title_case(line)
            ):
                mask[start:index] = [True] * (index - start)
            start = index + 1
    return mask


def _title_case(line: list[Token]) -> bool:
    alphabetic = [token for token in line if token.is_alpha and len(token) > 3]
    return len(alphabetic) >= 3 and sum(token.is_title for token in alphabetic) >= 0.75 * len(
        alphabetic
    )
