"""Articles in: read a document, extract its claims, store them through the service.

The same claim seen again — within one article or across articles — becomes
another appearance of one claim (exact match on normalised text), and a claim
that sets a deadline gets a follow-up due that day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimtrack import service
from claimtrack.extract import document_title, extract_claims, normalise_claim_text
from claimtrack.models import Claim

DEADLINE_FOLLOWUP = "Deadline: check whether this happened"


@dataclass
class ImportSummary:
    """What an import did, for the summary line."""

    documents: int = 0
    duplicates: int = 0
    claims: int = 0
    appearances: int = 0
    followups: int = 0

    def line(self) -> str:
        return (
            f"{self.documents} documents, {self.claims} new claims, "
            f"{self.appearances} repeat appearances, {self.duplicates} duplicate documents, "
            f"{self.followups} follow-ups created"
        )


def import_text(
    session: Session,
    actor: str,
    text: str,
    *,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    author: str | None = None,
    published: dt.date | None = None,
    origin: str | None = None,
    summary: ImportSummary | None = None,
) -> ImportSummary:
    """Store one article and its claims; re-importing the same text changes nothing."""
    summary = summary or ImportSummary()
    document, created = service.add_document(
        session,
        actor,
        text=text,
        title=title or document_title(text),
        url=url,
        outlet=outlet,
        author=author,
        published=published,
        origin=origin,
    )
    if not created:
        summary.duplicates += 1
        return summary
    summary.documents += 1
    for found in extract_claims(text, published):
        place = service.Placement(document.id, found.text, found.start, found.end)
        existing = session.scalar(
            select(Claim).where(
                Claim.normalized == normalise_claim_text(found.text),
                Claim.merged_into_id.is_(None),
            )
        )
        if existing is not None:
            if service.add_appearance(session, existing, place):
                summary.appearances += 1
            continue
        claim = service.add_claim(
            session,
            actor,
            found.text,
            kind=found.kind,
            score=found.score,
            speaker=found.speaker.name if found.speaker else None,
            speaker_role=found.speaker.role if found.speaker else None,
            quantities=found.quantities,
            dates=found.dates,
            placements=[place],
        )
        summary.claims += 1
        if found.deadline is not None:
            service.add_followup(session, actor, claim.id, DEADLINE_FOLLOWUP, found.deadline)
            summary.followups += 1
    return summary
