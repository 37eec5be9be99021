"""A write's refusal as a notice on screen: the one place the workbench reports write errors.

    with write_notices(self, on_conflict=self.reload) as written:
        with self.database.transaction() as session:
            ...
    if not written.ok:
        return

A conflict (someone else changed the claim), a refusal the user must act on
(`ClaimtrackError`, the busy database included) and a database failure each
become one notice; the workbench keeps running and nothing was written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy.exc import SQLAlchemyError
from textual.notifications import SeverityLevel

from claimtrack.errors import ClaimtrackError, Conflict
from claimtrack.terminal import shown


class Notifies(Protocol):
    def notify(self, message: str, *, title: str = ..., severity: SeverityLevel = ..., timeout: float | None = ..., markup: bool = ...) -> None: ...  # fmt: skip


@dataclass(slots=True)
class Written:
    """Whether the block ran to its end (set once the `with` is left)."""

    ok: bool = False


@contextmanager
def write_notices(
    widget: Notifies,
    *,
    on_conflict: Callable[[], object] | None = None,
    on_refusal: Callable[[], object] | None = None,
) -> Iterator[Written]:
    """Run a write; on an error, notify (and call the matching hook) instead of raising."""
    written = Written()
    try:
        yield written
    except Conflict as error:
        # Refusals can quote input (a claim, a URL): plain text, controls visible.
        message = shown(str(error))
        widget.notify(message, title="Conflict", severity="warning", timeout=10, markup=False)
        if on_conflict is not None:
            on_conflict()
        return
    except ClaimtrackError as error:
        widget.notify(shown(str(error)), severity="error", markup=False)
        if on_refusal is not None:
            on_refusal()
        return
    except SQLAlchemyError as error:  # e.g. the database is gone: say so, keep going
        message = shown(f"database error: {error}")
        widget.notify(message, severity="error", timeout=10, markup=False)
        return
    written.ok = True
