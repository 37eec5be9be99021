"""The imported articles, newest first: title, outlet, published, number of claims."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static
from textual.worker import get_current_worker

from claimtrack import service
from claimtrack.db import Database
from claimtrack.queries import DocumentRow, list_documents
from claimtrack.terminal import shown
from claimtrack.tui.notices import write_notices
from claimtrack.tui.screens.document import DocumentScreen
from claimtrack.tui.screens.text_prompt import TextPrompt
from claimtrack.tui.widgets.workbench_header import WorkbenchHeader
from claimtrack.wording import count


class DocumentsScreen(Screen[None]):
    """Pick an article to read with its claims highlighted; enter opens it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,backspace", "back", "Back", id="documents.back"),
        Binding("p", "set_published", "Set date", id="documents.set_published"),
        Binding("j", "cursor_down", "Down", id="documents.down", show=False),
        Binding("k", "cursor_up", "Up", id="documents.up", show=False),
        Binding("r", "reload", "Reload", id="documents.reload", show=False),
    ]

    def __init__(self, database: Database, actor: str) -> None:
        super().__init__()
        self.database = database
        self.actor = actor
        self.loaded = False

    def compose(self) -> ComposeResult:
        yield WorkbenchHeader()
        yield Static("Documents", classes="screen-title")
        table: DataTable[str | Text] = DataTable(id="documents", cursor_type="row")
        table.add_column("published", key="published", width=10)
        table.add_column("title", key="title")
        table.add_column("outlet", key="outlet")
        table.add_column("claims", key="claims")
        yield table
        yield Static("loading…", id="documents-status", classes="screen-status")
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.query_one("#documents", DataTable).focus()
        self.reload()

    def on_screen_resume(self) -> None:
        # Back from a document: a merge there may have changed the counts.
        if self.loaded:
            self.reload()

    def reload(self) -> None:
        """Read the list afresh, in a worker."""
        self.load_documents()

    @work(thread=True, exclusive=True, group="documents")
    def load_documents(self) -> None:
        worker = get_current_worker()
        try:
            with self.database.read() as session:
                rows, total = list_documents(session)
        except Exception as error:  # a lost database shows, never crashes
            if not worker.is_cancelled:
                self.app.call_from_thread(
                    self.notify, shown(str(error)), severity="error", markup=False
                )
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show, rows, total)

    def _show(self, rows: list[DocumentRow], total: int) -> None:
        table = self.query_one("#documents", DataTable)
        keep = table.cursor_row
        table.clear()
        for row in rows:
            table.add_row(
                row.published.isoformat() if row.published else "—",
                Text(shown(row.title, newline=" ")),
                Text(shown(row.outlet or "—", newline=" ")),
                Text(f"{row.claims:,}", justify="right"),
                key=str(row.id),
            )
        if rows:
            table.move_cursor(row=min(keep, len(rows) - 1))
        status = (
            count(len(rows), "document")
            if len(rows) == total
            else f"the newest {len(rows):,} of {total:,} documents"
        )
        self.query_one("#documents-status", Static).update(status)
        self.loaded = True

    @on(DataTable.RowSelected, "#documents")
    def open_document(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            document_id = int(event.row_key.value)
            self.app.push_screen(DocumentScreen(self.database, self.actor, document_id))

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_reload(self) -> None:
        self.reload()

    def _current_document(self) -> int | None:
        table = self.query_one("#documents", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return int(key) if key is not None else None

    def action_set_published(self) -> None:
        """Date the article under the cursor: its relative dates and deadlines are read again."""
        document_id = self._current_document()
        if document_id is None:
            return

        def save(value: str | None) -> None:
            if value is None or not value.strip():
                return
            try:
                published = dt.date.fromisoformat(value.strip())
            except ValueError:
                self.notify(
                    f"not a date (YYYY-MM-DD): {shown(value)}", severity="error", markup=False
                )
                return
            self.set_published(document_id, published)

        self.app.push_screen(
            TextPrompt(f"Publication date of document {document_id} (YYYY-MM-DD)"), save
        )

    def set_published(self, document_id: int, published: dt.date) -> None:
        """Set the date through the service, in one audited transaction."""
        with (
            write_notices(self) as written,
            self.database.transaction() as session,
        ):
            redated = service.set_document_published(session, self.actor, document_id, published)
        if not written.ok:
            return
        self.notify(
            f"document {document_id} dated {published.isoformat()}: "
            f"{count(redated.claims, 'claim')} re-dated, "
            f"{count(redated.followups, 'follow-up')} added"
        )
        self.reload()

    def action_cursor_down(self) -> None:
        self.query_one("#documents", DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one("#documents", DataTable).action_cursor_up()
