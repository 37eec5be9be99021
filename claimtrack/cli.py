"""The `claimtrack` command: one function per command, no logic of its own.

Errors a user must act on print one line on stderr and exit 1; usage errors
exit 2 (click's own); `--debug` shows the traceback instead.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import importlib
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import click

from claimtrack import limits
from claimtrack.cli_output import ScaleChoice, limit_notice, output_options, write_records
from claimtrack.config import USER_ENV, database_url, missing_sqlite_file
from claimtrack.errors import ClaimtrackError, InvalidInput
from claimtrack.scale import Kind, Outcome, Reliability, Stance, Status, Verdict
from claimtrack.team_commands import team
from claimtrack.terminal import json_line, shown
from claimtrack.wording import count

# Start-up (issue 17): `claimtrack --help` loads no SQLAlchemy, and a command
# loads only what it uses (`claims list` the read side, not the service and its
# extractor). So the modules below SQLAlchemy are imported inside the commands;
# `service` and `queries`, used everywhere, load on their first attribute.
if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from claimtrack import queries, reads, service
    from claimtrack.db import Database


class _LazyModule:
    """Stands for a module and imports it on the first attribute read."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attribute: str) -> Any:
        if self._module is None:
            self._module = importlib.import_module(self._name)
        return getattr(self._module, attribute)


if not TYPE_CHECKING:
    queries = _LazyModule("claimtrack.queries")
    reads = _LazyModule("claimtrack.reads")
    service = _LazyModule("claimtrack.service")

# `claimtrack undo` lists at most this many of the changes it made (a bulk undo makes thousands).
UNDO_LINES_SHOWN = 10


@dataclass
class Context:
    """What every command needs: where the database is, who is acting."""

    db_arg: str | None
    user_arg: str | None
    debug: bool
    limit_overrides: dict[str, float | int] = field(default_factory=dict)
    _database: Database | None = field(default=None, repr=False)
    _actor: str | None = field(default=None, repr=False)

    @property
    def actor(self) -> str:
        """--user on SQLite; the database login on PostgreSQL (team.resolve_actor)."""
        if self._actor is None:
            from claimtrack.team import resolve_actor

            # Core, not an ORM session: the workbench's first rows need no sqlalchemy.orm.
            with self.database.engine.connect() as connection:
                self._actor = resolve_actor(connection, self.user_arg or os.environ.get(USER_ENV))
        return self._actor

    @property
    def database(self) -> Database:
        if self._database is None:
            url = database_url(self.db_arg, create_dirs=False)
            missing = missing_sqlite_file(url)
            if missing is not None:
                if not _creates_databases():
                    raise ClaimtrackError(
                        f"no database at {missing}; "
                        "`claimtrack db upgrade`, `import` or `demo` creates one"
                    )
                missing.parent.mkdir(parents=True, exist_ok=True)
            from claimtrack.db import open_database

            self._database = open_database(url)
            with self._database.engine.connect() as connection:  # the team's limits, under --limit
                team = limits.from_settings(reads.limit_settings(connection))
            limits.configure(limits.overridden(team, self.limit_overrides))
        return self._database

    def close(self) -> None:
        """Close the database's connections: SQLite folds its WAL into the file on the last."""
        if self._database is not None:
            self._database.dispose()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        with self.database.transaction() as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.database.read() as session:
            yield session


# The commands that may create a database that does not exist yet; any other
# command on a missing file says so (a mistyped --db must not leave an empty one).
CREATING_COMMANDS = {("db", "upgrade"), ("import",), ("demo",)}


def _creates_databases() -> bool:
    ctx = click.get_current_context(silent=True)
    names: list[str] = []
    while ctx is not None and ctx.parent is not None:
        names.insert(0, ctx.info_name or "")
        ctx = ctx.parent
    return tuple(names) in CREATING_COMMANDS


class ClaimtrackGroup(click.Group):
    """Turns errors the user must act on into one line and exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return self._invoke_retrying(ctx)
        except BrokenPipeError:
            # The reader (e.g. `| head`) stopped listening: not an error.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise SystemExit(0) from None
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise  # before _user_errors(): `claims --help` ends here, loading no SQLAlchemy
        except _user_errors() as error:
            if _debugging(ctx):
                raise
            message = str(error).splitlines()[0] if str(error) else type(error).__name__
            # Errors quote input (a claim, a file's line): never raw on the terminal.
            raise click.ClickException(shown(message, newline=" ")) from None
        except Exception as error:  # a bug: one line, the traceback in the log
            if _debugging(ctx):
                raise
            from claimtrack import crashlog

            logged = crashlog.record(error, sys.argv[1:])
            line = crashlog.unexpected_line(error, logged)
            raise click.ClickException(shown(line, newline=" ")) from None

    def _invoke_retrying(self, ctx: click.Context) -> Any:
        """Run the command; one that lost to concurrent writers runs again (retry.py)."""
        from claimtrack.retry import retrying

        protected, args = list(ctx._protected_args), list(ctx.args)

        def attempt() -> Any:
            ctx._protected_args, ctx.args = list(protected), list(args)
            return click.Group.invoke(self, ctx)

        def forget_database() -> None:
            if isinstance(ctx.obj, Context) and ctx.obj._database is not None:
                ctx.obj._database.dispose()

        return retrying(attempt, before_retry=forget_database)


def _user_errors() -> tuple[type[Exception], ...]:
    """The errors a user must act on, shown as one line and exit code 1."""
    from sqlalchemy.exc import SQLAlchemyError

    return (ClaimtrackError, SQLAlchemyError, OSError)


def _debugging(ctx: click.Context) -> bool:
    root = ctx.find_root()
    return bool(isinstance(root.obj, Context) and root.obj.debug)


pass_context = click.make_pass_decorator(Context)


def if_version_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """`--if-version N`: refuse (exit 1, nothing written) if the claim changed since version N."""
    return click.option(
        "--if-version",
        "if_version",
        type=int,
        help="Refuse (exit 1) if the claim changed since this version.",
    )(command)


def json_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """`--json`: machine-readable output with the field names the README documents."""
    return click.option("--json", "as_json", is_flag=True, help="Print JSON.")(command)


def claim_filter_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The claim filters shared by `claims list` and reports."""
    options = [
        click.option("--status", type=ScaleChoice(Status)),
        click.option("--verdict", type=ScaleChoice(Verdict)),
        click.option("--kind", type=ScaleChoice(Kind)),
        click.option("--assignee"),
        click.option("--tag"),
        click.option("--document", type=int, help="Document id."),
        click.option("--search", help="Full-text search over text, speaker and notes."),
        click.option("--overdue", is_flag=True, help="Only claims with an overdue follow-up."),
    ]
    for option in reversed(options):
        command = option(command)

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        overdue = kwargs.pop("overdue")
        kwargs["where"] = reads.ClaimFilter(
            **{
                name: kwargs.pop(name)
                for name in ("status", "verdict", "kind", "assignee", "tag", "document", "search")
            },
            overdue_on=dt.date.today() if overdue else None,
        )
        return command(*args, **kwargs)

    return wrapper


def _print_json(value: Any) -> None:
    click.echo(json_line(json.dumps(value, default=_json_default, ensure_ascii=False)))


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def _figure(low: float | None, high: float | None) -> str:
    """600–800, 600, more than 600 (open high), up to 800 (open low)."""
    if low is None:
        return f"up to {high:,g}" if high is not None else "?"
    if high is None:
        return f"at least {low:,g}"
    return f"{low:,g}" if low == high else f"{low:,g}–{high:,g}"


def _due(text: str) -> dt.date:
    from claimtrack.schedule import parse_due

    try:
        return parse_due(text, dt.date.today())
    except ValueError as error:
        raise InvalidInput(str(error)) from None


@click.group(cls=ClaimtrackGroup, invoke_without_command=True)
@click.option("--db", "db_arg", metavar="PATH|URL", help="Database file or SQLAlchemy URL.")
@click.option("--user", "user_arg", help="Reviewer name for the audit trail.")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
@click.option(
    "--limit",
    "limit_args",
    multiple=True,
    metavar="NAME=VALUE",
    help="Change an input limit for this run (README: Limits and safety).",
)
@click.version_option(package_name="claimtrack")
@click.pass_context
def cli(
    ctx: click.Context,
    db_arg: str | None,
    user_arg: str | None,
    debug: bool,
    limit_args: tuple[str, ...] = (),
) -> None:
    """Extract, track and verify claims made in news articles."""
    overrides = dict(limits.parse_assignment(arg) for arg in limit_args)
    # Every run starts from the defaults; the team's settings join once the database opens.
    limits.configure(limits.overridden(limits.DEFAULTS, overrides))
    ctx.obj = Context(db_arg, user_arg, debug, overrides)
    ctx.call_on_close(ctx.obj.close)
    if ctx.invoked_subcommand is None:
        _open_workbench(ctx.obj)


def _open_workbench(context: Context) -> None:
    from claimtrack.tui.launch import pause_collector

    pause_collector()  # until the queue's first rows are drawn (tui/launch.py)
    from claimtrack.tui.first_page import prefetch

    # The queue's first page is read in a thread while Textual loads (it needs no Textual).
    first_page = prefetch(context.database)
    try:
        from claimtrack.tui.app import run  # type: ignore[attr-defined]
    except ImportError:
        click.echo("The TUI is not built yet; showing the queue instead.\n")
        _print_queue(context)
        return
    run(context.database, context.actor, first_page=first_page)


cli.add_command(team)

# ---------------------------------------------------------------- db


@cli.group()
def db() -> None:
    """Create, upgrade and back up the database."""


@db.command("upgrade")
@pass_context
def db_upgrade(context: Context) -> None:
    """Bring the schema up to date (also happens on open)."""
    from claimtrack.db import Database

    database = Database(database_url(context.db_arg))
    database.upgrade()
    click.echo(f"{database.url}: schema at {database.current_revision()}")


@db.command("current")
@pass_context
def db_current(context: Context) -> None:
    """Show the schema revision of the database."""
    from claimtrack.db import Database

    url = database_url(context.db_arg, create_dirs=False)
    if (missing := missing_sqlite_file(url)) is not None:
        raise ClaimtrackError(f"no database at {missing}")
    database = Database(url)
    click.echo(database.current_revision() or "empty (no schema yet)")


@db.command("doctor")
@pass_context
def db_doctor(context: Context) -> None:
    """Report the server, the schema revision, the login's roles and the extensions."""
    from claimtrack.db import Database
    from claimtrack.doctor import diagnose

    database = Database(database_url(context.db_arg))
    try:
        for label, value in diagnose(database):
            click.echo(f"{label + ':':<12}{value}")
    finally:
        database.dispose()


@db.command("backup")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@pass_context
def db_backup(context: Context, path: Path) -> None:
    """Copy a live SQLite database to PATH (online backup); PostgreSQL runs pg_dump."""
    if context.database.is_sqlite:
        context.database.backup(path)
    else:
        from claimtrack.pgbackup import pg_dump_backup

        pg_dump_backup(context.database, path)
    click.echo(f"backed up to {path}")


@db.command("copy")
@click.argument("source")
@click.argument("destination")
def db_copy(source: str, destination: str) -> None:
    """Copy every row, ids and history included, into an empty database; then verify.

    SOURCE and DESTINATION are SQLite paths or database URLs, either way round.
    """
    from claimtrack.config import as_url
    from claimtrack.dbcopy import copy_database

    report = copy_database(as_url(source), as_url(destination))
    click.echo(f"{'table':<20}{'source':>12}{'copy':>12}")
    for row in report.counts:
        click.echo(f"{row.table:<20}{row.source:>12,}{row.destination:>12,}")
    for mismatch in report.mismatches:
        click.echo(mismatch, err=True)
    if not report.ok:
        raise click.ClickException("the copy differs from the source (see above)")
    click.echo(
        "copied: row counts, rows and the export "
        f"({count(report.exported, 'claim')}) match the source"
    )


# ---------------------------------------------------------------- claims


@cli.group()
def claims() -> None:
    """Add, list, show, change and merge claims."""


@claims.command("add")
@click.argument("text")
@click.option(
    "--kind", type=ScaleChoice(Kind), help="Default: what the extractor reads in the text."
)
@click.option("--speaker", help="Default: the attribution the extractor finds.")
@click.option("--published", type=click.DateTime(["%Y-%m-%d"]), help="Resolve relative dates.")
@json_option
@pass_context
def claims_add(
    context: Context,
    text: str,
    kind: str | None,
    speaker: str | None,
    published: dt.datetime | None,
    as_json: bool,
) -> None:
    """Add a claim by hand; its quantities, dates and speaker are extracted from the text."""
    from claimtrack.serialise import claim_record

    with context.transaction() as session:
        claim = service.add_claim_from_text(
            session,
            context.actor,
            text,
            kind=kind,
            speaker=speaker,
            published=published.date() if published else None,
        )
        record = claim_record(claim)
    _print_json(record) if as_json else click.echo(f"claim {record['id']} added")


# The columns of `claims list --csv/--tsv`: claim_record's fields, tags joined by ";".
CLAIM_COLUMNS = (
    "id",
    "text",
    "kind",
    "score",
    "speaker",
    "status",
    "verdict",
    "verdict_summary",
    "outcome",
    "assignee",
    "tags",
    "sources",
    "next_due",
    "deadline",
    "version",
    "created_at",
    "updated_at",
)


@claims.command("list")
@claim_filter_options
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True)
@output_options
@pass_context
def claims_list(context: Context, where: reads.ClaimFilter, limit: int, fmt: str) -> None:
    """List claims, best score first; a notice on stderr when --limit cut the list."""
    from claimtrack.serialise import listed_record

    # Core, not the ORM: the ORM's import alone costs more than the whole listing (issue 17).
    with context.database.engine.connect() as connection:
        found = reads.listed_claims(connection, where, limit=limit)
        records = [listed_record(c) for c in found]
        total = reads.count_claims(connection, where) if len(found) == limit else len(found)
    write_records(fmt, CLAIM_COLUMNS, records, table=_print_table, default=_json_default)
    limit_notice(len(records), total, "claims")


def _print_table(records: list[dict[str, Any]], headers: dict[str, str] | None = None) -> None:
    """Claims as a table: id, score, status, verdict, kind, speaker, claim, sources, next due."""
    names = ("id", "score", "status", "verdict", "kind", "speaker", "claim", "src", "due")
    _print_rows(
        [(headers or {}).get(name, name) for name in names],
        (
            (
                str(r["id"]),
                f"{r['score']:.2f}",
                r["status"],
                r["verdict"] or "",
                r["kind"],
                r["speaker"] or "",
                r["text"],
                str(r["sources"]),
                str(r["next_due"] or ""),
            )
            for r in records
        ),
        wide="claim",
        narrow="speaker",
    )


def _print_rows(
    columns: list[str], rows: Iterable[tuple[str, ...]], *, wide: str, narrow: str
) -> None:
    """A borderless table at least 120 columns wide.

    `wide` folds into the spare width, `narrow` is capped at 22 characters, and
    the other columns never wrap.
    """
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, pad_edge=False, expand=True)
    for name in columns:
        if name == wide:
            table.add_column(name, ratio=1, overflow="fold")
        else:
            table.add_column(name, no_wrap=True, max_width=22 if name == narrow else None)
    for row in rows:
        # Cells hold claims and titles from web pages: Rich markup and controls shown as text.
        table.add_row(*(shown(cell, newline=" ", markup=True) for cell in row))
    # No emoji either: `:smile:` in a claim is text, not a picture.
    Console(width=max(120, Console().width), emoji=False).print(table)


def _print_queue(context: Context) -> None:
    from claimtrack.serialise import listed_record

    with context.database.engine.connect() as connection:
        records = [listed_record(c) for c in reads.listed_claims(connection, reads.ClaimFilter())]
    _print_table(records)


@claims.command("show")
@click.argument("claim_id", type=int)
@json_option
@pass_context
def claims_show(context: Context, claim_id: int, as_json: bool) -> None:
    """Show one claim with its parts, evidence, follow-ups and history."""
    from claimtrack.history import describe_change
    from claimtrack.serialise import claim_record

    with context.read() as session:
        claim = queries.get_claim(session, claim_id)
        record = claim_record(claim, full=True)
        history = [describe_change(e) for e in queries.claim_history(session, claim_id)]
    from claimtrack.cli_factchecks import checked_lines

    checked = checked_lines(context, claim_id)
    if as_json:
        _print_json(record | {"already_checked": [m.to_json() for m in checked]})
        return
    click.echo(
        f"claim {record['id']} (version {record['version']}) · {record['kind']} · "
        f"score {record['score']:.2f}"
    )
    click.echo(f"  {shown(record['text'])}")
    click.echo(
        shown(
            f"  speaker: {record['speaker'] or '—'}   status: {record['status']}   "
            f"verdict: {record['verdict'] or '—'}   outcome: {record['outcome'] or '—'}",
            newline=" ",
        )
    )
    for q in record["quantities"]:
        click.echo(
            shown(
                f"  quantity: {_figure(q['low'], q['high'])} {q['unit'] or ''}"
                + (f" per {q['per']}" if q["per"] else "")
            )
        )
    for d in record["dates"]:
        click.echo(shown(f"  date: {d['date'] or d['text']} ({d['role']}, {d['precision']})"))
    for s in record["sources"]:
        click.echo(shown(f"  source #{s['id']}: {s['url']} [{s['stance']}, {s['reliability']}]"))
    for f in record["followups"]:
        click.echo(
            f"  follow-up #{f['id']}: due {f['due']} {'done' if f['done'] else 'open'}"
            f" — {shown(f['text'], newline=' ')}"
        )
    for match in checked:
        click.echo(f"  already checked: {shown(match.describe(), newline=' ')}")
    for line in history:
        click.echo(f"  · {shown(line, newline=' ')}")


@claims.command("checked")
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True)
@json_option
@pass_context
def claims_checked(context: Context, limit: int, as_json: bool) -> None:
    """Claims found already checked: by another fact-checker, or by this desk."""
    from claimtrack.cli_factchecks import print_checked

    print_checked(context, limit, as_json)


@claims.command("set")
@click.argument("claim_id", type=int)
@click.option("--status", type=ScaleChoice(Status))
@click.option("--verdict", type=ScaleChoice(Verdict))
@click.option("--summary", help="Verdict summary (a new verdict without one clears the old).")
@click.option("--force", is_flag=True, help="Allow a verdict with no source attached.")
@click.option("--outcome", type=ScaleChoice(Outcome), help="For commitments and predictions.")
@click.option("--assign", "assignee", help="Reviewer to assign ('' to unassign).")
@click.option("--tag", "tags", multiple=True)
@click.option("--untag", "untags", multiple=True)
@click.option("--text")
@click.option("--kind", type=ScaleChoice(Kind))
@click.option("--speaker")
@click.option(
    "--claim-reviewed", help="The short statement its ClaimReview names ('' for the default)."
)
@if_version_option
@json_option
@pass_context
def claims_set(context: Context, claim_id: int, **changes: Any) -> None:
    """Change a claim's status, verdict, outcome, assignee, tags or wording."""
    from claimtrack.serialise import claim_record

    as_json = changes.pop("as_json")
    claim_reviewed = changes.pop("claim_reviewed")
    with context.transaction() as session:
        stale = _stale_summary(service.get_claim(session, claim_id), changes)
        if stale is not None:
            changes["summary"] = ""  # it argued for another verdict
        claim = service.update_claim(
            session,
            context.actor,
            claim_id,
            expected_version=changes["if_version"],
            text=changes["text"],
            kind=changes["kind"],
            speaker=changes["speaker"],
            assignee=changes["assignee"],
            add_tags=changes["tags"],
            remove_tags=changes["untags"],
            verdict=service.UNSET if changes["verdict"] is None else changes["verdict"],
            summary=changes["summary"],
            force=changes["force"],
            outcome=changes["outcome"],
            status=changes["status"],
        )
        if claim_reviewed is not None:
            from claimtrack.service.factchecks import set_claim_reviewed

            claim = set_claim_reviewed(session, context.actor, claim_id, claim_reviewed)
        record = claim_record(claim)
    if stale is not None:
        click.echo(
            f"claim {claim_id}: the summary written for verdict {stale} was cleared "
            "(--summary gives the new verdict one)",
            err=True,
        )
    _print_json(record) if as_json else click.echo(
        f"claim {claim_id}: status {record['status']}, verdict {record['verdict'] or '—'}, "
        f"version {record['version']}"
    )


def _stale_summary(claim: Any, changes: dict[str, Any]) -> str | None:
    """The verdict a summary was written for, when a new verdict comes without its own."""
    verdict, summary = changes["verdict"], changes["summary"]
    if verdict is None or summary is not None or not claim.verdict_summary:
        return None
    return claim.verdict if claim.verdict != verdict else None


@claims.command("merge")
@click.argument("survivor_id", type=int)
@click.argument("merged_id", type=int)
@if_version_option
@pass_context
def claims_merge(
    context: Context, survivor_id: int, merged_id: int, if_version: int | None
) -> None:
    """Fold MERGED_ID into SURVIVOR_ID (appearances, sources, follow-ups move)."""
    with context.transaction() as session:
        service.merge_claims(
            session, context.actor, survivor_id, merged_id, expected_version=if_version
        )
    click.echo(f"claim {merged_id} merged into claim {survivor_id}")


@claims.command("similar")
@click.argument("claim_id", type=int)
@json_option
@pass_context
def claims_similar(context: Context, claim_id: int, as_json: bool) -> None:
    """Suggested near-duplicates of a claim (confirm or reject with `claims match`)."""
    with context.read() as session:
        queries.get_claim(session, claim_id)
        pairs = [
            {
                "match": m.id,
                "claim": other.id,
                "similarity": round(m.similarity, 1),
                "state": m.state,
                "text": other.text,
            }
            for m, other in queries.similar_claims(session, claim_id)
        ]
    for pair in pairs:
        _print_json(pair) if as_json else click.echo(
            f"match {pair['match']}: claim {pair['claim']} {pair['similarity']}% "
            f"[{pair['state']}] {shown(str(pair['text']), newline=' ')}"
        )
    if not pairs and not as_json:
        click.echo(f"no suggested matches for claim {claim_id}")


def keep_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """`--keep-text` and `--keep-speaker`: whose wording a merge keeps (default: the better)."""
    for name in ("speaker", "text"):
        command = click.option(
            f"--keep-{name}",
            f"keep_{name}",
            type=click.Choice(["auto", "survivor", "merged"]),
            default="auto",
            show_default=True,
            help=f"Whose {name} the surviving claim keeps; auto: the better one.",
        )(command)
    return command


@claims.command("match")
@click.argument("match_id", type=int)
@click.argument("decision", type=click.Choice(["confirm", "reject"]))
@keep_options
@if_version_option
@pass_context
def claims_match(
    context: Context,
    match_id: int,
    decision: str,
    if_version: int | None,
    keep_text: str,
    keep_speaker: str,
) -> None:
    """Confirm (merge) or reject a suggested match."""
    with context.transaction() as session:
        match = service.decide_match(
            session,
            context.actor,
            match_id,
            confirm=decision == "confirm",
            expected_version=if_version,
            keep_text=keep_text,
            keep_speaker=keep_speaker,
        )
    click.echo(f"match {match_id} {match.state}")


# ---------------------------------------------------------------- sources


@cli.group()
def sources() -> None:
    """Evidence attached to claims."""


@sources.command("add")
@click.argument("claim_id", type=int)
@click.argument("url")
@click.option("--title")
@click.option("--publisher")
@click.option("--stance", type=ScaleChoice(Stance), default="context", show_default=True)
@click.option("--reliability", type=ScaleChoice(Reliability), default="unknown", show_default=True)
@click.option("--excerpt")
@pass_context
def sources_add(context: Context, claim_id: int, url: str, **details: Any) -> None:
    """Attach a source to a claim."""
    with context.transaction() as session:
        source = service.add_source(session, context.actor, claim_id, url, **details)
        click.echo(f"source {source.id} added to claim {claim_id}")


@sources.command("list")
@click.argument("claim_id", type=int)
@json_option
@pass_context
def sources_list(context: Context, claim_id: int, as_json: bool) -> None:
    """List a claim's sources."""
    from claimtrack.serialise import claim_record

    with context.read() as session:
        records = claim_record(queries.get_claim(session, claim_id), full=True)["sources"]
    for record in records:
        _print_json(record) if as_json else click.echo(
            f"#{record['id']} {record['stance']:<9} {record['reliability']:<15} "
            f"{shown(record['url'], newline=' ')}"
        )


@sources.command("remove")
@click.argument("source_id", type=int)
@pass_context
def sources_remove(context: Context, source_id: int) -> None:
    """Detach a source (its details stay in the history)."""
    with context.transaction() as session:
        claim = service.remove_source(session, context.actor, source_id)
        click.echo(f"source {source_id} removed from claim {claim.id}")


# ---------------------------------------------------------------- follow-ups


@cli.group()
def followups() -> None:
    """Things to check again later."""


@followups.command("add")
@click.argument("claim_id", type=int)
@click.argument("text")
@click.option("--due", required=True, help="2025-12-31, Dec 31, tomorrow, in 2 weeks, end of year…")
@click.option("--repeat", help="daily, weekly, monthly, yearly or an RRULE.")
@click.option("--assignee")
@pass_context
def followups_add(
    context: Context, claim_id: int, text: str, due: str, repeat: str | None, assignee: str | None
) -> None:
    """Schedule a follow-up on a claim."""
    with context.transaction() as session:
        followup = service.add_followup(
            session, context.actor, claim_id, text, _due(due), recurrence=repeat, assignee=assignee
        )
        click.echo(f"follow-up {followup.id} due {followup.due.isoformat()}")


FOLLOWUP_COLUMNS = ("id", "claim_id", "text", "due", "rrule", "assignee", "done")


def _print_followups(records: list[dict[str, Any]], fmt: str, limit: int | None = None) -> None:
    shown_records = records[:limit] if limit is not None else records
    write_records(
        fmt, FOLLOWUP_COLUMNS, shown_records, table=_followup_lines, default=_json_default
    )
    limit_notice(len(shown_records), len(records), "follow-ups")


def _followup_lines(records: list[dict[str, Any]]) -> None:
    today = dt.date.today()
    for record in records:
        late = " OVERDUE" if not record["done"] and record["due"] < today.isoformat() else ""
        click.echo(
            f"#{record['id']} claim {record['claim_id']} due {record['due']}{late}"
            f" — {shown(record['text'], newline=' ')}"
        )


@followups.command("list")
@click.argument("claim_id", type=int)
@output_options
@pass_context
def followups_list(context: Context, claim_id: int, fmt: str) -> None:
    """List a claim's follow-ups."""
    from claimtrack.serialise import followup_record

    with context.read() as session:
        claim = queries.get_claim(session, claim_id)
        records = [followup_record(f) for f in claim.followups]
    _print_followups(records, fmt)


@followups.command("due")
@click.option("--by", "by_text", default="today", show_default=True, help="A due date phrase.")
@click.option("--limit", type=click.IntRange(1), help="Show at most this many.")
@output_options
@pass_context
def followups_due(context: Context, by_text: str, limit: int | None, fmt: str) -> None:
    """Open follow-ups due (or overdue) by a day."""
    from claimtrack.serialise import followup_record

    with context.read() as session:
        records = [followup_record(f) for f in queries.due_followups(session, _due(by_text))]
    _print_followups(records, fmt, limit)


@followups.command("done")
@click.argument("followup_id", type=int)
@if_version_option
@pass_context
def followups_done(context: Context, followup_id: int, if_version: int | None) -> None:
    """Complete a follow-up; a recurring one schedules its next occurrence."""
    with context.transaction() as session:
        following = service.complete_followup(
            session, context.actor, followup_id, expected_version=if_version
        )
        nxt = f"; next due {following.due.isoformat()}" if following else ""
    click.echo(f"follow-up {followup_id} done{nxt}")


# ---------------------------------------------------------------- notes, history


@cli.group()
def notes() -> None:
    """Reviewers' notes on claims."""


@notes.command("add")
@click.argument("claim_id", type=int)
@click.argument("text")
@pass_context
def notes_add(context: Context, claim_id: int, text: str) -> None:
    """Add a note to a claim."""
    with context.transaction() as session:
        note = service.add_note(session, context.actor, claim_id, text)
        click.echo(f"note {note.id} added to claim {claim_id}")


@cli.command("history")
@click.argument("claim_id", type=int)
@json_option
@pass_context
def history(context: Context, claim_id: int, as_json: bool) -> None:
    """The audit trail of a claim: who changed what, when."""
    from claimtrack.serialise import event_record

    with context.read() as session:
        queries.get_claim(session, claim_id)
        events = [event_record(e) for e in queries.claim_history(session, claim_id)]
    for event in events:
        if as_json:
            _print_json(event)
        else:
            undoes = f"undo of #{event['undoes_id']}: " if event["undoes_id"] else ""
            # The actor and the summary (a claim's words, a URL) come from input.
            click.echo(
                shown(
                    f"{event['at'][:19].replace('T', ' ')}  v{event['version']:<3} "
                    f"{event['actor']:<12} #{event['id']:<5} {undoes}{event['summary']}",
                    newline=" ",
                )
            )


@cli.command("undo")
@click.argument("event_id", type=int)
@if_version_option
@pass_context
def undo(context: Context, event_id: int, if_version: int | None) -> None:
    """Take back the change of EVENT_ID (an id from `history`); a bulk change as a whole."""
    from claimtrack.history import describe_change

    with context.transaction() as session:
        written = service.undo(session, context.actor, event_id, expected_version=if_version)
        lines = [f"#{e.id} claim {e.claim_id}: {describe_change(e)}" for e in written]
    if len(lines) > UNDO_LINES_SHOWN:
        hidden = len(lines) - UNDO_LINES_SHOWN
        lines = [*lines[:UNDO_LINES_SHOWN], f"… and {hidden:,} more"]
    click.echo(f"undid event {event_id}: {count(len(written), 'change')}")
    for line in lines:
        click.echo(f"  {shown(line, newline=' ')}")


# ---------------------------------------------------------------- settings


@cli.command("settings")
@click.argument("key", required=False)
@click.argument("value", required=False)
@pass_context
def settings(context: Context, key: str | None, value: str | None) -> None:
    """Show all team settings, show KEY, or set KEY to VALUE.

    Keys: require_second_reviewer (true|false), organisation, site_url.
    """
    if value is None:
        keys = list(service.SETTINGS) if key is None else [service.check_setting_key(key)]
        with context.read() as session:
            for name in keys:
                current = service.setting(session, name)
                click.echo(f"{name} = {'(unset)' if current is None else shown(current)}")
        return
    assert key is not None  # click fills KEY before VALUE
    with context.transaction() as session:
        service.set_setting(session, context.actor, key, value)
    click.echo(shown(f"{key} = {value}"))


# queries.DOCUMENTS_LIMIT, written out so `--help` need not load the queries
# (tests/test_startup_imports.py keeps the two equal).
DOCUMENTS_LIMIT = 1000


@cli.group("documents", invoke_without_command=True)
@click.option("--limit", type=click.IntRange(min=1), default=DOCUMENTS_LIMIT, show_default=True)
@output_options
@click.pass_context
def documents(ctx: click.Context, limit: int, fmt: str) -> None:
    """List the imported articles, newest first, with how many claims each holds.

    Subcommands set a document's date, delete it to the trash and restore it.
    """
    if ctx.invoked_subcommand is not None:
        return
    context: Context = ctx.obj
    with context.read() as session:
        rows, total = queries.list_documents(session, limit=limit)
    columns = ("id", "published", "outlet", "author", "claims", "title", "url")
    records = [asdict(row) for row in rows]
    write_records(fmt, columns, records, table=_print_documents, default=_json_default)
    limit_notice(len(rows), total, "documents")


def _print_documents(records: list[dict[str, Any]]) -> None:
    _print_rows(
        ["id", "published", "outlet", "claims", "title"],
        (
            (
                str(row["id"]),
                row["published"].isoformat() if row["published"] else "",
                row["outlet"] or "",
                str(row["claims"]),
                row["title"],
            )
            for row in records
        ),
        wide="title",
        narrow="outlet",
    )


@cli.command("extract")
@click.argument("source", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--published", type=click.DateTime(["%Y-%m-%d"]), help="The article's date.")
@click.option("--all", "include_all", is_flag=True, help="Every sentence, with its score.")
@json_option
def extract(source: str, published: dt.datetime | None, include_all: bool, as_json: bool) -> None:
    """Print the check-worthy claims of FILE (or - for stdin); no database involved."""
    from claimtrack.extract import extract_claims
    from claimtrack.importers.files import UnreadableArticle, limited_text

    try:
        with click.open_file(source, "rb") as stream:
            text = limited_text(stream)  # the article size limit holds here too
    except (OSError, UnreadableArticle) as refused:
        reason = refused.strerror if isinstance(refused, OSError) else refused
        raise ClaimtrackError(f"{source}: {reason}") from None
    found = extract_claims(text, published.date() if published else None, include_all=include_all)
    if as_json:
        for claim in found:
            _print_json(claim.to_json())
        return
    _print_table(
        [
            {
                "id": n,
                "score": c.score,
                "status": "",
                "verdict": None,
                "kind": c.kind,
                "speaker": c.speaker.name if c.speaker else None,
                "text": c.text,
                "sources": len(c.quantities),
                "next_due": c.deadline,
            }
            for n, c in enumerate(found, 1)
        ],
        headers={"status": "", "src": "qty", "due": "deadline"},
    )


RECORD_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}


@cli.command("import")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--published",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Publication date for every article (overrides metadata).",
)
@click.option(
    "--records",
    "stdin_records",
    type=click.Choice(["jsonl", "csv"]),
    help="Read claim records (not an article) from - (stdin).",
)
@click.option("--dry-run", is_flag=True, help="Report what would be created; write nothing.")
@click.option("--skip-invalid", is_flag=True, help="Records: import the valid ones.")
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    help="Articles: processes reading and extracting them [default: one per core].",
)
@click.option(
    "--claimreview",
    is_flag=True,
    help="Read fact-checks: ClaimReview JSON-LD files, web pages, data feeds, folders.",
)
@pass_context
def import_(
    context: Context,
    paths: tuple[str, ...],
    published: dt.datetime | None,
    stdin_records: str | None,
    dry_run: bool,
    skip_invalid: bool,
    claimreview: bool = False,
    jobs: int | None = None,
) -> None:
    """Import articles (.txt, .md, .html, folders, URLs) or claim records (.jsonl, .csv).

    --claimreview reads other fact-checkers' (or the desk's own) published
    ClaimReview instead, into the fact checks new claims are matched against.

    `-` reads stdin: an article, or records with --records jsonl|csv.
    """
    from claimtrack.cli_import import check_options, throwaway_if_missing

    if claimreview:
        from claimtrack.cli_factchecks import import_claimreview

        given = {
            "--published": published is not None,
            "--records": stdin_records is not None,
            "--skip-invalid": skip_invalid,
            "--jobs": jobs is not None,
        }
        for option in (name for name, is_given in given.items() if is_given):
            raise click.UsageError(f"{option} does not apply to --claimreview")
        with throwaway_if_missing(context.db_arg) if dry_run else nullcontext() as throwaway:
            if throwaway is not None:
                context._database = throwaway  # a dry run creates no database, even to read
            sys.exit(0 if import_claimreview(context, paths, dry_run=dry_run) else 1)

    records = [p for p in paths if Path(p).suffix.lower() in RECORD_SUFFIXES]
    if stdin_records and "-" in paths:
        records.append("-")
    articles = [p for p in paths if p not in records]
    check_options(
        records=records,
        articles=articles,
        stdin_records=stdin_records,
        published=published,
        skip_invalid=skip_invalid,
        paths=paths,
    )
    failed = False
    with throwaway_if_missing(context.db_arg) if dry_run else nullcontext() as throwaway:
        if throwaway is not None:
            context._database = throwaway  # a dry run creates no database, even to read
        for path in records:
            failed |= not _import_records(context, path, stdin_records, dry_run, skip_invalid)
        if articles:
            failed |= not _import_articles(context, articles, published, dry_run, jobs)
    if not dry_run:
        context.database.refresh_statistics()  # the queue's plans depend on them
    if failed:
        sys.exit(1)


def _import_records(
    context: Context, path: str, stdin_format: str | None, dry_run: bool, skip_invalid: bool
) -> bool:
    """One file of claim records; errors read `file:line: reason`. True if all were valid."""
    from rich.progress import Progress

    from claimtrack.importers.records import import_records

    if path == "-":
        source: Any = sys.stdin.buffer
        fmt = stdin_format or "jsonl"
    else:
        source, fmt = Path(path), RECORD_SUFFIXES[Path(path).suffix.lower()]
        if not source.is_file():
            raise InvalidInput(f"{path}: no such file")
    with Progress(transient=True, disable=not sys.stderr.isatty()) as bar:
        task = bar.add_task(f"importing {shown(path, markup=True)}", total=None)
        summary = import_records(
            context.database,
            context.actor,
            source,
            fmt,
            dry_run=dry_run,
            skip_invalid=skip_invalid,
            name=path,
            progress=lambda done, total: bar.update(task, completed=done, total=total),
        )
    refused = not (summary.written or summary.dry_run) and summary.errors
    if refused and len(summary.errors) == 1:  # one bad record: one line says it all
        click.echo(shown(f"{summary.errors[0]}; nothing written", newline=" "), err=True)
        return False
    for error in summary.errors:  # they quote the offending line
        click.echo(shown(error, newline=" "), err=True)
    if summary.written or summary.dry_run:
        click.echo(shown(f"{path}: {summary.line()}"))
    elif summary.errors:
        click.echo(shown(f"{path}: nothing written ({summary.invalid} invalid)"), err=True)
    return summary.ok


def _import_articles(
    context: Context,
    paths: list[str],
    published: dt.datetime | None,
    dry_run: bool = False,
    jobs: int | None = None,
) -> bool:
    """Articles, a transaction a batch (a dry run: one, rolled back); True if all could be read.

    `jobs` worker processes read and extract them (cli_import.reading); this one stores them.
    """
    from rich.progress import Progress

    from claimtrack import cli_import
    from claimtrack.importers.articles import add_up
    from claimtrack.importers.documents import ImportSummary
    from claimtrack.importers.files import discover, read_limited

    entries = list(discover(paths))
    context.database  # noqa: B018 (opened first, so the team's limit.* settings bound the reading)
    stdin_data = read_limited(sys.stdin.buffer) if "-" in entries else None
    summary, failures = ImportSummary(), 0
    day = published.date() if published else None
    undated = cli_import.Undated()
    workers = jobs or cli_import.default_jobs()
    with (
        cli_import.reading(entries, stdin_data, day, workers) as read,
        Progress(transient=True, disable=not sys.stderr.isatty()) as progress,
        _dry_run_session(context, dry_run) as dry,
    ):
        task = progress.add_task("importing", total=len(entries))
        # Batches of articles, a transaction each, safe beside other importers.
        for done in cli_import.store_all(context.database, context.actor, day, read, dry):
            if done.article is None:
                failures += 1
                click.echo(shown(f"{done.entry}: {done.unreadable}", newline=" "), err=True)
            else:
                add_up(summary, done.summary)
                if done.summary.documents and not (day or done.article.published):
                    stored = (
                        None if dry else cli_import.undated_document(context.database, done.article)
                    )
                    undated.entries.append((done.entry, stored))
            progress.advance(task)
    undated.warn(dry_run)
    line = summary.line() + (f", {failures} failed" if failures else "")
    click.echo(f"dry run: {line}; nothing written" if dry_run else line)
    return not failures


@contextmanager
def _dry_run_session(context: Context, dry_run: bool) -> Iterator[Session | None]:
    """None for a real import; for a dry run, a session on a database that is rolled back."""
    from claimtrack import cli_import

    if not dry_run:
        yield None
        return
    with cli_import.dry_run_session(context.database) as session:
        yield session  # type: ignore[misc]


@contextmanager
def _output(path: Path | None) -> Iterator[Any]:
    """stdout, or a file that appears only once it is complete (never half-written)."""
    if path is None:
        yield sys.stdout
        return
    partial = path.with_name(f".{path.name}.partial")
    try:
        with partial.open("w", encoding="utf-8", newline="") as out:
            yield out
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


@cli.command("report")
@claim_filter_options
@click.option("--since", help="Claims updated on or after this date (e.g. 2025-11-01).")
@click.option("--until", help="Claims updated up to and including this date.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "html", "json", "csv", "claimreview"]),
    default="md",
    show_default=True,
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File.")
@click.option("--bom", is_flag=True, help="CSV: start with a byte order mark (for Excel).")
@click.option("--title", help="The report's heading.")
@click.option(
    "--include-forced", is_flag=True, help="ClaimReview: also verdicts forced without a source."
)
@pass_context
def report(
    context: Context,
    where: reads.ClaimFilter,
    since: str | None,
    until: str | None,
    fmt: str,
    output: Path | None,
    bom: bool,
    title: str | None,
    include_forced: bool,
) -> None:
    """Write a verification report of the claims the filters admit (default stdout)."""
    from claimtrack.reports import write_report
    from claimtrack.team import Action, require

    with context.read() as session, _output(output) as out:
        if fmt == "claimreview":  # publishing is an editor's act on a team database
            require(session, Action.PUBLISH)
        written = write_report(
            session,
            where,
            fmt,
            out,
            since=since,
            until=until,
            organisation=service.setting(session, "organisation"),
            site_url=service.setting(session, "site_url"),
            include_forced=include_forced,
            bom=bom,
            title=title,
        )
    if output is not None:
        click.echo(f"{written} claims written to {output}", err=True)


@cli.command("publish")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--site-url", help="The site's URL (default: the site_url setting).")
@click.option(
    "--include-forced", is_flag=True, help="Also verdicts forced without a source (marked so)."
)
@pass_context
def publish(context: Context, directory: Path, site_url: str | None, include_forced: bool) -> None:
    """Publish concluded fact-checks as a static site with ClaimReview, feeds and filters."""
    from claimtrack.cli_factchecks import publish_site

    publish_site(context, directory, site_url, include_forced)


@cli.command("export")
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File.")
@pass_context
def export(context: Context, fmt: str, output: Path | None) -> None:
    """Every claim with its sources, follow-ups, appearances and tags, in the import schema."""
    from claimtrack.importers.export import export_jsonl

    with context.read() as session, _output(output) as out:
        written = export_jsonl(session, out)
    if output is not None:
        click.echo(f"{written} claims written to {output}", err=True)


@cli.command("demo")
@click.option(
    "--path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to build the demo database (default: a new temporary file).",
)
@click.pass_context
def demo(ctx: click.Context, path: Path | None) -> None:
    """Build a fresh demo database from seeds/ and open it."""
    import tempfile

    from claimtrack.demo import build_demo

    if path is None:
        path = Path(tempfile.mkdtemp(prefix="claimtrack-demo-")) / "demo.db"
    database = build_demo(path)
    click.echo(f"demo database: {path}", err=True)
    context: Context = ctx.obj
    context._database = database
    _open_workbench(context)


# Commands kept in modules of their own, registered on the groups above.
from claimtrack.cli_trash import CLAIM_COMMANDS, DOCUMENT_COMMANDS, trash  # noqa: E402

cli.add_command(trash)
for _command in CLAIM_COMMANDS:
    claims.add_command(_command)
for _command in DOCUMENT_COMMANDS:
    documents.add_command(_command)


def main() -> None:
    """Console-script entry point."""
    try:
        cli(prog_name="claimtrack")
    finally:
        # The command is done and its database closed (Context.close). One collection
        # finalises what it left, then freezing the survivors spares the exit the
        # collector's sweeps of every object SQLAlchemy made (0.1 s of CPU per run).
        gc.collect()
        gc.freeze()


if __name__ == "__main__":
    main()
