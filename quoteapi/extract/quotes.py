"""Doc in, quotes out: quotation marks paired, cues found, the two tied together, reported
speech added, and each speaker mention handed to the resolver (``speakers.resolve_speaker``)."""

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from ..errors import BadInput, QuoteapiError
from ..nlp import get_nlp
from .cues import speech_cues, text_of
from .direct import direct_quotes
from .found import Found
from .furniture import furniture_ranges
from .indirect import headline_quotes, indirect_quotes, title_quotes
from .marks import paragraphs, quotations
from .model import Quote, TextSpan
from .speakers import resolve_speaker


def extract_quotes(doc: Doc) -> list[Quote]:
    """Every quote of a parsed article, in order of where its content starts."""
    text = text_of(doc)
    pars = paragraphs(text)
    furniture = furniture_ranges(text, pars)
    quoted = [q for q in quotations(text) if not _overlaps(q.start, q.end, furniture)]
    cues = [cue for cue in speech_cues(doc) if not _overlaps(cue.start, cue.end, furniture)]
    found = direct_quotes(doc, quoted, cues, pars)
    taken = furniture + [(q.start, q.end) for q in quoted] + [p for f in found for p in f.pieces]
    found += indirect_quotes(doc, cues, taken)
    if pars:
        found += headline_quotes(doc, pars[0], quoted, furniture + [p for f in found for p in f.pieces])
        found += title_quotes(doc, pars[0], quoted, furniture + [p for f in found for p in f.pieces])
    return [to_quote(doc, item) for item in sorted(found, key=lambda item: item.pieces[0])]


def to_quote(doc: Doc, found: Found) -> Quote:
    """The Quote for one finding, its speaker resolved."""
    text = " ".join(text_of(doc)[start:end] for start, end in found.pieces)
    cue = TextSpan(found.cue.text, found.cue.start_char, found.cue.end_char) if found.cue else None
    speaker = resolve_speaker(doc, found.mention, found.cue)
    return Quote(text=text, type=found.type, spans=found.pieces, cue=cue, speaker=speaker,
                 confidence=found.confidence)


def extract_text(text: str) -> list[Quote]:
    """Parse ``text`` with the configured pipeline and extract its quotes (BadInput when the
    text cannot be parsed: not a string, or longer than the parser's limit)."""
    nlp = get_nlp()
    problem = _unparseable(text, nlp.max_length)
    if problem is not None:
        raise problem
    return extract_quotes(nlp(text))


def extract_many(texts: Iterable[str], batch_size: int = 16,
                 n_process: int = 1) -> Iterator[list[Quote] | QuoteapiError]:
    """Quotes of each text, in order, parsed in batches; an article that cannot be parsed or
    extracted yields a QuoteapiError in its place and the others go on."""
    nlp = get_nlp()
    problems: dict[int, QuoteapiError] = {}

    def parseable() -> Iterator[str]:
        for number, text in enumerate(texts):
            problem = _unparseable(text, nlp.max_length)
            if problem is not None:
                problems[number] = problem
            yield "" if problem is not None else text

    for number, doc in enumerate(nlp.pipe(parseable(), batch_size=batch_size, n_process=n_process)):
        if number in problems:
            yield problems.pop(number)
            continue
        try:
            yield extract_quotes(doc)
        except Exception as error:  # noqa: BLE001  (one odd article must not stop a batch)
            yield QuoteapiError(f"extraction failed on article {number}: {error!r}", status=422)


def _unparseable(text: object, max_length: int) -> QuoteapiError | None:
    """Why ``text`` cannot be parsed (not a string, too long), or None when it can."""
    if not isinstance(text, str):
        return BadInput(f"article {type(text).__name__} is not text: give a str")
    if len(text) > max_length:
        return BadInput(f"article of {len(text):,} characters is longer than the parser's "
                        f"limit of {max_length:,}: split it")
    return None


def _overlaps(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in ranges)


__all__ = ["extract_many", "extract_quotes", "extract_text"]
