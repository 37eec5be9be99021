"""The import's writer stores articles in batches (issue 17, point 1).

A batch of articles is one transaction, so it costs fewer statements than the
same articles one transaction each, and makes the same rows under the same
ids. An article that fails rolls back alone: those before it are kept, and the
error is the one it raised on its own. Workers prepare what the writer would
otherwise work out (`service.articles.prepare`): the rows are the same.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, text

from claimtrack.cli_import import BATCH_ARTICLES, import_batch
from claimtrack.db import Database, open_database
from claimtrack.errors import InvalidInput
from claimtrack.importers.articles import import_article, read_claims
from claimtrack.importers.files import Article
from claimtrack.service import articles as service_articles
from claimtrack.service.articles import Occurrence, prepare

PUBLISHED = dt.date(2025, 11, 3)
COUNTRIES = ["Ukraine", "Poland", "Germany", "France", "Norway"]
THINGS = ["interceptor drones", "artillery shells", "homes", "hospitals", "wind turbines"]
TABLES = {
    "documents": "id, sha256, title",
    "claims": "id, normalized, kind, score, speaker, version",
    "appearances": "id, claim_id, document_id, start_offset",
    "quantities": "id, claim_id, low, high, unit",
    "date_refs": "id, claim_id, date, role",
    "followups": "id, claim_id, due, text",
    "suggested_matches": "id, claim_id, candidate_id, similarity",
    "events": "id, claim_id, document_id, action, claim_version, new",
}


def _sentence(n: int) -> str:
    return (
        f"{COUNTRIES[n % 5]} will build {100 + n} new {THINGS[n // 5 % 5]} "
        f"by the end of {2026 + n % 4}, the minister Anna Schmidt said."
    )


def _articles(count: int) -> list[Article]:
    """Articles sharing claims (repeats) and near-duplicates (suggestions)."""
    return [
        Article(
            origin=f"report-{n}.txt",
            text=f"Report {n}\n\n" + " ".join(_sentence(i) for i in range(n * 3, n * 3 + 6)),
            published=PUBLISHED,
        )
        for n in range(count)
    ]


def _contents(database: Database) -> dict[str, list[tuple[object, ...]]]:
    with database.read() as session:
        return {
            table: [
                tuple(row)
                for row in session.execute(text(f"SELECT {columns} FROM {table} ORDER BY id"))
            ]
            for table, columns in TABLES.items()
        }


@pytest.fixture
def first(tmp_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path / 'first.db'}")
    yield database
    database.dispose()


@pytest.fixture
def second(tmp_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path / 'second.db'}")
    yield database
    database.dispose()


def test_a_batch_makes_the_rows_one_transaction_an_article_makes(
    first: Database,
    second: Database,
    sql_sent: Callable[[Database], AbstractContextManager[list[str]]],
) -> None:
    # Given: the same articles, read (and prepared, as a worker does) once
    articles = _articles(BATCH_ARTICLES)
    found = [prepare(read_claims(article, PUBLISHED)) for article in articles]

    # When: imported one transaction an article, and as one batch
    with sql_sent(first) as alone:
        singly = [
            import_article(first, "ana", a, published=PUBLISHED, occurrences=f)
            for a, f in zip(articles, found, strict=True)
        ]
    with sql_sent(second) as together:
        batched = import_batch(second, "ana", list(zip(articles, found, strict=True)), PUBLISHED)

    # Then: the same counts and rows, under the same ids, in fewer statements
    assert [dataclasses.asdict(s) for s in singly] == [dataclasses.asdict(s) for s in batched]
    assert _contents(first) == _contents(second)
    assert sum(s.suggested for s in batched) > 0
    # (one BEGIN, and one commit, a batch rather than an article; a commit is no statement)
    assert len(alone) - len(together) == len(articles) - 1, (len(alone), len(together))


def test_a_failing_article_rolls_back_alone_and_raises_as_it_did(database: Database) -> None:
    # Given: a batch whose third article holds claims the writer refuses
    articles = _articles(5)
    found: list[list[Occurrence]] = [read_claims(article, PUBLISHED) for article in articles]
    found[2] = [
        dataclasses.replace(o, found=dataclasses.replace(o.found, score=1.5)) if o.found else o
        for o in found[2]
    ]

    # When: the batch is imported
    with pytest.raises(InvalidInput, match=r"outside 0\.\.1"):
        import_batch(database, "ana", list(zip(articles, found, strict=True)), PUBLISHED)

    # Then: the two articles before it are stored, it and those after it are not
    with database.read() as session:
        titles = session.execute(text("SELECT title FROM documents ORDER BY id")).scalars().all()
    assert titles == ["Report 0", "Report 1"]


def test_a_claim_of_an_unknown_kind_is_refused_every_time_it_is_stored(
    database: Database,
) -> None:
    # Given: an article one of whose claims has a kind the schema does not know
    article = _articles(1)[0]
    found = [
        dataclasses.replace(o, found=dataclasses.replace(o.found, kind="rumour")) if o.found else o
        for o in read_claims(article, PUBLISHED)
    ]

    # When / Then: prepared (as a worker does) or not, it is refused each time (a
    # kind's lookup is remembered, a refusal never is), and nothing is stored
    for occurrences in (found, prepare(found), found):
        with pytest.raises(InvalidInput, match="rumour"):
            import_batch(database, "ana", [(article, occurrences)], PUBLISHED)
    with database.read() as session:
        assert session.execute(text("SELECT count(*) FROM documents")).scalar() == 0


def test_prepared_occurrences_store_what_unprepared_ones_store(
    first: Database, second: Database
) -> None:
    # Given: articles read once
    articles = _articles(4)
    found = [read_claims(article, PUBLISHED) for article in articles]

    # When: stored as read, and as prepared in a worker
    for article, occurrences in zip(articles, found, strict=True):
        import_article(first, "ana", article, occurrences=occurrences)
        import_article(second, "ana", article, occurrences=prepare(occurrences))

    # Then: the same rows
    assert _contents(first) == _contents(second)


def _one_figure(low: float, dimension: str | None = None, si_low: float | None = None) -> Any:
    return service_articles._Figure(low, low, dimension, si_low, si_low)


def test_figure_candidates_are_read_through_the_figure_indexes(
    first: Database, sql_sent: Callable[[Database], AbstractContextManager[list[str]]]
) -> None:
    # Given: the query that finds claims sharing a figure, or its converted value
    figures = {1: [_one_figure(3.0), _one_figure(5.0, "length", 8046.7)]}
    with first.transaction() as session:
        connection = session.connection()
        with sql_sent(first) as statements:
            service_articles._figure_candidates(connection, figures, {1})

        # When: SQLite plans them (the plan is the same whatever the values)
        plans = [
            " | ".join(
                row[-1]
                for row in connection.exec_driver_sql(
                    f"EXPLAIN QUERY PLAN {statement}", ("[]", "[]", 1)
                )
            )
            for statement in statements
        ]

    # Then: two fixed statements, whatever the figures; a figure walks its index in
    # claim order (migration 0013), no sort of all its claims; the converted value
    # searches its own (0012); no scan
    same, converted = plans
    assert "COVERING INDEX ix_quantities_figure_claim (low=? AND high=?)" in same, same
    assert "TEMP B-TREE" not in same, same
    assert "ix_quantities_dimension_si_low" in converted, converted
    assert "SCAN quantities" not in " | ".join(plans), plans


def test_a_common_figure_reads_no_more_claims_than_a_claim_may_keep(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not database.is_sqlite:
        pytest.skip("the per-article search is SQLite's")
    # Given: 20 claims holding the figure 101, one of them merged, at most 4 kept a claim
    monkeypatch.setattr(service_articles, "MATCH_CANDIDATES", 4)
    lines = " ".join(f"Norway will build 101 homes in town {n} by {2030 + n}." for n in range(20))
    import_article(database, "ana", Article(origin="a.txt", text=f"Homes\n\n{lines}\n"))
    with database.transaction() as session:
        connection = session.connection()
        session.execute(text("UPDATE claims SET merged_into_id = 1 WHERE id = 3"))

        # When: a claim stating 101 looks for claims sharing its figure, skipping claim 2
        found = service_articles._figure_candidates(connection, {99: [_one_figure(101.0)]}, {2})

    # Then: 4 rows are read, not 20: the lowest live ids, neither merged nor skipped, with
    # their texts
    assert [(claim, candidate) for claim, candidate, _ in found] == [
        (99, 1),
        (99, 4),
        (99, 5),
        (99, 6),
    ]
    assert found[1][2] == "Norway will build 101 homes in town 3 by 2033."


def test_a_figure_with_a_long_decimal_finds_the_claims_holding_it(database: Database) -> None:
    if not database.is_sqlite:
        pytest.skip("the per-article search is SQLite's")
    # Given: a claim whose figure has no short decimal ("5ft 8ins" is 5.666… ft)
    import_article(
        database, "ana", Article(origin="a.txt", text="Heights\n\nThe suspect is 5ft 8ins tall.\n")
    )
    with database.read() as session:
        stored = session.execute(text("SELECT claim_id, low FROM quantities")).one()
    assert stored.low == 5 + 8 / 12

    # When: a claim stating the same figure looks for claims sharing it (the figure
    # goes to SQLite as JSON text and is compared with the stored REAL)
    with database.transaction() as session:
        found = service_articles._figure_candidates(
            session.connection(), {99: [_one_figure(5 + 8 / 12)]}, set()
        )

    # Then: the figure survives the round trip exactly, and the claim is found
    assert [(claim, candidate) for claim, candidate, _ in found] == [(99, stored.claim_id)]


def _quantity_indexes(database: Database) -> set[str]:
    with database.engine.connect() as connection:
        return {index["name"] for index in inspect(connection).get_indexes("quantities")}


@pytest.mark.parametrize("revision", ["0011", "0012"])
def test_quantities_from_an_older_revision_when_upgraded_are_kept_and_indexed(
    database: Database, revision: str
) -> None:
    # Given: a database at an older revision holding an imported article's figures
    import_article(database, "ana", _articles(1)[0], published=PUBLISHED)
    with database.read() as session:
        before = session.execute(text("SELECT id, claim_id, low, high FROM quantities")).all()
    assert before
    database.downgrade(revision)
    if revision == "0012":  # the figure index of 0012, without the claim
        assert "ix_quantities_low_high" in _quantity_indexes(database)

    # When: it is upgraded
    database.upgrade()

    # Then: the figures are all there, and the figure indexes exist: the figure's
    # in claim order (0013) in place of the one it extends
    with database.read() as session:
        after = session.execute(text("SELECT id, claim_id, low, high FROM quantities")).all()
    assert sorted(after) == sorted(before)
    names = _quantity_indexes(database)
    assert {"ix_quantities_figure_claim", "ix_quantities_dimension_si_low"} <= names
    assert "ix_quantities_low_high" not in names


def test_suggested_pairs_held_already_are_neither_stored_again_nor_counted(
    database: Database,
) -> None:
    # Given: claims, one pair of them suggested already
    import_article(database, "ana", _articles(1)[0], published=PUBLISHED)
    now = dt.datetime(2025, 11, 3, 12, tzinfo=dt.UTC)

    def pair(low: int, high: int) -> dict[str, Any]:
        return {
            "claim_id": low,
            "candidate_id": high,
            "similarity": 90.0,
            "state": "suggested",
            "created_at": now,
        }

    with database.transaction() as session:
        held = service_articles._insert_pairs(session.connection(), [pair(1, 2)])
    assert held == {(1, 2)}

    # When: that pair and two new ones are stored
    with database.transaction() as session:
        stored = service_articles._insert_pairs(
            session.connection(), [pair(1, 2), pair(1, 3), pair(2, 3)]
        )

    # Then: only the new ones are stored, and said to be
    assert stored == {(1, 3), (2, 3)}
    with database.read() as session:
        rows = session.execute(
            text("SELECT claim_id, candidate_id FROM suggested_matches ORDER BY id")
        ).all()
    assert [tuple(row) for row in rows] == [(1, 2), (1, 3), (2, 3)]


def test_pairs_another_importer_stored_meanwhile_are_read_back(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not database.is_sqlite:
        pytest.skip("SQLite's executemany")
    # Given: claims, and an INSERT that stores fewer pairs than it was sent, as when
    # another importer stored one of them between the read and the INSERT
    import_article(database, "ana", _articles(1)[0], published=PUBLISHED)
    insert_many = service_articles.insert_many

    def raced(connection: Any, table: Any, rows: list[dict[str, Any]], **kwargs: Any) -> int:
        connection.exec_driver_sql(
            "INSERT INTO suggested_matches (claim_id, candidate_id, similarity, state, created_at)"
            " VALUES (1, 2, 99.0, 'suggested', '2025-01-01 00:00:00.000000')"
        )
        return insert_many(connection, table, rows, **kwargs)

    monkeypatch.setattr(service_articles, "insert_many", raced)
    now = dt.datetime(2025, 11, 3, 12, tzinfo=dt.UTC)
    rows = [
        {"claim_id": low, "candidate_id": high, "similarity": 90.0}
        | {"state": "suggested", "created_at": now}
        for low, high in [(1, 2), (1, 3)]
    ]

    # When: the pairs are stored
    with database.transaction() as session:
        stored = service_articles._insert_pairs(session.connection(), rows)

    # Then: only the pair this call stored is said to be
    assert stored == {(1, 3)}
