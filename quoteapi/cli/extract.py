"""`quoteapi extract FILE...`: quotes of text files as JSON Lines (quoteapi.extract.extract_many).

Files are read lazily and fed to ``extract_many`` as one stream, so a thousand files are parsed in
batches without being held in memory at once. A file that cannot be read or decoded is reported
on stderr and skipped; the command then ends with exit status 1.
"""

import json
import sys
from collections import deque
from collections.abc import Iterator
from pathlib import Path

import click

from ..errors import BadInput, QuoteapiError

STDIN = "-"
STDIN_ID = "stdin"


def document_id(name: str) -> str:
    """The output id of an input: its file name without extension ("stdin" for ``-``)."""
    return STDIN_ID if name == STDIN else Path(name).stem


def read_text(name: str) -> str:
    """The file (or stdin for ``-``) decoded as UTF-8; raises OSError, UnicodeDecodeError, or
    BadInput for binary data (a NUL byte near the start, as `quoteapi ingest` checks)."""
    data = sys.stdin.buffer.read() if name == STDIN else Path(name).read_bytes()
    if b"\x00" in data[:8192]:
        raise BadInput("is a binary file, not text; give UTF-8 text files")
    return data.decode("utf-8")


def explain(name: str, error: Exception) -> str:
    """A message naming the file, what went wrong and how to fix it."""
    shown = "standard input" if name == STDIN else name
    if isinstance(error, BadInput):
        return f"quoteapi extract: {shown} {error.message}"
    if isinstance(error, UnicodeDecodeError):
        return (
            f"quoteapi extract: {shown} is not UTF-8 text ({error.reason} at byte {error.start}); "
            f"convert it to UTF-8 first, e.g. `iconv -f latin1 -t utf-8 {name} > {name}.utf8`"
        )
    if isinstance(error, IsADirectoryError):
        return f"quoteapi extract: {shown} is a directory; give the files inside it ({name}/*.txt)"
    if isinstance(error, OSError):
        reason = error.strerror or error
        return (
            f"quoteapi extract: cannot read {shown}: {reason}; check the path and its permissions"
        )
    return f"quoteapi extract: {shown}: {error}"


class Inputs:
    """Readable texts of the given files, in order; ``names`` queues the file of each text
    yielded and not yet paired with its result; ``failed`` counts the files skipped."""

    def __init__(self, files: tuple[str, ...]) -> None:
        self.files = files
        self.names: deque[str] = deque()
        self.failed = 0

    def __iter__(self) -> Iterator[str]:
        for name in self.files:
            try:
                text = read_text(name)
            except (OSError, UnicodeDecodeError, BadInput) as error:
                click.echo(explain(name, error), err=True)
                self.failed += 1
                continue
            self.names.append(name)
            yield text


# How spaCy parses a batch of texts (nlp.pipe); `quoteapi eval polnear` takes the same options.
batch_size_option = click.option(
    "--batch-size", type=click.IntRange(min=1), default=8, show_default=True,
    help="Texts parsed together.",
)
n_process_option = click.option(
    "--n-process", type=click.IntRange(min=1), default=1, show_default=True,
    help="Parser processes.",
)


@click.command()
@click.argument("files", nargs=-1, required=True)
@batch_size_option
@n_process_option
def extract(files: tuple[str, ...], batch_size: int, n_process: int) -> None:
    """Print the quotes of each text FILE (UTF-8; `-` reads stdin) as one JSON line:
    {"id": FILE name without extension, "quotes": [...]}; offsets count characters."""
    from ..extract import extract_many

    inputs = Inputs(files)
    failed = 0
    for result in extract_many(iter(inputs), batch_size=batch_size, n_process=n_process):
        name = inputs.names.popleft()
        if isinstance(result, QuoteapiError):
            click.echo(f"quoteapi extract: {name}: {result.message}", err=True)
            failed += 1
            continue
        quotes = [quote.to_dict() for quote in result]
        click.echo(json.dumps({"id": document_id(name), "quotes": quotes}, ensure_ascii=False))
    if failed or inputs.failed:
        sys.exit(1)


COMMANDS = [extract]
