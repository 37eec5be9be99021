"""The look of the queue, compared as an SVG screenshot (pytest-textual-snapshot).

Regenerate after an intended change with `pytest tests/tui --snapshot-update`.
"""

from __future__ import annotations

import datetime as dt

from textual.pilot import Pilot
from tui_pilot import settle
from workbench_setup import (
    INTERCEPTORS,
    TODAY,
    add_agenda,
    add_near_duplicate,
    claim_id,
    open_claim,
    pin_times,
)

from claimtrack.db import Database
from claimtrack.tui.app import ClaimtrackApp


async def _queue_loaded(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_queue_snapshot(demo_db: Database, snap_compare) -> None:  # type: ignore[no-untyped-def]
    # The day the picture was taken, so "overdue" (red) does not drift with the clock.
    app = ClaimtrackApp(demo_db, "alice", today=dt.date(2026, 11, 24))
    # the second row marked, the cursor on the third
    assert snap_compare(
        app, press=["j", "space"], terminal_size=(140, 24), run_before=_queue_loaded
    )


# ---------------------------------------------------------------- the workbench
# Fixed "today" and pinned timestamps, so these pictures do not depend on the clock.


def _workbench(database: Database) -> ClaimtrackApp:
    add_agenda(database)
    add_near_duplicate(database)
    pin_times(database)
    return ClaimtrackApp(database, "alice", today=TODAY)


def test_claim_screen_snapshot(demo_db: Database, snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = _workbench(demo_db)
    target = claim_id(demo_db, INTERCEPTORS)

    async def open_the_claim(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await open_claim(pilot, target)

    # appearance in its article text, a suggested match, sources, follow-ups
    assert snap_compare(app, terminal_size=(140, 48), run_before=open_the_claim)


def test_followup_agenda_snapshot(demo_db: Database, snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = _workbench(demo_db)

    async def open_the_agenda(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("A")
        await settle(pilot)

    # overdue, today, this week, later; the cursor on the overdue one
    assert snap_compare(app, terminal_size=(140, 16), run_before=open_the_agenda)


def test_followup_agenda_light_theme_snapshot(demo_db: Database, snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = _workbench(demo_db)

    async def open_the_agenda(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("ctrl+t", "A")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(140, 16), run_before=open_the_agenda)
