"""Records import speed and memory against the raw baselines, SQLite and PostgreSQL.

    python benchmarks/import_speed.py                 # 100,000 records, both databases
    python benchmarks/import_speed.py --records 20000 --no-postgres
    python benchmarks/import_speed.py --records 1000000 --memory-only

The records look like an export (kind, score, speaker, quantities and dates
given; one source, one follow-up, two tags each). Each baseline reads the same
file and inserts the same rows (claims, quantities, dates, sources, follow-ups,
tags, one audit event per claim) into a fresh database with the same schema in
one transaction: on SQLite with plain `sqlite3.executemany`, on PostgreSQL
with psycopg `COPY` (database `claimtrack_bench_records`, created and dropped
here on --postgres). Each side runs in its own process so peak memory
(ru_maxrss) is its own.

The ratio is of CPU seconds (the process's user + system time, plus on
PostgreSQL the CPU of its server backends, read from /proc): the machine is
shared, so wall time (printed too) moves with the load of others.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

TARGET_SQLITE = 1.5  # times raw executemany
TARGET_POSTGRES = 3.0  # times psycopg COPY
TARGET_MB_1M = 500
POSTGRES = "postgresql://root@127.0.0.1/postgres"
BENCH_DATABASE = "claimtrack_bench_records"
NOW = "2026-11-24 00:00:00.000000"


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


def fresh_database(url: str) -> None:
    from claimtrack.db import open_database

    open_database(url).dispose()  # upgrades to the current schema


def run_claimtrack(records: Path, url: str) -> float:
    """Import with claimtrack; returns the CPU seconds its PostgreSQL backends used."""
    from claimtrack.db import open_database
    from claimtrack.importers.records import import_records

    database = open_database(url)
    summary = import_records(database, "bench", records)
    assert summary.ok and summary.written, summary.errors[:3]
    server = 0.0
    if url.startswith("postgresql"):
        with database.engine.connect() as connection:  # the pool's backends are still open
            pids = connection.exec_driver_sql(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
            ).scalars()
            server = sum(backend_cpu(pid) for pid in pids)
    database.dispose()
    return server


def backend_cpu(pid: int) -> float:
    """CPU seconds a local PostgreSQL backend has used (utime + stime of /proc/PID/stat)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def batches(records: Path, size: int = 1000) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    with records.open("rb") as handle:
        for line in handle:
            batch.append(json.loads(line))
            if len(batch) == size:
                yield batch
                batch = []
    if batch:
        yield batch


def child_rows(pairs: list[tuple[int, dict[str, Any]]], tag_ids: dict[str, int]) -> dict[str, Any]:
    """The rows of every table but claims for (claim id, record) pairs, as both baselines write them."""
    return {
        "quantities (claim_id, low, high, unit, per, approximate, text)": [
            (i, q["low"], q["high"], q["unit"], q["per"], q["approximate"], q["text"])
            for i, r in pairs
            for q in r["quantities"]
        ],
        "date_refs (claim_id, text, date, role, precision, year_inferred)": [
            (i, d["text"], d["date"], d["role"], d["precision"], d["year_inferred"])
            for i, r in pairs
            for d in r["dates"]
        ],
        "sources (claim_id, url, title, publisher, stance, reliability, added_by, added_at)": [
            (i, s["url"], s["title"], s["publisher"], s["stance"], s["reliability"], "bench", NOW)
            for i, r in pairs
            for s in r["sources"]
        ],
        "followups (claim_id, text, due, done, created_by, created_at)": [
            (i, f["text"], f["due"], False, "bench", NOW) for i, r in pairs for f in r["followups"]
        ],
        "claim_tags (claim_id, tag_id)": [(i, tag_ids[t]) for i, r in pairs for t in r["tags"]],
        "events (claim_id, actor, action, new, claim_version, at)": [
            (i, "bench", "import", json.dumps({"text": r["text"]}), 1, NOW) for i, r in pairs
        ],
    }


def claim_row(claim_id: int, r: dict[str, Any]) -> tuple[Any, ...]:
    text = r["text"]
    return (
        *(claim_id, text, text.lower(), r["kind"], r["score"], r["speaker"], r["status"]),
        *(r["id"], NOW, NOW, 1),
    )


CLAIM_COLUMNS = (
    "claims (id, text, normalized, kind, score, speaker, status, external_id, "
    "created_at, updated_at, version)"
)


def run_copy(records: Path, url: str) -> float:
    """The PostgreSQL baseline: psycopg COPY of every table; returns its backend's CPU."""
    import psycopg

    with psycopg.connect(url.replace("+psycopg", "")) as connection:
        backend = connection.info.backend_pid
        tag_ids: dict[str, int] = {}
        for batch in batches(records):
            ids = sorted(
                connection.execute(
                    "SELECT nextval(pg_get_serial_sequence('claims', 'id')) "
                    "FROM generate_series(1, %s)",
                    (len(batch),),
                ).fetchall()
            )
            pairs = [(row[0], r) for row, r in zip(ids, batch, strict=True)]
            for name in sorted({t for r in batch for t in r["tags"]} - tag_ids.keys()):
                found = connection.execute(
                    "INSERT INTO tags (name) VALUES (%s) RETURNING id", (name,)
                ).fetchone()
                assert found is not None
                tag_ids[name] = found[0]
            tables = {CLAIM_COLUMNS: [claim_row(i, r) for i, r in pairs]}
            tables |= child_rows(pairs, tag_ids)
            with connection.cursor() as cursor:
                for table, rows in tables.items():
                    with cursor.copy(f"COPY {table} FROM STDIN") as copy:
                        for row in rows:
                            copy.write_row(row)
        connection.commit()
        return backend_cpu(backend)


def run_baseline(records: Path, url: str) -> float:
    """The SQLite baseline: plain sqlite3.executemany of every table, ids from max(id)."""
    connection = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA foreign_keys=ON")
    connection.execute("BEGIN IMMEDIATE")
    tag_ids: dict[str, int] = {}
    for batch in batches(records):
        last = connection.execute("SELECT coalesce(max(id), 0) FROM claims").fetchone()[0]
        pairs = list(enumerate(batch, last + 1))
        connection.executemany(
            f"INSERT INTO {CLAIM_COLUMNS} VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [claim_row(i, r) for i, r in pairs],
        )
        for name in sorted({t for r in batch for t in r["tags"]} - tag_ids.keys()):
            found = connection.execute("INSERT INTO tags (name) VALUES (?)", (name,)).lastrowid
            assert found is not None
            tag_ids[name] = found
        for table, rows in child_rows(pairs, tag_ids).items():
            marks = ",".join("?" * len(rows[0]))
            connection.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
    connection.execute("COMMIT")
    connection.close()
    return 0.0


SIDES: dict[str, Callable[[Path, str], float]] = {
    "claimtrack": run_claimtrack,
    "executemany": run_baseline,
    "copy": run_copy,
}


def child(side: str, records: Path, url: str) -> None:
    if side == "claimtrack":  # load the code before the clock starts, as the baseline's is
        import claimtrack.importers.records  # noqa: F401
    start, cpu = time.perf_counter(), own_cpu()
    server = SIDES[side](records, url)
    seconds, cpu = time.perf_counter() - start, own_cpu() - cpu
    figures = {"seconds": seconds, "cpu": cpu + server, "server": server, "peak_mb": peak_mb()}
    print(json.dumps(figures))


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure(side: str, records: Path, folder: Path) -> dict[str, float]:
    """One side on SQLite, in a fresh database file."""
    db = folder / f"{side}.db"
    db.unlink(missing_ok=True)
    fresh_database(f"sqlite:///{db}")
    return run_child(__file__, side, str(records), f"sqlite:///{db}")


@contextmanager
def bench_database(server: str) -> Iterator[Callable[[], str]]:
    """A way to (re)create database claimtrack_bench_records on `server`; dropped at the end."""
    import psycopg

    def recreate() -> str:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {BENCH_DATABASE} WITH (FORCE)")
            admin.execute(f"CREATE DATABASE {BENCH_DATABASE}")
        url = server.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://")
        return f"{url}/{BENCH_DATABASE}"

    try:
        yield recreate
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {BENCH_DATABASE} WITH (FORCE)")


def measure_postgres(side: str, records: Path, recreate: Callable[[], str]) -> dict[str, float]:
    """One side on PostgreSQL, in a freshly created database with the current schema."""
    url = recreate()
    fresh_database(url)
    return run_child(__file__, side, str(records), url)


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


def show(name: str, figures: dict[str, float], count: int) -> None:
    server = f" (server {figures['server']:.1f})" if figures.get("server") else ""
    print(
        f"{name:<26} {figures['seconds']:7.1f} s wall, {figures['cpu']:7.1f} s CPU{server}, "
        f"{count / figures['cpu']:,.0f} records/CPU s, peak {figures['peak_mb']:.0f} MB"
    )


def compare(ours: dict[str, float], base: dict[str, float], name: str, target: float) -> None:
    ratio = ours["cpu"] / base["cpu"]
    met = "met" if ratio <= target else "NOT met"
    print(
        f"ratio: {ratio:.2f}x {name} in CPU (target <= {target}x): {met}; "
        f"wall {ours['seconds'] / base['seconds']:.2f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--memory-only", action="store_true", help="Skip the baselines.")
    parser.add_argument("--postgres", default=POSTGRES, help="A server to create the database on.")
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only.")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        side, records, url = args.child
        child(side, Path(records), url)
        return
    with tempfile.TemporaryDirectory(prefix="claimtrack-import-bench-") as tmp:
        folder = Path(tmp)
        records = folder / "claims.jsonl"
        write_records(records, args.records)
        size_mb = records.stat().st_size / 1e6
        print(f"{args.records:,} records, {size_mb:.0f} MB of JSONL")
        print("SQLite")
        ours = measure("claimtrack", records, folder)
        show("  claimtrack import", ours, args.records)
        if args.records >= 1_000_000:
            met = "met" if ours["peak_mb"] < TARGET_MB_1M else "NOT met"
            print(f"memory target < {TARGET_MB_1M} MB for 1,000,000 records: {met}")
        if args.memory_only:
            return
        base = measure("executemany", records, folder)
        show("  raw sqlite3.executemany", base, args.records)
        compare(ours, base, "executemany", TARGET_SQLITE)
        if args.no_postgres:
            return
        print(f"PostgreSQL ({BENCH_DATABASE} on {args.postgres})")
        with bench_database(args.postgres) as recreate:
            ours = measure_postgres("claimtrack", records, recreate)
            show("  claimtrack import", ours, args.records)
            base = measure_postgres("copy", records, recreate)
            show("  psycopg COPY", base, args.records)
        compare(ours, base, "COPY", TARGET_POSTGRES)


if __name__ == "__main__":
    main()
