"""Behaviour of the service layer: the only code that writes.

Every test runs on SQLite and, when CLAIMTRACK_TEST_DATABASE_URL is set, on
PostgreSQL (the `database` fixture in conftest.py).
"""

from __future__ import annotations

import datetime as dt

import pytest

from claimtrack import queries, reads, service
from claimtrack.db import Database
from claimtrack.errors import Conflict, InvalidInput, NotFound, WorkflowError
from claimtrack.models import Claim, Document
from claimtrack.serialise import claim_record

DRONES = "Ukraine plans to produce 600–800 interceptor drones per day"


def add_claim(database: Database, text: str = DRONES, *, kind: str = "quantity") -> int:
    with database.transaction() as s:
        return service.add_claim(s, "alice", text, kind=kind).id


def events(database: Database, claim_id: int) -> list[tuple[str, str, object, object]]:
    with database.read() as s:
        return [(e.actor, e.action, e.old, e.new) for e in queries.claim_history(s, claim_id)]


def claim_state(database: Database, claim_id: int) -> dict[str, object]:
    with database.read() as s:
        claim = s.get(Claim, claim_id)
        assert claim is not None
        return claim_record(claim, full=True)


def add_source(database: Database, claim_id: int, actor: str = "alice") -> None:
    with database.transaction() as s:
        service.add_source(s, actor, claim_id, "https://example.org/report", stance="supports")


# ---------------------------------------------------------------- audit trail


def test_each_write_records_an_event_with_its_actor_and_old_and_new_values(database):
    # given a new claim
    claim_id = add_claim(database)
    # when different reviewers change it in several ways
    with database.transaction() as s:
        service.set_status(s, "bob", claim_id, "in_progress")
        service.assign(s, "carol", claim_id, "dmytro")
        service.tag(s, "bob", claim_id, "Drones")
        service.add_source(s, "bob", claim_id, "https://example.org/report", stance="supports")
        service.set_verdict(s, "carol", claim_id, "mostly_true", "Plan confirmed")
        service.add_note(s, "bob", claim_id, "Ask the ministry")
        service.add_followup(s, "carol", claim_id, "Check output", dt.date(2025, 12, 15))
    # then each change is in the history, with who did it and what it was before and after
    trail = events(database, claim_id)
    assert [(actor, action) for actor, action, _, _ in trail] == [
        ("alice", "create"),
        ("bob", "status"),
        ("carol", "assign"),
        ("bob", "tag"),
        ("bob", "source.add"),
        ("carol", "verdict"),
        ("bob", "note"),
        ("carol", "followup.add"),
    ]
    changes = {action: (old, new) for _, action, old, new in trail}
    assert changes["status"] == ("new", "in_progress")
    assert changes["assign"] == (None, "dmytro")
    assert changes["tag"] == (None, "drones")
    assert changes["verdict"] == (
        {"verdict": None, "verdict_summary": None},
        {"verdict": "mostly_true", "verdict_summary": "Plan confirmed"},
    )
    assert changes["source.add"][1]["url"] == "https://example.org/report"


def test_each_audited_change_bumps_the_claim_version(database):
    # given a new claim at version 1
    claim_id = add_claim(database)
    # when its status changes twice
    with database.transaction() as s:
        service.set_status(s, "bob", claim_id, "in_progress")
    with database.transaction() as s:
        service.set_status(s, "bob", claim_id, "needs_review")
    # then the version counts the changes
    assert claim_state(database, claim_id)["version"] == 3


# ---------------------------------------------------------------- workflow


def test_status_cannot_jump_from_new_to_concluded(database):
    # given a new claim
    claim_id = add_claim(database)
    # when a reviewer tries to conclude it straight away
    with pytest.raises(WorkflowError, match="new → concluded"), database.transaction() as s:
        service.set_status(s, "bob", claim_id, "concluded")
    # then nothing changed
    assert claim_state(database, claim_id)["status"] == "new"
    assert [action for _, action, _, _ in events(database, claim_id)] == ["create"]


def test_status_walks_the_allowed_workflow(database):
    # given a claim with a source
    claim_id = add_claim(database)
    add_source(database, claim_id)
    # when it goes through the workflow with a verdict ruled
    with database.transaction() as s:
        service.set_status(s, "bob", claim_id, "in_progress")
        service.set_verdict(s, "bob", claim_id, "mostly_true")
        service.set_status(s, "bob", claim_id, "needs_review")
        service.set_status(s, "bob", claim_id, "concluded")
    # then it is concluded
    assert claim_state(database, claim_id)["status"] == "concluded"


def test_an_unknown_status_is_refused_as_invalid_input(database):
    claim_id = add_claim(database)
    with pytest.raises(InvalidInput), database.transaction() as s:
        service.set_status(s, "bob", claim_id, "finished")


def test_a_verdict_with_no_source_is_refused(database):
    # given a claim with no source
    claim_id = add_claim(database)
    # when a reviewer rules it mostly true
    with pytest.raises(WorkflowError, match="source"), database.transaction() as s:
        service.set_verdict(s, "bob", claim_id, "mostly_true")
    # then no verdict was stored
    assert claim_state(database, claim_id)["verdict"] is None


def test_a_verdict_with_no_source_is_accepted_when_forced(database):
    claim_id = add_claim(database)
    with database.transaction() as s:
        service.set_verdict(s, "bob", claim_id, "false", force=True)
    assert claim_state(database, claim_id)["verdict"] == "false"


def test_unverifiable_needs_no_source(database):
    claim_id = add_claim(database)
    with database.transaction() as s:
        service.set_verdict(s, "bob", claim_id, "unverifiable")
    assert claim_state(database, claim_id)["verdict"] == "unverifiable"


def _claim_awaiting_review(database: Database, proposer: str) -> int:
    claim_id = add_claim(database)
    add_source(database, claim_id)
    with database.transaction() as s:
        service.set_setting(s, "admin", "require_second_reviewer", "true")
        service.set_verdict(s, proposer, claim_id, "mostly_true")
        service.set_status(s, proposer, claim_id, "needs_review")
    return claim_id


def test_with_second_reviewer_required_the_proposer_cannot_conclude(database):
    # given the team requires a second reviewer and alice proposed the verdict
    claim_id = _claim_awaiting_review(database, "alice")
    # when alice concludes the claim
    with pytest.raises(WorkflowError, match="second reviewer"), database.transaction() as s:
        service.set_status(s, "alice", claim_id, "concluded")
    # then it still waits for review
    assert claim_state(database, claim_id)["status"] == "needs_review"


def test_with_second_reviewer_required_another_reviewer_can_conclude(database):
    # given the team requires a second reviewer and alice proposed the verdict
    claim_id = _claim_awaiting_review(database, "alice")
    # when bob concludes it
    with database.transaction() as s:
        service.set_status(s, "bob", claim_id, "concluded")
    # then it is concluded
    assert claim_state(database, claim_id)["status"] == "concluded"


def test_without_the_setting_the_proposer_may_conclude(database):
    claim_id = add_claim(database)
    add_source(database, claim_id)
    with database.transaction() as s:
        service.set_verdict(s, "alice", claim_id, "mostly_true")
        service.set_status(s, "alice", claim_id, "needs_review")
        service.set_status(s, "alice", claim_id, "concluded")
    assert claim_state(database, claim_id)["status"] == "concluded"


# ---------------------------------------------------------------- outcomes


@pytest.mark.parametrize("kind", ["commitment", "prediction"])
def test_outcome_revisions_are_all_kept_in_history(database, kind):
    # given a commitment
    claim_id = add_claim(database, "Ukraine will open an office in Berlin by year-end", kind=kind)
    # when its outcome is rated and then revised
    with database.transaction() as s:
        service.set_outcome(s, "bob", claim_id, "in_the_works")
    with database.transaction() as s:
        service.set_outcome(s, "carol", claim_id, "kept")
    # then the claim carries the latest outcome and the history holds every revision
    assert claim_state(database, claim_id)["outcome"] == "kept"
    outcomes = [(a, o, n) for a, action, o, n in events(database, claim_id) if action == "outcome"]
    assert outcomes == [("bob", None, "in_the_works"), ("carol", "in_the_works", "kept")]


@pytest.mark.parametrize("kind", ["quantity", "event", "other"])
def test_outcome_is_refused_for_claims_that_are_not_commitments_or_predictions(database, kind):
    claim_id = add_claim(database, kind=kind)
    with pytest.raises(WorkflowError, match="commitments"), database.transaction() as s:
        service.set_outcome(s, "bob", claim_id, "kept")
    assert claim_state(database, claim_id)["outcome"] is None


# ---------------------------------------------------------------- optimistic locking


def test_a_stale_expected_version_raises_a_conflict_naming_what_changed(database):
    # given a claim loaded at version 1, then moved on by bob
    claim_id = add_claim(database)
    with database.transaction() as s:
        service.set_status(s, "bob", claim_id, "in_progress")
    # when carol writes based on version 1
    with pytest.raises(Conflict) as raised, database.transaction() as s:
        service.assign(s, "carol", claim_id, "carol", expected_version=1)
    # then the conflict says what changed and nothing was written
    assert "status: new → in_progress" in str(raised.value)
    assert claim_state(database, claim_id)["assignee"] is None


def test_the_current_expected_version_is_accepted(database):
    claim_id = add_claim(database)
    with database.transaction() as s:
        service.assign(s, "carol", claim_id, "carol", expected_version=1)
    assert claim_state(database, claim_id)["assignee"] == "carol"


# ---------------------------------------------------------------- merging


def test_merge_moves_everything_to_the_survivor_and_hides_the_merged_claim(database):
    # given two claims, the second with an appearance, source, follow-up, note and tag
    survivor_id = add_claim(database, "Ukraine will build 800 drones a day")
    with database.transaction() as s:
        document, _ = service.add_document(s, "alice", text="Ukraine says 600-800 drones a day.")
        merged = service.add_claim(
            s,
            "alice",
            "Ukraine says 600-800 drones a day.",
            placements=[
                service.Placement(document.id, "Ukraine says 600-800 drones a day.", 0, 33)
            ],
        )
        merged_id = merged.id
        service.add_source(s, "alice", merged_id, "https://example.org/a", stance="refutes")
        service.add_followup(s, "alice", merged_id, "Check again", dt.date(2025, 12, 1))
        service.add_note(s, "alice", merged_id, "Same figure as claim 1")
        service.tag(s, "alice", merged_id, "drones")
    # when the second is merged into the first
    with database.transaction() as s:
        service.merge_claims(s, "bob", survivor_id, merged_id)
    # then the survivor holds all of it
    state = claim_state(database, survivor_id)
    assert [a["document_id"] for a in state["appearances"]] == [document.id]
    assert [src["url"] for src in state["sources"]] == ["https://example.org/a"]
    assert [f["text"] for f in state["followups"]] == ["Check again"]
    assert [n["text"] for n in state["notes"]] == ["Same figure as claim 1"]
    assert state["tags"] == ["drones"]
    # and the merged claim is gone from lists and from lookups
    with database.read() as s:
        listed = [c.id for c in queries.list_claims(s, reads.ClaimFilter())]
        assert listed == [survivor_id]
        with pytest.raises(NotFound, match="merged into"):
            service.get_claim(s, merged_id)


def test_merging_a_claim_into_itself_is_refused(database):
    claim_id = add_claim(database)
    with pytest.raises(InvalidInput), database.transaction() as s:
        service.merge_claims(s, "bob", claim_id, claim_id)


# ---------------------------------------------------------------- follow-ups


def test_completing_a_weekly_followup_schedules_the_next_one_a_week_later(database):
    # given a weekly follow-up due on 1 December 2025
    claim_id = add_claim(database)
    with database.transaction() as s:
        followup_id = service.add_followup(
            s, "alice", claim_id, "Check output", dt.date(2025, 12, 1), recurrence="weekly"
        ).id
    # when it is done
    with database.transaction() as s:
        following = service.complete_followup(s, "bob", followup_id)
        assert following is not None
    # then the next one is due on 8 December and the first is closed
    followups = {f["id"]: f for f in claim_state(database, claim_id)["followups"]}
    assert followups[followup_id]["done"] is True
    assert followups[following.id]["due"] == "2025-12-08"
    assert followups[following.id]["done"] is False


def test_completing_a_one_off_followup_schedules_nothing(database):
    claim_id = add_claim(database)
    with database.transaction() as s:
        followup_id = service.add_followup(s, "alice", claim_id, "Check", dt.date(2025, 12, 1)).id
    with database.transaction() as s:
        assert service.complete_followup(s, "bob", followup_id) is None
    assert [f["done"] for f in claim_state(database, claim_id)["followups"]] == [True]


# ---------------------------------------------------------------- sources


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,<b>x</b>", "ftp://example.org/x", "example.org"]
)
def test_source_urls_other_than_http_are_refused(database, url):
    # given a claim
    claim_id = add_claim(database)
    # when a non-web URL is attached
    with pytest.raises(InvalidInput, match="http"), database.transaction() as s:
        service.add_source(s, "bob", claim_id, url)
    # then no source was stored
    assert claim_state(database, claim_id)["sources"] == []


# ---------------------------------------------------------------- search


def test_search_finds_a_claim_by_a_word_of_its_text(database):
    # given two claims
    drones = add_claim(database)
    add_claim(database, "Germany must lead in tank manufacturing", kind="other")
    # when searching for a word in one of them
    with database.read() as s:
        found = queries.list_claims(s, reads.ClaimFilter(search="interceptor"))
    # then only that claim is found
    assert [c.id for c in found] == [drones]


def test_search_finds_a_claim_by_a_word_in_its_notes(database):
    # given a claim whose note mentions a word its text lacks
    claim_id = add_claim(database)
    add_claim(database, "Germany must lead in tank manufacturing", kind="other")
    with database.transaction() as s:
        service.add_note(s, "bob", claim_id, "Ask the ministry for monthly figures")
    # when searching for that word
    with database.read() as s:
        found = queries.list_claims(s, reads.ClaimFilter(search="ministry"))
    # then the claim is found
    assert [c.id for c in found] == [claim_id]


# ---------------------------------------------------------------- documents


def test_adding_the_same_document_twice_is_a_noop(database):
    with database.transaction() as s:
        first, created_first = service.add_document(s, "alice", text="Some article text.")
    with database.transaction() as s:
        second, created_second = service.add_document(s, "alice", text="Some article text.")
    assert (created_first, created_second) == (True, False)
    assert second.id == first.id
    with database.read() as s:
        assert len(s.query(Document).all()) == 1


def test_completing_a_monthly_followup_due_on_the_31st_schedules_the_next_month_end(database):
    # given a monthly follow-up due on 31 January 2026
    claim_id = add_claim(database)
    with database.transaction() as s:
        followup_id = service.add_followup(
            s, "alice", claim_id, "Monthly figures", dt.date(2026, 1, 31), recurrence="monthly"
        ).id
    # when it is done
    with database.transaction() as s:
        following = service.complete_followup(s, "bob", followup_id)
        assert following is not None
        next_due = following.due
    # then the next one falls at the end of February, not two months later
    assert next_due == dt.date(2026, 2, 28)
