from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.field_error import FieldError
    from ..models.speaker_ref import SpeakerRef


T = TypeVar("T", bound="Problem")


@_attrs_define
class Problem:
    """
    Attributes:
        type_ (str): A URI reference naming the kind of problem. Example: about:blank.
        title (str): Short summary of the kind of problem. Example: Not Found.
        status (int): The HTTP status code. Example: 404.
        detail (str): What went wrong, for people. Example: No speaker named 'walace'..
        instance (str): The path of the request that failed. Example: /speakers/walace.
        errors (list[FieldError] | Unset): Field errors (422). Example: [{'location': 'json', 'field': 'text',
            'message': 'Missing data for required field.'}].
        candidates (list[SpeakerRef] | Unset): Speakers an ambiguous name fits (409). Example: [{'id': 7, 'name': 'Ben
            Wallace', 'slug': 'ben-wallace'}].
        request_id (str | Unset): The request's id, also sent as X-Request-Id: quote it when reporting an error (server
            errors are logged under it). Example: 3f2a9c0e5b7d4e1f8a6b2c9d0e1f2a3b.
        nearest (list[SpeakerRef] | Unset): Speakers with names close to an unknown one (404). Example: [{'id': 7,
            'name': 'Ben Wallace', 'slug': 'ben-wallace'}].
    """

    type_: str
    title: str
    status: int
    detail: str
    instance: str
    errors: list[FieldError] | Unset = UNSET
    candidates: list[SpeakerRef] | Unset = UNSET
    request_id: str | Unset = UNSET
    nearest: list[SpeakerRef] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        title = self.title

        status = self.status

        detail = self.detail

        instance = self.instance

        errors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = []
            for errors_item_data in self.errors:
                errors_item = errors_item_data.to_dict()
                errors.append(errors_item)

        candidates: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.candidates, Unset):
            candidates = []
            for candidates_item_data in self.candidates:
                candidates_item = candidates_item_data.to_dict()
                candidates.append(candidates_item)

        request_id = self.request_id

        nearest: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.nearest, Unset):
            nearest = []
            for nearest_item_data in self.nearest:
                nearest_item = nearest_item_data.to_dict()
                nearest.append(nearest_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "title": title,
                "status": status,
                "detail": detail,
                "instance": instance,
            }
        )
        if errors is not UNSET:
            field_dict["errors"] = errors
        if candidates is not UNSET:
            field_dict["candidates"] = candidates
        if request_id is not UNSET:
            field_dict["request_id"] = request_id
        if nearest is not UNSET:
            field_dict["nearest"] = nearest

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.field_error import FieldError  # noqa: PLC0415
        from ..models.speaker_ref import SpeakerRef  # noqa: PLC0415

        d = dict(src_dict)
        type_ = d.pop("type")

        title = d.pop("title")

        status = d.pop("status")

        detail = d.pop("detail")

        instance = d.pop("instance")

        _errors = d.pop("errors", UNSET)
        errors: list[FieldError] | Unset = UNSET
        if _errors is not UNSET:
            errors = []
            for errors_item_data in _errors:
                errors_item = FieldError.from_dict(errors_item_data)

                errors.append(errors_item)

        _candidates = d.pop("candidates", UNSET)
        candidates: list[SpeakerRef] | Unset = UNSET
        if _candidates is not UNSET:
            candidates = []
            for candidates_item_data in _candidates:
                candidates_item = SpeakerRef.from_dict(candidates_item_data)

                candidates.append(candidates_item)

        request_id = d.pop("request_id", UNSET)

        _nearest = d.pop("nearest", UNSET)
        nearest: list[SpeakerRef] | Unset = UNSET
        if _nearest is not UNSET:
            nearest = []
            for nearest_item_data in _nearest:
                nearest_item = SpeakerRef.from_dict(nearest_item_data)

                nearest.append(nearest_item)

        problem = cls(
            type_=type_,
            title=title,
            status=status,
            detail=detail,
            instance=instance,
            errors=errors,
            candidates=candidates,
            request_id=request_id,
            nearest=nearest,
        )

        return problem
