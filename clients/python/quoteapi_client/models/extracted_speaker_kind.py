from enum import StrEnum


class ExtractedSpeakerKind(StrEnum):
    ORGANISATION = "organisation"
    PERSON = "person"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return str(self.value)
