"""What a report shows, read in batches: a summary from aggregate queries and one
plain, JSON-safe view per claim.

Claims are read with Core queries that select only the columns a report shows:
keyset pagination over the claim id (`BATCH` at a time), then each kind of
related row for the whole batch with one `IN` query. A report of 100,000 claims
holds one batch in memory and runs a handful of statements per batch, none per
claim; no ORM objects are built.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlparse

from sqlalchemy import Connection, Row, Select, func, select
from sqlalchemy.orm import Session

from claimtrack.models import (
    Appearance,
    Claim,
    Document,
    Event,
    FollowUp,
    Note,
    Source,
    Tag,
    claim_tags,
)
from claimtrack.queries import ClaimFilter, Columns
from claimtrack.scale import Status, Verdict
from claimtrack.serialise import report_record

BATCH = 1000

# The claim columns a report shows (serialise.report_record reads them by name).
CLAIM_COLUMNS = (
    Claim.id,
    Claim.external_id,
    Claim.text,
    Claim.kind,
    Claim.score,
    Claim.speaker,
    Claim.speaker_role,
    Claim.speaker_type,
    Claim.status,
    Claim.verdict,
    Claim.verdict_summary,
    Claim.verdict_by,
    Claim.outcome,
    Claim.assignee,
    Claim.created_at,
    Claim.updated_at,
)


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


# `http(s)://` and a host: what urlparse reads as a web URL, whenever the text is
# ASCII without brackets, tabs or line breaks (the cases urlparse treats specially).
_PLAIN_WEB_URL = re.compile(r"(?i:https?)://[^/?#]")
_SPECIAL_TO_URLPARSE = re.compile(r"[\[\]\t\r\n]")


def is_web_url(url: str | None) -> bool:
    """Only http(s) links become links; anything else is shown as text."""
    return bool(url) and _is_web_url(url)


@lru_cache(maxsize=4096)
def _is_web_url(url: str) -> bool:
    text = url.strip()
    if text.isascii() and _PLAIN_WEB_URL.match(text) and not _SPECIAL_TO_URLPARSE.search(text):
        return True
    parsed = urlparse(text)
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


def iter_batches(
    session: Session, window: Window, today: dt.date, *, full: bool = True
) -> Iterator[list[dict[str, Any]]]:
    """The report record of every claim the window admits, oldest id first, a batch at a time.

    `full` adds each claim's notes and history; CSV shows neither and skips reading them.
    """
    dialect = session.get_bind().dialect.name
    connection = session.connection()
    last_id = 0
    while True:
        claims = connection.execute(
            window.apply(select(*CLAIM_COLUMNS), dialect)
            .where(Claim.id > last_id)
            .order_by(Claim.id)
            .limit(BATCH)
        ).all()
        if not claims:
            return
        ids = [claim.id for claim in claims]
        tags = _related(connection, _TAGS, ids)
        appearances = _related(connection, _APPEARANCES, ids)
        sources = _related(connection, _SOURCES, ids)
        followups = _related(connection, _FOLLOWUPS, ids)
        notes = _related(connection, _NOTES, ids) if full else {}
        events = _related(connection, _EVENTS, ids) if full else {}
        yield [
            report_record(
                claim,
                today,
                tags=[tag.name for tag in tags.get(claim.id, ())],
                appearances=appearances.get(claim.id, ()),
                sources=sources.get(claim.id, ()),
                followups=followups.get(claim.id, ()),
                notes=notes.get(claim.id, ()),
                events=events.get(claim.id, ()),
            )
            for claim in claims
        ]
        last_id = ids[-1]


def _related(
    connection: Connection, statement: Select[*tuple[Any, ...]], ids: list[int]
) -> dict[int, list[Row[*tuple[Any, ...]]]]:
    """The rows of `statement` (its first column a claim id) for the claims `ids`, by claim.

    `ids` ascend. When they are every id in their range, the range is sent instead
    of a thousand bound values (an unfiltered report reads runs of consecutive ids);
    either way no row of a claim outside the batch is read.
    """
    claim_id = statement.selected_columns[0]
    if ids[-1] - ids[0] + 1 == len(ids):
        statement = statement.where(claim_id.between(ids[0], ids[-1]))
    else:
        statement = statement.where(claim_id.in_(ids))
    grouped: dict[int, list[Row[*tuple[Any, ...]]]] = defaultdict(list)
    for row in connection.execute(statement).all():
        grouped[row[0]].append(row)
    return grouped


# What a report shows of each kind of related row, the claim id first, in the
# order of the ORM relationships (models.Claim); follow-ups due the same day
# keep the order they were added in.
_TAGS = (
    select(claim_tags.c.claim_id, Tag.name)
    .join(Tag, Tag.id == claim_tags.c.tag_id)
    .order_by(claim_tags.c.claim_id, Tag.name)
)


_APPEARANCES = (
    select(
        Appearance.claim_id,
        Appearance.id,
        Appearance.document_id,
        Appearance.sentence,
        Document.url,
        Document.title,
        Document.published,
        Document.outlet,
    )
    .join(Document, Document.id == Appearance.document_id)
    .order_by(Appearance.id)
)


_SOURCES = select(
    Source.claim_id,
    Source.id,
    Source.url,
    Source.title,
    Source.publisher,
    Source.stance,
    Source.reliability,
    Source.excerpt,
    Source.accessed,
).order_by(Source.id)


_FOLLOWUPS = select(
    FollowUp.claim_id,
    FollowUp.id,
    FollowUp.text,
    FollowUp.due,
    FollowUp.rrule,
    FollowUp.assignee,
    FollowUp.done,
).order_by(FollowUp.due, FollowUp.id)


_NOTES = select(Note.claim_id, Note.id, Note.author, Note.text, Note.created_at).order_by(Note.id)


_EVENTS = select(
    Event.claim_id, Event.at, Event.actor, Event.action, Event.old, Event.new
).order_by(Event.id)
