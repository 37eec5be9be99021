"""Retrying a write the database gave up on through no fault of the writer.

PostgreSQL aborts a transaction it cannot order against a concurrent one: a
serialization failure (SQLSTATE 40001, under REPEATABLE READ or SERIALIZABLE,
which a team may make its default) or a deadlock (40P01). Nothing was
written, and running the same work again normally succeeds. A claim updated
between our read and our write is the same kind of loss (`ConcurrentWrite`):
run again, the work reads the new version, and a caller who named the version
it expected gets a real `Conflict` from the version check.

The work is retried a bounded number of times, after a short random pause
that grows each time, then reported as one line.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import DBAPIError

from claimtrack.errors import ClaimtrackError, Conflict

ATTEMPTS = 5
# Before attempt n+1, wait a random time up to BACKOFF_SECONDS * 2**n, so writers
# that collided once do not collide again in step.
BACKOFF_SECONDS = 0.01
SERIALIZATION_FAILURE = "40001"
DEADLOCK_DETECTED = "40P01"
T = TypeVar("T")


class ConcurrentWrite(Conflict):
    """Another writer saved the claim between our read and our write: nothing was written."""

    def __init__(self, claim_id: int, loaded_version: int) -> None:
        super().__init__(
            claim_id,
            loaded_version,
            loaded_version + 1,
            ["another reviewer saved a change at the same moment"],
        )


class RetriesExhausted(ClaimtrackError):
    """The work lost to concurrent writers on every attempt: nothing was written."""

    def __init__(self, attempts: int, reason: str) -> None:
        self.attempts = attempts
        super().__init__(
            f"the database refused the change {attempts} times ({reason}) because of "
            "concurrent writes; nothing was written, try again"
        )


def sqlstate(error: BaseException) -> str | None:
    """The SQLSTATE of a database error (None for other errors)."""
    if isinstance(error, DBAPIError):
        return getattr(error.orig, "sqlstate", None)
    return None


def database_gave_up(error: BaseException) -> bool:
    """A serialization failure or a deadlock: nothing was written, the same transaction may run again."""
    return sqlstate(error) in (SERIALIZATION_FAILURE, DEADLOCK_DETECTED)


def retry_reason(error: BaseException) -> str | None:
    """Why running the same work again may succeed, or None when it would not."""
    if isinstance(error, ConcurrentWrite):
        return "a concurrent update"
    state = sqlstate(error)
    if state == SERIALIZATION_FAILURE:
        return "serialization failure"
    if state == DEADLOCK_DETECTED:
        return "deadlock"
    return None


def retrying(
    work: Callable[[], T],
    *,
    attempts: int = ATTEMPTS,
    before_retry: Callable[[], object] | None = None,
) -> T:
    """Run `work` (one whole transaction) until it succeeds, at most `attempts` times."""
    for attempt in range(1, attempts + 1):
        try:
            return work()
        except Exception as error:
            reason = retry_reason(error)
            if reason is None:
                raise
            if attempt == attempts:
                raise RetriesExhausted(attempts, reason) from None
            if before_retry is not None:
                before_retry()
            time.sleep(random.uniform(0, BACKOFF_SECONDS * 2**attempt))
    raise AssertionError("unreachable: the loop returns or raises")
