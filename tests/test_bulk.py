"""Set-based bulk changes: one event per changed claim, as the single-claim service writes."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from claimtrack import service
from claimtrack.db import Database
from claimtrack.errors import InvalidInput
from claimtrack.models import Claim
from claimtrack.queries import claim_history
from claimtrack.reads import ClaimFilter
from claimtrack.scale import Status
from claimtrack.serialise import event_record
from claimtrack.service import bulk


def add_claims(database: Database, texts: list[str], **fields: Any) -> list[int]:
    with database.transaction() as session:
        return [service.add_claim(session, "demo", text, **fields).id for text in texts]


def move(database: Database, claim_id: int, *steps: Status) -> None:
    with database.transaction() as session:
        for step in steps:
            service.set_status(session, "demo", claim_id, step)


def history(database: Database, claim_id: int) -> list[dict[str, Any]]:
    """The claim's events after its creation as a reader sees them, without ids and times."""
    with database.read() as session:
        records = [event_record(e) for e in claim_history(session, claim_id)][1:]
    return [{k: v for k, v in r.items() if k not in ("id", "at", "claim_id")} for r in records]


def versions(database: Database, ids: list[int]) -> dict[int, int]:
    with database.read() as session:
        rows = session.execute(select(Claim.id, Claim.version).where(Claim.id.in_(ids)))
        return dict(rows.all())


def statuses(database: Database, ids: list[int]) -> dict[int, str]:
    with database.read() as session:
        rows = session.execute(select(Claim.id, Claim.status).where(Claim.id.in_(ids)))
        return dict(rows.all())


def test_bulk_dismiss_reads_in_history_like_a_single_dismissal(database: Database) -> None:
    # given three new claims; one is dismissed through the service, two in bulk
    single, first, second = add_claims(database, ["Claim one", "Claim two", "Claim three"])
    with database.transaction() as session:
        service.set_status(session, "alice", single, Status.DISMISSED)
    # when
    with database.transaction() as session:
        result = bulk.dismiss(session, "alice", bulk.Selection.of([first, second]))
    # then
    assert result == bulk.BulkResult(selected=2, changed=2, unchanged=0, skipped=0)
    assert history(database, first) == history(database, single)
    assert history(database, second) == history(database, single)
    assert history(database, first)[-1]["summary"] == "status: new → dismissed"
    assert versions(database, [first, second, single]) == {first: 2, second: 2, single: 2}


def test_bulk_status_skips_and_counts_claims_the_workflow_forbids(database: Database) -> None:
    new, working, dismissed, review = add_claims(database, ["A one", "B two", "C three", "D four"])
    move(database, working, Status.IN_PROGRESS)
    move(database, dismissed, Status.DISMISSED)
    move(database, review, Status.IN_PROGRESS, Status.NEEDS_REVIEW)
    before = versions(database, [new, dismissed])

    with database.transaction() as session:
        result = bulk.set_status(
            session, "bob", bulk.Selection.of([new, working, dismissed, review]), "needs_review"
        )

    assert result == bulk.BulkResult(selected=4, changed=1, unchanged=1, skipped=2)
    assert statuses(database, [new, working, dismissed, review]) == {
        new: "new",
        working: "needs_review",
        dismissed: "dismissed",
        review: "needs_review",
    }
    assert versions(database, [new, dismissed]) == before
    assert history(database, new) == []


def test_concluding_in_bulk_needs_a_verdict(database: Database) -> None:
    ruled, unruled = add_claims(database, ["Ruled claim", "Unruled claim"])
    with database.transaction() as session:
        service.set_verdict(session, "alice", ruled, "unverifiable")
    move(database, ruled, Status.NEEDS_REVIEW)
    move(database, unruled, Status.IN_PROGRESS, Status.NEEDS_REVIEW)

    with database.transaction() as session:
        result = bulk.set_status(session, "bob", bulk.Selection.of([ruled, unruled]), "concluded")

    assert (result.changed, result.skipped) == (1, 1)
    assert statuses(database, [ruled, unruled]) == {ruled: "concluded", unruled: "needs_review"}


def test_bulk_assign_bumps_each_version_once_and_leaves_the_already_assigned(
    database: Database,
) -> None:
    single, first, second, theirs = add_claims(database, ["W one", "X two", "Y three", "Z four"])
    with database.transaction() as session:
        service.assign(session, "alice", single, "carol")
        service.assign(session, "alice", theirs, "carol")

    with database.transaction() as session:
        result = bulk.assign(
            session, "alice", bulk.Selection.of([first, second, theirs]), " carol "
        )

    assert result == bulk.BulkResult(selected=3, changed=2, unchanged=1, skipped=0)
    assert versions(database, [first, second, theirs]) == {first: 2, second: 2, theirs: 2}
    assert history(database, first) == history(database, single)

    # unassigning writes the same JSON null the service writes
    with database.transaction() as session:
        service.assign(session, "alice", single, None)
        bulk.assign(session, "alice", bulk.Selection.of([first]), "")
    assert history(database, first) == history(database, single)
    assert history(database, first)[-1]["new"] is None


def test_bulk_tag_creates_the_tag_once_and_skips_claims_that_have_it(database: Database) -> None:
    single, first, second = add_claims(database, ["P one", "Q two", "R three"])
    with database.transaction() as session:
        service.tag(session, "alice", single, "Drones")
    # when: tag twice, the second time with one already-tagged claim in the selection
    with database.transaction() as session:
        first_time = bulk.tag(session, "alice", bulk.Selection.of([first]), "drones")
    with database.transaction() as session:
        second_time = bulk.tag(session, "alice", bulk.Selection.of([first, second]), " DRONES ")
    # then
    assert (first_time.changed, second_time.changed, second_time.unchanged) == (1, 1, 1)
    assert history(database, first) == history(database, single)
    with database.read() as session:
        tagged = {
            c.id for c in session.scalars(select(Claim)) if [t.name for t in c.tags] == ["drones"]
        }
    assert tagged == {single, first, second}
    with database.transaction() as session, pytest.raises(InvalidInput):
        bulk.tag(session, "alice", bulk.Selection.of([first]), "  ")


def test_a_filter_selection_changes_every_claim_it_admits_but_the_excluded(
    database: Database,
) -> None:
    drones = add_claims(database, [f"Factory {n} makes drones" for n in range(5)], kind="quantity")
    (other,) = add_claims(database, ["Bread prices rose"], kind="quantity")
    (opinion,) = add_claims(database, ["Drones are the future"], kind="opinion")
    where = ClaimFilter(kind="quantity", search="drones")

    with database.transaction() as session:
        result = bulk.tag(session, "alice", bulk.Selection.matching(where, [drones[0]]), "fleet")

    assert result.changed == 4
    with database.read() as session:
        tagged = {c.id for c in session.scalars(select(Claim)) if c.tags}
    assert tagged == set(drones[1:])
    assert other not in tagged and opinion not in tagged


def test_merged_claims_are_never_selected(database: Database) -> None:
    survivor, merged = add_claims(database, ["Same claim", "Same claim again"])
    with database.transaction() as session:
        service.merge_claims(session, "alice", survivor, merged)

    with database.transaction() as session:
        by_id = bulk.dismiss(session, "alice", bulk.Selection.of([survivor, merged]))
    assert (by_id.selected, by_id.changed) == (1, 1)
    assert statuses(database, [merged]) == {merged: "new"}


def test_loaded_claims_are_refreshed_after_a_bulk_change(database: Database) -> None:
    (claim_id,) = add_claims(database, ["A loaded claim"])
    with database.transaction() as session:
        claim = session.get(Claim, claim_id)
        assert claim is not None and claim.status == "new"
        bulk.dismiss(session, "alice", bulk.Selection.of([claim_id]))
        assert (claim.status, claim.version) == ("dismissed", 2)
        # and the single-claim service still works on it in the same transaction
        service.set_status(session, "alice", claim_id, Status.NEW)
    assert [e["new"] for e in history(database, claim_id)] == ["dismissed", "new"]


def test_concluding_in_bulk_keeps_the_second_reviewer_rule(database: Database) -> None:
    (claim_id,) = add_claims(database, ["A ruled claim"])
    with database.transaction() as session:
        service.set_setting(session, "admin", service.SECOND_REVIEWER, "true")
        service.set_verdict(session, "alice", claim_id, "unverifiable")
        service.set_status(session, "alice", claim_id, Status.NEEDS_REVIEW)

    with database.transaction() as session:
        by_proposer = bulk.set_status(session, "alice", bulk.Selection.of([claim_id]), "concluded")
    with database.transaction() as session:
        by_second = bulk.set_status(session, "bob", bulk.Selection.of([claim_id]), "concluded")

    assert (by_proposer.changed, by_proposer.skipped) == (0, 1)
    assert (by_second.changed, by_second.skipped) == (1, 0)


def test_an_id_list_longer_than_the_drivers_parameter_limit_works(database: Database) -> None:
    # SQLite takes 32,766 bound parameters, psycopg 65,535: the ids go into the SQL text
    claim_ids = add_claims(database, ["One claim", "Another claim"])
    many = bulk.Selection.of(range(1, 70_001))
    with database.transaction() as session:
        result = bulk.assign(session, "alice", many, "carol")
    assert result.changed == len(claim_ids)
