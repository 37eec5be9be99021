"""Reads behind the queue: the ordered id list for a filter, and rows fetched per page.

The queue never loads the whole table. A filter becomes an ordered list of
claim ids (score desc, id) — cheap even at a million — and rows are fetched
a page of ids at a time with one `IN (...)` query, kept in a small LRU.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select

from claimtrack.db import Database
from claimtrack.models import Claim, FollowUp, Source
from claimtrack.queries import ClaimFilter

PAGE_SIZE = 100
CACHED_PAGES = 32


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


@dataclass(frozen=True, slots=True)
class QueueSnapshot:
    """The result of one queue load: the ordered ids plus the counts for the header."""

    where: ClaimFilter
    ids: list[int]
    total: int
    status_counts: dict[str, int]
    complete: bool = True  # False while only the first page of ids is known


def load_snapshot(
    database: Database,
    where: ClaimFilter,
    *,
    limit: int | None = None,
    counts_from: QueueSnapshot | None = None,
) -> QueueSnapshot:
    """The ordered ids the filter admits, the total number of claims, counts per status.

    With `limit`, only the first ids: enough to paint the first screen at once.
    `counts_from` reuses the counts of a load just made instead of counting again.
    """
    with database.read() as session:
        dialect = session.get_bind().dialect.name
        ids_query = where.apply(select(Claim.id), dialect).order_by(Claim.score.desc(), Claim.id)
        ids = list(session.scalars(ids_query.limit(limit)))
        if counts_from is not None:
            total, counts = counts_from.total, counts_from.status_counts
        else:
            live = Claim.merged_into_id.is_(None)
            total = session.scalar(select(func.count(Claim.id)).where(live)) or 0
            counts = {
                status: count
                for status, count in session.execute(
                    select(Claim.status, func.count(Claim.id)).where(live).group_by(Claim.status)
                )
            }
    return QueueSnapshot(where, ids, total, counts, complete=limit is None or len(ids) < limit)


def fetch_rows(database: Database, ids: Sequence[int]) -> dict[int, QueueRow]:
    """The rows for these claim ids, by id, in one query."""
    if not ids:
        return {}
    sources = select(func.count(Source.id)).where(Source.claim_id == Claim.id).scalar_subquery()
    next_due = (
        select(func.min(FollowUp.due))
        .where(FollowUp.claim_id == Claim.id, FollowUp.done.is_(False))
        .scalar_subquery()
    )
    statement = select(
        Claim.id,
        Claim.score,
        Claim.status,
        Claim.verdict,
        Claim.kind,
        Claim.speaker,
        Claim.text,
        sources,
        next_due,
    ).where(Claim.id.in_(list(ids)))
    with database.read() as session:
        return {values[0]: QueueRow(*values) for values in session.execute(statement)}


class RowCache:
    """Rows of one id list, fetched a page at a time and kept in an LRU of pages."""

    def __init__(self, database: Database, pages: int = CACHED_PAGES) -> None:
        self.database = database
        self.pages = pages
        self.ids: list[int] = []
        self._pages: OrderedDict[int, dict[int, QueueRow]] = OrderedDict()

    def reset(self, ids: list[int]) -> None:
        """Serve a new id list; forget every cached row."""
        self.ids = ids
        self._pages.clear()

    def row(self, index: int) -> QueueRow | None:
        """The row at a position of the id list (None past the end or if it vanished)."""
        if not 0 <= index < len(self.ids):
            return None
        number = index // PAGE_SIZE
        page = self._pages.get(number)
        if page is None:
            start = number * PAGE_SIZE
            page = fetch_rows(self.database, self.ids[start : start + PAGE_SIZE])
            self._pages[number] = page
            if len(self._pages) > self.pages:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page.get(self.ids[index])
