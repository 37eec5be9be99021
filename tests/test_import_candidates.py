"""Near-duplicate candidates of an article's claims, found per article on SQLite (issue 17).

`service.articles` finds candidates with one scan of the quantities and one
full-text lookup per claim, instead of a query per claim that walked the
claims. The candidates must be the ones the per-claim condition
(`_candidate_condition`) gives, lowest ids first, MATCH_CANDIDATES at most.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import event, select, text, update

from claimtrack import service
from claimtrack.db import Database
from claimtrack.importers.articles import import_article
from claimtrack.importers.files import Article
from claimtrack.models import Claim
from claimtrack.service import articles
from claimtrack.service.factchecks import flag_already_checked

PUBLISHED = dt.date(2025, 11, 3)
PLACES = ["Kyiv", "Lviv", "Odesa", "Kharkiv"]


def _article(title: str, numbers: range) -> Article:
    body = " ".join(
        f"{PLACES[n % 4]} will open {10 + n % 7} new schools with Mark Rutte by {2026 + n % 3}, "
        f"covering {5 + n % 5} miles of road."
        for n in numbers
    )
    return Article(origin=f"{title}.txt", text=f"{title}\n\n{body}\n", published=PUBLISHED)


def _walked(connection: Any, claim_text: str, figures: Any, skip: set[int]) -> list[int]:
    """The candidates of one claim as the per-claim query found them: the live claims
    meeting `_candidate_condition`, lowest ids first."""
    condition = articles._candidate_condition(claim_text, figures, "sqlite")
    if condition is None:
        return []
    return list(
        connection.scalars(
            select(Claim.id)
            .where(condition, Claim.merged_into_id.is_(None), Claim.id.not_in(sorted(skip)))
            .order_by(Claim.id)
            .limit(articles.MATCH_CANDIDATES)
        )
    )


@pytest.mark.parametrize("limit", [3, 200])
def test_candidates_are_the_lowest_ids_the_claim_condition_finds(
    database: Database, monkeypatch: pytest.MonkeyPatch, limit: int
) -> None:
    if not database.is_sqlite:
        pytest.skip("the per-article search is SQLite's")
    # Given: articles sharing figures and names, a merged claim, a note naming the places
    monkeypatch.setattr(articles, "MATCH_CANDIDATES", limit)
    for number in range(4):
        import_article(database, "ana", _article(f"Report {number}", range(number, 40, 4)))
    with database.transaction() as session:
        session.execute(update(Claim).where(Claim.id == 2).values(merged_into_id=1))
        service.add_note(session, "ana", 5, "Kyiv and Lviv schools: ask Mark Rutte's office")

    # When: the candidates of a new article's claims are looked up
    with database.transaction() as session:
        connection = session.connection()
        mine = [3, 7, 11, 20]
        details = articles._texts_and_figures(connection, set(mine))
        new = [(claim_id, *details[claim_id]) for claim_id in mine]
        skip = set(mine) | {4}
        found = articles._candidates(connection, new, skip)

        # Then: each claim's are those the per-claim condition gives, in id order
        for claim_id, claim_text, figures in new:
            assert found.get(claim_id, []) == _walked(connection, claim_text, figures, skip)
        assert found
        if limit == 3:  # some claim had more candidates than the limit lets through
            assert any(len(ids) == limit for ids in found.values())


def test_known_claims_are_looked_up_by_their_text(database: Database) -> None:
    if not database.is_sqlite:
        pytest.skip("SQLite's query plan")
    import_article(database, "ana", _article("Report", range(0, 8)))
    statements: list[tuple[str, Any]] = []

    def keep(conn: Any, cursor: Any, statement: str, parameters: Any, *args: Any) -> None:
        statements.append((statement, parameters))

    with database.transaction() as session:
        connection = session.connection()
        event.listen(database.engine, "before_cursor_execute", keep)
        try:
            articles._known_claims(connection, {"a claim", "another claim"})
        finally:
            event.remove(database.engine, "before_cursor_execute", keep)
        statement, parameters = statements[0]
        plan = " ".join(
            row[-1]
            for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
        )
    # Not by walking every live claim in id order (the index over merged claims).
    assert "(normalized=?)" in plan, plan


def test_no_fact_checks_no_concluded_claims_one_statement(database: Database) -> None:
    import_article(database, "ana", _article("Report", range(0, 4)))
    statements: list[str] = []

    def count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    with database.transaction() as session:
        session.connection()  # the transaction begun
        event.listen(database.engine, "before_cursor_execute", count)
        try:
            assert flag_already_checked(session, "ana", [1, 2, 3]) == 0
        finally:
            event.remove(database.engine, "before_cursor_execute", count)
    assert len(statements) == 1, statements
    with database.read() as session:
        assert session.execute(text("SELECT count(*) FROM checked_matches")).scalar() == 0
