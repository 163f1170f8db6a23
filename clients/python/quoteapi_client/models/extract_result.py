from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.extracted_quote import ExtractedQuote


T = TypeVar("T", bound="ExtractResult")


@_attrs_define
class ExtractResult:
    """
    Attributes:
        quotes (list[ExtractedQuote]): Quotes in text order. Example: [].
    """

    quotes: list[ExtractedQuote]

    def to_dict(self) -> dict[str, Any]:
        quotes = []
        for quotes_item_data in self.quotes:
            quotes_item = quotes_item_data.to_dict()
            quotes.append(quotes_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "quotes": quotes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.extracted_quote import ExtractedQuote  # noqa: PLC0415

        d = dict(src_dict)
        quotes = []
        _quotes = d.pop("quotes")
        for quotes_item_data in _quotes:
            quotes_item = ExtractedQuote.from_dict(quotes_item_data)

            quotes.append(quotes_item)

        extract_result = cls(
            quotes=quotes,
        )

        return extract_result
