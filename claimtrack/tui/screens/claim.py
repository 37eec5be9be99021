"""One claim: its parts, where it appeared, matches, evidence, follow-ups, notes and history."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, cast

from sqlalchemy.orm import Session
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import get_current_worker

from claimtrack import service
from claimtrack.db import Database
from claimtrack.scale import Kind, Outcome, Status, Verdict
from claimtrack.service.sources import edit_source
from claimtrack.terminal import shown
from claimtrack.tui.notices import write_notices
from claimtrack.tui.screens.choice import ChoiceScreen
from claimtrack.tui.screens.claim_form import ClaimForm
from claimtrack.tui.screens.confirm import ConfirmScreen
from claimtrack.tui.screens.followup_form import FollowUpForm
from claimtrack.tui.screens.merge_form import Kept, MergeForm, Side
from claimtrack.tui.screens.source_form import SourceForm
from claimtrack.tui.screens.text_editor import TextEditor
from claimtrack.tui.screens.text_prompt import TextPrompt
from claimtrack.tui.screens.verdict_form import VerdictForm
from claimtrack.tui.undo import UndoStep
from claimtrack.tui.widgets.article_text import ArticleText
from claimtrack.tui.widgets.workbench_header import WorkbenchHeader
from claimtrack.views.claim import (
    ClaimView,
    FollowUpRow,
    MatchRow,
    SourceRow,
    label,
    load_claim_view,
    timeline,
)

if TYPE_CHECKING:
    from claimtrack.tui.app import ClaimtrackApp

# (section id, title); appearances are drawn by an ArticleText, the rest by Statics.
SECTIONS = (
    ("structure", "Quantities and dates"),
    ("appearances", "Appearances"),
    ("matches", "Suggested matches"),
    ("sources", "Sources"),
    ("followups", "Follow-ups"),
    ("notes", "Notes"),
    ("history", "History"),
)

Change = Callable[[Session], Any]


class ClaimScreen(Screen[None]):
    """A claim and every action on it; each write carries the version this screen loaded."""

    # Shown in the footer in this order, the most used first; `?` lists them all.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,backspace", "back", "Back", id="claim.back", show=False),
        Binding("v", "set_verdict", "Verdict", id="claim.set_verdict"),
        Binding("s", "add_source", "Source", id="claim.add_source"),
        Binding("n", "add_note", "Note", id="claim.add_note"),
        Binding("e", "edit_claim", "Edit", id="claim.edit"),
        Binding("t", "set_status", "Status", id="claim.set_status", show=False),
        Binding("o", "set_outcome", "Outcome", id="claim.set_outcome", show=False),
        Binding("f", "add_followup", "Follow-up", id="claim.add_followup", show=False),
        Binding("c", "complete_followup", "Complete", id="claim.complete_followup", show=False),
        Binding("m", "confirm_match", "Same claim", id="claim.confirm_match", show=False),
        Binding("x", "reject_match", "Not a match", id="claim.reject_match", show=False),
        Binding("E", "edit_source", "Edit source", id="claim.edit_source", show=False),
        Binding("X", "remove_source", "Remove source", id="claim.remove_source", show=False),
        Binding("b", "open_source", "Open source URL", id="claim.open_source", show=False),
        Binding("y", "copy_text", "Copy text", id="claim.copy_text", show=False),
        Binding("Y", "copy_id", "Copy id", id="claim.copy_id", show=False),
        Binding("a", "assign", "Assign", id="claim.assign", show=False),
        Binding("plus", "tag", "Tag", id="claim.tag", show=False),
        Binding("d", "dismiss_claim", "Dismiss", id="claim.dismiss", show=False),
        Binding("delete", "delete_claim", "Delete", id="claim.delete", show=False),
        Binding("r", "reload", "Reload", id="claim.reload", show=False),
    ]

    def __init__(self, database: Database, actor: str, claim_id: int) -> None:
        super().__init__()
        self.database = database
        self.actor = actor
        self.claim_id = claim_id
        self.version = 0
        self.view: ClaimView | None = None

    @property
    def workbench(self) -> ClaimtrackApp:
        return cast("ClaimtrackApp", self.app)

    def compose(self) -> ComposeResult:
        yield WorkbenchHeader()
        with VerticalScroll(id="claim-body"):
            yield Static("", id="claim-text", markup=False)
            yield Static("loading…", id="claim-meta", markup=False)
            checked = Static("", id="claim-checked", markup=False)
            checked.display = False  # shown only for a claim already checked
            yield checked
            for name, title in SECTIONS:
                yield Static(title, classes="section-title", markup=False)
                if name == "appearances":
                    yield ArticleText(id="claim-appearances", classes="section")
                else:
                    yield Static("", id=f"claim-{name}", classes="section", markup=False)
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#claim-body").focus()

    def on_screen_resume(self) -> None:
        # Back from the agenda or a document, where this claim may have changed:
        # without a fresh version the next write here would be a false conflict.
        if self.view is not None:
            self.reload()

    # ------------------------------------------------------------ loading

    def reload(self) -> None:
        """Read the claim afresh (in a worker); remembers its version for the next write."""
        self.load_claim(self.claim_id)

    @work(thread=True, exclusive=True, group="claim")
    def load_claim(self, claim_id: int) -> None:
        """Read the claim off the UI thread and hand the result back to it."""
        worker = get_current_worker()
        try:
            with self.database.read() as session:
                view = load_claim_view(session, claim_id)
        except Exception as error:  # a missing claim or a lost database shows, never crashes
            if not worker.is_cancelled:
                self.app.call_from_thread(self._load_failed, claim_id, error)
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show, view)

    def _load_failed(self, claim_id: int, error: Exception) -> None:
        if claim_id != self.claim_id:
            return  # a load for a claim this screen has moved away from
        self.notify(shown(str(error)), severity="error", markup=False)
        if self.app.screen is self:
            self.app.pop_screen()

    def _show(self, view: ClaimView) -> None:
        if view.id != self.claim_id:
            return
        self.view, self.version = view, view.version
        today = self.workbench.today()
        self.sub_title = f"claim {view.id} · version {view.version}"
        # The Statics take no markup; `shown` makes the controls a web page put in visible.
        self.query_one("#claim-text", Static).update(shown(view.text))
        self.query_one("#claim-meta", Static).update(shown(view.meta))
        checked = self.query_one("#claim-checked", Static)
        checked.update(shown("\n".join(view.checked)))
        checked.display = bool(view.checked)
        self.query_one("#claim-appearances", ArticleText).show(view.appearances)
        sections = {
            "structure": "\n".join(view.structure),
            "matches": "\n".join(m.describe() for m in view.matches),
            "sources": "\n".join(view.sources),
            "followups": "\n".join(f.describe(today) for f in view.followups),
            "notes": "\n".join(view.notes),
            "history": timeline(view.history),
        }
        for name, content in sections.items():
            self.query_one(f"#claim-{name}", Static).update(shown(content) or "—")

    # ------------------------------------------------------------ writing

    def write(
        self,
        done: str,
        change: Change,
        *,
        why_not_undoable: str = "",
        undo_on: int | None = None,
        then_show: int | None = None,
        then_leave: bool = False,
    ) -> bool:
        """Run one change through the service at the loaded version; True if it was written.

        The events `change` writes are one batch, and `u` takes them back through
        `service.undo` (unless `why_not_undoable` says why it cannot). `undo_on`
        is the claim whose version the undo checks (this one unless the change
        lands elsewhere); `then_show` switches the screen to another claim (the
        survivor of a merge); `then_leave` is for a change that takes the claim
        out of reach (the trash): `change` returns the claim, and the screen does
        not read it again. A Conflict reloads the screen and writes nothing;
        any other refusal shows as a notification.
        """
        if self.view is None:
            self.notify("still loading the claim", severity="warning")
            return False
        target = undo_on or self.claim_id
        with (
            write_notices(self, on_conflict=self.reload) as outcome,
            self.database.transaction() as session,
        ):
            since = service.last_event_id(session)
            with service.batch():
                changed = change(session)
            # A claim in the trash is out of get_claim's reach: its version comes back from `change`.
            version = changed.version if then_leave else service.get_claim(session, target).version
            written = service.last_event_id(session)
        if not outcome.ok:
            return False
        # The version the change was made on: only meaningful when it landed on this claim.
        before = self.version if target == self.claim_id else None
        event_id = None if why_not_undoable or written == since else written
        self.workbench.remember(UndoStep(done, target, event_id, version, why_not_undoable, before))
        self.notify(shown(done), markup=False)  # it may quote a title or a follow-up
        if then_leave:
            return True
        if then_show is not None:
            self.claim_id, self.view = then_show, None  # nothing to write on until it loads
        self.reload()
        return True

    def _check_loaded_version(self, session: Session) -> None:
        # For service calls that take no expected version: check it in the same transaction.
        service.check_version(session, service.get_claim(session, self.claim_id), self.version)

    # ------------------------------------------------------------ actions

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_reload(self) -> None:
        self.reload()

    def action_add_source(self) -> None:
        def save(details: dict[str, Any] | None) -> None:
            if not details:
                return

            def change(session: Session) -> None:
                service.add_source(
                    session, self.actor, self.claim_id, expected_version=self.version, **details
                )

            self.write(f"source added: {details['title'] or details['url']}", change)

        self.app.push_screen(SourceForm(), save)

    def action_set_verdict(self) -> None:
        """Rule a verdict with its rationale; the old summary is offered only for the same verdict."""
        if self.view is None:
            return
        view = self.view

        def rule(details: dict[str, Any] | None) -> None:
            if details is None:
                return
            value, summary = details["verdict"], details["summary"]

            def change(session: Session) -> None:
                service.update_claim(
                    session,
                    self.actor,
                    self.claim_id,
                    expected_version=self.version,
                    verdict=value,
                    summary=summary,  # "" clears a summary written for another verdict
                )

            self.write(f"verdict: {Verdict(value).label}", change)

        self.app.push_screen(VerdictForm(view.verdict, view.verdict_summary), rule)

    def action_set_outcome(self) -> None:
        if self.view is None:
            return
        view = self.view
        if not Kind(view.kind).has_outcome:
            self.notify(
                f"outcomes rate commitments and predictions; this is a {view.kind} claim",
                severity="warning",
            )
            return

        def rate(value: str | None) -> None:
            if value is None:
                return

            def change(session: Session) -> None:
                service.update_claim(
                    session, self.actor, self.claim_id, expected_version=self.version, outcome=value
                )

            self.write(f"outcome: {Outcome(value).label}", change)

        choices = [(o.value, o.label) for o in Outcome]
        self.app.push_screen(ChoiceScreen("Outcome", choices, view.outcome), rate)

    def action_set_status(self) -> None:
        if self.view is None:
            return

        def move(value: str | None) -> None:
            if value is not None:
                self._set_status(value)

        choices = [(s.value, s.label) for s in Status]
        self.app.push_screen(ChoiceScreen("Status", choices, self.view.status), move)

    def action_dismiss_claim(self) -> None:
        self._set_status(Status.DISMISSED.value)

    def _set_status(self, value: str) -> None:
        if self.view is None:
            return

        def change(session: Session) -> None:
            service.update_claim(
                session, self.actor, self.claim_id, expected_version=self.version, status=value
            )

        self.write(f"status: {label(value)}", change)

    def action_add_followup(self) -> None:
        def save(details: dict[str, Any] | None) -> None:
            if not details:
                return

            def change(session: Session) -> None:
                service.add_followup(
                    session, self.actor, self.claim_id, expected_version=self.version, **details
                )

            self.write(f"follow-up due {details['due']:%d %b %Y}", change)

        self.app.push_screen(FollowUpForm(self.workbench.today()), save)

    def action_complete_followup(self) -> None:
        """Complete an open follow-up; with more than one, the reviewer picks which."""
        if self.view is None:
            return
        pending = self.view.open_followups
        if not pending:
            self.notify("no open follow-up", severity="warning")
            return
        if len(pending) == 1:
            self._complete(pending[0])
            return
        today = self.workbench.today()
        by_id = {str(f.id): f for f in pending}

        def chosen(value: str | None) -> None:
            if value is not None:
                self._complete(by_id[value])

        choices = [(key, shown(row.describe(today), newline=" ")) for key, row in by_id.items()]
        self.app.push_screen(ChoiceScreen("Complete which follow-up?", choices), chosen)

    def _complete(self, row: FollowUpRow) -> None:
        def change(session: Session) -> None:
            service.complete_followup(session, self.actor, row.id, expected_version=self.version)

        self.write(f"follow-up done: {row.text}", change)

    def action_add_note(self) -> None:
        def save(text: str | None) -> None:
            if not text or not text.strip():
                return

            def change(session: Session) -> None:
                service.add_note(
                    session, self.actor, self.claim_id, text, expected_version=self.version
                )

            self.write("note added", change)

        self.app.push_screen(TextEditor("Note"), save)

    def action_assign(self) -> None:
        def save(name: str | None) -> None:
            if name is None:
                return

            def change(session: Session) -> None:
                service.update_claim(
                    session, self.actor, self.claim_id, expected_version=self.version, assignee=name
                )

            self.write(f"assigned to {name.strip() or 'nobody'}", change)

        self.app.push_screen(TextPrompt("Assign to", self.actor), save)

    def action_tag(self) -> None:
        def save(name: str | None) -> None:
            if not name or not name.strip():
                return

            def change(session: Session) -> None:
                service.update_claim(
                    session,
                    self.actor,
                    self.claim_id,
                    expected_version=self.version,
                    add_tags=[name],
                )

            self.write(f"tagged {name.strip().lower()}", change)

        self.app.push_screen(TextPrompt("Tag"), save)

    # ------------------------------------------------------------ editing what is shown

    def action_edit_claim(self) -> None:
        """Correct the claim's wording, speaker, speaker type or kind."""
        if self.view is None:
            return
        view = self.view

        def save(changed: dict[str, Any] | None) -> None:
            if not changed:
                return

            def change(session: Session) -> None:
                service.update_claim(
                    session, self.actor, self.claim_id, expected_version=self.version, **changed
                )

            self.write("edited: " + ", ".join(sorted(changed)).replace("_", " "), change)

        form = ClaimForm(view.text, view.speaker, view.speaker_type, view.kind)
        self.app.push_screen(form, save)

    def _pick_source(self, title: str, then: Callable[[SourceRow], None]) -> None:
        """Act on the one source, or on the one the reviewer picks."""
        if self.view is None:
            return
        rows = self.view.source_rows
        if not rows:
            self.notify("this claim has no source", severity="warning")
            return
        if len(rows) == 1:
            then(rows[0])
            return
        by_id = {str(row.id): row for row in rows}

        def chosen(value: str | None) -> None:
            if value is not None:
                then(by_id[value])

        choices = [
            (key, shown(f"[{row.stance}] {row.name}", newline=" ")) for key, row in by_id.items()
        ]
        self.app.push_screen(ChoiceScreen(title, choices), chosen)

    def action_edit_source(self) -> None:
        def edit(row: SourceRow) -> None:
            def save(details: dict[str, Any] | None) -> None:
                if not details:
                    return

                def change(session: Session) -> None:
                    edit_source(
                        session, self.actor, row.id, expected_version=self.version, **details
                    )

                self.write(f"source edited: {details['title'] or details['url']}", change)

            self.app.push_screen(SourceForm(row), save)

        self._pick_source("Edit which source?", edit)

    def action_remove_source(self) -> None:
        def remove(row: SourceRow) -> None:
            def answered(yes: bool | None) -> None:
                if not yes:
                    return

                def change(session: Session) -> None:
                    service.remove_source(
                        session, self.actor, row.id, expected_version=self.version
                    )

                self.write(f"source removed: {row.name}", change)

            question = shown(f"Remove the source “{row.name}”?", newline=" ")
            self.app.push_screen(ConfirmScreen(question, "u puts it back", yes="Remove"), answered)

        self._pick_source("Remove which source?", remove)

    def action_open_source(self) -> None:
        def open_url(row: SourceRow) -> None:
            self.app.open_url(row.url)
            self.notify(shown(f"opening {row.url}", newline=" "), markup=False)

        self._pick_source("Open which source?", open_url)

    def action_copy_text(self) -> None:
        if self.view is not None:
            self.app.copy_to_clipboard(self.view.text)
            self.notify("claim text copied")

    def action_copy_id(self) -> None:
        self.app.copy_to_clipboard(str(self.claim_id))
        self.notify(f"claim id {self.claim_id} copied")

    def action_delete_claim(self) -> None:
        """Move the claim to the trash, after a confirmation; `u` or `claims restore` brings it back."""
        if self.view is None:
            return
        claim_id = self.claim_id

        def answered(yes: bool | None) -> None:
            if not yes:
                return

            def change(session: Session) -> object:
                return service.delete_claim(
                    session, self.actor, claim_id, expected_version=self.version
                )

            if self.write(f"claim {claim_id} moved to the trash", change, then_leave=True):
                self.app.pop_screen()

        text = shown(" ".join(self.view.text.split()), newline=" ")
        question = f"Move claim {claim_id} to the trash?"
        detail = f"“{text[:200]}”\nu (or claimtrack claims restore {claim_id}) brings it back"
        self.app.push_screen(ConfirmScreen(question, detail, yes="Delete"), answered)

    # ------------------------------------------------------------ suggested matches

    def action_confirm_match(self) -> None:
        """Merge a suggested near-duplicate; always picked from a list, as a merge is final."""
        self._pick_match(confirm=True)

    def action_reject_match(self) -> None:
        """Mark a suggested near-duplicate as a different claim."""
        self._pick_match(confirm=False)

    def _pick_match(self, *, confirm: bool) -> None:
        if self.view is None:
            return
        pending = self.view.open_matches
        if not pending:
            self.notify("no suggested match to decide", severity="warning")
            return
        if not confirm and len(pending) == 1:
            self._decide(pending[0], confirm=False)
            return
        by_id = {str(m.id): m for m in pending}

        def chosen(value: str | None) -> None:
            if value is not None:
                self._decide(by_id[value], confirm=confirm)

        if confirm:
            title = "Same claim? enter merges the newer claim into the older"
        else:
            title = "Not the same claim as which?"
        choices = [
            (key, f"#{m.other_id} ({m.similarity:.0f}%) {shown(m.other_text, newline=' ')}")
            for key, m in by_id.items()
        ]
        self.app.push_screen(ChoiceScreen(title, choices), chosen)

    def _decide(self, row: MatchRow, *, confirm: bool) -> None:
        if confirm:
            self._merge(row)
            return

        def change(session: Session) -> None:
            self._check_loaded_version(session)
            service.decide_match(session, self.actor, row.id, confirm=False)

        self.write(f"not a duplicate of claim {row.other_id}", change, undo_on=row.pair_claim_id)

    def _merge(self, row: MatchRow) -> None:
        """Ask which wording and speaker the merged claim keeps, then merge (final)."""
        if self.view is None:
            return
        this = Side(self.view.id, self.view.text, self.view.speaker, self.view.speaker_type)
        other = Side(row.other_id, row.other_text, row.other_speaker, row.other_speaker_type)
        survivor, merged = (this, other) if row.pair_claim_id == this.claim_id else (other, this)

        def merge(kept: Kept | None) -> None:
            if kept is None:
                return

            def change(session: Session) -> None:
                self._check_loaded_version(session)
                service.decide_match(session, self.actor, row.id, confirm=True)
                # The reviewer's choice of wording and speaker, on the claim that survives.
                service.update_claim(
                    session,
                    self.actor,
                    survivor.claim_id,
                    text=kept.text.text,
                    speaker=kept.speaker.speaker or "",
                    speaker_type=kept.speaker.speaker_type or "",
                )

            self.write(
                f"merged with claim {row.other_id}",
                change,
                why_not_undoable="a merge is final",
                undo_on=row.pair_claim_id,
                then_show=row.pair_claim_id,
            )

        self.app.push_screen(MergeForm(survivor, merged), merge)
