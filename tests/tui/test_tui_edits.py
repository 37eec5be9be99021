"""Editing what the workbench shows: the claim, its verdict and summary, sources, the trash,
a document's date, the columns at 80 columns, the remembered theme, and no needless reloads."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select
from textual.pilot import Pilot
from tui_pilot import drive, settle, type_text
from workbench_setup import INTERCEPTORS, OFFICES, add_near_duplicate, claim_id, open_claim

from claimtrack import service
from claimtrack.db import Database
from claimtrack.models import Claim, Document, Source
from claimtrack.tui.app import DARK, LIGHT, ClaimtrackApp
from claimtrack.tui.editor import edit_in_editor
from claimtrack.tui.preferences import load_theme
from claimtrack.tui.screens.claim import ClaimScreen
from claimtrack.tui.screens.confirm import ConfirmScreen
from claimtrack.tui.screens.queue import QueueScreen
from claimtrack.tui.screens.verdict_form import VerdictForm
from claimtrack.tui.widgets.claim_list import COLUMNS, MIN_TEXT_WIDTH, ClaimList, column_widths


def stored(database: Database, claim: int) -> Claim:
    with database.read() as session:
        found = session.get(Claim, claim)
        assert found is not None
        return found


def test_the_claim_column_keeps_30_characters_at_80_columns_and_every_column_at_160() -> None:
    narrow = column_widths(78)  # 80 columns less the list's padding
    text = [c.title for c in COLUMNS].index("claim")
    assert narrow[text] >= MIN_TEXT_WIDTH
    assert sum(w + 1 for w in narrow if w) <= 78
    shown = [c.title for c, w in zip(COLUMNS, narrow, strict=True) if w]
    assert shown[:3] == ["", "id", "score"] and "status" in shown
    wide = column_widths(158)
    assert all(wide) and sum(w + 1 for w in wide) <= 158


def test_the_queue_shows_the_id_column_and_the_header_names_database_and_user(
    app: ClaimtrackApp, demo_db: Database
) -> None:
    async def steps(pilot: Pilot[None]) -> None:
        claims = pilot.app.screen.query_one(ClaimList)
        header = str(pilot.app.screen.query_one(".workbench-header").render())
        assert Path(demo_db.url.removeprefix("sqlite:///")).name in header
        assert "user alice" in header
        first_row = claims.render_line(1).text
        assert str(claims.ids[0]) in first_row.split()

    drive(app, steps)


def test_edit_a_claims_text_speaker_and_kind_through_the_service(
    app: ClaimtrackApp, demo_db: Database
) -> None:
    target = claim_id(demo_db, OFFICES)

    async def steps(pilot: Pilot[None]) -> None:
        await open_claim(pilot, target)
        await pilot.press("e")
        await pilot.pause()
        form = pilot.app.screen
        form.query_one("#claim-form-text").load_text("Ukraine will open offices in Berlin.")
        form.query_one("#claim-form-speaker").value = "Volodymyr Zelensky"
        form.query_one("#claim-form-speaker-type").value = "person"
        form.query_one("#claim-form-kind").value = "commitment"
        await pilot.press("ctrl+s")
        await settle(pilot)
        claim = stored(demo_db, target)
        assert claim.text == "Ukraine will open offices in Berlin."
        assert (claim.speaker, claim.speaker_type, claim.kind) == (
            "Volodymyr Zelensky",
            "person",
            "commitment",
        )
        # one undo takes the whole edit back
        await pilot.press("u")
        await settle(pilot)
        assert stored(demo_db, target).text.startswith(OFFICES)

    drive(app, steps)


def test_the_verdict_form_prefills_the_summary_only_for_the_same_verdict(
    app: ClaimtrackApp, demo_db: Database
) -> None:
    target = claim_id(demo_db, INTERCEPTORS)
    with demo_db.transaction() as session:
        service.update_claim(session, "demo", target, summary="Output is 600-800 a day.")

    async def steps(pilot: Pilot[None]) -> None:
        await open_claim(pilot, target)
        await pilot.press("v")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, VerdictForm)
        summary = form.query_one("#verdict-summary")
        assert summary.text == "Output is 600-800 a day."  # the same verdict: prefilled
        form.query_one("#verdict-value").value = "false"
        await pilot.pause()
        assert summary.text == ""  # another verdict: the old rationale does not follow it
        form.query_one("#verdict-value").value = "half_true"
        await pilot.pause()
        assert summary.text == "Output is 600-800 a day."
        form.query_one("#verdict-value").value = "mostly_false"
        await pilot.pause()
        summary.load_text("Ministry figures say 400.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        claim = stored(demo_db, target)
        assert (claim.verdict, claim.verdict_summary) == (
            "mostly_false",
            "Ministry figures say 400.",
        )

    drive(app, steps)


def test_edit_and_remove_a_source(app: ClaimtrackApp, demo_db: Database) -> None:
    target = claim_id(demo_db, INTERCEPTORS)

    def urls() -> list[str]:
        with demo_db.read() as session:
            return list(session.scalars(select(Source.url).where(Source.claim_id == target)))

    async def steps(pilot: Pilot[None]) -> None:
        await open_claim(pilot, target)
        before = urls()
        assert before
        screen = pilot.app.screen
        assert isinstance(screen, ClaimScreen) and screen.view is not None
        await pilot.press("E")
        await pilot.pause()
        if len(before) > 1:
            await pilot.press("enter")
            await pilot.pause()
        form = pilot.app.screen
        form.query_one("#source-url").value = "https://example.org/corrected"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "https://example.org/corrected" in urls()
        await pilot.press("u")
        await settle(pilot)
        assert sorted(urls()) == sorted(before)

        await pilot.press("X")
        await pilot.pause()
        if len(before) > 1:
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert len(urls()) == len(before) - 1

    drive(app, steps)


def test_deleting_a_claim_asks_first_and_u_restores_it(
    app: ClaimtrackApp, demo_db: Database
) -> None:
    target = claim_id(demo_db, OFFICES)

    async def steps(pilot: Pilot[None]) -> None:
        await open_claim(pilot, target)
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await pilot.press("n")  # the safe answer: nothing happens
        await settle(pilot)
        assert stored(demo_db, target).deleted_at is None
        await pilot.press("delete", "y")
        await settle(pilot)
        assert stored(demo_db, target).deleted_at is not None
        assert isinstance(pilot.app.screen, QueueScreen)
        assert target not in list(pilot.app.screen.query_one(ClaimList).ids)
        await pilot.press("u")
        await settle(pilot)
        assert stored(demo_db, target).deleted_at is None

    drive(app, steps)


def test_copy_the_claims_text_and_id(app: ClaimtrackApp, demo_db: Database) -> None:
    target = claim_id(demo_db, OFFICES)

    async def steps(pilot: Pilot[None]) -> None:
        await open_claim(pilot, target)
        await pilot.press("Y")
        assert pilot.app.clipboard == str(target)
        await pilot.press("y")
        assert pilot.app.clipboard.startswith(OFFICES)

    drive(app, steps)


def test_open_a_source_url_in_the_browser(
    app: ClaimtrackApp, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = claim_id(demo_db, INTERCEPTORS)
    opened: list[str] = []
    monkeypatch.setattr(ClaimtrackApp, "open_url", lambda self, url, **_: opened.append(url))

    async def steps(pilot: Pilot[None]) -> None:
        await open_claim(pilot, target)
        await pilot.press("b")
        await pilot.pause()
        if not opened:
            await pilot.press("enter")  # several sources: the first one
            await pilot.pause()
        assert opened and opened[0].startswith("https://")

    drive(app, steps)


def test_the_documents_screen_sets_a_publication_date(
    app: ClaimtrackApp, demo_db: Database
) -> None:
    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("D")
        await settle(pilot)
        screen = pilot.app.screen
        document = screen._current_document()
        assert document is not None
        await pilot.press("p")
        await type_text(pilot, "2025-11-20")
        await pilot.press("enter")
        await settle(pilot)
        with demo_db.read() as session:
            assert session.get(Document, document).published == dt.date(2025, 11, 20)

    drive(app, steps)


def test_a_multi_line_text_goes_to_the_editor_and_comes_back(
    app: ClaimtrackApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDITOR", "my-editor --wait")
    calls: list[list[str]] = []

    def run(argv: list[str]) -> int:
        calls.append(argv)
        Path(argv[-1]).write_text("first line\nsecond line\n", encoding="utf-8")
        return 0

    async def steps(pilot: Pilot[None]) -> None:
        # headless, the terminal cannot be handed over: a notice, the text unchanged
        assert edit_in_editor(pilot.app, "draft") is None
        monkeypatch.setattr(type(pilot.app), "suspend", _no_suspend)
        assert edit_in_editor(pilot.app, "draft", run=run) == "first line\nsecond line"
        assert calls[0][:2] == ["my-editor", "--wait"]
        assert not Path(calls[0][-1]).exists()  # the temporary file is gone

    drive(app, steps)


def _no_suspend(self: object) -> object:
    from contextlib import nullcontext

    return nullcontext()


def test_the_theme_choice_is_remembered(demo_db: Database, _preferences_in_tmp: Path) -> None:
    async def toggle(pilot: Pilot[None]) -> None:
        assert pilot.app.theme == DARK
        await pilot.press("ctrl+t")
        await pilot.pause()

    drive(ClaimtrackApp(demo_db, "alice"), toggle)
    assert load_theme(_preferences_in_tmp / "workbench.toml") == LIGHT

    async def check(pilot: Pilot[None]) -> None:
        assert pilot.app.theme == LIGHT

    drive(ClaimtrackApp(demo_db, "alice"), check)


def test_closing_a_dialog_with_nothing_written_does_not_reload_the_queue(
    app: ClaimtrackApp, demo_db: Database
) -> None:
    async def steps(pilot: Pilot[None]) -> None:
        screen = pilot.app.screen
        assert isinstance(screen, QueueScreen)
        kept = screen.snapshot
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("escape")
        await settle(pilot)
        assert screen.snapshot is kept  # the same id list: no reload
        # a write elsewhere (another program) is seen on the next return
        with demo_db.transaction() as session:
            service.add_note(session, "bob", claim_id(demo_db, OFFICES), "seen")
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("escape")
        await settle(pilot)
        assert screen.snapshot is not kept

    drive(app, steps)


def test_confirming_a_match_keeps_the_wording_the_reviewer_chose(
    app: ClaimtrackApp, demo_db: Database
) -> None:
    older, newer = add_near_duplicate(demo_db)
    newer_text = stored(demo_db, newer).text

    async def steps(pilot: Pilot[None]) -> None:
        await open_claim(pilot, newer)
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("down", "space")  # the wording of the newer, merged claim
        await pilot.press("ctrl+s")
        await settle(pilot)
        survivor = stored(demo_db, older)
        assert stored(demo_db, newer).merged_into_id == older
        assert survivor.text == newer_text

    drive(app, steps)
