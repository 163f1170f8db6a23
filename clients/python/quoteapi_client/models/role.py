from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="Role")


@_attrs_define
class Role:
    """
    Attributes:
        role (str): The title an article gives the speaker. Example: Defence Secretary.
        first_seen (datetime.date | None): Earliest publication date with this role. Example: 2022-03-03.
        last_seen (datetime.date | None): Latest publication date with this role. Example: 2022-03-09.
        article_ids (list[str]): Articles giving this role. Example: ['8283138c3726f372'].
    """

    role: str
    first_seen: datetime.date | None
    last_seen: datetime.date | None
    article_ids: list[str]

    def to_dict(self) -> dict[str, Any]:
        role = self.role

        first_seen: None | str
        if isinstance(self.first_seen, datetime.date):
            first_seen = self.first_seen.isoformat()
        else:
            first_seen = self.first_seen

        last_seen: None | str
        if isinstance(self.last_seen, datetime.date):
            last_seen = self.last_seen.isoformat()
        else:
            last_seen = self.last_seen

        article_ids = self.article_ids

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "role": role,
                "first_seen": first_seen,
                "last_seen": last_seen,
                "article_ids": article_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        role = d.pop("role")

        def _parse_first_seen(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                first_seen_type_0 = datetime.date.fromisoformat(data)

                return first_seen_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        first_seen = _parse_first_seen(d.pop("first_seen"))

        def _parse_last_seen(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_seen_type_0 = datetime.date.fromisoformat(data)

                return last_seen_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        last_seen = _parse_last_seen(d.pop("last_seen"))

        article_ids = cast(list[str], d.pop("article_ids"))

        role = cls(
            role=role,
            first_seen=first_seen,
            last_seen=last_seen,
            article_ids=article_ids,
        )

        return role
