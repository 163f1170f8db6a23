"""Reading articles from files: text files, JSON (one article or a list), JSON Lines, folders.

Every problem with a file or a line becomes an ``Item`` carrying the reason, so a batch goes on
and reports it; nothing is stored for it. Texts are decoded as UTF-8 and kept exactly as read, so
offsets point into the text as submitted.
"""

import dataclasses
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import BadInput
from .records import ArticleIn

SUFFIXES = (".txt", ".json", ".jsonl", ".ndjson")  # what a folder contributes
DATELINE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})(?=\s|\Z)", re.IGNORECASE)
MAX_HEADLINE = 200  # characters; a longer first line is body text


@dataclass(frozen=True)
class Item:
    """One article read from ``source`` ("a.jsonl line 3"), or why it could not be read."""

    source: str
    article: ArticleIn | None = None
    error: str | None = None
    skipped: str | None = None  # a file in a folder that holds no articles (seeds/expected.json)


def parse_dateline(text: str) -> date | None:
    """The date of a leading ``date YYYY-MM-DD`` line (seed 000), if the text opens with one."""
    match = DATELINE.match(text)
    if not match:
        return None
    try:
        return date.fromisoformat(match.group(1))
    except ValueError as error:
        raise BadInput(f"the leading date line {match.group(1)!r} is not a date ({error})") from None


def headline(text: str) -> str | None:
    """A text file's title: its first line when that reads as a headline (short, and not a
    sentence ending in a full stop), as in seed 001; None otherwise."""
    first = text.strip().split("\n", 1)[0].strip()
    if DATELINE.match(first) or len(first) > MAX_HEADLINE or first.endswith((".", "!", "?", ":")):
        return None
    return first or None


def check_text(text: Any, max_bytes: int) -> None:
    """Raise BadInput unless ``text`` is a usable article text."""
    if not isinstance(text, str):
        raise BadInput('an article needs a "text" string')
    if not text.strip():
        raise BadInput("the article text is empty")
    if "\x00" in text:
        raise BadInput("the article text holds NUL characters (binary data?)")
    if len(text.encode("utf-8")) > max_bytes:
        raise BadInput(f"the article text is over the {_size(max_bytes)} limit "
                       "(QUOTEAPI_MAX_ARTICLE_BYTES)")


def expand(
    paths: Iterable[str | Path], suffixes: tuple[str, ...] = SUFFIXES
) -> list[tuple[Path, bool]]:
    """Files named, and the article files (by ``suffixes``) inside folders named (recursively,
    sorted), each with whether it was found in a folder (rather than named)."""
    found: list[tuple[Path, bool]] = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(
                (p, True) for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in suffixes
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            found.append((path, False))
    return found


def read_file(path: Path, max_bytes: int, in_folder: bool = False) -> Iterator[Item]:
    """The articles of one file (text, JSON or JSON Lines by suffix). A JSON document found in a
    folder that holds no article at all (such as seeds/expected.json) is skipped, not a failure;
    named on its own, it is a failure."""
    try:
        text = _read_text(path, max_bytes)
    except BadInput as error:
        yield Item(str(path), error=error.message)
        return
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        yield from _json_lines(path, text)
    elif suffix == ".json":
        yield from _json_document(path, text, in_folder)
    else:
        yield Item(str(path), ArticleIn(text=text, id=path.stem, title=headline(text)))


def _read_text(path: Path, max_bytes: int) -> str:
    if not path.exists():
        raise BadInput("no such file")
    if not path.is_file():
        raise BadInput("not a file")
    size = path.stat().st_size
    if size > max_bytes:
        raise BadInput(f"the file is {_size(size)}, over the {_size(max_bytes)} limit "
                       "(split it, or raise QUOTEAPI_MAX_ARTICLE_BYTES)")
    data = path.read_bytes()
    if not data.strip():
        raise BadInput("the file is empty")
    if b"\x00" in data[:8192]:
        raise BadInput("a binary file, not text (articles are UTF-8 text, JSON or JSON Lines)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BadInput(f"not UTF-8 text (byte {error.start}): save it as UTF-8") from None


def _json_lines(path: Path, text: str) -> Iterator[Item]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        source = f"{path} line {number}"
        try:
            yield Item(source, article_from_json(json.loads(line)))
        except json.JSONDecodeError as error:
            yield Item(source, error=f"invalid JSON: {error.msg} (column {error.colno})")
        except BadInput as error:
            yield Item(source, error=error.message)


def _json_document(path: Path, text: str, in_folder: bool) -> Iterator[Item]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        yield Item(str(path), error=f"invalid JSON: {error.msg} (line {error.lineno}, column "
                                    f"{error.colno})")
        return
    records = data if isinstance(data, list) else [data]
    if in_folder and not any(isinstance(r, dict) and "text" in r for r in records):
        yield Item(str(path), skipped='holds no article (no object with a "text" field)')
        return
    for number, record in enumerate(records):
        source = f"{path} item {number}" if isinstance(data, list) else str(path)
        try:
            yield Item(source, article_from_json(record))
        except BadInput as error:
            yield Item(source, error=error.message)


def article_from_json(record: Any) -> ArticleIn:
    """An article from a JSON object: "text" (required), "id", "title", "url", "canonical_url",
    "source" (or "publisher"), "author", "published" (or "date", ISO 8601)."""
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise BadInput('not an article: a JSON article is an object with a "text" string')
    published = record.get("published", record.get("date"))
    if published is not None:
        try:
            published = date.fromisoformat(str(published)[:10])
        except ValueError:
            raise BadInput(f'"published" {published!r} is not an ISO date (YYYY-MM-DD)') from None
    identifier = record.get("id")
    return ArticleIn(
        text=record["text"], id=str(identifier) if identifier is not None else None,
        title=_optional(record, "title"), url=_optional(record, "url"),
        source=_optional(record, "source") or _optional(record, "publisher"), published=published,
        canonical_url=_optional(record, "canonical_url"), author=_optional(record, "author"),
    )


def article_to_json(article: ArticleIn) -> dict[str, Any]:
    """What ``article_from_json`` reads back as ``article`` (a Celery task's argument)."""
    record = {key: value for key, value in dataclasses.asdict(article).items() if value is not None}
    if article.published is not None:
        record["published"] = article.published.isoformat()
    return record


def _optional(record: dict, key: str) -> str | None:
    value = record.get(key)
    return str(value) if value is not None else None


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"
