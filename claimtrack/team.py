"""Who is acting and what they may do, on a team's PostgreSQL database.

On PostgreSQL the person is the database login. Migration 0008 creates three
group roles named after the database (`claimtrack_role('editor')` says which
name) and enforces them with GRANTs and triggers; this module asks the same
questions first, so a refusal is one clear line before anything is written,
and manages the logins that belong to the team (`claimtrack team ...`).

On SQLite there are no logins: the actor is `--user` (or CLAIMTRACK_USER, or
the operating-system user) and every action is allowed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.engine import Connection

from claimtrack.config import current_user
from claimtrack.errors import ClaimtrackError, InvalidInput

if TYPE_CHECKING:  # db.py imports this module, and reads without the ORM (issue 17)
    from sqlalchemy.orm import Session


class Role(StrEnum):
    """The team roles, each holding the rights of the ones before it."""

    REVIEWER = "reviewer"  # triage, sources, notes, follow-ups, propose verdicts
    EDITOR = "editor"  # conclude, publish, change settings, merge
    ADMIN = "admin"  # manage people


class Action(StrEnum):
    """Actions that need more than the reviewer role, worded for the refusal."""

    CONCLUDE = "concluding a claim or reopening a concluded one"
    PUBLISH = "publishing ClaimReview markup"
    SETTINGS = "changing a team setting"
    MERGE = "merging claims"
    MANAGE = "managing the team"


NEEDS: dict[Action, Role] = {
    Action.CONCLUDE: Role.EDITOR,
    Action.PUBLISH: Role.EDITOR,
    Action.SETTINGS: Role.EDITOR,
    Action.MERGE: Role.EDITOR,
    Action.MANAGE: Role.ADMIN,
}

# What the database says when a GRANT or a row rule refuses (SQLSTATE 42501).
INSUFFICIENT_PRIVILEGE = "42501"


class PermissionDenied(ClaimtrackError):
    """The login's team role does not allow the action: nothing was written."""


@dataclass(frozen=True, slots=True)
class Login:
    """The database login and the highest team role it holds (None: not on the team)."""

    name: str
    superuser: bool
    role: Role | None

    def holds(self, role: Role) -> bool:
        if self.superuser:
            return True
        order = list(Role)
        return self.role is not None and order.index(self.role) >= order.index(role)


def _is_postgres(bind: Session | Connection) -> bool:
    engine = bind if isinstance(bind, Connection) else bind.get_bind()
    return engine.dialect.name == "postgresql"


def role_name(bind: Session | Connection, role: Role) -> str:
    """The PostgreSQL group role that stands for `role` in this database (migration 0008)."""
    name: str = bind.execute(text("SELECT claimtrack_role(:k)"), {"k": role.value}).scalar_one()
    return name


def login(bind: Session | Connection) -> Login:
    """Who is connected, and with which team role."""
    name, superuser = bind.execute(
        text("SELECT session_user, (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)")
    ).one()
    held = None
    for role in Role:
        member = bind.execute(
            text("SELECT pg_has_role(session_user, claimtrack_role(:k), 'MEMBER')"),
            {"k": role.value},
        ).scalar_one()
        if member:
            held = role
    return Login(str(name), bool(superuser), held)


def resolve_actor(bind: Session | Connection, asked: str | None) -> str:
    """The name the audit trail records for this session.

    On SQLite: `asked` (--user), else CLAIMTRACK_USER, else the OS user. On
    PostgreSQL: the login; a different name is refused unless the login is an
    admin (or a superuser), and is then recorded as "LOGIN on behalf of NAME".
    """
    if not _is_postgres(bind):
        return current_user(asked)
    who = login(bind)
    if not asked or asked == who.name:
        return who.name
    if not who.holds(Role.ADMIN):
        raise PermissionDenied(
            f"--user {asked}: you are logged in to the database as {who.name}, and only an "
            f"admin may act on behalf of someone else; leave out --user and CLAIMTRACK_USER"
        )
    return f"{who.name} on behalf of {asked}"[:100]


def require(bind: Session | Connection, action: Action) -> None:
    """Refuse `action` (PermissionDenied, one line) unless the login's role allows it.

    Always allowed on SQLite. The database refuses the same things by itself;
    this says so before anything is written, in the team's words.
    """
    if not _is_postgres(bind):
        return
    who = login(bind)
    needed = NEEDS[action]
    if who.holds(needed):
        return
    held = f"a {who.role.value}" if who.role else "not on the team"
    raise PermissionDenied(
        f"permission denied: {who.name} is {held}; {action.value} needs the "
        f"{needed.value} role (claimtrack team add {who.name} --role {needed.value})"
    )


# ---------------------------------------------------------------- managing the team


@dataclass(frozen=True, slots=True)
class Member:
    """One login on the team and its role."""

    name: str
    role: Role


def _quoted(name: str) -> str:
    return '"{}"'.format(name.replace('"', '""'))


def _check_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > 63 or any(not (c.isalnum() or c in "_.-@") for c in name):
        raise InvalidInput(f"{name!r}: a login name is 1-63 letters, digits, '_', '.', '-' or '@'")
    return name


def _postgres_only(connection: Connection) -> None:
    if not _is_postgres(connection):
        raise ClaimtrackError(
            "team roles live in a PostgreSQL database; on SQLite anyone who can open "
            "the file acts, named by --user"
        )


def members(connection: Connection) -> list[Member]:
    """The logins holding a team role, each with the highest one, by name."""
    _postgres_only(connection)
    found: dict[str, Role] = {}
    names = {role_name(connection, role): role for role in Role}
    rows = connection.execute(
        text(
            "SELECT m.rolname, g.rolname FROM pg_auth_members a"
            " JOIN pg_roles m ON m.oid = a.member JOIN pg_roles g ON g.oid = a.roleid"
            " WHERE g.rolname = ANY(:groups) AND m.rolname <> ALL(:groups)"
        ),
        {"groups": list(names)},
    )
    order = list(Role)
    for member, group in rows:
        role = names[group]
        if member not in found or order.index(role) > order.index(found[member]):
            found[member] = role
    return [Member(name, found[name]) for name in sorted(found)]


def add_member(
    connection: Connection, name: str, role: Role, *, password: str | None = None
) -> bool:
    """Give `name` the team role `role` (creating the login if needed); True if it was created.

    An admin also gets CREATEROLE, which PostgreSQL requires to manage logins.
    """
    _postgres_only(connection)
    require(connection, Action.MANAGE)
    name = _check_name(name)
    exists = connection.execute(
        text("SELECT rolsuper FROM pg_roles WHERE rolname = :n"), {"n": name}
    ).first()
    if exists is not None and exists[0]:
        raise InvalidInput(f"{name} is a superuser; it already holds every role")
    if exists is None:
        connection.exec_driver_sql(f"CREATE ROLE {_quoted(name)} LOGIN")
    for other in Role:
        connection.exec_driver_sql(
            f"REVOKE {_quoted(role_name(connection, other))} FROM {_quoted(name)}"
        )
    if role == Role.ADMIN:
        # PostgreSQL 16 and later let a CREATEROLE login grant only roles it holds
        # WITH ADMIN OPTION, so an admin holds every team role that way.
        for held in Role:
            connection.exec_driver_sql(
                f"GRANT {_quoted(role_name(connection, held))} TO {_quoted(name)} WITH ADMIN OPTION"
            )
    else:
        connection.exec_driver_sql(
            f"GRANT {_quoted(role_name(connection, role))} TO {_quoted(name)}"
        )
    attribute = "CREATEROLE" if role == Role.ADMIN else "NOCREATEROLE"
    connection.exec_driver_sql(f"ALTER ROLE {_quoted(name)} {attribute}")
    if password is not None:
        statement = connection.execute(
            text("SELECT format('ALTER ROLE %I PASSWORD %L', :n, :p)"), {"n": name, "p": password}
        ).scalar_one()
        connection.exec_driver_sql(statement)
    return exists is None


def remove_member(connection: Connection, name: str, *, drop_login: bool = False) -> None:
    """Take `name` off the team; with `drop_login`, drop the login role as well."""
    _postgres_only(connection)
    require(connection, Action.MANAGE)
    name = _check_name(name)
    if name not in {m.name for m in members(connection)}:
        raise InvalidInput(f"{name} is not on the team (claimtrack team list)")
    for role in Role:
        connection.exec_driver_sql(
            f"REVOKE {_quoted(role_name(connection, role))} FROM {_quoted(name)}"
        )
    connection.exec_driver_sql(f"ALTER ROLE {_quoted(name)} NOCREATEROLE")
    if drop_login:
        connection.exec_driver_sql(f"DROP ROLE {_quoted(name)}")
