"""`quoteapi eval seeds` and `quoteapi eval polnear`: the built-in evaluations
(quoteapi.evaluate.seeds.scorecard and quoteapi.evaluate.polnear.evaluate_polnear)."""

import json
from pathlib import Path
from typing import TextIO

import click

from ..evaluate.polnear import evaluate_polnear
from ..evaluate.roles import DEFAULT_CHECK, evaluate_roles
from ..evaluate.seeds import DEFAULT_SEEDS, scorecard
from .extract import batch_size_option, n_process_option

EXISTING_DIR = click.Path(exists=True, file_okay=False, path_type=Path)


@click.group(name="eval")
def eval_group() -> None:
    """Score the extractor against hand-made references."""


@eval_group.command()
@click.option(
    "--seeds",
    "seeds_dir",
    type=EXISTING_DIR,
    default=DEFAULT_SEEDS,
    show_default=True,
    help="Folder with the seed articles and expected.json.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scorecard as JSON.")
def seeds(seeds_dir: Path, as_json: bool) -> None:
    """Scorecard of the seed articles: per quote found / speaker right / role right."""
    card = scorecard(seeds_dir)
    click.echo(json.dumps(card.to_dict(), indent=2) if as_json else card.format())


@eval_group.command()
@click.argument("directory", type=EXISTING_DIR)
@click.option("--split", default="dev", show_default=True, help="Sub-folder of DIRECTORY to score.")
@click.option(
    "--referents",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="JSON Lines of the referents of pronoun/description sources (e.g. dev_resolved.jsonl).",
)
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N articles.")
@batch_size_option
@n_process_option
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option(
    "--details",
    type=click.File("w", encoding="utf-8", lazy=False),
    help="Write every error (false positive, miss, wrong speaker or name) here as JSON Lines.",
)
def polnear(
    directory: Path,
    split: str,
    referents: Path | None,
    limit: int | None,
    batch_size: int,
    n_process: int,
    as_json: bool,
    details: TextIO | None,
) -> None:
    """Precision, recall, F1 and speaker accuracy against PolNeAR-style brat annotations in
    DIRECTORY/SPLIT/text/*.txt and DIRECTORY/SPLIT/attributions/*.ann."""
    scores = evaluate_polnear(
        directory,
        split,
        referents,
        limit,
        batch_size,
        n_process,
        progress=True,
        details=details is not None,
    )
    if details is not None:
        for record in scores.details or []:
            details.write(json.dumps(record, ensure_ascii=False) + "\n")
    if as_json:
        click.echo(json.dumps(scores.to_dict(), indent=2))
    else:
        click.echo(f"{directory / split}")
        click.echo(scores.format(referents=referents is not None))


@eval_group.command()
@click.argument("directory", type=EXISTING_DIR)
@click.option("--split", default="train", show_default=True, help="Sub-folder of DIRECTORY.")
@click.option(
    "--check",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=DEFAULT_CHECK,
    show_default=True,
    help="The hand-read roles (JSON Lines: id, speaker, role, also).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def roles(directory: Path, split: str, check: Path, as_json: bool) -> None:
    """Role accuracy against roles read by hand in DIRECTORY/SPLIT (PolNeAR train by default):
    for each quoted named speaker listed, the role the extractor gives."""
    scores = evaluate_roles(directory, split, check, progress=not as_json)
    click.echo(json.dumps(scores.to_dict(), indent=2) if as_json else scores.format())


COMMANDS = [eval_group]
