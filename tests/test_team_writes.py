"""Writes that do not conflict needlessly, and retries when PostgreSQL gives up on one.

Adding a note, a source, a follow-up or a tag never fails because the claim
changed meanwhile; only changes to the claim's own fields are checked against
a version. A serialization failure or a deadlock is retried a bounded number
of times, then reported in one line.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator
from urllib.parse import quote

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from claimtrack import service
from claimtrack.cli import cli
from claimtrack.db import Database, open_database
from claimtrack.errors import Conflict
from claimtrack.retry import ATTEMPTS, RetriesExhausted, retrying

DRONES = "Ukraine plans to produce 600–800 interceptor drones per day"


@pytest.fixture
def claim_id(database: Database) -> int:
    with database.transaction() as session:
        return service.add_claim(session, "alice", DRONES).id


def test_adding_to_a_claim_ignores_a_version_that_moved_on(database: Database, claim_id: int):
    # given a reviewer who loaded version 1, and a status change saved since
    with database.transaction() as session:
        service.set_status(session, "bob", claim_id, "in_progress")
    # when she adds a note, a source, a follow-up and a tag holding version 1
    with database.transaction() as session:
        service.add_note(session, "alice", claim_id, "seen", expected_version=1)
        service.add_source(session, "alice", claim_id, "https://example.org/a", expected_version=1)
        service.add_followup(
            session, "alice", claim_id, "again", dt.date(2030, 1, 1), expected_version=1
        )
        service.tag(session, "alice", claim_id, "drones", expected_version=1)
    # then all four are kept, while a change of the claim's own fields still conflicts
    with database.read() as session:
        claim = service.get_claim(session, claim_id)
        assert (len(claim.notes), len(claim.sources), [t.name for t in claim.tags]) == (
            1,
            1,
            ["drones"],
        )
    with pytest.raises(Conflict), database.transaction() as session:
        service.set_status(session, "alice", claim_id, "needs_review", expected_version=1)


@pytest.mark.postgres
def test_parallel_writers_without_versions_all_succeed(database: Database, claim_id: int):
    # (SQLite's BEGIN IMMEDIATE queues writers before they read: test_concurrency.py)
    if database.is_sqlite:
        pytest.skip("writers that read before any of them writes need PostgreSQL")
    # given six reviewers who all loaded the claim before any of them wrote
    writers = 6
    loaded = threading.Barrier(writers)
    failures: list[BaseException] = []

    def write(number: int) -> None:
        try:
            with database.transaction() as session:
                service.get_claim(session, claim_id)
                loaded.wait(timeout=30)
                if number % 2:
                    service.assign(session, f"r{number}", claim_id, f"r{number}")
                else:
                    service.add_note(session, f"r{number}", claim_id, f"note {number}")
        except BaseException as error:  # collected: a thread's exception is otherwise lost
            failures.append(error)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    # then none of them failed, and every write is there
    assert failures == []
    with database.read() as session:
        claim = service.get_claim(session, claim_id)
        assert len(claim.notes) == 3
        assert claim.version == 1 + writers


# ---------------------------------------------------------------- real serialization failures


@pytest.fixture
def serializable(database_url: str) -> Iterator[tuple[Database, Database]]:
    """(a database whose transactions are SERIALIZABLE, a second writer) on PostgreSQL."""
    if not database_url.startswith("postgresql"):
        pytest.skip("serialization failures are PostgreSQL's")
    option = quote("-cdefault_transaction_isolation=serializable", safe="")
    strict = open_database(f"{database_url}{quote(' ', safe='')}{option}")
    other = open_database(database_url)
    try:
        yield strict, other
    finally:
        strict.dispose()
        other.dispose()


def _interfering(
    database: Database, other: Database, claim_id: int, times: int
) -> Callable[[], None]:
    """Work that sets a status after `other` changed the claim under it, the first `times` runs."""
    runs = {"count": 0}

    def work() -> None:
        runs["count"] += 1
        with database.transaction() as session:
            service.get_claim(session, claim_id)  # the snapshot is taken here
            if runs["count"] <= times:
                with other.transaction() as meanwhile:
                    service.assign(meanwhile, "bob", claim_id, f"bob {runs['count']}")
            service.set_status(session, "alice", claim_id, "in_progress")

    work.runs = runs  # type: ignore[attr-defined]
    return work


@pytest.mark.postgres
def test_a_serialization_failure_is_retried_and_nothing_is_lost(serializable, claim_id):
    # given a write that loses to a concurrent one on its first two attempts
    strict, other = serializable
    work = _interfering(strict, other, claim_id, times=2)
    # when it runs with retries
    retrying(work)
    # then it ran three times, and both its change and the concurrent ones are kept
    assert work.runs["count"] == 3  # type: ignore[attr-defined]
    with strict.read() as session:
        claim = service.get_claim(session, claim_id)
        assert (claim.status, claim.assignee) == ("in_progress", "bob 2")


@pytest.mark.postgres
def test_retries_are_bounded_then_one_line_and_nothing_written(serializable, claim_id):
    strict, other = serializable
    work = _interfering(strict, other, claim_id, times=99)
    with pytest.raises(RetriesExhausted) as raised:
        retrying(work)
    assert work.runs["count"] == ATTEMPTS  # type: ignore[attr-defined]
    assert "\n" not in str(raised.value) and "serialization failure" in str(raised.value)
    with strict.read() as session:
        assert service.get_claim(session, claim_id).status == "new"


@pytest.mark.postgres
def test_the_command_line_retries_a_serialization_failure(serializable, claim_id, monkeypatch):
    # given `notes add` whose first attempt loses to a concurrent change of the claim
    strict, other = serializable
    original = service.add_note
    calls = {"count": 0}

    def losing_once(session, actor, claim, note_text, **kwargs):
        calls["count"] += 1
        service.get_claim(session, claim)
        if calls["count"] == 1:
            with other.transaction() as meanwhile:
                service.assign(meanwhile, "bob", claim, "bob")
        return original(session, actor, claim, note_text, **kwargs)

    monkeypatch.setattr(service, "add_note", losing_once)
    # when it runs
    result = CliRunner().invoke(cli, ["--db", strict.url, "notes", "add", str(claim_id), "seen"])
    # then it was run again, said so once, and stored one note
    assert result.exit_code == 0, result.output
    assert calls["count"] == 2
    assert result.stdout.count("added to claim") == 1
    with strict.read() as session:
        assert session.execute(text("SELECT count(*) FROM notes")).scalar_one() == 1


def test_a_note_saved_meanwhile_does_not_make_a_field_change_conflict(
    database: Database, claim_id: int
):
    # given a reviewer who loaded version 1, and a note, a source, a follow-up
    # and a tag added by someone else since
    with database.transaction() as session:
        service.add_note(session, "bob", claim_id, "Ask the ministry")
        service.add_source(session, "bob", claim_id, "https://example.org/b")
        service.add_followup(session, "bob", claim_id, "again", dt.date(2030, 1, 1))
        service.tag(session, "bob", claim_id, "drones")
    # when she changes the status holding version 1, it goes through
    with database.transaction() as session:
        service.set_status(session, "alice", claim_id, "in_progress", expected_version=1)
    # but once a field changed, a change from an older version conflicts
    with pytest.raises(Conflict), database.transaction() as session:
        service.set_status(session, "carol", claim_id, "needs_review", expected_version=1)
    with database.read() as session:
        assert service.get_claim(session, claim_id).status == "in_progress"
