"""Reads without the ORM (reads.py, tables.py): the same claims, counts and records as the ORM's.

`claims list` reads through Core so that it starts without `sqlalchemy.orm`
(issue 17). Its page must be the ORM listing's page, record for record, for
every filter, on SQLite and PostgreSQL; and the Core tables must describe the
models' columns.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrack import queries, reads, service, tables
from claimtrack.cli import cli
from claimtrack.db import Database
from claimtrack.importers.documents import import_text
from claimtrack.importers.records import import_records
from claimtrack.models import Base
from claimtrack.serialise import claim_record, listed_record

ARTICLE = (
    "Drone plans\n\n"
    "Ukraine will produce 600–800 interceptor drones per day by the end of the year, "
    "the minister said.\n\n"
    "The ministry said exports rose 12% in 2024."
)
TODAY = dt.date(2026, 6, 1)


def _record(n: int) -> str:
    return json.dumps(
        {
            "text": f"The council will build {100 + n} homes in district {n} by 2028.",
            "kind": "commitment",
            "score": round(0.3 + (n % 7) / 10, 2),
            "speaker": "the council" if n % 2 else "the mayor",
            "status": ("new", "in_progress", "needs_review")[n % 3],
            "tags": ["housing", "Budget"] if n % 3 == 0 else ["housing"] if n % 3 == 1 else [],
            "sources": [{"url": f"https://example.org/{n}/{k}"} for k in range(n % 3)],
            "followups": [
                {"text": "Ask again", "due": "2026-03-01", "done": n % 4 == 0},
                {"text": "Check the count", "due": "2026-09-30"},
            ]
            if n % 2
            else [],
        }
    )


@pytest.fixture
def claims_db(database: Database) -> Database:
    """Claims with tags, sources, open and done follow-ups, a deadline, a note, a merge, the trash."""
    summary = import_records(database, "ana", [_record(n) + "\n" for n in range(12)])
    assert summary.ok, summary.errors
    with database.transaction() as session:
        import_text(session, "ana", ARTICLE, published=dt.date(2025, 11, 3))
    with database.read() as session:
        ids = [c.id for c in queries.list_claims(session, reads.ClaimFilter(), limit=None)]
    with database.transaction() as session:
        service.add_note(session, "ana", ids[2], "the minister repeated it")
        service.merge_claims(session, "ana", ids[0], ids[1])
        service.delete_claim(session, "ana", ids[3])
    return database


FILTERS = [
    reads.ClaimFilter(),
    reads.ClaimFilter(status="new"),
    reads.ClaimFilter(tag="BUDGET"),
    reads.ClaimFilter(search="minister"),
    reads.ClaimFilter(search="council homes"),
    reads.ClaimFilter(overdue_on=TODAY),
    reads.ClaimFilter(assignee="nobody"),
]


@pytest.mark.parametrize("where", FILTERS, ids=lambda w: w.describe() or "all")
@pytest.mark.parametrize("limit", [3, 50])
def test_the_core_page_is_the_orm_page_record_for_record(claims_db, where, limit) -> None:
    with claims_db.read() as session:
        expected = [claim_record(c) for c in queries.list_claims(session, where, limit=limit)]
        expected_total = reads.count_claims(session, where)
    with claims_db.engine.connect() as connection:
        listed = [listed_record(c) for c in reads.listed_claims(connection, where, limit=limit)]
        total = reads.count_claims(connection, where)
    assert listed == expected
    assert total == expected_total


def test_the_fixture_holds_what_the_records_count(claims_db) -> None:
    # The comparison above is only as good as the parts it compares.
    with claims_db.engine.connect() as connection:
        listed = reads.listed_claims(connection, reads.ClaimFilter(), limit=100)
    assert {c.sources for c in listed} >= {0, 1, 2}
    assert any(c.deadline for c in listed) and any(c.next_due for c in listed)
    assert any(len(c.tags) == 2 for c in listed)


def test_claims_list_prints_the_orm_records(claims_db) -> None:
    # Through the command, on either database (the PostgreSQL run reads a PostgreSQL URL).
    result = CliRunner().invoke(
        cli, ["--db", claims_db.url, "claims", "list", "--limit", "4", "--json", "--tag", "housing"]
    )
    assert result.exit_code == 0, result.output
    with claims_db.read() as session:
        found = queries.list_claims(session, reads.ClaimFilter(tag="housing"), limit=4)
        expected = [claim_record(c) for c in found]
    assert [json.loads(line) for line in result.stdout.splitlines()] == expected
    assert result.stderr.startswith("4 of ")


def test_every_demo_claim_lists_as_the_orm_shows_it(tmp_path: Path, demo_copy) -> None:
    database = demo_copy(tmp_path / "demo.db")
    try:
        with database.read() as session:
            found = queries.list_claims(session, reads.ClaimFilter(), limit=None)
            expected = [claim_record(c) for c in found]
        with database.engine.connect() as connection:
            listed = reads.listed_claims(connection, reads.ClaimFilter(), limit=len(expected))
        assert [listed_record(c) for c in listed] == expected
    finally:
        database.dispose()


@pytest.mark.parametrize("described", tables.ALL, ids=lambda t: t.name)
def test_each_core_table_describes_the_models_columns(described) -> None:
    modelled = Base.metadata.tables[described.name]
    for column in described.c:
        assert column.name in modelled.c, f"{described.name}.{column.name} is not in the models"
        model_type = modelled.c[column.name].type
        assert isinstance(column.type, type(model_type)) or isinstance(
            model_type, type(column.type)
        ), f"{described.name}.{column.name}: {column.type!r} but the model has {model_type!r}"


def test_live_is_the_models_live_claims() -> None:
    from claimtrack.models import Claim, live_claims

    assert str(live_claims()) == str(tables.live(Claim.__table__))
