"""Scoring the extractor: ``seeds`` (the seed scorecard), ``polnear`` (PolNeAR-style brat
annotations, read by ``brat``), with the comparison rules in ``matching`` and printable counts
in ``report``. The CLI mirrors them: `quoteapi eval seeds`, `quoteapi eval polnear`."""

from .polnear import Scores, evaluate_polnear, score
from .seeds import Scorecard, scorecard

__all__ = ["Scorecard", "Scores", "evaluate_polnear", "score", "scorecard"]
