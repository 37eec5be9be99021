"""Export every claim as JSON Lines in the import schema (`importers/records.py`).

Export → import into an empty database → export gives the same bytes: the
output carries only what the import reads back, in a fixed key order, claims
by id. Claims are read a batch at a time, so memory stays flat.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from claimtrack.models import Appearance, Claim

BATCH = 500


def _claims(session: Session) -> Iterator[Claim]:
    last_id = 0
    while True:
        batch = list(
            session.scalars(
                select(Claim)
                .where(Claim.merged_into_id.is_(None), Claim.id > last_id)
                .order_by(Claim.id)
                .limit(BATCH)
                .options(
                    selectinload(Claim.appearances).selectinload(Appearance.document),
                    selectinload(Claim.sources),
                    selectinload(Claim.followups),
                    selectinload(Claim.tags),
                )
            )
        )
        if not batch:
            return
        yield from batch
        last_id = batch[-1].id
        session.expunge_all()


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
        "status": claim.status,
        "verdict": claim.verdict,
        "summary": claim.verdict_summary,
        "outcome": claim.outcome,
        "assignee": claim.assignee,
        "tags": sorted(t.name for t in claim.tags),
    }
    if claim.appearances:
        document = claim.appearances[0].document
        ref = {
            "url": document.url,
            "title": document.title,
            "published": document.published.isoformat() if document.published else None,
            "outlet": document.outlet,
        }
        record["document"] = {k: v for k, v in ref.items() if v is not None}
    record["sources"] = [
        {
            "url": s.url,
            "title": s.title,
            "publisher": s.publisher,
            "stance": s.stance,
            "reliability": s.reliability,
            "excerpt": s.excerpt,
            "accessed": s.accessed.isoformat() if s.accessed else None,
        }
        for s in claim.sources
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


def export_jsonl(session: Session, out: TextIO) -> int:
    """Write every (unmerged) claim as one JSON object per line; returns how many."""
    count = 0
    for claim in _claims(session):
        out.write(json.dumps(export_record(claim), ensure_ascii=False) + "\n")
        count += 1
    return count
