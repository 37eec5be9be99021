"""What `claimtrack db doctor` reports: the server, the schema, who is connected, and with what.

Read-only: it never migrates, so it can be run against a database a newer or
older claimtrack made, and says which.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection, make_url

from claimtrack.db import Database, head_revision
from claimtrack.team import Role, role_name

Finding = tuple[str, str]


def diagnose(database: Database) -> list[Finding]:
    """(label, value) lines describing `database`, in the order a reader checks them."""
    with database.engine.connect() as connection:
        found = _sqlite(connection, database.url) if database.is_sqlite else _postgres(connection)
    return [*found, _schema(database)]


def _schema(database: Database) -> Finding:
    current, head = database.current_revision(), head_revision()
    if current is None:
        return "schema", f"empty; `claimtrack db upgrade` creates it at {head}"
    if current == head:
        return "schema", f"{current} (up to date)"
    return "schema", f"{current}; this claimtrack is at {head} (`claimtrack db upgrade`)"


def _sqlite(connection: Connection, url: str) -> list[Finding]:
    version = connection.exec_driver_sql("SELECT sqlite_version()").scalar_one()
    journal = connection.exec_driver_sql("PRAGMA journal_mode").scalar_one()
    fts = connection.exec_driver_sql(
        "SELECT count(*) FROM sqlite_master WHERE sql LIKE '%USING fts5%'"
    ).scalar_one()
    return [
        ("server", f"SQLite {version}"),
        ("file", make_url(url).database or ":memory:"),
        ("journal", str(journal)),
        ("search", f"FTS5, {fts} index table{'s' if fts != 1 else ''}"),
        ("roles", "none (SQLite has no logins; the audit actor is --user)"),
    ]


def _postgres(connection: Connection) -> list[Finding]:
    version = connection.execute(text("SHOW server_version")).scalar_one()
    name, login, superuser = connection.execute(
        text(
            "SELECT current_database(), session_user,"
            " (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)"
        )
    ).one()
    roles = connection.execute(
        text(
            "SELECT rolname FROM pg_roles"
            " WHERE pg_has_role(session_user, oid, 'member') AND rolname <> session_user"
            " AND rolname NOT LIKE 'pg\\_%'"
            " ORDER BY rolname"
        )
    ).scalars()
    extensions = connection.execute(
        text("SELECT extname || ' ' || extversion FROM pg_extension ORDER BY extname")
    ).scalars()
    # A superuser is a member of every role in the cluster, every team's included.
    member_of = "every role" if superuser else ", ".join(roles) or "no other roles"
    return [
        ("server", f"PostgreSQL {version}"),
        ("database", str(name)),
        ("login", f"{login}{' (superuser)' if superuser else ''}; member of {member_of}"),
        ("team", _team_roles(connection)),
        ("extensions", ", ".join(extensions) or "none"),
    ]


def _team_roles(connection: Connection) -> str:
    """The team's group roles (migration 0008) with how many logins hold each."""
    if connection.execute(text("SELECT to_regprocedure('claimtrack_role(text)')")).scalar() is None:
        return "no roles yet (`claimtrack db upgrade` creates them)"
    parts = []
    for role in Role:
        name = role_name(connection, role)
        logins = connection.execute(
            text(
                "SELECT count(*) FROM pg_auth_members a JOIN pg_roles m ON m.oid = a.member"
                " WHERE a.roleid = to_regrole(:name) AND m.rolcanlogin"
            ),
            {"name": name},
        ).scalar_one()
        parts.append(f"{name} ({logins} login{'s' if logins != 1 else ''})")
    return ", ".join(parts)
