"""The one normaliser of names and titles, for extraction and the index alike.

A name never includes its title: "Defence Secretary Ben Wallace", "Mr Wallace" and "Supt. Jane
Roe" are the names "Ben Wallace", "Wallace" and "Jane Roe" with the titles "Defence Secretary",
"Mr" and "Superintendent". A title is a run of title words (honorifics, abbreviated titles, role
nouns and the words that build titles, ``data/``) and lower-case words; the name is what follows
the last of them. Matching folds case and diacritics ("José" and "JOSE" meet).
"""

import re
import unicodedata
from collections.abc import Sequence

from .lists import pairs, words

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_WORD = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*", re.UNICODE)
# generational and professional suffixes after a name: not part of it
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "mp", "qc", "kc", "mep", "phd"})
# articles before a name or a role
ARTICLES = frozenset({"the", "a", "an"})
PRONOUNS = frozenset(
    ["i", "me", "my", "we", "us", "our", "you", "he", "him", "his", "she", "her", "it", "its",
     "they", "them", "their", "this", "that", "who", "one"]
)


def fold(text: str) -> str:
    """Lower case without diacritics, one kind of apostrophe, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


def folded_words(text: str) -> list[str]:
    """The folded words of ``text`` (letters and digits; inner hyphens and apostrophes kept)."""
    return _WORD.findall(fold(text))


def is_honorific(word: str) -> bool:
    return fold(word) in words("honorifics") or fold(word).rstrip(".") in words("honorifics")


def expand_title(word: str) -> str:
    """ "Sen." -> "Senator", "Supt" -> "Superintendent"; any other word as it is."""
    return pairs("title_abbreviations").get(fold(word), pairs("title_abbreviations").get(
        fold(word) + ".", word))


def is_title_word(word: str) -> bool:
    """Whether a word belongs to a title rather than a name: an honorific, an abbreviated title,
    a role noun or a word that builds titles, or a possessive opener ("The UK's")."""
    folded = fold(word).rstrip(".,")
    return (
        folded in words("honorifics") or folded in words("role_nouns")
        or folded in words("title_words") or folded in ARTICLES
        or folded in pairs("title_abbreviations") or f"{folded}." in pairs("title_abbreviations")
        or folded.endswith(("'s", "s'"))
    )


def title_end(tokens: Sequence[str]) -> int:
    """Where the name starts in a person's words as written: after the last title word or
    lower-case word ("Harlow County Public Works Director Jane Roe" -> 6; "de" in "Charles de
    Gaulle" is no title), keeping one word at least; 0 when there is no title."""
    marks = [i for i, token in enumerate(tokens[:-1])
             if is_title_word(token) or (token.islower() and fold(token) not in words("name_particles"))]
    return marks[-1] + 1 if marks else 0


def clean_name(raw: str | None, organisation: bool = False) -> str | None:
    """The name in ``raw`` without its title, honorifics or suffixes; None when nothing name-like
    is left ("the prime minister", "he", "a Ukrainian soldier"). An organisation keeps its inner
    lower-case words and loses only its article ("The United Nations' refugee agency")."""
    if not raw:
        return None
    tokens = raw.translate(_APOSTROPHES).replace(",", " ").split()
    if organisation:
        while tokens and fold(tokens[0]) in ARTICLES:
            tokens.pop(0)
    else:
        while tokens and (is_title_word(tokens[0]) or not tokens[0][:1].isupper()):
            tokens.pop(0)
        tokens = tokens[title_end(tokens):]
    while tokens and fold(tokens[-1]).rstrip(".") in NAME_SUFFIXES:
        tokens.pop()
    if not organisation and tokens and not tokens[-1][:1].isupper():
        return None  # a description ("a Ukrainian soldier"), not a name
    if not tokens or (len(tokens) == 1 and fold(tokens[0]) in PRONOUNS):
        return None
    return " ".join(tokens).strip(" .:;'\"") or None


def clean_role(raw: str | None) -> str | None:
    """A role as the article words it, without articles and possessive openers: "The UK's Defence
    Secretary" -> "Defence Secretary", "a firefighter with the county" -> "firefighter with the
    county"; None for an empty role. Case is the article's."""
    if not raw:
        return None
    tokens = raw.translate(_APOSTROPHES).split()
    while tokens and (fold(tokens[0]) in ARTICLES or fold(tokens[0]).endswith(("'s", "s'"))):
        tokens.pop(0)
    return " ".join(tokens).strip(" ,.:;") or None


def role_key(role: str) -> str:
    """What two spellings of one role share ("defence secretary" and "Defence Secretary")."""
    return " ".join(folded_words(role))
