"""The report, export and records-import commands, through click's runner."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from claimtrack.cli import cli

RECORD = {
    "id": "afp-1",
    "text": "Ukraine will produce 600 to 800 interceptor drones per day by the end of the year.",
    "status": "concluded",
    "verdict": "half_true",
    "summary": "About 300 a day so far.",
    "sources": [{"url": "https://mod.example.gov/r", "stance": "refutes"}],
    "followups": [{"text": "Check output", "due": "2026-01-31"}],
}


def run(db: Path, *args: str, stdin: str | None = None):
    return CliRunner().invoke(cli, ["--db", str(db), "--user", "ana", *args], input=stdin)


def test_import_records_then_export_round_trips(tmp_path):
    db, other = tmp_path / "a.db", tmp_path / "b.db"
    path = tmp_path / "claims.jsonl"
    path.write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    result = run(db, "import", str(path))
    assert result.exit_code == 0, result.output
    assert "1 inserted, 0 updated, 0 unchanged, 0 invalid" in result.stdout
    again = run(db, "import", str(path))
    assert "0 inserted, 0 updated, 1 unchanged" in again.stdout
    exported = run(db, "export", "--format", "jsonl")
    assert exported.exit_code == 0
    record = json.loads(exported.stdout)
    assert record["id"] == "afp-1" and record["verdict"] == "half_true"
    assert record["quantities"][0]["low"] == 600 and record["quantities"][0]["high"] == 800
    # The export imports into an empty database and exports identically.
    assert run(other, "import", "--records", "jsonl", "-", stdin=exported.stdout).exit_code == 0
    assert run(other, "export").stdout == exported.stdout


def test_bad_record_names_file_and_line_and_writes_nothing(tmp_path):
    db = tmp_path / "a.db"
    path = tmp_path / "claims.jsonl"
    path.write_text(json.dumps(RECORD) + '\n{"text": "x", "status": "maybe"}\n', encoding="utf-8")
    result = run(db, "import", str(path))
    assert result.exit_code == 1
    assert f"{path}:2: " in result.stderr and "maybe" in result.stderr
    assert run(db, "export").stdout == ""
    dry = run(db, "import", "--dry-run", str(path))
    assert dry.exit_code == 1 and run(db, "export").stdout == ""
    skipped = run(db, "import", "--skip-invalid", str(path))
    assert skipped.exit_code == 1 and "1 inserted" in skipped.stdout
    assert len(run(db, "export").stdout.splitlines()) == 1


def test_csv_records(tmp_path):
    db = tmp_path / "a.db"
    path = tmp_path / "claims.csv"
    path.write_text("id,text,status\nc1,Exports rose 40% in 2025.,in_progress\n", encoding="utf-8")
    result = run(db, "import", str(path))
    assert result.exit_code == 0, result.output
    listed = run(db, "claims", "list", "--json")
    assert json.loads(listed.stdout.splitlines()[0])["status"] == "in_progress"


def test_report_formats_and_output_file(tmp_path):
    db = tmp_path / "a.db"
    path = tmp_path / "claims.jsonl"
    path.write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    assert run(db, "import", str(path)).exit_code == 0
    markdown = run(db, "report", "--status", "concluded")
    assert markdown.exit_code == 0 and "interceptor drones" in markdown.stdout
    out = tmp_path / "r.json"
    written = run(db, "report", "--format", "json", "-o", str(out), "--since", "2020-01-01")
    assert written.exit_code == 0, written.output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["schema"] == "claimtrack.report/1" and len(report["claims"]) == 1
    empty = run(db, "report", "--format", "json", "--until", "2020-01-01")
    assert json.loads(empty.stdout)["claims"] == []
    unnamed = run(db, "report", "--format", "claimreview")
    assert unnamed.exit_code == 1 and "claimtrack settings organisation" in unnamed.stderr
    run(db, "settings", "organisation", "Example Checks")
    run(db, "settings", "site_url", "https://checks.example.org/")
    review = json.loads(run(db, "report", "--format", "claimreview").stdout)
    assert "ClaimReview" in json.dumps(review)
    bad = run(db, "report", "--since", "not a date", "-o", str(tmp_path / "x.md"))
    assert bad.exit_code == 1 and bad.stderr.count("\n") == 1
    assert not (tmp_path / "x.md").exists()
