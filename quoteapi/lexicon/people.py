"""Words for people: nouns that name a person ("nurse", "neighbour", "senator") and the gender
a first name usually has.

Both come from well-kept packages rather than lists of our own:

- person nouns: our ``role_nouns`` list plus coreferee's English person words (drawn from WordNet,
  MIT licence), which cover plain occupations and relations ("plumber", "cousin");
- first names: Faker's person providers (MIT licence), every locale written in Latin script. A name
  counts as male or female when the locales that list it mostly agree (``GENDER_MAJORITY``);
  names given to both ("Jordan", "Andrea", "Hillary") stay unknown, and the article's own pronouns
  and honorifics decide.
"""

import importlib
import pkgutil
import unicodedata
from collections import Counter
from functools import cache
from pathlib import Path

from .lists import words

# a first name has a gender when this share of the locales listing it agree
GENDER_MAJORITY = 0.75


@cache
def person_nouns() -> frozenset[str]:
    """Lower-case nouns naming people: our role nouns and coreferee's person words."""
    found = set(words("role_nouns"))
    import coreferee  # a dependency: the pipeline runs it

    data = Path(coreferee.__file__).parent / "lang" / "en" / "data"
    for name in ("exclusively_person_words.dat", "person_words.dat"):
        found.update(line.strip().lower() for line in (data / name).read_text().splitlines())
    return frozenset(entry for entry in found if entry)


def first_name_gender(name: str) -> str | None:
    """ "male", "female" or None (unknown or shared) for a first name, case aside."""
    male, female = _first_name_counts()
    m, f = male.get(name.lower(), 0), female.get(name.lower(), 0)
    if m + f and m >= GENDER_MAJORITY * (m + f):
        return "male"
    if m + f and f >= GENDER_MAJORITY * (m + f):
        return "female"
    return None


def is_first_name(name: str) -> bool:
    male, female = _first_name_counts()
    return name.lower() in male or name.lower() in female


@cache
def _first_name_counts() -> tuple[Counter[str], Counter[str]]:
    """How many of Faker's locales list each first name as male and as female."""
    import faker.providers.person as providers

    male: Counter[str] = Counter()
    female: Counter[str] = Counter()
    for module in pkgutil.iter_modules(providers.__path__):
        provider = getattr(importlib.import_module(f"{providers.__name__}.{module.name}"),
                           "Provider", None)
        for attribute, counts in (("first_names_male", male), ("first_names_female", female)):
            for name in getattr(provider, attribute, None) or ():
                if _latin(name):
                    counts[name.lower()] += 1
    return male, female


def _latin(name: str) -> bool:
    return all(char.isascii() or "LATIN" in unicodedata.name(char, "") for char in name)
