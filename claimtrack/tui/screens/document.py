"""One article to read, its claims highlighted; step from claim to claim and open one."""

from __future__ import annotations

from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import get_current_worker

from claimtrack.db import Database
from claimtrack.terminal import shown
from claimtrack.tui.screens.claim import ClaimScreen
from claimtrack.tui.widgets.article_text import ArticleText
from claimtrack.tui.widgets.workbench_header import WorkbenchHeader
from claimtrack.views.document import DocumentView, load_document_view


class DocumentScreen(Screen[None]):
    """The article's text, a paragraph a widget, so the current claim can be scrolled to."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,backspace", "back", "Back", id="document.back"),
        Binding("j,n", "next_claim", "Next claim", id="document.next_claim"),
        Binding("k,p", "previous_claim", "Previous claim", id="document.previous_claim"),
        Binding("enter", "open_claim", "Open claim", id="document.open_claim"),
        Binding("r", "reload", "Reload", id="document.reload", show=False),
    ]

    def __init__(self, database: Database, actor: str, document_id: int) -> None:
        super().__init__()
        self.database = database
        self.actor = actor
        self.document_id = document_id
        self.view: DocumentView | None = None
        self.current: int | None = None  # index into view.claims

    def compose(self) -> ComposeResult:
        yield WorkbenchHeader()
        yield Static("", id="document-title", classes="screen-title", markup=False)
        yield Static("loading…", id="document-meta", markup=False)
        yield VerticalScroll(id="document-body")
        yield Static("", id="document-status", classes="screen-status", markup=False)
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.query_one("#document-body").focus()
        self.reload()

    def on_screen_resume(self) -> None:
        # Back from a claim: its status may have changed, or it may have been merged.
        if self.view is not None:
            self.reload()

    def reload(self) -> None:
        """Read the article and its claims afresh, in a worker."""
        self.load_document(self.document_id)

    @work(thread=True, exclusive=True, group="document")
    def load_document(self, document_id: int) -> None:
        worker = get_current_worker()
        try:
            with self.database.read() as session:
                view = load_document_view(session, document_id)
        except Exception as error:  # a missing document or a lost database shows, never crashes
            if not worker.is_cancelled:
                self.app.call_from_thread(self._load_failed, error)
            return
        if not worker.is_cancelled:
            # Textual's stub (Callable[..., T | Awaitable[T]]) cannot solve T for a coroutine
            # function; at run time call_from_thread awaits it, as intended.
            self.app.call_from_thread(self._show, view)  # type: ignore[arg-type]

    def _load_failed(self, error: Exception) -> None:
        self.notify(shown(str(error)), severity="error", markup=False)
        if self.app.screen is self:
            self.app.pop_screen()

    async def _show(self, view: DocumentView) -> None:
        # Stay on the same claim across a reload when it is still there.
        keep = self.current_claim_id
        self.view = view
        ids = [c.claim_id for c in view.claims]
        if keep in ids:
            self.current = ids.index(keep)
        else:
            self.current = 0 if view.claims else None
        self.query_one("#document-title", Static).update(shown(view.title))
        self.query_one("#document-meta", Static).update(shown(view.meta))
        body = self.query_one("#document-body", VerticalScroll)
        passages = view.with_current(self.current)
        mounted = list(body.query_children(ArticleText))
        if len(mounted) == len(passages):
            # A re-read of the same article: repaint in place, keeping the reader's place.
            for widget, passage in zip(mounted, passages, strict=True):
                widget.show([passage])
        else:
            await body.remove_children()
            await body.mount_all(
                ArticleText([passage], id=f"paragraph-{number}", classes="paragraph")
                for number, passage in enumerate(passages)
            )
        self._update_status()
        self.call_after_refresh(self._scroll_to_current)

    @property
    def current_claim_id(self) -> int | None:
        """The claim the reader is on."""
        if self.view is None or self.current is None:
            return None
        return self.view.claims[self.current].claim_id

    def _move(self, step: int) -> None:
        if self.view is None or self.current is None:
            self.notify("no claim in this document", severity="warning")
            return
        before = self.view.claims[self.current].paragraph
        self.current = (self.current + step) % len(self.view.claims)
        after = self.view.claims[self.current].paragraph
        passages = self.view.with_current(self.current)
        for number in {before, after}:
            self.query_one(f"#paragraph-{number}", ArticleText).show([passages[number]])
        self._update_status()
        self._scroll_to_current()

    def _update_status(self) -> None:
        status = self.query_one("#document-status", Static)
        if self.view is None or self.current is None:
            status.update("no claim is mentioned in this document")
            return
        claim = self.view.claims[self.current]
        mention = f"mention {self.current + 1} of {len(self.view.claims)} · {claim.describe()}"
        status.update(shown(mention, newline=" "))

    def _scroll_to_current(self) -> None:
        if self.view is None or self.current is None:
            return
        paragraph = self.view.claims[self.current].paragraph
        widgets = self.query(f"#paragraph-{paragraph}")
        if widgets:
            self.query_one("#document-body", VerticalScroll).scroll_to_center(
                widgets.first(), animate=False
            )

    def action_next_claim(self) -> None:
        self._move(+1)

    def action_previous_claim(self) -> None:
        self._move(-1)

    def action_open_claim(self) -> None:
        if (claim_id := self.current_claim_id) is not None:
            self.app.push_screen(ClaimScreen(self.database, self.actor, claim_id))

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_reload(self) -> None:
        self.reload()
