"""One field vocabulary: `--json`, the audit trail, reports and the export show a thing alike.

Each test builds a claim through the service on a real database and reads it
back through every output that shows it.
"""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO
from typing import Any

from claimtrack import queries, reads, service
from claimtrack.db import Database
from claimtrack.history import describe_change, verdict_summary
from claimtrack.importers.export import export_jsonl
from claimtrack.importers.records import import_records
from claimtrack.models import Event
from claimtrack.reports.writers import write_report
from claimtrack.serialise import IMPORT_NAMES, claim_record

TODAY = dt.date(2025, 12, 1)


def claim_with_everything(database: Database) -> int:
    """A claim with a dated source, a recurring assigned follow-up, a note and a ruling."""
    with database.transaction() as s:
        claim = service.add_claim_from_text(
            s, "alice", "Ukraine plans to produce 600–800 interceptor drones per day by 2026."
        )
        claim_id = claim.id
        service.add_source(
            s,
            "alice",
            claim_id,
            "https://example.org/report",
            title="Output report",
            stance="supports",
            accessed=dt.date(2025, 11, 20),
        )
        service.add_followup(
            s,
            "alice",
            claim_id,
            "Check December output",
            dt.date(2025, 12, 15),
            recurrence="monthly",
            assignee="bob",
        )
        service.add_note(s, "alice", claim_id, "Ask the ministry")
    return claim_id


def full_json(database: Database, claim_id: int) -> dict[str, Any]:
    with database.read() as s:
        return claim_record(service.get_claim(s, claim_id), full=True)


def report_claim(database: Database) -> dict[str, Any]:
    out = StringIO()
    with database.read() as s:
        write_report(s, reads.ClaimFilter(), "json", out, today=TODAY)
    [claim] = json.loads(out.getvalue())["claims"]
    return claim


def exported(database: Database) -> dict[str, Any]:
    out = StringIO()
    with database.read() as s:
        export_jsonl(s, out)
    [line] = out.getvalue().splitlines()
    return json.loads(line)


def test_json_keeps_a_sources_accessed_day_and_a_dates_inferred_year(database: Database) -> None:
    """The two fields `claim_record` once dropped are there, as the export has them."""
    claim_id = claim_with_everything(database)
    record = full_json(database, claim_id)
    [source] = record["sources"]
    assert source["accessed"] == "2025-11-20"
    assert record["dates"] and all("year_inferred" in d for d in record["dates"])
    assert exported(database)["sources"][0]["accessed"] == "2025-11-20"


def test_a_followup_has_one_shape_in_json_audit_report_and_export(database: Database) -> None:
    """The same fields and values everywhere; the export renames only what the schema names."""
    claim_id = claim_with_everything(database)
    [followup] = full_json(database, claim_id)["followups"]
    assert followup == {
        "id": followup["id"],
        "claim_id": claim_id,
        "text": "Check December output",
        "due": "2025-12-15",
        "rrule": followup["rrule"],
        "assignee": "bob",
        "done": False,
    }
    assert followup["rrule"].startswith("FREQ=MONTHLY")
    with database.read() as s:
        [added] = [e for e in queries.claim_history(s, claim_id) if e.action == "followup.add"]
        audit = added.new
    assert {k: audit[k] for k in ("id", "text", "due")} == {
        k: followup[k] for k in ("id", "text", "due")
    }
    shown = {k: v for k, v in followup.items() if k not in ("id", "claim_id")}
    assert report_claim(database)["followups"] == [shown | {"overdue": False}]
    renamed = {IMPORT_NAMES.get(k, k): v for k, v in shown.items()}
    assert exported(database)["followups"] == [renamed]


def test_a_source_and_a_note_read_alike_in_json_report_and_audit(database: Database) -> None:
    """The source of `--json` is the report's and the audit snapshot's, less its database id."""
    claim_id = claim_with_everything(database)
    record = full_json(database, claim_id)
    [source], [note] = record["sources"], record["notes"]
    without_id = {k: v for k, v in source.items() if k != "id"}
    report = report_claim(database)
    assert report["sources"] == [without_id]
    assert report["notes"] == [{k: v for k, v in note.items() if k != "id"}]
    with database.read() as s:
        events = {e.action: e.new for e in queries.claim_history(s, claim_id)}
    assert events["source.add"] == source
    assert events["note"] == note


def test_a_verdict_event_reads_the_same_under_its_old_and_its_new_summary_name() -> None:
    """Events stored before the one vocabulary say `summary`; both tell the same change."""
    for name in ("summary", "verdict_summary"):
        event = Event(
            action="verdict",
            old={"verdict": None, name: None},
            new={"verdict": "false", name: "None were built."},
        )
        assert verdict_summary(event.new) == "None were built."
        assert describe_change(event) == "verdict: — → false (None were built.)"


def test_a_ruling_is_audited_under_the_claims_own_field_names(database: Database) -> None:
    claim_id = claim_with_everything(database)
    with database.transaction() as s:
        service.set_verdict(s, "alice", claim_id, "false", summary="None were built.")
    with database.read() as s:
        [ruling] = [e for e in queries.claim_history(s, claim_id) if e.action == "verdict"]
        assert ruling.new == {"verdict": "false", "verdict_summary": "None were built."}
    record = full_json(database, claim_id)
    assert {k: record[k] for k in ruling.new} == ruling.new


def test_a_quantitys_dimension_and_a_dates_period_survive_import_and_export(
    database: Database,
) -> None:
    """The new structure fields are written by the export and read back by the import."""
    quantity = {
        "low": 5.0,
        "high": 5.0,
        "unit": "mile",
        "per": None,
        "approximate": False,
        "text": "5 miles",
        "dimension": "length",
        "si_low": 8046.72,
        "si_high": 8046.72,
        "ambiguous": False,
    }
    date = {
        "text": "in the third quarter",
        "date": "2025-09-30",
        "role": "deadline",
        "precision": "quarter",
        "year_inferred": True,
        "first_day": "2025-07-01",
        "last_day": "2025-09-30",
        "ambiguous": False,
    }
    record = {
        "text": "The road will be 5 miles longer in the third quarter.",
        "quantities": [quantity],
        "dates": [date],
    }
    summary = import_records(database, "ana", [json.dumps(record) + "\n"])
    assert summary.ok, summary.errors
    first = exported(database)
    assert first["quantities"] == [quantity] and first["dates"] == [date]
    with database.read() as s:
        [claim] = queries.list_claims(s, reads.ClaimFilter())
        [stored] = claim.dates
        assert (stored.first_day, stored.last_day) == (dt.date(2025, 7, 1), dt.date(2025, 9, 30))


def test_an_unknown_precision_is_one_clear_import_error(database: Database) -> None:
    record = {
        "text": "Sales rose in the fortnight.",
        "dates": [{"text": "fortnight", "date": "2025-01-01", "precision": "fortnight"}],
    }
    summary = import_records(database, "ana", [json.dumps(record) + "\n"])
    assert not summary.ok
    assert "precision must be one of day, week, month, quarter" in str(summary.errors[0])


def test_follow_ups_alike_but_for_their_repeat_export_in_one_order_whatever_their_ids(
    database: Database, tmp_path
) -> None:
    # given the same two follow-ups added in the other order to a second database
    # (as a copy to PostgreSQL may read them back: ties on the day in no fixed order)
    from claimtrack.db import open_database

    other = open_database(f"sqlite:///{tmp_path / 'other.db'}")
    due = dt.date(2027, 6, 30)
    for target, order in ((database, ("monthly", None)), (other, (None, "monthly"))):
        with target.transaction() as s:
            claim = service.add_claim(s, "alice", "Exports rose 5% in 2025.")
            for recurrence in order:
                service.add_followup(s, "alice", claim.id, "Check", due, recurrence=recurrence)
    try:
        # then both export the same bytes
        assert exported(database)["followups"] == exported(other)["followups"]
    finally:
        other.dispose()
