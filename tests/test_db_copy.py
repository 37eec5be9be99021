"""`claimtrack db copy`: a lossless move between SQLite and PostgreSQL (issue 14, point 7).

The round trip goes SQLite → the database under test (PostgreSQL with the
`postgres` marker) → a new SQLite file, and must give back the same rows,
ids, audit trail and export.
"""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from claimtrack import service
from claimtrack.cli import cli
from claimtrack.db import Database, open_database
from claimtrack.dbcopy import copy_database, verify
from claimtrack.models import Base, Claim, Event, SuggestedMatch


@pytest.fixture
def worked_on(demo_copy, tmp_path) -> Database:
    """The demo, worked on: notes, sources, follow-ups, tags, a merge, matches, an undo."""
    database = demo_copy(tmp_path / "laptop.db")
    with database.transaction() as session:
        first, second, third = session.scalars(select(Claim.id).order_by(Claim.id).limit(3)).all()
        service.add_note(session, "olena", first, "Called the ministry; figures due Friday")
        service.add_source(session, "olena", first, "https://example.org/figures", stance="refutes")
        service.add_followup(session, "mark", second, "Ask again", dt.date(2026, 1, 5))
        service.tag(session, "mark", second, "drones")
        # A claim merged into a newer one: the copy must wait for its survivor.
        service.merge_claims(session, "editor", third, first)
        service.add_note(session, "ana", third, "Thé accent stays")
        service.set_setting(session, "editor", "require_second_reviewer", "true")
        similar = [
            "Ukraine will build 600 Piranha drones a day in Lviv by 2026, Zelensky said",
            "Zelensky said Ukraine will build 600 Piranha drones every day in Lviv by 2026",
        ]
        for wording in similar:
            claim = service.add_claim_from_text(session, "olena", wording)
            service.suggest_matches(session, "olena", claim)
        service.add_note(session, "ana", second, "A note to take back")
    with database.transaction() as session:
        service.undo(session, "ana", service.last_event_id(session))
    return database


def _counts(database: Database) -> dict[str, int]:
    with database.engine.connect() as connection:
        return {
            table.name: connection.scalar(select(func.count()).select_from(table)) or 0
            for table in Base.metadata.sorted_tables
        }


def _export(url: str) -> str:
    result = CliRunner().invoke(cli, ["--db", url, "export"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_sqlite_to_server_to_sqlite_keeps_every_row_id_actor_and_the_export(
    worked_on, database_url, tmp_path
):
    # Given: a worked-on SQLite database with notes, sources, follow-ups, tags, a merge,
    # suggested matches and history
    laptop = worked_on.url
    with worked_on.read() as session:
        assert session.scalar(select(func.count(SuggestedMatch.id)))
        assert session.scalar(select(func.count()).where(Claim.merged_into_id.is_not(None)))
        actors = set(session.scalars(select(Event.actor)))
    worked_on.dispose()
    back = f"sqlite:///{tmp_path / 'back.db'}"

    # When: copied to the database under test, and from there to a new SQLite file
    there = copy_database(laptop, database_url)
    returned = copy_database(database_url, back)

    # Then: both copies verified themselves, and every table has its rows in all three
    assert there.ok, there.mismatches
    assert returned.ok, returned.mismatches
    laptop_db, server_db, back_db = (open_database(u) for u in (laptop, database_url, back))
    try:
        assert _counts(laptop_db) == _counts(server_db) == _counts(back_db)
        assert verify(laptop_db, back_db).ok
        with server_db.read() as session:
            assert set(session.scalars(select(Event.actor))) == actors
        # The export is byte for byte the same, whichever copy it comes from.
        assert _export(laptop) == _export(database_url) == _export(back)
        assert _export(laptop).count("\n") == there.exported > 0
        # New rows on the copy get ids after the copied ones (sequences were reset).
        with server_db.transaction() as session:
            newest = session.scalar(select(func.max(Claim.id)))
            added = service.add_claim(session, "olena", "A claim written after the move")
            assert added.id > (newest or 0)
        # Search works on the copy: its full-text index was rebuilt there.
        with back_db.read() as session:
            from claimtrack.search import matches

            found = session.scalars(select(Claim.id).where(matches("accent", "sqlite"))).all()
            assert found
    finally:
        for database in (laptop_db, server_db, back_db):
            database.dispose()


def test_copy_into_a_database_holding_rows_is_refused_with_one_line(worked_on, tmp_path):
    # Given: a destination that already holds a claim
    destination = tmp_path / "busy.db"
    shutil.copyfile(worked_on.engine.url.database or "", destination)
    worked_on.dispose()
    before = _counts(open_database(f"sqlite:///{destination}"))

    # When
    result = CliRunner().invoke(cli, ["db", "copy", worked_on.url, str(destination)])

    # Then: one line naming the destination, nothing written
    assert result.exit_code == 1
    assert "not empty" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert _counts(open_database(f"sqlite:///{destination}")) == before


def test_copy_through_the_command_line_prints_counts_and_the_check(worked_on, tmp_path):
    worked_on.dispose()
    result = CliRunner().invoke(cli, ["db", "copy", worked_on.url, str(tmp_path / "new.db")])
    assert result.exit_code == 0, result.output
    assert "match the source" in result.output
    assert "claims" in result.output
