"""Text in, spaCy Doc out: the pipeline, built once per process."""

from .pipeline import get_nlp, parse, parse_many

__all__ = ["get_nlp", "parse", "parse_many"]
