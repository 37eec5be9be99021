"""Claim records in: the validated record, and the set-based insert of new claims.

A records import of 100,000 claims cannot afford one ORM flush per row, so new
claims are written a batch at a time with executemany: the claims, with ids the
import reserves itself inside its write transaction (`reserve_claim_ids`), then
their quantities, dates, sources, follow-ups, tags and appearances, and one
`import` audit event per claim naming the file and line it came from. The
statements per batch do not grow with the number of records. Claims that already exist take the field-by-field
service path (`update_claim` and friends), which audits each change on its own.
`importers/records.py` reads and validates records into `Record` values and
hands them here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.orm import Session

from claimtrack.extract import extract_claims
from claimtrack.models import (
    Appearance,
    Claim,
    DateRef,
    Event,
    FollowUp,
    Note,
    Quantity,
    Source,
    Tag,
    claim_tags,
    utcnow,
)
from claimtrack.scale import Kind
from claimtrack.schedule import next_occurrence, parse_recurrence
from claimtrack.serialise import date_record, quantity_record
from claimtrack.service.driver import insert_many


class Record(NamedTuple):
    """One validated record; `present` names the fields the record carried.

    A named tuple, not a frozen dataclass: as immutable, and four times quicker
    to build, which shows at a million records.
    """

    line: int
    text: str
    normalized: str  # the text as claims are matched on; computed once per record
    present: frozenset[str]
    external_id: str | None = None
    kind: str | None = None
    score: float | None = None
    speaker: str | None = None
    speaker_type: str | None = None  # "person" or "organisation"
    status: str | None = None
    verdict: str | None = None
    summary: str | None = None
    outcome: str | None = None
    assignee: str | None = None
    tags: tuple[str, ...] = ()
    documents: tuple[dict[str, Any], ...] = ()
    sources: tuple[dict[str, Any], ...] = ()
    followups: tuple[dict[str, Any], ...] = ()
    # None: the record does not say, so the extractor reads them from the text.
    quantities: tuple[dict[str, Any], ...] | None = None
    dates: tuple[dict[str, Any], ...] | None = None
    notes: tuple[dict[str, Any], ...] = ()

    @property
    def key(self) -> tuple[str, str]:
        """What identifies the claim: its external id, or else its normalised text."""
        if self.external_id is not None:
            return ("id", self.external_id)
        return ("text", self.normalized)


# A document reference (url, or title and published) to the id of its document.
DocumentResolver = Callable[[dict[str, Any]], int]


@dataclass
class Analysis:
    """What the extractor adds to a record that does not carry it itself."""

    kind: str
    score: float
    speaker: str | None
    speaker_type: str | None
    quantities: list[dict[str, Any]]
    dates: list[dict[str, Any]]


@dataclass
class TagIds:
    """Tag ids by name, created on first use and remembered for the whole import."""

    known: dict[str, int] = field(default_factory=dict)

    def ids(self, session: Session, names: set[str]) -> dict[str, int]:
        missing = names - self.known.keys()
        if missing:
            found = session.execute(select(Tag.name, Tag.id).where(Tag.name.in_(missing)))
            self.known.update({name: tag_id for name, tag_id in found})
            new = sorted(missing - self.known.keys())
            if new:  # inserted together, then read back (RETURNING would go row by row on SQLite)
                session.execute(
                    _insert_new(session, Tag.__table__), [{"name": name} for name in new]
                )
                found = session.execute(select(Tag.name, Tag.id).where(Tag.name.in_(new)))
                self.known.update({name: tag_id for name, tag_id in found})
        return {name: self.known[name] for name in names}


def _insert_new(session: Session, table: Table) -> Any:
    """INSERT that skips a row another importer has just stored (PostgreSQL runs two at once)."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert

        return postgresql_insert(table).on_conflict_do_nothing()
    return insert(table)  # SQLite: the write lock lets one importer in at a time


def analyse(record: Record) -> Analysis:
    """The record's own structure where it has it; the extractor's for the rest."""
    present = record.present
    needs_extractor = (
        record.kind is None
        or record.score is None
        or record.quantities is None
        or record.dates is None
        or "speaker" not in present
    )
    found = extract_claims(record.text, None, include_all=True) if needs_extractor else []
    best = max(found, key=lambda c: c.score, default=None)
    speaker, speaker_type = record.speaker, record.speaker_type
    if speaker is None and "speaker" not in present and best and best.speaker:
        speaker = best.speaker.name
        if "speaker_type" not in present:
            speaker_type = best.speaker.kind  # the type of the speaker it found
    quantities = (
        list(record.quantities)
        if record.quantities is not None
        else [quantity_record(q) for c in found for q in c.quantities]
    )
    dates = (
        list(record.dates)
        if record.dates is not None
        else [date_record(d) for c in found for d in c.dates]
    )
    return Analysis(
        kind=record.kind or (best.kind if best else Kind.OTHER.value),
        score=record.score if record.score is not None else (best.score if best else 0.5),
        speaker=speaker,
        speaker_type=speaker_type,
        quantities=quantities,
        dates=dates,
    )


def _deadline_rows(
    claim_id: int, record: Record, analysis: Analysis, actor: str, now: dt.datetime
) -> list[dict[str, Any]]:
    """A follow-up for each deadline on a day the record schedules nothing for.

    A follow-up of the record due that day (a deadline check an export carries,
    or the reviewer's own) covers it, so an export imports back unchanged.
    """
    from claimtrack.checks import deadline_check

    covered = {item["due"] for item in record.followups}
    rows: dict[str, dict[str, Any]] = {}
    for mention in analysis.dates:
        day = mention.get("date")
        if mention.get("role") != "deadline" or not day or str(day) in covered:
            continue
        due = _day(day)
        assert due is not None
        rows.setdefault(
            due.isoformat(),
            {
                "claim_id": claim_id,
                "text": deadline_check(record.text, mention["text"], due),
                "due": due,
                "rrule": None,
                "assignee": None,
                "done": False,
                "done_at": None,
                "done_by": None,
                "created_by": actor,
                "created_at": now,
            },
        )
    return list(rows.values())


def _followup_rows(
    claim_id: int, items: Sequence[dict[str, Any]], actor: str, now: dt.datetime
) -> list[dict[str, Any]]:
    """The record's follow-ups, plus the next occurrence of a done recurring one
    (as completing it through the service would have scheduled)."""
    rows: list[dict[str, Any]] = []
    listed = {(item["text"], item["due"]) for item in items}
    for item in items:
        due = dt.date.fromisoformat(item["due"])
        rule = parse_recurrence(item["repeat"], due) if item["repeat"] else None
        rows.append(
            {
                "claim_id": claim_id,
                "text": item["text"],
                "due": due,
                "rrule": rule,
                "assignee": item["assignee"],
                "done": item["done"],
                "done_at": now if item["done"] else None,
                "done_by": actor if item["done"] else None,
                "created_by": actor,
                "created_at": now,
            }
        )
        if item["done"] and rule:
            anchor = min(
                dt.date.fromisoformat(other["due"])
                for other in items
                if other["text"] == item["text"] and other["repeat"] == item["repeat"]
            )
            following = next_occurrence(rule, anchor, due)
            if following and (item["text"], following.isoformat()) not in listed:
                listed.add((item["text"], following.isoformat()))
                done = {"done": False, "done_at": None, "done_by": None}
                rows.append({**rows[-1], "due": following, **done})
    return rows


def reserve_claim_ids(session: Session, count: int) -> list[int]:
    """Ids for `count` new claims, in ascending order, taken in the caller's write transaction.

    Known ids let a batch go in with one executemany, where RETURNING them in
    order makes SQLAlchemy insert row by row on SQLite. Two importers never
    collide: on SQLite the write transaction began IMMEDIATE, so it holds the
    database's write lock from before this read to its commit, and max(id) + 1 is
    what SQLite itself would have given (claims has no AUTOINCREMENT); on
    PostgreSQL the claims' own sequence hands them out, atomically across sessions.
    """
    if count == 0:
        return []
    if session.get_bind().dialect.name == "postgresql":
        taken = session.scalars(
            text(
                "SELECT nextval(pg_get_serial_sequence('claims', 'id')) "
                "FROM generate_series(1, :count)"
            ),
            {"count": count},
        )
        return sorted(taken)
    last = session.scalar(select(func.coalesce(func.max(Claim.id), 0))) or 0
    return list(range(last + 1, last + 1 + count))


def insert_claims(
    session: Session,
    actor: str,
    records: Sequence[Record],
    *,
    label: str,
    tags: TagIds,
    document_id: DocumentResolver,
) -> list[int]:
    """Insert one batch of records that match no existing claim; returns their ids."""
    now = utcnow()
    analyses = [analyse(record) for record in records]
    claim_rows = [
        {
            "text": record.text,
            "normalized": record.normalized,
            "kind": analysis.kind,
            "score": analysis.score,
            "speaker": analysis.speaker,
            "speaker_role": None,
            "speaker_type": analysis.speaker_type,
            "status": record.status or "new",
            "verdict": record.verdict,
            "verdict_summary": record.summary if record.verdict else None,
            "verdict_by": actor if record.verdict else None,
            "outcome": record.outcome,
            "assignee": record.assignee,
            "external_id": record.external_id,
            "merged_into_id": None,
            "created_at": now,
            "updated_at": now,
            "version": 1,
        }
        for record, analysis in zip(records, analyses, strict=True)
    ]
    ids = reserve_claim_ids(session, len(claim_rows))
    for claim_id, row in zip(ids, claim_rows, strict=True):
        row["id"] = claim_id
    insert_many(session.connection(), Claim.__table__, claim_rows)

    children: dict[Any, list[dict[str, Any]]] = {
        table: []
        for table in (
            Quantity.__table__,
            DateRef.__table__,
            Source.__table__,
            FollowUp.__table__,
            Note.__table__,
            claim_tags,
            Appearance.__table__,
            Event.__table__,
        )
    }
    tag_ids = tags.ids(session, {name for record in records for name in record.tags})
    for claim_id, record, analysis in zip(ids, records, analyses, strict=True):
        children[Quantity.__table__] += [{"claim_id": claim_id, **q} for q in analysis.quantities]
        children[DateRef.__table__] += [
            {
                **d,
                "claim_id": claim_id,
                **{key: _day(d.get(key)) for key in ("date", "first_day", "last_day")},
            }
            for d in analysis.dates
        ]
        children[Source.__table__] += [
            {
                **source,
                "claim_id": claim_id,
                "accessed": dt.date.fromisoformat(source["accessed"])
                if source["accessed"]
                else None,
                "added_by": actor,
                "added_at": now,
            }
            for source in record.sources
        ]
        children[FollowUp.__table__] += _followup_rows(claim_id, record.followups, actor, now)
        children[FollowUp.__table__] += _deadline_rows(claim_id, record, analysis, actor, now)
        children[Note.__table__] += [
            {
                "claim_id": claim_id,
                "author": note["author"] or actor,
                "text": note["text"],
                "created_at": note["at"] or now,
            }
            for note in record.notes
        ]
        children[claim_tags] += [
            {"claim_id": claim_id, "tag_id": tag_ids[name]} for name in dict.fromkeys(record.tags)
        ]
        documents = dict.fromkeys(document_id(ref) for ref in record.documents)
        children[Appearance.__table__] += [
            {
                "claim_id": claim_id,
                "document_id": doc,
                "sentence": record.text,
                "start_offset": 0,
                "end_offset": len(record.text),
            }
            for doc in documents
        ]
        children[Event.__table__].append(
            {
                "claim_id": claim_id,
                "document_id": None,
                "actor": actor,
                "action": "import",
                "old": None,
                "new": {
                    "from": f"{label}:{record.line}",
                    "text": record.text,
                    "status": record.status or "new",
                    "verdict": record.verdict,
                    "sources": len(record.sources),
                    "followups": len(record.followups),
                },
                "claim_version": 1,
                "undoes_id": None,
                "at": now,
            }
        )
    for table, rows in children.items():
        if rows:
            insert_many(session.connection(), table, rows)
    return list(ids)


def _day(value: str | None) -> dt.date | None:
    """An ISO day of a record (or of an extracted date's JSON form) as a date."""
    return dt.date.fromisoformat(value) if value else None
