"""coreferee on a window: the chains a pronoun belongs to, without annotating the whole article.

coreferee looks only a few sentences back for a pronoun's antecedent, so annotating the pronoun's
sentence and the ``WINDOW_SENTENCES`` before it (copied out with ``Span.as_doc()``, which keeps
the parse and the tok2vec tensor coreferee reads) gives the same links at a fraction of the cost.
The caller keeps the windows (``CorefWindows``, one per article), so several pronouns in one
stretch of text share one run.
"""

import warnings

from spacy.tokens import Doc

from .pipeline import coref_annotator
from .sentences import Sentences

WINDOW_SENTENCES = 2  # sentences before the pronoun's own: where its rival antecedents are
# an annotated window also serves a later pronoun with at least this many sentences before it
REUSE_SENTENCES = 2

Chains = list[list[list[int]]]


class CorefWindows:
    """coreferee's chains over windows of one Doc, annotated on demand and kept."""

    def __init__(self, doc: Doc, sentences: Sentences | None = None) -> None:
        self.doc = doc
        self.sentences = sentences or Sentences(doc)
        self.windows: dict[tuple[int, int], Chains] = {}

    def partners(self, token_index: int) -> list[list[int]] | None:
        """The mentions coreferee puts in a chain with token ``token_index`` (each a list of
        token indices into the Doc, nearest before it first), or None when coreference is off."""
        doc = self.doc
        if doc.has_extension("coref_chains") and doc._.coref_chains is not None:
            chains, offset = _plain(doc._.coref_chains), 0  # the whole Doc was annotated already
        else:
            window = self._window(token_index)
            if window is None:
                return None
            chains, offset = window
        return _partners(chains, token_index - offset, offset)

    def _window(self, token_index: int) -> tuple[Chains, int] | None:
        """coreferee's chains over the sentences ending with ``token_index``'s, and their offset."""
        annotator = coref_annotator()
        if annotator is None:
            return None
        start = self.sentences.start(token_index, REUSE_SENTENCES)
        end = self.sentences.end(token_index)
        for (cached_start, cached_end), chains in self.windows.items():
            if cached_start <= start and end <= cached_end:
                return chains, cached_start
        start = self.sentences.start(token_index, WINDOW_SENTENCES)
        if not self.doc.tensor.size and not self.doc.vocab.vectors.shape[0]:
            return None  # nothing for coreferee's vectors (a Doc read back without its tensor)
        window = self.doc[start:end].as_doc()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # W007: similarity from tensors (_sm)
            annotator.annotate(window)
        self.windows[(start, end)] = _plain(window._.coref_chains)
        return self.windows[(start, end)], start


def _plain(chains) -> Chains:
    """coreferee's chains as lists of mentions, each a list of token indices (picklable)."""
    return [[list(mention.token_indexes) for mention in chain] for chain in chains or []]


def _partners(chains: Chains, local_index: int, offset: int) -> list[list[int]]:
    for indexes in chains:
        if not any(local_index in mention for mention in indexes):
            continue
        others = [mention for mention in indexes if local_index not in mention]
        others.sort(key=lambda mention: (mention[0] > local_index, abs(local_index - mention[0])))
        return [[index + offset for index in mention] for mention in others]
    return []
