from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ItemProblem")


@_attrs_define
class ItemProblem:
    """
    Attributes:
        source (str): Where the article came from: a file (and line), a URL. Example: articles.jsonl line 2.
        reason (str): Why it failed or gave no article. Example: the article text is empty.
    """

    source: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        source = self.source

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "source": source,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        source = d.pop("source")

        reason = d.pop("reason")

        item_problem = cls(
            source=source,
            reason=reason,
        )

        return item_problem
