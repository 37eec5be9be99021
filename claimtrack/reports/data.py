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
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple, cast
from urllib.parse import urlparse

from sqlalchemy import Connection, Row, Select, Text, func, select
from sqlalchemy import cast as sql_cast
from sqlalchemy.orm import Session

from claimtrack.history import describe_change
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
from claimtrack.reads import ClaimFilter, Columns
from claimtrack.scale import Stance, Status, Verdict
from claimtrack.serialise import HISTORY_LIMIT, iso

BATCH = 1000

# The claim columns a report shows, in the order `_record` unpacks them.
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
    Built straight from the rows' tuples, since a report builds some twenty dicts per
    claim and this is its inner loop; tests/reports/test_report_records.py holds the
    records to a plain definition written from the models.
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
        ids = [claim[0] for claim in claims]
        tags = _related(connection, _TAGS, ids, _tag)
        appearances = _related(connection, _APPEARANCES, ids, _appearance)
        sources = _related(connection, _SOURCES, ids, _source)
        followups = _related(connection, _FOLLOWUPS, ids, _followup(today))
        notes = _related(connection, _NOTES, ids, _note) if full else {}
        events = _related(connection, _EVENTS, ids, _event) if full else {}
        yield [
            _record(
                claim,
                tags.get(claim[0]) or [],
                appearances.get(claim[0]) or [],
                sources.get(claim[0]) or [],
                followups.get(claim[0]) or [],
                notes.get(claim[0]) or [],
                events.get(claim[0]) or [],
            )
            for claim in claims
        ]
        last_id = ids[-1]


_STANCES = tuple(stance.value for stance in Stance)
_VERDICTS = {verdict.value: verdict for verdict in Verdict}


def _record(
    claim: Row[*tuple[Any, ...]],
    tags: list[str],
    appearances: list[tuple[int, dict[str, Any]]],
    sources: list[dict[str, Any]],
    followups: list[dict[str, Any]],
    notes: list[dict[str, Any]],
    events: list[Row[*tuple[Any, ...]]],
) -> dict[str, Any]:
    """One claim's report record (keys in the order the JSON report writes them)."""
    (
        claim_id,
        external_id,
        text,
        kind,
        score,
        speaker,
        speaker_role,
        speaker_type,
        status,
        verdict_value,
        verdict_summary,
        verdict_by,
        outcome,
        assignee,
        created_at,
        updated_at,
    ) = claim
    verdict = _VERDICTS[verdict_value] if verdict_value else None
    by_stance: dict[str, list[dict[str, Any]]] = {stance: [] for stance in _STANCES}
    for source in sources:
        if (bucket := by_stance.get(source["stance"])) is not None:
            bucket.append(source)
    shown = events[-HISTORY_LIMIT:]
    return {
        "id": claim_id,
        "external_id": external_id,
        "text": text,
        "kind": kind,
        "score": round(score, 4),
        "speaker": speaker,
        "speaker_role": speaker_role,
        "speaker_type": speaker_type,
        "status": status,
        "verdict": verdict_value,
        "verdict_label": verdict.label if verdict else None,
        "rating": verdict.rating if verdict else None,
        "verdict_summary": verdict_summary,
        "verdict_by": verdict_by,
        "outcome": outcome,
        "assignee": assignee,
        "tags": tags,
        "appearances": _one_per_document(appearances),
        "sources": sources,
        "sources_by_stance": by_stance,
        "followups": followups,
        "notes": notes,
        "history": [_history(event) for event in shown],
        "history_omitted": len(events) - len(shown),
        "created_at": iso(created_at),
        "updated_at": iso(updated_at),
    }


class _Change(NamedTuple):
    """What describe_change reads of an event."""

    action: str
    old: Any
    new: Any


def _json(text: str | None) -> Any:
    return None if text is None or text == "null" else json.loads(text)


def _history(event: Row[*tuple[Any, ...]]) -> dict[str, Any]:
    _, at, actor, action, old, new = event
    change = describe_change(cast(Event, _Change(action, _json(old), _json(new))))
    return {"at": iso(at), "actor": actor, "action": action, "change": change}


def _one_per_document(appearances: list[tuple[int, dict[str, Any]]]) -> list[dict[str, Any]]:
    """Each article once, where the claim was first seen in it (the rows come by id)."""
    if len(appearances) < 2:
        return [seen for _, seen in appearances]
    first: dict[int, dict[str, Any]] = {}
    for document_id, seen in appearances:
        first.setdefault(document_id, seen)
    return list(first.values())


def _related(
    connection: Connection,
    statement: Select[*tuple[Any, ...]],
    ids: list[int],
    shape: Callable[[Row[*tuple[Any, ...]]], Any],
) -> dict[int, list[Any]]:
    """`shape` of each row of `statement` (its first column a claim id) for the claims
    `ids`, by claim.

    `ids` ascend. When they are every id in their range, the range is sent instead
    of a thousand bound values (an unfiltered report reads runs of consecutive ids);
    either way no row of a claim outside the batch is read.
    """
    claim_id = statement.selected_columns[0]
    if ids[-1] - ids[0] + 1 == len(ids):
        statement = statement.where(claim_id.between(ids[0], ids[-1]))
    else:
        statement = statement.where(claim_id.in_(ids))
    grouped: dict[int, list[Any]] = defaultdict(list)
    for row in connection.execute(statement).all():
        grouped[row[0]].append(shape(row))
    return grouped


# How each kind of related row enters a record (serialise's source_record,
# followup_record, note_record and document_record, less the ids a report hides).


def _tag(row: Row[*tuple[Any, ...]]) -> str:
    return row[1]  # type: ignore[no-any-return]


def _appearance(row: Row[*tuple[Any, ...]]) -> tuple[int, dict[str, Any]]:
    _, document_id, sentence, url, title, published, outlet = row
    return document_id, {
        "url": url,
        "title": title,
        "published": iso(published),
        "outlet": outlet,
        "sentence": sentence,
    }


def _source(row: Row[*tuple[Any, ...]]) -> dict[str, Any]:
    _, url, title, publisher, stance, reliability, excerpt, accessed = row
    return {
        "url": url,
        "title": title,
        "publisher": publisher,
        "stance": stance,
        "reliability": reliability,
        "excerpt": excerpt,
        "accessed": iso(accessed),
    }


def _followup(today: dt.date) -> Callable[[Row[*tuple[Any, ...]]], dict[str, Any]]:
    """A follow-up's record, overdue when open and due before `today`."""

    def shape(row: Row[*tuple[Any, ...]]) -> dict[str, Any]:
        _, text, due, rrule, assignee, done = row
        return {
            "text": text,
            "due": iso(due),
            "rrule": rrule,
            "assignee": assignee,
            "done": done,
            "overdue": (not done) and due < today,
        }

    return shape


def _note(row: Row[*tuple[Any, ...]]) -> dict[str, Any]:
    _, author, text, created_at = row
    return {"author": author, "text": text, "at": iso(created_at)}


def _event(row: Row[*tuple[Any, ...]]) -> Row[*tuple[Any, ...]]:
    return row


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
    FollowUp.text,
    FollowUp.due,
    FollowUp.rrule,
    FollowUp.assignee,
    FollowUp.done,
).order_by(FollowUp.due, FollowUp.id)


_NOTES = select(Note.claim_id, Note.author, Note.text, Note.created_at).order_by(Note.id)


# The old and new values come as JSON text, decoded only for the events a report
# shows (the last HISTORY_LIMIT of each claim).
_EVENTS = select(
    Event.claim_id,
    Event.at,
    Event.actor,
    Event.action,
    sql_cast(Event.old, Text),
    sql_cast(Event.new, Text),
).order_by(Event.id)
