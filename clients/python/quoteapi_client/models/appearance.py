from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.appearance_cue_type_1_type_0 import AppearanceCueType1Type0
    from ..models.text_span import TextSpan


T = TypeVar("T", bound="Appearance")


@_attrs_define
class Appearance:
    """
    Attributes:
        article_id (str): The article's id. Example: 8283138c3726f372.
        title (None | str): The article's headline. Example: Russian troops try to steal civilian cars.
        url (None | str): Where the article was published. Example: https://example.com/news/1.
        source (None | str): The publisher. Example: Express.
        published (datetime.date | None): Publication date. Example: 2022-03-03.
        spans (list[list[int]]): The quote's pieces in the article's text, as [start, end] offsets. Example: [[120,
            171]].
        cue (AppearanceCueType1Type0 | None | TextSpan): The verb of saying. Example: {'text': 'said', 'start': 172,
            'end': 176}.
        mention (None | str): How the article names the speaker here. Example: Mr Wallace.
    """

    article_id: str
    title: None | str
    url: None | str
    source: None | str
    published: datetime.date | None
    spans: list[list[int]]
    cue: AppearanceCueType1Type0 | None | TextSpan
    mention: None | str

    def to_dict(self) -> dict[str, Any]:
        from ..models.appearance_cue_type_1_type_0 import AppearanceCueType1Type0  # noqa: PLC0415
        from ..models.text_span import TextSpan  # noqa: PLC0415

        article_id = self.article_id

        title: None | str
        title = self.title

        url: None | str
        url = self.url

        source: None | str
        source = self.source

        published: None | str
        if isinstance(self.published, datetime.date):
            published = self.published.isoformat()
        else:
            published = self.published

        spans = []
        for spans_item_data in self.spans:
            spans_item = spans_item_data

            spans.append(spans_item)

        cue: dict[str, Any] | None
        if isinstance(self.cue, TextSpan):
            cue = self.cue.to_dict()
        elif isinstance(self.cue, AppearanceCueType1Type0):
            cue = self.cue.to_dict()
        else:
            cue = self.cue

        mention: None | str
        mention = self.mention

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "article_id": article_id,
                "title": title,
                "url": url,
                "source": source,
                "published": published,
                "spans": spans,
                "cue": cue,
                "mention": mention,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.appearance_cue_type_1_type_0 import AppearanceCueType1Type0  # noqa: PLC0415
        from ..models.text_span import TextSpan  # noqa: PLC0415

        d = dict(src_dict)
        article_id = d.pop("article_id")

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

        def _parse_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source = _parse_source(d.pop("source"))

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

        spans = []
        _spans = d.pop("spans")
        for spans_item_data in _spans:
            spans_item = cast(list[int], spans_item_data)

            spans.append(spans_item)

        def _parse_cue(data: object) -> AppearanceCueType1Type0 | None | TextSpan:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                cue_type_0 = TextSpan.from_dict(data)

                return cue_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                cue_type_1_type_0 = AppearanceCueType1Type0.from_dict(data)

                return cue_type_1_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AppearanceCueType1Type0 | None | TextSpan, data)

        cue = _parse_cue(d.pop("cue"))

        def _parse_mention(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        mention = _parse_mention(d.pop("mention"))

        appearance = cls(
            article_id=article_id,
            title=title,
            url=url,
            source=source,
            published=published,
            spans=spans,
            cue=cue,
            mention=mention,
        )

        return appearance
