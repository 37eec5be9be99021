"""SQLite's planner gets statistics after the commands that add rows: imports, the demo, upgrades."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from click.testing import CliRunner

from claimtrack import service
from claimtrack.cli import cli
from claimtrack.db import open_database

ARTICLE = "Ukraine plans to produce 600–800 interceptor drones per day, the minister said.\n"


def analysed_tables(db: Path) -> set[str]:
    connection = sqlite3.connect(db)
    try:
        if not connection.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'"
        ).fetchone():
            return set()
        return {table for (table,) in connection.execute("SELECT tbl FROM sqlite_stat1")}
    finally:
        connection.close()


def test_an_import_leaves_statistics_for_the_claims_indexes(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "a.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "--user", "ana", "import", str(article)])
    assert result.exit_code == 0, result.output
    assert {"claims", "appearances", "quantities"} <= analysed_tables(db)


def test_a_dry_run_writes_no_statistics(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "a.db"
    open_database(f"sqlite:///{db}").dispose()
    with sqlite3.connect(db) as connection:
        connection.execute("DELETE FROM sqlite_stat1")
    result = CliRunner().invoke(
        cli, ["--db", str(db), "--user", "ana", "import", "--dry-run", str(article)]
    )
    assert result.exit_code == 0, result.output
    assert analysed_tables(db) == set()


def test_db_upgrade_gives_statistics_to_a_database_that_had_none(tmp_path):
    db = tmp_path / "u.db"
    database = open_database(f"sqlite:///{db}")
    with database.transaction() as session:
        service.add_claim(session, "ana", ARTICLE.strip())
    database.dispose()
    with sqlite3.connect(db) as connection:
        connection.execute("DELETE FROM sqlite_stat1")  # as an older claimtrack left it
    result = CliRunner().invoke(cli, ["--db", str(db), "db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert "claims" in analysed_tables(db)
