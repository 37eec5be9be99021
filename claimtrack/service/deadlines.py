"""Deadlines: one follow-up per deadline a claim sets, and a document's date set late.

A relative deadline ("by the end of the year") resolves only against the
article's publication date. An article imported without one can be given it
afterwards: its claims' dates are read again against it, and each deadline
that now has a day gets its follow-up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from claimtrack.checks import deadline_check
from claimtrack.errors import NotFound
from claimtrack.extract import extract_claims
from claimtrack.extract.locale import locale_of
from claimtrack.extract.types import DateMention
from claimtrack.models import Appearance, Claim, DateRef, Document
from claimtrack.queries import fetch, in_trash
from claimtrack.service import _record, add_followup, batched, date_ref

__all__ = [
    "DEADLINE_FOLLOWUP",
    "Redated",
    "add_deadline_followups",
    "deadline_checks",
    "is_deadline_followup",
    "set_document_published",
]

# What deadline follow-ups said before they were worded from the claim.
DEADLINE_FOLLOWUP = "Deadline: check whether this happened"


def add_deadline_followups(
    session: Session,
    actor: str,
    claim: Claim,
    dates: Iterable[DateMention | DateRef] | None = None,
) -> int:
    """Give each resolved deadline of the claim (or of `dates`) its follow-up; returns how many.

    A deadline whose day already has a deadline follow-up gets none, so this
    is safe to call again (a re-import, a merge, a date set late).
    """
    have = {f.due for f in claim.followups if is_deadline_followup(f.text)}
    added = 0
    for due, text in deadline_checks(claim.text, claim.dates if dates is None else dates):
        if due not in have:
            add_followup(session, actor, claim.id, text, due)
            added += 1
    return added


def deadline_checks(
    claim_text: str, dates: Iterable[DateMention | DateRef]
) -> list[tuple[dt.date, str]]:
    """(day, follow-up text) for each resolved deadline among `dates`, one a day, by day."""
    wanted: dict[dt.date, str] = {}
    for mention in dates:
        if mention.role == "deadline" and mention.date is not None:
            wanted.setdefault(mention.date, deadline_check(claim_text, mention.text, mention.date))
    return sorted(wanted.items())


def is_deadline_followup(text: str) -> bool:
    """Whether a follow-up is one a deadline made (worded from the claim, or as it was before)."""
    return text == DEADLINE_FOLLOWUP or (text.startswith("Check: ") and "(deadline " in text)


@dataclass(frozen=True, slots=True)
class Redated:
    """What setting a document's date changed."""

    document_id: int
    old: dt.date | None
    new: dt.date
    claims: int  # claims whose dates were read again
    followups: int  # deadline follow-ups created


@batched
def set_document_published(
    session: Session, actor: str, document_id: int, published: dt.date
) -> Redated:
    """Set a document's publication date, re-resolve its claims' dates, add missing follow-ups.

    Only claims first seen in this document are re-dated: a claim first seen
    elsewhere took its dates from that article.
    """
    document = fetch(session, Document, document_id, "document")
    if document.deleted_at is not None:
        raise NotFound(in_trash("document", document_id, purged=document.purged_at is not None))
    old = document.published
    document.published = published
    _record(
        session,
        None,
        actor,
        "document.published",
        old.isoformat() if old else None,
        published.isoformat(),
        document_id=document_id,
    )
    found = {
        c.start: c
        for c in extract_claims(
            document.text, published, include_all=True, locale=locale_of(document.url)
        )
    }
    redated = followups = 0
    for claim, start in _claims_first_seen_in(session, document_id):
        extracted = found.get(start)
        if extracted is None:
            continue
        if _dates_of(claim.dates) != _dates_of(extracted.dates):
            before = [_date_record(d) for d in claim.dates]
            claim.dates = [date_ref(d) for d in extracted.dates]
            session.flush()
            _record(session, claim, actor, "dates", before, [_date_record(d) for d in claim.dates])
            redated += 1
        followups += add_deadline_followups(session, actor, claim)
    return Redated(document_id, old, published, redated, followups)


def _claims_first_seen_in(session: Session, document_id: int) -> list[tuple[Claim, int]]:
    """Live claims whose earliest appearance is in this document, with its offset there."""
    first = (
        select(Appearance.claim_id, func.min(Appearance.id).label("first_id"))
        .group_by(Appearance.claim_id)
        .subquery()
    )
    statement = (
        select(Claim, Appearance.start)
        .join(Appearance, Appearance.claim_id == Claim.id)
        .join(first, first.c.first_id == Appearance.id)
        .where(
            Appearance.document_id == document_id,
            Claim.merged_into_id.is_(None),
            Claim.deleted_at.is_(None),
        )
        .order_by(Claim.id)
    )
    return [(claim, start) for claim, start in session.execute(statement)]


def _dates_of(dates: Iterable[DateMention | DateRef]) -> list[tuple[object, ...]]:
    return [(d.text, d.date, d.role, d.precision) for d in dates]


def _date_record(d: DateRef) -> dict[str, str | None]:
    return {"text": d.text, "date": d.date.isoformat() if d.date else None, "role": d.role}
