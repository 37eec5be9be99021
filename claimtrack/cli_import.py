"""Honest imports: options that fit the input, dry runs that write nothing, dates warned of.

`claimtrack import` reads articles and claim records. Before anything is read:
an option meant for the other kind of input is a usage error, and so is
content that is claim records handed over as an article. A dry run of
articles imports them inside a transaction that is rolled back, so its counts
are the real ones and nothing stays; on a database that does not exist yet it
runs against a throwaway one. Articles stored without a publication date are
named in a warning, with the command that dates them.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import click
from sqlalchemy.orm import Session

from claimtrack.config import database_url, missing_sqlite_file
from claimtrack.db import Database, open_database
from claimtrack.importers.articles import store_article
from claimtrack.importers.documents import ImportSummary
from claimtrack.importers.files import Article
from claimtrack.queries import document_id_for_text
from claimtrack.terminal import shown

# Field names a claim record file opens with (the import schema in the README).
RECORD_FIELDS = frozenset(
    {"id", "text", "kind", "status", "verdict", "speaker", "sources", "followups", "tags"}
)


def check_options(
    *,
    records: Sequence[str],
    articles: Sequence[str],
    stdin_records: str | None,
    published: object,
    skip_invalid: bool,
    paths: Sequence[str],
) -> None:
    """Refuse (exit 2) an option that does not apply to what is being imported."""
    if stdin_records and "-" not in paths:
        raise click.UsageError(
            "--records says how to read - (stdin); files are read by their suffix "
            "(.jsonl, .ndjson, .csv)"
        )
    if skip_invalid and not records:
        raise click.UsageError("--skip-invalid applies to claim records (.jsonl, .csv, --records)")
    if published is not None and not articles:
        raise click.UsageError(
            "--published applies to articles; claim records carry their own dates"
        )


def records_format(text: str) -> str | None:
    """ "jsonl" or "csv" when text handed over as an article is claim records; else None."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return None
    first = lines[0].strip()
    if first.startswith("{"):
        try:
            value = json.loads(first)
        except ValueError:
            return None
        return "jsonl" if isinstance(value, dict) else None
    header = {name.strip().strip('"').lower() for name in first.split(",")}
    if len(lines) > 1 and "text" in header and len(header & RECORD_FIELDS) >= 2:
        return "csv"
    return None


def refuse_records(entry: str, text: str) -> None:
    """Usage error when an article is really claim records: it would become a junk document."""
    fmt = records_format(text)
    if fmt is None:
        return
    if entry == "-":
        hint = f"read them with --records {fmt}"
    else:
        hint = f"give the file a .{fmt} suffix, or pipe it in with - --records {fmt}"
    raise click.UsageError(
        f"{entry}: this is claim records ({fmt.upper() if fmt == 'csv' else 'JSON Lines'}), "
        f"not an article; {hint}"
    )


@dataclass
class Undated:
    """Articles stored without a publication date: their relative deadlines stay open."""

    entries: list[tuple[str, int | None]] = field(default_factory=list)

    def warn(self, dry_run: bool) -> None:
        for entry, document_id in self.entries:
            fix = (
                f"claimtrack documents set {document_id} --published YYYY-MM-DD"
                if document_id is not None and not dry_run
                else "--published YYYY-MM-DD"
            )
            click.echo(
                shown(
                    f"warning: {entry}: no publication date; relative dates and deadlines "
                    f"stay unresolved and get no follow-up ({fix})",
                    newline=" ",
                ),
                err=True,
            )


class _RollBack(Exception):
    """Raised at the end of a dry run, so its transaction writes nothing."""


@contextmanager
def dry_run_session(database: Database) -> Iterator[object]:
    """A write session whose changes are all rolled back at the end."""
    try:
        with database.transaction() as session:
            yield session
            raise _RollBack
    except _RollBack:
        pass


@contextmanager
def throwaway_if_missing(db_arg: str | None) -> Iterator[Database | None]:
    """For a dry run on a database not created yet: an empty one in a temporary folder."""
    if missing_sqlite_file(database_url(db_arg, create_dirs=False)) is None:
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="claimtrack-dry-run-") as folder:
        database = open_database(f"sqlite:///{Path(folder) / 'dry-run.db'}")
        try:
            yield database
        finally:
            database.dispose()


def import_one(
    session: Session,
    actor: str,
    article: Article,
    published: dt.date | None,
    summary: ImportSummary,
) -> bool:
    """Import one article into an open session; True if it was stored as a new document."""
    before = summary.documents
    store_article(session, actor, article, published, summary)
    return summary.documents > before


def undated_document(database: Database, article: Article) -> int | None:
    """The id of the document just stored from `article`."""
    with database.read() as session:
        return document_id_for_text(session, article.text)
