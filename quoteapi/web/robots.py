"""robots.txt, as RFC 9309 says: read once a day per site (the standard library's parser
judges the rules); a site without one (4xx) may be fetched entirely; one whose robots.txt the
server fails to give (5xx, 429) may not be fetched at all for now. A site that does not answer
at all fails with that reason (no such host, no connection, a timeout)."""

import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from .errors import AddressRefused, FetchError

if TYPE_CHECKING:
    from .fetch import Fetched

TOKEN = "quoteapi"  # the product token robots.txt rules name us by
KEEP_SECONDS = 24 * 3600  # RFC 9309: a robots.txt should not be used for longer than a day
RETRY_SECONDS = 300  # an unreadable robots.txt is asked for again after this
OFF_SETTING = "QUOTEAPI_FETCH_ROBOTS=0 ignores robots.txt"


class Robots:
    """``check(url)`` raises FetchError when the site's robots.txt disallows ``url`` for us;
    ``read(robots_url)`` fetches a robots.txt (raising FetchError when it cannot)."""

    def __init__(self, read: Callable[[str], "Fetched"]) -> None:
        self.read = read
        # origin -> (until when, the parsed rules or why they could not be read)
        self._sites: dict[str, tuple[float, RobotFileParser | str]] = {}
        self._lock = threading.Lock()

    def check(self, url: str) -> None:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}".lower()
        rules = self._rules(origin)
        if isinstance(rules, str):
            raise FetchError(f"{origin}/robots.txt could not be read ({rules}), so the site may "
                             f"not be fetched for now ({OFF_SETTING})", transient=True)
        if not rules.can_fetch(TOKEN, url):
            raise FetchError(f"{origin}/robots.txt does not allow quoteapi to fetch {url} "
                             f"({OFF_SETTING})")

    def _rules(self, origin: str) -> RobotFileParser | str:
        with self._lock:
            known = self._sites.get(origin)
        if known is not None and known[0] > time.monotonic():
            return known[1]
        rules, keep = self._load(origin)
        with self._lock:
            self._sites[origin] = (time.monotonic() + keep, rules)
        return rules

    def _load(self, origin: str) -> tuple[RobotFileParser | str, float]:
        parser = RobotFileParser(f"{origin}/robots.txt")
        try:
            fetched = self.read(f"{origin}/robots.txt")
        except AddressRefused:
            raise
        except FetchError as error:
            if error.transient and error.upstream_status is None:
                raise  # no answer at all (no such host, no connection): the site's own failure
            if error.transient:
                return error.message, RETRY_SECONDS
            parser.parse([])  # none (4xx) or unusable: no rules, everything allowed
            return parser, KEEP_SECONDS
        parser.parse(fetched.body.decode("utf-8", "replace").splitlines())
        return parser, KEEP_SECONDS
