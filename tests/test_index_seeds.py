"""Issue 3's Done-when, end to end: `quoteapi ingest seeds/` with the real extractor, then one
Ben Wallace (three articles, Defence Secretary) and one Boris Johnson whose "war crime" quote is
stored once and carried by two articles; `quoteapi speakers` finds Wallace three ways."""

import json
from functools import cache

import pytest
from click.testing import CliRunner
from index_fixtures import SEEDS

from quoteapi.cli import main
from quoteapi.extract.model import Quote
from quoteapi.index import Index, QuoteQuery


@cache
def extracted(text: str) -> tuple[Quote, ...]:
    """The real extractor, run once per seed text for both backends."""
    from quoteapi.extract import extract_text

    return tuple(extract_text(text))


@pytest.fixture
def seeded(index_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr("quoteapi.index.service._extract", lambda text: list(extracted(text)))
    result = CliRunner().invoke(main, ["ingest", str(SEEDS), "--no-progress", "--db", index_url])
    # expected.json sits in seeds/ and is no article: skipped, named with its reason
    assert result.exit_code == 0, result.output
    assert "3 articles: 3 new" in result.output and "0 failed, 1 skipped" in result.output
    assert f"skipped {SEEDS / 'expected.json'}: holds no article" in result.stderr
    return index_url


def test_one_ben_wallace_across_three_articles(seeded: str) -> None:
    index = Index(seeded)
    wallace = index.speaker("Ben Wallace")
    quotes = index.quotes(QuoteQuery(speaker_id=wallace.id, limit=100)).items
    articles = {a.article_id.split("_")[0] for q in quotes for a in q.appearances}
    assert articles == {"000", "001", "002"}
    assert "defence secretary" in {role.role.lower() for role in wallace.roles}
    assert len(index.speakers("wallace").items) == 1
    index.close()


def test_war_crime_quote_once_carried_by_two_articles(seeded: str) -> None:
    index = Index(seeded)
    johnson = index.speaker("Boris Johnson")
    page = index.quotes(QuoteQuery(q="war crime", speaker_id=johnson.id))
    (quote,) = [q for q in page.items if "fully qualifies as a war crime" in q.text]
    assert {a.article_id.split("_")[0] for a in quote.appearances} == {"000", "002"}
    assert len(index.speakers("johnson").items) == 1
    index.close()


@pytest.mark.parametrize("query", ["wallace", "Ben Wallace", "ben-wallace"])
def test_speakers_command_finds_wallace(seeded: str, query: str) -> None:
    result = CliRunner().invoke(main, ["speakers", query, "--json", "--db", seeded])
    assert result.exit_code == 0, result.output
    (speaker,) = json.loads(result.output)["items"]
    assert (speaker["name"], speaker["slug"]) == ("Ben Wallace", "ben-wallace")
