"""Command-line habits shared by the listing commands: output formats and choice values.

`--format table|csv|tsv|json|jsonl` (short forms `--table`, `--csv`, `--tsv`,
`--nl` and `--json`, both JSON Lines as `--json` always was) is one decorator,
as in sqlite-utils. Values of a scale (`--status`, `--verdict`, `--kind`, …)
are a click parameter type: a wrong one is a usage error listing the allowed
values, and shell completion offers them.
"""

from __future__ import annotations

import csv
import functools
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from enum import StrEnum
from typing import Any

import click
from click.shell_completion import CompletionItem

from claimtrack.scale import parse_choice
from claimtrack.terminal import json_line, shown

FORMATS = ("table", "csv", "tsv", "json", "jsonl")
# Flags that stand for a format: --json and --nl print JSON Lines, as --json always did.
SHORT_FORMS = {"table": "table", "csv": "csv", "tsv": "tsv", "nl": "jsonl", "json": "jsonl"}


class ScaleChoice(click.ParamType):
    """A member of one of scale.py's enums, read as `parse_choice` reads it (`Mostly True`)."""

    def __init__(self, enum: type[StrEnum]) -> None:
        self.enum = enum
        self.name = enum.__name__.lower()

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "[" + "|".join(m.value for m in self.enum) + "]"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        if isinstance(value, self.enum):
            return value.value
        try:
            return parse_choice(self.enum, str(value)).value
        except ValueError:
            allowed = ", ".join(m.value for m in self.enum)
            self.fail(f"{value!r} is not a {self.name}; choose from {allowed}", param, ctx)

    def shell_complete(
        self, ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[CompletionItem]:
        return [CompletionItem(m.value) for m in self.enum if m.value.startswith(incomplete)]


def output_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """`--format` and its short forms; the command receives `fmt`, one of FORMATS."""
    options = [
        click.option(
            "--format",
            "fmt",
            type=click.Choice(FORMATS),
            help="Output format (default table).",
        ),
        *(
            click.option(
                f"--{flag}",
                f"short_{flag}",
                is_flag=True,
                help=f"Short for --format {fmt}" + (" (JSON Lines)." if fmt == "jsonl" else "."),
            )
            for flag, fmt in SHORT_FORMS.items()
        ),
    ]
    for option in reversed(options):
        command = option(command)

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        chosen = {SHORT_FORMS[flag] for flag in SHORT_FORMS if kwargs.pop(f"short_{flag}")}
        if kwargs["fmt"] is not None:
            chosen.add(kwargs["fmt"])
        if len(chosen) > 1:
            raise click.UsageError(f"choose one output format, not {' and '.join(sorted(chosen))}")
        kwargs["fmt"] = chosen.pop() if chosen else "table"
        return command(*args, **kwargs)

    return wrapper


def write_records(
    fmt: str,
    columns: Sequence[str],
    records: Iterable[dict[str, Any]],
    *,
    table: Callable[[list[dict[str, Any]]], None],
    default: Callable[[Any], Any],
) -> None:
    """Print records as `fmt`; `table` prints the human table, `columns` the CSV/TSV header."""
    if fmt == "table":
        table(list(records))
        return
    if fmt == "jsonl":
        for record in records:
            click.echo(json_line(json.dumps(record, default=default, ensure_ascii=False)))
        return
    if fmt == "json":
        dumped = json.dumps(list(records), default=default, ensure_ascii=False, indent=2)
        click.echo(json_line(dumped))
        return
    out = sys.stdout
    # Piped, the data is exact; on a terminal, controls in it are shown, not obeyed.
    safe = shown if out.isatty() else str
    writer = csv.writer(out, delimiter="\t" if fmt == "tsv" else ",", lineterminator="\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow([safe(_cell(record.get(name), default)) for name in columns])
    out.flush()


def _cell(value: Any, default: Callable[[Any], Any]) -> str:
    """One CSV field: lists joined with `;`, dates in ISO form, None empty."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ";".join(_cell(v, default) for v in value)
    if isinstance(value, bool | int | float | str):
        return str(value)
    return str(default(value))


def limit_notice(shown: int, total: int, what: str) -> None:
    """On stderr, so a script reading stdout is not disturbed: the output was cut."""
    if total > shown:
        click.echo(f"{shown:,} of {total:,} {what} shown; --limit to see more", err=True)
