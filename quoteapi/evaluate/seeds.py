"""The seed scorecard: extraction of the seed articles against ``seeds/expected.json``.

For each expected quote: *found* when its ``quote`` fragment lies inside the text of an extracted
quote (both normalised for quotation marks and space); *speaker*, *role* and *type* right when the
extracted quote that holds it names the expected speaker and role (case, quotation marks, space
and a leading "the" aside; an expected null wants null) and has the expected type (direct,
indirect, mixed). Totals are kept apart for ``must`` quotes and the rest.

The other direction: every extracted quote that holds no expected fragment is *extra* (a quote a
careful reader did not list), and precision is the share of extracted quotes that hold one. So
the scorecard fails both when quotes are missed and when quotes are made up.
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
    expected_type: str | None = None
    found: bool = False
    speaker_right: bool = False
    role_right: bool = False
    type_right: bool = False
    speaker: str | None = None
    role: str | None = None
    type: str | None = None


@dataclass
class Totals:
    quotes: int = 0
    found: Ratio = field(default_factory=Ratio)
    speaker: Ratio = field(default_factory=Ratio)
    role: Ratio = field(default_factory=Ratio)
    type: Ratio = field(default_factory=Ratio)

    def add(self, result: SeedResult) -> None:
        self.quotes += 1
        self.found.add(result.found)
        self.speaker.add(result.speaker_right)
        self.role.add(result.role_right)
        self.type.add(result.type_right)


@dataclass
class Extra:
    """An extracted quote that holds no expected quote."""

    document: str
    text: str
    type: str
    speaker: str | None


@dataclass
class Scorecard:
    results: list[SeedResult]
    must: Totals
    other: Totals
    extra: list[Extra] = field(default_factory=list)
    precision: Ratio = field(default_factory=Ratio)  # extracted quotes that hold an expected one

    def to_dict(self) -> dict[str, Any]:
        def totals(t: Totals) -> dict[str, Any]:
            return {
                "quotes": t.quotes,
                "found": t.found.to_dict(),
                "speaker": t.speaker.to_dict(),
                "role": t.role.to_dict(),
                "type": t.type.to_dict(),
            }

        return {
            "results": [asdict(r) for r in self.results],
            "must": totals(self.must),
            "other": totals(self.other),
            "extra": [asdict(e) for e in self.extra],
            "precision": self.precision.to_dict(),
        }

    def format(self) -> str:
        lines = []
        for r in self.results:
            checks = (r.found, r.speaker_right, r.role_right, r.type_right)
            marks = "".join("+" if ok else "-" for ok in checks)
            got = (
                f" [got {r.speaker!r}, {r.role!r}, {r.type}]"
                if r.found and not all(checks)
                else ""
            )
            lines.append(
                f"{marks} {'must' if r.must else '    '} {r.document[:3]} {r.quote[:60]!r}{got}"
            )
        lines.append("(+/- : found, speaker right, role right, type right)")
        for e in self.extra:
            lines.append(f"extra     {e.document[:3]} {e.text[:60]!r} [{e.type}, {e.speaker!r}]")
        rows = [
            (f"{label} {what}", getattr(t, what))
            for label, t in (("must", self.must), ("other", self.other))
            for what in ("found", "speaker", "role", "type")
        ]
        rows.append(("precision (extracted quotes listed)", self.precision))
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
        expected.get("type"),
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
    result.type = best.type.value
    result.type_right = result.expected_type is None or result.type == result.expected_type
    return result


def extra_quotes(document: str, expected: Sequence[dict[str, Any]], quotes: Sequence[Quote]) -> list[Extra]:
    """The extracted quotes that hold none of the expected fragments."""
    fragments = [normalise_text(item["quote"]) for item in expected]
    return [
        Extra(document, q.text, q.type.value, speaker_name(q))
        for q in quotes
        if not any(fragment in normalise_text(q.text) for fragment in fragments)
    ]


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
        extra = extra_quotes(document, entry["quotes"], quotes)
        card.extra.extend(extra)
        for _ in range(len(quotes) - len(extra)):
            card.precision.add(True)
        for _ in extra:
            card.precision.add(False)
    return card
