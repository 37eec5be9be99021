"""Rows handed to SQLite's driver directly, each value converted as SQLAlchemy would.

SQLAlchemy builds and converts the parameters of a many-row statement row by
row, which costs more than SQLite's own work for the set-based writers (records
and article imports). They bind raw SQL instead, through the one conversion
here: the column type's bind processor for the dialect (its `dialect_impl`, so
a timestamp is stored as every ORM write stores it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Column, Connection, Table, insert
from sqlalchemy import text as sql_text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect

# Rows per multi-row INSERT: SQLite binds at most 32,766 parameters in one statement.
_PARAMETERS = 30_000


@lru_cache(maxsize=512)  # a few tables of a few columns; per dialect (engine)
def bind_processor(column: Column[Any], dialect: Dialect) -> Callable[[Any], Any] | None:
    """How SQLAlchemy converts a value of `column` before the driver binds it (None: as is)."""
    return column.type.dialect_impl(dialect).bind_processor(dialect)


def insert_many(
    connection: Connection,
    table: Table,
    rows: list[dict[str, Any]],
    *,
    unique: list[str] | None = None,
) -> int:
    """INSERT `rows` (dicts with the same keys) in one executemany (skipping those whose
    `unique` key is held); how many rows went in.

    On SQLite it goes to the driver: SQLAlchemy builds and converts parameters
    row by row in Python, which cost more than SQLite's own work. Values are
    converted as SQLAlchemy binds them (`bind_processor`), so the rows are the
    same. Elsewhere, or for a table whose rows leave out a column with a default,
    SQLAlchemy's executemany does it (on PostgreSQL it sends many rows per statement).
    """
    if not rows:
        return 0
    dialect = connection.dialect
    keys = list(rows[0])
    left_out = [c for c in table.c if c.default is not None and c.key not in keys]
    if dialect.name != "sqlite" or dialect.paramstyle != "qmark" or left_out:
        statement: Any = insert(table)
        if unique is not None:
            statement = _dialect_insert(connection, table).on_conflict_do_nothing(
                index_elements=unique
            )
        done = connection.execute(statement, rows)
        return done.rowcount if done.rowcount >= 0 else len(rows)
    named, columns = bound_columns(connection, table, keys, rows, skip_null=True)
    quote = dialect.identifier_preparer.quote
    names = ", ".join(quote(name) for name in named)
    marks = ", ".join("?" * len(named))
    conflict = f" ON CONFLICT ({', '.join(unique)}) DO NOTHING" if unique is not None else ""
    done = connection.exec_driver_sql(
        f"INSERT INTO {quote(table.name)} ({names}) VALUES ({marks}){conflict}",
        list(zip(*columns, strict=True)),
    )
    return done.rowcount


def bound_columns(
    connection: Connection,
    table: Table,
    keys: list[str],
    rows: Sequence[dict[str, Any]],
    *,
    skip_null: bool = False,
) -> tuple[list[str], list[list[Any]]]:
    """The rows' values column by column, each converted as SQLAlchemy binds it.

    `skip_null`: leave out a column NULL in every row, as it is when left out (less to bind).
    """
    dialect = connection.dialect
    named: list[str] = []
    columns: list[list[Any]] = []
    for key in keys:
        values = [row[key] for row in rows]
        column = table.c[key]
        convert = bind_processor(column, dialect)
        if values.count(None) == len(values):
            empty = convert(None) if convert is not None else None  # JSON's is 'null'
            left_out = column.default is None and column.server_default is None
            if skip_null and empty is None and left_out:
                continue
            values = [empty] * len(values)
        elif convert is not None and isinstance(values[0], dt.date):
            # Dates and times repeat (every row of a batch has the same `now`): convert once.
            memo: dict[Any, Any] = {}
            values = [memo[v] if v in memo else memo.setdefault(v, convert(v)) for v in values]
        elif convert is not None:
            values = [convert(value) for value in values]
        named.append(column.name)
        columns.append(values)
    return named, columns


def insert_returning(
    connection: Connection,
    table: Table,
    rows: list[dict[str, Any]],
    returning: list[str],
    *,
    unique: list[str] | None = None,
    among: str | None = None,
) -> list[tuple[Any, ...]]:
    """Insert `rows` in multi-row statements (skipping those whose `unique` key, in the
    index partial on `among`, is held); the `returning` columns of the rows inserted.

    On SQLite the statement is written out, its values bound through the columns'
    types: SQLAlchemy compiles a multi-row INSERT anew for every number of rows,
    which cost more than the extraction. Returned values are SQLite's own.
    """
    if not rows:
        return []
    result: list[tuple[Any, ...]] = []
    if connection.dialect.name != "sqlite":
        for chunk in _chunks(rows):
            statement = _dialect_insert(connection, table).values(chunk)
            if unique is not None:
                where = sql_text(among) if among else None
                statement = statement.on_conflict_do_nothing(
                    index_elements=unique, index_where=where
                )
            statement = statement.returning(*(table.c[name] for name in returning))
            result.extend(tuple(row) for row in connection.execute(statement))
        return result
    names = list(rows[0])
    conflict = ""
    if unique is not None:
        conflict = f" ON CONFLICT ({', '.join(unique)})"
        conflict += f" WHERE {among} DO NOTHING" if among else " DO NOTHING"
    one_row = "(" + ", ".join("?" * len(names)) + ")"
    for chunk in _chunks(rows):
        _, columns = bound_columns(connection, table, names, chunk)
        # Row by row, as the VALUES list reads them.
        values = [value for row in zip(*columns, strict=True) for value in row]
        sql = (
            f"INSERT INTO {table.name} ({', '.join(names)}) VALUES "
            f"{', '.join([one_row] * len(chunk))}{conflict} RETURNING {', '.join(returning)}"
        )
        result.extend(connection.exec_driver_sql(sql, tuple(values)).all())
    return result


def _dialect_insert(connection: Connection, table: Any) -> Any:
    dialect = connection.dialect.name
    if dialect == "postgresql":
        return postgresql.insert(table)
    if dialect == "sqlite":
        return sqlite.insert(table)
    raise NotImplementedError(f"set-based import on {dialect}")  # pragma: no cover


def _chunks(rows: list[dict[str, Any]]) -> Iterable[list[dict[str, Any]]]:
    if not rows:
        return
    size = max(1, _PARAMETERS // len(rows[0]))
    for start in range(0, len(rows), size):
        yield rows[start : start + size]
