"""Behaviour of the `claimtrack` command, run in-process through click's CliRunner on SQLite."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from click.testing import CliRunner, Result

from claimtrack.cli import cli
from claimtrack.errors import NotFound

DRONES = "Ukraine plans to produce 600–800 interceptor drones per day"
STABLE_FIELDS = {
    "id",
    "text",
    "kind",
    "score",
    "speaker",
    "status",
    "verdict",
    "verdict_summary",
    "outcome",
    "assignee",
    "tags",
    "sources",
    "next_due",
    "deadline",
    "version",
    "created_at",
    "updated_at",
}


@pytest.fixture
def run(tmp_path, monkeypatch):
    """Run `claimtrack --db <tmp file> ARGS…` as reviewer alice; returns click's Result."""
    monkeypatch.delenv("CLAIMTRACK_DB", raising=False)
    monkeypatch.setenv("CLAIMTRACK_USER", "alice")
    path = tmp_path / "cli.db"
    runner = CliRunner()
    ok(runner.invoke(cli, ["--db", str(path), "db", "upgrade"]))  # only creating commands create

    def invoke(*args: str, db: bool = True) -> Result:
        prefix = ["--db", str(path)] if db else []
        return runner.invoke(cli, [*prefix, *args], catch_exceptions=True)

    return invoke


def ok(result: Result) -> Result:
    assert result.exit_code == 0, (result.output, result.stderr, result.exception)
    return result


def test_the_acceptance_sequence_works_and_history_shows_every_step(run):
    # given a fresh database, when the acceptance sequence runs
    ok(run("claims", "add", DRONES, "--kind", "quantity"))
    ok(run("claims", "set", "1", "--status", "in_progress"))
    ok(run("sources", "add", "1", "https://example.org/report", "--stance", "supports"))
    ok(run("claims", "set", "1", "--verdict", "mostly_true"))
    ok(run("followups", "add", "1", "Check December output figures", "--due", "in 2 weeks"))
    history = ok(run("history", "1"))
    # then the history has one line per step, each with a time and the actor
    lines = history.stdout.strip().splitlines()
    assert len(lines) == 5
    for line in lines:
        assert re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+v\d+\s+alice\s", line), line
    in_two_weeks = (dt.date.today() + dt.timedelta(weeks=2)).isoformat()
    expected = [
        "created:",
        "status: new → in_progress",
        "source added: https://example.org/report (supports)",
        "verdict: — → mostly_true",
        f"due {in_two_weeks}: Check December output figures",
    ]
    for line, fragment in zip(lines, expected, strict=True):
        assert fragment in line


def test_the_actor_can_be_given_with_user_option(run):
    ok(run("claims", "add", DRONES))
    ok(run("--user", "bob", "claims", "set", "1", "--status", "in_progress"))
    events = [json.loads(line) for line in ok(run("history", "1", "--json")).stdout.splitlines()]
    assert [e["actor"] for e in events] == ["alice", "bob"]


def test_claims_list_json_prints_one_object_per_line_with_the_stable_fields(run):
    # given two claims
    ok(run("claims", "add", DRONES, "--kind", "quantity"))
    ok(run("claims", "add", "Germany must become a leader in drone manufacturing"))
    # when listed as JSON
    result = ok(run("claims", "list", "--json"))
    # then each line is one JSON object with exactly the documented fields
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 2
    for record in records:
        assert set(record) == STABLE_FIELDS
    assert {r["text"] for r in records} >= {DRONES}


def test_claims_add_stores_the_quantity_it_reads_in_the_text(run):
    # given a claim added by hand
    ok(run("claims", "add", DRONES, "--kind", "quantity"))
    # when shown as JSON
    record = json.loads(ok(run("claims", "show", "1", "--json")).stdout)
    # then its quantity is the range 600–800 per day
    assert len(record["quantities"]) == 1
    quantity = record["quantities"][0]
    assert (quantity["low"], quantity["high"], quantity["per"]) == (600, 800, "day")


def test_an_unknown_claim_is_one_line_on_stderr_and_exit_1(run):
    ok(run("claims", "add", DRONES))
    result = run("claims", "set", "99", "--status", "in_progress")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == ["Error: no claim 99"]
    assert "Traceback" not in result.output


def test_a_bad_status_is_a_usage_error_naming_the_choices(run):
    ok(run("claims", "add", DRONES))
    result = run("claims", "set", "1", "--status", "finished")
    assert result.exit_code == 2
    last = result.stderr.strip().splitlines()[-1]
    assert "'finished' is not a status; choose from new, in_progress" in last


def test_claims_set_walks_the_workflow_to_the_status_asked_as_a_records_import_does(run):
    # given a new claim, when it is ruled and concluded in one command
    ok(run("claims", "add", DRONES))
    ok(run("claims", "set", "1", "--status", "concluded", "--verdict", "unverifiable"))
    # then it walked new → in_progress → needs_review → concluded, each step audited
    trail = [json.loads(line) for line in ok(run("history", "1", "--json")).stdout.splitlines()]
    assert [(e["action"], e["old"], e["new"]) for e in trail[1:]] == [
        ("status", "new", "in_progress"),
        (
            "verdict",
            {"verdict": None, "verdict_summary": None},
            {"verdict": "unverifiable", "verdict_summary": None},
        ),
        ("status", "in_progress", "needs_review"),
        ("status", "needs_review", "concluded"),
    ]


def test_a_refused_step_exits_1_and_writes_none_of_the_walk(run):
    # given a new claim with no verdict, concluding it is refused at the last step
    ok(run("claims", "add", DRONES))
    result = run("claims", "set", "1", "--status", "concluded")
    assert result.exit_code == 1
    assert "rule a verdict" in result.stderr
    # and the steps before it were rolled back with it
    trail = ok(run("history", "1", "--json")).stdout.splitlines()
    assert len(trail) == 1


def test_a_verdict_without_a_source_exits_1_and_says_why(run):
    ok(run("claims", "add", DRONES))
    result = run("claims", "set", "1", "--verdict", "mostly_true")
    assert result.exit_code == 1
    assert "source" in result.stderr


def test_a_bad_option_is_a_usage_error_with_exit_2(run):
    result = run("claims", "list", "--no-such-option")
    assert result.exit_code == 2


def test_debug_lets_the_exception_through(run):
    ok(run("claims", "add", DRONES))
    result = run("--debug", "claims", "show", "99")
    assert isinstance(result.exception, NotFound)


def test_a_javascript_source_url_exits_1(run):
    ok(run("claims", "add", DRONES))
    result = run("sources", "add", "1", "javascript:alert(1)")
    assert result.exit_code == 1
    assert "http" in result.stderr


def test_a_stale_if_version_exits_1_with_a_conflict(run):
    ok(run("claims", "add", DRONES))
    ok(run("claims", "set", "1", "--status", "in_progress", "--if-version", "1"))
    result = run("claims", "set", "1", "--status", "dismissed", "--if-version", "1")
    assert result.exit_code == 1
    assert "conflict" in result.stderr
    assert "status: new → in_progress" in result.stderr


def test_claims_show_json_keeps_a_sources_accessed_date_and_a_dates_inferred_year(run):
    """The fields `claims show --json` once dropped: a source's `accessed`, a date's `year_inferred`."""
    # given a claim with a deadline, and a source
    ok(run("claims", "add", "The offices will open by December 2026."))
    ok(run("sources", "add", "1", "https://example.org/report"))
    # when shown as JSON
    record = json.loads(ok(run("claims", "show", "1", "--json")).stdout)
    # then the source says when it was read and the date whether its year was inferred
    assert record["sources"][0]["accessed"] == dt.date.today().isoformat()
    assert [(d["date"], d["year_inferred"]) for d in record["dates"]] == [("2026-12-31", False)]


def _next_on_or_after(today: dt.date, of_year) -> dt.date:
    """The first of this year's or next year's dates that is not before today."""
    return next(day for day in (of_year(today.year), of_year(today.year + 1)) if day >= today)


def test_followups_take_due_dates_in_the_extractors_grammar(run):
    # given a claim, when follow-ups are due "end of Q3" and "Easter"
    from dateutil.easter import easter

    ok(run("claims", "add", DRONES, "--kind", "quantity"))
    ok(run("followups", "add", "1", "Quarter figures", "--due", "end of Q3"))
    ok(run("followups", "add", "1", "Holiday output", "--due", "Easter"))
    # then each is due on the next such day: 30 September, and Easter Sunday (dateutil)
    today = dt.date.today()
    quarter_end = _next_on_or_after(today, lambda year: dt.date(year, 9, 30))
    easter_day = _next_on_or_after(today, easter)
    listed = ok(run("followups", "list", "1", "--json")).stdout
    due = {row["text"]: row["due"] for row in map(json.loads, listed.splitlines())}
    assert due == {
        "Quarter figures": quarter_end.isoformat(),
        "Holiday output": easter_day.isoformat(),
    }
    # and a phrase that is no date is one line naming the examples, exit 1
    bad = run("followups", "add", "1", "x", "--due", "when pigs fly")
    assert bad.exit_code == 1
    assert "cannot read a due date from 'when pigs fly'" in bad.stderr
    assert "end of Q3, Easter" in bad.stderr
