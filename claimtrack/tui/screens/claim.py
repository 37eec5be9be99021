"""One claim: its parts, where it appeared, evidence, follow-ups, notes and history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy.orm import Session
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from claimtrack import service
from claimtrack.db import Database
from claimtrack.errors import ClaimtrackError, Conflict
from claimtrack.history import describe_change
from claimtrack.queries import claim_history
from claimtrack.scale import Status, Verdict
from claimtrack.tui.screens.choice import ChoiceScreen
from claimtrack.tui.screens.followup_form import FollowUpForm
from claimtrack.tui.screens.source_form import SourceForm
from claimtrack.tui.screens.text_prompt import TextPrompt
from claimtrack.tui.undo import UndoStep

if TYPE_CHECKING:
    from claimtrack.tui.app import ClaimtrackApp

SECTIONS = ("structure", "appearances", "sources", "followups", "notes", "history")
TITLES = {
    "structure": "Quantities and dates",
    "appearances": "Appearances",
    "sources": "Sources",
    "followups": "Follow-ups",
    "notes": "Notes",
    "history": "History",
}


def _label(value: str | None) -> str:
    return (value or "—").replace("_", " ")


class ClaimScreen(Screen[None]):
    """A claim and every action on it; each write carries the version this screen loaded."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,backspace", "back", "Back", id="claim.back"),
        Binding("s", "add_source", "Source", id="claim.add_source"),
        Binding("v", "set_verdict", "Verdict", id="claim.set_verdict"),
        Binding("t", "set_status", "Status", id="claim.set_status"),
        Binding("f", "add_followup", "Follow-up", id="claim.add_followup"),
        Binding("c", "complete_followup", "Complete", id="claim.complete_followup"),
        Binding("n", "add_note", "Note", id="claim.add_note"),
        Binding("a", "assign", "Assign", id="claim.assign"),
        Binding("plus", "tag", "Tag", id="claim.tag"),
        Binding("d", "dismiss_claim", "Dismiss", id="claim.dismiss"),
        Binding("r", "reload", "Reload", id="claim.reload", show=False),
    ]

    def __init__(self, database: Database, actor: str, claim_id: int) -> None:
        super().__init__()
        self.database = database
        self.actor = actor
        self.claim_id = claim_id
        self.version = 0
        self.status = Status.NEW.value
        self.verdict: str | None = None
        self.verdict_summary: str | None = None
        self.open_followups: list[int] = []

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="claim-body"):
            yield Static("", id="claim-text", markup=False)
            yield Static("", id="claim-meta", markup=False)
            for name in SECTIONS:
                yield Static(TITLES[name], classes="section-title", markup=False)
                yield Static("", id=f"claim-{name}", classes="section", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#claim-body").focus()

    # ------------------------------------------------------------ loading

    def reload(self) -> None:
        """Read the claim afresh; remembers its version for the next write."""
        try:
            with self.database.read() as session:
                claim = service.get_claim(session, self.claim_id)
                sections = self._sections(session, claim)
                self.version = claim.version
                self.status, self.verdict = claim.status, claim.verdict
                self.verdict_summary = claim.verdict_summary
                self.open_followups = [f.id for f in claim.followups if not f.done]
                text, meta = claim.text, self._meta_line(claim)
        except ClaimtrackError as error:
            self.notify(str(error), severity="error")
            self.app.pop_screen()
            return
        self.sub_title = f"claim {self.claim_id} · version {self.version}"
        self.query_one("#claim-text", Static).update(text)
        self.query_one("#claim-meta", Static).update(meta)
        for name, content in sections.items():
            self.query_one(f"#claim-{name}", Static).update(content or "—")

    def _meta_line(self, claim: Any) -> str:
        parts = [
            f"#{claim.id}",
            f"score {claim.score:.2f}",
            claim.kind,
            f"status {_label(claim.status)}",
            f"verdict {_label(claim.verdict)}",
        ]
        if claim.verdict_summary:
            parts.append(f"“{claim.verdict_summary}”")
        if claim.speaker:
            parts.append(f"speaker {claim.speaker}")
        if claim.assignee:
            parts.append(f"assigned to {claim.assignee}")
        if claim.tags:
            parts.append("tags " + ", ".join(t.name for t in claim.tags))
        return " · ".join(parts)

    def _sections(self, session: Session, claim: Any) -> dict[str, str]:
        today = dt.date.today()
        structure = [
            f"quantity  {q.text}  ({q.low:g}–{q.high:g} {q.unit or ''}{' per ' + q.per if q.per else ''})"
            if q.low is not None and q.high is not None
            else f"quantity  {q.text}"
            for q in claim.quantities
        ]
        structure += [
            f"{d.role:<9} {d.text}  → {d.date.isoformat() if d.date else '?'} ({d.precision})"
            for d in claim.dates
        ]
        appearances = [
            f"{a.document.title}\n  “{' '.join(a.sentence.split())}”" for a in claim.appearances
        ]
        sources = [
            f"[{s.stance}] [{_label(s.reliability)}] {s.title or s.url}\n  {s.url}"
            + (f" · {s.publisher}" if s.publisher else "")
            + (f"\n  “{s.excerpt}”" if s.excerpt else "")
            for s in claim.sources
        ]
        followups = []
        for f in claim.followups:
            state = "done" if f.done else ("OVERDUE" if f.due < today else "open")
            repeat = f" · repeats {f.rrule}" if f.rrule else ""
            followups.append(f"{f.due.isoformat()}  {state:<7} {f.text}{repeat}")
        notes = [f"{n.created_at:%Y-%m-%d %H:%M} {n.author}: {n.text}" for n in claim.notes]
        history = [
            f"{e.at:%Y-%m-%d %H:%M} {e.actor}: {describe_change(e)}"
            for e in claim_history(session, claim.id)
        ]
        return {
            "structure": "\n".join(structure),
            "appearances": "\n".join(appearances),
            "sources": "\n".join(sources),
            "followups": "\n".join(followups),
            "notes": "\n".join(notes),
            "history": "\n".join(history),
        }

    # ------------------------------------------------------------ writing

    def write(
        self,
        done: str,
        change: Callable[[Session], Callable[[Session, str, int], None] | None],
        *,
        why_not_undoable: str = "",
    ) -> bool:
        """Run one change through the service at the loaded version; True if it was written.

        `change` returns how to revert it (or None). A Conflict reloads the screen
        and writes nothing; any other refusal shows as a notification.
        """
        try:
            with self.database.transaction() as session:
                revert = change(session)
                version = service.get_claim(session, self.claim_id).version
        except Conflict as error:
            self.notify(str(error), title="Conflict", severity="warning", timeout=10)
            self.reload()
            return False
        except ClaimtrackError as error:
            self.notify(str(error), severity="error")
            return False
        app: ClaimtrackApp = self.app  # type: ignore[assignment]
        app.remember(UndoStep(done, self.claim_id, revert, version, why_not_undoable))
        self.notify(done)
        self.reload()
        return True

    # ------------------------------------------------------------ actions

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_reload(self) -> None:
        self.reload()

    def action_add_source(self) -> None:
        def save(details: dict[str, Any] | None) -> None:
            if not details:
                return

            def change(session: Session) -> Callable[[Session, str, int], None]:
                source = service.add_source(
                    session, self.actor, self.claim_id, expected_version=self.version, **details
                )
                source_id = source.id

                def revert(session: Session, actor: str, version: int) -> None:
                    service.remove_source(session, actor, source_id, expected_version=version)

                return revert

            self.write(f"source added: {details['title'] or details['url']}", change)

        self.app.push_screen(SourceForm(), save)

    def action_set_verdict(self) -> None:
        def rule(value: str | None) -> None:
            if value is None:
                return
            old = (self.verdict, self.verdict_summary, self.status)

            def change(session: Session) -> Callable[[Session, str, int], None]:
                service.set_verdict(
                    session, self.actor, self.claim_id, value, expected_version=self.version
                )

                def revert(session: Session, actor: str, version: int) -> None:
                    service.set_verdict(
                        session,
                        actor,
                        self.claim_id,
                        old[0],
                        old[1] or "",
                        force=True,
                        expected_version=version,
                    )
                    if old[2] == Status.NEW.value:
                        service.set_status(session, actor, self.claim_id, Status.NEW)

                return revert

            self.write(f"verdict: {Verdict(value).label}", change)

        choices = [(v.value, v.label) for v in Verdict]
        self.app.push_screen(ChoiceScreen("Verdict", choices, self.verdict), rule)

    def action_set_status(self) -> None:
        def move(value: str | None) -> None:
            if value is not None:
                self._set_status(value)

        choices = [(s.value, s.label) for s in Status]
        self.app.push_screen(ChoiceScreen("Status", choices, self.status), move)

    def action_dismiss_claim(self) -> None:
        self._set_status(Status.DISMISSED.value)

    def _set_status(self, value: str) -> None:
        old = self.status

        def change(session: Session) -> Callable[[Session, str, int], None]:
            service.set_status(
                session, self.actor, self.claim_id, value, expected_version=self.version
            )

            def revert(session: Session, actor: str, version: int) -> None:
                service.set_status(session, actor, self.claim_id, old, expected_version=version)

            return revert

        self.write(f"status: {_label(value)}", change)

    def action_add_followup(self) -> None:
        def save(details: dict[str, Any] | None) -> None:
            if not details:
                return

            def change(session: Session) -> None:
                service.add_followup(
                    session, self.actor, self.claim_id, expected_version=self.version, **details
                )

            self.write(
                f"follow-up due {details['due']:%d %b %Y}",
                change,
                why_not_undoable="the service cannot remove a follow-up",
            )

        self.app.push_screen(FollowUpForm(), save)

    def action_complete_followup(self) -> None:
        if not self.open_followups:
            self.notify("no open follow-up", severity="warning")
            return
        followup_id = self.open_followups[0]

        def change(session: Session) -> None:
            # complete_followup takes no expected version: check it here, in the same transaction.
            claim = service.get_claim(session, self.claim_id)
            service.check_version(session, claim, self.version)
            service.complete_followup(session, self.actor, followup_id)

        self.write(
            "follow-up done",
            change,
            why_not_undoable="the service cannot reopen a follow-up",
        )

    def action_add_note(self) -> None:
        def save(text: str | None) -> None:
            if not text:
                return

            def change(session: Session) -> None:
                service.add_note(
                    session, self.actor, self.claim_id, text, expected_version=self.version
                )

            self.write("note added", change, why_not_undoable="the service cannot remove a note")

        self.app.push_screen(TextPrompt("Note"), save)

    def action_assign(self) -> None:
        def save(name: str | None) -> None:
            if name is None:
                return
            old: list[str | None] = []

            def change(session: Session) -> Callable[[Session, str, int], None]:
                old.append(service.get_claim(session, self.claim_id).assignee)
                service.assign(
                    session, self.actor, self.claim_id, name, expected_version=self.version
                )

                def revert(session: Session, actor: str, version: int) -> None:
                    service.assign(session, actor, self.claim_id, old[0], expected_version=version)

                return revert

            self.write(f"assigned to {name.strip() or 'nobody'}", change)

        self.app.push_screen(TextPrompt("Assign to", self.actor), save)

    def action_tag(self) -> None:
        def save(name: str | None) -> None:
            if not name or not name.strip():
                return

            def change(session: Session) -> Callable[[Session, str, int], None]:
                service.tag(session, self.actor, self.claim_id, name, expected_version=self.version)

                def revert(session: Session, actor: str, version: int) -> None:
                    service.untag(session, actor, self.claim_id, name, expected_version=version)

                return revert

            self.write(f"tagged {name.strip().lower()}", change)

        self.app.push_screen(TextPrompt("Tag"), save)
