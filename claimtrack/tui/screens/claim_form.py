"""Correct a claim: its wording, speaker, speaker type and kind."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, TextArea

from claimtrack.scale import Kind, SpeakerType
from claimtrack.tui.editor import edit_in_editor

UNKNOWN = "unknown"  # the speaker type's "not said" choice; the service stores it as none


class ClaimForm(ModalScreen[dict[str, Any] | None]):
    """The claim's editable fields; ctrl+s returns only those the reviewer changed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="claim_form.cancel"),
        Binding("ctrl+s", "save", "Save", id="claim_form.save"),
        Binding("ctrl+o", "external", "$EDITOR", id="claim_form.external"),
    ]

    def __init__(self, text: str, speaker: str | None, speaker_type: str | None, kind: str) -> None:
        super().__init__()
        self.before = {
            "text": text,
            "speaker": speaker or "",
            "speaker_type": speaker_type or UNKNOWN,
            "kind": kind,
        }

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Label("Edit the claim", classes="dialog-title")
            yield TextArea(self.before["text"], id="claim-form-text", soft_wrap=True)
            yield Input(self.before["speaker"], placeholder="speaker", id="claim-form-speaker")
            yield Select(
                [("speaker type unknown", UNKNOWN)]
                + [(f"speaker is a {t.value}", t.value) for t in SpeakerType],
                value=self.before["speaker_type"],
                allow_blank=False,
                id="claim-form-speaker-type",
            )
            yield Select(
                [(f"kind: {k.value}", k.value) for k in Kind],
                value=self.before["kind"],
                allow_blank=False,
                id="claim-form-kind",
            )
            yield Label(
                "ctrl+s saves · ctrl+o edits the text in $EDITOR · escape cancels",
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        self.query_one("#claim-form-text", TextArea).focus()

    def values(self) -> dict[str, str]:
        """What the form holds now, field by field."""
        return {
            "text": " ".join(self.query_one("#claim-form-text", TextArea).text.split()),
            "speaker": self.query_one("#claim-form-speaker", Input).value.strip(),
            "speaker_type": str(self.query_one("#claim-form-speaker-type", Select).value),
            "kind": str(self.query_one("#claim-form-kind", Select).value),
        }

    def action_save(self) -> None:
        now = self.values()
        if not now["text"]:
            self.notify("a claim needs its text", severity="error")
            return
        changed = {name: value for name, value in now.items() if value != self.before[name]}
        if "speaker" in changed and "speaker_type" not in changed:
            # The service forgets the type of a replaced speaker unless told again.
            changed["speaker_type"] = now["speaker_type"]
        if changed.get("speaker_type") == UNKNOWN:
            changed["speaker_type"] = ""
        self.dismiss(changed)

    def action_external(self) -> None:
        area = self.query_one("#claim-form-text", TextArea)
        edited = edit_in_editor(self.app, area.text)
        if edited is not None:
            area.load_text(edited)

    def action_cancel(self) -> None:
        self.dismiss(None)
