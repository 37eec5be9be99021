"""The home screen: the queue of claims, best first, filtered, searched and sorted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import ClassVar

from sqlalchemy.orm import Session
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input, Static
from textual.worker import get_current_worker

from claimtrack.db import Database
from claimtrack.errors import ClaimtrackError
from claimtrack.queries import ClaimFilter
from claimtrack.scale import Status
from claimtrack.service import bulk
from claimtrack.terminal import shown
from claimtrack.tui.filter_text import filter_text, parse_filter
from claimtrack.tui.screens.choice import ChoiceScreen
from claimtrack.tui.screens.claim import ClaimScreen
from claimtrack.tui.screens.text_prompt import TextPrompt
from claimtrack.tui.undo import UndoStep
from claimtrack.tui.widgets.claim_list import ClaimList
from claimtrack.views.queue import (
    SORT_COLUMNS,
    Counts,
    QueueSnapshot,
    QueueSort,
    fetch_rows,
    load_snapshot,
)

FIRST_PAGE = 200
SEARCH_DELAY = 0.15  # seconds of quiet typing before the search runs


BulkChange = Callable[[Session, bulk.Selection], bulk.BulkResult]


class QueueScreen(Screen[None]):
    """Claims the filter admits, sorted by a column; rows paged in as the reviewer scrolls."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search", id="queue.search"),
        Binding("escape", "clear_search", "Clear search", id="queue.clear_search", show=False),
        Binding("V", "mark_all", "Mark all", id="queue.mark_all"),
        Binding("M", "clear_marks", "Unmark", id="queue.clear_marks", show=False),
        Binding("colon", "jump", "Go to id", id="queue.jump"),
        Binding("F", "filter", "Filter", id="queue.filter"),
        Binding("r", "reload", "Reload", id="queue.reload"),
        Binding("d", "bulk_dismiss", "Dismiss", id="queue.dismiss"),
        Binding("t", "bulk_status", "Status", id="queue.status"),
        Binding("a", "bulk_assign", "Assign", id="queue.assign"),
        Binding("plus", "bulk_tag", "Tag", id="queue.tag"),
        Binding("s", "sort", "Sort", id="queue.sort"),
        Binding("S", "reverse_sort", "Reverse sort", id="queue.reverse_sort", show=False),
    ]

    def __init__(self, database: Database, actor: str) -> None:
        super().__init__()
        self.database = database
        self.actor = actor
        self.where = ClaimFilter()
        self.sort = QueueSort()
        self.snapshot: QueueSnapshot | None = None
        # Claims in all and per status: they change with a write, not with the filter,
        # so a keystroke in the search box does not count a million rows again.
        self.counts: Counts | None = None
        self._search_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="status-counts")
        yield Input(placeholder="search claims, speakers, notes…", id="search")
        yield ClaimList(partial(fetch_rows, self.database), id="claims")
        yield Static("loading…", id="status-bar")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(ClaimList).focus()
        self._load()

    def on_screen_resume(self) -> None:
        # Back from a claim: its row (and maybe its place in the filter) changed.
        if self.snapshot is not None:
            self.reload()

    # ------------------------------------------------------------ loading

    def _load(self) -> None:
        # The marks are copied here, on the UI thread that changes them.
        self.load_queue(self.where, self.sort, frozenset(self.query_one(ClaimList).marked))

    @work(thread=True, exclusive=True, group="queue")
    def load_queue(self, where: ClaimFilter, sort: QueueSort, marks: frozenset[int]) -> None:
        """Load the ordered id list for `where` and `sort` off the UI thread.

        `marks` are the explicitly marked claims: those the filter no longer admits drop.
        """
        worker = get_current_worker()

        def cancelled() -> bool:
            return worker.is_cancelled

        try:
            # The first page paints at once; the full id list (slow at a million) follows.
            first = load_snapshot(
                self.database, where, sort, limit=FIRST_PAGE, counts=self.counts, marks=marks
            )
            if first is None or worker.is_cancelled:
                return
            self.app.call_from_thread(self._show_snapshot, first)
            snapshot: QueueSnapshot | None = first
            if not first.complete:
                counts = Counts(first.total, first.status_counts)
                snapshot = load_snapshot(
                    self.database, where, sort, counts=counts, marks=marks, cancelled=cancelled
                )
            elif marks:
                snapshot = load_snapshot(
                    self.database, where, sort, counts=self.counts, marks=marks
                )
        except Exception as error:  # a bad query must show, not kill the app
            if not worker.is_cancelled:
                self.app.call_from_thread(
                    self.notify, shown(str(error)), severity="error", markup=False
                )
            return
        if snapshot is not None and snapshot is not first and not worker.is_cancelled:
            self.app.call_from_thread(self._show_snapshot, snapshot)

    def _show_snapshot(self, snapshot: QueueSnapshot) -> None:
        if (snapshot.where, snapshot.sort) != (self.where, self.sort):
            return  # an older load finished after a newer filter or sort was set
        self.snapshot = snapshot
        self.counts = Counts(snapshot.total, snapshot.status_counts)
        claims = self.query_one(ClaimList)
        claims.show_ids(snapshot.ids, snapshot.sort, snapshot.first_rows)
        if snapshot.complete and claims.marked:
            claims.marked &= snapshot.kept_marks
        counts = " · ".join(
            f"{status.label} {snapshot.status_counts.get(status.value, 0):,}" for status in Status
        )
        self.query_one("#status-counts", Static).update(counts)
        self._update_status_bar()

    def _update_status_bar(self) -> None:
        if self.snapshot is None:
            return
        claims = self.query_one(ClaimList)
        shown = f"{len(self.snapshot.ids):,}" if self.snapshot.complete else "counting…"
        parts = [f"{shown} of {self.snapshot.total:,}"]
        if described := self.where.describe():
            parts.append(described)
        if self.sort != QueueSort():
            parts.append(f"sort={self.sort.describe()}")
        # After a mark-all the count needs the full id list; until then it is "all".
        counted = self.snapshot.complete or not claims.all_marked
        parts.append(f"{claims.mark_count:,} marked" if counted else "all marked")
        self.query_one("#status-bar", Static).update(" · ".join(parts))

    def set_filter(self, where: ClaimFilter) -> None:
        """Show the claims another filter admits."""
        if where != self.where:
            claims = self.query_one(ClaimList)
            if claims.all_marked:  # "all" meant all the old filter showed
                claims.clear_marks()
        self.where = where
        self._load()

    def set_sort(self, sort: QueueSort) -> None:
        """Show the same claims in another order."""
        self.sort = sort
        self._load()

    # ------------------------------------------------------------ events

    @on(ClaimList.Opened)
    def open_claim(self, event: ClaimList.Opened) -> None:
        self.app.push_screen(ClaimScreen(self.database, self.actor, event.claim_id))

    @on(ClaimList.MarksChanged)
    def marks_changed(self) -> None:
        self._update_status_bar()

    @on(ClaimList.SortRequested)
    def sort_requested(self, event: ClaimList.SortRequested) -> None:
        self.set_sort(self.sort.by(event.key))

    @on(Input.Changed, "#search")
    def search_changed(self, event: Input.Changed) -> None:
        # Wait for a pause in typing, so one query runs per word, not per key.
        if self._search_timer is not None:
            self._search_timer.stop()
        text = event.value.strip() or None
        self._search_timer = self.set_timer(SEARCH_DELAY, lambda: self._search(text))

    def _search(self, text: str | None) -> None:
        self._search_timer = None
        self.set_filter(replace(self.where, search=text))

    @property
    def search_pending(self) -> bool:
        """Whether typed search words wait for the pause in typing that runs them."""
        return self._search_timer is not None

    @on(Input.Submitted, "#search")
    def search_submitted(self) -> None:
        self.query_one(ClaimList).focus()

    # ------------------------------------------------------------ actions

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.add_class("-shown")
        search.focus()

    def action_clear_search(self) -> None:
        search = self.query_one("#search", Input)
        search.remove_class("-shown")
        self.query_one(ClaimList).focus()
        if search.value:
            search.value = ""

    def action_mark_all(self) -> None:
        self.query_one(ClaimList).mark_all()

    def action_clear_marks(self) -> None:
        self.query_one(ClaimList).clear_marks()

    def reload(self) -> None:
        """Re-read the counts and the id list and repaint the rows (after a write)."""
        self.counts = None
        self.query_one(ClaimList).reload_rows()
        self._load()

    def action_sort(self) -> None:
        def chosen(key: str | None) -> None:
            if key is not None:
                self.set_sort(self.sort.by(key))

        choices = [
            (
                column.key,
                f"{column.label} {'▲▼'[column.descending ^ (column.key == self.sort.key)]}",
            )
            for column in SORT_COLUMNS.values()
        ]
        self.app.push_screen(ChoiceScreen("Sort by", choices, self.sort.key), chosen)

    def action_reverse_sort(self) -> None:
        self.set_sort(self.sort.reversed())

    def action_reload(self) -> None:
        self.reload()

    def action_filter(self) -> None:
        def apply(text: str | None) -> None:
            if text is None:
                return
            try:
                where = parse_filter(text, self.where, dt.date.today())
            except ValueError as error:
                self.notify(shown(str(error)), severity="error", markup=False)
                return
            self.set_filter(where)

        prompt = "Filter: status=… verdict=… kind=… assignee=… tag=… document=… overdue"
        self.app.push_screen(TextPrompt(prompt, filter_text(self.where)), apply)

    # ------------------------------------------------------------ bulk actions

    def _selection(self) -> bulk.Selection | None:
        """The marked claims (a filter after a mark-all), or the one under the cursor."""
        claims = self.query_one(ClaimList)
        if claims.all_marked:
            return bulk.Selection.matching(self.where, claims.unmarked)
        if claims.marked:
            return bulk.Selection.of(claims.marked)
        if claims.current_id is not None:
            return bulk.Selection.of([claims.current_id])
        return None

    def _bulk(self, done: str, change: BulkChange) -> None:
        if (selection := self._selection()) is not None:
            self.run_bulk(done, selection, change)

    @work(thread=True, exclusive=True, group="bulk")
    def run_bulk(self, done: str, selection: bulk.Selection, change: BulkChange) -> None:
        """One set-based change in one transaction, one audit event per changed claim."""
        try:
            with self.database.transaction() as session:
                result = change(session, selection)
        except ClaimtrackError as error:
            self.app.call_from_thread(
                self.notify,
                shown(f"nothing changed: {error}"),
                severity="error",
                timeout=10,
                markup=False,
            )
            return
        self.app.call_from_thread(self._bulk_done, result.describe(done), result.event_id)

    def _bulk_done(self, message: str, event_id: int | None) -> None:
        self.notify(shown(message), timeout=8, markup=False)
        if event_id is not None:
            # `u` takes the whole bulk change back: its events are one batch.
            self.app.remember(  # type: ignore[attr-defined]
                UndoStep(message, claim_id=0, event_id=event_id)
            )
        self.query_one(ClaimList).clear_marks()
        self.reload()

    def action_bulk_dismiss(self) -> None:
        self._bulk(
            "dismissed", lambda session, selection: bulk.dismiss(session, self.actor, selection)
        )

    def action_bulk_status(self) -> None:
        def move(value: str | None) -> None:
            if value is not None:
                self._bulk(
                    f"status {value}",
                    lambda session, selection: bulk.set_status(
                        session, self.actor, selection, value
                    ),
                )

        choices = [(s.value, s.label) for s in Status]
        self.app.push_screen(ChoiceScreen("Status of the marked claims", choices), move)

    def action_bulk_assign(self) -> None:
        def give(name: str | None) -> None:
            if name is not None:
                self._bulk(
                    f"assigned to {name.strip() or 'nobody'}",
                    lambda session, selection: bulk.assign(session, self.actor, selection, name),
                )

        self.app.push_screen(TextPrompt("Assign the marked claims to", self.actor), give)

    def action_bulk_tag(self) -> None:
        def label(name: str | None) -> None:
            if name and name.strip():
                self._bulk(
                    f"tagged {name.strip().lower()}",
                    lambda session, selection: bulk.tag(session, self.actor, selection, name),
                )

        self.app.push_screen(TextPrompt("Tag the marked claims"), label)

    def action_jump(self) -> None:
        def jump(value: str | None) -> None:
            if not value:
                return
            try:
                claim_id = int(value.strip().lstrip("#"))
            except ValueError:
                self.notify(f"not a claim id: {value!r}", severity="error")
                return
            self.app.push_screen(ClaimScreen(self.database, self.actor, claim_id))

        self.app.push_screen(TextPrompt("Go to claim id"), jump)
