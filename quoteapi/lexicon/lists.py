"""Word lists, one entry a line in ``data/NAME.txt`` (coreferee's habit), loaded by name.

Lines are lower-cased and stripped; what follows a ``#`` is a comment (a line that is all comment
is skipped).
"""

from functools import cache
from importlib import resources


def _read(name: str) -> str:
    return resources.files(__package__).joinpath("data", f"{name}.txt").read_text(encoding="utf-8")


@cache
def lines(name: str) -> tuple[str, ...]:
    """The entries of ``data/NAME.txt`` (lower-cased, in file order)."""
    entries = (line.partition("#")[0].strip().lower() for line in _read(name).splitlines())
    return tuple(entry for entry in entries if entry)


@cache
def words(name: str) -> frozenset[str]:
    """The entries of ``data/NAME.txt`` as a set."""
    return frozenset(lines(name))


@cache
def pairs(name: str) -> dict[str, str]:
    """``data/NAME.txt`` whose lines are ``key value...``: key -> the rest of the line, as written
    (the same dict on every call: do not change it)."""
    result = {}
    for line in _read(name).splitlines():
        key, _, value = line.partition("#")[0].strip().partition(" ")
        if key:
            result[key.lower()] = value.strip()
    return result
