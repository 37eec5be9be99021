"""Database fixtures: every database test runs on SQLite and, when asked, PostgreSQL.

SQLite gets a fresh file under tmp_path. PostgreSQL runs only when
CLAIMTRACK_TEST_DATABASE_URL names a server; each test then gets its own
schema (selected through `search_path` in the URL) that is dropped afterwards.

The demo database is built once per session; `demo_copy` gives a test its own
copy of the file, so tests that change it do not see each other's changes.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, settings
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import make_url

from claimtrack.config import as_url
from claimtrack.db import Database, open_database
from claimtrack.demo import build_demo

POSTGRES_ENV = "CLAIMTRACK_TEST_DATABASE_URL"
POSTGRES_SKIP = "set CLAIMTRACK_TEST_DATABASE_URL to run against PostgreSQL"

# Hypothesis's 200 ms deadline per example and its "too slow" health check both read
# the wall clock, so a busy CI machine could fail a property test that is right.
settings.register_profile("claimtrack", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("claimtrack")


def _postgres_url_with_schema(base_url: str, schema: str) -> str:
    """`base_url` with `options=-csearch_path=<schema>`, so every connection lands in it."""
    url = make_url(base_url)
    rendered = url.render_as_string(hide_password=False)
    separator = "&" if url.query else "?"
    return f"{rendered}{separator}options={quote(f'-csearch_path={schema}', safe='')}"


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
    ]
)
def database_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """The URL of an empty database, on SQLite or on a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'claimtrack.db'}"
        return
    base_url = os.environ.get(POSTGRES_ENV)
    if not base_url:
        pytest.skip(POSTGRES_SKIP)
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        yield _postgres_url_with_schema(base_url, schema)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            _drop_team_roles(connection, schema)
        admin.dispose()


def _drop_team_roles(connection, schema: str) -> None:
    """Drop the cluster-wide team roles migration 0008 named after this test's schema."""
    stem = f"{connection.execute(text('SELECT current_database()')).scalar_one()}_{schema}_"
    roles = connection.execute(
        text("SELECT rolname FROM pg_roles WHERE starts_with(rolname, :stem)"), {"stem": stem}
    ).scalars()
    for role in list(roles):
        connection.execute(text(f'DROP ROLE IF EXISTS "{role}"'))


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    """A database upgraded to the newest schema."""
    db = open_database(database_url)
    try:
        yield db
    finally:
        db.dispose()


_SIDECARS = ("-wal", "-shm", "-journal")


def _build_demo_file(path: Path) -> Path:
    """Build the demo at `path` and leave it whole in that one file, every connection closed."""
    build_demo(path).dispose()
    # Closing the last connection checkpoints the WAL into the file; make sure of it.
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    return path


@pytest.fixture(scope="session")
def demo_copy(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Path], Database]:
    """Open a private copy of the demo database at a path; the demo is built on first use."""
    built: list[Path] = []

    def copy(path: Path) -> Database:
        if not built:
            built.append(_build_demo_file(tmp_path_factory.mktemp("demo") / "demo.db"))
        template = built[0]
        shutil.copyfile(template, path)
        for suffix in _SIDECARS:  # none after the checkpoint; copied should one remain
            sidecar = template.with_name(template.name + suffix)
            if sidecar.exists():
                shutil.copyfile(sidecar, path.with_name(path.name + suffix))
        return open_database(as_url(str(path)))

    return copy


@contextmanager
def _statements_sent(database: Database) -> Iterator[list[str]]:
    """Every SQL statement the database's engine sends while the block runs."""
    sent: list[str] = []

    def keep(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        sent.append(statement)

    event.listen(database.engine, "before_cursor_execute", keep)
    try:
        yield sent
    finally:
        event.remove(database.engine, "before_cursor_execute", keep)


@pytest.fixture
def sql_sent() -> Callable[[Database], AbstractContextManager[list[str]]]:
    """`with sql_sent(database) as statements:` collects what the block sends."""
    return _statements_sent
