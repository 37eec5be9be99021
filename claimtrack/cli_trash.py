"""Commands for the trash and for fixing a document: delete, restore, empty, set a date.

`claims delete|restore ID`, `documents delete|restore|set ID`, `trash list`
and `trash empty --older-than 30d`; each calls one service function. cli.py
adds them to its groups (the context is click's `obj`, a cli.Context). The
service and the views load inside the commands, so registering them (as every
run does, `--help` too) loads no SQLAlchemy.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import click

from claimtrack.cli import Context, _json_default, _print_rows, if_version_option
from claimtrack.cli_output import output_options, write_records
from claimtrack.terminal import shown
from claimtrack.wording import count


@click.command("delete")
@click.argument("claim_id", type=int)
@if_version_option
@click.pass_obj
def claims_delete(context: Context, claim_id: int, if_version: int | None) -> None:
    """Move a claim to the trash (`claims restore` brings it back with everything attached)."""
    from claimtrack import service

    with context.transaction() as session:
        service.delete_claim(session, context.actor, claim_id, expected_version=if_version)
    click.echo(f"claim {claim_id} moved to the trash (claimtrack claims restore {claim_id})")


@click.command("restore")
@click.argument("claim_id", type=int)
@click.pass_obj
def claims_restore(context: Context, claim_id: int) -> None:
    """Bring a claim back from the trash with its sources, follow-ups and notes."""
    from claimtrack import service

    with context.transaction() as session:
        service.restore_claim(session, context.actor, claim_id)
    click.echo(f"claim {claim_id} restored")


@click.command("delete")
@click.argument("document_id", type=int)
@click.pass_obj
def documents_delete(context: Context, document_id: int) -> None:
    """Move a document to the trash, with the claims seen in it and nowhere else."""
    from claimtrack import service
    from claimtrack.views.trash import claims_deleted_with

    with context.transaction() as session:
        service.delete_document(session, context.actor, document_id)
        taken = claims_deleted_with(session, document_id)
    click.echo(
        f"document {document_id} moved to the trash with {count(len(taken), 'claim')} "
        f"seen only there (claimtrack documents restore {document_id})"
    )


@click.command("restore")
@click.argument("document_id", type=int)
@click.pass_obj
def documents_restore(context: Context, document_id: int) -> None:
    """Bring a document back, and the claims its deletion took with it."""
    from claimtrack import service
    from claimtrack.views.trash import claims_restored_with

    with context.transaction() as session:
        service.restore_document(session, context.actor, document_id)
        back = len(claims_restored_with(session, document_id))
    click.echo(f"document {document_id} restored with {count(back, 'claim')}")


@click.command("set")
@click.argument("document_id", type=int)
@click.option(
    "--published",
    type=click.DateTime(["%Y-%m-%d"]),
    required=True,
    help="The publication date (YYYY-MM-DD).",
)
@click.pass_obj
def documents_set(context: Context, document_id: int, published: dt.datetime) -> None:
    """Set a document's date: its claims' dates are read again, missing follow-ups added."""
    from claimtrack import service

    with context.transaction() as session:
        redated = service.set_document_published(
            session, context.actor, document_id, published.date()
        )
    was = redated.old.isoformat() if redated.old else "no date"
    click.echo(
        f"document {document_id}: published {redated.new.isoformat()} (was {was}); "
        f"{count(redated.claims, 'claim')} re-dated, "
        f"{count(redated.followups, 'deadline follow-up')} added"
    )


# ---------------------------------------------------------------- the trash


@click.group("trash")
def trash() -> None:
    """Deleted documents and claims: list them, or empty the trash."""


@trash.command("list")
@output_options
@click.pass_obj
def trash_list(context: Context, fmt: str) -> None:
    """What is in the trash, most recently deleted first."""
    from claimtrack.views.trash import list_trash

    with context.read() as session:
        records = [item.record() for item in list_trash(session)]
    columns = ("kind", "id", "deleted_at", "deleted_by", "title")
    write_records(fmt, columns, records, table=_print_trash, default=_json_default)


def _print_trash(records: list[dict[str, Any]]) -> None:
    if not records:
        click.echo("the trash is empty")
        return
    _print_rows(
        ["kind", "id", "deleted", "by", "what"],
        (
            (
                r["kind"],
                str(r["id"]),
                r["deleted_at"].strftime("%Y-%m-%d %H:%M"),
                r["deleted_by"] or "",
                r["title"],
            )
            for r in records
        ),
        wide="what",
        narrow="by",
    )


_AGE = re.compile(r"^\s*(\d+)\s*(d|w|h|days?|weeks?|hours?)\s*$", re.IGNORECASE)


def _age(value: str) -> dt.timedelta:
    """`30d`, `2w`, `12h`, `30 days`: how long an item must have lain in the trash."""
    found = _AGE.match(value)
    if found is None:
        raise click.BadParameter(f"{value!r} is not an age such as 30d, 2w or 12h")
    amount, unit = int(found[1]), found[2][0].lower()
    return {"d": dt.timedelta(days=amount), "w": dt.timedelta(weeks=amount)}.get(
        unit, dt.timedelta(hours=amount)
    )


@trash.command("empty")
@click.option(
    "--older-than",
    "older_than",
    default="30d",
    show_default=True,
    help="Purge only what was deleted longer ago than this (30d, 2w, 12h; 0d: everything).",
)
@click.pass_obj
def trash_empty(context: Context, older_than: str) -> None:
    """Purge what lay in the trash long enough; it cannot be restored after."""
    from claimtrack import service

    age = _age(older_than)
    with context.transaction() as session:
        emptied = service.empty_trash(session, context.actor, age)
    click.echo(
        shown(
            f"purged {count(emptied.documents, 'document')} and "
            f"{count(emptied.claims, 'claim')} deleted more than {older_than.strip()} ago"
        )
    )


CLAIM_COMMANDS = (claims_delete, claims_restore)
DOCUMENT_COMMANDS = (documents_delete, documents_restore, documents_set)
