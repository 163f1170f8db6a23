"""Names of stored speakers: keys that two spellings of one name share, surnames, slugs.

Titles and folding come from the one normaliser of names (``quoteapi.lexicon.names``), which
extraction uses too: "defence secretary Ben Wallace" and "Mr Wallace" are the names "Ben Wallace"
and "Wallace" here as there.
"""


from slugify import slugify as transliterated

from ..lexicon.names import NAME_SUFFIXES, clean_name, clean_role, fold, folded_words, role_key


def name_key(name: str) -> str:
    """What two spellings of one name share: folded words without initials or suffixes."""
    tokens = [word.replace("'", "") for word in folded_words(name) if word not in NAME_SUFFIXES]
    if len(tokens) > 2:  # "Donald J. Trump" -> "donald trump"
        tokens = [tokens[0]] + [t for t in tokens[1:-1] if len(t) > 1] + [tokens[-1]]
    return " ".join(tokens)


def surname(name: str) -> str:
    """The last word of the name's key ("Ben Wallace" -> "wallace")."""
    key = name_key(name)
    return key.rsplit(" ", 1)[-1] if key else ""


APOSTROPHES = str.maketrans(dict.fromkeys("'\u2019\u2018\u02bc`"))


def slugify(name: str) -> str:
    """A URL slug, transliterated (python-slugify): "Ben Wallace" -> "ben-wallace",
    "Zoë Ørsted-Łukasz" -> "zoe-orsted-lukasz"; apostrophes join ("O'Brien" -> "obrien")."""
    return transliterated(name.translate(APOSTROPHES)) or "speaker"


__all__ = ["clean_name", "clean_role", "fold", "name_key", "role_key", "slugify", "surname", "folded_words"]
