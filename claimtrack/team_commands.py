"""`claimtrack team add|list|remove`: the people of a team's PostgreSQL database.

Thin commands over claimtrack.team; cli.py adds the group.
"""

from __future__ import annotations

import json
from typing import Any

import click

from claimtrack.terminal import json_line, shown

# claimtrack.team.Role's values, written out: that module loads SQLAlchemy, which
# `claimtrack --help` should not wait for (tests/test_startup_imports.py keeps them equal).
ROLE_NAMES = ("reviewer", "editor", "admin")


@click.group("team")
def team() -> None:
    """Manage who may review, edit and administer a PostgreSQL database."""


@team.command("add")
@click.argument("name")
@click.option(
    "--role",
    type=click.Choice(ROLE_NAMES),
    default=ROLE_NAMES[0],
    show_default=True,
    help="reviewer: triage, sources, notes, follow-ups, verdicts; editor: also conclude, "
    "publish, settings, merge; admin: also manage the team.",
)
@click.option(
    "--password",
    is_flag=False,
    flag_value="",
    default=None,
    help="Set the login's password (given alone: prompt for it).",
)
@click.pass_obj
def team_add(context: Any, name: str, role: str, password: str | None) -> None:
    """Give NAME a role on this database, creating the login NAME if needed."""
    from claimtrack.team import Role, add_member

    if password == "":
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    with context.database.engine.begin() as connection:
        created = add_member(connection, name, Role(role), password=password)
    what = "created with" if created else "now has"
    click.echo(shown(f"{name}: login {what} the {role} role"))


@team.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def team_list(context: Any, as_json: bool) -> None:
    """The logins on the team and their roles."""
    from claimtrack.team import members

    with context.database.engine.connect() as connection:
        found = members(connection)
    for member in found:
        if as_json:
            click.echo(json_line(json.dumps({"name": member.name, "role": member.role.value})))
        else:
            click.echo(shown(f"{member.name:<24} {member.role.value}"))
    if not found and not as_json:
        click.echo("nobody yet (claimtrack team add NAME --role reviewer)")


@team.command("remove")
@click.argument("name")
@click.option("--drop-login", is_flag=True, help="Drop the login role as well.")
@click.pass_obj
def team_remove(context: Any, name: str, drop_login: bool) -> None:
    """Take NAME off the team (its past actions stay in the audit trail)."""
    from claimtrack.team import remove_member

    with context.database.engine.begin() as connection:
        remove_member(connection, name, drop_login=drop_login)
    click.echo(
        shown(f"{name}: removed from the team{' and the login dropped' if drop_login else ''}")
    )
