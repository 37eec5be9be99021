"""Connecting a team to PostgreSQL: URLs as people write them, a missing driver, `db doctor`."""

from __future__ import annotations

import sys

import pytest
from click.testing import CliRunner, Result

from claimtrack.cli import cli
from claimtrack.config import as_url
from claimtrack.db import head_revision


def _run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=True)


@pytest.mark.parametrize(
    ("written", "url"),
    [
        ("postgres://ana@db.example/claims", "postgresql+psycopg://ana@db.example/claims"),
        ("postgresql://ana@db.example/claims", "postgresql+psycopg://ana@db.example/claims"),
        ("postgresql+psycopg://ana@db/claims", "postgresql+psycopg://ana@db/claims"),
        ("sqlite:////tmp/x.db", "sqlite:////tmp/x.db"),
    ],
)
def test_postgres_urls_as_libpq_writes_them_use_the_installed_driver(written: str, url: str):
    # given a URL in the spelling of psql or a hosting provider, then psycopg 3 opens it
    assert as_url(written) == url


def test_a_missing_driver_is_one_line_naming_the_install_command(monkeypatch):
    # given psycopg cannot be imported (None in sys.modules makes `import psycopg` fail)
    monkeypatch.setitem(sys.modules, "psycopg", None)
    # when a command opens a PostgreSQL database
    result = _run("--db", "postgres://root@127.0.0.1/test", "claims", "list")
    # then one line says what to install, exit 1, no traceback
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0, result.stderr
    assert 'pip install "claimtrack[postgres]"' in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_doctor_reports_an_sqlite_file_and_its_schema(tmp_path):
    # given a database file upgraded to the newest schema
    path = tmp_path / "team.db"
    assert _run("--db", str(path), "db", "upgrade").exit_code == 0
    # when the doctor looks at it
    result = _run("--db", str(path), "db", "doctor")
    # then it names the engine, the file, WAL, the search index and an up-to-date schema
    assert result.exit_code == 0, result.output
    lines = dict(line.split(":", 1) for line in result.stdout.splitlines())
    assert lines["server"].strip().startswith("SQLite 3.")
    assert lines["file"].strip() == str(path)
    assert lines["journal"].strip() == "wal"
    assert "FTS5" in lines["search"]
    assert lines["schema"].strip() == f"{head_revision()} (up to date)"


def test_doctor_does_not_create_or_migrate_what_it_looks_at(tmp_path):
    # given an empty database file, then the doctor says so and leaves it empty
    path = tmp_path / "empty.db"
    first = _run("--db", str(path), "db", "doctor")
    assert "schema:     empty" in first.stdout
    assert "empty" in _run("--db", str(path), "db", "current").stdout


@pytest.mark.postgres
def test_doctor_reports_the_server_login_roles_and_extensions(database_url):
    # given a PostgreSQL database at the newest schema
    if not database_url.startswith("postgresql"):
        pytest.skip("the PostgreSQL variant")
    assert _run("--db", database_url, "db", "upgrade").exit_code == 0
    result = _run("--db", database_url, "db", "doctor")
    assert result.exit_code == 0, result.output
    lines = dict(line.split(":", 1) for line in result.stdout.splitlines())
    # then the server version, the login with its roles, the extensions and the schema
    assert lines["server"].strip().startswith("PostgreSQL ")
    assert "member of" in lines["login"]
    assert "plpgsql" in lines["extensions"]
    assert lines["schema"].strip() == f"{head_revision()} (up to date)"
