from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="TextSpan")


@_attrs_define
class TextSpan:
    """
    Attributes:
        text (str): The words, exactly as in the article. Example: warned.
        start (int): Offset of the first character. Example: 245.
        end (int): Offset after the last character. Example: 251.
    """

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        start = self.start

        end = self.end

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "text": text,
                "start": start,
                "end": end,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        text = d.pop("text")

        start = d.pop("start")

        end = d.pop("end")

        text_span = cls(
            text=text,
            start=start,
            end=end,
        )

        return text_span
