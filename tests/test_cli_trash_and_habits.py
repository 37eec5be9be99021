"""Issue 15 on the command line: the trash, dates set late, verdict summaries, output habits."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from claimtrack.cli import cli

ARTICLE = (
    "Offices\n\n"
    "The company will open offices in Berlin and Copenhagen by the end of the year, "
    "its chief executive said.\n\n"
    "Ukraine plans to produce 600–800 interceptor drones per day, the minister said.\n"
)


def run(db: Path, *args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), "--user", "alice", *args], input=stdin)


def ok(result: Result) -> Result:
    assert result.exit_code == 0, (result.output, result.exception)
    return result


def claims(db: Path, *args: str) -> list[dict]:
    return [
        json.loads(line)
        for line in ok(run(db, "claims", "list", "--json", *args)).stdout.splitlines()
    ]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A database holding one article imported without a date."""
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "t.db"
    ok(run(db, "import", str(path)))
    return db


# ---------------------------------------------------------------- point 2: the trash


def test_claims_delete_and_restore_through_the_trash(db: Path) -> None:
    [offices] = [c for c in claims(db) if "offices" in c["text"]]
    # when the claim is deleted
    deleted = ok(run(db, "claims", "delete", str(offices["id"])))
    assert f"claim {offices['id']} moved to the trash" in deleted.stdout
    # then lists and show leave it out, the trash lists it
    assert offices["id"] not in [c["id"] for c in claims(db)]
    shown = run(db, "claims", "show", str(offices["id"]))
    assert shown.exit_code == 1 and "is in the trash" in shown.stderr
    listed = json.loads(ok(run(db, "trash", "list", "--format", "json")).stdout)
    assert [(i["kind"], i["id"], i["deleted_by"]) for i in listed] == [
        ("claim", offices["id"], "alice")
    ]
    # when it is restored it is back, and the history has both steps
    ok(run(db, "claims", "restore", str(offices["id"])))
    assert offices["id"] in [c["id"] for c in claims(db)]
    history = ok(run(db, "history", str(offices["id"]))).stdout
    assert "moved to the trash" in history and "restored from the trash" in history
    assert ok(run(db, "trash", "list")).stdout.strip() == "the trash is empty"


def test_an_article_repeating_a_trashed_claim_says_so_and_restore_shows_it(
    db: Path, tmp_path: Path
) -> None:
    [offices] = [c for c in claims(db) if "offices" in c["text"]]
    ok(run(db, "claims", "delete", str(offices["id"])))
    # when another article repeats the deleted claim word for word
    later = tmp_path / "later.txt"
    later.write_text(
        "Update\n\nThe company will open offices in Berlin and Copenhagen by the end of "
        "the year, its chief executive said.\n",
        encoding="utf-8",
    )
    imported = ok(run(db, "import", str(later), "--published", "2025-06-01"))
    # then the summary names it, it stays in the trash, and no second claim is made
    assert (
        f"1 repeated claim in the trash ({offices['id']}; "
        "`claimtrack claims restore ID` brings one back)" in imported.stdout
    )
    assert offices["id"] not in [c["id"] for c in claims(db)]
    assert [c for c in claims(db) if "offices" in c["text"]] == []
    # and restoring it brings it back with the new appearance
    ok(run(db, "claims", "restore", str(offices["id"])))
    shown = json.loads(ok(run(db, "claims", "show", str(offices["id"]), "--json")).stdout)
    assert len(shown["appearances"]) == 2


def test_documents_delete_takes_its_claims_and_restore_brings_them_back(db: Path) -> None:
    before = claims(db)
    deleted = ok(run(db, "documents", "delete", "1"))
    assert f"with {len(before)} claims seen only there" in deleted.stdout
    assert claims(db) == [] and ok(run(db, "documents", "--json")).stdout == ""
    restored = ok(run(db, "documents", "restore", "1"))
    assert f"restored with {len(before)} claims" in restored.stdout
    assert [c["id"] for c in claims(db)] == [c["id"] for c in before]


def test_trash_empty_keeps_what_is_younger_than_the_age_given(db: Path) -> None:
    ok(run(db, "claims", "delete", "1"))
    kept = ok(run(db, "trash", "empty", "--older-than", "30d"))
    assert "purged 0 documents and 0 claims" in kept.stdout
    purged = ok(run(db, "trash", "empty", "--older-than", "0d"))
    assert "purged 0 documents and 1 claim deleted" in purged.stdout
    gone = run(db, "claims", "restore", "1")
    assert gone.exit_code == 1 and "trash emptied" in gone.stderr
    bad = run(db, "trash", "empty", "--older-than", "soon")
    assert bad.exit_code == 2 and "30d" in bad.stderr


# ---------------------------------------------------------------- point 3: dates set late


def test_documents_set_published_resolves_deadlines_and_adds_the_followup(db: Path) -> None:
    [offices] = [c for c in claims(db) if "offices" in c["text"]]
    assert (offices["deadline"], offices["next_due"]) == (None, None)
    result = ok(run(db, "documents", "set", "1", "--published", "2025-11-03"))
    assert result.stdout.strip() == (
        "document 1: published 2025-11-03 (was no date); 1 claim re-dated, "
        "1 deadline follow-up added"
    )
    due = json.loads(
        ok(run(db, "followups", "due", "--by", "2026-01-01", "--format", "json")).stdout
    )
    assert [(f["text"], f["due"]) for f in due] == [
        ("Check: offices in Berlin and Copenhagen opened (deadline 2025-12-31)", "2025-12-31")
    ]
    bad = run(db, "documents", "set", "1", "--published", "soon")
    assert bad.exit_code == 2


# ---------------------------------------------------------------- point 6: stale summaries


def test_a_new_verdict_without_a_summary_clears_the_old_one_and_says_so(db: Path) -> None:
    ok(run(db, "claims", "set", "1", "--verdict", "false", "--summary", "No such plan.", "--force"))
    # the same verdict again keeps the summary
    same = ok(run(db, "claims", "set", "1", "--verdict", "false", "--force"))
    assert "cleared" not in same.stderr
    [claim] = [c for c in claims(db) if c["id"] == 1]
    assert claim["verdict_summary"] == "No such plan."
    # another verdict without --summary clears it, on stderr
    changed = ok(run(db, "claims", "set", "1", "--verdict", "true", "--force"))
    assert "the summary written for verdict false was cleared" in changed.stderr
    [claim] = [c for c in claims(db) if c["id"] == 1]
    assert (claim["verdict"], claim["verdict_summary"]) == ("true", None)


# ---------------------------------------------------------------- point 9: CLI habits


def test_claims_list_csv_reads_back_with_a_csv_reader(db: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(ok(run(db, "claims", "list", "--csv")).stdout)))
    assert [int(r["id"]) for r in rows] == [c["id"] for c in claims(db)]
    assert rows[0]["text"] == claims(db)[0]["text"]


@pytest.mark.parametrize("flags", [["--tsv"], ["--format", "tsv"]])
def test_tsv_output_has_a_header_and_a_row_per_claim(db: Path, flags: list[str]) -> None:
    lines = ok(run(db, "claims", "list", *flags)).stdout.splitlines()
    assert lines[0].split("\t")[:3] == ["id", "text", "kind"]
    assert len(lines) == 1 + len(claims(db))


def test_format_json_is_one_array_and_nl_is_json_lines(db: Path) -> None:
    array = json.loads(ok(run(db, "claims", "list", "--format", "json")).stdout)
    lines = ok(run(db, "claims", "list", "--nl")).stdout.splitlines()
    assert array == [json.loads(line) for line in lines] == claims(db)


def test_two_formats_at_once_are_a_usage_error(db: Path) -> None:
    result = run(db, "claims", "list", "--csv", "--json")
    assert result.exit_code == 2 and "choose one output format" in result.stderr


def test_a_cut_list_says_so_on_stderr_only(db: Path) -> None:
    total = len(claims(db))
    result = ok(run(db, "claims", "list", "--json", "--limit", "1"))
    assert len(result.stdout.splitlines()) == 1
    assert result.stderr.strip() == f"1 of {total} claims shown; --limit to see more"
    assert ok(run(db, "claims", "list", "--json")).stderr == ""


@pytest.mark.parametrize(
    ("args", "allowed"),
    [
        (["claims", "list", "--status", "bogus"], "new, in_progress, needs_review"),
        (["claims", "list", "--verdict", "maybe"], "true, mostly_true"),
        (["claims", "list", "--kind", "gossip"], "quantity"),
        (["claims", "set", "1", "--status", "bogus"], "concluded, dismissed"),
        (["sources", "add", "1", "https://e.org", "--stance", "meh"], "supports"),
    ],
)
def test_a_bad_choice_is_a_usage_error_naming_the_allowed_values(
    db: Path, args: list[str], allowed: str
) -> None:
    result = run(db, *args)
    assert result.exit_code == 2
    assert allowed in result.stderr


def test_choices_are_read_leniently_as_before(db: Path) -> None:
    ok(run(db, "claims", "set", "1", "--status", "In Progress"))
    assert [c["status"] for c in claims(db, "--status", "in-progress")] == ["in_progress"]


def test_shell_completion_offers_the_allowed_values(db: Path) -> None:
    result = CliRunner().invoke(
        cli,
        [],
        env={
            "_CLAIMTRACK_COMPLETE": "bash_complete",
            "COMP_WORDS": "claimtrack claims list --status n",
            "COMP_CWORD": "4",
        },
        prog_name="claimtrack",
    )
    assert "plain,new" in result.stdout and "needs_review" in result.stdout


def test_a_read_on_a_missing_database_says_so_and_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "nope" / "x.db"
    result = run(missing, "claims", "list")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: no database at {missing}; `claimtrack db upgrade`, `import` or `demo` creates one"
    ]
    assert not (tmp_path / "nope").exists()
    # writes that are not imports do not create one either (a mistyped --db)
    writes = (["claims", "add", "Exports rose 5% in 2025."], ["settings", "organisation", "X"])
    for args in (["documents"], ["followups", "due"], ["trash", "list"], ["export"], *writes):
        assert run(missing, *args).exit_code == 1
    assert not (tmp_path / "nope").exists()


def test_documents_and_followups_take_the_formats_too(db: Path) -> None:
    ok(run(db, "documents", "set", "1", "--published", "2025-11-03"))
    docs = list(csv.DictReader(io.StringIO(ok(run(db, "documents", "--csv")).stdout)))
    assert [(d["id"], d["published"]) for d in docs] == [("1", "2025-11-03")]
    listed = list(
        csv.DictReader(io.StringIO(ok(run(db, "followups", "list", "1", "--csv")).stdout))
    )
    assert all(row["claim_id"] == "1" for row in listed)
    due = ok(run(db, "followups", "due", "--by", "2030-01-01", "--limit", "1", "--nl"))
    assert len(due.stdout.splitlines()) == 1


# ---------------------------------------------------------------- point 10: exports for scripts


def test_an_edited_export_imports_back_onto_the_same_claim(db: Path, tmp_path: Path) -> None:
    # given an export of claims that have no id of their own (of an undated article)
    exported = ok(run(db, "export")).stdout.splitlines()
    records = [json.loads(line) for line in exported]
    assert all(r["id"].startswith("claimtrack:") for r in records)
    before = claims(db)
    # when a claim's text is edited in the export and imported back
    records[0]["text"] = "The company will open offices in Berlin, Copenhagen and Oslo by year end."
    path = tmp_path / "edited.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = ok(run(db, "import", str(path)))
    # then that claim is updated, no claim is added
    assert "0 inserted, 1 updated" in result.stdout
    after = claims(db)
    assert len(after) == len(before)
    assert records[0]["text"] in [c["text"] for c in after]


def test_an_export_carries_notes_and_imports_into_an_empty_database_as_the_same_bytes(
    db: Path, tmp_path: Path
) -> None:
    ok(run(db, "documents", "set", "1", "--published", "2025-11-03"))
    ok(run(db, "notes", "add", "1", "Ask the press office\nfor the lease dates"))
    exported = ok(run(db, "export")).stdout
    [noted] = [json.loads(line) for line in exported.splitlines() if json.loads(line)["notes"]]
    assert [(n["author"], n["text"]) for n in noted["notes"]] == [
        ("alice", "Ask the press office\nfor the lease dates")
    ]
    # the article travels with its text and metadata
    appearances = [json.loads(line)["appearances"] for line in exported.splitlines()]
    assert {(a["title"], a["published"], a["text"]) for refs in appearances for a in refs} == {
        ("Offices", "2025-11-03", ARTICLE)
    }
    other = tmp_path / "other.db"
    ok(run(other, "import", "-", "--records", "jsonl", stdin=exported))
    docs = json.loads(ok(run(other, "documents", "--format", "json")).stdout)
    assert [(d["title"], d["published"]) for d in docs] == [("Offices", "2025-11-03")]
    assert ok(run(other, "export")).stdout == exported
    # and importing it into the second database again changes nothing
    again = ok(run(other, "import", "-", "--records", "jsonl", stdin=exported))
    assert "0 inserted, 0 updated" in again.stdout


def test_a_record_with_a_bad_note_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "notes.jsonl"
    path.write_text(
        '{"text": "Exports rose 40% in 2025.", "notes": [{"text": "ok", "at": "yesterday"}]}\n',
        encoding="utf-8",
    )
    result = run(tmp_path / "n.db", "import", str(path))
    assert result.exit_code == 1
    assert f"{path}:1: notes[1].at is not an ISO date and time" in result.stderr
