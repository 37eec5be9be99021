"""Rows stored once, however many writers try at the same moment.

Importers check whether a document or a claim exists before storing it, but
two importers on one PostgreSQL database can both check before either commits.
The database's unique indexes decide: `insert_once` is `INSERT … ON CONFLICT
DO NOTHING RETURNING id`, which on PostgreSQL waits for a concurrent insert of
the same key to commit (or roll back) and then either inserts or yields to it,
never raising. The caller then reads the row that won.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Table, TextClause
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def insert_once(
    session: Session,
    table: Table,
    values: dict[str, Any],
    *,
    key: list[str],
    where: ColumnElement[bool] | TextClause | None = None,
) -> int | None:
    """Insert a row unless one with the same `key` exists (in the unique index over
    `key`, partial under `where`): the new row's id, or None when another holds the key."""
    session.flush()  # the ORM's pending rows first, so the index sees them
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        statement: Any = postgresql.insert(table)
    elif dialect == "sqlite":
        statement = sqlite.insert(table)
    else:  # pragma: no cover - claimtrack runs on SQLite and PostgreSQL
        raise NotImplementedError(f"insert_once on {dialect}")
    statement = (
        statement.values(**values)
        .on_conflict_do_nothing(index_elements=key, index_where=where)
        .returning(table.c.id)
    )
    return session.scalar(statement)
