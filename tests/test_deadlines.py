"""Deadline follow-ups worded from the claim, one per deadline; a document's date set late."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import select

from claimtrack import queries, service
from claimtrack.checks import _BEFORE_DEADLINE, _without_deadline, deadline_check, participle
from claimtrack.errors import NotFound
from claimtrack.importers.documents import import_text
from claimtrack.models import Claim, Event

UNDATED = (
    "Plans\n\n"
    "The company will open offices in Berlin and Copenhagen by the end of the year, "
    "its chief executive said."
)
TWO_DEADLINES = (
    "Plans\n\n"
    "The minister said the ban will take effect by March 2026 and the plant will close by 2030."
)


@pytest.mark.parametrize(
    ("claim", "phrase", "expected"),
    [
        (
            "The company will open offices in Berlin and Copenhagen by the end of the year, "
            "its chief executive said.",
            "the end of the year",
            "Check: offices in Berlin and Copenhagen opened (deadline 2025-12-31)",
        ),
        (
            "Ukraine plans to produce 600–800 interceptor drones per day by the end of 2025.",
            "the end of 2025",
            "Check: 600–800 interceptor drones per day produced (deadline 2025-12-31)",
        ),
        (
            "The government pledged to build 300,000 homes a year by 2030.",
            "2030",
            "Check: 300,000 homes a year built (deadline 2025-12-31)",
        ),
        # No object to put first: the claim's own words, less the deadline and the attribution.
        (
            "Inflation will fall to 2% by next summer, the central bank said.",
            "next summer",
            "Check: Inflation will fall to 2% (deadline 2025-12-31)",
        ),
    ],
)
def test_a_deadline_check_says_what_to_check(claim: str, phrase: str, expected: str) -> None:
    assert deadline_check(claim, phrase, dt.date(2025, 12, 31)) == expected


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Offices will open in Berlin by the end of the year.", "the end of the year"),
        ("Offices will open, by The End Of The Year, in Berlin.", "the end of the year"),
        ("It opens in 2027 and again in 2027.", "2027"),
        ("It opens no later  than March 2026.", "March 2026"),
        ("The plan (by 2030) is set.", "(by 2030)"),
        ("Nothing to take out here.", "by 2030"),
        ("Ships by spring.", "SPRING"),
        ("The ſpring launch is due in spring.", "spring"),  # a long s: searched as before
        ("Kiyiv opens by year\u2019s end.", "year\u2019s end"),  # a phrase beyond ASCII
    ],
)
def test_a_deadline_phrase_is_taken_out_as_a_pattern_of_its_own_takes_it(
    text: str, phrase: str
) -> None:
    # the one compiled search does what a pattern compiled for each phrase did
    alone = re.compile(_BEFORE_DEADLINE + re.escape(phrase), re.IGNORECASE)
    assert _without_deadline(text, phrase) == alone.sub("", text, count=1)


def test_participles_of_regular_irregular_and_doubling_verbs() -> None:
    assert [participle(v) for v in ("open", "plan", "build", "hire", "supply", "cut")] == [
        "opened",
        "planned",
        "built",
        "hired",
        "supplied",
        "cut",
    ]


def test_a_claim_with_two_deadlines_gets_two_followups_each_worded(database) -> None:
    with database.transaction() as session:
        import_text(session, "alice", TWO_DEADLINES, published=dt.date(2025, 11, 3))
    with database.read() as session:
        followups = sorted(
            (f.due, f.text) for c in session.scalars(select(Claim)) for f in c.followups
        )
    assert followups == [
        (dt.date(2026, 3, 31), "Check: the ban will take effect (deadline 2026-03-31)"),
        (dt.date(2030, 12, 31), "Check: the plant will close (deadline 2030-12-31)"),
    ]


def test_importing_again_adds_no_second_followup(database) -> None:
    with database.transaction() as session:
        import_text(session, "alice", TWO_DEADLINES, published=dt.date(2025, 11, 3))
    with database.transaction() as session:
        [claim] = session.scalars(select(Claim)).all()
        assert service.add_deadline_followups(session, "alice", claim) == 0
        assert len(claim.followups) == 2


def test_setting_a_document_date_resolves_its_deadlines_and_adds_the_followups(database) -> None:
    # given an article imported without a date: its deadline unresolved, no follow-up
    with database.transaction() as session:
        import_text(session, "alice", UNDATED)
    with database.read() as session:
        [claim] = session.scalars(select(Claim)).all()
        assert (claim.deadline, claim.followups) == (None, [])
        document_id = claim.appearances[0].document_id
    # when its date is set
    with database.transaction() as session:
        redated = service.set_document_published(session, "bob", document_id, dt.date(2025, 11, 3))
    # then the deadline resolves and its follow-up is made, all audited
    assert (redated.old, redated.claims, redated.followups) == (None, 1, 1)
    with database.read() as session:
        [claim] = session.scalars(select(Claim)).all()
        assert claim.deadline == dt.date(2025, 12, 31)
        assert [f.text for f in claim.followups] == [
            "Check: offices in Berlin and Copenhagen opened (deadline 2025-12-31)"
        ]
        actions = [e.action for e in queries.claim_history(session, claim.id)]
        assert actions[-2:] == ["dates", "followup.add"]
        document_events = session.scalars(
            select(Event.action).where(Event.document_id == document_id)
        ).all()
        assert "document.published" in document_events
    # and setting the same date again changes nothing more
    with database.transaction() as session:
        again = service.set_document_published(session, "bob", document_id, dt.date(2025, 11, 3))
    assert (again.claims, again.followups) == (0, 0)


def test_a_trashed_document_cannot_be_dated(database) -> None:
    with database.transaction() as session:
        import_text(session, "alice", UNDATED)
    with database.transaction() as session:
        service.delete_document(session, "bob", 1)
    with database.transaction() as session, pytest.raises(NotFound, match="in the trash"):
        service.set_document_published(session, "bob", 1, dt.date(2025, 11, 3))
