"""Throughput of full quote extraction (coreference included) against a bare spaCy parse.

Runs over the texts of a PolNeAR split and prints, side by side from one run, articles/s and
tokens/s of (1) a bare ``nlp.pipe`` of the same spaCy model without coreferee and (2) the full
extraction, ``quoteapi.extract.extract_many``, and their ratio. Both are warmed up first on a few
texts. Tokens are counted once, from the bare parse, so both rows divide the same number.

    .venv/bin/python benchmarks/extraction.py [--polnear DIR] [--split dev] [--limit N]
        [--batch-size 8] [--n-process 1] [--coref-parse] [--whole-process]

Wall-clock rates are the figures; the CPU seconds of this process are printed beside them
because the machine may be shared (with ``--n-process 1`` the ratio is also given by CPU time).
``--coref-parse`` adds a third row, ``nlp.pipe`` with coreferee run over whole documents but no
extraction, the cost the full extraction avoids by resolving only where needed.
``--whole-process`` times whole processes instead, start-up and model loading included, as a user
meets them: ``quoteapi extract FILES`` (output to /dev/null) against a bare Python process that
loads the same spaCy model and parses the same files.
"""

import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import click
import spacy

from quoteapi.config import settings
from quoteapi.extract import extract_many
from quoteapi.nlp import get_nlp

DEFAULT_POLNEAR = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear"
WARM_UP = 3


def text_paths(directory: Path, split: str, limit: int | None) -> list[Path]:
    paths = sorted((directory / split / "text").glob("*.txt"))[:limit]
    if not paths:
        raise click.ClickException(
            f"no texts in {directory / split / 'text'}; give the PolNeAR folder with --polnear"
        )
    return paths


def load_texts(directory: Path, split: str, limit: int | None) -> list[str]:
    return [path.read_text(encoding="utf-8") for path in text_paths(directory, split, limit)]


# a bare spaCy process: load the model, parse each file (given as arguments) in batches
BARE_PROCESS = """
import sys, spacy
nlp = spacy.load(sys.argv[1])
texts = (open(path, encoding="utf-8").read() for path in sys.argv[3:])
print(sum(len(doc) for doc in nlp.pipe(texts, batch_size=int(sys.argv[2]))))
"""


def whole_processes(paths: list[Path], batch_size: int) -> None:
    """Wall-clock seconds of a bare spaCy process and of `quoteapi extract`, each run once."""
    files = [str(path) for path in paths]
    quoteapi = str(Path(sys.executable).with_name("quoteapi"))
    runs = [
        ("bare spaCy process", [sys.executable, "-c", BARE_PROCESS, settings().spacy_model,
                                str(batch_size), *files]),
        ("quoteapi extract", [quoteapi, "extract", "--batch-size", str(batch_size), *files]),
    ]
    seconds = {}
    for label, command in runs:
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        seconds[label] = time.perf_counter() - start
        click.echo(f"{label:30} {seconds[label]:8.1f} s  {len(paths) / seconds[label]:6.2f} articles/s")
    ratio = seconds["bare spaCy process"] / seconds["quoteapi extract"]
    click.echo(f"ratio quoteapi extract / bare process throughput: {ratio:.2f} (wall clock)")


@dataclass
class Timing:
    label: str
    seconds: float  # wall clock
    cpu: float  # CPU time of this process: steadier than wall clock on a shared machine
    note: str = ""


def timed(label: str, run: Callable[[Iterable[str]], int], texts: list[str]) -> tuple[Timing, int]:
    """Time ``run(texts)`` after a warm-up on a few texts; also return what it returned."""
    run(texts[:WARM_UP])
    start, start_cpu = time.perf_counter(), time.process_time()
    result = run(texts)
    return Timing(label, time.perf_counter() - start, time.process_time() - start_cpu), result


def bare_parse(batch_size: int, n_process: int) -> Callable[[Iterable[str]], int]:
    nlp = get_nlp(coref=False)
    return lambda texts: sum(
        len(doc) for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
    )


def coref_parse(batch_size: int, n_process: int) -> Callable[[Iterable[str]], int]:
    """coreferee over whole documents (a pipeline of its own: the service's keeps it disabled)."""
    import coreferee  # noqa: F401  (registers the "coreferee" factory)

    nlp = spacy.load(settings().spacy_model)
    nlp.add_pipe("coreferee")
    return lambda texts: sum(
        len(doc) for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
    )


def full_extraction(batch_size: int, n_process: int) -> Callable[[Iterable[str]], int]:
    get_nlp()  # load outside the timing

    def run(texts: Iterable[str]) -> int:
        return sum(
            len(quotes)
            for quotes in extract_many(texts, batch_size=batch_size, n_process=n_process)
            if isinstance(quotes, list)
        )

    return run


@click.command()
@click.option(
    "--polnear",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_POLNEAR,
    show_default=True,
    help="PolNeAR folder (holding SPLIT/text/*.txt).",
)
@click.option("--split", default="dev", show_default=True)
@click.option("--limit", type=click.IntRange(min=1), help="Only the first N articles.")
@click.option("--batch-size", type=click.IntRange(min=1), default=8, show_default=True)
@click.option("--n-process", type=click.IntRange(min=1), default=1, show_default=True)
@click.option(
    "--coref-parse",
    "with_coref",
    is_flag=True,
    help="Also time nlp.pipe with coreferee, without extraction.",
)
@click.option("--whole-process", is_flag=True,
              help="Time `quoteapi extract` against a bare spaCy process, start-up included.")
def main(
    polnear: Path, split: str, limit: int | None, batch_size: int, n_process: int, with_coref: bool,
    whole_process: bool,
) -> None:
    if whole_process:
        whole_processes(text_paths(polnear, split, limit), batch_size)
        return
    texts = load_texts(polnear, split, limit)
    bare, tokens = timed("bare nlp.pipe (no coreferee)", bare_parse(batch_size, n_process), texts)
    rows = [bare]
    if with_coref:
        rows.append(timed("nlp.pipe with coreferee", coref_parse(batch_size, n_process), texts)[0])
    full, quotes = timed("full extraction", full_extraction(batch_size, n_process), texts)
    full.note = f"{quotes} quotes"
    rows.append(full)
    click.echo(
        f"{polnear / split}: {len(texts)} articles, {tokens:,} tokens; "
        f"model {settings().spacy_model}, batch size {batch_size}, {n_process} process(es)"
    )
    header = f"{'':30} {'articles/s':>10} {'tokens/s':>10} {'seconds':>8} {'CPU s':>8}"
    click.echo(header + ("  (CPU s: this process only)" if n_process > 1 else ""))
    for row in rows:
        rates = f"{len(texts) / row.seconds:10.2f} {tokens / row.seconds:10,.0f}"
        click.echo(f"{row.label:30} {rates} {row.seconds:8.1f} {row.cpu:8.1f}  {row.note}")
    click.echo(f"ratio full / bare throughput: {bare.seconds / full.seconds:.2f} (wall clock)")
    if n_process == 1:
        click.echo(f"ratio full / bare by CPU time: {bare.cpu / full.cpu:.2f}")


if __name__ == "__main__":
    main()
