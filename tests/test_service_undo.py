"""The service functions that take a change back: each is a change of its own, audited.

Every test runs on SQLite and, when CLAIMTRACK_TEST_DATABASE_URL is set, on
PostgreSQL (the `database` fixture in conftest.py).
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from claimtrack import queries, service
from claimtrack.db import Database
from claimtrack.errors import Conflict, NotFound, WorkflowError
from claimtrack.history import describe_change
from claimtrack.models import FollowUp, Note, SuggestedMatch

DRONES = "Ukraine plans to produce 600–800 interceptor drones per day"
DUE = dt.date(2025, 12, 15)


def add_claim(database: Database, text: str = DRONES, *, kind: str = "quantity") -> int:
    with database.transaction() as s:
        return service.add_claim(s, "alice", text, kind=kind).id


def actions(database: Database, claim_id: int) -> list[str]:
    with database.read() as s:
        return [e.action for e in queries.claim_history(s, claim_id)]


def last_event(database: Database, claim_id: int) -> tuple[str, str, object, object]:
    with database.read() as s:
        event = queries.claim_history(s, claim_id)[-1]
        return event.actor, event.action, event.old, event.new


def suggested_pair(database: Database) -> tuple[int, int]:
    """Two reworded drone claims suggested as a match: the first claim's id and the match's."""
    first = add_claim(database)
    second = add_claim(database, "Ukraine plans to make 600–800 interceptor drones every day")
    with database.transaction() as s:
        s.add(SuggestedMatch(claim_id=first, candidate_id=second, similarity=91.0))
    with database.read() as s:
        return first, s.scalars(select(SuggestedMatch.id)).one()


def version(database: Database, claim_id: int) -> int:
    with database.read() as s:
        return service.get_claim(s, claim_id).version


def open_followups(database: Database, claim_id: int) -> list[tuple[str, dt.date]]:
    with database.read() as s:
        rows = s.execute(
            select(FollowUp.text, FollowUp.due)
            .where(FollowUp.claim_id == claim_id, FollowUp.done.is_(False))
            .order_by(FollowUp.due)
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]


# ---------------------------------------------------------------- notes


def test_removing_a_note_deletes_it_and_keeps_its_text_in_the_history(database):
    # given a claim with a note
    claim_id = add_claim(database)
    with database.transaction() as s:
        note_id = service.add_note(s, "alice", claim_id, "Ask the ministry").id
    # when the note is removed
    with database.transaction() as s:
        service.remove_note(s, "bob", note_id, expected_version=version(database, claim_id))
    # then it is gone, and the removal is an event of its own that keeps the text
    with database.read() as s:
        assert s.get(Note, note_id) is None
    actor, action, old, new = last_event(database, claim_id)
    assert (actor, action, new) == ("bob", "note.remove", None)
    # The snapshot is the note as `--json` shows it (serialise.note_record).
    assert {k: old[k] for k in ("id", "author", "text")} == {
        "id": note_id,
        "author": "alice",
        "text": "Ask the ministry",
    }
    assert old.keys() == {"id", "author", "text", "at"} and old["at"]
    assert actions(database, claim_id)[-2:] == ["note", "note.remove"]


def test_removing_a_note_on_a_stale_version_is_a_conflict(database):
    claim_id = add_claim(database)
    with database.transaction() as s:
        note_id = service.add_note(s, "alice", claim_id, "Ask the ministry").id
    stale = version(database, claim_id)
    with database.transaction() as s:  # a field changes; an addition would not conflict
        service.set_status(s, "bob", claim_id, "in_progress")
    with pytest.raises(Conflict), database.transaction() as s:
        service.remove_note(s, "alice", note_id, expected_version=stale)
    with database.read() as s:
        assert s.get(Note, note_id) is not None


def test_removing_an_unknown_note_is_not_found(database):
    with pytest.raises(NotFound), database.transaction() as s:
        service.remove_note(s, "alice", 999)


# ---------------------------------------------------------------- follow-ups


def test_removing_a_followup_takes_it_off_the_agenda_and_records_what_it_was(database):
    claim_id = add_claim(database)
    with database.transaction() as s:
        followup_id = service.add_followup(s, "alice", claim_id, "Check output", DUE).id
    with database.transaction() as s:
        service.remove_followup(
            s, "alice", followup_id, expected_version=version(database, claim_id)
        )
    assert open_followups(database, claim_id) == []
    actor, action, old, new = last_event(database, claim_id)
    assert (actor, action, new) == ("alice", "followup.remove", None)
    # The snapshot is the follow-up as `--json` shows it (serialise.followup_record).
    assert old == {
        "id": followup_id,
        "claim_id": claim_id,
        "assignee": None,
        "text": "Check output",
        "due": "2025-12-15",
        "rrule": None,
        "done": False,
    }


def test_reopening_a_done_followup_puts_it_back_on_the_agenda(database):
    claim_id = add_claim(database)
    with database.transaction() as s:
        followup_id = service.add_followup(s, "alice", claim_id, "Check output", DUE).id
    with database.transaction() as s:
        service.complete_followup(s, "alice", followup_id)
    assert open_followups(database, claim_id) == []
    with database.transaction() as s:
        service.reopen_followup(
            s, "alice", followup_id, expected_version=version(database, claim_id)
        )
    assert open_followups(database, claim_id) == [("Check output", DUE)]
    with database.read() as s:
        reopened = s.get(FollowUp, followup_id)
        assert reopened is not None
        assert (reopened.done, reopened.done_at, reopened.done_by) == (False, None, None)
    assert last_event(database, claim_id)[1:] == (
        "followup.reopen",
        {"id": followup_id, "done_by": "alice"},
        {"id": followup_id, "removed_next_id": None},
    )


def test_reopening_a_recurring_followup_drops_the_occurrence_its_completion_scheduled(database):
    # given a weekly follow-up completed once, which scheduled the next week
    claim_id = add_claim(database)
    with database.transaction() as s:
        followup_id = service.add_followup(
            s, "alice", claim_id, "Check output", DUE, recurrence="weekly"
        ).id
    with database.transaction() as s:
        following = service.complete_followup(s, "alice", followup_id)
        assert following is not None
        next_id = following.id
    assert open_followups(database, claim_id) == [("Check output", DUE + dt.timedelta(weeks=1))]
    # when the completion is taken back
    with database.transaction() as s:
        service.reopen_followup(s, "alice", followup_id)
    # then the series is as before: one open occurrence, the original
    assert open_followups(database, claim_id) == [("Check output", DUE)]
    assert last_event(database, claim_id)[3] == {"id": followup_id, "removed_next_id": next_id}


def test_reopening_an_open_followup_is_refused(database):
    claim_id = add_claim(database)
    with database.transaction() as s:
        followup_id = service.add_followup(s, "alice", claim_id, "Check output", DUE).id
    with pytest.raises(WorkflowError), database.transaction() as s:
        service.reopen_followup(s, "alice", followup_id)


def test_removing_a_followup_on_a_stale_version_is_a_conflict(database):
    claim_id = add_claim(database)
    with database.transaction() as s:
        followup_id = service.add_followup(s, "alice", claim_id, "Check output", DUE).id
    stale = version(database, claim_id)
    with database.transaction() as s:  # a field changes; an addition would not conflict
        service.set_status(s, "bob", claim_id, "in_progress")
    with pytest.raises(Conflict), database.transaction() as s:
        service.remove_followup(s, "alice", followup_id, expected_version=stale)
    assert open_followups(database, claim_id) == [("Check output", DUE)]


# ---------------------------------------------------------------- outcome and matches


def test_clearing_an_outcome_leaves_the_claim_unrated_and_audited(database):
    claim_id = add_claim(
        database, "The ministry will open an office by December", kind="commitment"
    )
    with database.transaction() as s:
        service.set_outcome(s, "alice", claim_id, "kept")
    with database.transaction() as s:
        claim = service.clear_outcome(s, "bob", claim_id)
        assert claim.outcome is None
    assert last_event(database, claim_id) == ("bob", "outcome", "kept", None)


def test_a_rejected_match_can_be_put_back_among_the_suggestions(database):
    first, match_id = suggested_pair(database)
    with database.transaction() as s:
        service.decide_match(s, "alice", match_id, confirm=False)
    with database.transaction() as s:
        service.reopen_match(s, "alice", match_id, expected_version=version(database, first))
    with database.read() as s:
        match = s.get(SuggestedMatch, match_id)
        assert match is not None
        assert (match.state, match.decided_by) == ("suggested", None)
    assert actions(database, first)[-2:] == ["match.reject", "match.reopen"]


def test_a_confirmed_match_cannot_be_reopened(database):
    _, match_id = suggested_pair(database)
    with database.transaction() as s:
        service.decide_match(s, "alice", match_id, confirm=True)
    with pytest.raises(WorkflowError), database.transaction() as s:
        service.reopen_match(s, "alice", match_id)


def test_each_taking_back_reads_as_a_line_of_history(database):
    claim_id = add_claim(database)
    with database.transaction() as s:
        note_id = service.add_note(s, "alice", claim_id, "Ask the ministry").id
        followup_id = service.add_followup(s, "alice", claim_id, "Check output", DUE).id
        other_id = service.add_followup(s, "alice", claim_id, "Check again", DUE).id
    with database.transaction() as s:
        service.complete_followup(s, "alice", followup_id)
    with database.transaction() as s:
        service.reopen_followup(s, "alice", followup_id)
        service.remove_followup(s, "alice", other_id)
        service.remove_note(s, "alice", note_id)
    with database.read() as s:
        lines = [describe_change(e) for e in queries.claim_history(s, claim_id)][-3:]
    assert lines == [
        f"follow-up #{followup_id} reopened",
        f"follow-up #{other_id} removed: Check again",
        "note removed: Ask the ministry",
    ]
