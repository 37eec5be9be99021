"""The queue: keys, marks, the status bar, search in a worker, help, theme."""

from __future__ import annotations

from sqlalchemy import func, select
from textual.pilot import Pilot
from tui_pilot import drive, type_text
from tui_pilot import settle_search as settle

from claimtrack.db import Database
from claimtrack.models import Claim, Event
from claimtrack.reads import ClaimFilter
from claimtrack.scale import Status, can_transition
from claimtrack.tui.app import DARK, LIGHT, ClaimtrackApp, load_keymap
from claimtrack.tui.screens.claim import ClaimScreen
from claimtrack.tui.screens.confirm import ConfirmScreen
from claimtrack.tui.screens.help import HelpScreen
from claimtrack.tui.screens.queue import QueueScreen
from claimtrack.tui.widgets.claim_list import ClaimList
from claimtrack.views.queue import RowCache, fetch_rows, load_snapshot


def status_bar(pilot: Pilot[None]) -> str:
    return str(pilot.app.screen.query_one("#status-bar").render())


def ranked_ids(database: Database) -> list[int]:
    with database.read() as session:
        statement = (
            select(Claim.id)
            .where(Claim.merged_into_id.is_(None))
            .order_by(Claim.score.desc(), Claim.id)
        )
        return list(session.scalars(statement))


def test_queue_is_ordered_by_score_and_moves_with_vim_keys(
    app: ClaimtrackApp, demo_db: Database
) -> None:
    expected = ranked_ids(demo_db)

    async def steps(pilot: Pilot[None]) -> None:
        claims = pilot.app.screen.query_one(ClaimList)
        assert list(claims.ids) == expected
        assert claims.current_id == expected[0]
        await pilot.press("j", "j", "down")
        assert claims.current_id == expected[3]
        await pilot.press("k")
        assert claims.current_id == expected[2]
        await pilot.press("G")
        assert claims.current_id == expected[-1]
        await pilot.press("g")
        assert claims.current_id == expected[0]
        await pilot.press("j", "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ClaimScreen)
        assert pilot.app.screen.claim_id == expected[1]

    drive(app, steps)


def test_status_bar_counts_shown_total_and_marked(app: ClaimtrackApp, demo_db: Database) -> None:
    total = len(ranked_ids(demo_db))

    async def steps(pilot: Pilot[None]) -> None:
        assert status_bar(pilot) == f"{total} of {total} · 0 marked"
        await pilot.press("space", "space")
        assert status_bar(pilot) == f"{total} of {total} · 2 marked"
        await pilot.press("V")
        assert status_bar(pilot) == f"{total} of {total} · {total} marked"
        counts = str(pilot.app.screen.query_one("#status-counts").render())
        assert counts.startswith("new ")
        await pilot.press("slash")
        await type_text(pilot, "drones")
        await settle(pilot)
        shown = len(pilot.app.screen.query_one(ClaimList).ids)
        assert 0 < shown < total
        assert status_bar(pilot).startswith(f"{shown} of {total} · search=drones")

    drive(app, steps)


def test_rows_are_fetched_per_page_never_while_read(demo_db: Database) -> None:
    snapshot = load_snapshot(demo_db, ClaimFilter())
    fetched: list[int] = []

    def fetch(ids):  # type: ignore[no-untyped-def]
        fetched.append(len(ids))
        return fetch_rows(demo_db, ids)

    cache = RowCache(fetch, pages=1)
    cache.reset(snapshot.ids)
    # reading a row of a page not loaded touches no database: it asks for the page
    assert cache.row(0) is None
    assert fetched == []
    [number] = cache.take_wanted()
    assert cache.store(cache.generation, number, cache.fetch(cache.page_ids(number)))
    row = cache.row(0)
    assert row is not None and row.id == snapshot.ids[0]
    assert fetched == [len(snapshot.ids[:100])]
    assert cache.row(len(snapshot.ids)) is None
    assert len(cache._pages) == 1
    # a page loaded for an older id list is dropped
    old = cache.generation
    cache.reset(snapshot.ids[:1])
    assert not cache.store(old, 0, {})


def test_help_is_generated_from_bindings(app: ClaimtrackApp) -> None:
    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HelpScreen)
        ids = {key_id for _, _, key_id in pilot.app.screen.keys}
        assert {"app.quit", "app.undo", "queue.search", "queue.mark", "queue.open"} <= ids
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, HelpScreen)

    drive(app, steps)


def test_theme_toggles_between_dark_and_light(app: ClaimtrackApp) -> None:
    async def steps(pilot: Pilot[None]) -> None:
        assert pilot.app.theme == DARK
        await pilot.press("ctrl+t")
        assert pilot.app.theme == LIGHT
        await pilot.press("ctrl+t")
        assert pilot.app.theme == DARK

    drive(app, steps)


def test_q_quits(app: ClaimtrackApp) -> None:
    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("q")
        await pilot.pause()
        assert not pilot.app.is_running

    drive(app, steps)


def test_command_palette_runs_a_bound_action_by_name(app: ClaimtrackApp, demo_db: Database) -> None:
    total = len(ranked_ids(demo_db))

    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "Mark all")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert status_bar(pilot) == f"{total} of {total} · {total} marked"

    drive(app, steps)


def test_colon_jumps_to_a_claim_by_id(app: ClaimtrackApp, demo_db: Database) -> None:
    target = ranked_ids(demo_db)[-1]

    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("colon")
        await type_text(pilot, str(target))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ClaimScreen)
        assert pilot.app.screen.claim_id == target

    drive(app, steps)


def test_unknown_claim_id_is_a_notification_not_a_crash(app: ClaimtrackApp) -> None:
    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("colon")
        await type_text(pilot, "99999")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, ClaimScreen)
        assert any("no claim 99999" in n.message for n in pilot.app._notifications)

    drive(app, steps)


def test_filter_bar_narrows_the_queue(app: ClaimtrackApp, demo_db: Database) -> None:
    with demo_db.read() as session:
        new_ids = list(
            session.scalars(
                select(Claim.id)
                .where(Claim.status == "new", Claim.merged_into_id.is_(None))
                .order_by(Claim.score.desc(), Claim.id)
            )
        )
    total = len(ranked_ids(demo_db))

    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("F")
        await type_text(pilot, "status=new")
        await pilot.press("enter")
        await settle(pilot)
        assert list(pilot.app.screen.query_one(ClaimList).ids) == new_ids
        assert status_bar(pilot) == f"{len(new_ids)} of {total} · status=new · 0 marked"
        await pilot.press("F")
        await type_text(pilot, " bogus")
        await pilot.press("enter")
        await pilot.pause()
        assert any("cannot read 'bogus'" in n.message for n in pilot.app._notifications)

    drive(app, steps)


def test_bulk_tag_marked_claims_in_one_transaction(app: ClaimtrackApp, demo_db: Database) -> None:
    first, second = ranked_ids(demo_db)[:2]

    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("space", "space", "plus")
        await type_text(pilot, "drones-2025")
        await pilot.press("enter", "y")
        await settle(pilot)
        with demo_db.read() as session:
            tagged = {
                claim.id
                for claim in session.scalars(select(Claim))
                if "drones-2025" in {t.name for t in claim.tags}
            }
        assert tagged == {first, second}
        assert status_bar(pilot).endswith("0 marked")

    drive(app, steps)


def test_bulk_dismiss_skips_and_counts_what_the_workflow_forbids(
    app: ClaimtrackApp, demo_db: Database
) -> None:
    # a concluded claim cannot be dismissed: it is skipped and counted, the others change
    with demo_db.read() as session:
        statuses = dict(session.execute(select(Claim.id, Claim.status)).all())
    movable = {i for i, s in statuses.items() if can_transition(Status(s), Status.DISMISSED)}
    already = {i for i, s in statuses.items() if s == "dismissed"}
    refused = set(statuses) - movable - already

    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("V", "d")
        await settle(pilot)
        # the confirmation counts every claim the filter shows
        question = str(pilot.app.screen.query_one(".dialog-title").render())
        assert question == f"Dismiss {len(statuses)} claims?"
        await pilot.press("y")
        await settle(pilot)
        message = list(pilot.app._notifications)[-1].message
        assert message.startswith(f"dismissed: {len(movable)} claims")
        assert f"{len(refused)} skipped" in message
        with demo_db.read() as session:
            after = dict(session.execute(select(Claim.id, Claim.status)).all())
        assert {i for i, s in after.items() if s == "dismissed"} == movable | already
        assert all(after[i] == statuses[i] for i in refused)

    drive(app, steps)


def test_u_takes_a_whole_bulk_dismissal_back_through_the_audit_trail(
    app: ClaimtrackApp, demo_db: Database
) -> None:
    with demo_db.read() as session:
        before = dict(session.execute(select(Claim.id, Claim.status)).all())

    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("V", "d", "y")
        await settle(pilot)
        with demo_db.read() as session:
            dismissed = dict(session.execute(select(Claim.id, Claim.status)).all())
        assert dismissed != before
        await pilot.press("u")
        await settle(pilot)
        assert "undone: dismissed" in list(pilot.app._notifications)[-1].message
        with demo_db.read() as session:
            after = dict(session.execute(select(Claim.id, Claim.status)).all())
            undoing = session.scalars(select(Event).where(Event.undoes_id.is_not(None))).all()
        assert after == before
        changed = {i for i in before if dismissed[i] != before[i]}
        assert {e.claim_id for e in undoing} == changed
        assert {e.actor for e in undoing} == {"alice"}

    drive(app, steps)


def test_keymap_rebinds_by_binding_id(demo_db: Database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "keymap.toml"
    path.write_text('[keys]\n"queue.search" = "ctrl+f"\n', encoding="utf-8")
    app = ClaimtrackApp(demo_db, "alice", keymap=load_keymap(path))

    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("ctrl+f")
        await type_text(pilot, "interceptor")
        await settle(pilot)
        assert len(pilot.app.screen.query_one(ClaimList).ids) == 1

    drive(app, steps)


def test_rows_past_the_first_page_are_read_by_a_worker_never_while_drawing(
    demo_db: Database,
) -> None:
    """Jumping to the end of a 300-claim queue paints its rows; no read ran on the UI thread."""
    import threading

    from sqlalchemy import insert

    with demo_db.transaction() as session:
        session.execute(
            insert(Claim),
            [
                {"text": f"Filler claim {n}", "normalized": f"filler claim {n}", "kind": "other",
                 "score": 0.01, "status": "new"}
                for n in range(300)
            ],
        )  # fmt: skip
    app = ClaimtrackApp(demo_db, "alice")
    threads: list[bool] = []

    async def steps(pilot: Pilot[None]) -> None:
        claims = pilot.app.screen.query_one(ClaimList)
        fetch = claims.rows.fetch

        def watched(ids):  # type: ignore[no-untyped-def]
            threads.append(threading.current_thread() is threading.main_thread())
            return fetch(ids)

        claims.rows.fetch = watched
        await pilot.press("G")
        await settle(pilot)
        last = claims.ids[-1]
        with demo_db.read() as session:
            text = session.get(Claim, last).text  # type: ignore[union-attr]
        shown = "\n".join(str(claims.render_line(y).text) for y in range(1, claims.size.height))
        assert text in shown
        assert threads and not any(threads)  # every page was read off the UI thread

    drive(app, steps)


def test_a_bulk_change_waits_for_a_yes_and_n_changes_nothing(
    app: ClaimtrackApp, demo_db: Database
) -> None:
    with demo_db.read() as session:
        before = dict(session.execute(select(Claim.id, Claim.status)).all())
        events = session.scalar(select(func.count(Event.id)))

    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("space", "space", "space", "d")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ConfirmScreen)
        question = str(pilot.app.screen.query_one(".dialog-title").render())
        assert question == "Dismiss 3 claims?"
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(pilot.app.screen, QueueScreen)
        with demo_db.read() as session:
            assert dict(session.execute(select(Claim.id, Claim.status)).all()) == before
            assert session.scalar(select(func.count(Event.id))) == events
        # the marks stay, so the reviewer can still act on them
        assert pilot.app.screen.query_one(ClaimList).mark_count == 3

    drive(app, steps)
