from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ExtractIn")


@_attrs_define
class ExtractIn:
    """
    Attributes:
        text (str): The text to read. Example: “We will not stand by,” the Defence Secretary Ben Wallace said..
    """

    text: str

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        text = d.pop("text")

        extract_in = cls(
            text=text,
        )

        return extract_in
