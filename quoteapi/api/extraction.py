"""Quote extraction for the API, kept apart from reads (and the reading of web pages with it).

Extracting an article takes the NLP pipeline seconds of CPU, and reading a web page's main text
(trafilatura) a tenth of one or more. Run in a request's thread it would
hold the worker's interpreter (the GIL) while reads wait. So each API worker hands extractions to a
pool of its own processes (``QUOTEAPI_EXTRACT_PROCESSES``, default 1; 0 runs them in the request's
thread, as tests and ``--dev`` may), each loading the pipeline once.

At most ``QUOTEAPI_EXTRACT_QUEUE`` such requests are in flight per worker, from the first byte of
their body to their answer (``take_slot``, registered on their blueprints after the key check):
one more is refused at once with 503 and Retry-After, never queued, so neither extractions nor
bodies sent slowly by key holders can take every thread from the reads. An extraction that takes
longer than ``QUOTEAPI_EXTRACT_SECONDS`` answers 503 too.

A text the extractor fails on answers 500 without the exception (logged under the request's id);
a page with no article in it answers 422 (web/page.py), and so does a text that is not prose or
whose extraction passes QUOTEAPI_ARTICLE_TIME_LIMIT (extract/bounds.py).
"""

import logging
import multiprocessing
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from flask import g, request
from flask_smorest import Blueprint

from ..errors import BadInput, QuoteapiError, Unavailable
from ..extract.bounds import NotProse, TooSlow
from ..extract.model import Quote
from ..index.records import ArticleIn
from ..web.errors import NotAnArticle
from .context import per_app

EXTENSION = "quoteapi.extraction"
# what the client is told as it is (4xx): bad input, a text that is not prose or passes the
# article time limit (extract/bounds.py), a page that holds no article (web/page.py)
PASSED_ON = {error.__name__: error for error in (BadInput, NotProse, TooSlow, NotAnArticle)}
RETRY_AFTER = "30"
log = logging.getLogger("quoteapi.api")


class ExtractionFailed(QuoteapiError):
    """The extractor failed on a text (a bug, logged); the client learns only that."""

    status = 500
    title = "Internal Server Error"


def extract_in_process(text: str) -> tuple[str, Any]:
    """In a pool process (or this one): ("quotes", [Quote]) or ("error", (class name, status,
    message)) (plain values: an exception's own arguments may not survive pickling)."""
    from ..extract import extract_text

    try:  # extract_text: the article's time limit counts its parse too
        return "quotes", extract_text(text)
    except QuoteapiError as error:
        return "error", (type(error).__name__, error.status, error.message)
    except Exception as error:  # noqa: BLE001  (a bug met on this text: logged, answered 500)
        return "error", (type(error).__name__, 500, f"extraction failed: {error!r}")


def article_in_process(html: str, url: str | None) -> tuple[str, Any]:
    """In a pool process (or this one): ("article", ArticleIn) of a web page, or ("error",
    (class name, status, message)) when it holds no article (web/page.py)."""
    from ..web.page import article_from_html

    try:
        return "article", article_from_html(html, url)
    except QuoteapiError as error:
        return "error", (type(error).__name__, error.status, error.message)


def _warm() -> None:
    """A pool process loads the pipeline before its first text (a missing model is reported by
    that text's extraction, as ModelMissing, rather than breaking the pool here)."""
    from ..nlp import get_nlp

    try:
        get_nlp()
    except QuoteapiError:
        pass


class Extractor:
    """The bounded pool of one API worker."""

    def __init__(self, processes: int, queue: int, seconds: float) -> None:
        self.processes, self.seconds = processes, seconds
        self.slots = threading.BoundedSemaphore(max(queue, 1))
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def pool(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                # spawn, not fork: the server's worker runs threads, which fork would copy mid-step
                self._pool = ProcessPoolExecutor(
                    self.processes,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_warm,
                )
            return self._pool

    def quotes(self, text: str) -> list[Quote]:
        return self._run(extract_in_process, text)

    def article(self, html: str, url: str | None) -> ArticleIn:
        return self._run(article_in_process, html, url)

    def _run(self, function: Any, *args: Any) -> Any:
        if not self.processes:
            return _unpack(function(*args))
        pool = self.pool()
        try:
            future: Future = pool.submit(function, *args)
            return _unpack(future.result(timeout=self.seconds))
        except FutureTimeout:
            raise Unavailable(
                f"Extraction took longer than {self.seconds:g} s; try a shorter text.",
                headers={"Retry-After": RETRY_AFTER},
            ) from None
        except BrokenProcessPool as error:  # its process died (killed, out of memory)
            self._replace(pool)
            raise Unavailable(
                "The extraction process stopped; try again.", headers={"Retry-After": "5"}
            ) from error

    def _replace(self, broken: ProcessPoolExecutor) -> None:
        """The next extraction starts a new pool (once, whichever thread saw it break)."""
        with self._lock:
            if self._pool is broken:
                self._pool = None
        broken.shutdown(wait=False, cancel_futures=True)


def _unpack(result: tuple[str, Any]) -> Any:
    kind, value = result
    if kind != "error":
        return value
    name, status, message = value
    if name in PASSED_ON and 400 <= status < 500:
        raise PASSED_ON[name](message)
    log.error("extraction failed [request %s]: %s", g.get("request_id"), message)
    raise ExtractionFailed(
        "Quote extraction failed on this text; the error is logged under this request's id."
    )


def extractor() -> Extractor:
    return per_app(EXTENSION, lambda config: Extractor(
        config["EXTRACT_PROCESSES"], config["EXTRACT_QUEUE"], config["EXTRACT_SECONDS"]))


def take_slot() -> None:
    """Before a request that extracts: one of the worker's slots, or 503 at once."""
    if request.method != "POST":
        return
    if not extractor().slots.acquire(blocking=False):
        raise Unavailable(
            "Too many extractions are in progress; try again shortly.",
            headers={"Retry-After": RETRY_AFTER},
        )
    g.extraction_slot = True


def give_slot(_error: BaseException | None) -> None:
    if g.pop("extraction_slot", False):
        extractor().slots.release()


def limit_extractions(blueprint: Blueprint) -> None:
    """Bound the blueprint's POSTs by the worker's extraction slots (after protect_writes)."""
    blueprint.before_request(take_slot)
    blueprint.teardown_request(give_slot)


def extract_quotes(text: str) -> list[Quote]:
    """The quotes of ``text``, extracted in this worker's pool."""
    return extractor().quotes(text)


def read_page(html: str, url: str | None) -> ArticleIn:
    """The article of a web page, read in this worker's pool (web/page.py)."""
    return extractor().article(html, url)
