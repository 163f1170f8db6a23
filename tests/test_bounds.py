"""A bounded cost per article (extract/bounds.py): text that is not prose is refused before it is
parsed, with a message naming where; prose of any shape is read by rules that each look at a
bounded stretch (thousands of quotes and cues in one paragraph still get their own speakers);
and the article time limit (QUOTEAPI_ARTICLE_TIME_LIMIT) fails one article, never a batch, in
the library, the API (a separate `quoteapi serve`, /health answering meanwhile) and the CLI.
The workers' side is in test_workers.py. How long each shape takes is measured by
benchmarks/pathological.py, not here."""

import json
import os
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from live_server import quoteapi_serve

from quoteapi.extract import extract_many, extract_text
from quoteapi.extract.bounds import NotProse, TooSlow, not_prose

# the shapes issue 10 names, each at 100-200 KB
NOT_PROSE = {
    "thousands of quotation marks": '"' * 30_000,
    "quotation marks with spaces": '" ' * 50_000,
    "a run of punctuation": "!?." * 33_000,
    "punctuation with spaces": ". " * 50_000,
    "200,000 characters without a sentence end": "word " * 40_000,
    "X said repeated": "Bob said " * 11_000,
}
API_KEY = "bounds-key"


def speeches(count: int) -> str:
    """``count`` quotes by one speaker, all in one paragraph (no line breaks)."""
    return "".join(f'"We fund bridge {n}," Bob Marsh said. ' for n in range(count))


def long_article(paragraphs: int) -> str:
    """Ordinary news paragraphs with quotes by four people: prose that takes seconds to read."""
    names = ["Alice Brown", "Ravi Patel", "Marta Kowalska", "John Okafor"]
    return "".join(f"\u201cWe fund bridge {n} and tunnel {n},\u201d said {names[n % 4]}, the "
                   f"council leader, on day {n}.\n\n" for n in range(paragraphs))


@pytest.mark.parametrize("shape", NOT_PROSE)
def test_text_that_is_not_prose_is_refused_before_parsing_with_where(shape: str) -> None:
    text = NOT_PROSE[shape]
    with pytest.raises(NotProse, match=r"character[s]? 0\b.*remove it or break it up") as refused:
        extract_text(text)
    assert refused.value.status == 422


def test_the_news_we_read_is_prose(tmp_path: Path) -> None:
    shared = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev" / "text"
    seeds = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds + sorted(shared.glob("*.txt"))]
    assert seeds and all(not_prose(text) is None for text in texts)
    # a table of figures in an article is still prose enough
    table = "Results by ward:\n" + "".join(f"Ward {n}: 1,{n:03d} votes (4{n % 10}.2%)\n"
                                           for n in range(200))
    assert not_prose(table) is None


def test_a_refused_text_fails_alone_in_a_batch() -> None:
    results = list(extract_many(iter([NOT_PROSE["X said repeated"], speeches(3)])))
    assert isinstance(results[0], NotProse)
    assert [q.speaker.name for q in results[1]] == ["Bob Marsh"] * 3


def test_thousands_of_quotes_in_one_paragraph_each_get_their_speaker() -> None:
    quotes = extract_text(speeches(1_500))  # about 55 KB, one paragraph, 1,500 quotes and cues
    assert len(quotes) == 1_500
    assert {q.speaker.name for q in quotes} == {"Bob Marsh"}
    assert quotes[1_234].text == "We fund bridge 1234"


def test_the_time_limit_fails_the_article_not_the_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUOTEAPI_ARTICLE_TIME_LIMIT", "0.000001s")
    with pytest.raises(TooSlow, match=r"longer than the limit of 1e-06 s per article "
                                      r"\(QUOTEAPI_ARTICLE_TIME_LIMIT\)"):
        extract_text(speeches(2))
    results = list(extract_many(iter([speeches(2), speeches(3)])))
    assert [type(r) for r in results] == [TooSlow, TooSlow]  # each article answered on its own


def _post(base: str, text: str) -> tuple[int, str, dict]:
    request = urllib.request.Request(
        f"{base}/extract", data=json.dumps({"text": text}).encode(), method="POST",
        headers={"Content-Type": "application/json", "X-API-Key": API_KEY})
    try:
        with urllib.request.urlopen(request, timeout=300) as answer:
            return answer.status, answer.headers["Content-Type"], json.load(answer)
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], json.load(error)


def test_the_api_answers_problem_json_for_both_and_health_keeps_answering(tmp_path: Path) -> None:
    env = {"QUOTEAPI_DATA_DIR": str(tmp_path), "QUOTEAPI_API_KEYS": API_KEY,
           "QUOTEAPI_ARTICLE_TIME_LIMIT": "1s"}
    with quoteapi_serve(env, "--workers", "1", "--threads", "4") as base:
        status, kind, body = _post(base, NOT_PROSE["thousands of quotation marks"])
        assert (status, kind, body["status"]) == (422, "application/problem+json", 422)
        assert "30,000 characters without a space" in body["detail"]

        answers: list[tuple[int, str, dict]] = []
        slow = threading.Thread(target=lambda: answers.append(_post(base, long_article(1_500))))
        slow.start()
        health = []
        while slow.is_alive() and len(health) < 200:  # bounded: at most 200 reads
            with urllib.request.urlopen(f"{base}/health", timeout=10) as answer:
                health.append(answer.status)
            slow.join(timeout=0.2)
        slow.join(timeout=300)
        (status, kind, body), = answers
        assert (status, kind) == (422, "application/problem+json")
        assert "limit of 1 s per article (QUOTEAPI_ARTICLE_TIME_LIMIT)" in body["detail"]
        assert health and set(health) == {200}  # reads answered while the extraction ran

        status, _, body = _post(base, speeches(2))  # and the next extraction is served
        assert status == 200 and len(body["quotes"]) == 2


def test_the_cli_records_each_refused_or_slow_article_and_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a-marks.txt").write_text(NOT_PROSE["thousands of quotation marks"])
    (folder / "b-long.txt").write_text(long_article(1_500))
    (folder / "c-short.txt").write_text(speeches(2))
    env = {**os.environ, "QUOTEAPI_DATA_DIR": str(tmp_path / "data"),
           "QUOTEAPI_ARTICLE_TIME_LIMIT": "2s"}
    result = subprocess.run(
        [sys.executable, "-c", "from quoteapi.cli import main; main()", "ingest", "--no-progress",
         str(folder)], env=env, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 1, result.stderr
    assert f"{folder / 'a-marks.txt'}: the text has 30,000 characters without a space" \
        in result.stderr
    assert f"{folder / 'b-long.txt'}: extraction took longer than the limit of 2 s" in result.stderr
    assert "1 articles: 1 new" in result.stdout and "2 quotes stored" in result.stdout
