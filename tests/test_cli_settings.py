"""`claimtrack settings`: each known key is set and read back; unknown keys are refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import func, select

from claimtrack.cli import cli
from claimtrack.db import open_database
from claimtrack.models import Event, Setting

KNOWN = {
    "require_second_reviewer": "true",
    "organisation": "Example Checks",
    "site_url": "https://checks.example.org",
}


def run(db: Path, *args: str) -> Result:
    if not Path(db).exists():  # a new user's first step: `db upgrade` creates the file
        CliRunner().invoke(cli, ["--db", str(db), "db", "upgrade"])
    return CliRunner().invoke(cli, ["--db", str(db), "--user", "alice", *args])


def ok(result: Result) -> Result:
    assert result.exit_code == 0, (result.output, result.stderr, result.exception)
    return result


@pytest.mark.parametrize(("key", "value"), KNOWN.items(), ids=list(KNOWN))
def test_each_known_setting_is_set_and_read_back_by_its_own_key(tmp_path, key, value):
    db = tmp_path / "settings.db"
    ok(run(db, "settings", "require_second_reviewer", "false"))  # another key holds a value too
    assert ok(run(db, "settings", key, value)).stdout == f"{key} = {value}\n"
    assert ok(run(db, "settings", key)).stdout == f"{key} = {value}\n"


def test_every_known_setting_is_read_back_after_all_are_set(tmp_path):
    db = tmp_path / "settings.db"
    for key, value in KNOWN.items():
        ok(run(db, "settings", key, value))
    for key, value in KNOWN.items():
        assert ok(run(db, "settings", key)).stdout == f"{key} = {value}\n"
    listing = ok(run(db, "settings")).stdout.splitlines()
    assert sorted(listing) == sorted(f"{key} = {value}" for key, value in KNOWN.items())


@pytest.mark.parametrize("args", [("colour", "blue"), ("colour",)], ids=["set", "read"])
def test_an_unknown_setting_is_refused_on_one_line_and_nothing_is_written(tmp_path, args):
    db = tmp_path / "settings.db"
    result = run(db, "settings", *args)
    assert result.exit_code == 1, (result.output, result.exception)
    assert result.stdout == ""
    [line] = result.stderr.strip().splitlines()
    assert "'colour'" in line
    for key in KNOWN:
        assert key in line
    database = open_database(f"sqlite:///{db}")
    try:
        with database.read() as session:
            assert session.scalar(select(func.count()).select_from(Setting)) == 0
            events = select(func.count()).select_from(Event).where(Event.action == "setting")
            assert session.scalar(events) == 0
    finally:
        database.dispose()


def test_unset_settings_read_as_their_defaults(tmp_path):
    db = tmp_path / "settings.db"
    assert ok(run(db, "settings")).stdout.splitlines() == [
        "require_second_reviewer = false",
        "organisation = (unset)",  # ClaimReview needs the desk to name itself
        "site_url = (unset)",
    ]


@pytest.mark.parametrize("value", ["yes", "True", ""])
def test_the_second_reviewer_rule_takes_only_true_or_false(tmp_path, value):
    """Anything else would be stored and silently leave the rule off."""
    db = tmp_path / "settings.db"
    result = run(db, "settings", "require_second_reviewer", value)
    assert result.exit_code == 1, (result.output, result.exception)
    assert "true or false" in result.stderr
    assert ok(run(db, "settings", "require_second_reviewer")).stdout == (
        "require_second_reviewer = false\n"
    )
