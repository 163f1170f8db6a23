from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.batch_state import BatchState

if TYPE_CHECKING:
    from ..models.batch_counts import BatchCounts
    from ..models.item_problem import ItemProblem


T = TypeVar("T", bound="Batch")


@_attrs_define
class Batch:
    """
    Attributes:
        id (str): The batch's id. Example: 4f1c0a9e2b7d4c3a8e6f5d4c3b2a1908.
        created_at (datetime.datetime): When it was sent (UTC). Example: 2026-12-06T21:00:00+00:00.
        state (BatchState): sending (items still being added), in progress, or done (every item has an outcome).
            Example: in progress.
        total (int): Items: articles, and sources that gave none. Example: 120.
        done (int): Items with an outcome. Example: 90.
        queued (int): Items a worker has yet to finish. Example: 30.
        counts (BatchCounts): Items by status: queued, created, replaced, unchanged, failed, skipped. Example:
            {'created': 88, 'failed': 2, 'queued': 30}.
        quotes (int): Quotes stored from its new or replaced articles. Example: 412.
        resent (int): Articles sent again because the broker had lost them. Example: 0.
        failures (list[ItemProblem]): The failed items, in batch order (the first 100; `counts` has them all). Example:
            [].
        skipped (list[ItemProblem]): Sources that held no article (the first 100). Example: [].
    """

    id: str
    created_at: datetime.datetime
    state: BatchState
    total: int
    done: int
    queued: int
    counts: BatchCounts
    quotes: int
    resent: int
    failures: list[ItemProblem]
    skipped: list[ItemProblem]

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        created_at = self.created_at.isoformat()

        state = self.state.value

        total = self.total

        done = self.done

        queued = self.queued

        counts = self.counts.to_dict()

        quotes = self.quotes

        resent = self.resent

        failures = []
        for failures_item_data in self.failures:
            failures_item = failures_item_data.to_dict()
            failures.append(failures_item)

        skipped = []
        for skipped_item_data in self.skipped:
            skipped_item = skipped_item_data.to_dict()
            skipped.append(skipped_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
                "state": state,
                "total": total,
                "done": done,
                "queued": queued,
                "counts": counts,
                "quotes": quotes,
                "resent": resent,
                "failures": failures,
                "skipped": skipped,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.batch_counts import BatchCounts  # noqa: PLC0415
        from ..models.item_problem import ItemProblem  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        state = BatchState(d.pop("state"))

        total = d.pop("total")

        done = d.pop("done")

        queued = d.pop("queued")

        counts = BatchCounts.from_dict(d.pop("counts"))

        quotes = d.pop("quotes")

        resent = d.pop("resent")

        failures = []
        _failures = d.pop("failures")
        for failures_item_data in _failures:
            failures_item = ItemProblem.from_dict(failures_item_data)

            failures.append(failures_item)

        skipped = []
        _skipped = d.pop("skipped")
        for skipped_item_data in _skipped:
            skipped_item = ItemProblem.from_dict(skipped_item_data)

            skipped.append(skipped_item)

        batch = cls(
            id=id,
            created_at=created_at,
            state=state,
            total=total,
            done=done,
            queued=queued,
            counts=counts,
            quotes=quotes,
            resent=resent,
            failures=failures,
            skipped=skipped,
        )

        return batch
