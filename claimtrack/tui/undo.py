"""The workbench's `u`: the changes made in this session, newest last, each undone by the service."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class UndoStep:
    """One change this session made, and the audit event `service.undo` takes it back by.

    `event_id` is one event the change wrote (its batch goes with it), or None
    when the change cannot be undone (`why_not` says why).
    """

    description: str
    claim_id: int
    event_id: int | None
    version: int = 0  # the claim's version right after the change; 0 for a bulk change
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
