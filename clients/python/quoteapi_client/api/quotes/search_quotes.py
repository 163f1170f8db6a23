import datetime
from http import HTTPStatus
from typing import Any, cast

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.quote_page import QuotePage
from ...models.search_quotes_sort import SearchQuotesSort
from ...models.search_quotes_type import SearchQuotesType
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
    q: str | Unset = UNSET,
    type_: SearchQuotesType | Unset = UNSET,
    role: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    source: str | Unset = UNSET,
    sort: SearchQuotesSort | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["offset"] = offset

    params["q"] = q

    json_type_: str | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = type_.value

    params["type"] = json_type_

    params["role"] = role

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    params["source"] = source

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/quotes",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | QuotePage:
    if response.status_code == 200:
        response_200 = QuotePage.from_dict(response.json())

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
) -> Response[Any | Problem | QuotePage]:
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
    type_: SearchQuotesType | Unset = UNSET,
    role: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    source: str | Unset = UNSET,
    sort: SearchQuotesSort | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[Any | Problem | QuotePage]:
    """Search quotes

     Full-text search (stemmed: `disarray` finds "in disarray") over all quotes, newest first
    or by relevance, with the same filters as a speaker's quotes.

    Args:
        limit (int | Unset):  Default: 20. Example: 20.
        offset (int | Unset):  Default: 0. Example: 0.
        q (str | Unset):
        type_ (SearchQuotesType | Unset):
        role (str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        source (str | Unset):
        sort (SearchQuotesSort | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | QuotePage]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
        q=q,
        type_=type_,
        role=role,
        from_=from_,
        to=to,
        source=source,
        sort=sort,
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
    type_: SearchQuotesType | Unset = UNSET,
    role: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    source: str | Unset = UNSET,
    sort: SearchQuotesSort | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Any | Problem | QuotePage | None:
    """Search quotes

     Full-text search (stemmed: `disarray` finds "in disarray") over all quotes, newest first
    or by relevance, with the same filters as a speaker's quotes.

    Args:
        limit (int | Unset):  Default: 20. Example: 20.
        offset (int | Unset):  Default: 0. Example: 0.
        q (str | Unset):
        type_ (SearchQuotesType | Unset):
        role (str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        source (str | Unset):
        sort (SearchQuotesSort | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | QuotePage
    """

    return sync_detailed(
        client=client,
        limit=limit,
        offset=offset,
        q=q,
        type_=type_,
        role=role,
        from_=from_,
        to=to,
        source=source,
        sort=sort,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
    q: str | Unset = UNSET,
    type_: SearchQuotesType | Unset = UNSET,
    role: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    source: str | Unset = UNSET,
    sort: SearchQuotesSort | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[Any | Problem | QuotePage]:
    """Search quotes

     Full-text search (stemmed: `disarray` finds "in disarray") over all quotes, newest first
    or by relevance, with the same filters as a speaker's quotes.

    Args:
        limit (int | Unset):  Default: 20. Example: 20.
        offset (int | Unset):  Default: 0. Example: 0.
        q (str | Unset):
        type_ (SearchQuotesType | Unset):
        role (str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        source (str | Unset):
        sort (SearchQuotesSort | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | QuotePage]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
        q=q,
        type_=type_,
        role=role,
        from_=from_,
        to=to,
        source=source,
        sort=sort,
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
    type_: SearchQuotesType | Unset = UNSET,
    role: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    source: str | Unset = UNSET,
    sort: SearchQuotesSort | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Any | Problem | QuotePage | None:
    """Search quotes

     Full-text search (stemmed: `disarray` finds "in disarray") over all quotes, newest first
    or by relevance, with the same filters as a speaker's quotes.

    Args:
        limit (int | Unset):  Default: 20. Example: 20.
        offset (int | Unset):  Default: 0. Example: 0.
        q (str | Unset):
        type_ (SearchQuotesType | Unset):
        role (str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        source (str | Unset):
        sort (SearchQuotesSort | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | QuotePage
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            offset=offset,
            q=q,
            type_=type_,
            role=role,
            from_=from_,
            to=to,
            source=source,
            sort=sort,
            cursor=cursor,
        )
    ).parsed
