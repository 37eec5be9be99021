"""The agenda: open follow-ups grouped by when they are due; open the claim or complete one."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from claimtrack import service
from claimtrack.db import Database
from claimtrack.terminal import shown
from claimtrack.tui.notices import write_notices
from claimtrack.tui.screens.claim import ClaimScreen
from claimtrack.tui.undo import UndoStep
from claimtrack.tui.widgets.workbench_header import WorkbenchHeader
from claimtrack.views.agenda import Agenda, AgendaRow, load_agenda
from claimtrack.views.claim import repeats
from claimtrack.wording import count

if TYPE_CHECKING:
    from claimtrack.tui.app import ClaimtrackApp

CLAIM_WIDTH = 60  # characters of the claim's text shown beside each follow-up


def _row_prompt(row: AgendaRow) -> Text:
    claim = (
        row.claim_text
        if len(row.claim_text) <= CLAIM_WIDTH
        else row.claim_text[: CLAIM_WIDTH - 1] + "…"
    )
    repeat = f" ↻ {repeats(row.rrule)}" if row.rrule else ""
    who = f" @{row.assignee}" if row.assignee else ""
    line = f"  {row.due:%a %d %b %Y}  {row.text}{repeat}{who}  ·  #{row.claim_id} {claim}"
    return Text(shown(line, newline=" "))


class FollowUpsScreen(Screen[None]):
    """Open follow-ups: overdue, today, this week, later; enter opens the claim."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,backspace", "back", "Back", id="agenda.back"),
        Binding("c", "complete", "Complete", id="agenda.complete"),
        Binding("j", "cursor_down", "Down", id="agenda.down", show=False),
        Binding("k", "cursor_up", "Up", id="agenda.up", show=False),
        Binding("r", "reload", "Reload", id="agenda.reload", show=False),
    ]

    def __init__(self, database: Database, actor: str) -> None:
        super().__init__()
        self.database = database
        self.actor = actor
        self.agenda: Agenda | None = None
        self.rows: dict[str, AgendaRow] = {}

    @property
    def workbench(self) -> ClaimtrackApp:
        return cast("ClaimtrackApp", self.app)

    def compose(self) -> ComposeResult:
        yield WorkbenchHeader()
        yield Static("Follow-ups", id="agenda-title", classes="screen-title")
        yield OptionList(id="agenda")
        yield Static("loading…", id="agenda-status", classes="screen-status")
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.query_one("#agenda", OptionList).focus()
        self.reload()

    def on_screen_resume(self) -> None:
        # Back from a claim: a follow-up may have been completed or added there.
        if self.agenda is not None:
            self.reload()

    # ------------------------------------------------------------ loading

    def reload(self) -> None:
        """Read the agenda afresh, in a worker."""
        self.load_agenda()

    @work(thread=True, exclusive=True, group="agenda")
    def load_agenda(self) -> None:
        worker = get_current_worker()
        try:
            with self.database.read() as session:
                agenda = load_agenda(session, self.workbench.today())
        except Exception as error:  # a lost database shows, never crashes
            if not worker.is_cancelled:
                self.app.call_from_thread(
                    self.notify, shown(str(error)), severity="error", markup=False
                )
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show, agenda)

    def _show(self, agenda: Agenda) -> None:
        options = self.query_one("#agenda", OptionList)
        keep = self.current_row()
        self.agenda = agenda
        self.rows = {}
        items: list[Option] = []
        for name, rows in agenda.groups:
            items.append(
                Option(
                    Text(f"{name.capitalize()} · {len(rows)}"), id=f"group-{name}", disabled=True
                )
            )
            for row in rows:
                key = f"followup-{row.id}"
                self.rows[key] = row
                items.append(Option(_row_prompt(row), id=key))
        options.clear_options()
        options.add_options(items)
        if keep is not None and f"followup-{keep.id}" in self.rows:
            options.highlighted = options.get_option_index(f"followup-{keep.id}")
        elif self.rows:
            options.highlighted = options.get_option_index(next(iter(self.rows)))
        status = f"{count(agenda.shown, 'open follow-up')} · today is {agenda.today:%a %d %b %Y}"
        if agenda.shown < agenda.total:
            status = f"the first {agenda.shown:,} of {agenda.total:,} open follow-ups · today is {agenda.today:%a %d %b %Y}"
        self.query_one("#agenda-status", Static).update(status)

    def current_row(self) -> AgendaRow | None:
        """The follow-up under the cursor."""
        options = self.query_one("#agenda", OptionList)
        if options.highlighted is None:
            return None
        option = options.get_option_at_index(options.highlighted)
        return self.rows.get(option.id or "")

    # ------------------------------------------------------------ actions

    @on(OptionList.OptionSelected, "#agenda")
    def open_claim(self, event: OptionList.OptionSelected) -> None:
        row = self.rows.get(event.option.id or "")
        if row is not None:
            self.app.push_screen(ClaimScreen(self.database, self.actor, row.claim_id))

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_reload(self) -> None:
        self.reload()

    def action_cursor_down(self) -> None:
        self.query_one("#agenda", OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one("#agenda", OptionList).action_cursor_up()

    def action_complete(self) -> None:
        """Mark the follow-up under the cursor done, checked against the claim as read."""
        row = self.current_row()
        if row is None:
            self.notify("no follow-up here", severity="warning")
            return

        with (
            write_notices(self, on_conflict=self.reload, on_refusal=self.reload) as written,
            self.database.transaction() as session,
        ):
            service.complete_followup(
                session, self.actor, row.id, expected_version=row.claim_version
            )
            version = service.get_claim(session, row.claim_id).version
            completed = service.last_event_id(session)
        if not written.ok:
            return
        done = f"follow-up done: {row.text}"
        self.workbench.remember(
            UndoStep(done, row.claim_id, completed, version, before=row.claim_version)
        )
        self.notify(shown(done), markup=False)  # it quotes the follow-up
        self.reload()
