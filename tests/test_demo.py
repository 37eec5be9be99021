"""The demo database built from seeds/."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from claimtrack import queries, reads
from claimtrack.demo import build_demo
from claimtrack.errors import InvalidInput
from claimtrack.models import Claim, FollowUp, Source


@pytest.fixture(scope="module")
def demo(tmp_path_factory, demo_copy):
    # the session's demo build (see tests/conftest.py), read through a copy of its own
    database = demo_copy(tmp_path_factory.mktemp("demo") / "demo.db")
    yield database
    database.dispose()


def test_the_demo_has_claims_in_at_least_four_statuses(demo):
    with demo.read() as s:
        statuses = set(s.scalars(select(Claim.status)))
    assert len(statuses) >= 4, statuses


def test_the_demo_has_sources_and_followups(demo):
    with demo.read() as s:
        assert s.scalar(select(func.count(Source.id))) > 0
        assert s.scalar(select(func.count(FollowUp.id))) > 0


def test_the_demo_history_reads_like_reviewers_work(demo):
    # every demo claim's status was reached step by step, each step audited
    with demo.read() as s:
        for claim in queries.list_claims(s, reads.ClaimFilter(), limit=None):
            steps = [e for e in queries.claim_history(s, claim.id) if e.action == "status"]
            if claim.status != "new":
                assert steps and steps[-1].new == claim.status


def test_building_the_demo_over_an_existing_file_is_refused(tmp_path):
    # given a file already at the path
    path = tmp_path / "demo.db"
    path.write_bytes(b"not yours to overwrite")
    # when the demo is built there
    with pytest.raises(InvalidInput, match="already exists"):
        build_demo(path)
    # then the file is untouched
    assert path.read_bytes() == b"not yours to overwrite"
