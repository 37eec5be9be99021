"""Undo from the audit trail: take an event (or the batch it belongs to) back.

`undo` writes the inverse change as new events, each carrying `undoes_id`, so
the trail keeps both the change and its undoing, and an undo is itself undone
like any other change. A bulk change (one batch of events) is taken back as a
whole, in one transaction. Each step first checks that the claim still shows
what the event left; if a later change moved it on, nothing is written and the
error says what to undo first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimtrack import service
from claimtrack.errors import NotFound, WorkflowError
from claimtrack.history import verdict_summary
from claimtrack.models import Claim, Event, FollowUp, Note, SuggestedMatch
from claimtrack.queries import fetch
from claimtrack.scale import Status
from claimtrack.serialise import note_record, verdict_record
from claimtrack.service import _record
from claimtrack.service.sources import undo_source_edit

__all__ = ["UNDOABLE", "undo"]


def undo(
    session: Session, actor: str, event_id: int, *, expected_version: int | None = None
) -> list[Event]:
    """Take back event `event_id` and the rest of its batch; returns the events written.

    `expected_version` is checked against the event's claim when the batch
    touches one claim only (a bulk change spans many, each checked by value).
    """
    event = session.get(Event, event_id)
    if event is None:
        raise NotFound(f"no event {event_id}")
    group = _batch_of(session, event)
    for step in group:
        if step.action not in UNDOABLE:
            raise WorkflowError(f"event {step.id} ({step.action}) cannot be undone")
    ids = [step.id for step in group]
    already = session.scalar(select(Event.id).where(Event.undoes_id.in_(ids)).limit(1))
    if already is not None:
        raise WorkflowError(f"event {event_id} was already undone (by event {already})")
    claim_ids = {step.claim_id for step in group}
    if expected_version is not None and len(claim_ids) == 1:
        [claim_id] = claim_ids
        assert claim_id is not None  # every undoable action is recorded on a claim
        # Fetched as it is: undoing a deletion starts from a claim in the trash.
        claim = fetch(session, Claim, claim_id, "claim")
        service.check_version(session, claim, expected_version)
    first_new = service.last_event_id(session)
    with service.batch():
        # Newest first: a verdict ruled on a new claim is undone before its status move.
        for step in reversed(group):
            with service.undoing(step.id):
                UNDOABLE[step.action](session, actor, step)
    session.flush()
    return list(session.scalars(select(Event).where(Event.id > first_new).order_by(Event.id)))


def _batch_of(session: Session, event: Event) -> list[Event]:
    if event.batch is None:
        return [event]
    return list(session.scalars(select(Event).where(Event.batch == event.batch).order_by(Event.id)))


def _claim_showing(session: Session, event: Event, field: str, value: Any) -> Claim:
    """The event's claim, if `field` still holds what the event left (else nothing is written)."""
    assert event.claim_id is not None
    claim = service.get_claim(session, event.claim_id)
    current = getattr(claim, field)
    if current != value:
        raise WorkflowError(
            f"claim {claim.id} changed after event {event.id}: its {field} is now "
            f"{current!r}, not {value!r}; undo the later change first"
        )
    return claim


# ---------------------------------------------------------------- one inverse per action


def _status(session: Session, actor: str, event: Event) -> None:
    # Straight back, not through the workflow's transitions: an undo restores
    # where the claim was (new → in_progress has no way back otherwise).
    claim = _claim_showing(session, event, "status", event.new)
    claim.status = Status(event.old).value
    _record(session, claim, actor, "status", event.new, event.old)


def _verdict(session: Session, actor: str, event: Event) -> None:
    new, old = event.new or {}, event.old or {}
    claim = _claim_showing(session, event, "verdict", new.get("verdict"))
    _claim_showing(session, event, "verdict_summary", verdict_summary(new))
    if claim.status in (Status.CONCLUDED, Status.DISMISSED):
        raise WorkflowError(
            f"claim {claim.id} is {claim.status}; undo that (or reopen it) before its verdict"
        )
    if old.get("verdict") != claim.verdict:
        claim.verdict_by = actor if old.get("verdict") else None
    claim.verdict, claim.verdict_summary = old.get("verdict"), verdict_summary(old)
    _record(
        session,
        claim,
        actor,
        "verdict",
        {"verdict": new.get("verdict"), "verdict_summary": verdict_summary(new)},
        verdict_record(claim),
    )


def _field(name: str) -> Callable[[Session, str, Event], None]:
    """The inverse of an event that set one plain field (outcome, assignee) from old to new."""
    field = {"outcome": "outcome", "assign": "assignee"}[name]

    def inverse(session: Session, actor: str, event: Event) -> None:
        claim = _claim_showing(session, event, field, event.new)
        setattr(claim, field, event.old)
        _record(session, claim, actor, name, event.new, event.old)

    return inverse


def _edit(session: Session, actor: str, event: Event) -> None:
    assert event.claim_id is not None
    claim = service.get_claim(session, event.claim_id)
    for field, value in (event.new or {}).items():
        _claim_showing(session, event, field, value)
    # edit_claim records the old value of each field it changed among these four;
    # None goes back as "", which clears a speaker or its type.
    old = {field: "" if value is None else value for field, value in (event.old or {}).items()}
    service.edit_claim(
        session,
        actor,
        claim.id,
        text=old.get("text"),
        kind=old.get("kind"),
        speaker=old.get("speaker"),
        speaker_type=old.get("speaker_type"),
    )


def _tag(session: Session, actor: str, event: Event) -> None:
    assert event.claim_id is not None
    service.untag(session, actor, event.claim_id, event.new)


def _untag(session: Session, actor: str, event: Event) -> None:
    assert event.claim_id is not None
    claim = service.get_claim(session, event.claim_id)
    if any(label.name == event.old for label in claim.tags):
        raise WorkflowError(f"claim {claim.id} has the tag {event.old!r} again; nothing to undo")
    service.tag(session, actor, claim.id, event.old)


def _source_add(session: Session, actor: str, event: Event) -> None:
    service.remove_source(session, actor, event.new["id"])


def _source_remove(session: Session, actor: str, event: Event) -> None:
    assert event.claim_id is not None
    old = event.old
    accessed = dt.date.fromisoformat(old["accessed"]) if old.get("accessed") else None
    service.add_source(
        session,
        actor,
        event.claim_id,
        old["url"],
        title=old.get("title"),
        publisher=old.get("publisher"),
        stance=old["stance"],
        reliability=old["reliability"],
        excerpt=old.get("excerpt"),
        accessed=accessed,
    )


def _note(session: Session, actor: str, event: Event) -> None:
    service.remove_note(session, actor, event.new["id"])


def _note_remove(session: Session, actor: str, event: Event) -> None:
    assert event.claim_id is not None
    claim = service.get_claim(session, event.claim_id)
    note = Note(author=event.old.get("author") or event.actor, text=event.old["text"])
    claim.notes.append(note)
    session.flush()
    _record(session, claim, actor, "note", None, note_record(note))


def _followup_add(session: Session, actor: str, event: Event) -> None:
    service.remove_followup(session, actor, event.new["id"])


def _followup_remove(session: Session, actor: str, event: Event) -> None:
    assert event.claim_id is not None
    old = event.old
    followup = service.add_followup(
        session,
        actor,
        event.claim_id,
        old["text"],
        dt.date.fromisoformat(old["due"]),
        recurrence=old.get("rrule"),
    )
    if old.get("done"):
        followup.done, followup.done_by = True, event.actor


def _followup_done(session: Session, actor: str, event: Event) -> None:
    followup = session.get(FollowUp, event.old["id"])
    if followup is None:
        raise WorkflowError(f"follow-up {event.old['id']} is gone; it cannot be reopened")
    service.reopen_followup(session, actor, followup.id)


def _followup_reopen(session: Session, actor: str, event: Event) -> None:
    service.complete_followup(session, actor, event.old["id"])


def _match_reject(session: Session, actor: str, event: Event) -> None:
    service.reopen_match(session, actor, _match_of(session, event).id)


def _match_reopen(session: Session, actor: str, event: Event) -> None:
    service.decide_match(session, actor, _match_of(session, event).id, confirm=False)


def _claim_delete(session: Session, actor: str, event: Event) -> None:
    assert event.claim_id is not None
    service.restore_claim(session, actor, event.claim_id)


def _claim_restore(session: Session, actor: str, event: Event) -> None:
    assert event.claim_id is not None
    service.delete_claim(session, actor, event.claim_id)


def _match_of(session: Session, event: Event) -> SuggestedMatch:
    """The suggested match an event decided: its claim and the candidate it names."""
    match = session.scalar(
        select(SuggestedMatch).where(
            SuggestedMatch.claim_id == event.claim_id,
            SuggestedMatch.candidate_id == event.new["candidate"],
        )
    )
    if match is None:
        raise NotFound(f"the match event {event.id} decided is gone")
    return match


# What each action's undo does; any other action (create, a merge, an import,
# settings) is refused with a clear error.
UNDOABLE: dict[str, Callable[[Session, str, Event], None]] = {
    "status": _status,
    "verdict": _verdict,
    "outcome": _field("outcome"),
    "assign": _field("assign"),
    "edit": _edit,
    "tag": _tag,
    "untag": _untag,
    "source.add": _source_add,
    "source.remove": _source_remove,
    "source.edit": undo_source_edit,
    "note": _note,
    "note.remove": _note_remove,
    "followup.add": _followup_add,
    "followup.remove": _followup_remove,
    "followup.done": _followup_done,
    "followup.reopen": _followup_reopen,
    "match.reject": _match_reject,
    "match.reopen": _match_reopen,
    "claim.delete": _claim_delete,
    "claim.restore": _claim_restore,
}
