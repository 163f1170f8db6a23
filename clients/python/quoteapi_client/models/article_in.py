from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ArticleIn")


@_attrs_define
class ArticleIn:
    """
    Attributes:
        text (str): The article's text; offsets in answers count its characters. Example: “We will not stand by,” the
            Defence Secretary Ben Wallace said..
        title (None | str | Unset): Headline. Example: Wallace warns Moscow.
        url (None | str | Unset): Where it was published (http or https). Example: https://example.com/news/1.
        canonical_url (None | str | Unset): The address the page gives as its own. Example: https://example.com/news/1.
        source (None | str | Unset): The publisher. Example: Express.
        author (None | str | Unset): Who wrote it. Example: Jane Doe.
        published (datetime.date | None | Unset): Publication date. Example: 2022-03-03.
    """

    text: str
    title: None | str | Unset = UNSET
    url: None | str | Unset = UNSET
    canonical_url: None | str | Unset = UNSET
    source: None | str | Unset = UNSET
    author: None | str | Unset = UNSET
    published: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        canonical_url: None | str | Unset
        if isinstance(self.canonical_url, Unset):
            canonical_url = UNSET
        else:
            canonical_url = self.canonical_url

        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        else:
            source = self.source

        author: None | str | Unset
        if isinstance(self.author, Unset):
            author = UNSET
        else:
            author = self.author

        published: None | str | Unset
        if isinstance(self.published, Unset):
            published = UNSET
        elif isinstance(self.published, datetime.date):
            published = self.published.isoformat()
        else:
            published = self.published

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "text": text,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if url is not UNSET:
            field_dict["url"] = url
        if canonical_url is not UNSET:
            field_dict["canonical_url"] = canonical_url
        if source is not UNSET:
            field_dict["source"] = source
        if author is not UNSET:
            field_dict["author"] = author
        if published is not UNSET:
            field_dict["published"] = published

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        text = d.pop("text")

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        def _parse_canonical_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        canonical_url = _parse_canonical_url(d.pop("canonical_url", UNSET))

        def _parse_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source = _parse_source(d.pop("source", UNSET))

        def _parse_author(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        author = _parse_author(d.pop("author", UNSET))

        def _parse_published(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_type_0 = datetime.date.fromisoformat(data)

                return published_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        published = _parse_published(d.pop("published", UNSET))

        article_in = cls(
            text=text,
            title=title,
            url=url,
            canonical_url=canonical_url,
            source=source,
            author=author,
            published=published,
        )

        return article_in
