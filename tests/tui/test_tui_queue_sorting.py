"""Sorting the queue by keys and by its header, and bulk changes over a mark-all."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlalchemy import text as sql_text
from textual.pilot import Pilot
from tui_pilot import drive, type_text
from tui_pilot import settle_search as settle

from claimtrack import service
from claimtrack.db import Database
from claimtrack.models import Claim, Event, FollowUp, Source
from claimtrack.reads import ClaimFilter
from claimtrack.tui.app import ClaimtrackApp
from claimtrack.tui.screens.queue import QueueScreen
from claimtrack.tui.widgets.claim_list import ClaimList
from claimtrack.views import queue as queue_data
from claimtrack.views.queue import SORT_COLUMNS, QueueSort, ordered_ids


def shown(pilot: Pilot[None]) -> list[int]:
    return list(pilot.app.screen.query_one(ClaimList).ids)


def header(pilot: Pilot[None]) -> str:
    claims = pilot.app.screen.query_one(ClaimList)
    return claims.render_line(0).text


def expected_order(database: Database, key: str, descending: bool) -> list[int]:
    """The order worked out in Python from each claim's values (blanks last)."""
    with database.read() as session:
        claims = list(session.scalars(select(Claim).where(Claim.merged_into_id.is_(None))))
        sources = dict(
            session.execute(select(Source.claim_id, func.count()).group_by(Source.claim_id)).all()
        )
        due = dict(
            session.execute(
                select(FollowUp.claim_id, func.min(FollowUp.due))
                .where(FollowUp.done.is_(False))
                .group_by(FollowUp.claim_id)
            ).all()
        )
    values: dict[str, Callable[[Claim], Any]] = {
        "id": lambda c: c.id,
        "score": lambda c: c.score,
        "status": lambda c: c.status,
        "verdict": lambda c: c.verdict,
        "kind": lambda c: c.kind,
        "speaker": lambda c: c.speaker,
        "text": lambda c: c.normalized,
        "sources": lambda c: sources.get(c.id, 0),
        "next_due": lambda c: due.get(c.id),
    }
    value = values[key]
    # Ties go by id the same way as the column, but best-score ties stay oldest first.
    ties_down = descending if SORT_COLUMNS[key].id_follows else not descending
    present = sorted(
        (c for c in claims if value(c) is not None), key=lambda c: c.id, reverse=ties_down
    )
    present.sort(key=value, reverse=descending)  # a stable sort keeps the ties' order
    blank = sorted((c.id for c in claims if value(c) is None), reverse=ties_down)
    return [c.id for c in present] + blank  # blanks last, either way


@pytest.mark.parametrize("key", list(SORT_COLUMNS))
def test_every_sort_orders_the_ids_as_the_values_say(demo_db: Database, key: str) -> None:
    for descending in (True, False):
        with demo_db.engine.connect() as connection:
            ids = ordered_ids(connection, ClaimFilter(), QueueSort(key, descending))
        assert ids is not None
        assert list(ids) == expected_order(demo_db, key, descending), (key, descending)


def test_s_sorts_by_a_chosen_column_and_S_reverses_it(
    app: ClaimtrackApp, demo_db: Database
) -> None:
    async def steps(pilot: Pilot[None]) -> None:
        assert "score ▼" in header(pilot)
        assert shown(pilot) == expected_order(demo_db, "score", True)
        # s opens the column picker; "speaker" is the fifth column
        await pilot.press("s", "down", "down", "down", "down", "enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, QueueScreen)
        assert shown(pilot) == expected_order(demo_db, "speaker", False)
        assert "speaker ▲" in header(pilot) and "score ▼" not in header(pilot)
        assert "sort=speaker ▲" in str(pilot.app.screen.query_one("#status-bar").render())
        await pilot.press("S")
        await settle(pilot)
        assert shown(pilot) == expected_order(demo_db, "speaker", True)
        assert "speaker ▼" in header(pilot)

    drive(app, steps)


def test_clicking_a_column_title_sorts_by_it_and_again_flips_it(
    app: ClaimtrackApp, demo_db: Database
) -> None:
    async def steps(pilot: Pilot[None]) -> None:
        claims = pilot.app.screen.query_one(ClaimList)
        x = next(x for x in range(claims.size.width) if claims.column_at(x) == "sources")
        offset = (x + claims.gutter.left, 0)
        await pilot.click(ClaimList, offset=offset)
        await settle(pilot)
        assert shown(pilot) == expected_order(demo_db, "sources", True)
        assert "src ▼" in header(pilot)
        await pilot.click(ClaimList, offset=offset)
        await settle(pilot)
        assert shown(pilot) == expected_order(demo_db, "sources", False)

    drive(app, steps)


def test_the_cursor_stays_on_its_claim_when_the_sort_changes(app: ClaimtrackApp) -> None:
    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("j", "j", "j")
        claims = pilot.app.screen.query_one(ClaimList)
        chosen = claims.current_id
        await pilot.press("S")
        await settle(pilot)
        assert claims.current_id == chosen

    drive(app, steps)


def test_mark_all_then_bulk_tag_changes_every_claim_of_the_filter_but_the_unmarked(
    app: ClaimtrackApp, demo_db: Database
) -> None:
    with demo_db.read() as session:
        new_ids = set(
            session.scalars(
                select(Claim.id).where(Claim.status == "new", Claim.merged_into_id.is_(None))
            )
        )
        events_before = session.scalar(select(func.count(Event.id)))
        total = session.scalar(select(func.count(Claim.id)).where(Claim.merged_into_id.is_(None)))

    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("F")
        await type_text(pilot, "status=new")
        await pilot.press("enter")
        await settle(pilot)
        claims = pilot.app.screen.query_one(ClaimList)
        first = claims.current_id
        await pilot.press("V", "space")  # mark all, then unmark the first row
        bar = str(pilot.app.screen.query_one("#status-bar").render())
        assert bar == f"{len(new_ids)} of {total} · status=new · {len(new_ids) - 1} marked"
        assert claims.marked == set() and claims.all_marked  # no set of every id
        await pilot.press("plus")
        await type_text(pilot, "week-47")
        await pilot.press("enter")
        await settle(pilot)
        # the confirmation counts the filter less the unmarked row
        question = str(pilot.app.screen.query_one(".dialog-title").render())
        assert question == f"Tag {len(new_ids) - 1} claims week-47?"
        await pilot.press("y")
        await settle(pilot)
        with demo_db.read() as session:
            tagged = {
                c.id
                for c in session.scalars(select(Claim))
                if "week-47" in {t.name for t in c.tags}
            }
            events_after = session.scalar(select(func.count(Event.id)))
        assert tagged == new_ids - {first}
        assert events_after - events_before == len(tagged)
        assert str(pilot.app.screen.query_one("#status-bar").render()).endswith("0 marked")
        # `u` takes the bulk change back as a whole: one untag per tagged claim,
        # each undoing its own tag event.
        [step] = pilot.app.undo_steps
        assert step.event_id is not None
        await pilot.press("u")
        await settle(pilot)
        with demo_db.read() as session:
            untagged = session.scalars(select(Event).where(Event.id > events_before)).all()
            still = {
                c.id
                for c in session.scalars(select(Claim))
                if "week-47" in {t.name for t in c.tags}
            }
        assert still == set()
        undo_events = [e for e in untagged if e.undoes_id is not None]
        assert {e.claim_id for e in undo_events} == tagged
        assert {e.action for e in undo_events} == {"untag"}
        assert pilot.app.undo_steps == []

    drive(app, steps)


def test_a_new_filter_clears_a_mark_all(app: ClaimtrackApp) -> None:
    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("V")
        await pilot.press("F")
        await type_text(pilot, "status=new")
        await pilot.press("enter")
        await settle(pilot)
        claims = pilot.app.screen.query_one(ClaimList)
        assert not claims.all_marked and claims.mark_count == 0

    drive(app, steps)


@pytest.mark.parametrize("key", ["score", "verdict", "speaker", "sources", "next_due"])
def test_sorts_put_blanks_last_on_every_database(database: Database, key: str) -> None:
    # SQLite and PostgreSQL put NULLs at opposite ends; the queue must not.
    with database.transaction() as session:
        ids = [
            service.add_claim(
                session,
                "demo",
                f"Claim number {n}",
                score=0.5 if n % 2 else 0.25 * (n % 4),
                speaker="Ann Lee" if n % 3 == 0 else None,
            ).id
            for n in range(8)
        ]
        service.add_source(session, "demo", ids[1], "https://example.org/a")
        service.add_source(session, "demo", ids[1], "https://example.org/b")
        service.add_source(session, "demo", ids[4], "https://example.org/c")
        service.set_verdict(session, "demo", ids[2], "unverifiable")
        service.add_followup(session, "demo", ids[5], "Look again", dt.date(2030, 1, 1))
        service.merge_claims(session, "demo", ids[0], ids[7])
    for descending in (True, False):
        with database.engine.connect() as connection:
            found = ordered_ids(connection, ClaimFilter(), QueueSort(key, descending))
        assert found is not None
        assert list(found) == expected_order(database, key, descending), descending


def test_a_search_of_many_matches_walks_the_sort_index_to_the_same_first_page(
    demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    with demo_db.read() as session:
        statuses = set(session.scalars(select(Claim.status)))
    wheres = [ClaimFilter(search="drones")] + [
        ClaimFilter(search="drones", status=status) for status in sorted(statuses)
    ]
    sent: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        sent.append(statement)

    event.listen(demo_db.engine, "before_cursor_execute", record)
    for where in wheres:
        with demo_db.engine.connect() as connection:
            planned = ordered_ids(connection, where, QueueSort(), limit=3)
            assert not any("INDEXED BY" in statement for statement in sent)
            monkeypatch.setattr(queue_data, "MANY_MATCHES", 0)
            index = queue_data._walk_index(connection, where, QueueSort())
            assert index is not None
            walked = ordered_ids(connection, where, QueueSort(), limit=3)
            monkeypatch.undo()
        # The hint reached SQLite as SQL it runs (db.py's compiler renders it).
        assert any(f"FROM claims INDEXED BY {index}" in statement for statement in sent)
        sent.clear()
        assert planned is not None and walked is not None
        assert list(walked) == list(planned)
    event.remove(demo_db.engine, "before_cursor_execute", record)
    assert any(len(ordered_ids_of(demo_db, where)) for where in wheres[1:])


def ordered_ids_of(database: Database, where: ClaimFilter) -> list[int]:
    with database.engine.connect() as connection:
        return list(ordered_ids(connection, where, QueueSort()) or [])


def query_plan(database: Database, statement: str, parameters: Any) -> str:
    """SQLite's plan for a statement the queue sent, as one line."""
    with database.engine.connect() as connection:
        rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
        return "; ".join(str(row[-1]) for row in rows)


def test_without_statistics_each_sort_walks_its_index_to_the_same_order(
    demo_db: Database,
) -> None:
    # A database an older claimtrack built has no statistics (imports now ANALYZE):
    # SQLite would read every live claim and sort them all for the first page of any sort
    with demo_db.engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE IF EXISTS sqlite_stat1")
    with demo_db.read() as session:
        stats = "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'"
        assert session.execute(sql_text(stats)).scalar() == 0
        statuses = sorted(set(session.scalars(select(Claim.status))))
    sent: list[tuple[str, Any]] = []

    def record(_conn: object, _cursor: object, statement: str, parameters: Any, *_: object) -> None:
        sent.append((statement, parameters))

    cases = [(ClaimFilter(), key) for key in queue_data.FIRST_PAGE_INDEXES]
    cases += [(ClaimFilter(status=s), key) for s in statuses for key in queue_data.STATUS_INDEXES]
    event.listen(demo_db.engine, "before_cursor_execute", record)
    try:
        for where, key in cases:
            for descending in (True, False):
                sort = QueueSort(key, descending)
                with demo_db.engine.connect() as connection:
                    first = ordered_ids(connection, where, sort, limit=3)
                    firsts = len(sent)
                    full = ordered_ids(connection, where, sort)
                assert first is not None and full is not None
                assert list(first) == list(full)[:3], (where, sort)
                # every first page walks an index; a whole list only a partial index of
                # live claims (it needs no table lookup)
                walks = [s for s in sent[:firsts] if s[0].startswith("SELECT claims.id")]
                if where.status or key in queue_data.SORT_INDEXES:
                    walks += [s for s in sent[firsts:] if s[0].startswith("SELECT claims.id")]
                assert walks and all("FROM claims INDEXED BY" in s for s, _ in walks)
                for statement, parameters in walks:
                    planned = query_plan(demo_db, statement, parameters)
                    # the index gives the order: no sort of every claim (ties of the
                    # score's other direction are sorted within the index's walk)
                    assert "USE TEMP B-TREE FOR ORDER BY" not in planned, (where, sort, planned)
                sent.clear()
    finally:
        event.remove(demo_db.engine, "before_cursor_execute", record)


def test_rows_and_the_next_due_order_read_each_claims_own_followups(demo_db: Database) -> None:
    # without statistics SQLite would scan every open follow-up for each claim
    sent: list[tuple[str, Any]] = []

    def record(_conn: object, _cursor: object, statement: str, parameters: Any, *_: object) -> None:
        sent.append((statement, parameters))

    event.listen(demo_db.engine, "before_cursor_execute", record)
    try:
        with demo_db.engine.connect() as connection:
            ids = ordered_ids(connection, ClaimFilter(), QueueSort("next_due", False))
        assert ids is not None
        queue_data.fetch_rows(demo_db, ids[:10])
    finally:
        event.remove(demo_db.engine, "before_cursor_execute", record)
    plans = {s: query_plan(demo_db, s, p) for s, p in sent if s.startswith("SELECT")}
    [rows] = [plan for statement, plan in plans.items() if "claims.text" in statement]
    assert "SEARCH followups USING INDEX ix_followups_claim_id (claim_id=?)" in rows
    unscheduled = [plan for statement, plan in plans.items() if "NOT IN" in statement]
    assert unscheduled and not any("CORRELATED" in plan for plan in unscheduled)
