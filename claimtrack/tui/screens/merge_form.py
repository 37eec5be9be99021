"""Confirm a match: the reviewer picks which wording and which speaker the merged claim keeps."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, RadioButton, RadioSet

from claimtrack.terminal import shown


@dataclass(frozen=True, slots=True)
class Side:
    """One claim of the pair, as the form offers it."""

    claim_id: int
    text: str
    speaker: str | None
    speaker_type: str | None


@dataclass(frozen=True, slots=True)
class Kept:
    """What the merged claim keeps: the chosen side's text and speaker."""

    text: Side
    speaker: Side


class MergeForm(ModalScreen[Kept | None]):
    """Two choices, each defaulting to the claim that survives; ctrl+s merges."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="merge.cancel"),
        Binding("ctrl+s", "save", "Merge", id="merge.save"),
    ]

    def __init__(self, survivor: Side, merged: Side) -> None:
        super().__init__()
        self.sides = (survivor, merged)

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Label(
                f"Merge claim {self.sides[1].claim_id} into claim {self.sides[0].claim_id}",
                classes="dialog-title",
            )
            yield Label("Keep the wording of")
            with RadioSet(id="merge-text"):
                for index, side in enumerate(self.sides):
                    words = shown(" ".join(side.text.split()))
                    yield RadioButton(Content(f"#{side.claim_id}: {words}"), value=index == 0)
            yield Label("Keep the speaker of")
            with RadioSet(id="merge-speaker"):
                for index, side in enumerate(self.sides):
                    who = shown(side.speaker or "no speaker", newline=" ")
                    yield RadioButton(Content(f"#{side.claim_id}: {who}"), value=index == 0)
            yield Label(
                "arrows and space choose · tab moves · ctrl+s merges (final) · escape cancels",
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        self.query_one("#merge-text", RadioSet).focus()

    def _chosen(self, selector: str) -> Side:
        index = self.query_one(selector, RadioSet).pressed_index
        return self.sides[max(index, 0)]

    def action_save(self) -> None:
        self.dismiss(Kept(self._chosen("#merge-text"), self._chosen("#merge-speaker")))

    def action_cancel(self) -> None:
        self.dismiss(None)
