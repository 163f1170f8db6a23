"""coreferee on a window: the chains a pronoun belongs to, without annotating the whole article.

coreferee looks only a few sentences back for a pronoun's antecedent, so annotating the pronoun's
sentence and the ``WINDOW_SENTENCES`` before it (copied out with ``Span.as_doc()``, which keeps
the parse and the tok2vec tensor coreferee reads) gives the same links at a fraction of the cost.
Windows are cached on the Doc, so several pronouns in one stretch of text share one run.
"""

import warnings

from spacy.tokens import Doc

from .pipeline import coref_annotator
from .sentences import sentence_end, sentence_start

WINDOW_SENTENCES = 2  # sentences before the pronoun's own: where its rival antecedents are
# an annotated window also serves a later pronoun with at least this many sentences before it
REUSE_SENTENCES = 2
_CACHE_KEY = "quoteapi.coref_windows"


def coref_partners(doc: Doc, token_index: int) -> list[list[int]] | None:
    """The mentions coreferee puts in a chain with token ``token_index`` (each a list of token
    indices into ``doc``, nearest before it first), or None when coreference is switched off."""
    if doc.has_extension("coref_chains") and doc._.coref_chains is not None:
        chains, offset = _plain(doc._.coref_chains), 0  # the whole document was annotated already
    else:
        window = _window(doc, token_index)
        if window is None:
            return None
        chains, offset = window
    return _partners(chains, token_index - offset, offset)


def _window(doc: Doc, token_index: int):
    """coreferee's chains over the sentences ending with ``token_index``'s, and their offset."""
    annotator = coref_annotator()
    if annotator is None:
        return None
    start = sentence_start(doc, token_index, REUSE_SENTENCES)
    end = sentence_end(doc, token_index)
    cache = doc.user_data.setdefault(_CACHE_KEY, {})
    for (cached_start, cached_end), chains in cache.items():
        if cached_start <= start and end <= cached_end:
            return chains, cached_start
    start = sentence_start(doc, token_index, WINDOW_SENTENCES)
    if not doc.tensor.size and not doc.vocab.vectors.shape[0]:
        return None  # nothing for coreferee's vectors (a Doc read back without its tensor)
    window = doc[start:end].as_doc()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # W007: similarity from tensors on _sm models
        annotator.annotate(window)
    cache[(start, end)] = _plain(window._.coref_chains)
    return cache[(start, end)], start


def _plain(chains) -> list[list[list[int]]]:
    """coreferee's chains as lists of mentions, each a list of token indices (picklable)."""
    return [[list(mention.token_indexes) for mention in chain] for chain in chains or []]


def _partners(chains: list[list[list[int]]], local_index: int, offset: int) -> list[list[int]]:
    for indexes in chains:
        if not any(local_index in mention for mention in indexes):
            continue
        others = [mention for mention in indexes if local_index not in mention]
        others.sort(key=lambda mention: (mention[0] > local_index, abs(local_index - mention[0])))
        return [[index + offset for index in mention] for mention in others]
    return []
