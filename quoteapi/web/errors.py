"""Why a URL, a page or a feed gave no article. Each is a 422 in the API and a line naming the
page in `quoteapi ingest`; ``transient`` ones (timeouts, server errors) are worth trying again
later, so `quoteapi watch` does not mark their entries as handled."""

from ..errors import Unprocessable


class FetchError(Unprocessable):
    """The URL could not be fetched, or may not be (robots.txt); ``upstream_status``: the HTTP
    status its server answered, if that is why."""

    def __init__(self, message: str, *, transient: bool = False,
                 upstream_status: int | None = None) -> None:
        super().__init__(message)
        self.transient = transient
        self.upstream_status = upstream_status


class AddressRefused(FetchError):
    """A host that is (or resolves to) an address the API does not fetch (addresses.py)."""


class NotAnArticle(Unprocessable):
    """A page with no article in it, or one in a language other than English, or a feed where
    a page was expected."""

    transient = False
