"""Which article an incoming one is: the id it is stored under.

An article given an id is that article. One with a URL is the article already stored under that
URL or its canonical URL, whichever matches (a page read again, through a feed or by hand, from
its address or another that names it canonical), or a new one named by a hash of its canonical
URL (else its URL). One with neither is named by a hash of its text, so the same text is one
article however often it comes.
"""

import hashlib

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from .db import Article
from .records import ArticleIn

ID_LENGTH = 16  # hex digits of a SHA-256


def article_id(session: Session, article: ArticleIn, content_hash: str) -> str:
    """The id ``article`` is stored under (``content_hash``: the SHA-256 of its text)."""
    if article.id is not None:
        return article.id
    addresses = [url for url in (article.canonical_url, article.url) if url]
    if not addresses:
        return content_hash[:ID_LENGTH]
    stored = session.scalar(
        select(Article.id)
        .where(or_(Article.url.in_(addresses), Article.canonical_url.in_(addresses)))
        .order_by(Article.ingested_at, Article.id)
        .limit(1)
    )
    return stored or hashlib.sha256(addresses[0].encode("utf-8")).hexdigest()[:ID_LENGTH]
