"""Seconds per 100 KB of extraction (parse included) for the text shapes that once cost minutes,
beside ordinary news of the same length, each at two lengths: growth in proportion to length is
the bound (extract/bounds.py).

    .venv/bin/python benchmarks/pathological.py [--kb 50 --kb 100] [--polnear DIR]

Shapes that are not prose are refused before parsing (``NotProse``): their row gives the time
of the refusal. Ordinary news is PolNeAR dev joined into one text (``--polnear``), or the seed
articles repeated when it is absent. The time limit is off here: the figures are the whole cost.
The load average is printed: the machine may be shared.
"""

import os
import time
from collections.abc import Callable
from pathlib import Path

import click

from quoteapi.extract import extract_text
from quoteapi.extract.bounds import NotProse
from quoteapi.nlp import get_nlp

REPO = Path(__file__).resolve().parent.parent
DEFAULT_POLNEAR = REPO.parent / "shared" / "data" / "polnear"


def shapes(news: str) -> dict[str, Callable[[int], str]]:
    """Each shape as a function of its length in characters."""
    def repeat(unit: str) -> Callable[[int], str]:
        return lambda n: unit * (n // len(unit))

    return {
        "ordinary news": lambda n: news[:n],
        "quotation marks": repeat('"'),
        "quotation marks, spaced": repeat('" '),
        "punctuation run": repeat("!?."),
        "punctuation, spaced": repeat(". "),
        "no sentence end": repeat("word "),
        '"X said" repeated': repeat("Bob said "),
        '"X said" in sentences': repeat("Bob said Anna said. "),
        "one quote per sentence, one paragraph": repeat('"We fund it," Bob Marsh said. '),
        "quotes and cues nested": repeat('Bob said "Anna said \'yes\' today" and left. '),
    }


def ordinary_news(polnear: Path, longest: int) -> str:
    paths = sorted((polnear / "dev" / "text").glob("*.txt")) or sorted((REPO / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    news = ""
    while len(news) < longest:
        news += "\n\n".join(texts) + "\n\n"
    return news


@click.command()
@click.option("--kb", "sizes", type=int, multiple=True, default=(50, 100), show_default=True,
              help="Lengths to run each shape at, in thousands of characters.")
@click.option("--polnear", type=click.Path(path_type=Path), default=DEFAULT_POLNEAR)
def main(sizes: tuple[int, ...], polnear: Path) -> None:
    os.environ["QUOTEAPI_ARTICLE_TIME_LIMIT"] = "1d"  # the whole cost, however long
    get_nlp()("Warm up. She said so.")
    news = ordinary_news(polnear, max(sizes) * 1000)
    click.echo(f"load average {os.getloadavg()[0]:.2f}; seconds per 100 KB (quotes found)")
    click.echo(f"{'shape':40s}" + "".join(f"{size:>10d} KB" for size in sizes))
    for name, make in shapes(news).items():
        cells = []
        for size in sizes:
            text = make(size * 1000)
            started = time.perf_counter()
            try:
                found = f"{len(extract_text(text))} quotes"
            except NotProse:
                found = "refused"
            seconds = time.perf_counter() - started
            cells.append(f"{seconds / len(text) * 100_000:7.2f} s {found:>12s}")
        click.echo(f"{name:40s}" + "".join(f"{cell:>23s}" for cell in cells))


if __name__ == "__main__":
    main()
