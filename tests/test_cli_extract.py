"""`quoteapi extract` on temporary files: JSON Lines out, offsets in characters, bad files named."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from quoteapi.cli import main

# Written for these tests; the accents put multi-byte characters before the quotes.
CAFE = "Café owner Zoë Ruiz said: “We will stay open all winter.”\n“Nobody leaves,” she added.\n"
MAYOR = 'The mayor said: "The bridge will reopen in May."\n'


@pytest.fixture()
def runner(nlp) -> CliRunner:  # nlp: the session's pipeline, loaded once (tests/conftest.py)
    return CliRunner()


def lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def assert_offsets_point_into(text: str, record: dict) -> None:
    assert record["quotes"], f"no quote found in {text!r}"
    for quote in record["quotes"]:
        assert quote["text"] == " ".join(text[start:end] for start, end in quote["spans"])
        if quote["cue"]:
            assert text[quote["cue"]["start"] : quote["cue"]["end"]] == quote["cue"]["text"]
        mention = (quote["speaker"] or {}).get("mention")
        if mention:
            assert text[mention["start"] : mention["end"]] == mention["text"]


def test_good_files_give_one_json_line_each_in_order(runner: CliRunner, tmp_path: Path):
    cafe, mayor = tmp_path / "cafe.news.txt", tmp_path / "mayor.txt"
    cafe.write_text(CAFE, encoding="utf-8")
    mayor.write_text(MAYOR, encoding="utf-8")
    result = runner.invoke(main, ["extract", "--batch-size", "1", str(cafe), str(mayor)])
    assert result.exit_code == 0, result.stderr
    records = lines(result.stdout)
    assert [r["id"] for r in records] == ["cafe.news", "mayor"]
    assert_offsets_point_into(CAFE, records[0])
    assert_offsets_point_into(MAYOR, records[1])
    first = records[0]["quotes"][0]
    assert set(first) >= {"text", "type", "spans", "cue", "speaker", "confidence"}
    assert "stay open all winter" in first["text"]


def test_an_undecodable_file_is_named_and_the_others_still_processed(
    runner: CliRunner, tmp_path: Path
):
    bad = tmp_path / "latin.txt"
    bad.write_bytes("Zoë said: “Open.”".encode("latin-1", errors="replace"))
    good = tmp_path / "mayor.txt"
    good.write_text(MAYOR, encoding="utf-8")
    missing = tmp_path / "nowhere.txt"
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00")  # a zip header: valid UTF-8, yet no text
    result = runner.invoke(main, ["extract", str(bad), str(missing), str(binary), str(good)])
    assert result.exit_code == 1
    assert [r["id"] for r in lines(result.stdout)] == ["mayor"]
    assert f"{bad} is not UTF-8 text" in result.stderr and "iconv" in result.stderr
    assert f"cannot read {missing}" in result.stderr
    assert f"{binary} is a binary file" in result.stderr


def test_dash_reads_stdin(runner: CliRunner):
    result = runner.invoke(main, ["extract", "-"], input=CAFE.encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    (record,) = lines(result.stdout)
    assert record["id"] == "stdin"
    assert_offsets_point_into(CAFE, record)


def test_no_file_is_a_usage_error(runner: CliRunner):
    result = runner.invoke(main, ["extract"])
    assert result.exit_code == 2 and "FILES" in result.stderr
