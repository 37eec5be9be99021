"""Reads behind the follow-up agenda: open follow-ups, earliest first, grouped by when due.

Only the first `limit` follow-ups are read (the (done, due) index serves the
query), so the agenda stays quick however many claims there are.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from claimtrack.models import Claim, FollowUp, live_claims

AGENDA_LIMIT = 1000
GROUPS = ("overdue", "today", "this week", "later")


def group_of(due: dt.date, today: dt.date) -> str:
    """Which part of the agenda a due date falls in; "this week" runs to Sunday."""
    if due < today:
        return "overdue"
    if due == today:
        return "today"
    end_of_week = today + dt.timedelta(days=6 - today.weekday())
    return "this week" if due <= end_of_week else "later"


@dataclass(frozen=True, slots=True)
class AgendaRow:
    """One open follow-up and the claim it belongs to."""

    id: int
    claim_id: int
    claim_version: int  # as read, so completing it from the agenda is a checked write
    claim_text: str
    text: str
    due: dt.date
    rrule: str | None
    assignee: str | None


@dataclass(frozen=True, slots=True)
class Agenda:
    """Open follow-ups in their groups, in the order of GROUPS."""

    today: dt.date
    groups: list[tuple[str, list[AgendaRow]]]
    shown: int
    total: int


def load_agenda(session: Session, today: dt.date, *, limit: int = AGENDA_LIMIT) -> Agenda:
    """The first `limit` open follow-ups by due date, grouped relative to `today`."""
    statement = (
        select(FollowUp, Claim.text, Claim.version)
        .join(Claim, Claim.id == FollowUp.claim_id)
        .where(FollowUp.done.is_(False), live_claims())
        .order_by(FollowUp.due, FollowUp.id)
        .limit(limit)
    )
    grouped: dict[str, list[AgendaRow]] = {name: [] for name in GROUPS}
    shown = 0
    for followup, claim_text, version in session.execute(statement):
        row = AgendaRow(
            followup.id,
            followup.claim_id,
            version,
            " ".join(claim_text.split()),
            followup.text,
            followup.due,
            followup.rrule,
            followup.assignee,
        )
        grouped[group_of(row.due, today)].append(row)
        shown += 1
    total = shown
    if shown == limit:
        total = (
            session.scalar(
                select(func.count(FollowUp.id))
                .join(Claim, Claim.id == FollowUp.claim_id)
                .where(FollowUp.done.is_(False), live_claims())
            )
            or 0
        )
    return Agenda(today, [(name, grouped[name]) for name in GROUPS], shown, total)
