"""Settings from the QUOTEAPI_* environment: defaults, numbers, and a clear error for a bad value."""

import pytest
from click.testing import CliRunner

from quoteapi.cli import main
from quoteapi.config import settings
from quoteapi.errors import QuoteapiError


def test_numbers_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUOTEAPI_MAX_ARTICLE_BYTES", "1000")
    monkeypatch.setenv("QUOTEAPI_CACHE_ENTRIES", "0")
    monkeypatch.setenv("QUOTEAPI_EXTRACT_SECONDS", "2.5")
    monkeypatch.delenv("QUOTEAPI_EXTRACT_QUEUE", raising=False)
    current = settings()
    assert (current.max_article_bytes, current.cache_entries) == (1000, 0)
    assert (current.extract_seconds, current.extract_queue) == (2.5, 4)


@pytest.mark.parametrize("value", ["abc", "-5", "2.5"])
def test_a_bad_number_names_the_variable_and_the_fix(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("QUOTEAPI_MAX_ARTICLE_BYTES", value)
    with pytest.raises(QuoteapiError, match=r"QUOTEAPI_MAX_ARTICLE_BYTES=.*whole number"):
        settings()
    result = CliRunner().invoke(main, ["ingest", "seeds", "--db", "sqlite://"])
    assert result.exit_code == 1
    assert "QUOTEAPI_MAX_ARTICLE_BYTES" in result.stderr
