from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.quote_type import QuoteType

if TYPE_CHECKING:
    from ..models.appearance import Appearance
    from ..models.quote_speaker_type_1_type_0 import QuoteSpeakerType1Type0
    from ..models.speaker_ref import SpeakerRef


T = TypeVar("T", bound="Quote")


@_attrs_define
class Quote:
    """
    Attributes:
        id (int): The quote's id in this index. Example: 42.
        text (str): What was said. Example: Russian forces are in disarray.
        type_ (QuoteType): direct, indirect or mixed. Example: direct.
        speaker (None | QuoteSpeakerType1Type0 | SpeakerRef): Who said it. null when the article names no one for it: no
            speaker was found, or only a description ("a Ukrainian soldier", "experts said") that the article gives to no
            named speaker. Such quotes are found by GET /quotes, under no speaker. Example: {'id': 7, 'name': 'Ben Wallace',
            'slug': 'ben-wallace'}.
        role (None | str): The speaker's role as the article gives it. Example: Defence Secretary.
        confidence (float): How sure the extractor is, 0 to 1. Example: 0.9.
        score (float | None): Relevance to the search terms (null without q).
        appearances (list[Appearance]): Every article carrying the quote. Example: [].
    """

    id: int
    text: str
    type_: QuoteType
    speaker: None | QuoteSpeakerType1Type0 | SpeakerRef
    role: None | str
    confidence: float
    score: float | None
    appearances: list[Appearance]

    def to_dict(self) -> dict[str, Any]:
        from ..models.quote_speaker_type_1_type_0 import QuoteSpeakerType1Type0  # noqa: PLC0415
        from ..models.speaker_ref import SpeakerRef  # noqa: PLC0415

        id = self.id

        text = self.text

        type_ = self.type_.value

        speaker: dict[str, Any] | None
        if isinstance(self.speaker, SpeakerRef):
            speaker = self.speaker.to_dict()
        elif isinstance(self.speaker, QuoteSpeakerType1Type0):
            speaker = self.speaker.to_dict()
        else:
            speaker = self.speaker

        role: None | str
        role = self.role

        confidence = self.confidence

        score: float | None
        score = self.score

        appearances = []
        for appearances_item_data in self.appearances:
            appearances_item = appearances_item_data.to_dict()
            appearances.append(appearances_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "text": text,
                "type": type_,
                "speaker": speaker,
                "role": role,
                "confidence": confidence,
                "score": score,
                "appearances": appearances,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.appearance import Appearance  # noqa: PLC0415
        from ..models.quote_speaker_type_1_type_0 import QuoteSpeakerType1Type0  # noqa: PLC0415
        from ..models.speaker_ref import SpeakerRef  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        text = d.pop("text")

        type_ = QuoteType(d.pop("type"))

        def _parse_speaker(data: object) -> None | QuoteSpeakerType1Type0 | SpeakerRef:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                speaker_type_0 = SpeakerRef.from_dict(data)

                return speaker_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                speaker_type_1_type_0 = QuoteSpeakerType1Type0.from_dict(data)

                return speaker_type_1_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | QuoteSpeakerType1Type0 | SpeakerRef, data)

        speaker = _parse_speaker(d.pop("speaker"))

        def _parse_role(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        role = _parse_role(d.pop("role"))

        confidence = d.pop("confidence")

        def _parse_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score = _parse_score(d.pop("score"))

        appearances = []
        _appearances = d.pop("appearances")
        for appearances_item_data in _appearances:
            appearances_item = Appearance.from_dict(appearances_item_data)

            appearances.append(appearances_item)

        quote = cls(
            id=id,
            text=text,
            type_=type_,
            speaker=speaker,
            role=role,
            confidence=confidence,
            score=score,
            appearances=appearances,
        )

        return quote
