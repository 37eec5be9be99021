"""Report speed and memory: HTML and JSON reports of 100,000 claims.

    python benchmarks/report_speed.py [--claims 100000] [--keep DIR]

Builds a database through the records import (claims with a verdict, a source
and a follow-up each), then writes each report in its own process and prints
its time and peak memory (ru_maxrss). Memory must stay flat: the same report of
a tenth of the claims is measured too, and the two peaks are compared. The
baseline, in the same run, is raw sqlite3 reading the same claims with their
sources and follow-ups and writing them with json.dumps: the least any report
must do. Target (issue 17): each report within `TARGET_RATIO` times the baseline.

Ratios compare CPU seconds (the machine is shared, so wall time is printed but
not compared). `--keep DIR` builds the databases in DIR once and reuses them.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from import_speed import peak_mb, run_child, write_records

TARGET_RATIO = 3.0


def build(db: Path, count: int, folder: Path) -> None:
    from claimtrack.db import open_database
    from claimtrack.importers.records import import_records

    records = folder / f"claims-{count}.jsonl"
    write_records(records, count)
    # Rule every claim: these are reports of verified claims.
    ruled = folder / f"ruled-{count}.jsonl"
    with records.open() as src, ruled.open("w") as out:
        for line in src:
            record = json.loads(line)
            record |= {"status": "concluded", "verdict": "mostly_true", "summary": "Close."}
            out.write(json.dumps(record) + "\n")
    database = open_database(f"sqlite:///{db}")
    summary = import_records(database, "bench", ruled)
    assert summary.ok, summary.errors[:3]
    database.dispose()


def write_ours(db: Path, fmt: str, out: Path) -> None:
    from claimtrack.db import open_database
    from claimtrack.queries import ClaimFilter
    from claimtrack.reports import write_report

    database = open_database(f"sqlite:///{db}")
    with database.read() as session, out.open("w", encoding="utf-8") as handle:
        write_report(session, ClaimFilter(), fmt, handle)
    database.dispose()


def write_baseline(db: Path, out: Path) -> None:
    connection = sqlite3.connect(db)
    with out.open("w", encoding="utf-8") as handle:
        last = 0
        while True:
            claims = connection.execute(
                "SELECT id, text, speaker, status, verdict, verdict_summary FROM claims "
                "WHERE id > ? ORDER BY id LIMIT 500",
                (last,),
            ).fetchall()
            if not claims:
                break
            ids = [c[0] for c in claims]
            marks = ",".join("?" * len(ids))
            sources: dict[int, list] = {}
            for row in connection.execute(
                f"SELECT claim_id, url, title, stance FROM sources WHERE claim_id IN ({marks})", ids
            ):
                sources.setdefault(row[0], []).append(row[1:])
            followups: dict[int, list] = {}
            for row in connection.execute(
                f"SELECT claim_id, text, due, done FROM followups WHERE claim_id IN ({marks})", ids
            ):
                followups.setdefault(row[0], []).append(row[1:])
            for claim in claims:
                handle.write(
                    json.dumps(
                        {
                            "claim": claim,
                            "sources": sources.get(claim[0], []),
                            "followups": followups.get(claim[0], []),
                        }
                    )
                    + "\n"
                )
            last = ids[-1]
    connection.close()


def child(kind: str, db: Path, out: Path) -> None:
    if kind != "baseline":
        import claimtrack.reports  # noqa: F401  (load the code before the clock starts)
    start, cpu_start = time.perf_counter(), time.process_time()
    if kind == "baseline":
        write_baseline(db, out)
    else:
        write_ours(db, kind, out)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    print(
        json.dumps(
            {"seconds": seconds, "cpu": cpu, "peak_mb": peak_mb(), "mb": out.stat().st_size / 1e6}
        )
    )


def measure(kind: str, db: Path, folder: Path) -> dict[str, float]:
    out = folder / f"report-{db.stem}.{kind}"
    return run_child(__file__, kind, str(db), str(out))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="Build the databases here once; reuse them.")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, db, out = args.child
        child(kind, Path(db), Path(out))
        return
    with tempfile.TemporaryDirectory(prefix="claimtrack-report-bench-") as tmp:
        folder = Path(tmp)
        built = args.keep or folder
        built.mkdir(parents=True, exist_ok=True)
        small, large = built / f"small-{args.claims}.db", built / f"large-{args.claims}.db"
        for db, count in ((small, args.claims // 10), (large, args.claims)):
            if not db.exists():  # built under another name first: a kept file is whole
                partial = db.with_name(f"partial-{db.name}")
                partial.unlink(missing_ok=True)
                build(partial, count, folder)
                partial.rename(db)
        base = measure("baseline", large, folder)
        print(f"{args.claims:,} concluded claims, each with a source and a follow-up")
        print(
            f"baseline (sqlite3 + json.dumps): {base['cpu']:6.1f} s CPU "
            f"({base['seconds']:.1f} s wall), peak {base['peak_mb']:.0f} MB"
        )
        for fmt in ("html", "json"):
            tenth = measure(fmt, small, folder)
            full = measure(fmt, large, folder)
            print(
                f"{fmt:4}: {full['cpu']:6.1f} s CPU ({full['seconds']:.1f} s wall), "
                f"{full['cpu'] / base['cpu']:.1f}x the baseline (target <= {TARGET_RATIO:.0f}x), "
                f"{full['mb']:.0f} MB written, peak {full['peak_mb']:.0f} MB; "
                f"{args.claims // 10:,} claims peak {tenth['peak_mb']:.0f} MB "
                f"(memory x{full['peak_mb'] / tenth['peak_mb']:.2f} for 10x the claims)"
            )


if __name__ == "__main__":
    main()
