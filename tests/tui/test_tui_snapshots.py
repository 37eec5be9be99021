"""The look of the queue, compared as an SVG screenshot (pytest-textual-snapshot).

Regenerate after an intended change with `pytest tests/tui --snapshot-update`.
"""

from __future__ import annotations

import datetime as dt

import pytest
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


@pytest.fixture(autouse=True)
def _stable_database_name(monkeypatch: pytest.MonkeyPatch) -> None:
    # The header names the open database; each test's copy lives in another tmp dir.
    monkeypatch.setattr(
        "claimtrack.tui.widgets.workbench_header.database_label", lambda url: "demo.db"
    )


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


# ---------------------------------------------------------------- sizes and forms
# Each at the smallest supported terminal (80x24) and a large one (160x48).

SIZES = [(80, 24), (160, 48)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_queue_at_size_snapshot(demo_db: Database, snap_compare, size) -> None:  # type: ignore[no-untyped-def]
    app = _workbench(demo_db)
    assert snap_compare(app, press=["j", "space"], terminal_size=size, run_before=_queue_loaded)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_claim_screen_at_size_snapshot(demo_db: Database, snap_compare, size) -> None:  # type: ignore[no-untyped-def]
    app = _workbench(demo_db)
    target = claim_id(demo_db, INTERCEPTORS)

    async def open_the_claim(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await open_claim(pilot, target)

    assert snap_compare(app, terminal_size=size, run_before=open_the_claim)


# the key that opens each form on the claim screen (m: pick the match, then the merge form)
FORMS = {
    "source": ["s"],
    "source_edit": ["E"],
    "verdict": ["v"],
    "edit": ["e"],
    "note": ["n"],
    "followup": ["f"],
    "delete": ["delete"],
    "merge": ["m", "enter"],
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("form", list(FORMS))
def test_form_snapshot(demo_db: Database, snap_compare, form: str, size) -> None:  # type: ignore[no-untyped-def]
    app = _workbench(demo_db)
    target = claim_id(demo_db, INTERCEPTORS)

    async def open_the_form(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await open_claim(pilot, target)
        for key in FORMS[form]:
            await pilot.press(key)
            await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=open_the_form)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_bulk_confirmation_snapshot(demo_db: Database, snap_compare, size) -> None:  # type: ignore[no-untyped-def]
    app = _workbench(demo_db)

    async def ask(pilot: Pilot[None]) -> None:
        await _queue_loaded(pilot)
        await pilot.press("V", "d")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=ask)
