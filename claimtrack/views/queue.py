"""Reads behind the queue: the ordered id list for a filter and a sort, rows fetched per page.

The queue never loads the whole table. A filter and a sort become an ordered
list of claim ids (8 bytes each in an `array`, a million in 8 MB), read in
index order, never with OFFSET; rows are fetched a page of ids at a time
with one `IN (...)` query and kept in a small LRU.

Every sort is a short list of *segments*, each one ordered SELECT that an
index can serve: nullable columns list their blanks last in a segment of
their own (SQLite and PostgreSQL put NULLs at opposite ends), and the
computed columns (sources, next due) list the few claims that have any
first, from their own small tables, then the rest by id.
"""

from __future__ import annotations

import datetime as dt
from array import array
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    SQLColumnExpression,
    exists,
    func,
    select,
)
from sqlalchemy.engine import Connection

from claimtrack import tables
from claimtrack.db import Database
from claimtrack.reads import ClaimFilter
from claimtrack.search import claims_fts, fts_query

PAGE_SIZE = 100
CACHED_PAGES = 32
ID_BATCH = 20_000  # ids read per fetch while loading; a cancelled load stops between batches

Ids = Sequence[int]

# The queue reads through Core, never the ORM: `sqlalchemy.orm` and the models cost
# about 0.1 s of CPU to import and as much again to configure on the first query,
# all before the first rows (issue 17).
claims, sources, followups = tables.claims, tables.sources, tables.followups
events, checked_matches = tables.events, tables.checked_matches


def live() -> ColumnElement[bool]:
    """Claims neither merged away nor in the trash, spelled as the partial indexes are."""
    return tables.live(claims)


def narrowed(where: ClaimFilter, statement: Select[Any], dialect: str) -> Select[Any]:
    """`statement` over the queue's claims, narrowed to what `where` admits."""
    return where.apply(statement, dialect, claims=claims)


def is_checked() -> ColumnElement[bool]:
    """The claim has been found already checked (views/checked.py says by whom)."""
    return exists().where(checked_matches.c.claim_id == claims.c.id)


@dataclass(frozen=True, slots=True)
class QueueRow:
    """What one line of the queue shows."""

    id: int
    score: float
    status: str
    verdict: str | None
    kind: str
    speaker: str | None
    text: str
    sources: int
    next_due: dt.date | None
    checked: bool = False  # found already checked (views/checked.py): a ✓ on the row


@dataclass(frozen=True, slots=True)
class SortColumn:
    """A column the queue can be sorted by."""

    key: str
    label: str
    descending: bool  # its natural first direction: best score, most sources first
    id_follows: bool = True  # ties by id in the same direction (False: the other way)


SORT_COLUMNS: dict[str, SortColumn] = {
    column.key: column
    for column in (
        # Score ties stay oldest first, as `claims list` and the reports order them.
        SortColumn("score", "score", descending=True, id_follows=False),
        SortColumn("status", "status", descending=False),
        SortColumn("verdict", "verdict", descending=False),
        SortColumn("kind", "kind", descending=False),
        SortColumn("speaker", "speaker", descending=False),
        SortColumn("text", "claim text", descending=False),
        SortColumn("sources", "sources", descending=True),
        SortColumn("next_due", "next due", descending=False),
        SortColumn("id", "id", descending=False),
    )
}


@dataclass(frozen=True, slots=True)
class QueueSort:
    """The queue's order: a column and a direction."""

    key: str = "score"
    descending: bool = True

    @property
    def column(self) -> SortColumn:
        return SORT_COLUMNS[self.key]

    def by(self, key: str) -> QueueSort:
        """Sort by `key`: its natural direction, or the other way if it is the current column."""
        if key == self.key:
            return self.reversed()
        return QueueSort(key, SORT_COLUMNS[key].descending)

    def reversed(self) -> QueueSort:
        return QueueSort(self.key, not self.descending)

    def describe(self) -> str:
        return f"{self.column.label} {'▼' if self.descending else '▲'}"


@dataclass(frozen=True, slots=True)
class QueueSnapshot:
    """The result of one queue load: the ordered ids, as of the audit trail's `last_event`.

    The per-status counts are not part of it: they are read on their own
    (`count_claims`) and painted when ready, off the path to the first rows.
    """

    where: ClaimFilter
    sort: QueueSort
    ids: Ids
    last_event: int = 0  # the newest event when the ids were read: any write since moves it
    complete: bool = True  # False while only the first page of ids is known
    kept_marks: frozenset[int] = field(default_factory=frozenset)
    # The rows of the first page, read in the worker, so painting them needs no query.
    first_rows: dict[int, QueueRow] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Counts:
    """Claims in the database, in all and per status; they do not depend on the filter."""

    total: int
    per_status: dict[str, int]


def _ordered(column: SQLColumnExpression[Any], descending: bool) -> ColumnElement[Any]:
    return column.desc() if descending else column.asc()


def _segments(sort: QueueSort) -> list[Select[Any]]:
    """The ordered SELECTs of claim ids whose concatenation is the queue in `sort` order."""
    down = sort.descending
    by_id = _ordered(claims.c.id, down if sort.column.id_follows else not down)
    ids = select(claims.c.id)
    match sort.key:
        case "id":
            return [ids.order_by(by_id)]
        case "score" | "status" | "kind":
            return [ids.order_by(_ordered(claims.c[sort.key], down), by_id)]
        case "text":
            # The normalised text is indexed; it sorts as a reader would, ignoring case.
            return [ids.order_by(_ordered(claims.c.normalized, down), by_id)]
        case "verdict" | "speaker":
            value = claims.c[sort.key]
            return [
                ids.where(value.is_not(None)).order_by(_ordered(value, down), by_id),
                ids.where(value.is_(None)).order_by(by_id),
            ]
        case "sources":
            counted = (
                select(sources.c.claim_id, func.count(sources.c.id).label("n"))
                .group_by(sources.c.claim_id)
                .subquery()
            )
            with_sources = ids.join(counted, counted.c.claim_id == claims.c.id).order_by(
                _ordered(counted.c.n, down), by_id
            )
            without = ids.where(~exists().where(sources.c.claim_id == claims.c.id)).order_by(by_id)
            return [with_sources, without] if down else [without, with_sources]
        case "next_due":
            open_due = (
                select(followups.c.claim_id, func.min(followups.c.due).label("due"))
                .where(followups.c.done.is_(False))
                .group_by(followups.c.claim_id)
                .subquery()
            )
            scheduled = ids.join(open_due, open_due.c.claim_id == claims.c.id).order_by(
                _ordered(open_due.c.due, down), by_id
            )
            # NOT IN reads the open follow-ups once; NOT EXISTS, planned without
            # statistics, scanned all of them for every claim (16 s for a first page).
            unscheduled = ids.where(
                claims.c.id.not_in(select(followups.c.claim_id).where(followups.c.done.is_(False)))
            ).order_by(by_id)
            return [scheduled, unscheduled]  # nothing due sorts last either way
    raise ValueError(f"cannot sort the queue by {sort.key!r}")


def ordered_ids(
    connection: Connection,
    where: ClaimFilter,
    sort: QueueSort,
    *,
    limit: int | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> array[int] | None:
    """The ids `where` admits in `sort` order (the first `limit`); None if cancelled."""
    ids: array[int] = array("q")
    index = _index_to_walk(connection, where, sort, first_page=limit is not None)
    for segment in _segments(sort):
        statement = narrowed(where, segment, connection.dialect.name)
        if index is not None:
            # Rendered by db.py's SQLite compiler as `FROM claims INDEXED BY index`.
            statement = statement.with_hint(claims, f"INDEXED BY {index}", "sqlite")
        if limit is not None:
            statement = statement.limit(limit - len(ids))
        result = connection.execute(statement)
        # Plain ids straight from the DB-API cursor: building a million Row objects
        # costs four times the query itself.
        while rows := result.cursor.fetchmany(ID_BATCH):
            if cancelled():
                result.close()
                return None
            ids.extend(row[0] for row in rows)
        result.close()
        if limit is not None and len(ids) >= limit:
            break
    return ids


# Sorts whose order a partial index of live claims holds, and that index.
SORT_INDEXES = {"score": "ix_claims_score", "status": "ix_claims_status_id"}
SORT_INDEXES |= {"kind": "ix_claims_kind_id", "verdict": "ix_claims_verdict_id"}
MANY_MATCHES = 5_000
# For a first page, also indexes of every claim: the walk tests each row it meets for
# being live, a lookup in the table, which for a whole list costs more than a sort.
FIRST_PAGE_INDEXES = SORT_INDEXES | {
    "speaker": "ix_claims_speaker",
    "text": "ix_claims_normalized",
}
# The same for a queue narrowed by status alone.
STATUS_INDEXES = {"score": "ix_claims_status_score", "status": "ix_claims_status_id"}


def _index_to_walk(
    connection: Connection, where: ClaimFilter, sort: QueueSort, *, first_page: bool
) -> str | None:
    """The index SQLite is told to walk for the ids of `where` in `sort` order, if any.

    claimtrack never runs ANALYZE, and without statistics SQLite's planner reads
    every live claim through ix_claims_deleted_at and sorts them all, whatever
    the sort: 1.2 s for the first 200 of a million, where walking the sort's
    index takes under a millisecond (and a partial index of live claims gives
    the full order with no sort and no table lookup). The index is named only
    where it surely serves: the whole queue, or the queue narrowed by status
    alone; a search's first page as `_walk_index` says.
    """
    if connection.dialect.name != "sqlite":
        return None
    if where.search:
        return _walk_index(connection, where, sort) if first_page else None
    if replace(where, status=None) != ClaimFilter():
        return None  # narrowed by more than status: the planner's choice
    if where.status:
        return STATUS_INDEXES.get(sort.key)
    return (FIRST_PAGE_INDEXES if first_page else SORT_INDEXES).get(sort.key)


def _walk_index(connection: Connection, where: ClaimFilter, sort: QueueSort) -> str | None:
    """The index to walk for the first page of a search that matches many claims (SQLite).

    SQLite's planner fetches every match's row and sorts them: 75 ms for a word
    in 5% of a million claims, 265 ms for one in a third. Walking the sort's
    index and testing each id against the matches stops after a page (10 ms,
    93 ms). For a rare word the planner's way is the fast one (12 ms against
    190 ms), so the index is named only when the matches are many.
    """
    if connection.dialect.name != "sqlite" or not where.search or where.overdue_on:
        return None
    index = SORT_INDEXES.get(sort.key)
    if sort.key == "score" and where.status:
        index = "ix_claims_status_score"
    query = fts_query(where.search)
    if index is None or query is None:
        return None
    matches = connection.scalar(
        select(func.count())
        .select_from(claims_fts)
        .where(claims_fts.c.claims_fts.op("MATCH")(query))
    )
    return index if (matches or 0) >= MANY_MATCHES else None


def last_event_id(connection: Connection) -> int:
    """The newest event of the audit trail (0 for none): every write adds one."""
    return connection.scalar(select(func.max(events.c.id))) or 0


def data_changed_since(database: Database, last_event: int) -> bool:
    """Whether anything was written (by anyone) since the audit trail's `last_event`."""
    with database.engine.connect() as connection:
        return last_event_id(connection) != last_event


def load_counts(database: Database) -> Counts:
    """The claim counts for the queue's header line, on a connection of their own."""
    with database.engine.connect() as connection:
        return count_claims(connection)


def count_claims(connection: Connection) -> Counts:
    """All live claims and how many of them are in each status.

    One scan of the partial index on (status, id) of live claims, not of the table.
    """
    per_status: dict[str, int] = {
        status: count
        for status, count in connection.execute(
            select(claims.c.status, func.count(claims.c.id)).where(live()).group_by(claims.c.status)
        )
    }
    return Counts(sum(per_status.values()), per_status)


def count_admitted(
    database: Database, where: ClaimFilter, excluding: frozenset[int] = frozenset()
) -> int:
    """How many claims `where` admits, less `excluding` (a mark-all less the unmarked)."""
    with database.engine.connect() as connection:
        statement = narrowed(
            where, select(func.count(claims.c.id)).select_from(claims), connection.dialect.name
        )
        if excluding:
            statement = statement.where(claims.c.id.not_in(sorted(excluding)))
        return connection.scalar(statement) or 0


def marks_admitted(
    connection: Connection, where: ClaimFilter, marks: frozenset[int]
) -> frozenset[int]:
    """Which of the marked claims `where` still admits (a new filter drops the others)."""
    if not marks:
        return frozenset()
    statement = narrowed(
        where, select(claims.c.id).where(claims.c.id.in_(sorted(marks))), connection.dialect.name
    )
    return frozenset(connection.scalars(statement))


def load_snapshot(
    database: Database,
    where: ClaimFilter,
    sort: QueueSort | None = None,
    *,
    limit: int | None = None,
    marks: frozenset[int] = frozenset(),
    cancelled: Callable[[], bool] = lambda: False,
) -> QueueSnapshot | None:
    """The ordered ids the filter admits.

    With `limit`, only the first ids: enough to paint the first screen at once.
    None when `cancelled` says a newer load made this one moot.
    """
    sort = sort or QueueSort()
    with database.engine.connect() as connection:
        # Read first, in the same transaction: a write after it shows as a newer event.
        last = last_event_id(connection)
        ids = ordered_ids(connection, where, sort, limit=limit, cancelled=cancelled)
        if ids is None:
            return None
        kept = marks_admitted(connection, where, marks) if limit is None else marks
        first_rows = read_rows(connection, ids[:PAGE_SIZE])
    return QueueSnapshot(
        where,
        sort,
        ids,
        last_event=last,
        complete=limit is None or len(ids) < limit,
        kept_marks=kept,
        first_rows=first_rows,
    )


def fetch_rows(database: Database, ids: Ids) -> dict[int, QueueRow]:
    """The rows for these claim ids, by id, in one query."""
    if not ids:
        return {}
    with database.engine.connect() as connection:
        return read_rows(connection, ids)


def read_rows(connection: Connection, ids: Ids) -> dict[int, QueueRow]:
    """The rows for these claim ids, by id, in one query on `connection`."""
    if not ids:
        return {}
    counted = (
        select(func.count(sources.c.id)).where(sources.c.claim_id == claims.c.id).scalar_subquery()
    )
    next_due = (
        select(func.min(followups.c.due))
        .where(followups.c.claim_id == claims.c.id, followups.c.done.is_(False))
        # Each claim's own follow-ups: SQLite without statistics would scan every open
        # follow-up (ix_followups_done_due) for each row, 5.8 s a page at a million.
        .with_hint(followups, "INDEXED BY ix_followups_claim_id", "sqlite")
        .scalar_subquery()
    )
    statement = select(
        claims.c.id,
        claims.c.score,
        claims.c.status,
        claims.c.verdict,
        claims.c.kind,
        claims.c.speaker,
        claims.c.text,
        counted,
        next_due,
        is_checked(),
    ).where(claims.c.id.in_(list(ids)))
    return {values[0]: QueueRow(*values) for values in connection.execute(statement)}


RowFetcher = Callable[[Ids], dict[int, QueueRow]]


class RowCache:
    """Rows of one id list, a page at a time, kept in an LRU of pages.

    Reading a row never touches the database: `row` answers from the cache (None
    for a page not loaded yet) and notes the page as wanted. The caller takes the
    wanted pages' ids (`take_wanted`, `page_ids`) on its own thread, reads them
    with `fetch` off the UI thread, and hands each page back to `store`.
    A reload keeps the rows it has until fresh ones replace them.
    """

    def __init__(self, fetch: RowFetcher, pages: int = CACHED_PAGES) -> None:
        self.fetch = fetch
        self.pages = pages
        self.ids: Ids = []
        self.generation = 0  # bumped by each new id list: late pages of an old one are dropped
        self._pages: OrderedDict[int, dict[int, QueueRow]] = OrderedDict()
        self.wanted: set[int] = set()

    def reset(self, ids: Ids, first_page: dict[int, QueueRow] | None = None) -> None:
        """Serve a new id list; forget every cached row (but a first page read already)."""
        self.ids = ids
        self.generation += 1
        self._pages.clear()
        self.wanted.clear()
        if first_page:
            self._pages[0] = first_page

    def refresh(self) -> None:
        """After a write: keep showing the cached rows, and want every cached page afresh."""
        self.wanted |= set(self._pages)

    def row(self, index: int) -> QueueRow | None:
        """The row at a position of the id list, if its page is loaded (else None, page wanted)."""
        if not 0 <= index < len(self.ids):
            return None
        number = index // PAGE_SIZE
        page = self._pages.get(number)
        if page is None:
            self.wanted.add(number)
            return None
        self._pages.move_to_end(number)
        return page.get(self.ids[index])

    def take_wanted(self) -> list[int]:
        """The pages to load now (and the one after each, read ahead for scrolling)."""
        last = (len(self.ids) - 1) // PAGE_SIZE
        wanted = self.wanted | {n + 1 for n in self.wanted if n < last and n + 1 not in self._pages}
        self.wanted = set()
        return sorted(wanted)

    def page_ids(self, number: int) -> Ids:
        """The ids of one page of the current list (what `fetch` reads for it)."""
        start = number * PAGE_SIZE
        return self.ids[start : start + PAGE_SIZE]

    def store(self, generation: int, number: int, page: dict[int, QueueRow]) -> bool:
        """Keep a loaded page, unless the id list changed meanwhile; True if kept."""
        if generation != self.generation:
            return False
        self._pages[number] = page
        self._pages.move_to_end(number)
        while len(self._pages) > self.pages:
            self._pages.popitem(last=False)
        return True
