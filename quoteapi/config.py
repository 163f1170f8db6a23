"""Settings, read from the environment (QUOTEAPI_*) with defaults that need no configuration.
This is the one place that reads QUOTEAPI_* variables."""

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import QuoteapiError


def _env_list(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


def _env_number(name: str, default: float, kind: type = int) -> float:
    """The number in ``name``, or ``default`` when unset; a clear error naming the variable when
    it holds something else."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        number = kind(value)
    except ValueError:
        number = -1
    if number < 0:
        what = "a whole number" if kind is int else "a number"
        raise QuoteapiError(f"{name}={value!r}: set it to {what} (0 or more), or unset it")
    return number


DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*$")
DURATION_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(text: str) -> float:
    """Seconds in "90", "90s", "15m", "1.5h" or "1d"; ValueError for anything else."""
    match = DURATION.match(text)
    if not match or float(match.group(1)) <= 0:
        raise ValueError(f"{text!r} is not a duration such as 30s, 15m, 1h or 1d")
    return float(match.group(1)) * DURATION_UNITS[match.group(2) or "s"]


def _env_duration(name: str, default: str) -> float:
    value = os.environ.get(name, "").strip() or default
    try:
        return parse_duration(value)
    except ValueError:
        raise QuoteapiError(f"{name}={value!r}: set it to a duration such as 30s, 15m or 1h, "
                            "or unset it") from None


def default_database_url() -> str:
    data_dir = Path(os.environ.get("QUOTEAPI_DATA_DIR", Path.home() / ".local" / "share" / "quoteapi"))
    return f"sqlite:///{data_dir / 'quoteapi.sqlite3'}"


@dataclass(frozen=True)
class Settings:
    # spaCy pipeline: "en_core_web_sm" (bundled) or any installed one coreferee supports (md, lg)
    spacy_model: str = field(default_factory=lambda: os.environ.get("QUOTEAPI_SPACY_MODEL", "en_core_web_sm"))
    # set QUOTEAPI_COREF=0 to run without coreferee (pronouns then stay unresolved)
    coref: bool = field(default_factory=lambda: os.environ.get("QUOTEAPI_COREF", "1") != "0")
    database_url: str = field(
        default_factory=lambda: os.environ.get("QUOTEAPI_DATABASE_URL") or default_database_url()
    )
    api_keys: list[str] = field(default_factory=lambda: _env_list("QUOTEAPI_API_KEYS"))
    max_article_bytes: int = field(
        default_factory=lambda: _env_number("QUOTEAPI_MAX_ARTICLE_BYTES", 5_000_000)
    )
    # bytes of an API request body (200,000 JSON-escaped characters fit in the default)
    max_request_bytes: int = field(
        default_factory=lambda: _env_number("QUOTEAPI_MAX_CONTENT_LENGTH", 4 * 1024 * 1024)
    )
    # read answers and name lookups each API worker keeps until the index changes (api/cache.py);
    # 0 turns the cache off
    cache_entries: int = field(
        default_factory=lambda: _env_number("QUOTEAPI_CACHE_ENTRIES", 2_000)
    )
    # extraction (POST /articles, POST /extract) runs in its own pool of processes per API worker
    # (api/extraction.py), so reads keep answering: how many processes (0: in the request's
    # thread), how many extractions may wait or run at once before the API answers 503, and how
    # long one may take
    extract_processes: int = field(
        default_factory=lambda: _env_number("QUOTEAPI_EXTRACT_PROCESSES", 1)
    )
    extract_queue: int = field(default_factory=lambda: _env_number("QUOTEAPI_EXTRACT_QUEUE", 4))
    extract_seconds: float = field(
        default_factory=lambda: _env_number("QUOTEAPI_EXTRACT_SECONDS", 120.0, float)
    )
    # how long extracting one article may take in any path (API, CLI, workers) before it fails
    # (extract/bounds.py)
    article_time_limit: float = field(
        default_factory=lambda: _env_duration("QUOTEAPI_ARTICLE_TIME_LIMIT", "60s")
    )
    broker_url: str = field(
        default_factory=lambda: os.environ.get("QUOTEAPI_BROKER_URL", "redis://127.0.0.1:6379/0")
    )
    # the queue `quoteapi ingest --queue` sends articles to and `quoteapi worker` consumes
    queue: str = field(default_factory=lambda: os.environ.get("QUOTEAPI_QUEUE", "quoteapi"))
    # how long a worker may spend on one article before it is recorded as failed (tasks.py
    # derives the hard limit and the broker's visibility timeout from it)
    task_time_limit: float = field(
        default_factory=lambda: _env_duration("QUOTEAPI_TASK_TIME_LIMIT", "5m")
    )
    # fetching pages and feeds (web/fetch.py). The API refuses loopback, private, link-local and
    # cloud-metadata addresses unless QUOTEAPI_FETCH_ALLOW_PRIVATE=1 (the CLI fetches anything);
    # QUOTEAPI_FETCH_ROBOTS=0 stops reading robots.txt
    fetch_allow_private: bool = field(
        default_factory=lambda: os.environ.get("QUOTEAPI_FETCH_ALLOW_PRIVATE", "0") == "1"
    )
    fetch_robots: bool = field(
        default_factory=lambda: os.environ.get("QUOTEAPI_FETCH_ROBOTS", "1") != "0"
    )
    # seconds to connect and to wait for each read; seconds for a whole page, redirects included
    fetch_timeout: float = field(
        default_factory=lambda: _env_number("QUOTEAPI_FETCH_TIMEOUT", 10.0, float)
    )
    fetch_seconds: float = field(
        default_factory=lambda: _env_number("QUOTEAPI_FETCH_SECONDS", 30.0, float)
    )
    fetch_max_bytes: int = field(
        default_factory=lambda: _env_number("QUOTEAPI_FETCH_MAX_BYTES", 10_000_000)
    )
    fetch_redirects: int = field(
        default_factory=lambda: _env_number("QUOTEAPI_FETCH_REDIRECTS", 5)
    )
    # empty: "quoteapi/VERSION (+news quote indexer)"; put a contact address in yours
    user_agent: str = field(default_factory=lambda: os.environ.get("QUOTEAPI_USER_AGENT", ""))
    # feeds the Celery beat schedule polls (tasks.py), and how often
    watch_feeds: list[str] = field(default_factory=lambda: _env_list("QUOTEAPI_WATCH_FEEDS"))
    watch_every: float = field(
        default_factory=lambda: _env_duration("QUOTEAPI_WATCH_EVERY", "15m")
    )


def settings() -> Settings:
    """Fresh settings from the current environment (cheap; tests change the environment)."""
    return Settings()
