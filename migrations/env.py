"""Alembic environment for claimtrack.

The application passes its own connection in `config.attributes["connection"]`
(see claimtrack/db.py). Run from the repo with the `alembic` command, it opens
`-x db=PATH_OR_URL`, or the database claimtrack would open (`CLAIMTRACK_DB`
or the default file).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from claimtrack.models import Base

target_metadata = Base.metadata

# FTS5 keeps shadow tables (claims_fts_data, …) that no model describes, and
# PostgreSQL keeps a generated `search_vector` column on claims and notes with
# its GIN index (0007); autogenerate must neither drop them nor report them as drift.
FTS_PREFIXES = ("claims_fts", "notes_fts")


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Leave full-text index tables, columns and indexes out of autogenerate's comparison."""
    if name is None:
        return True
    if type_ == "table":
        return not name.startswith(FTS_PREFIXES)
    return not (type_ in ("column", "index") and name.endswith("search_vector"))


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        include_name=include_name,
        render_as_batch=True,  # SQLite cannot ALTER most things in place
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        run_migrations(connection)
        return
    from claimtrack.config import database_url
    from claimtrack.db import create_db_engine

    url = database_url(context.get_x_argument(as_dictionary=True).get("db"))
    engine = create_db_engine(url)
    with engine.begin() as connection:
        run_migrations(connection)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("claimtrack migrations run online only")
run_online()
