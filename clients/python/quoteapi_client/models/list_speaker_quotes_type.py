from enum import StrEnum


class ListSpeakerQuotesType(StrEnum):
    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"

    def __str__(self) -> str:
        return str(self.value)
