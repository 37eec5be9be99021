"""Every write that acts on a claim takes `expected_version`: a stale one is a Conflict.

Runs on SQLite and, when CLAIMTRACK_TEST_DATABASE_URL is set, on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt

import pytest

from claimtrack import service
from claimtrack.db import Database
from claimtrack.errors import Conflict
from claimtrack.models import SuggestedMatch

DRONES = "Ukraine plans to produce 600–800 interceptor drones per day"


def claim_with_followup(database: Database) -> tuple[int, int, int]:
    with database.transaction() as session:
        claim = service.add_claim(session, "alice", DRONES)
        followup = service.add_followup(session, "alice", claim.id, "Check", dt.date(2026, 1, 5))
        return claim.id, followup.id, claim.version


def test_completing_a_followup_checks_the_claims_version(database: Database) -> None:
    claim_id, followup_id, version = claim_with_followup(database)
    with database.transaction() as session:  # a field changes after bob loaded the claim
        service.set_status(session, "carol", claim_id, "in_progress")
    with pytest.raises(Conflict), database.transaction() as session:
        service.complete_followup(session, "bob", followup_id, expected_version=version)
    with database.transaction() as session:
        service.complete_followup(session, "bob", followup_id, expected_version=version + 1)
    with database.read() as session:
        assert service.get_claim(session, claim_id).followups[0].done


def pair(database: Database) -> tuple[int, int, int]:
    with database.transaction() as session:
        first = service.add_claim(session, "alice", DRONES)
        second = service.add_claim(session, "alice", DRONES + " at least")
        match = SuggestedMatch(claim_id=first.id, candidate_id=second.id, similarity=95.0)
        session.add(match)
        session.flush()
        return first.id, second.id, match.id


def test_deciding_a_match_checks_the_claims_version(database: Database) -> None:
    first, _, match_id = pair(database)
    with pytest.raises(Conflict), database.transaction() as session:
        service.decide_match(session, "bob", match_id, confirm=False, expected_version=0)
    with database.transaction() as session:
        version = service.get_claim(session, first).version
        service.decide_match(session, "bob", match_id, confirm=False, expected_version=version)


def test_merging_checks_the_survivors_version(database: Database) -> None:
    first, second, _ = pair(database)
    with pytest.raises(Conflict), database.transaction() as session:
        service.merge_claims(session, "bob", first, second, expected_version=0)
    with database.read() as session:
        assert service.get_claim(session, second).merged_into_id is None
