"""What one article may cost: text that is not prose refused before it is parsed, and a time
limit that extraction checks as it goes.

Parsing costs about the same per token whatever the text, and every rule of extraction reads a
bounded stretch around each quotation or cue, so prose costs time in proportion to its length.
Text that is not prose breaks that in ways cheap to see before parsing: spaCy's tokenizer takes
time growing with the square of a run without spaces (4,000 quotation marks: 3 s), punctuation
makes a token of every character, and a stretch without a sentence end is parsed as one
sentence whose clauses nest without end ("Bob said Bob said ..."). ``not_prose`` finds those
in one pass (regular expressions: linear), so ``extract_text`` and ``extract_many`` refuse them
with a message naming where.

The time limit (QUOTEAPI_ARTICLE_TIME_LIMIT, default 60 s) is a deadline per thread that the
detectors check between steps (``check_time``): past it the article fails with ``TooSlow``
(422), the API answers that, the CLI and the workers record it and go on. It is checked, not
imposed by a signal, so it works in any thread and leaves the process in a sound state; the
API's pool and the workers' hard limit still stop a process that overruns it.
"""

import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from ..config import settings
from ..errors import Unprocessable

# no word, number or address of news is this long; a run of marks or of markup is
LONGEST_RUN = 1_000
# no sentence of news runs this far without a stop, a semicolon or a line break
LONGEST_WITHOUT_STOP = 5_000
# in every stretch of this many characters, at least this share are letters or digits (news: 0.8,
# a table of figures: 0.5; a run of quotation marks or of ". . ." none)
STRETCH, LEAST_WORD_SHARE = 1_000, 0.25

_RUN = re.compile(rf"\S{{{LONGEST_RUN + 1},}}")
_NO_STOP = re.compile(rf"[^.!?…;\n]{{{LONGEST_WITHOUT_STOP + 1},}}")
_WORD_CHARACTER = re.compile(r"[^\W_]")


class NotProse(Unprocessable):
    """A text that extraction refuses before parsing: it is not prose (see ``not_prose``)."""


class TooSlow(Unprocessable):
    """An article whose extraction passed the time limit (QUOTEAPI_ARTICLE_TIME_LIMIT)."""


def not_prose(text: str) -> NotProse | None:
    """Why ``text`` is not prose extraction can read in time, or None when it is."""
    fix = "quoteapi reads the prose of news articles: remove it or break it up"
    run = _RUN.search(text)
    if run:
        return NotProse(f"the text has {len(run.group()):,} characters without a space at "
                        f"character {run.start():,}; {fix}")
    stretch = _NO_STOP.search(text)
    if stretch:
        return NotProse(f"the text runs {len(stretch.group()):,} characters without a sentence "
                        f"end (. ! ? ; or a line break) from character {stretch.start():,}; {fix}")
    for start in range(0, len(text), STRETCH):
        piece = text[start: start + STRETCH]
        if len(piece.strip()) < STRETCH // 2:
            continue  # a short last stretch, or one mostly blank: too little to judge
        share = len(_WORD_CHARACTER.findall(piece)) / len("".join(piece.split()))
        if share < LEAST_WORD_SHARE:
            return NotProse(f"characters {start:,} to {start + len(piece):,} are {share:.0%} "
                            f"letters and digits (prose has over {LEAST_WORD_SHARE:.0%}); {fix}")
    return None


_local = threading.local()


@contextmanager
def time_limit(seconds: float | None = None) -> Iterator[None]:
    """Within the block, ``check_time`` fails once ``seconds`` (default: the article time
    limit of the settings; 0 or less: none) have passed."""
    seconds = settings().article_time_limit if seconds is None else seconds
    previous = getattr(_local, "deadline", None)
    _local.deadline = (time.monotonic() + seconds, seconds) if seconds > 0 else None
    try:
        yield
    finally:
        _local.deadline = previous


def check_time() -> None:
    """Raise TooSlow when this thread's article has passed its time limit."""
    deadline = getattr(_local, "deadline", None)
    if deadline is not None and time.monotonic() > deadline[0]:
        raise TooSlow(f"extraction took longer than the limit of {deadline[1]:g} s per article "
                      "(QUOTEAPI_ARTICLE_TIME_LIMIT): split the article or raise the limit")
