"""The role check: the roles the extractor gives quoted speakers against roles read by hand.

``data/polnear_train_roles.jsonl`` lists, for 55 PolNeAR train articles read by a member of the
team (not by running the extractor), every quoted named speaker and the role the article gives
them: ``{"id", "speaker", "role" (or null), "also" (other roles the article gives), "kind"}``.
It holds names and role words only, no article text; the articles are read from the PolNeAR
folder (``../shared/data/polnear``). How the articles were chosen and the reading rules are in
``data/polnear_train_roles.md``.

Scoring, for each listed speaker: the extracted quotes of the article whose speaker name matches
(``matching.names_match``, after Unicode normalisation); none is a miss (counted in *coverage*).
The role of the first of those quotes (the reader took the role stated closest to the speaker's
first quote) is *right* when it is the listed role, *right
(lenient)* when it is the listed role or one in ``also``; null must meet null. Two roles are the
same when their words are (case, punctuation, articles and possessive openers aside, abbreviated
titles written out), or when one is the other with words added before the same head noun
("political pollster" and "Austin-based political pollster", "spokesman" and "Snyder
spokesman": the reader trimmed descriptive words and names before a title, the article's words
keep them), comparing what comes before an "of", "for", "at", "with", "from" or "in" phrase (the
reader kept "Secretary of State" whole but trimmed "dean of the journalism school" to "dean").
"Republican nominee" and "Democratic nominee" are not the same: neither holds the other.
"""

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import BadInput, QuoteapiError
from ..extract.model import Quote
from .matching import names_match, normalise_text
from .report import Ratio, format_rows

DEFAULT_CHECK = Path(__file__).with_name("data") / "polnear_train_roles.jsonl"
# abbreviated titles the reader wrote out ("Sen." -> "Senator"); the yardstick keeps its own
ABBREVIATIONS = {"sen": "senator", "rep": "representative", "reps": "representative",
                 "gov": "governor", "gen": "general", "lt": "lieutenant", "col": "colonel",
                 "sgt": "sergeant", "capt": "captain", "supt": "superintendent", "atty": "attorney",
                 "pres": "president", "amb": "ambassador", "prof": "professor"}
# prepositions whose phrase a role's head leaves out
HEAD_ENDS = re.compile(r"\s(?:of|for|at|with|from|in)\s.*$")


@dataclass(frozen=True)
class RoleCheck:
    """One hand-read line: a quoted speaker of an article and the role the article gives."""

    article: str
    speaker: str
    role: str | None
    also: tuple[str, ...] = ()
    kind: str = "person"


@dataclass
class RoleResult:
    check: RoleCheck
    found: bool = False
    role: str | None = None
    right: bool = False
    right_lenient: bool = False


@dataclass
class RoleScores:
    results: list[RoleResult] = field(default_factory=list)
    coverage: Ratio = field(default_factory=Ratio)  # listed speakers the extractor quotes
    accuracy: Ratio = field(default_factory=Ratio)  # of those, role right
    lenient: Ratio = field(default_factory=Ratio)  # of those, role right or in "also"
    failed: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "coverage": self.coverage.to_dict(), "accuracy": self.accuracy.to_dict(),
            "lenient": self.lenient.to_dict(), "failed": self.failed,
            "results": [{"article": r.check.article, "speaker": r.check.speaker,
                         "expected": r.check.role, "also": list(r.check.also), "found": r.found,
                         "role": r.role, "right": r.right, "right_lenient": r.right_lenient}
                        for r in self.results],
        }

    def format(self) -> str:
        lines = [
            f"{'+' if r.right else ('~' if r.right_lenient else '-')} {r.check.article[:28]:28} "
            f"{r.check.speaker[:24]!r:26} expected {r.check.role!r}, got {r.role!r}"
            for r in self.results if r.found and not r.right
        ]
        lines.append("(- wrong, ~ right only with 'also'; right ones and misses not listed)")
        rows = [("speakers quoted (coverage)", self.coverage), ("role accuracy", self.accuracy),
                ("role accuracy, lenient", self.lenient)]
        if self.failed:
            rows.append(("articles that failed", len(self.failed)))
        return "\n".join(lines) + "\n" + format_rows(rows)


def load_role_check(path: Path = DEFAULT_CHECK) -> list[RoleCheck]:
    """The lines of a role check file."""
    checks = []
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                entry = json.loads(line)
                checks.append(RoleCheck(entry["id"], entry["speaker"], entry.get("role"),
                                        tuple(entry.get("also") or ()), entry.get("kind", "person")))
    except (OSError, UnicodeDecodeError, ValueError, KeyError) as error:
        raise BadInput(f"cannot read the role check {path}: {error}; give JSON Lines with id, "
                       "speaker and role") from error
    return checks


def role_words(role: str | None) -> str | None:
    """A role for comparison: lower case, NFKC, quotation marks and apostrophes straight,
    without articles, possessive openers and punctuation, abbreviations written out."""
    if role is None:
        return None
    text = normalise_text(unicodedata.normalize("NFKC", role)).casefold().replace("\u00ad", "")
    tokens = [t.strip(".,;:()") for t in text.split()]
    tokens = [ABBREVIATIONS.get(t, t) for t in tokens if t]
    while tokens and (tokens[0] in {"the", "a", "an"} or tokens[0].endswith(("'s", "s'"))):
        tokens.pop(0)
    return " ".join(tokens) or None


def same_role(got: str | None, expected: str | None) -> bool:
    """Whether two roles are the same: the same words, or the same head."""
    got, expected = role_words(got), role_words(expected)
    if got is None or expected is None:
        return got is expected
    if got == expected:
        return True
    mine, theirs = HEAD_ENDS.sub("", got).split(), HEAD_ENDS.sub("", expected).split()
    if not mine or not theirs or mine[-1] != theirs[-1]:
        return False
    return set(mine) <= set(theirs) or set(theirs) <= set(mine)


def score_roles(checks: Sequence[RoleCheck],
                quotes: dict[str, Sequence[Quote] | QuoteapiError]) -> RoleScores:
    """Scores of the extracted ``quotes`` (per article id) against ``checks``."""
    scores = RoleScores()
    for check in checks:
        result = RoleResult(check)
        scores.results.append(result)
        found = quotes.get(check.article)
        if isinstance(found, QuoteapiError):
            if check.article not in scores.failed:
                scores.failed.append(check.article)
            found = []
        roles = [q.speaker.role for q in found or []
                 if q.speaker and names_match(_plain(q.speaker.proper_name), _plain(check.speaker))]
        result.found = bool(roles)
        scores.coverage.add(result.found)
        if not result.found:
            continue
        result.role = roles[0]  # the speaker's first quote (quotes come in text order)
        result.right = same_role(result.role, check.role)
        result.right_lenient = result.right or any(same_role(result.role, r) for r in check.also)
        scores.accuracy.add(result.right)
        scores.lenient.add(result.right_lenient)
    return scores


def _plain(name: str | None) -> str | None:
    if name is None:
        return None
    return " ".join(unicodedata.normalize("NFKC", name).replace("\u00ad", "").split())


def evaluate_roles(directory: Path, split: str = "train", check: Path = DEFAULT_CHECK,
                   progress: bool = False) -> RoleScores:
    """Extract the quotes of the articles the role check lists and score their roles."""
    from tqdm import tqdm

    from ..extract import extract_many

    checks = load_role_check(check)
    names = sorted({c.article for c in checks})
    texts = []
    for name in names:
        path = directory / split / "text" / f"{name}.txt"
        try:
            texts.append(path.read_text(encoding="utf-8"))
        except OSError as error:
            raise BadInput(f"cannot read {path}: {error}; give the PolNeAR folder") from error
    found: Iterable = extract_many(texts)
    if progress:
        found = tqdm(found, total=len(texts), unit="article")
    return score_roles(checks, dict(zip(names, found, strict=True)))
