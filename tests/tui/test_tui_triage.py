"""A full triage driven by keys alone, checking the database after each step."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from textual.pilot import Pilot
from tui_pilot import drive, type_text
from tui_pilot import settle_search as settle

from claimtrack import service
from claimtrack.db import Database
from claimtrack.models import Claim, FollowUp, Note, Source
from claimtrack.queries import claim_history
from claimtrack.tui.app import ClaimtrackApp
from claimtrack.tui.screens.claim import ClaimScreen
from claimtrack.tui.screens.queue import QueueScreen
from claimtrack.tui.widgets.claim_list import ClaimList


def interceptor_claim(database: Database) -> int:
    """The demo's claim about 600-800 interceptor drones a day (ids vary by build)."""
    with database.read() as session:
        statement = select(Claim.id).where(Claim.text.like("%interceptor drones daily%"))
        return session.scalars(statement).one()


def claim(database: Database) -> Claim:
    claim_id = interceptor_claim(database)
    with database.read() as session:
        found = session.get(Claim, claim_id)
        assert found is not None
        _ = (found.sources, found.followups, found.notes)
        return found


def sources(database: Database) -> list[str]:
    claim_id = interceptor_claim(database)
    with database.read() as session:
        statement = select(Source.url).where(Source.claim_id == claim_id)
        return list(session.scalars(statement))


def followups(database: Database) -> list[tuple[str, dt.date, bool]]:
    claim_id = interceptor_claim(database)
    with database.read() as session:
        statement = (
            select(FollowUp.text, FollowUp.due, FollowUp.done)
            .where(FollowUp.claim_id == claim_id)
            .order_by(FollowUp.id)
        )
        return [tuple(row) for row in session.execute(statement)]  # type: ignore[misc]


async def open_interceptor_claim(pilot: Pilot[None], database: Database) -> ClaimScreen:
    claim_id = interceptor_claim(database)
    await pilot.press("slash")
    await type_text(pilot, "interceptor")
    await settle(pilot)
    assert list(pilot.app.screen.query_one(ClaimList).ids) == [claim_id]
    await pilot.press("enter", "enter")  # leave the search box, open the claim
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ClaimScreen)
    assert screen.claim_id == claim_id
    return screen


def test_full_triage_by_keys(app: ClaimtrackApp, demo_db: Database) -> None:
    today = dt.date.today()
    url = "https://example.org/drone-output-2025"

    async def steps(pilot: Pilot[None]) -> None:
        screen = await open_interceptor_claim(pilot, demo_db)

        # add a source
        before = sources(demo_db)
        await pilot.press("s")
        await type_text(pilot, url)
        await pilot.press("tab")
        await type_text(pilot, "Drone output figures")
        await pilot.press("enter")
        await settle(pilot)  # the screen re-reads the claim in a worker
        assert sources(demo_db) == [*before, url]
        assert "Drone output figures" in str(screen.query_one("#claim-sources").render())

        # rule a verdict: the picker opens on the current one (half true); one down is mostly false
        assert claim(demo_db).verdict == "half_true"
        await pilot.press("v", "enter", "down", "enter", "ctrl+s")
        await pilot.pause()
        assert claim(demo_db).verdict == "mostly_false"

        # undo takes the verdict back, through the service
        await pilot.press("u")
        await pilot.pause()
        assert claim(demo_db).verdict == "half_true"
        assert sources(demo_db) == [*before, url]

        # a follow-up "in 2 weeks": the field shows the date it read
        known = followups(demo_db)
        await pilot.press("f")
        await type_text(pilot, "Check the December output figures")
        await pilot.press("tab")
        await type_text(pilot, "in 2 weeks")
        await pilot.pause()
        parsed = str(pilot.app.screen.query_one("#followup-due-parsed").render())
        assert (today + dt.timedelta(weeks=2)).strftime("%d %b %Y") in parsed
        await pilot.press("enter")
        await pilot.pause()
        added = followups(demo_db)
        assert added[len(known) :] == [
            ("Check the December output figures", today + dt.timedelta(weeks=2), False)
        ]

        # complete a follow-up: with two open, a picker asks which (earliest first)
        first_open = min((f for f in added if not f[2]), key=lambda f: f[1])
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        done = {(text, due) for text, due, is_done in followups(demo_db) if is_done}
        assert (first_open[0], first_open[1]) in done

        # undo reopens it (and drops the next monthly occurrence its completion scheduled)
        await pilot.press("u")
        await settle(pilot)
        assert followups(demo_db) == added

        # back in the queue, the row is repainted from the database
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, QueueScreen)

    drive(app, steps)


def test_undo_removes_the_source_just_added(app: ClaimtrackApp, demo_db: Database) -> None:
    async def steps(pilot: Pilot[None]) -> None:
        await open_interceptor_claim(pilot, demo_db)
        before = sources(demo_db)
        await pilot.press("s")
        await type_text(pilot, "https://example.org/oops")
        await pilot.press("enter")
        await pilot.pause()
        assert len(sources(demo_db)) == len(before) + 1
        await pilot.press("u")
        await pilot.pause()
        assert sources(demo_db) == before
        with demo_db.read() as session:
            history = claim_history(session, interceptor_claim(demo_db))
            actions = [e.action for e in history]
        assert actions[-2:] == ["source.add", "source.remove"]

    drive(app, steps)


def test_change_behind_the_apps_back_is_a_conflict(app: ClaimtrackApp, demo_db: Database) -> None:
    async def steps(pilot: Pilot[None]) -> None:
        screen = await open_interceptor_claim(pilot, demo_db)
        loaded = screen.version

        # given another reviewer changes the claim after the screen loaded it
        # (its own fields: a note added meanwhile would not make a conflict)
        with demo_db.transaction() as session:
            service.assign(session, "bob", interceptor_claim(demo_db), "bob")
        # when the app rules a verdict on its stale copy
        await pilot.press("v", "enter", "down", "enter", "ctrl+s")
        await settle(pilot)  # the refusal reloads the screen in a worker

        # then nothing is written, bob's change is kept, and the screen reloads
        after = claim(demo_db)
        assert after.verdict == "half_true"
        assert after.assignee == "bob"
        assert screen.version == after.version > loaded
        assert "assigned to bob" in str(screen.query_one("#claim-meta").render())

        # and the same action, retried on the fresh copy, goes through
        await pilot.press("v", "enter", "down", "enter", "ctrl+s")
        await pilot.pause()
        assert claim(demo_db).verdict == "mostly_false"

    drive(app, steps)


def test_service_refusal_is_a_notification(app: ClaimtrackApp, demo_db: Database) -> None:
    async def steps(pilot: Pilot[None]) -> None:
        await open_interceptor_claim(pilot, demo_db)
        # a javascript: URL is refused by the service
        await pilot.press("s")
        await type_text(pilot, "javascript:alert(1)")
        await pilot.press("enter")
        await pilot.pause()
        assert any("not an http(s) URL" in n.message for n in pilot.app._notifications)
        assert "javascript" not in " ".join(sources(demo_db))
        with demo_db.read() as session:
            assert session.scalar(select(Note.id).where(Note.text == "x")) is None

    drive(app, steps)
