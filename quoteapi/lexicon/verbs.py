"""Verbs of attribution: which verbs report what someone said.

- ``speech_verbs``: verbs that report speech in a clause ("said that ...", "insisted the vote was
  rigged"): the verbs of news style (``data/speech_verbs.txt``, written from AP, Reuters and BBC
  attribution habits) and those PolNeAR's annotators marked as cues often enough in its train
  split (``data/polnear_clause_verbs.txt``, made by ``scripts/derive_cue_words.py``);
- ``topic_verbs``: verbs whose object is what was said ("denied the claims", "announced his
  running mate"; ``data/polnear_topic_verbs.txt``, made by the same script);
- ``reporting_verbs``: both together.

Beside a quotation no list is needed: any verb in the attribution slot is a cue
(``quoteapi.extract.detect.slots``).
"""

from functools import cache

from .lists import words


@cache
def speech_verbs() -> frozenset[str]:
    return words("speech_verbs") | words("polnear_clause_verbs")


@cache
def topic_verbs() -> frozenset[str]:
    return words("polnear_topic_verbs")


@cache
def reporting_verbs() -> frozenset[str]:
    """Verbs of speech and of judging alike: every verb whose clause or object is what was said."""
    return speech_verbs() | topic_verbs()

