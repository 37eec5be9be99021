"""Article import with 1, 2 and 4 importer processes into one PostgreSQL database.

Run by hand, never by CI (it creates and drops its own database):

    python benchmarks/import_parallel.py                  # 240 articles
    python benchmarks/import_parallel.py --articles 600 --server postgresql://root@127.0.0.1/postgres

Articles are written to a temporary folder: each holds 12 claim sentences
drawn from a shared pool, so articles share claims (and importers race on
them), and every importer is also given a quarter of the other importers'
articles (so they race on whole documents too). For each importer count the
database `claimtrack_bench_import` is created afresh, the importers
(`claimtrack import FILES…`, one process each) are started together, and the
wall time until the last one ends gives the throughput in articles per second.
The baseline is the single importer of the same run: the speed-up is the
ratio against it.

Then the check: no document twice (content hash), no claim twice (normalised
text), no appearance twice, and the same documents, claims and appearances as
the single importer made; no importer failed or printed a traceback.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

DATABASE = "claimtrack_bench_import"
POOL = 2_000  # claim sentences the articles share
PER_ARTICLE = 12
COUNTRIES = ["Ukraine", "Poland", "Germany", "France", "Norway", "Finland", "Estonia", "Latvia"]
THINGS = ["interceptor drones", "artillery shells", "homes", "hospitals", "wind turbines",
          "electric buses", "schools", "heat pumps", "bridges", "nurses"]  # fmt: skip
MINISTERS = ["Olena Kovalenko", "Mark Rutte", "Anna Schmidt", "Jonas Berg", "Nora Li"]


def sentence(n: int) -> str:
    pick = random.Random(n)
    return (
        f"{pick.choice(COUNTRIES)} will build {100 + n} new {pick.choice(THINGS)} "
        f"by the end of {2026 + n % 4}, the minister {pick.choice(MINISTERS)} said."
    )


def write_articles(folder: Path, count: int) -> list[Path]:
    pick = random.Random(14)
    paths = []
    for n in range(count):
        body = " ".join(sentence(i) for i in pick.sample(range(POOL), PER_ARTICLE))
        path = folder / f"article-{n:05}.txt"
        path.write_text(f"Defence report number {n}\n\n{body}\n", encoding="utf-8")
        paths.append(path)
    return paths


def shares(paths: list[Path], importers: int) -> list[list[Path]]:
    """Each importer's own articles, plus a quarter of the others' (overlap)."""
    own = [paths[n::importers] for n in range(importers)]
    if importers == 1:
        return own
    pick = random.Random(importers)
    result = []
    for n, mine in enumerate(own):
        others = [p for m, theirs in enumerate(own) if m != n for p in theirs]
        extra = pick.sample(others, len(others) // (4 * (importers - 1)))
        result.append(pick.sample(mine + extra, len(mine) + len(extra)))
    return result


def recreate(admin_url: str) -> None:
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {DATABASE}")


IMPORT = [sys.executable, "-m", "claimtrack"]


def run(claimtrack_url: str, groups: list[list[Path]]) -> tuple[float, list[str]]:
    """Start one importer per group at once; the wall time and any failure."""
    environment = {**os.environ, "PYTHONWARNINGS": "ignore"}
    started = time.perf_counter()
    processes = [
        subprocess.Popen(
            [*IMPORT, "--db", claimtrack_url, "--user", f"importer{n}", "import", *map(str, group)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=environment,
        )
        for n, group in enumerate(groups)
    ]
    failures = []
    for process in processes:
        _, err = process.communicate()
        if process.returncode != 0 or "Traceback" in err:
            failures.append(f"exit {process.returncode}: {err.strip()[-300:]}")
    return time.perf_counter() - started, failures


def shape(url: str) -> dict[str, int]:
    """Counts, and how many rows repeat what should be unique."""
    with psycopg.connect(url) as connection:

        def one(sql: str) -> int:
            row = connection.execute(sql).fetchone()
            return int(row[0]) if row else 0

        return {
            "documents": one("SELECT count(*) FROM documents"),
            "claims": one("SELECT count(*) FROM claims"),
            "appearances": one("SELECT count(*) FROM appearances"),
            "repeated documents": one("SELECT count(*) - count(DISTINCT sha256) FROM documents"),
            "repeated claims": one("SELECT count(*) - count(DISTINCT normalized) FROM claims"),
            "repeated appearances": one(
                "SELECT count(*) FROM (SELECT document_id, start_offset FROM appearances"
                " GROUP BY document_id, start_offset HAVING count(*) > 1) AS twice"
            ),
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=240)
    parser.add_argument("--server", default="postgresql://root@127.0.0.1/postgres")
    parser.add_argument("--importers", default="1,2,4")
    args = parser.parse_args()
    server = make_url(args.server).set(drivername="postgresql")
    admin_url = server.render_as_string(hide_password=False)
    bench = server.set(database=DATABASE)
    bench_url = bench.render_as_string(hide_password=False)
    claimtrack_url = bench.set(drivername="postgresql+psycopg").render_as_string(
        hide_password=False
    )
    ok = True
    with tempfile.TemporaryDirectory(prefix="claimtrack-import-") as folder:
        paths = write_articles(Path(folder), args.articles)
        print(f"{args.articles} articles of {PER_ARTICLE} claim sentences from a pool of {POOL}")
        print(f"{'importers':>9}{'seconds':>9}{'articles/s':>12}{'speed-up':>10}  check")
        baseline: tuple[float, dict[str, int]] | None = None
        try:
            for importers in (int(n) for n in args.importers.split(",")):
                recreate(admin_url)
                subprocess.run(
                    [sys.executable, "-m", "claimtrack", "--db", claimtrack_url, "db", "upgrade"],
                    check=True,
                    capture_output=True,
                )
                seconds, failures = run(claimtrack_url, shares(paths, importers))
                counts = shape(bench_url)
                rate = args.articles / seconds
                if baseline is None:
                    baseline = (rate, counts)
                problems = failures + [
                    f"{name}: {value}" for name, value in counts.items()
                    if name.startswith("repeated") and value
                ]  # fmt: skip
                if counts != baseline[1]:
                    problems.append(f"differs from one importer: {counts} vs {baseline[1]}")
                ok &= not problems
                check = "; ".join(problems) if problems else (
                    f"no duplicates ({counts['documents']} documents, {counts['claims']} claims,"
                    f" {counts['appearances']} appearances, as one importer made)"
                )  # fmt: skip
                print(
                    f"{importers:>9}{seconds:>9.1f}{rate:>12.1f}{rate / baseline[0]:>10.2f}  {check}"
                )
        finally:
            with psycopg.connect(admin_url, autocommit=True) as admin:
                admin.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
