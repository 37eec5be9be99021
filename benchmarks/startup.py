"""Start-up CPU of `claimtrack --help` and `claims list --limit 5` against their baselines.

    python benchmarks/startup.py                  # 3,000 claims, 9 rounds
    python benchmarks/startup.py --claims 10000 --repeat 15

Issue 17 sets two targets, each a ratio to a baseline measured in the same run:

- `claimtrack --help` <= 2x `python -c "import click"` (the least a click program costs);
- `claimtrack claims list --limit 5` <= 1.5x `sqlite-utils query` running the same
  SELECT on the same database: the same 5 rows (live claims, best score first)
  with the same fields (tags, a count of sources, the next due day and the
  deadline among them), printed the same way: our table against sqlite-utils'
  `--table`, our `--json` (JSON Lines) against its `--nl`. sqlite-utils is a
  click program too. Before measuring, the script checks that both print the
  same ids.

Each command runs in a child process; its CPU time (user + system) comes from
os.wait4, so the noise of other processes on the machine counts less than a
wall clock would. The commands take turns, round after round, and each figure
is the median of the rounds. A first, unmeasured round writes the bytecode of
every module into a cache of this run's own (PYTHONPYCACHEPREFIX), so all sides
start as an installed program does, from compiled files, whatever
PYTHONDONTWRITEBYTECODE says. Two lines more are for reading the figures, not
targets: a bare `import sqlalchemy`, the floor of any command that reads the
database through SQLAlchemy (`claims list` reads through Core), and
`import sqlalchemy.orm`, the floor of one that reads through the ORM.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HELP_TARGET = 2.0
LIST_TARGET = 1.5
# What `claims list --limit 5` reads and prints (reads.listed_claims with no filter;
# serialise.summary_record's fields), as one SELECT.
LIST_SQL = """
SELECT c.id, c.text, c.kind, round(c.score, 4) AS score, c.speaker, c.status, c.verdict,
  c.verdict_summary, c.outcome, c.assignee,
  (SELECT group_concat(name, ';') FROM (SELECT t.name FROM claim_tags ct
     JOIN tags t ON t.id = ct.tag_id WHERE ct.claim_id = c.id ORDER BY t.name)) AS tags,
  (SELECT count(*) FROM sources s WHERE s.claim_id = c.id) AS sources,
  (SELECT min(due) FROM followups f WHERE f.claim_id = c.id AND NOT f.done) AS next_due,
  (SELECT min(date) FROM date_refs d
     WHERE d.claim_id = c.id AND d.role = 'deadline' AND d.date IS NOT NULL) AS deadline,
  c.version, c.created_at, c.updated_at
FROM claims c WHERE c.merged_into_id IS NULL AND c.deleted_at IS NULL
ORDER BY c.score DESC, c.id LIMIT 5
"""


@dataclass(frozen=True)
class Command:
    name: str
    argv: list[str]


def write_records(path: Path, count: int) -> None:
    """`count` claim records as `claimtrack import` reads them: a source and a follow-up each."""
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            low = 100 + n % 700
            record = {
                "text": f"The ministry will deliver {low} to {low + 200} armoured vehicles "
                f"per month by the end of 2027 (report {n}).",
                "kind": "commitment",
                "score": round(0.3 + (n % 70) / 100, 2),
                "speaker": "officials",
                "status": ("new", "in_progress", "needs_review")[n % 3],
                "tags": ["defence"],
                "sources": [
                    {
                        "url": f"https://stats.example.gov/vehicles/{n}",
                        "stance": "context",
                        "reliability": "credible",
                    }
                ],
                "followups": [{"text": "Check the delivery figures", "due": "2027-12-31"}],
            }
            out.write(json.dumps(record) + "\n")


def build_database(folder: Path, claims: int) -> Path:
    from claimtrack.db import open_database
    from claimtrack.importers.records import import_records

    records, path = folder / "claims.jsonl", folder / "claims.db"
    write_records(records, claims)
    database = open_database(f"sqlite:///{path}")
    summary = import_records(database, "bench", records)
    assert summary.ok and summary.inserted == claims, summary.errors[:3]
    database.dispose()
    return path


def script(name: str) -> str | None:
    """A console script of this Python's environment (the venv's bin/), else on PATH."""
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else shutil.which(name)


def printed_ids(argv: list[str], env: dict[str, str]) -> list[int]:
    """The `id` of each JSON line `argv` prints."""
    out = subprocess.run(argv, env=env, capture_output=True, text=True, check=True).stdout
    return [json.loads(line)["id"] for line in out.splitlines() if line.strip()]


def cpu_seconds(argv: list[str], env: dict[str, str]) -> float:
    """User + system CPU of one run of `argv`, which must succeed."""
    child = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert child.stderr is not None
    with child.stderr:
        errors = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {errors.decode(errors='replace')[-500:]}")
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=9, help="Measured rounds (median).")
    args = parser.parse_args()

    python = sys.executable
    claimtrack = script("claimtrack") or ""
    ours = [claimtrack] if claimtrack else [python, "-m", "claimtrack"]
    sqlite_utils = script("sqlite-utils")

    with tempfile.TemporaryDirectory(prefix="claimtrack-startup-") as tmp:
        folder = Path(tmp)
        db = build_database(folder, args.claims)
        env = {k: v for k, v in os.environ.items() if k not in ("CLAIMTRACK_DB",)}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env |= {"PYTHONPYCACHEPREFIX": str(folder / "pycache"), "CLAIMTRACK_USER": "bench"}

        listing = [*ours, "--db", str(db), "claims", "list", "--limit", "5"]
        commands = [
            Command("import click", [python, "-c", "import click"]),
            Command("claimtrack --help", [*ours, "--help"]),
            Command("claims list --limit 5", listing),
            Command("claims list --limit 5 --json", [*listing, "--json"]),
            Command("import sqlalchemy", [python, "-c", "import sqlalchemy"]),
            Command("import sqlalchemy.orm", [python, "-c", "import sqlalchemy.orm"]),
        ]
        if sqlite_utils:
            query = [sqlite_utils, "query", str(db), LIST_SQL]
            ours_ids = printed_ids([*listing, "--json"], env)
            theirs_ids = printed_ids([*query, "--nl"], env)
            assert ours_ids == theirs_ids, f"different rows: {ours_ids} {theirs_ids}"
            commands += [
                Command("sqlite-utils query --table", [*query, "--table"]),
                Command("sqlite-utils query --nl", [*query, "--nl"]),
            ]

        for command in commands:  # unmeasured: fills the bytecode cache
            cpu_seconds(command.argv, env)
        runs: dict[str, list[float]] = {c.name: [] for c in commands}
        for _ in range(args.repeat):
            for command in commands:
                runs[command.name].append(cpu_seconds(command.argv, env))

    median = {name: statistics.median(times) for name, times in runs.items()}
    print(f"{args.claims:,} claims; CPU seconds (user + system), median of {args.repeat} rounds")
    for name, seconds in median.items():
        print(f"  {name:<32} {seconds:7.3f}")
    print()
    report("claimtrack --help", "import click", HELP_TARGET, median)
    if sqlite_utils:
        report("claims list --limit 5", "sqlite-utils query --table", LIST_TARGET, median)
        report("claims list --limit 5 --json", "sqlite-utils query --nl", LIST_TARGET, median)
        for reference in ("import sqlalchemy", "import sqlalchemy.orm"):
            ratio = median[reference] / median["sqlite-utils query --table"]
            print(f"  ({reference} / sqlite-utils query --table: {ratio:.2f}x, for reference)")
    else:
        print("claims list: sqlite-utils is not installed (pip install -e '.[bench]'); no ratio")


def report(name: str, baseline: str, target: float, median: dict[str, float]) -> None:
    ratio = median[name] / median[baseline]
    verdict = "met" if ratio <= target else "NOT met"
    print(f"{name} / {baseline}: {ratio:.2f}x (target <= {target:g}x: {verdict})")


if __name__ == "__main__":
    main()
