"""`service.update_claim`: several changes to one claim, in the workflow's order, as one batch.

Runs on SQLite and, when CLAIMTRACK_TEST_DATABASE_URL is set, on PostgreSQL.
"""

from __future__ import annotations

import pytest

from claimtrack import service
from claimtrack.db import Database
from claimtrack.errors import Conflict, WorkflowError
from claimtrack.queries import claim_history
from claimtrack.serialise import event_record

DRONES = "Ukraine plans to produce 600–800 interceptor drones per day"


def new_claim(database: Database) -> int:
    with database.transaction() as session:
        return service.add_claim(session, "alice", DRONES, kind="quantity").id


def trail(database: Database, claim_id: int) -> list[tuple[str, object, object]]:
    with database.read() as session:
        return [(e.action, e.old, e.new) for e in claim_history(session, claim_id)][1:]


def test_changes_apply_in_the_workflows_order_and_the_status_is_walked(database: Database) -> None:
    claim_id = new_claim(database)
    with database.transaction() as session:
        service.add_source(session, "alice", claim_id, "https://example.org/r")
    with database.transaction() as session:
        service.update_claim(
            session,
            "alice",
            claim_id,
            status="concluded",  # given first, applied last
            verdict="false",
            summary="Not produced",
            assignee="bob",
            add_tags=["drones"],
            speaker="Volodymyr Zelensky",
        )
    assert [action for action, _, _ in trail(database, claim_id)] == [
        "source.add",
        "edit",
        "tag",
        "assign",
        "status",  # new → in_progress, made by ruling the verdict
        "verdict",
        "status",
        "status",
    ]
    with database.read() as session:
        claim = service.get_claim(session, claim_id)
        assert (claim.status, claim.verdict, claim.verdict_summary) == (
            "concluded",
            "false",
            "Not produced",
        )


def test_one_update_is_one_batch_and_one_undo_takes_it_all_back(database: Database) -> None:
    claim_id = new_claim(database)
    with database.transaction() as session:
        service.update_claim(
            session,
            "alice",
            claim_id,
            verdict="unverifiable",
            status="needs_review",
            assignee="bob",
        )
    with database.read() as session:
        events = [event_record(e) for e in claim_history(session, claim_id)][1:]
    with database.transaction() as session:
        undone = service.undo(session, "alice", events[-1]["id"])
    assert sorted(e.undoes_id for e in undone) == sorted(e["id"] for e in events)
    with database.read() as session:
        claim = service.get_claim(session, claim_id)
        assert (claim.status, claim.verdict, claim.assignee) == ("new", None, None)


def test_a_failing_step_is_an_error_and_the_caller_rolls_back_every_step(
    database: Database,
) -> None:
    claim_id = new_claim(database)
    with pytest.raises(WorkflowError, match="rule a verdict"), database.transaction() as session:
        service.update_claim(session, "alice", claim_id, assignee="bob", status="concluded")
    assert trail(database, claim_id) == []


def test_a_stale_expected_version_changes_nothing(database: Database) -> None:
    claim_id = new_claim(database)
    with database.transaction() as session:
        service.update_claim(session, "alice", claim_id, assignee="bob")
    with pytest.raises(Conflict), database.transaction() as session:
        service.update_claim(session, "carol", claim_id, expected_version=1, assignee="carol")
    assert trail(database, claim_id) == [("assign", None, "bob")]


def test_a_summary_alone_on_a_claim_with_no_verdict_writes_nothing(database: Database) -> None:
    claim_id = new_claim(database)
    with database.transaction() as session:
        service.update_claim(session, "alice", claim_id, summary="A note that belongs nowhere")
    assert trail(database, claim_id) == []
