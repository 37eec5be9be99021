"""Migration 0010 (fact checks): upgrades a database holding data, and downgrades."""

from __future__ import annotations

from sqlalchemy import inspect, text

from claimtrack.db import head_revision

CLAIM = (
    "INSERT INTO claims (id, text, normalized, kind, score, status, created_at, updated_at, "
    "version) VALUES (1, 'Exports fell 20% in 2024.', 'exports fell 20% in 2024', 'quantity', "
    "0.9, 'concluded', '2025-11-03 12:00:00', '2025-11-03 12:00:00', 1)"
)


def _triggers(database) -> int:
    if database.engine.dialect.name != "sqlite":
        return 0
    with database.engine.connect() as connection:
        return connection.execute(
            text("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'")
        ).scalar_one()


def test_upgrade_keeps_claims_and_downgrade_removes_only_the_new_parts(database):
    # given a database at 0009 holding a claim
    triggers = _triggers(database)
    database.downgrade("0009")
    with database.engine.begin() as connection:
        connection.execute(text(CLAIM))
    # when upgraded
    database.upgrade()
    # then the claim is there, its published statement not yet written
    assert database.current_revision() == head_revision()
    with database.engine.begin() as connection:
        row = connection.execute(text("SELECT text, claim_reviewed FROM claims")).one()
        assert tuple(row) == ("Exports fell 20% in 2024.", None)
        connection.execute(
            text(
                "INSERT INTO fact_checks (id, url, claim_reviewed, imported_at) VALUES "
                "(1, 'https://f.example.org/1', 'Exports fell 20%.', '2025-11-04 12:00:00')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO checked_matches (claim_id, fact_check_id, similarity, created_at) "
                "VALUES (1, 1, 90, '2025-11-04 12:00:00')"
            )
        )
    # when downgraded to 0009 (with a fact check and a match stored)
    database.downgrade("0009")
    # then the new tables and column are gone, the claim and the search triggers stay
    tables = set(inspect(database.engine).get_table_names())
    assert not {"fact_checks", "checked_matches"} & tables
    columns = {c["name"] for c in inspect(database.engine).get_columns("claims")}
    assert "claim_reviewed" not in columns
    with database.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM claims")).scalar_one() == 1
    assert _triggers(database) == triggers
    database.upgrade()
    assert database.current_revision() == head_revision()
