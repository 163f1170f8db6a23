"""Names of speakers: folding for matching, titles stripped, slugs, surnames.

Matching ignores case and diacritics ("Zelenskyy" and "ZELENSKYY", "José" and "Jose" meet), and a
name never includes its titles: "defence secretary Ben Wallace" and "Mr Wallace" are the names
"Ben Wallace" and "Wallace". The title words live in titles.txt, one a line (as coreferee keeps its
word lists), so adding one is a data change.
"""

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from slugify import slugify as transliterated

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_WORD = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*", re.UNICODE)
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "mp", "qc", "kc", "mep", "phd"})
_SMALL_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "at", "to", "a", "an"})
PRONOUNS = frozenset(
    ["i", "me", "my", "we", "us", "our", "you", "he", "him", "his", "she", "her", "it", "its", "they", "them", "their", "this", "that", "who", "one"]
)


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """The words of titles.txt (titles, honorifics, role words, determiners)."""
    lines = (Path(__file__).with_name("titles.txt")).read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def fold(text: str) -> str:
    """Lower case without diacritics, one kind of apostrophe, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


def words(text: str) -> list[str]:
    """The folded words of ``text`` (letters and digits; inner hyphens and apostrophes kept)."""
    return _WORD.findall(fold(text))


def _is_title(word: str) -> bool:
    folded = fold(word).rstrip(".")
    # a possessive opener ("The UK's", "Britain's") belongs to the title, not the name
    return folded in title_words() or folded.endswith(("'s", "s'"))


def clean_name(raw: str | None, organisation: bool = False) -> str | None:
    """The name without leading titles, honorifics, possessives or lower-case role words, and
    without trailing suffixes; None when nothing name-like is left ("the prime minister", "he").
    A person's name is the last run of capitalised words ("ICC prosecutor Karim Khan" ->
    "Karim Khan"); an organisation keeps its inner lower-case words."""
    if not raw:
        return None
    tokens = raw.translate(_APOSTROPHES).replace(",", " ").split()
    if organisation:  # "The United Nations' refugee agency" keeps all but its article
        while tokens and fold(tokens[0]) in {"the", "a", "an"}:
            tokens.pop(0)
    while tokens and not organisation and (_is_title(tokens[0]) or not tokens[0][:1].isupper()):
        tokens.pop(0)
    if not organisation:
        inner = [i for i, t in enumerate(tokens) if _is_title(t) or not t[:1].isupper()]
        if inner and inner[-1] < len(tokens) - 1:
            tokens = tokens[inner[-1] + 1 :]
    while tokens and fold(tokens[-1]).rstrip(".") in _SUFFIXES:
        tokens.pop()
    if not organisation and tokens and not tokens[-1][:1].isupper():
        return None  # a description ("a Ukrainian soldier"), not a name
    if not tokens or (len(tokens) == 1 and fold(tokens[0]) in PRONOUNS):
        return None
    return " ".join(tokens).strip(" .:;'\"") or None


def name_key(name: str) -> str:
    """What two spellings of one name share: folded words without initials or suffixes."""
    tokens = [word.replace("'", "") for word in words(name) if word not in _SUFFIXES]
    if len(tokens) > 2:  # "Donald J. Trump" -> "donald trump"
        tokens = [tokens[0]] + [t for t in tokens[1:-1] if len(t) > 1] + [tokens[-1]]
    return " ".join(tokens)


def surname(name: str) -> str:
    """The last word of the name's key ("Ben Wallace" -> "wallace")."""
    key = name_key(name)
    return key.rsplit(" ", 1)[-1] if key else ""


def slugify(name: str) -> str:
    """A URL slug, transliterated (python-slugify): "Ben Wallace" -> "ben-wallace",
    "Zoë Ørsted-Łukasz" -> "zoe-orsted-lukasz"; apostrophes join ("O'Brien" -> "obrien")."""
    return transliterated(name.translate(_APOSTROPHES).replace("'", "")) or "speaker"


def clean_role(raw: str | None) -> str | None:
    """A role without its determiners and possessive openers: "The UK's Defence Secretary" ->
    "Defence Secretary"; None for an empty role."""
    if not raw:
        return None
    tokens = raw.translate(_APOSTROPHES).split()
    while tokens and (fold(tokens[0]) in {"the", "a", "an"} or fold(tokens[0]).endswith("'s")):
        tokens.pop(0)
    role = " ".join(tokens).strip(" ,.:;")
    if role.islower():  # "defence secretary" is shown as "Defence Secretary"
        role = " ".join(w if w in _SMALL_WORDS else w[:1].upper() + w[1:] for w in role.split())
    return role or None


def role_key(role: str) -> str:
    """What two spellings of one role share ("defence secretary" and "Defence Secretary")."""
    return " ".join(words(role))
