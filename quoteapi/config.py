"""Settings, read from the environment (QUOTEAPI_*) with defaults that need no configuration.
This is the one place that reads QUOTEAPI_* variables."""

import os
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
    broker_url: str = field(
        default_factory=lambda: os.environ.get("QUOTEAPI_BROKER_URL", "redis://127.0.0.1:6379/0")
    )


def settings() -> Settings:
    """Fresh settings from the current environment (cheap; tests change the environment)."""
    return Settings()
