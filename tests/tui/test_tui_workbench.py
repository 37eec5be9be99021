"""The reviewer's workbench by keys: agenda, documents, matches, outcome, follow-ups, undo."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from textual.pilot import Pilot
from tui_pilot import drive, settle, type_text
from workbench_setup import (
    ANNOUNCED,
    INTERCEPTORS,
    OFFICES,
    TODAY,
    add_agenda,
    add_near_duplicate,
    claim_id,
    open_claim,
    open_followups,
)

from claimtrack import service
from claimtrack.db import Database
from claimtrack.models import Claim, Event, FollowUp, Note, SuggestedMatch
from claimtrack.queries import claim_history
from claimtrack.tui.app import LIGHT, ClaimtrackApp
from claimtrack.tui.screens.choice import ChoiceScreen
from claimtrack.tui.screens.claim import ClaimScreen
from claimtrack.tui.screens.document import DocumentScreen
from claimtrack.tui.screens.documents import DocumentsScreen
from claimtrack.tui.screens.followups import FollowUpsScreen
from claimtrack.tui.screens.help import HelpScreen


@pytest.fixture
def workbench(demo_db: Database) -> ClaimtrackApp:
    add_agenda(demo_db)
    return ClaimtrackApp(demo_db, "alice", today=TODAY)


def agenda_texts(pilot: Pilot[None]) -> dict[str, list[str]]:
    screen = pilot.app.screen
    assert isinstance(screen, FollowUpsScreen)
    assert screen.agenda is not None
    return {name: [row.text for row in rows] for name, rows in screen.agenda.groups}


def messages(pilot: Pilot[None]) -> str:
    return " | ".join(n.message for n in pilot.app._notifications)


# ---------------------------------------------------------------- the agenda


def test_agenda_groups_open_followups_by_due_date(workbench: ClaimtrackApp) -> None:
    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("A")
        await settle(pilot)
        assert agenda_texts(pilot) == {
            "overdue": ["Ask for the press release"],
            "today": ["Check December output figures"],
            "this week": ["Call the ministry"],
            "later": [
                # the deadline follow-up says what to check (issue 15 point 4)
                "Check: defense production offices in Berlin and Copenhagen established"
                " (deadline 2025-12-31)",
                "Compare with 2027 production statistics",
            ],
        }

    drive(workbench, steps)


def test_enter_on_the_agenda_opens_the_claim(workbench: ClaimtrackApp, demo_db: Database) -> None:
    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("A")
        await settle(pilot)
        await pilot.press("j", "enter")  # the cursor starts on the overdue one; j moves to today's
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ClaimScreen)
        assert screen.claim_id == claim_id(demo_db, INTERCEPTORS)
        await pilot.press("escape")
        await settle(pilot)
        agenda = pilot.app.screen
        assert isinstance(agenda, FollowUpsScreen)
        # A from the claim goes back to the agenda already open, not a second one
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("A")
        await settle(pilot)
        assert pilot.app.screen is agenda
        assert len(pilot.app.screen_stack) == 3  # default, queue, agenda

    drive(workbench, steps)


def test_complete_from_the_agenda_and_undo_it(workbench: ClaimtrackApp, demo_db: Database) -> None:
    announced = claim_id(demo_db, ANNOUNCED)

    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("A")
        await settle(pilot)
        await pilot.press("c")  # on the overdue follow-up
        await settle(pilot)
        assert open_followups(demo_db, announced) == []
        assert agenda_texts(pilot)["overdue"] == []
        with demo_db.read() as session:
            done = session.scalars(select(FollowUp).where(FollowUp.claim_id == announced)).one()
            assert (done.done, done.done_by) == (True, "alice")

        await pilot.press("u")
        await settle(pilot)
        assert open_followups(demo_db, announced) == [
            ("Ask for the press release", TODAY - dt.timedelta(days=5))
        ]
        assert agenda_texts(pilot)["overdue"] == ["Ask for the press release"]

    drive(workbench, steps)


def test_completing_from_a_stale_agenda_is_a_conflict(
    workbench: ClaimtrackApp, demo_db: Database
) -> None:
    announced = claim_id(demo_db, ANNOUNCED)

    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("A")
        await settle(pilot)
        # another reviewer changes the claim after the agenda was read
        with demo_db.transaction() as session:
            service.set_status(session, "bob", announced, "in_progress")
        await pilot.press("c")
        await settle(pilot)
        assert "Conflict" in " ".join(str(n.title) for n in pilot.app._notifications)
        assert len(open_followups(demo_db, announced)) == 1
        # the agenda re-read the claim, so the same key now goes through
        await pilot.press("c")
        await settle(pilot)
        assert open_followups(demo_db, announced) == []

    drive(workbench, steps)


def test_agenda_and_documents_from_the_command_palette(workbench: ClaimtrackApp) -> None:
    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("ctrl+p")
        await type_text(pilot, "Agenda")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, FollowUpsScreen)
        await pilot.press("ctrl+p")
        await type_text(pilot, "Documents")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, DocumentsScreen)

    drive(workbench, steps)


# ---------------------------------------------------------------- documents


def test_documents_screen_opens_a_document_and_jumps_to_a_claim(
    workbench: ClaimtrackApp, demo_db: Database
) -> None:
    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("D")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, DocumentScreen)
        assert screen.view is not None
        # the first mention is the headline's restatement of the offices claim
        assert screen.current_claim_id == claim_id(demo_db, OFFICES)
        # k from the first wraps to the last mention, far down: the text scrolls to it
        await pilot.press("k")
        await settle(pilot)
        assert screen.query_one("#document-body").scroll_y > 0
        await pilot.press("j", "j", "j")  # back to the first, then on to the third
        second = screen.view.claims[2]
        assert "mention 3 of" in str(screen.query_one("#document-status").render())
        await pilot.press("enter")
        await settle(pilot)
        opened = pilot.app.screen
        assert isinstance(opened, ClaimScreen)
        assert opened.claim_id == second.claim_id == claim_id(demo_db, ANNOUNCED)
        # back in the document, re-read, still on the same mention
        await pilot.press("escape")
        await settle(pilot)
        assert pilot.app.screen is screen
        assert screen.current_claim_id == second.claim_id

    drive(workbench, steps)


# ---------------------------------------------------------------- the claim screen


def test_claim_screen_shows_each_appearance_in_its_article_text(
    workbench: ClaimtrackApp, demo_db: Database
) -> None:
    async def steps(pilot: Pilot[None]) -> None:
        await open_claim(pilot, claim_id(demo_db, INTERCEPTORS))
        passages = pilot.app.screen.query_one("#claim-appearances")
        shown = passages.plain  # type: ignore[attr-defined]
        assert "Scaling Up Air Defense" in shown  # text before the sentence
        assert "crucial amidst the ongoing" in shown  # and after it
        (passage,) = passages.passages  # type: ignore[attr-defined]
        ((start, end),) = passage.spans
        assert passage.text[start:end].startswith(INTERCEPTORS)

    drive(workbench, steps)


def test_rejecting_a_suggested_match_and_undoing_it(
    workbench: ClaimtrackApp, demo_db: Database
) -> None:
    older, newer = add_near_duplicate(demo_db)

    def state() -> str:
        with demo_db.read() as session:
            return session.scalars(select(SuggestedMatch.state)).one()

    async def steps(pilot: Pilot[None]) -> None:
        await open_claim(pilot, newer)
        assert f"#{older}" in str(pilot.app.screen.query_one("#claim-matches").render())
        await pilot.press("x")
        await settle(pilot)
        assert state() == "rejected"
        await pilot.press("u")
        await settle(pilot)
        assert state() == "suggested"

    drive(workbench, steps)


def test_confirming_a_suggested_match_merges_and_shows_the_survivor(
    workbench: ClaimtrackApp, demo_db: Database
) -> None:
    older, newer = add_near_duplicate(demo_db)

    async def steps(pilot: Pilot[None]) -> None:
        await open_claim(pilot, newer)
        await pilot.press("m")  # a merge is always picked from the list
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+s")  # keep the survivor's wording and speaker
        await settle(pilot)
        with demo_db.read() as session:
            merged = session.get(Claim, newer)
            assert merged is not None and merged.merged_into_id == older
        screen = pilot.app.screen
        assert isinstance(screen, ClaimScreen)
        assert screen.claim_id == older
        # a merge is final: u says so and changes nothing
        await pilot.press("u")
        await settle(pilot)
        assert "cannot undo" in messages(pilot)

    drive(workbench, steps)


def test_outcome_is_set_from_a_picker_and_undone(
    workbench: ClaimtrackApp, demo_db: Database
) -> None:
    offices = claim_id(demo_db, OFFICES)

    def outcome() -> str | None:
        with demo_db.read() as session:
            return session.get(Claim, offices).outcome  # type: ignore[union-attr]

    async def steps(pilot: Pilot[None]) -> None:
        await open_claim(pilot, offices)
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("down", "down", "down", "enter")  # not yet rated → … → kept
        await settle(pilot)
        assert outcome() == "kept"
        assert "outcome kept" in str(pilot.app.screen.query_one("#claim-meta").render())
        await pilot.press("u")
        await settle(pilot)
        assert outcome() is None
        # the undo is in the audit trail, naming the event it took back
        with demo_db.read() as session:
            rated, undone = session.scalars(
                select(Event)
                .where(Event.claim_id == offices, Event.action == "outcome")
                .order_by(Event.id.desc())
                .limit(2)
            ).all()[::-1]
        assert (rated.new, undone.new, undone.undoes_id) == ("kept", None, rated.id)

    drive(workbench, steps)


def test_outcome_on_a_claim_that_promises_nothing_is_a_notification(
    workbench: ClaimtrackApp, demo_db: Database
) -> None:
    with demo_db.read() as session:
        no_outcome = session.scalars(
            select(Claim.id)
            .where(Claim.kind.not_in(["commitment", "prediction"]))
            .order_by(Claim.id)
            .limit(1)
        ).one()

    async def steps(pilot: Pilot[None]) -> None:
        await open_claim(pilot, no_outcome)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ClaimScreen)
        assert "outcomes rate commitments and predictions" in messages(pilot)

    drive(workbench, steps)


def test_complete_lets_the_reviewer_choose_which_followup(
    workbench: ClaimtrackApp, demo_db: Database
) -> None:
    interceptors = claim_id(demo_db, INTERCEPTORS)
    with demo_db.transaction() as session:
        service.add_followup(session, "demo", interceptors, "Ask the ministry", dt.date(2026, 1, 9))

    async def steps(pilot: Pilot[None]) -> None:
        await open_claim(pilot, interceptors)
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("down", "enter")  # the second open one, not the earliest
        await settle(pilot)
        assert open_followups(demo_db, interceptors) == [
            ("Check December output figures", dt.date(2025, 12, 15))
        ]

    drive(workbench, steps)


def test_undo_takes_back_a_note_and_a_followup(workbench: ClaimtrackApp, demo_db: Database) -> None:
    offices = claim_id(demo_db, OFFICES)
    before = open_followups(demo_db, offices)

    def notes() -> list[str]:
        with demo_db.read() as session:
            return list(session.scalars(select(Note.text).where(Note.claim_id == offices)))

    async def steps(pilot: Pilot[None]) -> None:
        await open_claim(pilot, offices)
        await pilot.press("n")  # a multi-line editor: enter is a new line, ctrl+s saves
        await type_text(pilot, "Ask the embassy")
        await pilot.press("enter")
        await type_text(pilot, "and the ministry")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert notes() == ["Ask the embassy\nand the ministry"]
        await pilot.press("f")
        await type_text(pilot, "Check the Berlin office")
        await pilot.press("tab")
        await type_text(pilot, "2026-01-31")
        await pilot.press("enter")
        await settle(pilot)
        assert open_followups(demo_db, offices) == [
            *before,
            ("Check the Berlin office", dt.date(2026, 1, 31)),
        ]

        await pilot.press("u")  # the follow-up, last in
        await settle(pilot)
        assert open_followups(demo_db, offices) == before
        await pilot.press("u")  # then the note
        await settle(pilot)
        assert notes() == []
        with demo_db.read() as session:
            actions = [e.action for e in claim_history(session, offices)]
        assert actions[-4:] == ["note", "followup.add", "followup.remove", "note.remove"]

    drive(workbench, steps)


# ---------------------------------------------------------------- conventions


def test_help_lists_the_claim_screen_and_app_bindings(
    workbench: ClaimtrackApp, demo_db: Database
) -> None:
    async def steps(pilot: Pilot[None]) -> None:
        await open_claim(pilot, claim_id(demo_db, OFFICES))
        await pilot.press("question_mark")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, HelpScreen)
        ids = {binding_id for _, _, binding_id in screen.keys}
        assert {
            "claim.set_outcome",
            "claim.confirm_match",
            "claim.reject_match",
            "claim.complete_followup",
            "app.followups",
            "app.documents",
            "app.undo",
        } <= ids

    drive(workbench, steps)


def test_workbench_screens_render_in_the_light_theme(workbench: ClaimtrackApp) -> None:
    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("ctrl+t", "A")
        await settle(pilot)
        assert pilot.app.theme == LIGHT
        assert agenda_texts(pilot)["today"] == ["Check December output figures"]
        await pilot.press("D", "enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, DocumentScreen)

    drive(workbench, steps)


def test_claim_screen_actions_are_in_the_command_palette(
    workbench: ClaimtrackApp, demo_db: Database
) -> None:
    async def steps(pilot: Pilot[None]) -> None:
        await open_claim(pilot, claim_id(demo_db, OFFICES))
        await pilot.press("ctrl+p")
        await type_text(pilot, "Outcome")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ChoiceScreen)
        assert pilot.app.screen.title_text == "Outcome"

    drive(workbench, steps)
