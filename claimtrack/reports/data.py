"""What a report shows, read in batches: a summary from aggregate queries and one
plain, JSON-safe view per claim.

Claims are read by keyset pagination over their id (`BATCH` at a time, the
session cleared after each batch), so a report of 100,000 claims holds one batch
in memory, never the whole table.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from claimtrack.models import Claim, Event, FollowUp
from claimtrack.queries import ClaimFilter, Columns, claim_batches
from claimtrack.scale import Status, Verdict

BATCH = 500


@dataclass(frozen=True, slots=True)
class Window:
    """The claims a report covers: a filter plus an optional updated-at window."""

    where: ClaimFilter
    since: dt.datetime | None = None
    until: dt.datetime | None = None
    rated_only: bool = False

    def apply(self, statement: Select[*Columns], dialect: str) -> Select[*Columns]:
        statement = self.where.apply(statement, dialect)
        if self.rated_only:
            statement = statement.where(Claim.verdict.is_not(None))
        if self.since is not None:
            statement = statement.where(Claim.updated_at >= self.since)
        if self.until is not None:
            statement = statement.where(Claim.updated_at < self.until)
        return statement


def as_start(value: dt.date | dt.datetime | str | None) -> dt.datetime | None:
    """The start of a `--since` bound as an aware UTC datetime (dates start at midnight)."""
    return _bound(value, end=False)


def as_end(value: dt.date | dt.datetime | str | None) -> dt.datetime | None:
    """The exclusive end of an `--until` bound: a date includes its whole day."""
    return _bound(value, end=True)


def _bound(value: dt.date | dt.datetime | str | None, *, end: bool) -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, str):
        from dateutil import parser as date_parser

        text = value.strip()
        parsed = date_parser.parse(text)
        is_day = len(text) <= 10 and parsed.time() == dt.time()
        value = parsed.date() if is_day else parsed
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    start = dt.datetime.combine(value, dt.time(), tzinfo=dt.UTC)
    return start + dt.timedelta(days=1) if end else start


def is_web_url(url: str | None) -> bool:
    """Only http(s) links become links; anything else is shown as text."""
    if not url:
        return False
    parsed = urlparse(url.strip())
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)


def summary(session: Session, window: Window, today: dt.date) -> dict[str, Any]:
    """Counts by verdict and status, and open/overdue follow-ups, from aggregate queries."""
    dialect = session.get_bind().dialect.name
    by_status = dict(
        session.execute(
            window.apply(select(Claim.status, func.count(Claim.id)), dialect).group_by(Claim.status)
        ).all()
    )
    by_verdict_raw = dict(
        session.execute(
            window.apply(select(Claim.verdict, func.count(Claim.id)), dialect).group_by(
                Claim.verdict
            )
        ).all()
    )
    ids = window.apply(select(Claim.id), dialect).scalar_subquery()
    open_count = session.scalar(
        select(func.count(FollowUp.id)).where(FollowUp.done.is_(False), FollowUp.claim_id.in_(ids))
    )
    overdue = session.scalar(
        select(func.count(FollowUp.id)).where(
            FollowUp.done.is_(False), FollowUp.due < today, FollowUp.claim_id.in_(ids)
        )
    )
    verdicts = [
        {
            "verdict": v.value,
            "label": v.label,
            "rating": v.rating,
            "count": by_verdict_raw.get(v, 0),
        }
        for v in Verdict
    ]
    return {
        "claims": sum(by_status.values()),
        "by_status": {s.value: by_status.get(s, 0) for s in Status},
        "by_verdict": {row["verdict"]: row["count"] for row in verdicts},
        "unrated": by_verdict_raw.get(None, 0),
        "verdicts": verdicts,
        "followups_open": open_count or 0,
        "followups_overdue": overdue or 0,
        "today": today.isoformat(),
    }


def iter_claims(session: Session, window: Window) -> Iterator[Claim]:
    """Every claim the window admits, oldest id first, a batch at a time.

    `history` is attached to each claim as `claim._report_events`.
    """
    for batch in claim_batches(session, window.apply, size=BATCH):
        events: dict[int, list[Event]] = defaultdict(list)
        for event in session.scalars(
            select(Event).where(Event.claim_id.in_([c.id for c in batch])).order_by(Event.id)
        ):
            events[event.claim_id].append(event)  # type: ignore[index]
        for claim in batch:
            claim._report_events = events.get(claim.id, [])  # type: ignore[attr-defined]
            yield claim
