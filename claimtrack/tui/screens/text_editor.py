"""A multi-line editor for a note (or any longer text), with a hand-off to $EDITOR."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, TextArea

from claimtrack.tui.editor import edit_in_editor

EDITOR_HINT = "ctrl+s saves · ctrl+o opens $EDITOR · escape cancels"


class TextEditor(ModalScreen[str | None]):
    """Write several lines; ctrl+s returns them, escape returns None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="editor.cancel"),
        Binding("ctrl+s", "save", "Save", id="editor.save"),
        Binding("ctrl+o", "external", "$EDITOR", id="editor.external"),
    ]

    def __init__(self, title: str, text: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.text = text

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            yield TextArea(self.text, id="editor-text", soft_wrap=True)
            yield Label(EDITOR_HINT, classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_external(self) -> None:
        area = self.query_one(TextArea)
        edited = edit_in_editor(self.app, area.text)
        if edited is not None:
            area.load_text(edited)

    def action_cancel(self) -> None:
        self.dismiss(None)
