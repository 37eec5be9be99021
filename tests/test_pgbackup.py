"""`claimtrack db backup` on PostgreSQL: a pg_dump archive that holds the data, or one clear line.

Runs against the real server when CLAIMTRACK_TEST_DATABASE_URL is set (each
test in a schema of its own, which the dump is limited to).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrack import pgbackup, service
from claimtrack.cli import cli
from claimtrack.db import Database

DRONES = "Ukraine plans to produce 600–800 interceptor drones per day"


@pytest.fixture
def team_database(database: Database) -> Database:
    if database.is_sqlite:
        pytest.skip("pg_dump backs up PostgreSQL; SQLite uses its online backup")
    with database.transaction() as session:
        claim = service.add_claim(session, "alice", DRONES)
        service.add_note(session, "alice", claim.id, "Ask the ministry for monthly figures")
    return database


def backup(url: str, path: Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", url, "db", "backup", str(path)])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.skipif(shutil.which("pg_restore") is None, reason="pg_restore is not installed")
def test_the_archive_holds_the_claims_and_their_history(team_database: Database, tmp_path):
    archive = tmp_path / "team.dump"
    code, out, err = backup(team_database.url, archive)
    assert (code, err) == (0, "")
    assert out.strip() == f"backed up to {archive}"
    # pg_restore turns the custom-format archive back into SQL: the rows are in it
    restored = subprocess.run(
        ["pg_restore", "--file=-", str(archive)], capture_output=True, text=True, check=True
    ).stdout
    assert DRONES in restored
    assert "Ask the ministry for monthly figures" in restored
    schema = team_database.url.rsplit("search_path%3D", 1)[-1]
    assert f"CREATE TABLE {schema}.claims" in restored  # only this test's schema
    assert "CREATE SCHEMA public" not in restored


def test_an_existing_file_is_never_overwritten(team_database: Database, tmp_path):
    archive = tmp_path / "team.dump"
    archive.write_bytes(b"yesterday's backup")
    code, _, err = backup(team_database.url, archive)
    assert code == 1
    assert err == f"Error: {archive}: already exists; choose a new file\n"
    assert archive.read_bytes() == b"yesterday's backup"


def test_without_pg_dump_it_says_how_to_back_up(team_database: Database, tmp_path, monkeypatch):
    monkeypatch.setattr(pgbackup.shutil, "which", lambda _name: None)
    code, _, err = backup(team_database.url, tmp_path / "team.dump")
    assert code == 1
    [line] = err.splitlines()
    assert "pg_dump is not installed" in line
    assert "pg_dump --format=custom" in line
    assert "claimtrack db copy" in line
    assert not (tmp_path / "team.dump").exists()


def test_a_failed_dump_leaves_no_file(team_database: Database, tmp_path, monkeypatch):
    failing = tmp_path / "pg_dump"
    failing.write_text(
        "#!/bin/sh\necho 'pg_dump: error: connection refused' >&2\n: > \"${2#--file=}\"\nexit 1\n"
    )
    failing.chmod(0o755)
    monkeypatch.setattr(pgbackup.shutil, "which", lambda _name: str(failing))
    archive = tmp_path / "team.dump"
    code, _, err = backup(team_database.url, archive)
    assert code == 1
    assert err == f"Error: {archive}: pg_dump failed: pg_dump: error: connection refused\n"
    assert not archive.exists()
