from enum import StrEnum


class ListSpeakerQuotesSort(StrEnum):
    DATE = "date"
    RELEVANCE = "relevance"

    def __str__(self) -> str:
        return str(self.value)
