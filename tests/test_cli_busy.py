"""A write while another program holds SQLite's write lock: one line, exit 1, nothing written."""

from __future__ import annotations

import sqlite3

from click.testing import CliRunner

import claimtrack.db
from claimtrack.cli import cli


def test_a_write_while_the_database_is_locked_is_one_line_and_exit_1(tmp_path, monkeypatch):
    monkeypatch.setattr(claimtrack.db, "BUSY_TIMEOUT_MS", 50)  # give up at once, not after 10 s
    db = tmp_path / "busy.db"

    def run(*args: str):
        return CliRunner().invoke(cli, ["--db", str(db), "--user", "alice", *args])

    assert run("db", "upgrade").exit_code == 0
    assert run("claims", "add", "Exports rose 5% in 2025.").exit_code == 0
    blocker = sqlite3.connect(db, isolation_level=None)
    try:
        blocker.execute("BEGIN IMMEDIATE")  # another program is writing
        result = run("claims", "add", "Imports fell 3% in 2025.")
        blocker.execute("ROLLBACK")
    finally:
        blocker.close()
    assert result.exit_code == 1, (result.output, result.exception)
    [line] = result.stderr.strip().splitlines()
    assert "database is busy" in line and "try again" in line
    listed = run("claims", "list", "--json")
    assert listed.exit_code == 0 and len(listed.stdout.strip().splitlines()) == 1
