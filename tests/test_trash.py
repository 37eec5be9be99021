"""The trash in the service: delete, restore, empty; what a trashed item leaves."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from claimtrack import queries, reads, service
from claimtrack.errors import Conflict, NotFound, WorkflowError
from claimtrack.importers.documents import import_text
from claimtrack.importers.export import export_jsonl
from claimtrack.models import Document, Event, Source
from claimtrack.views.agenda import load_agenda

ARTICLE = (
    "Drone plans\n\n"
    "Ukraine will produce 600–800 interceptor drones per day by the end of the year, "
    "the minister said.\n\n"
    "The ministry said exports rose 12% in 2024."
)
OTHER = "Other news\n\nThe mayor promised to plant 2 million trees by 2030."
PUBLISHED = dt.date(2025, 11, 3)


def _import(database, text: str = ARTICLE) -> int:
    with database.transaction() as session:
        import_text(session, "alice", text, published=PUBLISHED)
        return session.scalar(select(func.max(Document.id)))


def _claim_ids(database, **filters) -> list[int]:
    with database.read() as session:
        return [c.id for c in queries.list_claims(session, reads.ClaimFilter(**filters))]


def _first_claim(database) -> int:
    """The drones claim, the one with a deadline."""
    return _claim_ids(database, search="interceptor")[0]


def test_a_deleted_claim_leaves_lists_search_agenda_and_exports_and_comes_back_whole(database):
    # given a claim with a source, a note and its deadline follow-up
    _import(database)
    claim_id = _first_claim(database)
    with database.transaction() as session:
        service.add_source(session, "alice", claim_id, "https://example.org/a")
        service.add_note(session, "alice", claim_id, "ask the ministry")
        followups = len(service.get_claim(session, claim_id).followups)
    assert followups == 1
    # when it is deleted
    with database.transaction() as session:
        service.delete_claim(session, "bob", claim_id)
    # then it is gone from lists, search, the agenda, due follow-ups and exports
    assert claim_id not in _claim_ids(database)
    assert claim_id not in _claim_ids(database, search="drones")
    with database.read() as session:
        assert load_agenda(session, PUBLISHED).total == 0
        assert queries.due_followups(session, dt.date(2030, 1, 1)) == []
        with pytest.raises(NotFound, match=rf"claim {claim_id} is in the trash"):
            service.get_claim(session, claim_id)
        import io

        out = io.StringIO()
        export_jsonl(session, out)
        texts = [json.loads(line)["text"] for line in out.getvalue().splitlines()]
        assert texts and not any("drones" in text for text in texts)
    # and it cannot be changed while there
    with database.transaction() as session, pytest.raises(NotFound):
        service.set_status(session, "bob", claim_id, "in_progress")
    # when it is restored, everything attached is back
    with database.transaction() as session:
        claim = service.restore_claim(session, "bob", claim_id)
        assert (len(claim.sources), len(claim.notes), len(claim.followups)) == (1, 1, 1)
    assert claim_id in _claim_ids(database, search="drones")
    with database.read() as session:
        actions = [e.action for e in queries.claim_history(session, claim_id)]
        assert actions[-2:] == ["claim.delete", "claim.restore"]


def test_deleting_a_claim_with_a_stale_version_is_a_conflict(database):
    _import(database)
    claim_id = _first_claim(database)
    with database.transaction() as session:
        version = service.get_claim(session, claim_id).version
        service.assign(session, "bob", claim_id, "bob")
    with database.transaction() as session, pytest.raises(Conflict):
        service.delete_claim(session, "alice", claim_id, expected_version=version)
    assert claim_id in _claim_ids(database)


def test_restoring_a_claim_not_in_the_trash_is_refused(database):
    _import(database)
    claim_id = _first_claim(database)
    with database.transaction() as session, pytest.raises(WorkflowError, match="not in the trash"):
        service.restore_claim(session, "alice", claim_id)


def test_a_deleted_document_takes_the_claims_seen_only_there_and_brings_them_back(database):
    # given two articles, one claim of the first also seen in the second
    first = _import(database)
    shared = "Ukraine will produce 600–800 interceptor drones per day by the end of the year"
    second = _import(database, OTHER + "\n\n" + shared + ", the minister said.")
    before = set(_claim_ids(database))
    with database.read() as session:
        in_first = set(_claim_ids(database, document=first))
        in_second = set(_claim_ids(database, document=second))
        assert queries.list_documents(session)[1] == 2
    kept = in_first & in_second
    assert kept and in_first - in_second
    # when the first is deleted
    with database.transaction() as session:
        service.delete_document(session, "bob", first)
    # then the claims seen only there go with it; the shared one stays
    assert set(_claim_ids(database)) == before - (in_first - in_second)
    with database.read() as session:
        rows, total = queries.list_documents(session)
        assert ([r.id for r in rows], total) == ([second], 1)
    # when it is restored, so are they
    with database.transaction() as session:
        service.restore_document(session, "bob", first)
    assert set(_claim_ids(database)) == before
    with database.read() as session:
        actions = session.scalars(
            select(Event.action).where(Event.document_id == first).order_by(Event.id)
        ).all()
        assert actions[-2:] == ["document.delete", "document.restore"]


def test_emptying_the_trash_purges_only_what_lay_there_long_enough(database):
    # given a document (with its claims) and a claim of another document, deleted now
    document_id = _import(database)
    taken = _claim_ids(database, document=document_id)
    other = _import(database, OTHER)
    [lone] = _claim_ids(database, document=other)
    with database.transaction() as session:
        service.add_source(session, "alice", lone, "https://example.org/b")
        service.delete_document(session, "bob", document_id)
        service.delete_claim(session, "bob", lone)
    now = service.utcnow()
    # when the trash is emptied of what is older than 30 days, 10 days on: nothing goes
    with database.transaction() as session:
        emptied = service.empty_trash(
            session, "bob", dt.timedelta(days=30), now=now + dt.timedelta(days=10)
        )
    assert (emptied.documents, emptied.claims) == (0, 0)
    with database.transaction() as session:
        service.restore_claim(session, "bob", lone)
        service.delete_claim(session, "bob", lone)
    # 40 days on: everything goes
    with database.transaction() as session:
        emptied = service.empty_trash(
            session, "bob", dt.timedelta(days=30), now=now + dt.timedelta(days=40)
        )
        assert (emptied.documents, emptied.claims) == (1, len(taken) + 1)
        # then the purged claim's evidence is gone, its audit trail stays
        assert session.scalar(select(func.count(Source.id))) == 0
        assert session.scalar(select(func.count(Event.id)).where(Event.claim_id == lone)) >= 5
    with database.transaction() as session, pytest.raises(NotFound, match="trash emptied"):
        service.restore_claim(session, "bob", lone)
    # and the purged article can be imported afresh
    assert _import(database) not in (document_id, other)
    assert set(_claim_ids(database)).isdisjoint(taken)


def test_undo_of_a_claim_deletion_restores_it(database):
    _import(database)
    claim_id = _first_claim(database)
    with database.transaction() as session:
        service.delete_claim(session, "bob", claim_id)
        deleted = service.last_event_id(session)
    with database.transaction() as session:
        service.undo(session, "bob", deleted)
    assert claim_id in _claim_ids(database)
