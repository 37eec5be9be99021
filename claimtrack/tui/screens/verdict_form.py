"""Rule a verdict together with its rationale (the summary a ClaimReview publishes)."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Select, TextArea

from claimtrack.scale import Verdict
from claimtrack.tui.editor import edit_in_editor
from claimtrack.tui.screens.text_editor import EDITOR_HINT


class VerdictForm(ModalScreen[dict[str, Any] | None]):
    """Pick a verdict and write why; the summary is prefilled only while the verdict is unchanged.

    A summary written for another verdict would publish a rationale that no longer
    fits, so choosing a different verdict empties the field (unless the reviewer
    has already written something new in it).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="verdict.cancel"),
        Binding("ctrl+s", "save", "Save", id="verdict.save"),
        Binding("ctrl+o", "external", "$EDITOR", id="verdict.external"),
    ]

    def __init__(self, verdict: str | None, summary: str | None) -> None:
        super().__init__()
        self.verdict = verdict
        self.summary = summary or ""
        self._prefilled = self.summary  # what the field holds that the reviewer did not write

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Label("Verdict", classes="dialog-title")
            yield Select(
                [(v.label, v.value) for v in Verdict],
                value=self.verdict if self.verdict else Select.NULL,
                prompt="choose a verdict",
                id="verdict-value",
            )
            yield Label("Why (the summary published with the verdict)")
            yield TextArea(self.summary, id="verdict-summary", soft_wrap=True)
            yield Label(EDITOR_HINT, classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#verdict-value", Select).focus()

    @on(Select.Changed, "#verdict-value")
    def verdict_changed(self, event: Select.Changed) -> None:
        area = self.query_one("#verdict-summary", TextArea)
        if area.text != self._prefilled:
            return  # the reviewer wrote this one: keep it
        self._prefilled = self.summary if event.value == self.verdict else ""
        area.load_text(self._prefilled)

    def action_save(self) -> None:
        value = self.query_one("#verdict-value", Select).value
        if value is Select.NULL:
            self.notify("choose a verdict", severity="error")
            self.query_one("#verdict-value", Select).focus()
            return
        summary = self.query_one("#verdict-summary", TextArea).text.strip()
        self.dismiss({"verdict": str(value), "summary": summary})

    def action_external(self) -> None:
        area = self.query_one("#verdict-summary", TextArea)
        edited = edit_in_editor(self.app, area.text)
        if edited is not None:
            area.load_text(edited)

    def action_cancel(self) -> None:
        self.dismiss(None)
