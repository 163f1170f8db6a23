from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.quote import Quote


T = TypeVar("T", bound="QuotePage")


@_attrs_define
class QuotePage:
    """
    Attributes:
        total (int): Items matching, over all pages. Example: 57.
        total_capped (bool): True when counting stopped at `total` (1,000): there are more. Example: False.
        limit (int): Items per page. Example: 20.
        offset (int): Items before this page. Example: 20.
        next_ (None | str): URL of the next page (null on the last); it continues from a cursor, as cheap deep down as
            on the first page. Example: /quotes?limit=20&cursor=WyJxIiwiMjAyMi0wMy0wMyIsNDIsNDBd.
        prev (None | str): URL of the previous page (null on the first, and past the first 100,000 items). Example:
            /quotes?limit=20&offset=0.
        items (list[Quote]): Quotes on this page. Example: [].
    """

    total: int
    total_capped: bool
    limit: int
    offset: int
    next_: None | str
    prev: None | str
    items: list[Quote]

    def to_dict(self) -> dict[str, Any]:
        total = self.total

        total_capped = self.total_capped

        limit = self.limit

        offset = self.offset

        next_: None | str
        next_ = self.next_

        prev: None | str
        prev = self.prev

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "total": total,
                "total_capped": total_capped,
                "limit": limit,
                "offset": offset,
                "next": next_,
                "prev": prev,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.quote import Quote  # noqa: PLC0415

        d = dict(src_dict)
        total = d.pop("total")

        total_capped = d.pop("total_capped")

        limit = d.pop("limit")

        offset = d.pop("offset")

        def _parse_next_(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_ = _parse_next_(d.pop("next"))

        def _parse_prev(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        prev = _parse_prev(d.pop("prev"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = Quote.from_dict(items_item_data)

            items.append(items_item)

        quote_page = cls(
            total=total,
            total_capped=total_capped,
            limit=limit,
            offset=offset,
            next_=next_,
            prev=prev,
            items=items,
        )

        return quote_page
