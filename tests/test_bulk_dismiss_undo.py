"""Issue 15 point 5, the service side: a bulk dismiss is undone as one step, statuses restored."""

from __future__ import annotations

from claimtrack import reads, service
from claimtrack.db import Database
from claimtrack.service import bulk


def test_undoing_a_bulk_dismiss_brings_back_each_claims_own_status(database: Database) -> None:
    # given claims in three different statuses
    with database.transaction() as session:
        ids = [
            service.add_claim(session, "alice", f"Claim number {n} says 4{n}%").id for n in range(3)
        ]
        service.set_status(session, "alice", ids[1], "in_progress")
        service.set_status(session, "alice", ids[2], "in_progress")
        service.set_status(session, "alice", ids[2], "needs_review")
    # when every claim the filter shows is dismissed in bulk
    with database.transaction() as session:
        result = bulk.dismiss(session, "bob", bulk.Selection.matching(reads.ClaimFilter()))
    assert (result.changed, result.event_id is not None) == (3, True)
    # and that one bulk change is undone through any of its events
    with database.transaction() as session:
        written = service.undo(session, "bob", result.event_id)
    # then each claim has its own earlier status back, in one step
    assert len(written) == 3
    with database.read() as session:
        statuses = [service.get_claim(session, claim_id).status for claim_id in ids]
    assert statuses == ["new", "in_progress", "needs_review"]
