from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.health_status import HealthStatus

T = TypeVar("T", bound="Health")


@_attrs_define
class Health:
    """
    Attributes:
        status (HealthStatus): ok when the index answers. Example: ok.
        version (str): quoteapi's version. Example: 0.1.0.
        database (str): The database's state. Example: ok.
        quotes (int | None): Quotes in the index. Example: 1000000.
    """

    status: HealthStatus
    version: str
    database: str
    quotes: int | None

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        version = self.version

        database = self.database

        quotes: int | None
        quotes = self.quotes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
                "version": version,
                "database": database,
                "quotes": quotes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = HealthStatus(d.pop("status"))

        version = d.pop("version")

        database = d.pop("database")

        def _parse_quotes(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        quotes = _parse_quotes(d.pop("quotes"))

        health = cls(
            status=status,
            version=version,
            database=database,
            quotes=quotes,
        )

        return health
