"""Records import speed and memory against raw sqlite3.executemany.

    python benchmarks/import_speed.py                 # 100,000 records, time ratio
    python benchmarks/import_speed.py --records 1000000 --memory-only

The records look like an export (kind, score, speaker, quantities and dates
given; one source, one follow-up, two tags each). The baseline reads the same
file and inserts the same rows (claims, quantities, dates, sources, follow-ups,
tags, one audit event per claim) into a database with the same schema, with
plain `sqlite3.executemany` in one transaction. Each side runs in its own
process so peak memory (ru_maxrss) is its own.
"""

from __future__ import annotations

import argparse
import json
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_RATIO = 3.0
TARGET_MB_1M = 500


def write_records(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            low = 100 + n % 700
            record = {
                "id": f"bench-{n}",
                "text": f"The ministry will deliver {low} to {low + 200} armoured vehicles "
                f"per month by the end of 2027, officials said (report {n}).",
                "kind": "commitment",
                "score": round(0.3 + (n % 70) / 100, 2),
                "speaker": "officials",
                "status": ("new", "in_progress", "needs_review")[n % 3],
                "verdict": None,
                "summary": None,
                "outcome": None,
                "assignee": None,
                "tags": ["defence", f"batch-{n % 50}"],
                "quantities": [
                    {
                        "low": low,
                        "high": low + 200,
                        "unit": "armoured vehicles",
                        "per": "month",
                        "approximate": False,
                        "text": f"{low} to {low + 200} armoured vehicles per month",
                    }
                ],
                "dates": [
                    {
                        "text": "by the end of 2027",
                        "date": "2027-12-31",
                        "role": "deadline",
                        "precision": "year",
                        "year_inferred": False,
                    }
                ],
                "appearances": [],
                "sources": [
                    {
                        "url": f"https://stats.example.gov/vehicles/{n}",
                        "title": "Monthly deliveries",
                        "publisher": "Statistics office",
                        "stance": "context",
                        "reliability": "credible",
                        "excerpt": None,
                        "accessed": None,
                    }
                ],
                "followups": [
                    {
                        "text": "Check the delivery figures",
                        "due": "2027-12-31",
                        "repeat": None,
                        "done": False,
                        "assignee": None,
                    }
                ],
            }
            out.write(json.dumps(record) + "\n")


def fresh_database(path: Path) -> None:
    from claimtrack.db import open_database

    open_database(f"sqlite:///{path}").dispose()  # upgrades to the current schema


def run_claimtrack(records: Path, db: Path) -> None:
    from claimtrack.db import open_database
    from claimtrack.importers.records import import_records

    database = open_database(f"sqlite:///{db}")
    summary = import_records(database, "bench", records)
    assert summary.ok and summary.written, summary.errors[:3]
    database.dispose()


def run_baseline(records: Path, db: Path) -> None:
    connection = sqlite3.connect(db, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA foreign_keys=ON")
    connection.execute("BEGIN IMMEDIATE")
    now = "2026-11-24 00:00:00.000000"
    tag_ids: dict[str, int] = {}
    batch: list[dict] = []

    def flush() -> None:
        last = connection.execute("SELECT coalesce(max(id), 0) FROM claims").fetchone()[0]
        connection.executemany(
            "INSERT INTO claims (id, text, normalized, kind, score, speaker, status, "
            "external_id, created_at, updated_at, version) VALUES (?,?,?,?,?,?,?,?,?,?,1)",
            [
                (
                    last + i + 1,
                    r["text"],
                    r["text"].lower(),
                    r["kind"],
                    r["score"],
                    r["speaker"],
                    r["status"],
                    r["id"],
                    now,
                    now,
                )
                for i, r in enumerate(batch)
            ],
        )
        ids = range(last + 1, last + 1 + len(batch))
        for name in {t for r in batch for t in r["tags"]} - tag_ids.keys():
            tag_ids[name] = connection.execute(
                "INSERT INTO tags (name) VALUES (?)", (name,)
            ).lastrowid
        pairs = list(zip(ids, batch, strict=True))
        connection.executemany(
            "INSERT INTO quantities (claim_id, low, high, unit, per, approximate, text) "
            "VALUES (?,?,?,?,?,?,?)",
            [
                (i, q["low"], q["high"], q["unit"], q["per"], q["approximate"], q["text"])
                for i, r in pairs
                for q in r["quantities"]
            ],
        )
        connection.executemany(
            "INSERT INTO date_refs (claim_id, text, date, role, precision, year_inferred) "
            "VALUES (?,?,?,?,?,?)",
            [
                (i, d["text"], d["date"], d["role"], d["precision"], d["year_inferred"])
                for i, r in pairs
                for d in r["dates"]
            ],
        )
        connection.executemany(
            "INSERT INTO sources (claim_id, url, title, publisher, stance, reliability, "
            "added_by, added_at) VALUES (?,?,?,?,?,?,?,?)",
            [
                (
                    i,
                    s["url"],
                    s["title"],
                    s["publisher"],
                    s["stance"],
                    s["reliability"],
                    "bench",
                    now,
                )
                for i, r in pairs
                for s in r["sources"]
            ],
        )
        connection.executemany(
            "INSERT INTO followups (claim_id, text, due, done, created_by, created_at) "
            "VALUES (?,?,?,0,?,?)",
            [(i, f["text"], f["due"], "bench", now) for i, r in pairs for f in r["followups"]],
        )
        connection.executemany(
            "INSERT INTO claim_tags (claim_id, tag_id) VALUES (?,?)",
            [(i, tag_ids[t]) for i, r in pairs for t in r["tags"]],
        )
        connection.executemany(
            "INSERT INTO events (claim_id, actor, action, new, claim_version, at) "
            "VALUES (?,?,?,?,1,?)",
            [(i, "bench", "import", json.dumps({"text": r["text"]}), now) for i, r in pairs],
        )
        batch.clear()

    with records.open("rb") as handle:
        for line in handle:
            batch.append(json.loads(line))
            if len(batch) == 1000:
                flush()
        if batch:
            flush()
    connection.execute("COMMIT")
    connection.close()


def child(side: str, records: Path, db: Path) -> None:
    if side == "claimtrack":  # load the code before the clock starts, as the baseline's is
        import claimtrack.importers.records  # noqa: F401
    start = time.perf_counter()
    (run_claimtrack if side == "claimtrack" else run_baseline)(records, db)
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb()}))


def measure(side: str, records: Path, folder: Path) -> dict[str, float]:
    db = folder / f"{side}.db"
    db.unlink(missing_ok=True)
    fresh_database(db)
    return run_child(__file__, side, str(records), str(db))


def run_child(script: str, *args: str) -> dict[str, float]:
    """Run `script --child args…` in a fresh process (so its peak memory is its own);
    the child prints its figures as JSON on its last line."""
    output = subprocess.run(
        [sys.executable, script, "--child", *args], check=True, capture_output=True, text=True
    ).stdout
    return json.loads(output.splitlines()[-1])


def peak_mb() -> float:
    """This process's peak resident memory so far (ru_maxrss is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--memory-only", action="store_true", help="Skip the baseline.")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        side, records, db = args.child
        child(side, Path(records), Path(db))
        return
    with tempfile.TemporaryDirectory(prefix="claimtrack-import-bench-") as tmp:
        folder = Path(tmp)
        records = folder / "claims.jsonl"
        write_records(records, args.records)
        size_mb = records.stat().st_size / 1e6
        print(f"{args.records:,} records, {size_mb:.0f} MB of JSONL")
        ours = measure("claimtrack", records, folder)
        print(
            f"claimtrack import:        {ours['seconds']:7.1f} s "
            f"({args.records / ours['seconds']:,.0f} records/s), peak {ours['peak_mb']:.0f} MB"
        )
        if args.records >= 1_000_000:
            met = "met" if ours["peak_mb"] < TARGET_MB_1M else "NOT met"
            print(f"memory target < {TARGET_MB_1M} MB for 1,000,000 records: {met}")
        if args.memory_only:
            return
        base = measure("baseline", records, folder)
        print(
            f"raw sqlite3.executemany:  {base['seconds']:7.1f} s "
            f"({args.records / base['seconds']:,.0f} records/s), peak {base['peak_mb']:.0f} MB"
        )
        ratio = ours["seconds"] / base["seconds"]
        met = "met" if ratio <= TARGET_RATIO else "NOT met"
        print(f"ratio: {ratio:.2f}x the baseline (target <= {TARGET_RATIO}x): {met}")


if __name__ == "__main__":
    main()
