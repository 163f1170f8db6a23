"""Roles as the article states them: titles before names, appositions, "the Y of Z, X"."""

import pytest
from spacy.language import Language

from quoteapi.extract.attribute.roles import description_role, roles_of
from quoteapi.lexicon.names import expand_title


def _roles(nlp: Language, text: str, name: str) -> list[str]:
    doc = nlp(text)
    start = doc.text.index(name)
    span = doc.char_span(start, start + len(name), alignment_mode="expand")
    return roles_of(span)


@pytest.mark.parametrize(
    "text, name, role",
    [
        ("The UK’s Defence Secretary Ben Wallace said so.", "Ben Wallace", "Defence Secretary"),
        (
            "Earlier, defence secretary Ben Wallace told Sky News.",
            "Ben Wallace",
            "defence secretary",
        ),
        ("ICC prosecutor Karim Khan said work would begin.", "Karim Khan", "ICC prosecutor"),
        (
            "ITV News Correspondent Dan Rivers spoke with a soldier.",
            "Dan Rivers",
            "ITV News Correspondent",
        ),
        (
            "The Governor of Kharkiv Oblast, Oleh Synyehubov, took to Facebook.",
            "Oleh Synyehubov",
            "Governor of Kharkiv Oblast",
        ),
        (
            "Phil Lovas, the state’s campaign chairman, said it was fine.",
            "Phil Lovas",
            "campaign chairman",
        ),
        (
            "Libertarian presidential candidate Gary Johnson’s doctor spoke.",
            "Gary Johnson",
            "Libertarian presidential candidate",
        ),
    ],
)
def test_role_as_stated(nlp, text, name, role):
    assert _roles(nlp, text, name)[0] == role


@pytest.mark.parametrize(
    "text, name",
    [
        ("Mr Kuzio added that the army was tired.", "Kuzio"),  # an honorific is not a role
        ("Crooked Hillary Clinton lost the debate, he said.", "Hillary Clinton"),  # nor an epithet
        (
            "Johnson warned the Russian president on Monday.",
            "Johnson",
        ),  # an object is not an apposition
    ],
)
def test_no_role_where_the_article_states_none(nlp, text, name):
    assert _roles(nlp, text, name) == []


def test_description_states_its_role(nlp):
    doc = nlp("The prime minister condemned the attack.")
    assert description_role(doc[0:3]) == "prime minister"


def test_title_abbreviations_expand():
    assert expand_title("Sen.") == "Senator"
    assert expand_title("Gov.") == "Governor"
    assert expand_title("Secretary") == "Secretary"
