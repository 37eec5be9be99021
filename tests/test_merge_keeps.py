"""Confirming a match keeps the better speaker and text, or the reviewer's choice; no twin follow-ups."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from claimtrack import queries, service
from claimtrack.cli import cli
from claimtrack.models import Claim, SuggestedMatch

NAMED = "Zelensky said Ukraine will produce 800 interceptor drones a day by the end of the year."
PRONOUN = "He added that Ukraine will produce 800 interceptor drones a day by year's end."
DUE = dt.date(2025, 12, 31)


def _pair(database, *, survivor_text: str = PRONOUN, merged_text: str = NAMED) -> tuple[int, int]:
    """The survivor (older) with a pronoun and no speaker; the newer one named."""
    with database.transaction() as session:
        survivor = service.add_claim(session, "alice", survivor_text, speaker=None)
        merged = service.add_claim(
            session, "alice", merged_text, speaker="Volodymyr Zelensky", speaker_type="person"
        )
        for claim in (survivor, merged):
            service.add_followup(
                session, "alice", claim.id, f"Check: drones produced (deadline {DUE})", DUE
            )
        service.add_followup(session, "alice", merged.id, "Ask the ministry", dt.date(2026, 1, 5))
        session.add(SuggestedMatch(claim_id=survivor.id, candidate_id=merged.id, similarity=90))
        return survivor.id, merged.id


def _match_id(database) -> int:
    with database.read() as session:
        return session.scalar(select(SuggestedMatch.id))


def test_confirming_keeps_the_named_speaker_and_the_text_without_a_pronoun(database) -> None:
    survivor_id, _ = _pair(database)
    with database.transaction() as session:
        service.decide_match(session, "bob", _match_id(database), confirm=True)
    with database.read() as session:
        claim = session.get(Claim, survivor_id)
        assert (claim.text, claim.speaker, claim.speaker_type) == (
            NAMED,
            "Volodymyr Zelensky",
            "person",
        )
        # one deadline follow-up, not two; the other follow-up moved over
        assert sorted((f.due, f.text) for f in claim.followups) == [
            (DUE, f"Check: drones produced (deadline {DUE})"),
            (dt.date(2026, 1, 5), "Ask the ministry"),
        ]
        actions = [e.action for e in queries.claim_history(session, survivor_id)]
        assert actions[-2:] == ["merge", "edit"]
        merge = next(e for e in queries.claim_history(session, survivor_id) if e.action == "merge")
        assert [f["due"] for f in merge.new["dropped_followups"]] == [DUE.isoformat()]


def test_the_reviewer_can_keep_the_survivors_text_and_speaker(database) -> None:
    survivor_id, _ = _pair(database)
    with database.transaction() as session:
        service.decide_match(
            session,
            "bob",
            _match_id(database),
            confirm=True,
            keep_text="survivor",
            keep_speaker="survivor",
        )
    with database.read() as session:
        claim = session.get(Claim, survivor_id)
        assert (claim.text, claim.speaker) == (PRONOUN, None)


def test_a_better_survivor_keeps_its_own_wording(database) -> None:
    survivor_id, _ = _pair(database, survivor_text=NAMED, merged_text=PRONOUN)
    with database.transaction() as session:
        service.decide_match(
            session, "bob", _match_id(database), confirm=True, keep_speaker="survivor"
        )
    with database.read() as session:
        claim = session.get(Claim, survivor_id)
        assert (claim.text, claim.speaker) == (NAMED, None)


def test_claims_match_takes_the_keep_options(tmp_path) -> None:
    db = tmp_path / "m.db"
    invoke = lambda *args: CliRunner().invoke(cli, ["--db", str(db), "--user", "bob", *args])  # noqa: E731
    assert invoke("db", "upgrade").exit_code == 0
    assert invoke("claims", "add", PRONOUN, "--speaker", "").exit_code == 0
    from claimtrack.db import open_database

    database = open_database(f"sqlite:///{db}")
    try:
        with database.transaction() as session:
            other = service.add_claim(session, "alice", NAMED, speaker="Volodymyr Zelensky")
            session.add(SuggestedMatch(claim_id=1, candidate_id=other.id, similarity=90))
    finally:
        database.dispose()
    bad = invoke("claims", "match", "1", "confirm", "--keep-text", "longest")
    assert bad.exit_code == 2 and "survivor" in bad.stderr
    done = invoke("claims", "match", "1", "confirm", "--keep-text", "survivor")
    assert done.exit_code == 0, done.output
    shown = invoke("claims", "show", "1").stdout
    assert "He added that" in shown and "Volodymyr Zelensky" in shown


@pytest.mark.parametrize("choice", ["best", ""])
def test_an_unknown_keep_choice_is_refused(database, choice: str) -> None:
    _pair(database)
    from claimtrack.errors import InvalidInput

    with database.transaction() as session, pytest.raises(InvalidInput):
        service.decide_match(session, "bob", _match_id(database), confirm=True, keep_text=choice)
