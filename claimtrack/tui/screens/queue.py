"""The home screen: the queue of claims, best first, filtered and searched."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import ClassVar

from sqlalchemy.orm import Session
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input, Static
from textual.worker import get_current_worker

from claimtrack import service
from claimtrack.db import Database
from claimtrack.errors import ClaimtrackError
from claimtrack.queries import ClaimFilter
from claimtrack.scale import Status
from claimtrack.tui.filter_text import filter_text, parse_filter
from claimtrack.tui.queue_data import QueueSnapshot, load_snapshot
from claimtrack.tui.screens.choice import ChoiceScreen
from claimtrack.tui.screens.claim import ClaimScreen
from claimtrack.tui.screens.text_prompt import TextPrompt
from claimtrack.tui.widgets.claim_list import ClaimList

FIRST_PAGE = 200
SEARCH_DELAY = 0.15  # seconds of quiet typing before the search runs


class QueueScreen(Screen[None]):
    """Claims the filter admits, sorted by score; rows paged in as the reviewer scrolls."""

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
    ]

    def __init__(self, database: Database, actor: str) -> None:
        super().__init__()
        self.database = database
        self.actor = actor
        self.where = ClaimFilter()
        self.snapshot: QueueSnapshot | None = None
        self._search_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="status-counts")
        yield Input(placeholder="search claims, speakers, notes…", id="search")
        yield ClaimList(self.database, id="claims")
        yield Static("loading…", id="status-bar")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(ClaimList).focus()
        self.load_queue(self.where)

    def on_screen_resume(self) -> None:
        # Back from a claim: its row (and maybe its place in the filter) changed.
        if self.snapshot is not None:
            self.query_one(ClaimList).reload_rows()
            self.load_queue(self.where)

    # ------------------------------------------------------------ loading

    @work(thread=True, exclusive=True, group="queue")
    def load_queue(self, where: ClaimFilter) -> None:
        """Load the ordered id list for `where` off the UI thread."""
        worker = get_current_worker()
        try:
            # The first page paints at once; the full id list (slow at a million) follows.
            first = load_snapshot(self.database, where, limit=FIRST_PAGE)
            if worker.is_cancelled:
                return
            self.app.call_from_thread(self._show_snapshot, first)
            if first.complete:
                return
            snapshot = load_snapshot(self.database, where, counts_from=first)
        except Exception as error:  # a bad query must show, not kill the app
            if not worker.is_cancelled:
                self.app.call_from_thread(self.notify, str(error), severity="error")
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_snapshot, snapshot)

    def _show_snapshot(self, snapshot: QueueSnapshot) -> None:
        if snapshot.where != self.where:
            return  # an older load finished after a newer filter was set
        self.snapshot = snapshot
        claims = self.query_one(ClaimList)
        claims.show_ids(snapshot.ids)
        if snapshot.complete and claims.marked:
            claims.marked &= set(snapshot.ids)
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
        parts.append(f"{len(claims.marked):,} marked")
        self.query_one("#status-bar", Static).update(" · ".join(parts))

    def set_filter(self, where: ClaimFilter) -> None:
        """Show the claims another filter admits."""
        self.where = where
        self.load_queue(where)

    # ------------------------------------------------------------ events

    @on(ClaimList.Opened)
    def open_claim(self, event: ClaimList.Opened) -> None:
        self.app.push_screen(ClaimScreen(self.database, self.actor, event.claim_id))

    @on(ClaimList.MarksChanged)
    def marks_changed(self) -> None:
        self._update_status_bar()

    @on(Input.Changed, "#search")
    def search_changed(self, event: Input.Changed) -> None:
        # Wait for a pause in typing, so one query runs per word, not per key.
        if self._search_timer is not None:
            self._search_timer.stop()
        text = event.value.strip() or None
        self._search_timer = self.set_timer(
            SEARCH_DELAY, lambda: self.set_filter(replace(self.where, search=text))
        )

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
        """Re-read the id list and repaint the rows (after a write)."""
        self.query_one(ClaimList).reload_rows()
        self.load_queue(self.where)

    def action_reload(self) -> None:
        self.reload()

    def action_filter(self) -> None:
        def apply(text: str | None) -> None:
            if text is None:
                return
            try:
                where = parse_filter(text, self.where, dt.date.today())
            except ValueError as error:
                self.notify(str(error), severity="error")
                return
            self.set_filter(where)

        prompt = "Filter: status=… verdict=… kind=… assignee=… tag=… document=… overdue"
        self.app.push_screen(TextPrompt(prompt, filter_text(self.where)), apply)

    # ------------------------------------------------------------ bulk actions

    def _targets(self) -> list[int]:
        """The marked claims, or the one under the cursor when none is marked."""
        claims = self.query_one(ClaimList)
        if claims.marked:
            return [claim_id for claim_id in claims.ids if claim_id in claims.marked]
        return [claims.current_id] if claims.current_id is not None else []

    def _bulk(self, done: str, change: Callable[[Session, int], object]) -> None:
        targets = self._targets()
        if targets:
            self.run_bulk(done, targets, change)

    @work(thread=True, exclusive=True, group="bulk")
    def run_bulk(
        self, done: str, targets: list[int], change: Callable[[Session, int], object]
    ) -> None:
        """Change every target in one transaction (one audit event each): all or nothing."""
        try:
            with self.database.transaction() as session:
                for claim_id in targets:
                    change(session, claim_id)
        except ClaimtrackError as error:
            self.app.call_from_thread(
                self.notify, f"nothing changed: {error}", severity="error", timeout=10
            )
            return
        self.app.call_from_thread(self._bulk_done, f"{done}: {len(targets):,} claims")

    def _bulk_done(self, message: str) -> None:
        self.notify(message)
        self.query_one(ClaimList).clear_marks()
        self.action_reload()

    def action_bulk_dismiss(self) -> None:
        self._bulk(
            "dismissed",
            lambda session, claim_id: service.set_status(
                session, self.actor, claim_id, Status.DISMISSED
            ),
        )

    def action_bulk_status(self) -> None:
        def move(value: str | None) -> None:
            if value is not None:
                self._bulk(
                    f"status {value}",
                    lambda session, claim_id: service.set_status(
                        session, self.actor, claim_id, value
                    ),
                )

        choices = [(s.value, s.label) for s in Status]
        self.app.push_screen(ChoiceScreen("Status of the marked claims", choices), move)

    def action_bulk_assign(self) -> None:
        def give(name: str | None) -> None:
            if name is not None:
                self._bulk(
                    f"assigned to {name.strip() or 'nobody'}",
                    lambda session, claim_id: service.assign(session, self.actor, claim_id, name),
                )

        self.app.push_screen(TextPrompt("Assign the marked claims to", self.actor), give)

    def action_bulk_tag(self) -> None:
        def label(name: str | None) -> None:
            if name and name.strip():
                self._bulk(
                    f"tagged {name.strip().lower()}",
                    lambda session, claim_id: service.tag(session, self.actor, claim_id, name),
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
