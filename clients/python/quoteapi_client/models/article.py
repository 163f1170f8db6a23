from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.quote import Quote


T = TypeVar("T", bound="Article")


@_attrs_define
class Article:
    """
    Attributes:
        id (str): The article's id (a hash of its canonical URL, else its URL, else its text). Example:
            8283138c3726f372.
        title (None | str): Headline. Example: Russian troops try to steal civilian cars.
        url (None | str): Where it was published (a page's address, after redirects). Example:
            https://example.com/news/1.
        canonical_url (None | str): The address the page gives as its own (rel=canonical). Example:
            https://example.com/news/1.
        source (None | str): The publisher (a page's site name). Example: Express.
        author (None | str): Who wrote it. Example: Jane Doe.
        published (datetime.date | None): Publication date. Example: 2022-03-03.
        content_hash (str): SHA-256 of the text. Example: 8283138c3726f372d1....
        text (str): The text as submitted, or as read from the page (title, then the main text's paragraphs); all
            offsets point into it. Example: Russian forces are ....
        ingested_at (datetime.datetime): When the index stored it (UTC). Example: 2026-11-22T03:00:00+00:00.
        quotes (list[Quote]): The quotes found in it. Example: [].
    """

    id: str
    title: None | str
    url: None | str
    canonical_url: None | str
    source: None | str
    author: None | str
    published: datetime.date | None
    content_hash: str
    text: str
    ingested_at: datetime.datetime
    quotes: list[Quote]

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title: None | str
        title = self.title

        url: None | str
        url = self.url

        canonical_url: None | str
        canonical_url = self.canonical_url

        source: None | str
        source = self.source

        author: None | str
        author = self.author

        published: None | str
        if isinstance(self.published, datetime.date):
            published = self.published.isoformat()
        else:
            published = self.published

        content_hash = self.content_hash

        text = self.text

        ingested_at = self.ingested_at.isoformat()

        quotes = []
        for quotes_item_data in self.quotes:
            quotes_item = quotes_item_data.to_dict()
            quotes.append(quotes_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "title": title,
                "url": url,
                "canonical_url": canonical_url,
                "source": source,
                "author": author,
                "published": published,
                "content_hash": content_hash,
                "text": text,
                "ingested_at": ingested_at,
                "quotes": quotes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.quote import Quote  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))

        def _parse_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        url = _parse_url(d.pop("url"))

        def _parse_canonical_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        canonical_url = _parse_canonical_url(d.pop("canonical_url"))

        def _parse_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source = _parse_source(d.pop("source"))

        def _parse_author(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        author = _parse_author(d.pop("author"))

        def _parse_published(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_type_0 = datetime.date.fromisoformat(data)

                return published_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        published = _parse_published(d.pop("published"))

        content_hash = d.pop("content_hash")

        text = d.pop("text")

        ingested_at = datetime.datetime.fromisoformat(d.pop("ingested_at"))

        quotes = []
        _quotes = d.pop("quotes")
        for quotes_item_data in _quotes:
            quotes_item = Quote.from_dict(quotes_item_data)

            quotes.append(quotes_item)

        article = cls(
            id=id,
            title=title,
            url=url,
            canonical_url=canonical_url,
            source=source,
            author=author,
            published=published,
            content_hash=content_hash,
            text=text,
            ingested_at=ingested_at,
            quotes=quotes,
        )

        return article
