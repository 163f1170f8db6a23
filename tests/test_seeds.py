"""Every `must` quote of seeds/expected.json is found, with the right cue, speaker mention,
speaker name and role; and the page furniture of article 001 gives no quote."""

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from quoteapi.extract import Quote

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
EXPECTED = json.loads((SEEDS / "expected.json").read_text(encoding="utf-8"))
MUST = [
    pytest.param(name, item, id=f"{name[:3]}:{item['quote'][:30]}")
    for name, document in EXPECTED["documents"].items()
    for item in document["quotes"]
    if item["must"]
]
# page furniture of 001: none of it may appear in any quote's content, cue or mention
FURNITURE = ["sign-up", "JUST IN", "Doing all we can", "Read Full Article", "Zelenskyy sends message"]


def normal(text: str | None) -> str | None:
    return None if text is None else " ".join(text.replace("’", "'").lower().split())


@pytest.fixture(scope="module")
def seed_quotes(extract: Callable[[str], list[Quote]]) -> dict[str, list[Quote]]:
    return {name: extract((SEEDS / name).read_text(encoding="utf-8")) for name in EXPECTED["documents"]}


@pytest.mark.parametrize("name, item", MUST)
def test_must_quote(seed_quotes: dict[str, list[Quote]], name: str, item: dict) -> None:
    holding = [q for q in seed_quotes[name] if normal(item["quote"]) in normal(q.text)]
    assert holding, f"{item['quote']!r} not found in {name}"
    quote = holding[0]
    assert quote.cue is not None and quote.cue.text == item["cue"]
    assert quote.speaker is not None and quote.speaker.mention is not None
    assert normal(quote.speaker.mention.text) == normal(item["mention"])
    assert normal(quote.speaker.name) == normal(item["speaker"])
    assert normal(quote.speaker.role) == normal(item["role"])


def test_furniture_gives_no_quotes(seed_quotes: dict[str, list[Quote]]) -> None:
    text = (SEEDS / "001_8283138c3726f372.txt").read_text(encoding="utf-8")
    for quote in seed_quotes["001_8283138c3726f372.txt"]:
        words = " ".join([text[s:e] for s, e in quote.spans] + [quote.cue.text if quote.cue else ""])
        assert not any(piece in words for piece in FURNITURE), quote


def test_headline_quotes_ben_wallace(seed_quotes: dict[str, list[Quote]]) -> None:
    holding = [q for q in seed_quotes["001_8283138c3726f372.txt"] if "in disarray" in q.text]
    assert holding and holding[0].speaker.mention.text == "Ben Wallace"
    assert "Russian troops try to steal" not in holding[0].text  # the title above is another paragraph
