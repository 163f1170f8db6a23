"""Shared fixtures. The spaCy pipeline is loaded once per test session (it takes seconds)."""

from collections.abc import Callable

import pytest
from spacy.language import Language

from quoteapi.extract import Quote, extract_quotes
from quoteapi.nlp import get_nlp

pytest_plugins = ["index_fixtures"]  # the store's fixtures: index, index_url (both backends)


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The configured pipeline (en_core_web_sm with coreferee, as the service runs it)."""
    return get_nlp()


@pytest.fixture(scope="session")
def extract(nlp: Language) -> Callable[[str], list[Quote]]:
    """Text in, quotes out, through the session's pipeline."""
    return lambda text: extract_quotes(nlp(text))
