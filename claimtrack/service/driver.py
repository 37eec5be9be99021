"""Rows handed to SQLite's driver directly, each value converted as SQLAlchemy would.

SQLAlchemy builds and converts the parameters of a many-row statement row by
row, which costs more than SQLite's own work for the set-based writers (records
and article imports). They bind raw SQL instead, through the one conversion
here: the column type's bind processor for the dialect (its `dialect_impl`, so
a timestamp is stored as every ORM write stores it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import Column, Table, insert
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session


def bind_processor(column: Column[Any], dialect: Dialect) -> Callable[[Any], Any] | None:
    """How SQLAlchemy converts a value of `column` before the driver binds it (None: as is)."""
    return column.type.dialect_impl(dialect).bind_processor(dialect)


def insert_rows(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """INSERT `rows` (dicts with the same keys) in one executemany.

    On SQLite it goes to the driver: SQLAlchemy builds and converts parameters
    row by row, which adds about 40 % to SQLite's own work. Each
    column's value is converted here as SQLAlchemy would (its type's bind
    processor for this dialect), a column at a time. Elsewhere, and for a table
    whose rows leave out a column with a default, SQLAlchemy's executemany does it
    (on PostgreSQL it sends many rows per statement).
    """
    connection = session.connection()
    dialect = connection.dialect
    keys = list(rows[0])
    left_out = [c for c in table.c if c.default is not None and c.key not in keys]
    if dialect.name != "sqlite" or dialect.paramstyle != "qmark" or left_out:
        session.execute(insert(table), rows)
        return
    columns, named = [], []
    for key in keys:
        values = [row[key] for row in rows]
        column = table.c[key]
        convert = bind_processor(column, dialect)
        if values.count(None) == len(values):
            empty = convert(None) if convert is not None else None  # JSON's is 'null'
            if empty is None and column.default is None and column.server_default is None:
                continue  # NULL in every row, as the column is when left out: less to bind
            values = [empty] * len(values)
        elif convert is not None and isinstance(values[0], dt.date):
            # Dates and times repeat (every row of a batch has the same `now`): convert once.
            memo: dict[Any, Any] = {}
            values = [memo[v] if v in memo else memo.setdefault(v, convert(v)) for v in values]
        elif convert is not None:
            values = [convert(value) for value in values]
        named.append(column.name)
        columns.append(values)
    quote = dialect.identifier_preparer.quote
    names = ", ".join(quote(name) for name in named)
    marks = ", ".join("?" * len(named))
    connection.exec_driver_sql(
        f"INSERT INTO {quote(table.name)} ({names}) VALUES ({marks})",
        list(zip(*columns, strict=True)),
    )
