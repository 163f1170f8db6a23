from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.speaker_kind import SpeakerKind

if TYPE_CHECKING:
    from ..models.role import Role


T = TypeVar("T", bound="Speaker")


@_attrs_define
class Speaker:
    """
    Attributes:
        id (int): The speaker's id in this index. Example: 7.
        name (str): Canonical name. Example: Ben Wallace.
        slug (str): URL-safe name, usable as {name}. Example: ben-wallace.
        kind (SpeakerKind): person; organisation (news agencies and outlets cited as sources, like Reuters or PA,
            included); unknown when the article does not say. Example: person.
        aliases (list[str]): Other names articles use. Example: ['Wallace', 'Mr Wallace'].
        roles (list[Role]): Roles over time, oldest first. Example: [].
        quote_count (int): Quotes attributed to the speaker. Example: 4.
        first_quoted (datetime.date | None): Earliest publication date of a quote. Example: 2022-03-03.
        last_quoted (datetime.date | None): Latest publication date of a quote. Example: 2022-03-09.
    """

    id: int
    name: str
    slug: str
    kind: SpeakerKind
    aliases: list[str]
    roles: list[Role]
    quote_count: int
    first_quoted: datetime.date | None
    last_quoted: datetime.date | None

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        slug = self.slug

        kind = self.kind.value

        aliases = self.aliases

        roles = []
        for roles_item_data in self.roles:
            roles_item = roles_item_data.to_dict()
            roles.append(roles_item)

        quote_count = self.quote_count

        first_quoted: None | str
        if isinstance(self.first_quoted, datetime.date):
            first_quoted = self.first_quoted.isoformat()
        else:
            first_quoted = self.first_quoted

        last_quoted: None | str
        if isinstance(self.last_quoted, datetime.date):
            last_quoted = self.last_quoted.isoformat()
        else:
            last_quoted = self.last_quoted

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "name": name,
                "slug": slug,
                "kind": kind,
                "aliases": aliases,
                "roles": roles,
                "quote_count": quote_count,
                "first_quoted": first_quoted,
                "last_quoted": last_quoted,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.role import Role  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        slug = d.pop("slug")

        kind = SpeakerKind(d.pop("kind"))

        aliases = cast(list[str], d.pop("aliases"))

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = Role.from_dict(roles_item_data)

            roles.append(roles_item)

        quote_count = d.pop("quote_count")

        def _parse_first_quoted(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                first_quoted_type_0 = datetime.date.fromisoformat(data)

                return first_quoted_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        first_quoted = _parse_first_quoted(d.pop("first_quoted"))

        def _parse_last_quoted(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_quoted_type_0 = datetime.date.fromisoformat(data)

                return last_quoted_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        last_quoted = _parse_last_quoted(d.pop("last_quoted"))

        speaker = cls(
            id=id,
            name=name,
            slug=slug,
            kind=kind,
            aliases=aliases,
            roles=roles,
            quote_count=quote_count,
            first_quoted=first_quoted,
            last_quoted=last_quoted,
        )

        return speaker
