"""Doc in, quotes out: ``extract_quotes(doc)``, ``extract_text(text)``, ``extract_many(texts)``.

The steps, one module each: ``marks`` pairs quotation marks paragraph by paragraph, ``furniture``
sets page furniture aside, ``cues`` finds speech verbs (and "according to", nouns of speech) with
their speaker mentions and reported clauses, ``direct`` ties quotations to cues (``leadins`` for
colons, transcript turns and bylines), ``indirect`` adds reported speech and title lead-ins,
``speakers`` resolves who spoke and in what role; ``quotes`` runs them in order.
"""

from .model import Quote, QuoteType, Speaker, SpeakerKind, TextSpan
from .quotes import extract_many, extract_quotes, extract_text

__all__ = [
    "Quote",
    "QuoteType",
    "Speaker",
    "SpeakerKind",
    "TextSpan",
    "extract_many",
    "extract_quotes",
    "extract_text",
]
