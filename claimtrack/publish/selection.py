"""Which claims are published, read as `Review` values a batch at a time.

Published: live claims that are concluded with a verdict resting on at least
one source (an unverifiable finding needs none). A verdict forced without a
source goes out only when asked (`include_forced`), and the markup says so.
When the verdict was concluded, and when the review last changed, are read
from the audit trail, which every door (workbench, CLI, bulk, records) writes.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any, Protocol

from sqlalchemy import Select, exists, or_, select
from sqlalchemy.orm import Session

from claimtrack.models import Claim, Event, Source
from claimtrack.publish.claimreview import Evidence, Review, Seen, default_claim_reviewed
from claimtrack.queries import claim_batches
from claimtrack.reads import ClaimFilter
from claimtrack.scale import Status, Verdict

BATCH = 500
# Events that change what a published review says.
_CHANGES = ("edit", "claim_reviewed")


class Narrowing(Protocol):
    """A claim filter, or a report's window over one."""

    def apply(self, statement: Select[Any], dialect: str) -> Select[Any]: ...


def published(
    where: Narrowing, *, include_forced: bool = False
) -> Callable[[Select[Any], str], Select[Any]]:
    """Narrow a SELECT over Claim to the claims `where` admits that are published."""

    def narrow(statement: Select[Any], dialect: str) -> Select[Any]:
        statement = where.apply(statement, dialect).where(
            Claim.status == Status.CONCLUDED.value, Claim.verdict.is_not(None)
        )
        if include_forced:
            return statement
        sourced = exists().where(Source.claim_id == Claim.id)
        return statement.where(or_(sourced, Claim.verdict == Verdict.UNVERIFIABLE.value))

    return narrow


def iter_reviews(
    session: Session, where: Narrowing | None = None, *, include_forced: bool = False
) -> Iterator[Review]:
    """Every published claim as a Review, oldest id first, a batch at a time."""
    narrow = published(where or ClaimFilter(), include_forced=include_forced)
    for batch in claim_batches(session, narrow, size=BATCH):
        events: dict[int, list[Event]] = defaultdict(list)
        for event in session.scalars(
            select(Event)
            .where(Event.claim_id.in_([c.id for c in batch]))
            .where(Event.action.in_(("status", *_CHANGES)))
            .order_by(Event.id)
        ):
            events[event.claim_id or 0].append(event)
        for claim in batch:
            yield review_of(claim, events.get(claim.id, []))


def review_of(claim: Claim, events: list[Event]) -> Review:
    """A concluded claim as published; `events` are its status and edit events, oldest first."""
    verdict = Verdict(claim.verdict or Verdict.UNVERIFIABLE)  # published claims have one
    conclusions = [e.at for e in events if e.action == "status" and e.new == Status.CONCLUDED]
    # A claim imported already concluded has no status event: its creation is the conclusion.
    concluded_at = conclusions[0] if conclusions else claim.created_at
    changed = [e.at for e in events if e.action in _CHANGES and e.at >= concluded_at]
    modified_at = max([concluded_at, *conclusions, *changed])
    seen: dict[int, Seen] = {}
    for appearance in claim.appearances:
        document = appearance.document
        seen.setdefault(
            document.id,
            Seen(document.title, document.url, document.outlet, document.published),
        )
    return Review(
        id=claim.id,
        text=claim.text,
        claim_reviewed=claim.claim_reviewed or default_claim_reviewed(claim.text, claim.speaker),
        speaker=claim.speaker,
        speaker_type=claim.speaker_type,
        speaker_role=claim.speaker_role,
        verdict=verdict,
        summary=claim.verdict_summary,
        forced=verdict.needs_evidence and not claim.sources,
        concluded_at=concluded_at,
        modified_at=modified_at,
        seen=tuple(seen.values()),
        evidence=tuple(Evidence(s.url, s.title, s.publisher, s.stance) for s in claim.sources),
        tags=tuple(t.name for t in claim.tags),
    )


def latest_change(reviews: list[Review]) -> dt.datetime | None:
    """When the most recently changed review changed."""
    return max((r.modified_at for r in reviews), default=None)
