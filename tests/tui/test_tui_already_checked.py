"""Already checked in the workbench: the claim screen names who checked it, the queue marks it."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Static
from tui_pilot import drive
from workbench_setup import INTERCEPTORS, OFFICES, claim_id, open_claim

from claimtrack.db import Database
from claimtrack.service.factchecks import FactCheckData, add_fact_checks, flag_already_checked
from claimtrack.tui.app import ClaimtrackApp

URL = "https://factcheck.example.net/drones"


def _checked(database: Database) -> int:
    """A partner's fact check of the drones claim, matched to it as an import would."""
    drones = claim_id(database, INTERCEPTORS)
    with database.transaction() as session:
        add_fact_checks(
            session,
            "alice",
            [
                FactCheckData(
                    url=URL,
                    claim_reviewed="Zelensky plans to produce 600 to 800 interceptor drones a day.",
                    rating="Half true",
                    organisation="Partner Checks",
                    claimant="Volodymyr Zelensky",
                )
            ],
            origin="test",
        )
        assert flag_already_checked(session, "alice", [drones]) == 1
    return drones


def test_the_claim_screen_shows_organisation_rating_and_link(demo_db: Database) -> None:
    drones = _checked(demo_db)
    app = ClaimtrackApp(demo_db, "alice")

    async def steps(pilot: Pilot[None]) -> None:
        await open_claim(pilot, drones)
        checked = pilot.app.screen.query_one("#claim-checked", Static)
        assert checked.display
        text = str(checked.content)
        assert "Partner Checks" in text and "Half true" in text and URL in text
        await pilot.press("escape")
        await open_claim(pilot, claim_id(demo_db, OFFICES))
        assert not pilot.app.screen.query_one("#claim-checked", Static).display

    drive(app, steps)


def test_the_queue_marks_the_checked_row_only(demo_db: Database) -> None:
    _checked(demo_db)
    app = ClaimtrackApp(demo_db, "alice")

    async def steps(pilot: Pilot[None]) -> None:
        lines = [line for line in _screen_text(pilot).splitlines() if "✓" in line]
        assert len(lines) == 1 and "Zelensky revealed" in lines[0]

    drive(app, steps)


def _screen_text(pilot: Pilot[None]) -> str:
    """What the terminal shows, as text lines."""
    from textual.strip import Strip

    screen = pilot.app.screen
    strips: list[Strip] = screen._compositor.render_strips()  # type: ignore[attr-defined]
    return "\n".join(strip.text for strip in strips)
