"""Article import at extraction speed (issue 17, point 1).

An article is stored set-based: the SQL statements it takes do not grow with
its claims. Claims of one document are never suggested as matches of each
other. `import --jobs 2` reads and extracts in worker processes and makes the
database `--jobs 1` makes, ids and all.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select, text

from claimtrack.db import Database, open_database
from claimtrack.importers.articles import import_article
from claimtrack.importers.files import Article
from claimtrack.models import SuggestedMatch

PUBLISHED = dt.date(2025, 11, 3)
COUNTRIES = ["Ukraine", "Poland", "Germany", "France", "Norway"]
THINGS = ["interceptor drones", "artillery shells", "homes", "hospitals", "wind turbines"]
MINISTERS = ["Olena Kovalenko", "Mark Rutte", "Anna Schmidt"]
# What storing one article may take, whatever its length: BEGIN, the document and
# its event (3), the claims it already has (2), the new claims, their quantities,
# dates, appearances, follow-ups (5), match candidates by figure and by name (2),
# their texts and (some of) their figures (2), the suggestions and the events (2),
# whether there are fact checks to flag against (1): 18 on SQLite. PostgreSQL adds a
# second look for near-duplicates once the article is committed (importers.articles).
STATEMENTS_PER_ARTICLE = 25


def _sentence(n: int) -> str:
    return (
        f"{COUNTRIES[n % 5]} will build {100 + n} new {THINGS[n // 5 % 5]} "
        f"by the end of {2026 + n % 4}, the minister {MINISTERS[n % 3]} said."
    )


def _article(title: str, numbers: range) -> Article:
    body = " ".join(_sentence(n) for n in numbers)
    return Article(origin=f"{title}.txt", text=f"{title}\n\n{body}\n", published=PUBLISHED)


def test_storing_an_article_takes_the_same_statements_for_4_claims_as_for_40(
    database, sql_sent
) -> None:
    # Given: a database holding an article whose claims the next ones resemble
    import_article(database, "ana", _article("Earlier report", range(1000, 1010)))

    # When: an article of 4 claims and one of 40 are imported
    with sql_sent(database) as short:
        small = import_article(database, "ana", _article("Short report", range(0, 4)))
    with sql_sent(database) as long:
        large = import_article(database, "ana", _article("Long report", range(100, 140)))

    # Then: all their claims are stored, in as many statements, within the bound
    assert (small.claims, large.claims) == (4, 40)
    assert large.followups == 40 and large.suggested > 0
    assert len(long) == len(short), (short, long)
    assert len(long) <= STATEMENTS_PER_ARTICLE, long


def test_claims_of_one_document_are_not_suggested_as_matches_of_each_other(database) -> None:
    # Given: an article of near-identical lines (another figure each)
    first = import_article(database, "ana", _article("Boilerplate", range(0, 30, 5)))
    assert first.claims == 6

    # Then: none is suggested as a duplicate of another of the same page
    assert first.suggested == 0
    with database.read() as session:
        assert session.scalars(select(SuggestedMatch)).all() == []

    # But: the same kind of line in another document is suggested against them
    second = import_article(database, "ana", _article("Next day", range(30, 31)))
    assert second.claims == 1 and second.suggested > 0


def _import(db: Path, folder: Path, jobs: int) -> None:
    command = [sys.executable, "-m", "claimtrack", "--db", str(db), "--user", "ana", "import"]
    done = subprocess.run(
        [*command, str(folder), "--published", "2025-11-03", "--jobs", str(jobs)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
        timeout=600,
    )
    assert done.returncode == 0, done.stderr


TABLES = {
    "documents": "id, sha256, title",
    "claims": "id, normalized, version",
    "appearances": "id, claim_id, document_id, start_offset",
    "quantities": "id, claim_id, low, high",
    "date_refs": "id, claim_id, date, role",
    "followups": "id, claim_id, due, text",
    "suggested_matches": "id, claim_id, candidate_id, similarity",
    "events": "id, claim_id, document_id, action, claim_version, new",
}


def _contents(db: Path) -> dict[str, list[tuple[object, ...]]]:
    database = open_database(f"sqlite:///{db}")
    try:
        with database.read() as session:
            return {
                table: [
                    tuple(row)
                    for row in session.execute(text(f"SELECT {columns} FROM {table} ORDER BY id"))
                ]
                for table, columns in TABLES.items()
            }
    finally:
        database.dispose()


def test_two_jobs_make_the_database_one_job_makes(tmp_path) -> None:
    # Given: articles sharing claims (repeats) and near-duplicates (suggestions)
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(8):
        article = _article(f"Report {n}", range(n * 3, n * 3 + 6))
        (folder / f"report-{n}.txt").write_text(article.text, encoding="utf-8")

    # When: they are imported with one job and with two
    _import(tmp_path / "one.db", folder, 1)
    _import(tmp_path / "two.db", folder, 2)

    # Then: the same rows, under the same ids, in both
    one, two = _contents(tmp_path / "one.db"), _contents(tmp_path / "two.db")
    assert len(one["documents"]) == 8 and one["suggested_matches"]
    assert one == two


def test_set_based_rows_store_times_as_the_orm_does(database: Database) -> None:
    # given an article stored set-based (its claims, follow-ups and suggestions
    # written through the driver) beside a note written through the ORM
    from claimtrack import service

    with database.transaction() as session:
        # a near-duplicate of the article's second sentence: a suggestion is stored
        claim_id = service.add_claim(session, "ana", _sentence(1) + " On Monday.").id
        service.add_note(session, "ana", claim_id, "written through the ORM")
    import_article(database, "ana", _article("times", range(3)))
    if not database.is_sqlite:
        return  # PostgreSQL stores timestamps typed; the text form is SQLite's
    # then every timestamp has the one text form, so they order and compare alike
    with database.engine.connect() as connection:
        stored = {
            table: connection.exec_driver_sql(f"SELECT DISTINCT length({column}) FROM {table}")
            .scalars()
            .all()
            for table, column in (
                ("claims", "created_at"),
                ("followups", "created_at"),
                ("suggested_matches", "created_at"),
                ("notes", "created_at"),
                ("events", "at"),
            )
        }
    assert {table: lengths for table, lengths in stored.items() if lengths != [26]} == {}


def _priority_and_limits() -> tuple[int, int]:
    from claimtrack import limits

    return os.nice(0), limits.current().field_chars


def test_workers_yield_the_core_to_the_writer_and_keep_its_limits() -> None:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from claimtrack import limits
    from claimtrack.cli_import import WORKER_NICENESS, start_worker

    # Given: the writer's priority and a team limit it read
    mine = os.nice(0)
    in_force = dataclasses.replace(limits.current(), field_chars=1234)

    # When: a worker starts as `import --jobs N` starts them
    with ProcessPoolExecutor(
        max_workers=1,
        mp_context=multiprocessing.get_context("fork"),
        initializer=start_worker,
        initargs=(in_force,),
    ) as pool:
        priority, kept = pool.submit(_priority_and_limits).result(timeout=60)

    # Then: it runs after the writer (a higher niceness), under the writer's limits
    assert priority == min(mine + WORKER_NICENESS, 19)
    assert kept == 1234
