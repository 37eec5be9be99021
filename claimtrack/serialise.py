"""The JSON form of everything claimtrack stores, written once.

`--json`, the export, the reports and the audit trail's snapshots all build
their dictionaries here, from one record per kind of thing (a quantity, a date,
a source, a follow-up, a note, an article), so a field has one name and one
shape wherever it appears. Values are JSON-safe: dates and times as ISO text.

Two names differ on purpose, and only in the documented import schema that
`export_record` writes (`importers/records.py` reads it back): a verdict's
summary is `summary` there and a recurrence `repeat`, as users write them.
`IMPORT_NAMES` is that one mapping.

The records take an ORM object or a Core row with the same column names
(`sqlalchemy.Row`): reports read plain rows, a batch at a time, and build the
same records from them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Row

from claimtrack.history import describe_change

if TYPE_CHECKING:  # `claims list` serialises Core rows and loads no ORM (issue 17)
    from claimtrack.models import Appearance, Claim, Document, Event, FollowUp, Note, Source
    from claimtrack.reads import ListedClaim

__all__ = [
    "HISTORY_LIMIT",
    "IMPORT_NAMES",
    "claim_record",
    "date_record",
    "document_record",
    "event_record",
    "export_record",
    "followup_record",
    "listed_record",
    "note_record",
    "quantity_record",
    "source_record",
    "summary_record",
    "verdict_record",
]

# How many of a claim's latest events a report shows.
HISTORY_LIMIT = 12
# The import schema's names for fields that are named otherwise everywhere else.
IMPORT_NAMES = {"verdict_summary": "summary", "rrule": "repeat"}


def iso(value: dt.date | dt.datetime | None) -> str | None:
    """A date or time as ISO text; None stays None."""
    return value.isoformat() if value is not None else None


def quantity_record(quantity: Any) -> dict[str, Any]:
    """A stored quantity (`models.Quantity`) or a freshly extracted one (`extract.types`)."""
    return {
        "low": quantity.low,
        "high": quantity.high,
        "unit": quantity.unit,
        "per": quantity.per,
        "approximate": quantity.approximate,
        "text": quantity.text,
        "dimension": quantity.dimension,
        "si_low": quantity.si_low,
        "si_high": quantity.si_high,
        "ambiguous": quantity.ambiguous,
    }


def date_record(mention: Any) -> dict[str, Any]:
    """A stored date (`models.DateRef`) or a freshly extracted one (`extract.types`)."""
    return {
        "text": mention.text,
        "date": iso(mention.date),
        "role": mention.role,
        "precision": mention.precision,
        "year_inferred": mention.year_inferred,
        "first_day": iso(mention.first_day),
        "last_day": iso(mention.last_day),
        "ambiguous": mention.ambiguous,
    }


def source_record(source: Source | Row[*tuple[Any, ...]]) -> dict[str, Any]:
    """A piece of evidence."""
    return {
        "id": source.id,
        "url": source.url,
        "title": source.title,
        "publisher": source.publisher,
        "stance": source.stance,
        "reliability": source.reliability,
        "excerpt": source.excerpt,
        "accessed": iso(source.accessed),
    }


def followup_record(followup: FollowUp | Row[*tuple[Any, ...]]) -> dict[str, Any]:
    """A follow-up: what to check, when, how often, by whom, and whether it is done."""
    return {
        "id": followup.id,
        "claim_id": followup.claim_id,
        "text": followup.text,
        "due": iso(followup.due),
        "rrule": followup.rrule,
        "assignee": followup.assignee,
        "done": followup.done,
    }


def note_record(note: Note | Row[*tuple[Any, ...]]) -> dict[str, Any]:
    """A reviewer's note."""
    return {"id": note.id, "author": note.author, "text": note.text, "at": iso(note.created_at)}


def document_record(document: Document | Row[*tuple[Any, ...]]) -> dict[str, Any]:
    """The article a claim appeared in, as a citation names it."""
    return {
        "url": document.url,
        "title": document.title,
        "published": iso(document.published),
        "outlet": document.outlet,
    }


def verdict_record(claim: Claim) -> dict[str, Any]:
    """A claim's verdict and its summary: the audit trail's before and after of a ruling.

    Events written before this module existed name the summary `summary`;
    `history.verdict_summary` reads either.
    """
    return {"verdict": claim.verdict, "verdict_summary": claim.verdict_summary}


def event_record(event: Event) -> dict[str, Any]:
    """An audit event, with a line that tells the change."""
    return {
        "id": event.id,
        "claim_id": event.claim_id,
        "at": iso(event.at),
        "actor": event.actor,
        "action": event.action,
        "old": event.old,
        "new": event.new,
        "version": event.claim_version,
        "undoes_id": event.undoes_id,
        "summary": describe_change(event),
    }


def claim_record(claim: Claim, *, full: bool = False) -> dict[str, Any]:
    """A claim as `--json` prints it (field names documented in the README).

    Short by default (a count of sources, the next due day); `full` adds the
    speaker's role and type, the structure and every related record.
    """
    record = summary_record(
        claim,
        tags=[t.name for t in claim.tags],
        sources=len(claim.sources),
        next_due=min((f.due for f in claim.followups if not f.done), default=None),
        deadline=claim.deadline,
    )
    if full:
        record |= {
            "speaker_role": claim.speaker_role,
            "speaker_type": claim.speaker_type,
            "external_id": claim.external_id,
            "quantities": [quantity_record(q) for q in claim.quantities],
            "dates": [date_record(d) for d in claim.dates],
            "sources": [source_record(s) for s in claim.sources],
            "followups": [followup_record(f) for f in claim.followups],
            "notes": [note_record(n) for n in claim.notes],
            "appearances": [
                {
                    "document_id": a.document_id,
                    "sentence": a.sentence,
                    "start": a.start,
                    "end": a.end,
                }
                for a in claim.appearances
            ],
        }
    return record


def summary_record(
    claim: Claim | Row[*tuple[Any, ...]],
    *,
    tags: Sequence[str],
    sources: int,
    next_due: dt.date | None,
    deadline: dt.date | None,
) -> dict[str, Any]:
    """`claim_record`'s short form, from a claim's row and what it counts of its parts."""
    return {
        "id": claim.id,
        "text": claim.text,
        "kind": claim.kind,
        "score": round(claim.score, 4),
        "speaker": claim.speaker,
        "status": claim.status,
        "verdict": claim.verdict,
        "verdict_summary": claim.verdict_summary,
        "outcome": claim.outcome,
        "assignee": claim.assignee,
        "tags": list(tags),
        "sources": sources,
        "next_due": iso(next_due),
        "deadline": iso(deadline),
        "version": claim.version,
        "created_at": iso(claim.created_at),
        "updated_at": iso(claim.updated_at),
    }


def listed_record(listed: ListedClaim) -> dict[str, Any]:
    """A claim as `claims list` read it without the ORM (reads.listed_claims): as claim_record."""
    return summary_record(
        listed.claim,
        tags=listed.tags,
        sources=listed.sources,
        next_due=listed.next_due,
        deadline=listed.deadline,
    )


def export_record(claim: Claim, own_prefix: str | None = None) -> dict[str, Any]:
    """A claim in the import schema: only what an import reads back, in a fixed order.

    Export → import into an empty database → export gives the same bytes, so
    the related records are sorted and carry no database ids. A claim without
    an id of its own is named `own_prefix` + its id (queries.own_id_prefix),
    so an edited export imports back onto it rather than beside it.
    """
    record: dict[str, Any] = {}
    if claim.external_id is not None:
        record["id"] = claim.external_id
    elif own_prefix is not None:
        record["id"] = f"{own_prefix}{claim.id}"
    record |= {
        "text": claim.text,
        "kind": claim.kind,
        "score": round(claim.score, 4),
        "speaker": claim.speaker,
        "speaker_type": claim.speaker_type,
        "status": claim.status,
        "verdict": claim.verdict,
        IMPORT_NAMES["verdict_summary"]: claim.verdict_summary,
        "outcome": claim.outcome,
        "assignee": claim.assignee,
        "tags": sorted(t.name for t in claim.tags),
        "quantities": [quantity_record(q) for q in sorted(claim.quantities, key=_by_id)],
        "dates": [date_record(d) for d in sorted(claim.dates, key=_by_id)],
        "appearances": [
            _without_nones(
                document_record(a.document) | {"author": a.document.author, "text": a.document.text}
            )
            for a in _one_per_document(claim.appearances)
        ],
        "sources": [_without(source_record(s), "id") for s in claim.sources],
        "followups": [
            _imported(
                _without(followup_record(f), "id", "claim_id"), "text", "due", "rrule", "done"
            )
            # every exported field: equal follow-ups are the same bytes in any order,
            # so a copy (db copy, a round trip) exports what its source did
            for f in sorted(claim.followups, key=_followup_order)
        ],
        "notes": [_without(note_record(n), "id") for n in sorted(claim.notes, key=_by_id)],
    }
    return record


def _by_id(row: Any) -> int:
    return int(row.id)


def _without(record: dict[str, Any], *names: str) -> dict[str, Any]:
    return {key: value for key, value in record.items() if key not in names}


def _without_nones(record: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in record.items() if value is not None}


def _imported(record: dict[str, Any], *order: str) -> dict[str, Any]:
    """`record` under the import schema's names, the fields in `order` first."""
    ordered = {name: record[name] for name in order} | record
    return {IMPORT_NAMES.get(key, key): value for key, value in ordered.items()}


def _followup_order(followup: FollowUp) -> tuple[Any, ...]:
    return (
        followup.due,
        followup.text,
        followup.done,
        followup.rrule or "",
        followup.assignee or "",
    )


def _one_per_document(appearances: Iterable[Appearance]) -> list[Appearance]:
    """Each article once, where the claim was first seen in it: one place, not three."""
    seen: dict[int, Appearance] = {}
    for appearance in sorted(appearances, key=_by_id):
        seen.setdefault(appearance.document_id, appearance)
    return list(seen.values())
