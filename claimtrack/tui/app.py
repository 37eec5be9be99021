"""The reviewer's workbench: a Textual app over the claimtrack service."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from claimtrack.db import Database
from claimtrack.errors import NotFound
from claimtrack.terminal import shown
from claimtrack.tui.commands import ActionCommands
from claimtrack.tui.first_page import FirstPage
from claimtrack.tui.notices import write_notices
from claimtrack.tui.preferences import load_theme, save_theme
from claimtrack.tui.screens.queue import QueueScreen
from claimtrack.tui.undo import UndoStep, carry_forward

DARK, LIGHT = "textual-dark", "textual-light"
KEYMAP_ENV = "CLAIMTRACK_KEYMAP"


def load_keymap(path: Path) -> dict[str, str]:
    """Rebindings from a TOML file: `"queue.search" = "ctrl+f"` (binding id = keys)."""
    import tomllib

    with path.open("rb") as handle:
        data = tomllib.load(handle)
    table = data.get("keys", data)
    return {str(binding_id): str(keys) for binding_id, keys in table.items()}


class ClaimtrackApp(App[None]):
    """Triage claims from the keyboard; every write goes through the service."""

    CSS_PATH = "claimtrack.tcss"
    TITLE = "claimtrack"
    COMMANDS = App.COMMANDS | {ActionCommands}

    # The footer lists these after the screen's own keys, in this order.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("A", "followups", "Agenda", id="app.followups"),
        Binding("D", "documents", "Documents", id="app.documents"),
        Binding("u", "undo", "Undo", id="app.undo"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("ctrl+t", "toggle_theme", "Light/dark", id="app.theme", show=False),
    ]

    def __init__(
        self,
        database: Database,
        actor: str,
        *,
        keymap: dict[str, str] | None = None,
        today: dt.date | None = None,
        first_page: FirstPage | None = None,
    ) -> None:
        super().__init__()
        self._today = today  # fixed in tests, so agendas and "overdue" are deterministic
        self._first_page = first_page  # the queue's, being read since before Textual loaded
        if keymap:
            self.set_keymap(keymap)
        self.database = database
        self.actor = actor
        self.undo_steps: list[UndoStep] = []
        remembered = load_theme()
        self.theme = remembered if remembered in self.available_themes else DARK

    def on_mount(self) -> None:
        self.sub_title = self.actor
        # Any change of theme (ctrl+t or the command palette) is remembered for next time.
        self.theme_changed_signal.subscribe(self, lambda theme: save_theme(theme.name))
        first_page, self._first_page = self._first_page, None
        self.push_screen(QueueScreen(self.database, self.actor, first_page=first_page))

    def today(self) -> dt.date:
        """The day the agenda and "overdue" are reckoned from."""
        return self._today or dt.date.today()

    # ------------------------------------------------------------ navigation

    def action_followups(self) -> None:
        """Open the agenda of open follow-ups."""
        from claimtrack.tui.screens.followups import FollowUpsScreen

        self._bring_up(FollowUpsScreen, lambda: FollowUpsScreen(self.database, self.actor))

    def action_documents(self) -> None:
        """Open the list of imported articles."""
        from claimtrack.tui.screens.documents import DocumentsScreen

        self._bring_up(DocumentsScreen, lambda: DocumentsScreen(self.database, self.actor))

    def _bring_up(self, kind: type[Screen[Any]], make: Callable[[], Screen[Any]]) -> None:
        # Back to the one already open (agenda → claim → A returns to the agenda),
        # so the stack of screens does not grow with every round trip.
        for screen in reversed(self.screen_stack):
            if isinstance(screen, kind):
                while self.screen is not screen:
                    self.pop_screen()
                return
        self.push_screen(make())

    # ------------------------------------------------------------ undo

    def remember(self, step: UndoStep) -> None:
        """Note a change this session made, for `u`."""
        self.undo_steps.append(step)

    def action_undo(self) -> None:
        """Take back the last change of this session, through the service."""
        from claimtrack import service  # loaded with the first write, not at start-up

        if not self.undo_steps:
            self.notify("nothing to undo in this session", severity="warning")
            return
        step = self.undo_steps[-1]
        if step.event_id is None:
            # A step's description can quote a source title or a follow-up: plain text.
            message = shown(f"cannot undo “{step.description}”: {step.why_not}")
            self.notify(message, severity="warning", markup=False)
            self.undo_steps.pop()
            return
        version_now: int | None = None
        conflicts: list[bool] = []
        with (
            write_notices(self, on_conflict=lambda: conflicts.append(True)) as written,
            self.database.transaction() as session,
        ):
            # A bulk change (version 0) has no one claim version: each claim is checked by value.
            service.undo(session, self.actor, step.event_id, expected_version=step.version or None)
            with suppress(NotFound):  # the claim may have been merged away meanwhile
                version_now = service.get_claim(session, step.claim_id).version
        if written.ok:
            self.undo_steps.pop()
            if version_now is not None:
                carry_forward(self.undo_steps, step, version_now)
            self.notify(shown(f"undone: {step.description}"), markup=False)
        elif conflicts:
            self.undo_steps.pop()  # the claim moved on: this step can never be taken back
        else:
            return  # refused for now: keep the step to try again
        reload = getattr(self.screen, "reload", None)
        if callable(reload):
            reload()

    # ------------------------------------------------------------ conventions

    def action_help(self) -> None:
        """Show every key active here, grouped by what it does."""
        from claimtrack.tui.screens.help import HelpScreen  # a DataTable: loaded when asked for

        rows: dict[str, tuple[list[str], str, str]] = {}
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not binding.description:
                continue
            keys, description, binding_id = rows.setdefault(
                binding.action, ([], binding.description, "")
            )
            key = self.get_key_display(binding)
            if key not in keys:
                keys.append(key)
            if binding.id and not binding_id:
                rows[binding.action] = (keys, description, binding.id)
        table = [(" ".join(keys), description, bid) for keys, description, bid in rows.values()]
        self.push_screen(HelpScreen(table))

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.theme == DARK else DARK


def run(database: Database, actor: str, *, first_page: FirstPage | None = None) -> None:
    """Open the workbench on `database` as `actor`; returns when the reviewer quits.

    `first_page`: the queue's first page, already being read (first_page.prefetch).
    """
    keymap = None
    if path := os.environ.get(KEYMAP_ENV):
        keymap = load_keymap(Path(path))
    ClaimtrackApp(database, actor, keymap=keymap, first_page=first_page).run()
