"""`claimtrack undo EVENT_ID` and the event ids `claimtrack history` shows."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner, Result

from claimtrack.cli import cli

DRONES = "Ukraine plans to produce 600–800 interceptor drones per day"


def run(db, *args: str) -> Result:
    if not Path(db).exists():  # a new user's first step: `db upgrade` creates the file
        CliRunner().invoke(cli, ["--db", str(db), "db", "upgrade"])
    return CliRunner().invoke(cli, ["--db", str(db), "--user", "alice", *args])


def ok(result: Result) -> Result:
    assert result.exit_code == 0, (result.output, result.stderr, result.exception)
    return result


def events(db, claim_id: int = 1) -> list[dict]:
    return [
        json.loads(line)
        for line in ok(run(db, "history", str(claim_id), "--json")).stdout.splitlines()
    ]


def test_history_json_prints_one_event_per_line_with_its_id_and_what_it_undoes(tmp_path):
    db = tmp_path / "undo.db"
    ok(run(db, "claims", "add", DRONES))
    ok(run(db, "claims", "set", "1", "--status", "in_progress"))
    trail = events(db)
    assert [e["action"] for e in trail] == ["create", "status"]
    for event in trail:
        assert {"id", "action", "actor", "at", "version", "undoes_id"} <= set(event)
        assert event["undoes_id"] is None
    text = ok(run(db, "history", "1")).stdout.splitlines()
    assert [re.search(r"#(\d+)", line).group(1) for line in text] == [str(e["id"]) for e in trail]


def test_undo_takes_a_status_change_back_and_the_history_says_so(tmp_path):
    # given a claim moved to in_progress
    db = tmp_path / "undo.db"
    ok(run(db, "claims", "add", DRONES))
    ok(run(db, "claims", "set", "1", "--status", "in_progress"))
    moved = events(db)[-1]
    # when that event is undone
    result = ok(run(db, "undo", str(moved["id"])))
    # then the claim is new again and the new event names the one it undid
    assert f"undid event {moved['id']}: 1 change" in result.stdout
    assert json.loads(ok(run(db, "claims", "show", "1", "--json")).stdout)["status"] == "new"
    last = events(db)[-1]
    assert (last["action"], last["old"], last["new"], last["undoes_id"]) == (
        "status",
        "in_progress",
        "new",
        moved["id"],
    )
    assert (
        f"undo of #{moved['id']}: status: in_progress → new" in ok(run(db, "history", "1")).stdout
    )


def test_undoing_twice_is_one_line_on_stderr_and_exit_1(tmp_path):
    db = tmp_path / "undo.db"
    ok(run(db, "claims", "add", DRONES))
    ok(run(db, "claims", "set", "1", "--status", "in_progress"))
    moved = events(db)[-1]["id"]
    ok(run(db, "undo", str(moved)))
    result = run(db, "undo", str(moved))
    assert result.exit_code == 1
    assert result.stdout == ""
    [line] = result.stderr.strip().splitlines()
    assert "already undone" in line
    assert len(events(db)) == 3


def test_undo_with_a_stale_if_version_exits_1_and_writes_nothing(tmp_path):
    db = tmp_path / "undo.db"
    ok(run(db, "claims", "add", DRONES))
    ok(run(db, "claims", "set", "1", "--status", "in_progress"))
    moved = events(db)[-1]
    result = run(db, "undo", str(moved["id"]), "--if-version", str(moved["version"] - 1))
    assert result.exit_code == 1
    assert "conflict" in result.stderr
    assert len(events(db)) == 2
