"""The schema as the migrations build it: drift, round trips, guards, SQLite settings."""

from __future__ import annotations

import ast
import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, insert, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from claimtrack.db import Database, head_revision, migrations_path, open_database
from claimtrack.errors import ClaimtrackError, SchemaTooNew
from claimtrack.models import Base, Claim, Document, Event, Source

NOW = dt.datetime(2025, 11, 3, 12, 0, tzinfo=dt.UTC)
CLAIM_TEXT = "Ukraine plans to produce 600–800 interceptor drones per day"


def _env_include_name() -> Any:
    """`include_name` exactly as migrations/env.py defines it.

    env.py runs the migrations when imported, so its filter is compiled on its own.
    """
    tree = ast.parse((migrations_path() / "env.py").read_text(encoding="utf-8"))
    wanted = [
        node
        for node in tree.body
        if (isinstance(node, ast.FunctionDef) and node.name == "include_name")
        or (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "FTS_PREFIXES" for t in node.targets)
        )
    ]
    namespace: dict[str, Any] = {}
    exec(compile(ast.Module(body=wanted, type_ignores=[]), "env.py", "exec"), namespace)
    return namespace["include_name"]


def _insert_claim_with_history(connection: Connection) -> None:
    """A document, a claim seen in it, a source and an audit event, written with Core."""
    connection.execute(
        insert(Document.__table__).values(
            id=1, title="Drone plans", text=CLAIM_TEXT, sha256="a" * 64, imported_at=NOW
        )
    )
    connection.execute(
        insert(Claim.__table__).values(
            id=1,
            text=CLAIM_TEXT,
            normalized=CLAIM_TEXT.lower(),
            kind="quantity",
            score=0.9,
            status="new",
            created_at=NOW,
            updated_at=NOW,
            version=1,
        )
    )
    connection.execute(
        insert(Source.__table__).values(
            id=1,
            claim_id=1,
            url="https://example.org/report",
            stance="supports",
            reliability="credible",
            added_by="alice",
            added_at=NOW,
        )
    )
    connection.execute(
        insert(Event.__table__).values(
            id=1, claim_id=1, at=NOW, actor="alice", action="claim.add", new={"text": CLAIM_TEXT}
        )
    )


def _row_counts(database: Database) -> dict[str, int]:
    with database.engine.connect() as connection:
        return {
            table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
            for table in (Document.__table__, Claim.__table__, Source.__table__, Event.__table__)
        }


def _table_names(database: Database) -> set[str]:
    from sqlalchemy import inspect

    return set(inspect(database.engine).get_table_names())


@pytest.fixture
def sqlite_database(tmp_path: Path):
    db = open_database(f"sqlite:///{tmp_path / 'claimtrack.db'}")
    yield db
    db.dispose()


# --- drift ---------------------------------------------------------------------------


def test_given_migrated_database_when_compared_with_models_then_no_difference(database):
    include_name = _env_include_name()
    with database.engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "include_name": include_name,
                "compare_type": True,
                "target_metadata": Base.metadata,
            },
        )
        differences = compare_metadata(context, Base.metadata)

    assert differences == []


def test_given_fresh_database_when_opened_then_it_is_stamped_at_head(database):
    assert database.current_revision() == head_revision()


# --- round trips ---------------------------------------------------------------------


def test_given_rows_when_downgraded_to_0001_and_upgraded_then_rows_survive(database):
    with database.engine.begin() as connection:
        _insert_claim_with_history(connection)
    before = _row_counts(database)

    database.downgrade("0001")
    after_downgrade = _row_counts(database)
    database.upgrade()

    assert before == {"documents": 1, "claims": 1, "sources": 1, "events": 1}
    assert after_downgrade == before
    assert _row_counts(database) == before
    assert database.current_revision() == head_revision()


def test_given_rows_when_downgraded_to_base_then_schema_is_gone(database):
    with database.engine.begin() as connection:
        _insert_claim_with_history(connection)

    database.downgrade("base")

    assert database.current_revision() is None
    assert _table_names(database) <= {"alembic_version"}


def test_given_database_downgraded_to_base_when_upgraded_then_schema_is_back_and_empty(database):
    with database.engine.begin() as connection:
        _insert_claim_with_history(connection)
    database.downgrade("base")

    database.upgrade()

    assert database.current_revision() == head_revision()
    assert _row_counts(database) == {"documents": 0, "claims": 0, "sources": 0, "events": 0}


def test_given_claims_before_0002_when_upgraded_then_search_index_holds_them(sqlite_database):
    sqlite_database.downgrade("0001")
    with sqlite_database.engine.begin() as connection:
        _insert_claim_with_history(connection)

    sqlite_database.upgrade()

    with sqlite_database.engine.connect() as connection:
        found = connection.execute(
            text("SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'interceptor'")
        ).scalars()
        assert list(found) == [1]


def test_given_claim_at_0003_when_upgraded_then_it_is_kept_with_an_unknown_speaker_type(database):
    # given a database at 0003 (no speaker_type column) holding a claim
    database.downgrade("0003")
    with database.engine.begin() as connection:
        _insert_claim_with_history(connection)
        connection.execute(text("UPDATE claims SET speaker = 'Anna Kowal' WHERE id = 1"))
    # when
    database.upgrade()
    # then the claim, its speaker and its history are all there; the type is unknown
    assert database.current_revision() == head_revision()
    assert _row_counts(database) == {"documents": 1, "claims": 1, "sources": 1, "events": 1}
    with database.engine.connect() as connection:
        row = connection.execute(text("SELECT text, speaker, speaker_type FROM claims")).one()
    assert tuple(row) == (CLAIM_TEXT, "Anna Kowal", None)


def test_given_events_at_0004_when_upgraded_then_each_is_kept_in_no_batch(database):
    # given a database at 0004 (events have no batch column) holding a claim's history
    database.downgrade("0004")
    with database.engine.begin() as connection:
        _insert_claim_with_history(connection)
    # when
    database.upgrade()
    # then the event is there, alone in its group (NULL batch), and new events can batch
    assert database.current_revision() == head_revision()
    assert _row_counts(database) == {"documents": 1, "claims": 1, "sources": 1, "events": 1}
    with database.engine.begin() as connection:
        assert connection.execute(text("SELECT action, batch FROM events")).one() == (
            "claim.add",
            None,
        )
        connection.execute(
            insert(Event.__table__).values(
                id=2, claim_id=1, at=NOW, actor="bob", action="tag", new="drones", batch="b" * 32
            )
        )
        assert (
            connection.execute(
                text("SELECT count(*) FROM events WHERE batch IS NOT NULL")
            ).scalar_one()
            == 1
        )


def test_given_dates_and_quantities_at_0005_when_upgraded_then_dates_get_periods(database):
    # given a database at 0005 holding a claim with a quantity and three dates
    database.downgrade("0005")
    with database.engine.begin() as connection:
        _insert_claim_with_history(connection)
        connection.execute(
            text(
                "INSERT INTO quantities (claim_id, low, high, unit, per, approximate, text) "
                "VALUES (1, 600, 800, 'drones', 'day', false, '600-800 drones a day')"
            )
        )
        for text_, day, role, precision in (
            ("on 3 November", "2025-11-03", "mentioned", "day"),
            ("by February", "2026-02-28", "deadline", "month"),
            ("in 2024", "2024-01-01", "mentioned", "year"),
        ):
            connection.execute(
                text(
                    "INSERT INTO date_refs (claim_id, text, date, role, precision, year_inferred)"
                    " VALUES (1, :text, :date, :role, :precision, false)"
                ),
                {"text": text_, "date": day, "role": role, "precision": precision},
            )
    # when
    database.upgrade()
    # then every row is kept; each date is bounded by its period; quantities are unconverted
    assert database.current_revision() == head_revision()
    with database.engine.begin() as connection:
        periods = connection.execute(
            text("SELECT text, first_day, last_day, ambiguous FROM date_refs ORDER BY id")
        ).all()
        assert [(t, str(f), str(last), bool(a)) for t, f, last, a in periods] == [
            ("on 3 November", "2025-11-03", "2025-11-03", False),
            ("by February", "2026-02-01", "2026-02-28", False),
            ("in 2024", "2024-01-01", "2024-12-31", False),
        ]
        quantity = connection.execute(
            text("SELECT low, high, dimension, si_low, ambiguous FROM quantities")
        ).one()
        assert tuple(quantity) == (600, 800, None, None, False)
        # the new precisions are allowed, and a made-up one is still refused
        connection.execute(text("UPDATE date_refs SET precision = 'quarter' WHERE id = 1"))
    with pytest.raises(DBAPIError, match="precision"), database.engine.begin() as connection:
        connection.execute(text("UPDATE date_refs SET precision = 'fortnight'"))


def test_given_speaker_type_when_not_person_or_organisation_then_database_refuses(database):
    with database.engine.begin() as connection:
        _insert_claim_with_history(connection)
        connection.execute(text("UPDATE claims SET speaker_type = 'organisation' WHERE id = 1"))

    with pytest.raises(DBAPIError, match="speaker_type"), database.engine.begin() as connection:
        connection.execute(text("UPDATE claims SET speaker_type = 'robot' WHERE id = 1"))


# --- newer schema --------------------------------------------------------------------


def test_given_database_stamped_by_newer_claimtrack_when_opened_then_refused(database_url):
    database = open_database(database_url)
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    database.dispose()

    with pytest.raises(SchemaTooNew) as refused:
        open_database(database_url)

    message = str(refused.value)
    assert "9999_future" in message
    assert "newer" in message
    assert head_revision() in message


# --- SQLite settings -----------------------------------------------------------------


def test_given_sqlite_file_when_opened_then_journal_is_wal(sqlite_database):
    with sqlite_database.engine.connect() as connection:
        mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar_one()

    assert mode.lower() == "wal"


def test_given_sqlite_file_when_opened_then_foreign_keys_are_enforced(sqlite_database):
    with sqlite_database.engine.connect() as connection:
        enabled = connection.exec_driver_sql("PRAGMA foreign_keys").scalar_one()

    assert enabled == 1


def test_given_sqlite_file_when_opened_then_busy_timeout_is_set(sqlite_database):
    with sqlite_database.engine.connect() as connection:
        timeout = connection.exec_driver_sql("PRAGMA busy_timeout").scalar_one()

    assert timeout > 0


# --- full-text search ----------------------------------------------------------------


def test_given_new_claim_when_searched_by_word_then_found(sqlite_database):
    with sqlite_database.engine.begin() as connection:
        _insert_claim_with_history(connection)

    with sqlite_database.engine.connect() as connection:
        found = connection.execute(
            text("SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'interceptor'")
        ).scalars()
        assert list(found) == [1]


def test_given_claim_text_changed_when_searched_by_old_word_then_not_found(sqlite_database):
    with sqlite_database.engine.begin() as connection:
        _insert_claim_with_history(connection)
        connection.execute(text("UPDATE claims SET text = 'Tank output doubled' WHERE id = 1"))

    with sqlite_database.engine.connect() as connection:
        old = connection.execute(
            text("SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'interceptor'")
        ).all()
        new = connection.execute(
            text("SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'tank'")
        ).scalars()
        assert old == []
        assert list(new) == [1]


# --- audit trail ---------------------------------------------------------------------


def test_given_event_when_updated_then_database_refuses(database):
    with database.engine.begin() as connection:
        _insert_claim_with_history(connection)

    with pytest.raises(DBAPIError, match="append-only"), database.engine.begin() as connection:
        connection.execute(text("UPDATE events SET actor = 'mallory' WHERE id = 1"))


def test_given_event_when_deleted_then_database_refuses(database):
    with database.engine.begin() as connection:
        _insert_claim_with_history(connection)

    with pytest.raises(DBAPIError, match="append-only"), database.engine.begin() as connection:
        connection.execute(text("DELETE FROM events WHERE id = 1"))


def test_given_refused_event_update_when_read_back_then_event_is_unchanged(database):
    with database.engine.begin() as connection:
        _insert_claim_with_history(connection)
    with pytest.raises(DBAPIError), database.engine.begin() as connection:
        connection.execute(text("UPDATE events SET actor = 'mallory' WHERE id = 1"))

    with database.engine.connect() as connection:
        actor = connection.execute(text("SELECT actor FROM events WHERE id = 1")).scalar_one()
    assert actor == "alice"


# --- backup --------------------------------------------------------------------------


def test_given_database_with_claim_when_backed_up_then_copy_holds_it(sqlite_database, tmp_path):
    with sqlite_database.engine.begin() as connection:
        _insert_claim_with_history(connection)
    copy = tmp_path / "backup.db"

    sqlite_database.backup(copy)

    with sqlite3.connect(copy) as raw:
        texts = [row[0] for row in raw.execute("SELECT text FROM claims")]
    assert texts == [CLAIM_TEXT]


def test_given_backup_when_opened_as_database_then_schema_is_current(sqlite_database, tmp_path):
    copy = tmp_path / "backup.db"
    sqlite_database.backup(copy)

    restored = open_database(f"sqlite:///{copy}")
    try:
        assert restored.current_revision() == head_revision()
    finally:
        restored.dispose()


def test_given_missing_folder_when_backed_up_then_one_clear_error_and_no_file(
    sqlite_database, tmp_path
):
    destination = tmp_path / "missing" / "backup.db"

    with pytest.raises(ClaimtrackError, match="no such folder"):
        sqlite_database.backup(destination)

    assert not (tmp_path / "missing").exists()


def test_given_completed_backup_then_no_partial_file_is_left(sqlite_database, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()

    sqlite_database.backup(folder / "backup.db")

    assert [path.name for path in folder.iterdir()] == ["backup.db"]


def test_the_head_constant_names_the_newest_migration() -> None:
    """Opening compares against HEAD_REVISION; a new migration must move it too."""
    from claimtrack.db import HEAD_REVISION, head_revision

    assert head_revision() == HEAD_REVISION


def test_opening_a_current_database_does_not_import_alembic(tmp_path) -> None:
    """Alembic is loaded only when a schema must change (start-up cost, issue 17)."""
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path / 'current.db'}"
    probe = (
        "import sys; from claimtrack.db import open_database; "
        "open_database(sys.argv[1]).dispose(); print('alembic' in sys.modules)"
    )
    first = subprocess.run([sys.executable, "-c", probe, url], capture_output=True, text=True)
    again = subprocess.run([sys.executable, "-c", probe, url], capture_output=True, text=True)
    assert (first.stdout.strip(), again.stdout.strip()) == ("True", "False"), (
        first.stderr + again.stderr
    )
