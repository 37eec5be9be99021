"""The source dialog (add or edit): url, title, publisher, stance, reliability, excerpt."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select

from claimtrack.scale import Reliability, Stance
from claimtrack.views.claim import SourceRow


class SourceForm(ModalScreen[dict[str, Any] | None]):
    """Collect a source's details; enter in any field (or ctrl+s) saves, escape cancels.

    Given a `source`, the form edits it: the fields start with its values.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="source.cancel"),
        Binding("ctrl+s", "save", "Save", id="source.save"),
    ]

    def __init__(self, source: SourceRow | None = None) -> None:
        super().__init__()
        self.source = source

    def compose(self) -> ComposeResult:
        old = self.source
        # A short terminal scrolls the form rather than losing its last fields.
        with VerticalScroll(classes="dialog"):
            yield Label("Edit the source" if old else "Add a source", classes="dialog-title")
            yield Input(old.url if old else "", placeholder="https://…", id="source-url")
            yield Input((old and old.title) or "", placeholder="title", id="source-title")
            yield Input(
                (old and old.publisher) or "", placeholder="publisher", id="source-publisher"
            )
            yield Select(
                [(s.value, s.value) for s in Stance],
                value=old.stance if old else Stance.CONTEXT.value,
                allow_blank=False,
                id="source-stance",
            )
            yield Select(
                [(r.value.replace("_", " "), r.value) for r in Reliability],
                value=old.reliability if old else Reliability.UNKNOWN.value,
                allow_blank=False,
                id="source-reliability",
            )
            yield Input((old and old.excerpt) or "", placeholder="excerpt", id="source-excerpt")
            yield Label("enter saves · tab moves · escape cancels", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#source-url", Input).focus()

    def _text(self, selector: str) -> str | None:
        return self.query_one(selector, Input).value.strip() or None

    @on(Input.Submitted)
    def action_save(self) -> None:
        url = self._text("#source-url")
        if not url:
            self.notify("a source needs a URL", severity="error")
            self.query_one("#source-url", Input).focus()
            return
        self.dismiss(
            {
                "url": url,
                "title": self._text("#source-title"),
                "publisher": self._text("#source-publisher"),
                "stance": str(self.query_one("#source-stance", Select).value),
                "reliability": str(self.query_one("#source-reliability", Select).value),
                "excerpt": self._text("#source-excerpt"),
            }
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
