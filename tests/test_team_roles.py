"""A team on PostgreSQL: roles the database and the service enforce, actors nobody can forge.

Each test makes its own logins (cluster-wide, so uniquely named) and drops them;
the group roles of migration 0008 are named after the test's schema and
dropped with it (conftest).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from claimtrack import service
from claimtrack.cli import cli
from claimtrack.db import Database, open_database
from claimtrack.team import PermissionDenied, Role, add_member

pytestmark = pytest.mark.postgres

DRONES = "Ukraine plans to produce 600–800 interceptor drones per day"


@pytest.fixture
def team_db(database_url: str) -> Iterator[tuple[str, Callable[[Role], str]]]:
    """(the owner's URL, make_login(role) -> that login's URL) on a fresh PostgreSQL schema."""
    if not database_url.startswith("postgresql"):
        pytest.skip("roles exist on PostgreSQL only")
    owner = open_database(database_url)
    made: list[str] = []

    def make_login(role: Role) -> str:
        name = f"ct_{uuid.uuid4().hex[:10]}_{role.value}"
        with owner.engine.begin() as connection:
            add_member(connection, name, role)
        made.append(name)
        return make_url(database_url).set(username=name).render_as_string(hide_password=False)

    try:
        yield database_url, make_login
    finally:
        owner.dispose()
        engine = create_engine(make_url(database_url).set(query={}), isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            for name in made:
                connection.execute(text(f'DROP ROLE IF EXISTS "{name}"'))
        engine.dispose()


def _run(url: str, *args: str, user: str | None = None) -> Result:
    options = ["--user", user] if user else []
    env = {"CLAIMTRACK_USER": ""}
    return CliRunner().invoke(cli, ["--db", url, *options, *args], env=env)


def _one_line_refusal(result: Result, *words: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.stderr.strip().count("\n") == 0, result.stderr
    assert "Traceback" not in result.output
    for word in words:
        assert word in result.stderr, result.stderr


def _rated_claim(url: str, text: str = DRONES) -> int:
    """A claim with a source and a verdict, ready to conclude, made by the owner."""
    database = open_database(url)
    try:
        with database.transaction() as session:
            claim = service.add_claim(session, "owner", text)
            service.add_source(session, "owner", claim.id, "https://example.org/a")
            service.set_verdict(session, "owner", claim.id, "half_true")
            return claim.id
    finally:
        database.dispose()


def test_a_reviewer_works_a_claim_but_is_refused_editors_acts_in_one_line(team_db):
    owner_url, make_login = team_db
    claim_id = _rated_claim(owner_url)
    reviewer = make_login(Role.REVIEWER)
    # a reviewer triages, adds sources, notes, follow-ups and proposes verdicts
    assert _run(reviewer, "notes", "add", str(claim_id), "seen").exit_code == 0
    assert _run(reviewer, "sources", "add", str(claim_id), "https://example.org/b").exit_code == 0
    assert (
        _run(reviewer, "followups", "add", str(claim_id), "x", "--due", "2030-01-01").exit_code == 0
    )
    assert _run(reviewer, "claims", "set", str(claim_id), "--verdict", "false").exit_code == 0
    # but concluding, changing a setting, merging and publishing are refused, each in one line
    _one_line_refusal(
        _run(reviewer, "claims", "set", str(claim_id), "--status", "concluded"),
        "permission denied",
        "editor role",
    )
    _one_line_refusal(
        _run(reviewer, "settings", "organisation", "Desk"), "changing a team setting", "editor"
    )
    second = _rated_claim(owner_url, DRONES + " by May")  # another claim, to merge
    _one_line_refusal(
        _run(reviewer, "claims", "merge", str(claim_id), str(second)), "merging claims", "editor"
    )
    _one_line_refusal(_run(reviewer, "report", "--format", "claimreview"), "publishing", "editor")
    _one_line_refusal(_run(reviewer, "team", "add", "someone"), "managing the team", "admin")


def test_the_database_itself_refuses_a_reviewer_who_bypasses_the_service(team_db):
    owner_url, make_login = team_db
    claim_id = _rated_claim(owner_url)
    other_id = _rated_claim(owner_url, DRONES + " by May")
    reviewer = Database(make_login(Role.REVIEWER))
    try:
        # the DELETE is refused by the grants, before the append-only trigger
        refusals = {
            "settings": "INSERT INTO settings (key, value) VALUES ('organisation', 'x')",
            "conclude": f"UPDATE claims SET status = 'concluded' WHERE id = {claim_id}",
            "merge": f"UPDATE claims SET merged_into_id = {claim_id} WHERE id = {other_id}",
            "history": "DELETE FROM events",
        }
        for statement in refusals.values():
            with (
                pytest.raises(PermissionDenied, match="permission denied"),
                reviewer.transaction() as session,
            ):
                session.execute(text(statement))
        with reviewer.transaction() as session:  # what a reviewer may do, the database allows
            session.execute(text(f"UPDATE claims SET assignee = 'me' WHERE id = {claim_id}"))
    finally:
        reviewer.dispose()


def test_an_editor_concludes_and_changes_settings_but_does_not_manage_the_team(team_db):
    owner_url, make_login = team_db
    claim_id = _rated_claim(owner_url)
    editor = make_login(Role.EDITOR)
    assert _run(editor, "claims", "set", str(claim_id), "--status", "concluded").exit_code == 0
    assert _run(editor, "settings", "organisation", "Desk").exit_code == 0
    assert _run(editor, "settings", "site_url", "https://desk.example.org/").exit_code == 0
    published = _run(editor, "report", "--format", "claimreview")
    assert published.exit_code == 0, published.output
    _one_line_refusal(_run(editor, "team", "add", "someone"), "managing the team", "admin role")


def test_an_admin_adds_lists_and_removes_people(team_db):
    _, make_login = team_db
    admin = make_login(Role.ADMIN)
    name = f"ct_{uuid.uuid4().hex[:10]}_new"
    try:
        added = _run(admin, "team", "add", name, "--role", "editor")
        assert added.exit_code == 0, added.output
        listed = _run(admin, "team", "list").stdout.split("\n")
        assert any(line.split() == [name, "editor"] for line in listed), listed
        assert _run(admin, "team", "remove", name, "--drop-login").exit_code == 0
        assert name not in _run(admin, "team", "list").stdout
    finally:
        engine = create_engine(make_url(admin).set(username="root", query={}))
        with engine.begin() as connection:
            connection.execute(text(f'DROP ROLE IF EXISTS "{name}"'))
        engine.dispose()


def _actors(url: str) -> list[str]:
    database = Database(url)
    try:
        with database.read() as session:
            return list(session.scalars(text("SELECT actor FROM events ORDER BY id")))
    finally:
        database.dispose()


def test_raw_sql_cannot_write_an_event_with_another_actor(team_db):
    owner_url, make_login = team_db
    claim_id = _rated_claim(owner_url)
    reviewer_url = make_login(Role.REVIEWER)
    login = make_url(reviewer_url).username
    reviewer = Database(reviewer_url)
    try:
        # when a reviewer inserts an event naming someone else
        with reviewer.transaction() as session:
            session.execute(
                text("INSERT INTO events (at, actor, action) VALUES (now(), 'the editor', 'x')")
            )
        # even claiming to restore, and naming someone else as a note's author
        with reviewer.transaction() as session:
            session.execute(text("SET LOCAL claimtrack.restore = 'on'"))
            session.execute(
                text("INSERT INTO events (at, actor, action) VALUES (now(), 'the editor', 'y')")
            )
            session.execute(
                text(
                    "INSERT INTO notes (claim_id, author, text, created_at)"
                    f" VALUES ({claim_id}, 'the editor', 'n', now())"
                )
            )
    finally:
        reviewer.dispose()
    # then the database stamped the login every time
    assert _actors(owner_url)[-2:] == [login, login]
    owner = Database(owner_url)
    try:
        with owner.read() as session:
            authors = session.scalars(text("SELECT author FROM notes")).all()
    finally:
        owner.dispose()
    assert authors == [login]


def test_user_is_refused_for_a_reviewer_and_recorded_on_behalf_for_an_admin(team_db):
    owner_url, make_login = team_db
    claim_id = _rated_claim(owner_url)
    reviewer, admin = make_login(Role.REVIEWER), make_login(Role.ADMIN)
    _one_line_refusal(
        _run(reviewer, "notes", "add", str(claim_id), "as bob", user="bob"),
        "--user bob",
        "only an admin",
    )
    assert _run(reviewer, "notes", "add", str(claim_id), "as me").exit_code == 0
    assert _run(admin, "notes", "add", str(claim_id), "for bob", user="bob").exit_code == 0
    reviewer_login, admin_login = make_url(reviewer).username, make_url(admin).username
    assert _actors(owner_url)[-2:] == [reviewer_login, f"{admin_login} on behalf of bob"]


def test_an_admin_restoring_keeps_the_original_actors(team_db):
    # given an admin copying history in (claimtrack.restore, as `db copy` may)
    owner_url, make_login = team_db
    admin = Database(make_login(Role.ADMIN))
    try:
        with admin.transaction() as session:
            session.execute(text("SET LOCAL claimtrack.restore = 'on'"))
            session.execute(
                text("INSERT INTO events (at, actor, action) VALUES (now(), 'alice', 'create')")
            )
    finally:
        admin.dispose()
    assert _actors(owner_url)[-1] == "alice"
