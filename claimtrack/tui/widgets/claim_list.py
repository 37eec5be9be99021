"""The queue's table: a Line-API view that renders only the rows on screen."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import partial
from typing import ClassVar

from rich.cells import set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from claimtrack.terminal import shown
from claimtrack.views.queue import Ids, QueueRow, QueueSort, RowCache, RowFetcher


# (title, width, sort key, priority); the claim text takes whatever width is left.
# Narrow terminals drop the columns of lowest priority first (highest number).
@dataclass(frozen=True, slots=True)
class Column:
    """One column of the queue: its title, width (0: the claim text), sort key, priority."""

    title: str
    width: int
    key: str | None
    priority: int  # 0 always shown; larger numbers go first when the terminal is narrow


COLUMNS: list[Column] = [
    Column("", 1, None, 0),
    Column("id", 7, "id", 0),
    Column("score", 7, "score", 2),  # room for the sort arrow: "score ▼"
    Column("status", 12, "status", 1),
    Column("verdict", 12, "verdict", 3),
    Column("kind", 11, "kind", 7),
    Column("speaker", 18, "speaker", 5),
    Column("claim", 0, "text", 0),
    Column("src", 5, "sources", 6),
    Column("next due", 10, "next_due", 4),
]
MIN_TEXT_WIDTH = 30
SORT_ARROW = {True: "▼", False: "▲"}


def _cell(text: str, width: int) -> str:
    return set_cell_size(text, width)


def column_widths(width: int) -> list[int]:
    """Each column's width in a view `width` cells wide (0: left out); see ClaimList._widths."""
    chosen = [0] * len(COLUMNS)
    room = width
    by_priority = sorted(range(len(COLUMNS)), key=lambda i: (COLUMNS[i].priority, i))
    for index in by_priority:
        column = COLUMNS[index]
        need = (column.width or MIN_TEXT_WIDTH) + 1  # a column and the space after it
        if column.priority == 0 or need <= room:
            chosen[index] = column.width or MIN_TEXT_WIDTH
            room -= need
    text = next(i for i, column in enumerate(COLUMNS) if not column.width)
    chosen[text] += max(room, 0)
    return chosen


class ClaimList(ScrollView, can_focus=True):
    """Claims of an ordered id list; rows come a page at a time from a worker, cached.

    `render_line` does no I/O: a row whose page is not loaded yet draws blank,
    and the page (with the one after it) is read in a thread and painted when
    it arrives.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "claim-list--header",
        "claim-list--cursor",
        "claim-list--marked",
        "claim-list--overdue",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Down", id="queue.down", show=False),
        Binding("k,up", "cursor_up", "Up", id="queue.up", show=False),
        Binding("g,home", "cursor_first", "First", id="queue.first", show=False),
        Binding("G,end", "cursor_last", "Last", id="queue.last", show=False),
        Binding("pagedown", "page_down", "Page down", id="queue.page_down", show=False),
        Binding("pageup", "page_up", "Page up", id="queue.page_up", show=False),
        Binding("enter", "open", "Open", id="queue.open"),
        Binding("space", "toggle_mark", "Mark", id="queue.mark"),
    ]

    cursor: reactive[int] = reactive(0, always_update=True)

    class Opened(Message):
        """The reviewer asked to open a claim."""

        def __init__(self, claim_id: int) -> None:
            super().__init__()
            self.claim_id = claim_id

    class MarksChanged(Message):
        """The set of marked claims changed."""

    class SortRequested(Message):
        """The reviewer clicked a column title: sort by it (or flip it)."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def __init__(self, fetch_rows: RowFetcher, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows = RowCache(fetch_rows)
        self._loading = False
        # Marks are either explicit ids or "all the filter shows" less a few:
        # marking a million rows keeps no million ids.
        self.marked: set[int] = set()
        self.all_marked = False
        self.unmarked: set[int] = set()
        self.sort = QueueSort()
        self.today = dt.date.today()  # until mounted; then the app's day (fixed in tests)

    # ------------------------------------------------------------ data

    @property
    def ids(self) -> Ids:
        return self.rows.ids

    def is_marked(self, claim_id: int) -> bool:
        if self.all_marked:
            return claim_id not in self.unmarked
        return claim_id in self.marked

    @property
    def mark_count(self) -> int:
        """How many claims are marked (all but the unmarked, after a mark-all)."""
        if self.all_marked:
            return max(len(self.ids) - len(self.unmarked), 0)
        return len(self.marked)

    @property
    def current_id(self) -> int | None:
        """The claim id under the cursor."""
        return self.ids[self.cursor] if 0 <= self.cursor < len(self.ids) else None

    def show_ids(
        self,
        ids: Ids,
        sort: QueueSort | None = None,
        first_rows: dict[int, QueueRow] | None = None,
    ) -> None:
        """Show a new ordered id list, keeping the cursor on the same claim if it is there."""
        keep = self.current_id
        self.rows.reset(ids, first_rows)
        if sort is not None:
            self.sort = sort
        self.today = self._today()
        self.virtual_size = Size(self.size.width, len(ids) + 1)
        self.cursor = self._position(ids, keep, min(self.cursor, max(len(ids) - 1, 0)))
        self.refresh()

    def _today(self) -> dt.date:
        today = getattr(self.app, "today", None)
        return today() if callable(today) else dt.date.today()

    @staticmethod
    def _position(ids: Ids, claim_id: int | None, default: int) -> int:
        # A linear scan in C over an array of ids: no million-entry dict.
        if claim_id is None:
            return default
        try:
            return ids.index(claim_id)
        except ValueError:
            return default

    def reload_rows(self) -> None:
        """Read the shown rows afresh (after a write); the old ones show until then."""
        self.rows.refresh()
        self.today = self._today()
        self._load_wanted()
        self.refresh()

    def _load_wanted(self) -> None:
        """Start a worker for the pages rendering asked for, unless one is running.

        The wanted pages and their ids are taken here, on the UI thread, which
        alone touches the cache; the worker only reads the database.
        """
        if self._loading or not self.rows.wanted or not self.is_mounted:
            return
        requests = [(number, self.rows.page_ids(number)) for number in self.rows.take_wanted()]
        self._loading = True
        work = partial(self._load_pages, self.rows.generation, requests)
        self.run_worker(work, thread=True, group="claim-rows")

    def _load_pages(self, generation: int, requests: list[tuple[int, Ids]]) -> None:
        """In a thread: read each requested page, hand it to the UI thread as it comes."""
        try:
            for number, ids in requests:
                page = self.rows.fetch(ids)
                self.app.call_from_thread(self._page_loaded, generation, number, page)
        finally:
            self.app.call_from_thread(self._loading_done)

    def _page_loaded(self, generation: int, number: int, page: dict[int, QueueRow]) -> None:
        if self.rows.store(generation, number, page):
            self.refresh()

    def _loading_done(self) -> None:
        self._loading = False
        self._load_wanted()  # pages wanted while the worker ran

    # ------------------------------------------------------------ rendering

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, len(self.ids) + 1)

    def _widths(self, width: int) -> list[int]:
        """Each column's width at `width` cells; 0 for a column the terminal has no room for.

        The claim text keeps at least MIN_TEXT_WIDTH; the other columns join in
        order of priority while they fit, and the text takes what is left.
        """
        return column_widths(width)

    def _title(self, title: str, key: str | None) -> str:
        if key is not None and key == self.sort.key:
            return f"{title} {SORT_ARROW[self.sort.descending]}"
        return title

    def _join(self, cells: list[tuple[str, Style]], base: Style, width: int) -> Strip:
        segments: list[Segment] = []
        for text, style in cells:
            segments.append(Segment(text, style))
            segments.append(Segment(" ", base))
        return Strip(segments).adjust_cell_length(width, base).crop(0, width).simplify()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        widths = self._widths(width)
        if y == 0:
            style = base + self.get_component_rich_style("claim-list--header")
            cells = [
                (_cell(self._title(column.title, column.key), w), style)
                for column, w in zip(COLUMNS, widths, strict=True)
                if w
            ]
            return self._join(cells, style, width)
        index = self.scroll_offset.y + y - 1
        row = self.rows.row(index)
        if row is None:
            if self.rows.wanted:
                self.call_later(self._load_wanted)
            return Strip.blank(width, base)
        style = base
        if self.is_marked(row.id):
            style += self.get_component_rich_style("claim-list--marked")
        if index == self.cursor:
            style += self.get_component_rich_style("claim-list--cursor")
        return self._join(self._cells(row, widths, style), style, width)

    def _cells(self, row: QueueRow, widths: list[int], style: Style) -> list[tuple[str, Style]]:
        due_style = style
        if row.next_due is not None and row.next_due < self.today:
            due_style = style + self.get_component_rich_style("claim-list--overdue")
        values = [
            "●" if self.is_marked(row.id) else ("✓" if row.checked else ""),
            str(row.id).rjust(widths[1]),
            f"{row.score:.2f}",
            row.status.replace("_", " "),
            (row.verdict or "—").replace("_", " "),
            row.kind,
            # Segments go to the terminal as they are: controls from web pages made visible.
            shown(row.speaker or "", newline=" "),
            shown(" ".join(row.text.split())),
            str(row.sources),
            row.next_due.isoformat() if row.next_due else "",
        ]
        cells = [(_cell(v, w), style) for v, w in zip(values, widths, strict=True)]
        cells[-1] = (cells[-1][0], due_style)
        return [cell for cell, w in zip(cells, widths, strict=True) if w]

    # ------------------------------------------------------------ cursor

    def watch_cursor(self, old: int, new: int) -> None:
        visible = max(self.size.height - 1, 1)
        top = self.scroll_offset.y
        if new < top:
            self.scroll_to(y=new, animate=False)
        elif new >= top + visible:
            self.scroll_to(y=new - visible + 1, animate=False)
        self.refresh()

    def _move(self, to: int) -> None:
        if self.ids:
            self.cursor = max(0, min(to, len(self.ids) - 1))

    def action_cursor_down(self) -> None:
        self._move(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self._move(self.cursor - 1)

    def action_cursor_first(self) -> None:
        self._move(0)

    def action_cursor_last(self) -> None:
        self._move(len(self.ids) - 1)

    def action_page_down(self) -> None:
        self._move(self.cursor + max(self.size.height - 2, 1))

    def action_page_up(self) -> None:
        self._move(self.cursor - max(self.size.height - 2, 1))

    def action_open(self) -> None:
        if (claim_id := self.current_id) is not None:
            self.post_message(self.Opened(claim_id))

    def action_toggle_mark(self) -> None:
        if (claim_id := self.current_id) is not None:
            if self.all_marked:
                self.unmarked ^= {claim_id}
            else:
                self.marked ^= {claim_id}
            self.post_message(self.MarksChanged())
            self._move(self.cursor + 1)
            self.refresh()

    def mark_all(self) -> None:
        """Mark every claim the filter shows: a flag, not a set of ids."""
        self.marked, self.all_marked, self.unmarked = set(), True, set()
        self.post_message(self.MarksChanged())
        self.refresh()

    def clear_marks(self) -> None:
        self.marked, self.all_marked, self.unmarked = set(), False, set()
        self.post_message(self.MarksChanged())
        self.refresh()

    def column_at(self, x: int) -> str | None:
        """The sort key of the column at `x` cells into the content area."""
        for column, width in zip(COLUMNS, self._widths(self.size.width), strict=True):
            if not width:
                continue
            if x < width + 1:  # a column and the space after it
                return column.key
            x -= width + 1
        return None

    def on_click(self, event: events.Click) -> None:
        if event.y == 0:
            offset = event.get_content_offset(self)
            if offset is not None and (key := self.column_at(offset.x)) is not None:
                self.post_message(self.SortRequested(key))
            return
        index = self.scroll_offset.y + event.y - 1
        if index == self.cursor and event.chain >= 2:
            self.action_open()
        else:
            self._move(index)
