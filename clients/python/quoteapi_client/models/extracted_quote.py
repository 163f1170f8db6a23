from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.extracted_quote_type import ExtractedQuoteType

if TYPE_CHECKING:
    from ..models.extracted_quote_cue_type_1_type_0 import ExtractedQuoteCueType1Type0
    from ..models.extracted_quote_speaker_type_1_type_0 import ExtractedQuoteSpeakerType1Type0
    from ..models.extracted_speaker import ExtractedSpeaker
    from ..models.text_span import TextSpan


T = TypeVar("T", bound="ExtractedQuote")


@_attrs_define
class ExtractedQuote:
    """
    Attributes:
        text (str): What was said. Example: We will not stand by,.
        type_ (ExtractedQuoteType): direct, indirect or mixed. Example: direct.
        spans (list[list[int]]): The quote's pieces, as [start, end] offsets. Example: [[1, 22]].
        cue (ExtractedQuoteCueType1Type0 | None | TextSpan): The verb of saying. Example: {'text': 'said', 'start': 62,
            'end': 66}.
        speaker (ExtractedQuoteSpeakerType1Type0 | ExtractedSpeaker | None): Who said it.
        confidence (float): How sure the extractor is, 0 to 1. Example: 0.9.
    """

    text: str
    type_: ExtractedQuoteType
    spans: list[list[int]]
    cue: ExtractedQuoteCueType1Type0 | None | TextSpan
    speaker: ExtractedQuoteSpeakerType1Type0 | ExtractedSpeaker | None
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        from ..models.extracted_quote_cue_type_1_type_0 import ExtractedQuoteCueType1Type0  # noqa: PLC0415
        from ..models.extracted_quote_speaker_type_1_type_0 import ExtractedQuoteSpeakerType1Type0  # noqa: PLC0415
        from ..models.extracted_speaker import ExtractedSpeaker  # noqa: PLC0415
        from ..models.text_span import TextSpan  # noqa: PLC0415

        text = self.text

        type_ = self.type_.value

        spans = []
        for spans_item_data in self.spans:
            spans_item = spans_item_data

            spans.append(spans_item)

        cue: dict[str, Any] | None
        if isinstance(self.cue, TextSpan):
            cue = self.cue.to_dict()
        elif isinstance(self.cue, ExtractedQuoteCueType1Type0):
            cue = self.cue.to_dict()
        else:
            cue = self.cue

        speaker: dict[str, Any] | None
        if isinstance(self.speaker, ExtractedSpeaker):
            speaker = self.speaker.to_dict()
        elif isinstance(self.speaker, ExtractedQuoteSpeakerType1Type0):
            speaker = self.speaker.to_dict()
        else:
            speaker = self.speaker

        confidence = self.confidence

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "text": text,
                "type": type_,
                "spans": spans,
                "cue": cue,
                "speaker": speaker,
                "confidence": confidence,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.extracted_quote_cue_type_1_type_0 import ExtractedQuoteCueType1Type0  # noqa: PLC0415
        from ..models.extracted_quote_speaker_type_1_type_0 import ExtractedQuoteSpeakerType1Type0  # noqa: PLC0415
        from ..models.extracted_speaker import ExtractedSpeaker  # noqa: PLC0415
        from ..models.text_span import TextSpan  # noqa: PLC0415

        d = dict(src_dict)
        text = d.pop("text")

        type_ = ExtractedQuoteType(d.pop("type"))

        spans = []
        _spans = d.pop("spans")
        for spans_item_data in _spans:
            spans_item = cast(list[int], spans_item_data)

            spans.append(spans_item)

        def _parse_cue(data: object) -> ExtractedQuoteCueType1Type0 | None | TextSpan:
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
                cue_type_1_type_0 = ExtractedQuoteCueType1Type0.from_dict(data)

                return cue_type_1_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExtractedQuoteCueType1Type0 | None | TextSpan, data)

        cue = _parse_cue(d.pop("cue"))

        def _parse_speaker(data: object) -> ExtractedQuoteSpeakerType1Type0 | ExtractedSpeaker | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                speaker_type_0 = ExtractedSpeaker.from_dict(data)

                return speaker_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                speaker_type_1_type_0 = ExtractedQuoteSpeakerType1Type0.from_dict(data)

                return speaker_type_1_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExtractedQuoteSpeakerType1Type0 | ExtractedSpeaker | None, data)

        speaker = _parse_speaker(d.pop("speaker"))

        confidence = d.pop("confidence")

        extracted_quote = cls(
            text=text,
            type_=type_,
            spans=spans,
            cue=cue,
            speaker=speaker,
            confidence=confidence,
        )

        return extracted_quote
