"""Concurrent edits of one claim: one wins, the other gets a conflict, nothing is lost."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from claimtrack import queries, reads, service
from claimtrack.db import open_database
from claimtrack.errors import Conflict
from claimtrack.models import Claim

DRONES = "Ukraine plans to produce 600–800 interceptor drones per day"


def _claimtrack(db: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "claimtrack", "--db", db, *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "CLAIMTRACK_USER": "setup"},
    )


def test_two_processes_updating_from_the_same_version_one_wins_the_other_conflicts(tmp_path):
    # given a claim at version 1 in an SQLite file
    db = str(tmp_path / "race.db")
    assert _claimtrack(db, "db", "upgrade").returncode == 0
    assert _claimtrack(db, "claims", "add", DRONES).returncode == 0
    # when two processes move it to different statuses, both based on version 1, at once
    targets = {"in_progress": "bob", "dismissed": "carol"}
    processes = {
        status: subprocess.Popen(
            [
                sys.executable,
                "-m",
                "claimtrack",
                "--db",
                db,
                "claims",
                "set",
                "1",
                "--status",
                status,
                "--if-version",
                "1",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "CLAIMTRACK_USER": user},
        )
        for status, user in targets.items()
    }
    results = {status: (p.wait(timeout=60), p.stderr.read()) for status, p in processes.items()}
    for p in processes.values():
        p.stdout.close()
        p.stderr.close()
    # then exactly one succeeded and the other was told of a conflict
    winners = [status for status, (code, _) in results.items() if code == 0]
    losers = [status for status, (code, _) in results.items() if code != 0]
    assert len(winners) == 1, results
    assert len(losers) == 1, results
    code, stderr = results[losers[0]]
    assert code == 1
    assert "conflict" in stderr.lower()
    # and the claim holds the winner's status, with one status change in its history
    show = json.loads(_claimtrack(db, "claims", "show", "1", "--json").stdout)
    assert show["status"] == winners[0]
    assert show["version"] == 2
    history = [
        json.loads(line) for line in _claimtrack(db, "history", "1", "--json").stdout.splitlines()
    ]
    status_changes = [e for e in history if e["action"] == "status"]
    assert [(e["actor"], e["new"]) for e in status_changes] == [(targets[winners[0]], winners[0])]


def _claim_with_version(database) -> int:
    with database.transaction() as s:
        return service.add_claim(s, "alice", DRONES, kind="quantity").id


def test_a_write_based_on_a_version_another_session_replaced_is_a_conflict(database):
    # given two reviewers who both loaded the claim at version 1
    claim_id = _claim_with_version(database)
    with database.read() as s:
        bobs_version = s.get(Claim, claim_id).version
    with database.read() as s:
        carols_version = s.get(Claim, claim_id).version
    # when bob commits a change first
    with database.transaction() as s:
        service.set_status(s, "bob", claim_id, "in_progress", expected_version=bobs_version)
    # then carol's write based on the old version is refused
    with pytest.raises(Conflict, match="status: new → in_progress"), database.transaction() as s:
        service.set_status(s, "carol", claim_id, "dismissed", expected_version=carols_version)
    # and only bob's change was written
    with database.read() as s:
        claim = s.get(Claim, claim_id)
        assert (claim.status, claim.version) == ("in_progress", 2)
        actions = [(e.actor, e.action) for e in queries.claim_history(s, claim_id)]
    assert actions == [("alice", "create"), ("bob", "status")]


def _overlapping_sessions_race(database, refusal: type[BaseException]) -> None:
    """Carol's session loads the claim, bob commits, then carol writes in her open session."""
    claim_id = _claim_with_version(database)
    carol = database._writes()  # a transaction begun before bob commits
    try:
        carol.begin()
        loaded = carol.get(Claim, claim_id)  # held, so the session keeps version 1
        assert loaded is not None and loaded.version == 1
        with database.transaction() as s:
            service.set_status(s, "bob", claim_id, "in_progress", expected_version=1)
        with pytest.raises(refusal):
            service.set_status(carol, "carol", claim_id, "dismissed", expected_version=1)
        carol.rollback()
    finally:
        carol.close()
    with database.read() as s:
        claim = s.get(Claim, claim_id)
        assert (claim.status, claim.version) == ("in_progress", 2)


@pytest.mark.postgres
def test_overlapping_transactions_on_postgres_lose_no_update(database):
    # SQLite writers queue (BEGIN IMMEDIATE), so only PostgreSQL can overlap two writers.
    if database.is_sqlite:
        pytest.skip("SQLite serialises writers; the overlap cannot happen there")
    # given carol's transaction loaded the claim before bob committed, when she writes,
    # then her write fails and bob's change stands
    _overlapping_sessions_race(database, Exception)


@pytest.mark.postgres
def test_overlapping_transactions_on_postgres_raise_a_conflict(database):
    if database.is_sqlite:
        pytest.skip("SQLite serialises writers; the overlap cannot happen there")
    # given carol's transaction loaded the claim before bob committed, when she writes,
    # then she is told of a Conflict
    _overlapping_sessions_race(database, Conflict)


def test_open_database_on_a_file_used_by_the_processes_reads_the_same_state(tmp_path):
    # a sanity check that the subprocess test's file is an ordinary claimtrack database
    db = tmp_path / "plain.db"
    assert _claimtrack(str(db), "db", "upgrade").returncode == 0
    assert _claimtrack(str(db), "claims", "add", DRONES).returncode == 0
    database = open_database(f"sqlite:///{db}")
    try:
        with database.read() as s:
            assert [c.text for c in queries.list_claims(s, reads.ClaimFilter())] == [DRONES]
    finally:
        database.dispose()
