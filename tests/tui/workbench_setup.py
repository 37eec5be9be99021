"""Shared set-up for the workbench tests: a demo database with a fixed "today" and agenda."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, text, update
from textual.pilot import Pilot
from tui_pilot import settle, type_text

from claimtrack import service
from claimtrack.db import Database
from claimtrack.models import Claim, Event, FollowUp, Note, SuggestedMatch

# A Monday: "this week" runs to Sunday 21 December.
TODAY = dt.date(2025, 12, 15)
PINNED = dt.datetime(2025, 11, 4, 9, 30, tzinfo=dt.UTC)


def claim_id(database: Database, starts: str) -> int:
    """The demo claim whose text starts with `starts` (ids are not relied on)."""
    with database.read() as session:
        return session.scalars(select(Claim.id).where(Claim.text.startswith(starts))).one()


INTERCEPTORS = "Zelensky revealed plans"
OFFICES = "Ukraine will establish defense production offices"
ANNOUNCED = "This move, announced"
EXPORT_CAPITALS = "Zelensky emphasized"


def add_agenda(database: Database) -> None:
    """Give the demo an overdue and a this-week follow-up beside its own three."""
    with database.transaction() as session:
        service.add_followup(
            session,
            "demo",
            claim_id(database, ANNOUNCED),
            "Ask for the press release",
            TODAY - dt.timedelta(days=5),
        )
        service.add_followup(
            session,
            "demo",
            claim_id(database, EXPORT_CAPITALS),
            "Call the ministry",
            TODAY + dt.timedelta(days=3),
        )


def add_near_duplicate(database: Database) -> tuple[int, int]:
    """A restatement of the interceptor claim, suggested as its match: (older, newer)."""
    older = claim_id(database, INTERCEPTORS)
    with database.transaction() as session:
        newer = service.add_claim_from_text(
            session,
            "demo",
            "Ukraine plans to produce between 600 and 800 interceptor drones a day.",
        ).id
        session.add(SuggestedMatch(claim_id=older, candidate_id=newer, similarity=88.0))
    return older, newer


def pin_times(database: Database) -> None:
    """Fix every timestamp shown on screen, so a snapshot does not depend on the clock."""
    with database.transaction() as session:
        # The audit trail refuses updates; this throwaway demo file may lift the guard.
        session.execute(text("DROP TRIGGER IF EXISTS events_no_update"))
        session.execute(update(Event).values(at=PINNED))
        session.execute(update(Note).values(created_at=PINNED))


def open_followups(database: Database, claim: int) -> list[tuple[str, dt.date]]:
    with database.read() as session:
        rows = session.execute(
            select(FollowUp.text, FollowUp.due)
            .where(FollowUp.claim_id == claim, FollowUp.done.is_(False))
            .order_by(FollowUp.due)
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]


async def open_claim(pilot: Pilot[None], claim: int) -> None:
    """Jump to a claim by id from the queue (`:`), as a reviewer would."""
    await pilot.press("colon")
    await type_text(pilot, str(claim))
    await pilot.press("enter")
    await settle(pilot)
