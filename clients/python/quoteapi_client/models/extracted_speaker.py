from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.extracted_speaker_kind import ExtractedSpeakerKind

if TYPE_CHECKING:
    from ..models.extracted_speaker_mention_type_1_type_0 import ExtractedSpeakerMentionType1Type0
    from ..models.text_span import TextSpan


T = TypeVar("T", bound="ExtractedSpeaker")


@_attrs_define
class ExtractedSpeaker:
    """
    Attributes:
        name (None | str): Canonical name; for a speaker the text never names, its description as written ("experts");
            null for a pronoun that could not be resolved. Example: Ben Wallace.
        named (bool): Whether name is the name of a person or organisation (false: a description). Example: True.
        role (None | str): Role the text gives. Example: Defence Secretary.
        kind (ExtractedSpeakerKind): Person or organisation. Example: person.
        mention (ExtractedSpeakerMentionType1Type0 | None | TextSpan): Words naming the speaker at the cue. Example:
            {'text': 'Ben Wallace', 'start': 50, 'end': 61}.
    """

    name: None | str
    named: bool
    role: None | str
    kind: ExtractedSpeakerKind
    mention: ExtractedSpeakerMentionType1Type0 | None | TextSpan

    def to_dict(self) -> dict[str, Any]:
        from ..models.extracted_speaker_mention_type_1_type_0 import ExtractedSpeakerMentionType1Type0  # noqa: PLC0415
        from ..models.text_span import TextSpan  # noqa: PLC0415

        name: None | str
        name = self.name

        named = self.named

        role: None | str
        role = self.role

        kind = self.kind.value

        mention: dict[str, Any] | None
        if isinstance(self.mention, TextSpan):
            mention = self.mention.to_dict()
        elif isinstance(self.mention, ExtractedSpeakerMentionType1Type0):
            mention = self.mention.to_dict()
        else:
            mention = self.mention

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "named": named,
                "role": role,
                "kind": kind,
                "mention": mention,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.extracted_speaker_mention_type_1_type_0 import ExtractedSpeakerMentionType1Type0  # noqa: PLC0415
        from ..models.text_span import TextSpan  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        named = d.pop("named")

        def _parse_role(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        role = _parse_role(d.pop("role"))

        kind = ExtractedSpeakerKind(d.pop("kind"))

        def _parse_mention(data: object) -> ExtractedSpeakerMentionType1Type0 | None | TextSpan:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                mention_type_0 = TextSpan.from_dict(data)

                return mention_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                mention_type_1_type_0 = ExtractedSpeakerMentionType1Type0.from_dict(data)

                return mention_type_1_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExtractedSpeakerMentionType1Type0 | None | TextSpan, data)

        mention = _parse_mention(d.pop("mention"))

        extracted_speaker = cls(
            name=name,
            named=named,
            role=role,
            kind=kind,
            mention=mention,
        )

        return extracted_speaker
