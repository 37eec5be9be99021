"""Export every claim as JSON Lines in the import schema (`importers/records.py`).

Export → import into an empty database → export gives the same bytes: the
output carries only what the import reads back, in a fixed key order, claims
by id. Claims are read a batch at a time, so memory stays flat.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from sqlalchemy.orm import Session

from claimtrack.models import Claim, Document
from claimtrack.queries import claim_batches, date_record, quantity_record, source_record


def export_record(claim: Claim) -> dict[str, Any]:
    """One claim in the import schema."""
    record: dict[str, Any] = {}
    if claim.external_id is not None:
        record["id"] = claim.external_id
    record |= {
        "text": claim.text,
        "kind": claim.kind,
        "score": round(claim.score, 4),
        "speaker": claim.speaker,
        "speaker_type": claim.speaker_type,
        "status": claim.status,
        "verdict": claim.verdict,
        "summary": claim.verdict_summary,
        "outcome": claim.outcome,
        "assignee": claim.assignee,
        "tags": sorted(t.name for t in claim.tags),
    }
    record["quantities"] = [quantity_record(q) for q in sorted(claim.quantities, key=_by_id)]
    record["dates"] = [date_record(d) for d in sorted(claim.dates, key=_by_id)]
    record["appearances"] = [_document_ref(document) for document in _documents(claim)]
    # The import schema names a source by its fields, not its database id.
    record["sources"] = [
        {k: v for k, v in source_record(s).items() if k != "id"} for s in claim.sources
    ]
    record["followups"] = [
        {
            "text": f.text,
            "due": f.due.isoformat(),
            "repeat": f.rrule,
            "done": f.done,
            "assignee": f.assignee,
        }
        for f in sorted(claim.followups, key=lambda f: (f.due, f.text, f.done))
    ]
    return record


def _by_id(row: Any) -> int:
    return row.id


def _documents(claim: Claim) -> list[Document]:
    """The articles a claim appeared in, each once, in the order it was seen there."""
    seen: dict[int, Document] = {}
    for appearance in sorted(claim.appearances, key=lambda a: a.id):
        seen.setdefault(appearance.document_id, appearance.document)
    return list(seen.values())


def _document_ref(document: Document) -> dict[str, Any]:
    ref = {
        "url": document.url,
        "title": document.title,
        "published": document.published.isoformat() if document.published else None,
        "outlet": document.outlet,
    }
    return {k: v for k, v in ref.items() if v is not None}


def export_jsonl(session: Session, out: TextIO) -> int:
    """Write every (unmerged) claim as one JSON object per line; returns how many."""
    count = 0
    for batch in claim_batches(session):
        for claim in batch:
            out.write(json.dumps(export_record(claim), ensure_ascii=False) + "\n")
        count += len(batch)
    return count
