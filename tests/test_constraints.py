"""The database itself refuses bad rows, whichever program writes them.

Rows go in through SQLAlchemy Core, never the ORM, so only the schema's own
CHECK, UNIQUE and FOREIGN KEY constraints stand in the way.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError

from claimtrack.models import Claim, Document, Source

NOW = dt.datetime(2025, 11, 3, 12, 0, tzinfo=dt.UTC)
CLAIMS = Claim.__table__
DOCUMENTS = Document.__table__
SOURCES = Source.__table__


def claim_row(**overrides: Any) -> dict[str, Any]:
    row = {
        "text": "Ukraine plans to produce 600–800 interceptor drones per day",
        "normalized": "ukraine plans to produce 600-800 interceptor drones per day",
        "kind": "quantity",
        "score": 0.8,
        "status": "new",
        "created_at": NOW,
        "updated_at": NOW,
        "version": 1,
    }
    return row | overrides


def document_row(**overrides: Any) -> dict[str, Any]:
    row = {"title": "Drone plans", "text": "Body.", "sha256": "a" * 64, "imported_at": NOW}
    return row | overrides


def source_row(claim_id: int, **overrides: Any) -> dict[str, Any]:
    row = {
        "claim_id": claim_id,
        "url": "https://example.org/report",
        "stance": "supports",
        "reliability": "credible",
        "added_by": "alice",
        "added_at": NOW,
    }
    return row | overrides


def insert_claim(database, **overrides: Any) -> int:
    with database.engine.begin() as connection:
        result = connection.execute(insert(CLAIMS).values(**claim_row(**overrides)))
        return result.inserted_primary_key[0]


def count(database, table) -> int:
    with database.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(table)).scalar_one()


# --- the baseline rows are valid, so each refusal below has one cause ------------------


def test_given_valid_claim_when_inserted_then_accepted(database):
    insert_claim(database)

    assert count(database, CLAIMS) == 1


def test_given_valid_source_when_inserted_then_accepted(database):
    claim_id = insert_claim(database)

    with database.engine.begin() as connection:
        connection.execute(insert(SOURCES).values(**source_row(claim_id)))

    assert count(database, SOURCES) == 1


# --- claims --------------------------------------------------------------------------


def test_given_unknown_status_when_inserted_then_refused(database):
    with pytest.raises(IntegrityError):
        insert_claim(database, status="approved")

    assert count(database, CLAIMS) == 0


def test_given_unknown_verdict_when_inserted_then_refused(database):
    with pytest.raises(IntegrityError):
        insert_claim(database, verdict="pants_on_fire")


def test_given_no_verdict_when_inserted_then_accepted(database):
    insert_claim(database, verdict=None)

    assert count(database, CLAIMS) == 1


def test_given_unknown_kind_when_inserted_then_refused(database):
    with pytest.raises(IntegrityError):
        insert_claim(database, kind="rumour")


def test_given_unknown_outcome_when_inserted_then_refused(database):
    with pytest.raises(IntegrityError):
        insert_claim(database, outcome="forgotten")


@pytest.mark.parametrize("score", [-0.01, 1.01])
def test_given_score_outside_zero_to_one_when_inserted_then_refused(database, score):
    with pytest.raises(IntegrityError):
        insert_claim(database, score=score)


@pytest.mark.parametrize("score", [0.0, 1.0])
def test_given_score_at_range_edge_when_inserted_then_accepted(database, score):
    insert_claim(database, score=score)

    assert count(database, CLAIMS) == 1


def test_given_missing_claim_text_when_inserted_then_refused(database):
    with pytest.raises(IntegrityError):
        insert_claim(database, text=None)


# --- sources -------------------------------------------------------------------------


def test_given_unknown_stance_when_inserted_then_refused(database):
    claim_id = insert_claim(database)

    with pytest.raises(IntegrityError), database.engine.begin() as connection:
        connection.execute(insert(SOURCES).values(**source_row(claim_id, stance="agrees")))

    assert count(database, SOURCES) == 0


def test_given_unknown_reliability_when_inserted_then_refused(database):
    claim_id = insert_claim(database)

    with pytest.raises(IntegrityError), database.engine.begin() as connection:
        connection.execute(insert(SOURCES).values(**source_row(claim_id, reliability="shady")))


def test_given_source_for_missing_claim_when_inserted_then_refused(database):
    with pytest.raises(IntegrityError), database.engine.begin() as connection:
        connection.execute(insert(SOURCES).values(**source_row(claim_id=4242)))

    assert count(database, SOURCES) == 0


# --- documents -----------------------------------------------------------------------


def test_given_document_with_same_sha256_when_inserted_then_refused(database):
    with database.engine.begin() as connection:
        connection.execute(insert(DOCUMENTS).values(**document_row(title="First")))

    with pytest.raises(IntegrityError), database.engine.begin() as connection:
        connection.execute(insert(DOCUMENTS).values(**document_row(title="Second")))

    assert count(database, DOCUMENTS) == 1
