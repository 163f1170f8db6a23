"""What extraction returns: plain, immutable dataclasses.

Offsets are character offsets into the text exactly as submitted (Python str indices; the CLI
decodes files as UTF-8 first, so they count characters, not bytes).
"""

from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class QuoteType(str, Enum):
    DIRECT = "direct"  # the content is inside quotation marks
    INDIRECT = "indirect"  # reported speech, no quotation marks
    MIXED = "mixed"  # reported speech holding a quoted fragment


class SpeakerKind(str, Enum):
    PERSON = "person"
    ORGANISATION = "organisation"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class TextSpan:
    """Words of the article with their offsets: ``text == article[start:end]``."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "TextSpan | None":
        return cls(data["text"], int(data["start"]), int(data["end"])) if data else None


@dataclass(frozen=True)
class Speaker:
    """Who said it: ``name`` is the canonical name after coreference, ``mention`` the words at
    the cue ("He", "the prime minister", "Mr Rivers").

    ``named`` is False when the article never names the speaker and ``name`` is its description
    as written ("experts", "a senior official", "Police"): true to the article, but no person or
    organisation to gather quotes under. ``name`` is None when the mention is a pronoun that could
    not be resolved."""

    name: str | None
    role: str | None = None
    mention: TextSpan | None = None
    kind: SpeakerKind = SpeakerKind.UNKNOWN
    named: bool = True

    @property
    def proper_name(self) -> str | None:
        """``name`` when it names a person or organisation: what the index gathers quotes under."""
        return self.name if self.named else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "named": self.proper_name is not None,
            "role": self.role,
            "kind": self.kind.value,
            "mention": self.mention.to_dict() if self.mention else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "Speaker | None":
        if not data:
            return None
        return cls(
            name=data.get("name"), role=data.get("role"), mention=TextSpan.from_dict(data.get("mention")),
            kind=SpeakerKind(data.get("kind", "unknown")), named=data.get("named", True),
        )


@dataclass(frozen=True)
class Quote:
    """One quotation: ``spans`` are the content's pieces ((start, end) pairs, in order; a quote
    over several paragraphs has one per paragraph); ``text`` is the pieces joined by a space."""

    text: str
    type: QuoteType
    spans: tuple[tuple[int, int], ...]
    cue: TextSpan | None = None
    speaker: Speaker | None = None
    confidence: float = 0.5
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "type": self.type.value,
            "spans": [list(span) for span in self.spans],
            "cue": self.cue.to_dict() if self.cue else None,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "confidence": round(self.confidence, 3),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Quote":
        """The inverse of ``to_dict`` (a Celery task's quotes arrive as JSON)."""
        return cls(
            text=data["text"], type=QuoteType(data["type"]),
            spans=tuple((int(start), int(end)) for start, end in data["spans"]),
            cue=TextSpan.from_dict(data.get("cue")), speaker=Speaker.from_dict(data.get("speaker")),
            confidence=float(data.get("confidence", 0.5)),
        )
