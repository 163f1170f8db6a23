from enum import StrEnum


class BatchState(StrEnum):
    DONE = "done"
    IN_PROGRESS = "in progress"
    SENDING = "sending"

    def __str__(self) -> str:
        return str(self.value)
