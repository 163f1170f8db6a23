"""Doc in, quotes out: the article's context read once (``context``), its quotes detected
(``detect/``: where they are) and each attributed (``attribute/``: who said it, in what role).

The detectors run in the order of ``DETECTORS``; each sees what the ones before it found and leaves
those words alone.
"""

from collections.abc import Callable, Iterable, Iterator

from spacy.tokens import Doc

from ..errors import BadInput, QuoteapiError
from ..nlp import get_nlp
from .attribute.nominal import attach_described_roles
from .attribute.speakers import resolve_speaker
from .bounds import check_time, not_prose, time_limit
from .context import ArticleContext, read_article
from .detect.direct import direct_quotes
from .detect.found import Detection, Found
from .detect.headlines import headline_quotes, inverted_headline, title_quotes
from .detect.reported import reported_quotes
from .detect.transcripts import transcript_quotes
from .model import Quote, TextSpan

Detector = Callable[[Detection], list[Found]]
# where the quotes are, in order: each detector leaves alone what an earlier one found
DETECTORS: tuple[Detector, ...] = (
    inverted_headline,  # "What they said, says someone" as the title
    direct_quotes,  # quotations with what attributes them, and quotations that go on from those
    reported_quotes,  # reported speech at the cues no quotation used
    headline_quotes,  # "Name: what they said" as the title
    title_quotes,  # a quotation the title's verb attributes
    transcript_quotes,  # "HARWOOD: ..." and "A: ..." turns without quotation marks
)


def extract_quotes(doc: Doc) -> list[Quote]:
    """Every quote of a parsed article, in order of where its content starts (TooSlow when the
    time limit of a ``bounds.time_limit`` block around it passes)."""
    ctx = prepare_article(doc)
    check_time()
    quotes = []
    for item in detect(ctx):
        check_time()
        quotes.append(to_quote(ctx, item))
    return quotes


def prepare_article(doc: Doc) -> ArticleContext:
    """The article's context with its cast complete: the roles stated next to names, and those
    that descriptions give ("the prime minister" resolved to someone named)."""
    ctx = read_article(doc)
    attach_described_roles(ctx)
    return ctx


def detect(ctx: ArticleContext) -> list[Found]:
    """Where the article's quotes are, with their cues and speaker mentions, in text order."""
    state = Detection.of(ctx)
    for detector in DETECTORS:
        check_time()
        state.found += detector(state)
    return sorted(state.found, key=lambda item: item.pieces[0])


def to_quote(ctx: ArticleContext, found: Found) -> Quote:
    """The Quote for one finding, its speaker resolved."""
    text = " ".join(ctx.text[start:end] for start, end in found.pieces)
    cue = TextSpan(found.cue.text, found.cue.start_char, found.cue.end_char) if found.cue else None
    speaker = resolve_speaker(ctx, found.mention)
    return Quote(text=text, type=found.type, spans=found.pieces, cue=cue, speaker=speaker,
                 confidence=found.confidence)


def extract_text(text: str) -> list[Quote]:
    """Parse ``text`` with the configured pipeline and extract its quotes (BadInput when the
    text cannot be parsed: not a string, or longer than the parser's limit; NotProse when it is
    no prose; TooSlow past the article time limit, parsing included)."""
    nlp = get_nlp()
    problem = _unparseable(text, nlp.max_length)
    if problem is not None:
        raise problem
    with time_limit():
        doc = nlp(text)
        check_time()
        return extract_quotes(doc)


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
            with time_limit():  # of the extraction: the parse ran in a batch with others
                result: list[Quote] | QuoteapiError = extract_quotes(doc)
        except QuoteapiError as error:
            result = error
        except Exception as error:  # noqa: BLE001  (one odd article must not stop a batch)
            result = QuoteapiError(f"extraction failed on article {number}: {error!r}", status=422)
        yield result


def _unparseable(text: object, max_length: int) -> QuoteapiError | None:
    """Why ``text`` cannot be parsed (not a string, too long, not prose), or None when it can."""
    if not isinstance(text, str):
        return BadInput(f"article {type(text).__name__} is not text: give a str")
    if len(text) > max_length:
        return BadInput(f"article of {len(text):,} characters is longer than the parser's "
                        f"limit of {max_length:,}: split it")
    return not_prose(text)


__all__ = ["extract_many", "extract_quotes", "extract_text"]
