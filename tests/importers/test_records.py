"""Records import: validation with line numbers, all-or-nothing, idempotent upserts."""

from __future__ import annotations

import io
import json

import pytest
from sqlalchemy import func, select

from claimtrack.db import Database
from claimtrack.importers.export import export_jsonl
from claimtrack.importers.records import import_records
from claimtrack.models import Claim, Event, FollowUp, Source

FULL = {
    "id": "ext-1",
    "text": "Ukraine will produce 600 to 800 interceptor drones per day by the end of the year.",
    "kind": "commitment",
    "speaker": "Volodymyr Zelensky",
    "status": "concluded",
    "verdict": "half_true",
    "summary": "Output is about 300 a day.",
    "tags": ["drones", "Defence"],
    "document": {
        "url": "https://news.example.com/drones",
        "title": "Drones",
        "published": "2025-11-03",
    },
    "sources": [
        {
            "url": "https://mod.example.gov/report",
            "title": "MoD",
            "stance": "refutes",
            "reliability": "credible",
            "excerpt": "300 a day",
        },
        {"url": "https://think.example.org/x", "stance": "context"},
    ],
    "followups": [
        {"text": "Check monthly output", "due": "2026-01-31", "repeat": "monthly", "done": True},
        {"text": "Ask the ministry", "due": "2026-02-15"},
    ],
}
SIMPLE = {"text": "The budget grew by 12 percent in 2025.", "status": "in_progress"}


def _jsonl(*records) -> list[str]:
    return [json.dumps(r) + "\n" for r in records]


def _counts(database: Database) -> tuple[int, int, int, int]:
    with database.read() as session:
        return tuple(
            session.scalar(select(func.count()).select_from(model))
            for model in (Claim, Source, FollowUp, Event)
        )


def _export(database: Database) -> str:
    out = io.StringIO()
    with database.read() as session:
        export_jsonl(session, out)
    return out.getvalue()


def test_import_inserts_everything(database):
    summary = import_records(database, "ana", _jsonl(FULL, SIMPLE))
    assert summary.ok, summary.errors
    assert (summary.inserted, summary.updated, summary.unchanged) == (2, 0, 0)
    assert summary.written
    with database.read() as session:
        claim = session.scalar(select(Claim).where(Claim.external_id == "ext-1"))
        assert claim.status == "concluded" and claim.verdict == "half_true"
        assert claim.verdict_summary == "Output is about 300 a day."
        assert sorted(t.name for t in claim.tags) == ["defence", "drones"]
        assert len(claim.sources) == 2 and claim.appearances[0].document.url.endswith("/drones")
        # The done monthly follow-up scheduled its next occurrence.
        dues = [(f.due.isoformat(), f.done) for f in claim.followups]
        assert dues[:2] == [("2026-01-31", True), ("2026-02-15", False)]
        assert len(dues) == 3 and dues[2][0] > "2026-02-15" and not dues[2][1]
        assert claim.quantities  # the extractor read the structure


def test_same_import_twice_changes_nothing(database):
    import_records(database, "ana", _jsonl(FULL, SIMPLE))
    before = _counts(database), _export(database)
    again = import_records(database, "ana", _jsonl(FULL, SIMPLE))
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 2)
    assert (_counts(database), _export(database)) == before


def test_update_by_external_id(database):
    import_records(database, "ana", _jsonl(FULL))
    changed = {**FULL, "verdict": "false", "summary": "None were built.", "tags": ["drones"]}
    summary = import_records(database, "ana", _jsonl(changed))
    assert (summary.inserted, summary.updated) == (0, 1)
    with database.read() as session:
        claim = session.scalar(select(Claim).where(Claim.external_id == "ext-1"))
        assert (claim.verdict, claim.status) == ("false", "concluded")
        assert [t.name for t in claim.tags] == ["drones"]


def test_csv_import(database, tmp_path):
    path = tmp_path / "claims.csv"
    path.write_text(
        "\ufeffid,text,status,verdict,tags,document_url,sources\n"
        'c1,"Exports rose 40% in 2025, the ministry said.",needs_review,mostly_true,a;b,'
        'https://n.example.com/1,"[{""url"": ""https://s.example.com"", ""stance"": ""supports""}]"\n'
        "c2,Second claim about 5 ships,,,,,\n",
        encoding="utf-8",
    )
    summary = import_records(database, "ana", path, "csv")
    assert summary.ok, summary.errors
    assert summary.inserted == 2
    assert import_records(database, "ana", path, "csv").unchanged == 2


def test_dry_run_writes_nothing(database):
    summary = import_records(database, "ana", _jsonl(FULL, SIMPLE), dry_run=True)
    assert summary.inserted == 2 and not summary.written
    assert _counts(database) == (0, 0, 0, 0)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ([json.dumps(SIMPLE) + "\n", '{"text": "cut off\n'], "f.jsonl:2: invalid JSON"),
        (_jsonl(SIMPLE, {"text": 42}), "f.jsonl:2: text must be a string"),
        (_jsonl(SIMPLE, {**SIMPLE, "tags": "x"}), "f.jsonl:2: tags must be a list"),
        (_jsonl({**SIMPLE, "sources": {}}, SIMPLE), "f.jsonl:1: sources must be a list"),
        (_jsonl(SIMPLE, {**SIMPLE, "status": "finished"}), "f.jsonl:2: unknown status 'finished'"),
        (_jsonl(SIMPLE, {**SIMPLE, "verdict": "pants_on_fire"}), "f.jsonl:2: unknown verdict"),
        (_jsonl(SIMPLE, SIMPLE, {"kind": "quantity"}), "f.jsonl:3: missing text"),
        (_jsonl(SIMPLE, {**SIMPLE, "verdit": "true"}), "f.jsonl:2: unknown field 'verdit'"),
        (_jsonl({**SIMPLE, "status": "concluded"}), "f.jsonl:1: status concluded needs a verdict"),
        (
            _jsonl({**SIMPLE, "followups": [{"text": "x", "due": "soon"}]}),
            "f.jsonl:1: followups[1].due",
        ),
        (
            _jsonl({**SIMPLE, "sources": [{"url": "javascript:alert(1)"}]}),
            "f.jsonl:1: sources[1].url",
        ),
        ([], "f.jsonl:1: the file holds no records"),
        (["\n", "  \n"], "f.jsonl:1: the file holds no records"),
        (["[1, 2]\n"], "f.jsonl:1: a record must be a JSON object"),
    ],
)
def test_invalid_jsonl_writes_nothing(database, lines, expected):
    summary = import_records(database, "ana", lines, name="f.jsonl")
    assert not summary.ok and not summary.written
    assert any(e.startswith(expected) for e in summary.errors), summary.errors
    assert _counts(database) == (0, 0, 0, 0)


def test_every_error_listed(database):
    lines = [*_jsonl({"text": ""}, SIMPLE, {"text": 1}), "{oops\n"]
    summary = import_records(database, "ana", lines, name="f")
    assert [e.split(":")[1] for e in summary.errors] == ["1", "3", "4"]
    assert summary.invalid == 3


def test_non_utf8_file(database, tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(json.dumps(SIMPLE).encode() + b'\n{"text": "caf\xe9 prices"}\n')
    summary = import_records(database, "ana", path)
    assert summary.errors == [f"{path}:2: not UTF-8 (byte 0xe9 at column 14)"]
    assert _counts(database) == (0, 0, 0, 0)


def test_non_utf8_csv(database, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(b"text\nok claim of 5 ships\ncaf\xe9 prices\n")
    summary = import_records(database, "ana", path, "csv")
    assert summary.errors == [f"{path}:3: not UTF-8 (byte 0xe9 at column 4)"]
    assert _counts(database) == (0, 0, 0, 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("id,status\nx,new\n", "f.csv:1: missing column 'text'"),
        ("text,colour\nx,red\n", "f.csv:1: unknown column 'colour'"),
        ("text,status\nfine claim,new\nshort\n", "f.csv:3: 1 cells where the header has 2"),
        ("text,status\nfine claim,new\nother,done\n", "f.csv:3: unknown status 'done'"),
        ("", "f.csv:1: the file holds no records"),
        ("text,status\n", "f.csv:1: the file holds no records"),
    ],
)
def test_invalid_csv_writes_nothing(database, text, expected):
    summary = import_records(database, "ana", io.StringIO(text).readlines(), "csv", name="f.csv")
    assert any(e.startswith(expected) for e in summary.errors), summary.errors
    assert _counts(database) == (0, 0, 0, 0)


def test_skip_invalid_imports_the_rest(database):
    lines = _jsonl(SIMPLE, {"text": 5}, FULL)
    summary = import_records(database, "ana", lines, skip_invalid=True, name="f")
    assert (summary.inserted, summary.invalid) == (2, 1)
    assert summary.errors == ["f:2: text must be a string, not int"]
    assert summary.written


def test_export_round_trip(database, database_url, tmp_path):
    import_records(database, "ana", _jsonl(FULL, SIMPLE, {"text": "Plain claim of 7 tanks"}))
    first = _export(database)
    assert len(first.splitlines()) == 3
    from claimtrack.db import open_database

    other = open_database(f"sqlite:///{tmp_path / 'other.db'}")
    try:
        summary = import_records(other, "bo", first.splitlines(keepends=True))
        assert summary.ok and summary.inserted == 3, summary.errors
        assert _export(other) == first
    finally:
        other.dispose()


def test_speaker_type_is_imported_exported_and_round_trips(database, tmp_path):
    # given records whose speaker is typed, untyped, or left to the extractor
    typed = {"id": "org", "text": "Exports rose 5% in 2025.", "speaker": "Ministry of Economy",
             "speaker_type": "Organisation"}  # fmt: skip
    untyped = {"id": "person", "text": "Exports rose 6% in 2025.", "speaker": "Anna Kowal"}
    extracted = {"id": "found", "text": "Exports rose 7% in 2025, the World Bank said."}
    # when
    summary = import_records(database, "ana", _jsonl(typed, untyped, extracted))
    # then the type is stored as given, unknown, or as the extractor read it
    assert summary.ok, summary.errors
    exported = [json.loads(line) for line in _export(database).splitlines()]
    assert [(r["speaker"], r["speaker_type"]) for r in exported] == [
        ("Ministry of Economy", "organisation"),
        ("Anna Kowal", None),
        ("World Bank", "organisation"),
    ]
    assert list(exported[0])[4:6] == ["speaker", "speaker_type"]
    # and export → import elsewhere → export gives the same bytes
    from claimtrack.db import open_database

    other = open_database(f"sqlite:///{tmp_path / 'other.db'}")
    try:
        first = _export(database)
        assert import_records(other, "bo", first.splitlines(keepends=True)).ok
        assert _export(other) == first
    finally:
        other.dispose()


def test_csv_has_a_speaker_type_column(database, tmp_path):
    path = tmp_path / "claims.csv"
    path.write_text("text,speaker,speaker_type\nExports rose 5% in 2025.,Reuters,organisation\n")
    assert import_records(database, "ana", path, "csv").ok
    with database.read() as session:
        assert session.scalar(select(Claim.speaker_type)) == "organisation"


def test_speaker_type_updates_and_a_new_speaker_drops_a_stale_type(database):
    record = {"id": "x", "text": "Exports rose 5% in 2025.", "speaker": "Ministry of Economy",
              "speaker_type": "organisation"}  # fmt: skip
    import_records(database, "ana", _jsonl(record))
    # when the type alone is corrected, then the speaker is replaced without a type
    import_records(database, "ana", _jsonl({**record, "speaker_type": "person"}))
    with database.read() as session:
        assert session.scalar(select(Claim.speaker_type)) == "person"
    import_records(database, "ana", _jsonl({"id": "x", "text": record["text"], "speaker": "Kowal"}))
    # then the old type, which described someone else, is gone
    with database.read() as session:
        assert session.execute(select(Claim.speaker, Claim.speaker_type)).one() == ("Kowal", None)


@pytest.mark.parametrize(
    ("record", "error"),
    [
        ({"text": "x", "speaker": "A", "speaker_type": "robot"}, "unknown speaker_type 'robot'"),
        ({"text": "x", "speaker": "A", "speaker_type": 3}, "speaker_type must be a string"),
        ({"text": "x", "speaker": None, "speaker_type": "person"}, "speaker_type needs a speaker"),
    ],
)
def test_a_bad_speaker_type_is_refused(database, record, error):
    summary = import_records(database, "ana", _jsonl(record), name="f")
    assert not summary.written
    assert len(summary.errors) == 1 and error in summary.errors[0], summary.errors


def test_export_of_demo_round_trips(tmp_path, demo_copy):
    from claimtrack.db import open_database

    demo = demo_copy(tmp_path / "demo.db")
    other = open_database(f"sqlite:///{tmp_path / 'copy.db'}")
    try:
        first = _export(demo)
        summary = import_records(other, "bo", first.splitlines(keepends=True))
        assert summary.ok, summary.errors
        assert _export(other) == first
        again = import_records(other, "bo", first.splitlines(keepends=True))
        assert again.unchanged == summary.inserted
    finally:
        demo.dispose()
        other.dispose()


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({**SIMPLE, "quantities": [{"low": 9, "high": 1, "text": "9-1"}]}, "quantities[1]: low 9"),
        ({**SIMPLE, "quantities": [{"low": "9", "text": "9"}]}, "quantities[1].low must be"),
        (
            {**SIMPLE, "quantities": [{"low": 9, "per": "fortnight", "text": "9"}]},
            "quantities[1].per",
        ),
        ({**SIMPLE, "dates": [{"text": "soon", "role": "someday"}]}, "dates[1].role must be"),
        ({**SIMPLE, "dates": [{"date": "2026-01-01"}]}, "dates[1]: missing text"),
        ({**SIMPLE, "appearances": [{"title": "No date"}]}, "appearances[1] needs a url"),
        ({**SIMPLE, "speaker": "x" * 301}, "speaker is longer than 300"),
        ({**SIMPLE, "tags": ["t" * 101]}, "tags: tag is longer than 100"),
    ],
)
def test_invalid_structure_writes_nothing(database, record, expected):
    summary = import_records(database, "ana", _jsonl(SIMPLE, record), name="f")
    assert any(e.startswith(f"f:2: {expected}") for e in summary.errors), summary.errors
    assert _counts(database) == (0, 0, 0, 0)


def test_given_structure_is_kept_and_audited(database):
    record = {
        **SIMPLE,
        "id": "s-1",
        "kind": "quantity",
        "score": 0.7,
        "speaker": None,
        "quantities": [{"low": 12, "high": 12, "unit": "%", "text": "12 percent"}],
        "dates": [{"text": "in 2025", "date": "2025-01-01", "precision": "year"}],
        "appearances": [{"url": "https://a.example.com/1"}, {"url": "https://b.example.com/2"}],
    }
    summary = import_records(database, "ana", _jsonl(record), name="f.jsonl")
    assert summary.inserted == 1, summary.errors
    with database.read() as session:
        claim = session.scalar(select(Claim).where(Claim.external_id == "s-1"))
        assert (claim.kind, claim.score, claim.speaker) == ("quantity", 0.7, None)
        assert [(q.low, q.unit) for q in claim.quantities] == [(12, "%")]
        assert [(d.date.isoformat(), d.precision) for d in claim.dates] == [("2025-01-01", "year")]
        assert len({a.document_id for a in claim.appearances}) == 2
        events = session.scalars(select(Event).where(Event.claim_id == claim.id)).all()
        assert [(e.action, e.actor, e.new["from"]) for e in events] == [
            ("import", "ana", "f.jsonl:1")
        ]


def test_same_claim_twice_in_one_file_is_one_claim(database):
    changed = {**FULL, "verdict": "false"}
    summary = import_records(database, "ana", _jsonl(FULL, SIMPLE, changed))
    assert (summary.inserted, summary.updated) == (2, 1), summary.errors
    with database.read() as session:
        claim = session.scalar(select(Claim).where(Claim.external_id == "ext-1"))
        assert claim.verdict == "false"


def test_batches_span_many_records(database, monkeypatch):
    from claimtrack.importers import records

    monkeypatch.setattr(records, "BATCH", 3)
    lines = _jsonl(
        *({"id": f"n{n}", "text": f"Claim number {n} about {n} ships"} for n in range(8))
    )
    progress: list[tuple[int, int]] = []
    summary = import_records(database, "ana", lines, progress=lambda d, t: progress.append((d, t)))
    assert summary.inserted == 8 and progress[-1] == (8, 8)
    assert import_records(database, "ana", lines).unchanged == 8
