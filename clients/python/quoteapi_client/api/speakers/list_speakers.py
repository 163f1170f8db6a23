from http import HTTPStatus
from typing import Any, cast

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.speaker_page import SpeakerPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
    q: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["offset"] = offset

    params["q"] = q

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/speakers",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | SpeakerPage:
    if response.status_code == 200:
        response_200 = SpeakerPage.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Problem | SpeakerPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
    q: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[Any | Problem | SpeakerPage]:
    """List speakers

     Speakers by number of quotes, most quoted first; `q` keeps those with a name or alias
    containing it.

    Args:
        limit (int | Unset):  Default: 20. Example: 20.
        offset (int | Unset):  Default: 0. Example: 0.
        q (str | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | SpeakerPage]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
        q=q,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
    q: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Any | Problem | SpeakerPage | None:
    """List speakers

     Speakers by number of quotes, most quoted first; `q` keeps those with a name or alias
    containing it.

    Args:
        limit (int | Unset):  Default: 20. Example: 20.
        offset (int | Unset):  Default: 0. Example: 0.
        q (str | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | SpeakerPage
    """

    return sync_detailed(
        client=client,
        limit=limit,
        offset=offset,
        q=q,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
    q: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[Any | Problem | SpeakerPage]:
    """List speakers

     Speakers by number of quotes, most quoted first; `q` keeps those with a name or alias
    containing it.

    Args:
        limit (int | Unset):  Default: 20. Example: 20.
        offset (int | Unset):  Default: 0. Example: 0.
        q (str | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | SpeakerPage]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
        q=q,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
    q: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Any | Problem | SpeakerPage | None:
    """List speakers

     Speakers by number of quotes, most quoted first; `q` keeps those with a name or alias
    containing it.

    Args:
        limit (int | Unset):  Default: 20. Example: 20.
        offset (int | Unset):  Default: 0. Example: 0.
        q (str | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | SpeakerPage
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            offset=offset,
            q=q,
            cursor=cursor,
        )
    ).parsed
