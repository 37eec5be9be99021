"""Database fixtures: every database test runs on SQLite and, when asked, PostgreSQL.

SQLite gets a fresh file under tmp_path. PostgreSQL runs only when
CLAIMTRACK_TEST_DATABASE_URL names a server; each test then gets its own
schema (selected through `search_path` in the URL) that is dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from urllib.parse import quote

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from claimtrack.db import Database, open_database

POSTGRES_ENV = "CLAIMTRACK_TEST_DATABASE_URL"
POSTGRES_SKIP = "set CLAIMTRACK_TEST_DATABASE_URL to run against PostgreSQL"


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
        admin.dispose()


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    """A database upgraded to the newest schema."""
    db = open_database(database_url)
    try:
        yield db
    finally:
        db.dispose()
