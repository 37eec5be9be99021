"""Undo of the last changes made in this session, each undone through the service."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session

# (session, actor, expected_version) -> None
Revert = Callable[[Session, str, int], None]


@dataclass(slots=True)
class UndoStep:
    """One change this session made, and how to take it back (None if the service cannot)."""

    description: str
    claim_id: int
    revert: Revert | None
    version: int = 0  # the claim's version right after the change
    why_not: str = ""
