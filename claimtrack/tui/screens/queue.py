"""The home screen: the queue of claims, best first, filtered, searched and sorted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input, Static
from textual.worker import Worker, get_current_worker

from claimtrack.db import Database
from claimtrack.errors import ClaimtrackError
from claimtrack.reads import ClaimFilter
from claimtrack.scale import Status
from claimtrack.terminal import shown
from claimtrack.tui.first_page import FIRST_PAGE, FirstPage
from claimtrack.tui.launch import resume_collector
from claimtrack.tui.undo import UndoStep
from claimtrack.tui.widgets.claim_list import ClaimList
from claimtrack.tui.widgets.workbench_header import WorkbenchHeader
from claimtrack.views.queue import (
    SORT_COLUMNS,
    Counts,
    QueueSnapshot,
    QueueSort,
    count_admitted,
    data_changed_since,
    fetch_rows,
    load_counts,
    load_snapshot,
)
from claimtrack.wording import count

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    # The service (with the extractor behind it) loads on the first write, the claim
    # screen on the first claim opened, and each dialog when first asked for: the
    # queue's first rows wait for none of them.
    from claimtrack.service import bulk

SEARCH_DELAY = 0.15  # seconds of quiet typing before the search runs


BulkChange = Callable[["Session", "bulk.Selection"], "bulk.BulkResult"]


class QueueScreen(Screen[None]):
    """Claims the filter admits, sorted by a column; rows paged in as the reviewer scrolls."""

    # Shown in the footer in this order, the most used first; `?` lists them all.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search", id="queue.search"),
        Binding("F", "filter", "Filter", id="queue.filter", show=False),
        Binding("d", "bulk_dismiss", "Dismiss", id="queue.dismiss"),
        Binding("s", "sort", "Sort", id="queue.sort", show=False),
        Binding("escape", "clear_search", "Clear search", id="queue.clear_search", show=False),
        Binding("V", "mark_all", "Mark all", id="queue.mark_all", show=False),
        Binding("M", "clear_marks", "Unmark", id="queue.clear_marks", show=False),
        Binding("colon", "jump", "Go to id", id="queue.jump", show=False),
        Binding("r", "reload", "Reload", id="queue.reload", show=False),
        Binding("t", "bulk_status", "Status", id="queue.status", show=False),
        Binding("a", "bulk_assign", "Assign", id="queue.assign", show=False),
        Binding("plus", "bulk_tag", "Tag", id="queue.tag", show=False),
        Binding("S", "reverse_sort", "Reverse sort", id="queue.reverse_sort", show=False),
    ]

    def __init__(
        self, database: Database, actor: str, *, first_page: FirstPage | None = None
    ) -> None:
        super().__init__()
        self.database = database
        self.actor = actor
        self.where = ClaimFilter()
        self.sort = QueueSort()
        # The default queue's first page, already being read (first_page.prefetch).
        self._first_page = first_page
        self.snapshot: QueueSnapshot | None = None
        # Claims in all and per status: they change with a write, not with the filter,
        # so a keystroke in the search box does not count a million rows again.
        # Painted when ready; the first rows never wait for them.
        self.counts: Counts | None = None
        self._search_timer: Timer | None = None
        self._check_when_loaded = False
        # Id-list loads started, and the last one that ended: a late step of an older
        # load is dropped, and a dialog closed during a load never starts another.
        self._loads = self._ended = 0

    def compose(self) -> ComposeResult:
        yield WorkbenchHeader()
        yield Static("", id="status-counts")
        yield Input(placeholder="search claims, speakers, notes…", id="search")
        yield ClaimList(partial(fetch_rows, self.database), id="claims")
        yield Static("loading…", id="status-bar")
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.query_one(ClaimList).focus()
        self._load()

    def on_screen_resume(self) -> None:
        # Back from a claim or a dialog. Reload only if something was written since the
        # ids were read (here or by another program); a load still running carries on,
        # and is checked when it ends (it may have read before the write).
        if self.load_running:
            self._check_when_loaded = True
        elif self.snapshot is not None:
            self.check_for_changes(self.snapshot.last_event)

    @property
    def load_running(self) -> bool:
        """Whether the newest id-list load has yet to end (complete, or failed)."""
        return self._ended != self._loads

    # ------------------------------------------------------------ loading

    @work(thread=True, exclusive=True, group="queue-changes")
    def check_for_changes(self, last_event: int) -> None:
        """Reload (on the UI thread) if the audit trail moved past `last_event`."""
        try:
            changed = data_changed_since(self.database, last_event)
        except Exception:  # a lost database shows on the next load, not here
            return
        if changed and not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._reload_if_current, last_event)

    def _reload_if_current(self, last_event: int) -> None:
        if self.load_running:
            self._check_when_loaded = True  # a load started meanwhile: check when it ends
        elif self.snapshot is not None and self.snapshot.last_event == last_event:
            self.reload()

    def _load(self) -> None:
        # The marks are copied here, on the UI thread that changes them.
        self._loads += 1
        marks = frozenset(self.query_one(ClaimList).marked)
        prefetched, self._first_page = self._first_page, None
        if prefetched is not None and (self.where, self.sort, marks) == (
            ClaimFilter(),
            QueueSort(),
            frozenset(),
        ):
            if prefetched.done() and prefetched.exception() is None:
                first = prefetched.result()
                if first is not None:
                    # Read while Textual loaded: the first frame has the rows.
                    self._show_first_page(first, marks, self._loads)
                    return
            self.load_queue(self.where, self.sort, marks, self._loads, prefetched)
            return
        self.load_queue(self.where, self.sort, marks, self._loads)

    @work(thread=True, exclusive=True, group="queue-counts")
    def count_queue(self) -> None:
        """Count the claims per status in a worker of its own, off the path to the first rows."""
        worker = get_current_worker()
        try:
            counts = load_counts(self.database)
        except Exception:  # the id list's load reports a lost database
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_counts, counts)

    @work(thread=True, exclusive=True, group="queue")
    def load_queue(
        self,
        where: ClaimFilter,
        sort: QueueSort,
        marks: frozenset[int],
        number: int,
        prefetched: FirstPage | None = None,
    ) -> None:
        """Load the first page of ids for `where` and `sort` off the UI thread.

        `marks` are the explicitly marked claims: those the filter no longer admits drop.
        `number` tells this load from a newer one started meanwhile. `prefetched`:
        the same first page, already being read; this waits for it.
        """
        worker = get_current_worker()
        try:
            if prefetched is not None:
                first = prefetched.result()
            else:
                # One LIMIT query on the sort's index: the first rows paint at once.
                first = load_snapshot(self.database, where, sort, limit=FIRST_PAGE, marks=marks)
        except Exception as error:  # a bad query must show, not kill the app
            self._report_failure(worker, error, number)
            return
        if first is not None and not worker.is_cancelled:
            self.app.call_from_thread(self._show_first_page, first, marks, number)

    def _show_first_page(self, first: QueueSnapshot, marks: frozenset[int], number: int) -> None:
        self._show_snapshot(first, number)
        # The full id list (slow at a million, and holding the GIL while it reads) and the
        # counts start once the first rows are on the screen, so they never delay them.
        self.call_after_refresh(self._after_first_paint, first, marks, number)

    def _after_first_paint(self, first: QueueSnapshot, marks: frozenset[int], number: int) -> None:
        resume_collector()  # paused by `claimtrack` while it started (tui/launch.py)
        if self.counts is None:
            self.count_queue()
        if number != self._loads or self.snapshot is not first:
            return  # a newer load started: the rest of this one is moot
        if not first.complete or marks:
            self.load_rest(first.where, first.sort, marks, number)

    @work(thread=True, exclusive=True, group="queue")
    def load_rest(
        self, where: ClaimFilter, sort: QueueSort, marks: frozenset[int], number: int
    ) -> None:
        """Load the full id list after the first page (a newer load cancels this one)."""
        worker = get_current_worker()

        def cancelled() -> bool:
            return worker.is_cancelled

        try:
            snapshot = load_snapshot(self.database, where, sort, marks=marks, cancelled=cancelled)
        except Exception as error:  # a bad query must show, not kill the app
            self._report_failure(worker, error, number)
            return
        if snapshot is not None and not worker.is_cancelled:
            self.app.call_from_thread(self._show_snapshot, snapshot, number)

    def _report_failure(self, worker: Worker[None], error: Exception, number: int) -> None:
        if not worker.is_cancelled:
            self.app.call_from_thread(self._load_failed, shown(str(error)), number)

    def _load_failed(self, message: str, number: int) -> None:
        resume_collector()  # no first rows to wait for
        if number == self._loads:
            self._ended = number
        self.notify(message, severity="error", markup=False)

    def _show_snapshot(self, snapshot: QueueSnapshot, number: int) -> None:
        if number != self._loads:
            return  # an older load finished after a newer filter, sort or reload was set
        self.snapshot = snapshot
        if snapshot.complete:
            self._ended = number
        claims = self.query_one(ClaimList)
        claims.show_ids(snapshot.ids, snapshot.sort, snapshot.first_rows)
        if snapshot.complete and claims.marked:
            claims.marked &= snapshot.kept_marks
        if snapshot.complete and self._check_when_loaded:
            self._check_when_loaded = False
            self.check_for_changes(snapshot.last_event)
        self._update_status_bar()

    def _show_counts(self, counts: Counts) -> None:
        self.counts = counts
        line = " · ".join(
            f"{status.label} {counts.per_status.get(status.value, 0):,}" for status in Status
        )
        self.query_one("#status-counts", Static).update(line)
        self._update_status_bar()

    def _update_status_bar(self) -> None:
        if self.snapshot is None:
            return
        claims = self.query_one(ClaimList)
        shown = f"{len(self.snapshot.ids):,}" if self.snapshot.complete else "counting…"
        total = f"{self.counts.total:,}" if self.counts is not None else "…"
        parts = [f"{shown} of {total}"]
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
        from claimtrack.tui.screens.claim import ClaimScreen

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
        from claimtrack.tui.screens.choice import ChoiceScreen

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
        from claimtrack.tui.filter_text import filter_text, parse_filter
        from claimtrack.tui.screens.text_prompt import TextPrompt

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
        from claimtrack.service import bulk

        claims = self.query_one(ClaimList)
        if claims.all_marked:
            return bulk.Selection.matching(self.where, claims.unmarked)
        if claims.marked:
            return bulk.Selection.of(claims.marked)
        if claims.current_id is not None:
            return bulk.Selection.of([claims.current_id])
        return None

    def _bulk(self, question: str, done: str, change: BulkChange) -> None:
        """Ask with the count of claims it touches, then run it; `{claims}` in `question` is the count."""
        if (selection := self._selection()) is None:
            return
        claims = self.query_one(ClaimList)
        if claims.all_marked and not (self.snapshot and self.snapshot.complete):
            # The id list is still loading: count the filter in the database instead.
            unmarked = frozenset(claims.unmarked)
            self.count_then_confirm(question, done, selection, unmarked, change)
            return
        many = claims.mark_count if (claims.all_marked or claims.marked) else 1
        self._confirm_bulk(question, many, done, selection, change)

    @work(thread=True, exclusive=True, group="bulk-count")
    def count_then_confirm(
        self,
        question: str,
        done: str,
        selection: bulk.Selection,
        unmarked: frozenset[int],
        change: BulkChange,
    ) -> None:
        """Count a mark-all's claims off the UI thread, then ask."""
        try:
            many = count_admitted(self.database, self.where, unmarked)
        except Exception as error:  # a lost database shows, never crashes
            self.app.call_from_thread(
                self.notify, shown(str(error)), severity="error", markup=False
            )
            return
        self.app.call_from_thread(self._confirm_bulk, question, many, done, selection, change)

    def _confirm_bulk(
        self,
        question: str,
        many: int,
        done: str,
        selection: bulk.Selection,
        change: BulkChange,
    ) -> None:
        from claimtrack.tui.screens.confirm import ConfirmScreen

        if many == 0:
            self.notify("no claim is marked", severity="warning")
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.run_bulk(done, selection, change)

        detail = "u undoes it as one step" if many > 1 else "u undoes it"
        self.app.push_screen(
            ConfirmScreen(question.replace("{claims}", count(many, "claim")), detail), answered
        )

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
        from claimtrack.service import bulk

        self._bulk(
            "Dismiss {claims}?",
            "dismissed",
            lambda session, selection: bulk.dismiss(session, self.actor, selection),
        )

    def action_bulk_status(self) -> None:
        from claimtrack.service import bulk
        from claimtrack.tui.screens.choice import ChoiceScreen

        def move(value: str | None) -> None:
            if value is not None:
                self._bulk(
                    f"Set the status of {{claims}} to {Status(value).label}?",
                    f"status {value}",
                    lambda session, selection: bulk.set_status(
                        session, self.actor, selection, value
                    ),
                )

        choices = [(s.value, s.label) for s in Status]
        self.app.push_screen(ChoiceScreen("Status of the marked claims", choices), move)

    def action_bulk_assign(self) -> None:
        from claimtrack.service import bulk
        from claimtrack.tui.screens.text_prompt import TextPrompt

        def give(name: str | None) -> None:
            if name is not None:
                who = name.strip() or "nobody"
                self._bulk(
                    f"Assign {{claims}} to {who}?",
                    f"assigned to {who}",
                    lambda session, selection: bulk.assign(session, self.actor, selection, name),
                )

        self.app.push_screen(TextPrompt("Assign the marked claims to", self.actor), give)

    def action_bulk_tag(self) -> None:
        from claimtrack.service import bulk
        from claimtrack.tui.screens.text_prompt import TextPrompt

        def label(name: str | None) -> None:
            if name and name.strip():
                self._bulk(
                    f"Tag {{claims}} {name.strip().lower()}?",
                    f"tagged {name.strip().lower()}",
                    lambda session, selection: bulk.tag(session, self.actor, selection, name),
                )

        self.app.push_screen(TextPrompt("Tag the marked claims"), label)

    def action_jump(self) -> None:
        from claimtrack.tui.screens.text_prompt import TextPrompt

        def jump(value: str | None) -> None:
            if not value:
                return
            try:
                claim_id = int(value.strip().lstrip("#"))
            except ValueError:
                self.notify(f"not a claim id: {value!r}", severity="error")
                return
            from claimtrack.tui.screens.claim import ClaimScreen

            self.app.push_screen(ClaimScreen(self.database, self.actor, claim_id))

        self.app.push_screen(TextPrompt("Go to claim id"), jump)
