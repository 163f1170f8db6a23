"""The store: articles, canonical speakers across articles, deduplicated quotes, search.

``Index`` (service.py) is the one entry point; records.py holds what it takes and returns.
"""

from .records import ArticleIn, BatchRecord, BatchReport, Failure, IngestResult, Page, QuoteQuery
from .service import Index

__all__ = ["ArticleIn", "BatchRecord", "BatchReport", "Failure", "Index", "IngestResult", "Page", "QuoteQuery"]
