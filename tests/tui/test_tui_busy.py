"""Another program holding SQLite's write lock: a bulk change is a notice, not a crash."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select
from textual.pilot import Pilot
from tui_pilot import drive, settle

import claimtrack.db
from claimtrack.db import Database
from claimtrack.models import Claim
from claimtrack.scale import Status, can_transition
from claimtrack.tui.app import ClaimtrackApp
from claimtrack.tui.widgets.claim_list import ClaimList


def statuses(database: Database) -> dict[int, str]:
    with database.read() as session:
        return dict(session.execute(select(Claim.id, Claim.status)).all())


def test_bulk_dismiss_while_another_program_holds_the_write_lock_is_a_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, demo_copy: Callable[[Path], Database]
) -> None:
    # a short busy timeout, so the blocked write gives up at once rather than after 10 s;
    # set before the database opens, as SQLite takes it per connection
    monkeypatch.setattr(claimtrack.db, "BUSY_TIMEOUT_MS", 50)
    path = tmp_path / "demo.db"
    demo_db = demo_copy(path)
    app = ClaimtrackApp(demo_db, "alice")
    before = statuses(demo_db)
    blocker = sqlite3.connect(path, isolation_level=None)

    async def steps(pilot: Pilot[None]) -> None:
        claims = pilot.app.screen.query_one(ClaimList)
        marked = list(claims.ids)[:2]
        assert all(can_transition(Status(before[i]), Status.DISMISSED) for i in marked)

        blocker.execute("BEGIN IMMEDIATE")  # another program is writing
        try:
            await pilot.press("space", "space", "d", "y")
            await settle(pilot)
            # the workbench is still up, and says why nothing changed
            assert pilot.app.is_running and pilot.app.return_code is None
            messages = [n.message for n in pilot.app._notifications]
            assert any("nothing changed" in m and "busy" in m for m in messages), messages
            assert statuses(demo_db) == before
        finally:
            blocker.execute("ROLLBACK")

        # the lock released: nothing was half-written, and the marks are still there to retry
        assert statuses(demo_db) == before
        assert set(claims.marked) == set(marked)
        await pilot.press("d", "y")
        await settle(pilot)
        after = statuses(demo_db)
        assert {i for i in marked if after[i] == "dismissed"} == set(marked)
        assert {i: s for i, s in after.items() if i not in marked} == {
            i: s for i, s in before.items() if i not in marked
        }

    try:
        drive(app, steps)
    finally:
        blocker.close()
        demo_db.dispose()
