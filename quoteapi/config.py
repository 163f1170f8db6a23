"""Settings, read from the environment (QUOTEAPI_*) with defaults that need no configuration."""

import os
from dataclasses import dataclass, field
from pathlib import Path


def _env_list(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


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
    max_article_bytes: int = field(default_factory=lambda: int(os.environ.get("QUOTEAPI_MAX_ARTICLE_BYTES", 5_000_000)))
    broker_url: str = field(
        default_factory=lambda: os.environ.get("QUOTEAPI_BROKER_URL", "redis://127.0.0.1:6379/0")
    )


def settings() -> Settings:
    """Fresh settings from the current environment (cheap; tests change the environment)."""
    return Settings()
