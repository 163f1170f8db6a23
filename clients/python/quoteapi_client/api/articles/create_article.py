from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.article import Article
from ...models.article_in import ArticleIn
from ...models.article_page_in import ArticlePageIn
from ...models.article_url_in import ArticleUrlIn
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: ArticleIn | ArticlePageIn | ArticleUrlIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/articles",
    }

    if isinstance(body, ArticleIn):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, ArticlePageIn):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Article | Problem:
    if response.status_code == 200:
        response_200 = Article.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = Article.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Article | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ArticleIn | ArticlePageIn | ArticleUrlIn,
) -> Response[Article | Problem]:
    """Add an article

     Stores the article and the quotes extracted from it, all or nothing. The article is a
    `text`, a page's `html` (its main text is the article's text, its metadata the
    article's), or a `url` alone, whose page the server fetches. Sending the same text, or
    the same URL or canonical URL with an unchanged page, again changes nothing and answers
    200 with the stored article; a changed page replaces the article's quotes.

    Args:
        body (ArticleIn | ArticlePageIn | ArticleUrlIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Article | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ArticleIn | ArticlePageIn | ArticleUrlIn,
) -> Article | Problem | None:
    """Add an article

     Stores the article and the quotes extracted from it, all or nothing. The article is a
    `text`, a page's `html` (its main text is the article's text, its metadata the
    article's), or a `url` alone, whose page the server fetches. Sending the same text, or
    the same URL or canonical URL with an unchanged page, again changes nothing and answers
    200 with the stored article; a changed page replaces the article's quotes.

    Args:
        body (ArticleIn | ArticlePageIn | ArticleUrlIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Article | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ArticleIn | ArticlePageIn | ArticleUrlIn,
) -> Response[Article | Problem]:
    """Add an article

     Stores the article and the quotes extracted from it, all or nothing. The article is a
    `text`, a page's `html` (its main text is the article's text, its metadata the
    article's), or a `url` alone, whose page the server fetches. Sending the same text, or
    the same URL or canonical URL with an unchanged page, again changes nothing and answers
    200 with the stored article; a changed page replaces the article's quotes.

    Args:
        body (ArticleIn | ArticlePageIn | ArticleUrlIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Article | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ArticleIn | ArticlePageIn | ArticleUrlIn,
) -> Article | Problem | None:
    """Add an article

     Stores the article and the quotes extracted from it, all or nothing. The article is a
    `text`, a page's `html` (its main text is the article's text, its metadata the
    article's), or a `url` alone, whose page the server fetches. Sending the same text, or
    the same URL or canonical URL with an unchanged page, again changes nothing and answers
    200 with the stored article; a changed page replaces the article's quotes.

    Args:
        body (ArticleIn | ArticlePageIn | ArticleUrlIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Article | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
