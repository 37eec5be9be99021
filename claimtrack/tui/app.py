"""The reviewer's workbench: a Textual app over the claimtrack service."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from claimtrack.db import Database
from claimtrack.errors import ClaimtrackError, Conflict
from claimtrack.tui.commands import ActionCommands
from claimtrack.tui.screens.help import HelpScreen
from claimtrack.tui.screens.queue import QueueScreen
from claimtrack.tui.undo import UndoStep

DARK, LIGHT = "textual-dark", "textual-light"
KEYMAP_ENV = "CLAIMTRACK_KEYMAP"


def load_keymap(path: Path) -> dict[str, str]:
    """Rebindings from a TOML file: `"queue.search" = "ctrl+f"` (binding id = keys)."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    table = data.get("keys", data)
    return {str(binding_id): str(keys) for binding_id, keys in table.items()}


class ClaimtrackApp(App[None]):
    """Triage claims from the keyboard; every write goes through the service."""

    CSS_PATH = "claimtrack.tcss"
    TITLE = "claimtrack"
    COMMANDS = App.COMMANDS | {ActionCommands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("u", "undo", "Undo", id="app.undo"),
        Binding("ctrl+t", "toggle_theme", "Light/dark", id="app.theme"),
    ]

    def __init__(
        self, database: Database, actor: str, *, keymap: dict[str, str] | None = None
    ) -> None:
        super().__init__()
        if keymap:
            self.set_keymap(keymap)
        self.database = database
        self.actor = actor
        self.undo_steps: list[UndoStep] = []
        self.theme = DARK

    def on_mount(self) -> None:
        self.sub_title = self.actor
        self.push_screen(QueueScreen(self.database, self.actor))

    # ------------------------------------------------------------ undo

    def remember(self, step: UndoStep) -> None:
        """Note a change this session made, for `u`."""
        self.undo_steps.append(step)

    def action_undo(self) -> None:
        """Take back the last change of this session, through the service."""
        if not self.undo_steps:
            self.notify("nothing to undo in this session", severity="warning")
            return
        step = self.undo_steps[-1]
        if step.revert is None:
            self.notify(f"cannot undo “{step.description}”: {step.why_not}", severity="warning")
            self.undo_steps.pop()
            return
        try:
            with self.database.transaction() as session:
                step.revert(session, self.actor, step.version)
        except Conflict as error:
            self.notify(str(error), title="Conflict", severity="warning", timeout=10)
            self.undo_steps.pop()
        except ClaimtrackError as error:
            self.notify(str(error), severity="error")
            return
        else:
            self.undo_steps.pop()
            self.notify(f"undone: {step.description}")
        reload = getattr(self.screen, "reload", None)
        if callable(reload):
            reload()

    # ------------------------------------------------------------ conventions

    def action_help(self) -> None:
        """Show every key active here, grouped by what it does."""
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


def run(database: Database, actor: str) -> None:
    """Open the workbench on `database` as `actor`; returns when the reviewer quits."""
    keymap = None
    if path := os.environ.get(KEYMAP_ENV):
        keymap = load_keymap(Path(path))
    ClaimtrackApp(database, actor, keymap=keymap).run()
