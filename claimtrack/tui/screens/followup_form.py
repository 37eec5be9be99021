"""The add-a-follow-up dialog; the due field shows the date it reads as you type."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from claimtrack.schedule import parse_due


class FollowUpForm(ModalScreen[dict[str, Any] | None]):
    """Collect what to check, when ("in 2 weeks", "end of year", 2026-01-31) and how often."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="followup.cancel"),
        Binding("ctrl+s", "save", "Save", id="followup.save"),
    ]

    def __init__(self, today: dt.date | None = None) -> None:
        super().__init__()
        self.today = today or dt.date.today()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Add a follow-up", classes="dialog-title")
            yield Input(placeholder="what to check", id="followup-text")
            yield Input(placeholder="due: in 2 weeks, end of month, 2026-01-31", id="followup-due")
            yield Label("", id="followup-due-parsed")
            yield Input(
                placeholder="repeat (optional): weekly, monthly, RRULE…", id="followup-rrule"
            )
            yield Label("enter saves · tab moves · escape cancels", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#followup-text", Input).focus()

    def _due(self) -> dt.date | None:
        try:
            return parse_due(self.query_one("#followup-due", Input).value, self.today)
        except ValueError:
            return None

    @on(Input.Changed, "#followup-due")
    def due_changed(self, event: Input.Changed) -> None:
        parsed = self.query_one("#followup-due-parsed", Label)
        due = self._due()
        if due is not None:
            parsed.update(f"→ {due:%a %d %b %Y}")
            parsed.remove_class("-invalid")
        else:
            parsed.update("→ ?" if event.value.strip() else "")
            parsed.set_class(bool(event.value.strip()), "-invalid")

    @on(Input.Submitted)
    def action_save(self) -> None:
        text = self.query_one("#followup-text", Input).value.strip()
        due = self._due()
        if not text:
            self.notify("say what to check", severity="error")
            self.query_one("#followup-text", Input).focus()
            return
        if due is None:
            self.notify("give a due date the field can read", severity="error")
            self.query_one("#followup-due", Input).focus()
            return
        recurrence = self.query_one("#followup-rrule", Input).value.strip() or None
        self.dismiss({"text": text, "due": due, "recurrence": recurrence})

    def action_cancel(self) -> None:
        self.dismiss(None)
