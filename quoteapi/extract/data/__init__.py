"""Word lists of the extraction rules, one entry a line in ``NAME.txt`` beside this module.

Lines are lower-cased and stripped; blank lines and lines starting with ``#`` are skipped.
"""

from functools import cache
from importlib import resources


@cache
def lines(name: str) -> tuple[str, ...]:
    """The entries of ``NAME.txt`` (lower-cased, in file order)."""
    text = resources.files(__name__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    entries = (line.strip().lower() for line in text.splitlines())
    return tuple(entry for entry in entries if entry and not entry.startswith("#"))


@cache
def words(name: str) -> frozenset[str]:
    """The entries of ``NAME.txt`` as a set."""
    return frozenset(lines(name))


@cache
def pairs(name: str) -> dict[str, str]:
    """``NAME.txt`` whose lines are ``key value...``: key -> the rest of the line, as written
    (the same dict on every call: do not change it)."""
    text = resources.files(__name__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    result = {}
    for line in text.splitlines():
        key, _, value = line.strip().partition(" ")
        if key and not key.startswith("#"):
            result[key.lower()] = value.strip()
    return result
