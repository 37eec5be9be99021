"""Errors a user must act on: each becomes one line on stderr and exit code 1."""

from __future__ import annotations


class ClaimtrackError(Exception):
    """A failure the user must act on (bad input, conflict); never a bug."""


class NotFound(ClaimtrackError):
    """The claim, source or follow-up named does not exist."""


class InvalidInput(ClaimtrackError):
    """A value the user gave cannot be used."""


class WorkflowError(ClaimtrackError):
    """The change is not allowed by the review workflow (scale.py)."""


class SchemaTooNew(ClaimtrackError):
    """The database was upgraded by a newer claimtrack than this one."""


class DatabaseBusy(ClaimtrackError):
    """Another program held the database's write lock too long: nothing was written."""

    def __init__(self) -> None:
        super().__init__(
            "the database is busy (another program is writing); nothing was written, try again"
        )


class Conflict(ClaimtrackError):
    """The claim changed since the caller loaded it: nothing was written."""

    def __init__(self, claim_id: int, expected: int, actual: int, changes: list[str]) -> None:
        self.claim_id = claim_id
        self.expected = expected
        self.actual = actual
        self.changes = changes
        what = "; ".join(changes) if changes else "it was changed"
        super().__init__(
            f"conflict: claim {claim_id} changed since you loaded version {expected} "
            f"(now version {actual}: {what}); nothing was written, reload and try again"
        )
