"""What the queue reads before its first rows, and what a dialog does to a load under way.

Counted, never timed: the SQL statements sent before the first page is shown,
and the id-list loads started (tui_scale.py measures the same at a million).
"""

from __future__ import annotations

import asyncio
import gc
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import event
from textual.pilot import Pilot
from tui_pilot import drive, settle

import claimtrack.tui.screens.queue as queue_screen
from claimtrack import service
from claimtrack.db import Database
from claimtrack.errors import ClaimtrackError
from claimtrack.tui import first_page, launch
from claimtrack.tui.app import ClaimtrackApp
from claimtrack.tui.screens.queue import QueueScreen
from claimtrack.tui.widgets.claim_list import ClaimList
from claimtrack.views.queue import load_snapshot

SHOWN = "-- first ids shown --"
PAINTED = "-- first row painted --"


@pytest.fixture
def sent(demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every SQL statement the app sends, with SHOWN and PAINTED where the first rows are
    handed to the queue's list and where the first of them is drawn."""
    statements: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        statements.append(" ".join(statement.split()))

    show_ids = ClaimList.show_ids

    def noted(self: ClaimList, *args: Any, **kwargs: Any) -> None:
        if SHOWN not in statements:
            statements.append(SHOWN)
        show_ids(self, *args, **kwargs)

    render_line = ClaimList.render_line

    def drawn(self: ClaimList, y: int) -> Any:
        if y == 1 and PAINTED not in statements and self.rows.row(self.scroll_offset.y):
            statements.append(PAINTED)
        return render_line(self, y)

    monkeypatch.setattr(ClaimList, "show_ids", noted)
    monkeypatch.setattr(ClaimList, "render_line", drawn)
    event.listen(demo_db.engine, "before_cursor_execute", record)
    yield statements
    event.remove(demo_db.engine, "before_cursor_execute", record)


def _id_lists(statements: list[str]) -> list[str]:
    return [s for s in statements if s.startswith("SELECT claims.id FROM claims")]


def _plan(database: Database, statement: str) -> str:
    """SQLite's plan for a statement of the queue (its LIMIT and OFFSET bound to 3 and 0)."""
    with database.engine.connect() as connection:
        rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", (3, 0))
        return " ".join(str(row[-1]) for row in rows)


def test_the_first_rows_need_one_limit_query_and_no_count(
    app: ClaimtrackApp, demo_db: Database, sent: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # a first page smaller than the demo, so the full id list has to follow
    monkeypatch.setattr(queue_screen, "FIRST_PAGE", 3)

    async def steps(pilot: Pilot[None]) -> None:
        screen = pilot.app.screen
        assert isinstance(screen, QueueScreen)
        assert screen.snapshot is not None and screen.snapshot.complete
        assert screen.counts is not None

    drive(app, steps)
    assert sent.index(SHOWN) < sent.index(PAINTED)
    before = sent[: sent.index(PAINTED)]
    after = sent[sent.index(PAINTED) :]
    # before the first rows are drawn: the ids of one page, read with LIMIT on the
    # sort's index, and that page's rows ...
    [first_ids] = _id_lists(before)
    assert "ORDER BY claims.score DESC, claims.id ASC LIMIT" in first_ids
    plan = _plan(demo_db, first_ids)
    # walked, not sorted (only ties of score, the other way by id, are put in order)
    assert "ix_claims_score" in plan and "TEMP B-TREE FOR ORDER BY" not in plan
    # ... and nothing counted, nothing else of the table read
    assert not [s for s in before if "GROUP BY claims.status" in s or "count(*)" in s]
    # the full id list and the counts come after the first rows are drawn
    assert [s for s in _id_lists(after) if "LIMIT" not in s]
    assert [s for s in after if "GROUP BY claims.status" in s]


class GatedLoads:
    """load_snapshot, counted; first pages wait for `first_gate`, full lists for `gate`."""

    def __init__(self) -> None:
        self.first_pages = 0
        self.full_lists = 0
        self.first_gate = threading.Event()
        self.gate = threading.Event()
        self.first_gate.set()
        self.gate.set()

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if kwargs.get("limit") is not None:
            self.first_pages += 1
            self.first_gate.wait(timeout=30)
        else:
            self.full_lists += 1
            self.gate.wait(timeout=30)
        return load_snapshot(*args, **kwargs)


async def _until(pilot: Pilot[None], done: Callable[[], bool]) -> None:
    for _ in range(100):  # a bound, in steps of the app's own work, not of time
        if done():
            return
        await pilot.pause()
    raise AssertionError("the app never got there")


async def _toggle_help(pilot: Pilot[None], screen: QueueScreen, times: int) -> None:
    for _ in range(times):
        await pilot.press("question_mark")
        assert type(pilot.app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        assert pilot.app.screen is screen


def test_toggling_help_during_a_load_neither_restarts_nor_reloads_it(
    app: ClaimtrackApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(queue_screen, "FIRST_PAGE", 3)
    loads = GatedLoads()
    monkeypatch.setattr(queue_screen, "load_snapshot", loads)

    async def steps(pilot: Pilot[None]) -> None:
        screen = pilot.app.screen
        assert isinstance(screen, QueueScreen)
        assert (loads.first_pages, loads.full_lists) == (1, 1)
        assert screen.snapshot is not None and screen.snapshot.complete

        # a reload, its full id list held: help opened and closed five times meanwhile
        loads.gate.clear()
        screen.reload()
        await _until(pilot, lambda: loads.full_lists == 2)  # the full list is being read
        await _toggle_help(pilot, screen, 5)
        assert not screen.snapshot.complete  # still loading
        loads.gate.set()
        await settle(pilot)
        # the one load ran to its end; no dialog started another, nothing was reloaded
        assert (loads.first_pages, loads.full_lists) == (2, 2)
        assert screen.snapshot.complete

        # with the list complete and nothing written, a dialog reads no id list at all
        kept = screen.snapshot
        await pilot.press("question_mark")
        await pilot.press("escape")
        await settle(pilot)
        assert (loads.first_pages, loads.full_lists) == (2, 2)
        assert screen.snapshot is kept

    drive(app, steps)


def test_a_dialog_closed_while_a_reload_reads_its_first_page_does_not_restart_it(
    app: ClaimtrackApp, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    loads = GatedLoads()
    monkeypatch.setattr(queue_screen, "load_snapshot", loads)

    async def steps(pilot: Pilot[None]) -> None:
        screen = pilot.app.screen
        assert isinstance(screen, QueueScreen)
        kept = screen.snapshot
        # another program writes, then the queue reloads; its first page is held
        with demo_db.transaction() as session:
            service.add_note(session, "bob", kept.ids[0], "seen elsewhere")
        loads.first_gate.clear()
        started = loads.first_pages
        screen.reload()
        await _until(pilot, lambda: loads.first_pages == started + 1)
        # the ids shown are still the old ones, read before the write: closing a dialog
        # now must wait for the running load, not start another
        await _toggle_help(pilot, screen, 3)
        loads.first_gate.set()
        await settle(pilot)
        assert loads.first_pages == started + 1
        assert screen.snapshot is not kept and screen.snapshot.complete

    drive(app, steps)


def test_a_first_page_read_while_textual_loaded_is_the_first_frame_and_not_read_again(
    demo_db: Database, sent: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # given the default queue's first page, read before the app started (as `claimtrack` does)
    monkeypatch.setattr(first_page, "FIRST_PAGE", 3)
    prefetched = first_page.prefetch(demo_db)
    prefetched.result(timeout=30)
    read_before = len(sent)
    loads = GatedLoads()
    monkeypatch.setattr(queue_screen, "load_snapshot", loads)
    app = ClaimtrackApp(demo_db, "demo", first_page=prefetched)

    async def steps(pilot: Pilot[None]) -> None:
        screen = pilot.app.screen
        assert isinstance(screen, QueueScreen)
        assert screen.snapshot is not None and screen.snapshot.complete

    drive(app, steps)
    # then the app read no first page of its own: the prefetched one was shown ...
    assert len(_id_lists(sent[:read_before])) == 1 and loads.first_pages == 0
    assert sent.index(SHOWN) < sent.index(PAINTED)
    assert not _id_lists(sent[read_before : sent.index(PAINTED)])
    # ... and the rest of the list followed it, as after any first page
    assert loads.full_lists == 1


def test_a_first_page_still_being_read_is_waited_for_not_read_twice(
    demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = threading.Event()
    read = first_page.load_snapshot

    def slow(*args: Any, **kwargs: Any) -> Any:
        gate.wait(timeout=30)
        return read(*args, **kwargs)

    monkeypatch.setattr(first_page, "load_snapshot", slow)
    prefetched = first_page.prefetch(demo_db)
    loads = GatedLoads()
    monkeypatch.setattr(queue_screen, "load_snapshot", loads)
    app = ClaimtrackApp(demo_db, "demo", first_page=prefetched)

    async def main() -> None:
        # not `drive`: it waits for every worker, and the queue's waits for the read
        async with app.run_test(size=(140, 40)) as pilot:
            screen = pilot.app.screen
            assert isinstance(screen, QueueScreen)
            assert screen.snapshot is None  # the page is still being read
            gate.set()
            await _until(pilot, lambda: screen.snapshot is not None)
            assert screen.snapshot is not None
            assert screen.snapshot is prefetched.result()
            await pilot.press("q")

    asyncio.run(main())
    assert loads.first_pages == 0


def test_a_first_page_that_failed_to_read_is_told_and_the_app_carries_on(
    demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: Any, **__: Any) -> Any:
        raise ClaimtrackError("the database went away")

    monkeypatch.setattr(first_page, "load_snapshot", broken)
    prefetched = first_page.prefetch(demo_db)
    app = ClaimtrackApp(demo_db, "demo", first_page=prefetched)

    async def steps(pilot: Pilot[None]) -> None:
        await _until(pilot, lambda: bool(pilot.app._notifications))
        [notice] = list(pilot.app._notifications)
        assert notice.message == "the database went away" and notice.severity == "error"
        assert isinstance(pilot.app.screen, QueueScreen)

    drive(app, steps)


def test_the_collector_paused_for_start_up_resumes_once_the_first_rows_are_drawn(
    app: ClaimtrackApp,
) -> None:
    # given `claimtrack` paused the collector before loading the workbench
    launch.pause_collector()
    try:
        assert not gc.isenabled()
        frozen = gc.get_freeze_count()

        async def steps(pilot: Pilot[None]) -> None:
            screen = pilot.app.screen
            assert isinstance(screen, QueueScreen) and screen.snapshot is not None

        drive(app, steps)
        # then it collects again, and what start-up built is frozen, out of its way
        assert gc.isenabled()
        assert gc.get_freeze_count() > frozen
        launch.resume_collector()  # a second call changes nothing
        assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()
