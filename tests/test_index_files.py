"""Ingesting files and folders (`Index.ingest_paths`, `quoteapi ingest`), bad input, and the
`quoteapi speakers` / `quoteapi quotes` commands. Extraction is replaced by hand-made quotes
(``fake_extract``) so these need no NLP; tests/test_index_seeds.py runs the real one."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from index_fixtures import quote_of, seed_text

from quoteapi.cli import main
from quoteapi.extract.model import Quote
from quoteapi.index import Index, QuoteQuery

T0, T2 = seed_text("000"), seed_text("002")


def hand_made(text: str) -> list[Quote]:
    """What an extractor would find in the two seed texts used here (the war-crime quote)."""
    if "war crime" not in text:
        return []
    return [quote_of(text, "fully qualifies as a war crime", "Boris Johnson", role="Prime Minister")]


@pytest.fixture(autouse=True)
def fake_extract(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("quoteapi.index.service._extract", hand_made)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "000.txt").write_text(T0, encoding="utf-8")
    lines = [json.dumps({"id": "002", "text": T2, "source": "Mirror", "published": "2022-03-02"}),
             "{not json", json.dumps({"title": "no text"})]
    (root / "sub" / "more.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / ".hidden.txt").write_text("ignored", encoding="utf-8")
    (root / "notes.md").write_text("not an article suffix", encoding="utf-8")
    return root


def test_folder_batch_goes_on_past_failures_and_reports_them(index: Index, folder: Path) -> None:
    report = index.ingest_paths([folder], progress=False)
    assert (report.created, report.replaced, report.unchanged, report.quotes) == (2, 0, 0, 2)
    reasons = {f.source: f.reason for f in report.failures}
    jsonl = folder / "sub" / "more.jsonl"
    assert set(reasons) == {f"{jsonl} line 2", f"{jsonl} line 3"}
    assert reasons[f"{jsonl} line 2"].startswith("invalid JSON")
    assert '"text"' in reasons[f"{jsonl} line 3"]
    (quote,) = index.quotes(QuoteQuery()).items  # one quote, two articles
    assert sorted(a.article_id for a in quote.appearances) == ["000", "002"]
    assert index.article("000").published.isoformat() == "2022-03-03"
    assert index.article("002").source == "Mirror"
    again = index.ingest_paths([folder], progress=False)
    assert (again.created, again.unchanged) == (0, 2)


@pytest.mark.parametrize(("content", "reason"), [
    (b"", "empty"),
    (b"\n  \n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"caf\xe9 au lait", "not UTF-8"),
    (b"x" * 5_000_001, "over the 5.0 MB limit"),
])
def test_bad_files_are_named_with_the_reason_and_leave_the_index_as_it_was(
    index: Index, tmp_path: Path, content: bytes, reason: str
) -> None:
    index.ingest_paths([_write(tmp_path / "good.txt", T0.encode())], progress=False)
    before = index.health()
    bad = _write(tmp_path / "bad.txt", content)
    report = index.ingest_paths([bad], progress=False)
    (failure,) = report.failures
    assert failure.source == str(bad) and reason in failure.reason
    assert index.health() == before


def test_a_ten_megabyte_file_is_refused_before_reading(index: Index, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(10_000_000)
    (failure,) = index.ingest_paths([big], progress=False).failures
    assert "10.0 MB" in failure.reason and "QUOTEAPI_MAX_ARTICLE_BYTES" in failure.reason
    assert index.is_empty()


def test_json_files_one_article_or_a_list(index: Index, tmp_path: Path) -> None:
    one = _write(tmp_path / "one.json", json.dumps({"id": "a", "text": T0, "url": "https://x"}).encode())
    many = _write(tmp_path / "many.json", json.dumps([{"text": T2}, {"text": 7}]).encode())
    broken = _write(tmp_path / "broken.json", b'{"text": ')
    report = index.ingest_paths([one, many, broken, tmp_path / "missing.txt"], progress=False)
    assert report.created == 2
    sources = sorted(f.source for f in report.failures)
    assert sources == sorted([f"{broken}", f"{many} item 1", f"{tmp_path / 'missing.txt'}"])
    assert index.article("a").url == "https://x"


def test_a_text_files_headline_is_its_title(index: Index, tmp_path: Path) -> None:
    headed = _write(tmp_path / "a.txt", b"Wallace says forces in disarray\n\n" + T0.encode())
    plain = _write(tmp_path / "b.txt", b"The minister spoke on Monday.\nHe said little.")
    index.ingest_paths([headed, plain], progress=False)
    assert index.article("a").title == "Wallace says forces in disarray"
    assert index.article("b").title is None


def test_a_folders_json_without_articles_is_skipped_but_named_alone_it_fails(
    index: Index, tmp_path: Path
) -> None:
    """Like seeds/: its expected.json is a scorecard, not an article."""
    _write(tmp_path / "000.txt", T0.encode())
    scorecard = _write(tmp_path / "expected.json", json.dumps({"articles": []}).encode())
    report = index.ingest_paths([tmp_path], progress=False)
    assert (report.created, report.failures) == (1, [])
    assert [(s.source, "no article" in s.reason) for s in report.skipped] == [(str(scorecard), True)]

    named = index.ingest_paths([scorecard], progress=False)
    assert (named.skipped, [f.source for f in named.failures]) == ([], [str(scorecard)])

    runner = CliRunner()
    result = runner.invoke(main, ["ingest", str(tmp_path), "--no-progress", "--db", index.url])
    assert result.exit_code == 0, result.output
    assert "0 failed, 1 skipped" in result.output and f"skipped {scorecard}" in result.stderr


def test_cli_ingest_speakers_quotes(index_url: str, folder: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["ingest", str(folder), "--no-progress", "--db", index_url])
    assert result.exit_code == 1  # two lines of more.jsonl failed
    assert "2 articles: 2 new" in result.output
    assert "line 2: invalid JSON" in result.stderr

    result = runner.invoke(main, ["speakers", "johnson", "--json", "--db", index_url])
    assert result.exit_code == 0, result.output
    (speaker,) = json.loads(result.output)["items"]
    assert (speaker["slug"], speaker["quote_count"]) == ("boris-johnson", 1)
    assert speaker["roles"][0]["role"] == "Prime Minister"

    result = runner.invoke(main, ["quotes", "war crimes", "--speaker", "boris-johnson",
                                  "--from", "2022-03-01", "--json", "--db", index_url])
    assert result.exit_code == 0, result.output
    page = json.loads(result.output)
    assert page["total"] == 1 and len(page["items"][0]["appearances"]) == 2

    result = runner.invoke(main, ["quotes", "--to", "2022-01-01", "--db", index_url])
    assert result.output.startswith("0 quotes")
    result = runner.invoke(main, ["speakers", "Jonson", "--db", index_url])
    assert result.exit_code == 1 and "nearest: Boris Johnson (boris-johnson)" in result.stderr


def _write(path: Path, content: bytes) -> Path:
    path.write_bytes(content)
    return path


def test_an_unexpected_error_in_one_article_does_not_stop_the_batch(
    index: Index, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fragile(text: str) -> list[Quote]:
        if "Kyiv braced" in text and "Newsweek" not in text:  # seed 002 only
            raise RuntimeError("the extractor tripped")
        return hand_made(text)

    monkeypatch.setattr("quoteapi.index.service._extract", fragile)
    paths = [_write(tmp_path / "000.txt", T0.encode()), _write(tmp_path / "002.txt", T2.encode())]
    report = index.ingest_paths(paths, progress=False)
    assert report.created == 1
    (failure,) = report.failures
    assert failure.source.endswith("002.txt") and "the extractor tripped" in failure.reason
    assert [a.article_id for a in index.quotes(QuoteQuery()).items[0].appearances] == ["000"]
