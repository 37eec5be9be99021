"""`service.undo`: a change taken back from the audit trail, as new events that say what they undo.

Every test runs on SQLite and, when CLAIMTRACK_TEST_DATABASE_URL is set, on
PostgreSQL (the `database` fixture in conftest.py).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import func, insert, select

from claimtrack import service
from claimtrack.db import Database
from claimtrack.errors import Conflict, NotFound, WorkflowError
from claimtrack.models import Claim, Event, claim_tags
from claimtrack.queries import claim_history
from claimtrack.scale import Status
from claimtrack.serialise import event_record
from claimtrack.service import bulk

DRONES = "Ukraine plans to produce 600–800 interceptor drones per day"


def add_claim(database: Database, text: str = DRONES) -> int:
    with database.transaction() as session:
        return service.add_claim(session, "alice", text, kind="quantity").id


def history(database: Database, claim_id: int) -> list[dict[str, Any]]:
    with database.read() as session:
        return [event_record(e) for e in claim_history(session, claim_id)]


def claim(database: Database, claim_id: int) -> Claim:
    with database.read() as session:
        found = service.get_claim(session, claim_id)
        session.expunge(found)
        return found


def undo(database: Database, event_id: int, **options: Any) -> list[dict[str, Any]]:
    with database.transaction() as session:
        return [event_record(e) for e in service.undo(session, "bob", event_id, **options)]


def test_undoing_a_status_change_restores_it_and_says_what_it_undid(database: Database) -> None:
    # given a claim moved new → in_progress
    claim_id = add_claim(database)
    with database.transaction() as session:
        service.set_status(session, "alice", claim_id, Status.IN_PROGRESS)
    moved = history(database, claim_id)[-1]
    # when that event is undone
    written = undo(database, moved["id"])
    # then the claim is new again, one version later, and the history says so
    assert claim(database, claim_id).status == Status.NEW
    assert claim(database, claim_id).version == moved["version"] + 1
    assert [(e["action"], e["old"], e["new"], e["undoes_id"]) for e in written] == [
        ("status", "in_progress", "new", moved["id"])
    ]
    assert history(database, claim_id)[-1] == written[0]
    assert written[0]["actor"] == "bob"


def test_undoing_a_verdict_restores_the_verdict_and_its_summary_as_one_batch(
    database: Database,
) -> None:
    # given a new claim whose verdict (with a summary) also moved it to in_progress
    claim_id = add_claim(database)
    with database.transaction() as session:
        service.set_verdict(session, "alice", claim_id, "half_true", "Planned", force=True)
    with database.transaction() as session:
        service.set_verdict(session, "alice", claim_id, "false", "Not produced", force=True)
    before = history(database, claim_id)
    assert [e["action"] for e in before] == ["create", "status", "verdict", "verdict"]
    # when the second ruling is undone
    written = undo(database, before[-1]["id"])
    # then the first ruling and its summary are back
    restored = claim(database, claim_id)
    assert (restored.verdict, restored.verdict_summary) == ("half_true", "Planned")
    assert [(e["action"], e["new"], e["undoes_id"]) for e in written] == [
        ("verdict", {"verdict": "half_true", "verdict_summary": "Planned"}, before[-1]["id"])
    ]
    # and when the first ruling is undone, its status move goes with it (one batch)
    written = undo(database, before[2]["id"])
    restored = claim(database, claim_id)
    assert (restored.verdict, restored.verdict_summary, restored.status) == (None, None, "new")
    assert [(e["action"], e["undoes_id"]) for e in written] == [
        ("verdict", before[2]["id"]),
        ("status", before[1]["id"]),
    ]


def test_a_bulk_tag_over_a_thousand_claims_is_undone_as_one_group(database: Database) -> None:
    # given 1,000 claims (written directly: the bulk change is what is under test)
    with database.transaction() as session:
        session.execute(
            insert(Claim),
            [
                {"text": f"Claim {n}", "normalized": f"claim {n}", "kind": "other", "score": 0.5}
                for n in range(1000)
            ],
        )
        ids = list(session.scalars(select(Claim.id).order_by(Claim.id)))
    # tagged in bulk
    with database.transaction() as session:
        result = bulk.tag(session, "alice", bulk.Selection.of(ids), "drones")
    assert result.changed == 1000
    tagged = history(database, ids[500])[-1]
    # when any one of the bulk's events is undone
    written = undo(database, tagged["id"])
    # then all 1,000 claims lose the tag, each with an untag event undoing its own tag event
    assert len(written) == 1000
    assert {e["action"] for e in written} == {"untag"}
    with database.read() as session:
        assert session.scalar(select(func.count()).select_from(claim_tags)) == 0
        tag_events = dict(
            session.execute(select(Event.claim_id, Event.id).where(Event.action == "tag")).all()
        )
    assert {e["undoes_id"] for e in written} == set(tag_events.values())
    for entry in (history(database, ids[0])[-1], history(database, ids[-1])[-1]):
        assert entry["action"] == "untag"
        assert entry["undoes_id"] == tag_events[entry["claim_id"]]
    # and undoing one of the undo's events tags all 1,000 again
    again = undo(database, written[0]["id"])
    assert len(again) == 1000
    with database.read() as session:
        assert session.scalar(select(func.count()).select_from(claim_tags)) == 1000


def test_an_undo_is_undone_like_any_change(database: Database) -> None:
    # given a status change and its undo
    claim_id = add_claim(database)
    with database.transaction() as session:
        service.set_status(session, "alice", claim_id, Status.IN_PROGRESS)
    [undone] = undo(database, history(database, claim_id)[-1]["id"])
    # when the undo is undone
    [redone] = undo(database, undone["id"])
    # then the change is back, and each event names the one it takes back
    assert claim(database, claim_id).status == Status.IN_PROGRESS
    trail = history(database, claim_id)
    assert [(e["action"], e["new"], e["undoes_id"]) for e in trail] == [
        ("create", trail[0]["new"], None),
        ("status", "in_progress", None),
        ("status", "new", trail[1]["id"]),
        ("status", "in_progress", trail[2]["id"]),
    ]
    assert redone == trail[-1]


def test_an_event_is_undone_once(database: Database) -> None:
    claim_id = add_claim(database)
    with database.transaction() as session:
        service.assign(session, "alice", claim_id, "carol")
    event_id = history(database, claim_id)[-1]["id"]
    undo(database, event_id)
    with pytest.raises(WorkflowError, match="already undone"):
        undo(database, event_id)
    assert claim(database, claim_id).assignee is None


def test_a_change_made_since_blocks_the_undo_and_nothing_is_written(database: Database) -> None:
    # given a claim assigned to carol, then to dave
    claim_id = add_claim(database)
    with database.transaction() as session:
        service.assign(session, "alice", claim_id, "carol")
    first = history(database, claim_id)[-1]["id"]
    with database.transaction() as session:
        service.assign(session, "alice", claim_id, "dave")
    count = len(history(database, claim_id))
    # when the first assignment is undone, then it is refused: the later one must go first
    with pytest.raises(WorkflowError, match="undo the later change first"):
        undo(database, first)
    assert claim(database, claim_id).assignee == "dave"
    assert len(history(database, claim_id)) == count


def test_a_stale_expected_version_is_a_conflict(database: Database) -> None:
    claim_id = add_claim(database)
    with database.transaction() as session:
        service.set_status(session, "alice", claim_id, "in_progress")
    event = history(database, claim_id)[-1]
    with pytest.raises(Conflict):
        undo(database, event["id"], expected_version=event["version"] - 1)
    [written] = undo(database, event["id"], expected_version=event["version"])
    assert written["action"] == "status"


def test_sources_notes_and_followups_come_back_when_their_removal_is_undone(
    database: Database,
) -> None:
    claim_id = add_claim(database)
    with database.transaction() as session:
        source = service.add_source(
            session, "alice", claim_id, "https://example.org/r", stance="refutes"
        )
        note = service.add_note(session, "alice", claim_id, "Ask the ministry")
        followup = service.add_followup(
            session, "alice", claim_id, "Check output", dt.date(2025, 12, 15)
        )
        ids = source.id, note.id, followup.id
    with database.transaction() as session:
        service.remove_source(session, "bob", ids[0])
        service.remove_note(session, "bob", ids[1])
        service.remove_followup(session, "bob", ids[2])
    for removal in history(database, claim_id)[-3:]:
        undo(database, removal["id"])
    with database.read() as session:
        back = service.get_claim(session, claim_id)
        assert [(s.url, s.stance) for s in back.sources] == [("https://example.org/r", "refutes")]
        assert [(n.author, n.text) for n in back.notes] == [("alice", "Ask the ministry")]
        assert [(f.text, f.due) for f in back.followups] == [
            ("Check output", dt.date(2025, 12, 15))
        ]


def test_what_cannot_be_undone_is_refused_by_name(database: Database) -> None:
    claim_id = add_claim(database)
    created = history(database, claim_id)[0]
    with pytest.raises(WorkflowError, match=r"\(create\) cannot be undone"):
        undo(database, created["id"])


def test_an_unknown_event_is_not_found(database: Database) -> None:
    with pytest.raises(NotFound):
        undo(database, 999_999)
