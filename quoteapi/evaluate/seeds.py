"""The seed scorecard: extraction of the seed articles against ``seeds/expected.json``.

For each expected quote: *found* when its ``quote`` fragment lies inside the text of an extracted
quote (both normalised for quotation marks and space); *speaker* and *role* right when the
extracted quote that holds it names the expected speaker and role (case, quotation marks, space
and a leading "the" aside; an expected null wants null). Totals are kept apart for ``must``
quotes and the rest.
"""

import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..errors import BadInput, QuoteapiError
from ..extract.model import Quote
from .matching import normalise_text
from .report import Ratio, format_rows

DEFAULT_SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@dataclass
class SeedResult:
    """One expected quote and what the extractor gave for it."""

    document: str
    quote: str
    must: bool
    expected_speaker: str | None
    expected_role: str | None
    found: bool = False
    speaker_right: bool = False
    role_right: bool = False
    speaker: str | None = None
    role: str | None = None


@dataclass
class Totals:
    quotes: int = 0
    found: Ratio = field(default_factory=Ratio)
    speaker: Ratio = field(default_factory=Ratio)
    role: Ratio = field(default_factory=Ratio)

    def add(self, result: SeedResult) -> None:
        self.quotes += 1
        self.found.add(result.found)
        self.speaker.add(result.speaker_right)
        self.role.add(result.role_right)


@dataclass
class Scorecard:
    results: list[SeedResult]
    must: Totals
    other: Totals

    def to_dict(self) -> dict[str, Any]:
        def totals(t: Totals) -> dict[str, Any]:
            return {
                "quotes": t.quotes,
                "found": t.found.to_dict(),
                "speaker": t.speaker.to_dict(),
                "role": t.role.to_dict(),
            }

        return {
            "results": [asdict(r) for r in self.results],
            "must": totals(self.must),
            "other": totals(self.other),
        }

    def format(self) -> str:
        lines = []
        for r in self.results:
            marks = "".join("+" if ok else "-" for ok in (r.found, r.speaker_right, r.role_right))
            got = (
                f" [got {r.speaker!r}, {r.role!r}]"
                if r.found and not (r.speaker_right and r.role_right)
                else ""
            )
            lines.append(
                f"{marks} {'must' if r.must else '    '} {r.document[:3]} {r.quote[:60]!r}{got}"
            )
        lines.append("(+/- : found, speaker right, role right)")
        rows = [
            (f"{label} {what}", getattr(t, what))
            for label, t in (("must", self.must), ("other", self.other))
            for what in ("found", "speaker", "role")
        ]
        return "\n".join(lines) + "\n" + format_rows(rows)


def same(got: str | None, expected: str | None) -> bool:
    """Names and roles compare case-insensitively, quotation marks, space and a leading "the"
    aside ("The United Nations’ refugee agency" is "United Nations' refugee agency")."""
    if got is None or expected is None:
        return got is expected
    return comparable(got) == comparable(expected)


def comparable(value: str) -> str:
    return re.sub(r"^the\s+", "", normalise_text(value).casefold())


def check_quote(document: str, expected: dict[str, Any], quotes: Sequence[Quote]) -> SeedResult:
    result = SeedResult(
        document,
        expected["quote"],
        bool(expected.get("must")),
        expected.get("speaker"),
        expected.get("role"),
    )
    fragment = normalise_text(expected["quote"])
    holders = [q for q in quotes if fragment in normalise_text(q.text)]
    if not holders:
        return result
    result.found = True
    # several extracted quotes may hold a short fragment: credit the one that gets most right
    best = max(
        holders,
        key=lambda q: (
            same(speaker_name(q), result.expected_speaker),
            same(speaker_role(q), result.expected_role),
        ),
    )
    result.speaker, result.role = speaker_name(best), speaker_role(best)
    result.speaker_right = same(result.speaker, result.expected_speaker)
    result.role_right = same(result.role, result.expected_role)
    return result


def speaker_name(quote: Quote) -> str | None:
    return quote.speaker.proper_name if quote.speaker else None


def speaker_role(quote: Quote) -> str | None:
    return quote.speaker.role if quote.speaker else None


def load_expected(seeds: Path) -> dict[str, Any]:
    path = seeds / "expected.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))["documents"]
    except (OSError, ValueError, KeyError) as error:
        raise BadInput(
            f"cannot read {path}: {error}; point to a seeds folder holding expected.json"
        ) from error


def scorecard(seeds: Path = DEFAULT_SEEDS) -> Scorecard:
    """Extract the seed articles of ``seeds`` and score them against its ``expected.json``."""
    from ..extract import extract_text

    card = Scorecard([], Totals(), Totals())
    for document, entry in load_expected(seeds).items():
        path = seeds / document
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise BadInput(f"cannot read seed article {path}: {error}") from error
        quotes = extract_text(text)
        if isinstance(quotes, QuoteapiError):
            raise quotes
        for expected in entry["quotes"]:
            result = check_quote(document, expected, quotes)
            card.results.append(result)
            (card.must if result.must else card.other).add(result)
    return card
