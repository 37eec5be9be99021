"""A lossless copy of a whole database, SQLite and PostgreSQL either way.

`claimtrack db copy SRC DST` moves a team from a laptop's SQLite file to the
team server (or back): every row of every table the models describe, ids and
the audit trail included, as stored — not re-imported, so nothing is re-derived
and no event is written about the copy itself.

- The destination must be empty (no rows in any claimtrack table); its schema
  is created or brought to the newest revision by the migrations, so the
  full-text tables (SQLite, filled by their triggers as rows arrive) and the
  generated search columns (PostgreSQL) are rebuilt there, never copied.
- Rows are streamed in primary-key order, a batch at a time, in one
  transaction: a failure leaves the destination empty again. A row pointing at
  a row of its own table not copied yet (a claim merged into a newer one)
  waits until that row is in.
- JSON columns travel as their stored text, so SQL NULL and JSON `null` stay
  apart. PostgreSQL sequences are set past the copied ids afterwards.
- On PostgreSQL the audit trigger stamps the login as an event's actor
  (migration 0008); a copy is a restore, so it sets `claimtrack.restore`,
  which a superuser or a member of the admin role may use to keep the
  original actors. The check afterwards finds any actor that did not survive.

The copy is then verified: row counts per table, a digest of every table's
rows, and the `claimtrack export` output of both databases must be the same.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TextIO
from typing import cast as typing_cast

from sqlalchemy import (
    JSON,
    Column,
    Connection,
    Integer,
    Select,
    Table,
    Text,
    bindparam,
    cast,
    func,
    insert,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.elements import ColumnElement

from claimtrack.db import Database, open_database
from claimtrack.errors import ClaimtrackError
from claimtrack.importers.export import export_jsonl
from claimtrack.models import Base

BATCH = 5_000


@dataclass(frozen=True, slots=True)
class TableCount:
    """One table's rows in the source and in the destination."""

    table: str
    source: int
    destination: int


@dataclass
class CopyReport:
    """What was copied, and how the copy was checked."""

    counts: list[TableCount] = field(default_factory=list)
    exported: int = 0  # claims in the export both databases gave
    mismatches: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.mismatches


def copy_database(source_url: str, destination_url: str) -> CopyReport:
    """Copy every row of `source_url` into the empty database at `destination_url`, then verify."""
    source = open_database(source_url)
    destination = Database(destination_url)
    try:
        _refuse_non_empty(destination)
        destination.upgrade()
        with source.engine.connect() as reading, destination.engine.begin() as writing:
            if destination.engine.dialect.name == "postgresql":
                # Keep each event's original actor (see the module docstring).
                writing.execute(text("SET LOCAL claimtrack.restore = 'on'"))
            for table in Base.metadata.sorted_tables:
                _copy_table(reading, writing, table)
            if destination.engine.dialect.name == "postgresql":
                _reset_sequences(writing)
        return verify(source, destination)
    except DBAPIError as error:
        detail = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        where = _hidden(destination_url)
        raise ClaimtrackError(f"{where}: copy failed, nothing copied: {detail}") from None
    finally:
        source.dispose()
        destination.dispose()


def _refuse_non_empty(destination: Database) -> None:
    with destination.engine.connect() as connection:
        present = set(inspect(connection).get_table_names())
        filled = []
        for table in Base.metadata.sorted_tables:
            if table.name in present:
                rows = connection.scalar(select(func.count()).select_from(table)) or 0
                if rows:
                    filled.append(f"{table.name}: {rows:,}")
    if filled:
        raise ClaimtrackError(
            f"{_hidden(destination.url)}: not empty ({', '.join(filled[:3])}); "
            "db copy writes only into an empty database"
        )


def _hidden(url: str) -> str:
    """A URL fit to print: its password masked."""
    return make_url(url).render_as_string(hide_password=True)


def _json_columns(table: Table) -> list[Column[Any]]:
    return [column for column in table.columns if isinstance(column.type, JSON)]


def _reading(table: Table) -> Select[Any]:
    """Every row of `table` in key order, JSON columns as their stored text."""
    json_names = {column.name for column in _json_columns(table)}
    columns: list[ColumnElement[Any]] = [
        cast(column, Text).label(column.name) if column.name in json_names else column
        for column in table.columns
    ]
    return select(*columns).order_by(*table.primary_key.columns)


def _rows(connection: Connection, table: Table) -> Iterator[Sequence[dict[str, Any]]]:
    result = connection.execution_options(yield_per=BATCH).execute(_reading(table))
    for partition in result.mappings().partitions():
        yield [dict(row) for row in partition]


def _writing(table: Table, dialect: str) -> Any:
    """An INSERT of whole rows; JSON arrives as text and is stored as that text."""
    statement = insert(table)
    json_columns = _json_columns(table)
    if not json_columns:
        return statement
    values: dict[str, Any] = {}
    for column in json_columns:
        raw = bindparam(f"json_{column.name}", type_=Text)
        values[column.name] = cast(raw, column.type) if dialect == "postgresql" else raw
    return statement.values(
        {
            **{c.name: bindparam(f"value_{c.name}", type_=c.type) for c in table.columns},
            **values,
        }
    )


def _renamed(table: Table, rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows keyed as `_writing`'s bound parameters are named."""
    json_names = {column.name for column in _json_columns(table)}
    if not json_names:
        return list(rows)
    return [
        {(f"json_{k}" if k in json_names else f"value_{k}"): v for k, v in row.items()}
        for row in rows
    ]


def _self_references(table: Table) -> list[tuple[str, str]]:
    """(column, referred column) of the foreign keys a table holds to itself."""
    return [
        (fk.parent.name, fk.column.name) for fk in table.foreign_keys if fk.column.table is table
    ]


def _copy_table(reading: Connection, writing: Connection, table: Table) -> None:
    statement = _writing(table, writing.dialect.name)
    links = _self_references(table)
    copied: set[Any] = set()
    waiting: list[dict[str, Any]] = []
    for rows in _rows(reading, table):
        if links:
            ready, held = _ready(rows, links, copied)
            waiting.extend(held)
            rows = ready
        if rows:
            writing.execute(statement, _renamed(table, rows))
        if links:
            copied.update(row[links[0][1]] for row in rows)
    while waiting:
        ready, waiting = _ready(waiting, links, copied)
        if not ready:
            raise ClaimtrackError(f"{table.name}: rows refer to rows that do not exist")
        writing.execute(statement, _renamed(table, ready))
        copied.update(row[links[0][1]] for row in ready)


def _ready(
    rows: Sequence[dict[str, Any]], links: list[tuple[str, str]], copied: set[Any]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Rows whose references to their own table are copied already, and the rest."""
    ready: list[dict[str, Any]] = []
    held: list[dict[str, Any]] = []
    batch_keys = set()
    for row in rows:
        pending = [row[column] for column, _ in links if row[column] is not None]
        if all(key in copied or key in batch_keys for key in pending):
            ready.append(row)
            batch_keys.add(row[links[0][1]])
        else:
            held.append(row)
    return ready, held


def _reset_sequences(connection: Connection) -> None:
    """Let PostgreSQL hand out ids after the copied ones."""
    for table in Base.metadata.sorted_tables:
        key = list(table.primary_key.columns)
        if len(key) != 1 or not isinstance(key[0].type, Integer):
            continue
        connection.execute(
            text(
                "SELECT setval(pg_get_serial_sequence(:table, :column), "
                f"coalesce((SELECT max({key[0].name}) FROM {table.name}), 1), "
                f"(SELECT max({key[0].name}) FROM {table.name}) IS NOT NULL)"
            ),
            {"table": table.name, "column": key[0].name},
        )


# ---------------------------------------------------------------- verifying


def verify(source: Database, destination: Database) -> CopyReport:
    """Compare the two databases: rows per table, the rows themselves, the export."""
    report = CopyReport()
    with source.engine.connect() as left, destination.engine.connect() as right:
        for table in Base.metadata.sorted_tables:
            count = TableCount(table.name, _count(left, table), _count(right, table))
            report.counts.append(count)
            if count.source != count.destination:
                report.mismatches.append(
                    f"{table.name}: {count.source:,} rows in the source, "
                    f"{count.destination:,} in the copy"
                )
            elif _digest(left, table) != _digest(right, table):
                report.mismatches.append(f"{table.name}: rows differ from the source's")
    exports = [_export_digest(database) for database in (source, destination)]
    report.exported = exports[0][1]
    if exports[0] != exports[1]:
        report.mismatches.append("claimtrack export differs between the source and the copy")
    return report


def _count(connection: Connection, table: Table) -> int:
    return connection.scalar(select(func.count()).select_from(table)) or 0


def _digest(connection: Connection, table: Table) -> str:
    """A hash of every row of `table`, as Python reads it back through the models' types."""
    digest = hashlib.sha256()
    for rows in _rows(connection, table):
        for row in rows:
            digest.update(repr(sorted(row.items())).encode())
    return digest.hexdigest()


class _HashingSink:
    """A text stream that keeps only the sha256 of what is written to it."""

    def __init__(self) -> None:
        self.hash = hashlib.sha256()

    def write(self, chunk: str) -> int:
        self.hash.update(chunk.encode("utf-8"))
        return len(chunk)


def _export_digest(database: Database) -> tuple[str, int]:
    sink = _HashingSink()
    with database.read() as session:
        written = export_jsonl(session, typing_cast(TextIO, sink))
    return sink.hash.hexdigest(), written
