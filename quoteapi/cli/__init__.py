"""The `quoteapi` command. Each sub-module holds the commands of one concern and mirrors the
library functions it calls; errors from the library (QuoteapiError) become clean messages."""

import sys

import click

from ..errors import QuoteapiError
from . import evaluate, extract, index, serve, web, workers


class Group(click.Group):
    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except QuoteapiError as error:
            click.echo(f"quoteapi: {error.message}", err=True)
            sys.exit(1)


@click.group(cls=Group)
@click.version_option(package_name="quoteapi")
def main() -> None:
    """Who said what, in what role, where and when: quote attribution for news."""


for module in (extract, evaluate, index, serve, web, workers):
    for command in module.COMMANDS:
        main.add_command(command)
