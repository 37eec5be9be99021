"""`write_notices`: a write's refusal becomes one notice and a hook call, never an exception."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.exc import OperationalError

from claimtrack.errors import Conflict, DatabaseBusy, WorkflowError
from claimtrack.tui.notices import write_notices


class Screen:
    def __init__(self) -> None:
        self.notices: list[tuple[str, dict[str, Any]]] = []

    def notify(self, message: str, **options: Any) -> None:
        self.notices.append((message, options))


def test_a_write_that_runs_to_its_end_is_ok_and_silent() -> None:
    screen = Screen()
    with write_notices(screen) as written:
        pass
    assert written.ok
    assert screen.notices == []


@pytest.mark.parametrize(
    ("error", "hook", "severity"),
    [
        (Conflict(5, 4, 5, ["status: new → in_progress"]), "conflict", "warning"),
        (WorkflowError("claim 5: rule a verdict"), "refusal", "error"),
        (DatabaseBusy(), "refusal", "error"),
        (OperationalError("UPDATE", {}, Exception("disk I/O error")), None, "error"),
    ],
)
def test_each_refusal_is_one_notice_and_its_hook(
    error: Exception, hook: str | None, severity: str
) -> None:
    screen, called = Screen(), []
    with write_notices(
        screen,
        on_conflict=lambda: called.append("conflict"),
        on_refusal=lambda: called.append("refusal"),
    ) as written:
        raise error
    assert not written.ok
    assert [options["severity"] for _, options in screen.notices] == [severity]
    assert called == ([hook] if hook else [])
