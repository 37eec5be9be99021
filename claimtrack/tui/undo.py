"""The workbench's `u`: the changes made in this session, newest last, each undone by the service."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from claimtrack import service

# (session, actor, expected_version) -> None
Revert = Callable[[Session, str, int], None]


def undo_event(event_id: int) -> Revert:
    """Take back the change that wrote `event_id` (and the rest of its batch) from the audit trail."""

    def revert(session: Session, actor: str, version: int) -> None:
        # Version 0: no one claim's version to check (a bulk change checks each by value).
        service.undo(session, actor, event_id, expected_version=version or None)

    return revert


@dataclass(slots=True)
class UndoStep:
    """One change this session made, and how to take it back (None if the service cannot)."""

    description: str
    claim_id: int
    revert: Revert | None
    version: int = 0  # the claim's version right after the change
    why_not: str = ""
    before: int | None = None  # the claim's version the change was made on


def carry_forward(steps: list[UndoStep], undone: UndoStep, version_now: int) -> None:
    """After `undone` is taken back, let the step it was made on top of expect the new version.

    Undoing is itself a change (it bumps the claim's version), so without this
    the second `u` in a row on one claim would look like someone else's edit.
    Only the step whose change `undone` directly followed is carried forward;
    any change in between, by anyone, still makes the older undo a conflict.
    """
    for step in reversed(steps):
        if step.claim_id == undone.claim_id:
            if undone.before is not None and step.version == undone.before:
                step.version = version_now
            return
