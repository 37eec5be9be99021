"""A team's load on one PostgreSQL database: reviewers working one claim set at once.

    python benchmarks/team_load.py                          # 8 reviewers, 120 s
    python benchmarks/team_load.py --reviewers 8 --seconds 20 --url postgresql://root@127.0.0.1/test
    python benchmarks/team_load.py --serializable           # a team's SERIALIZABLE default

Each reviewer is a process logged in as its own login with the reviewer role
(`team add`), working the same claims through the service, as the CLI and
the TUI do: notes, sources, status changes without a version (advance the
claim from wherever it is) and with one (read the version, then write,
holding it; another reviewer may have moved the claim in between).

It prints operations done, conflicts reported (a stale version: the only
kind a reviewer should see), lost updates (acknowledged writes not found
afterwards, or two acknowledged writes claiming the same claim version:
must be 0), tracebacks (unexpected exceptions: must be 0), retries, and
latency percentiles. The work runs in a schema of its own, dropped at the
end with the logins and roles it made. The baseline for the p95 is the same
run's median: a p95 near the median means writers rarely wait on each other.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import statistics
import time
import traceback
import uuid
from dataclasses import dataclass, field
from urllib.parse import quote

from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from claimtrack import service
from claimtrack.config import as_url
from claimtrack.db import Database, open_database
from claimtrack.errors import Conflict
from claimtrack.models import Event, Note, Source
from claimtrack.retry import RetriesExhausted, retrying
from claimtrack.scale import TRANSITIONS, Status
from claimtrack.team import Role, add_member

CLAIMS = 20
OPERATIONS = ("note", "source", "status", "status_versioned")


@dataclass
class Tally:
    """What one reviewer did and what it was told."""

    operations: int = 0
    conflicts: int = 0
    gave_up: int = 0  # retries exhausted: reported in one line
    tracebacks: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)  # (id, text) acknowledged
    sources: list[tuple[int, str]] = field(default_factory=list)  # (id, url)
    statuses: list[tuple[int, int, str]] = field(default_factory=list)  # (claim, version, status)
    attempts: int = 0


def _with_schema(url: str, schema: str, *, serializable: bool = False) -> str:
    rendered = make_url(url).render_as_string(hide_password=False)
    separator = "&" if "?" in rendered else "?"
    options = f"-csearch_path={schema}"
    if serializable:  # as a team may set it: then PostgreSQL aborts, and claimtrack retries
        options += " -cdefault_transaction_isolation=serializable"
    return f"{rendered}{separator}options={quote(options, safe='')}"


def _next_status(current: str, rng: random.Random) -> Status:
    # Reviewers do not conclude: that is the editor's step.
    choices = sorted(s for s in TRANSITIONS[Status(current)] if s != Status.CONCLUDED)
    return rng.choice(choices)


def reviewer(url: str, claim_ids: list[int], seconds: float, seed: int) -> Tally:
    """One reviewer's loop until the deadline; every exception is counted, none escapes."""
    rng = random.Random(seed)
    database = Database(url)
    with database.read() as session:
        actor = str(session.execute(text("SELECT session_user")).scalar_one())
    tally = Tally()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        claim_id = rng.choice(claim_ids)
        operation = rng.choice(OPERATIONS)
        tally.operations += 1
        started = time.perf_counter()
        try:
            _operate(database, actor, operation, claim_id, rng, tally)
        except Conflict:
            tally.conflicts += 1
        except RetriesExhausted:
            tally.gave_up += 1
        except Exception:
            tally.tracebacks.append(traceback.format_exc())
        tally.latencies.append(time.perf_counter() - started)
    database.dispose()
    return tally


def _operate(
    database: Database, actor: str, operation: str, claim_id: int, rng: random.Random, tally: Tally
) -> None:
    marker = uuid.uuid4().hex

    def attempt(work):  # one transaction, retried on serialization failures and deadlocks
        def run():
            tally.attempts += 1
            with database.transaction() as session:
                return work(session)

        return retrying(run)

    if operation == "note":
        note_id = attempt(lambda s: service.add_note(s, actor, claim_id, f"note {marker}").id)
        tally.notes.append((note_id, f"note {marker}"))
    elif operation == "source":
        url = f"https://example.org/{marker}"
        source_id = attempt(lambda s: service.add_source(s, actor, claim_id, url).id)
        tally.sources.append((source_id, url))
    elif operation == "status":

        def advance(session):
            claim = service.get_claim(session, claim_id)
            service.lock_claim(session, claim)
            target = _next_status(claim.status, rng)
            service.set_status(session, actor, claim_id, target)
            return claim.version, target.value

        version, status = attempt(advance)
        tally.statuses.append((claim_id, version, status))
    else:

        def look():  # a read can lose under SERIALIZABLE too; the CLI retries it as well
            with database.read() as session:
                seen = service.get_claim(session, claim_id)
                return seen.version, _next_status(seen.status, rng)

        loaded, target = retrying(look)
        time.sleep(rng.uniform(0, 0.005))  # the reviewer reads, then decides

        def decide(session):
            claim = service.set_status(session, actor, claim_id, target, expected_version=loaded)
            return claim.version

        version = attempt(decide)
        tally.statuses.append((claim_id, version, target.value))


def _run_reviewer(args: tuple[str, list[int], float, int]) -> Tally:
    return reviewer(*args)


def lost_updates(database: Database, tallies: list[Tally]) -> int:
    """Acknowledged writes that are not in the database (or that claim one version twice)."""
    lost = 0
    with database.read() as session:
        notes = dict(session.execute(select(Note.id, Note.text)).all())
        sources = dict(session.execute(select(Source.id, Source.url)).all())
        events = {
            (e.claim_id, e.claim_version): e.new
            for e in session.scalars(select(Event).where(Event.action == "status"))
        }
    acknowledged: set[tuple[int, int]] = set()
    for tally in tallies:
        lost += sum(notes.get(i) != t for i, t in tally.notes)
        lost += sum(sources.get(i) != u for i, u in tally.sources)
        for claim_id, version, status in tally.statuses:
            key = (claim_id, version)
            lost += key in acknowledged or events.get(key) != status
            acknowledged.add(key)
    return lost


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--url",
        default=os.environ.get("CLAIMTRACK_TEST_DATABASE_URL", "postgresql://root@127.0.0.1/test"),
        help="A PostgreSQL database, as a login that may create roles and schemas.",
    )
    parser.add_argument("--reviewers", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--claims", type=int, default=CLAIMS)
    parser.add_argument(
        "--serializable", action="store_true", help="Reviewers' transactions SERIALIZABLE."
    )
    options = parser.parse_args()

    base = as_url(options.url)
    schema = f"team_load_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    logins: list[str] = []
    with admin.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    database = open_database(_with_schema(base, schema))
    try:
        with database.transaction() as session:
            claim_ids = [
                service.add_claim(session, "setup", f"Claim {n}: {n * 100} drones per day").id
                for n in range(options.claims)
            ]
        urls = []
        with database.engine.begin() as connection:
            for n in range(options.reviewers):
                login = f"load_{uuid.uuid4().hex[:8]}_{n}"
                add_member(connection, login, Role.REVIEWER)
                logins.append(login)
                urls.append(
                    _with_schema(
                        make_url(base).set(username=login).render_as_string(hide_password=False),
                        schema,
                        serializable=options.serializable,
                    )
                )
        work = [(url, claim_ids, options.seconds, n) for n, url in enumerate(urls)]
        started = time.monotonic()
        with multiprocessing.get_context("spawn").Pool(options.reviewers) as pool:
            tallies = pool.map(_run_reviewer, work)
        elapsed = time.monotonic() - started
        report(database, tallies, options, elapsed)
    finally:
        database.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            for login in logins:
                connection.execute(text(f'DROP ROLE IF EXISTS "{login}"'))
            stem = f"{make_url(base).database}_{schema}_"
            for role in (
                connection.execute(
                    text("SELECT rolname FROM pg_roles WHERE starts_with(rolname, :s)"), {"s": stem}
                )
                .scalars()
                .all()
            ):
                connection.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        admin.dispose()


def report(
    database: Database, tallies: list[Tally], options: argparse.Namespace, elapsed: float
) -> None:
    latencies = sorted(x for t in tallies for x in t.latencies)
    operations = sum(t.operations for t in tallies)
    tracebacks = [tb for t in tallies for tb in t.tracebacks]
    p50 = statistics.median(latencies) if latencies else 0.0
    p95 = latencies[int(0.95 * (len(latencies) - 1))] if latencies else 0.0
    attempts = sum(t.attempts for t in tallies)
    conflicts = sum(t.conflicts for t in tallies)
    gave_up = sum(t.gave_up for t in tallies)
    succeeded = operations - conflicts - gave_up - len(tracebacks)
    print(
        f"reviewers            {options.reviewers} processes, {options.claims} claims, {options.seconds:.0f} s of work ({elapsed:.0f} s with start-up)"
    )
    rate = operations / options.seconds
    print(f"operations done      {operations} ({rate:.0f}/s of work), {succeeded} written")
    print(f"conflicts reported   {conflicts} (stale versions), {gave_up} gave up after retries")
    print(f"retries              {attempts - operations}")
    print(f"lost updates         {lost_updates(database, tallies)}")
    print(f"tracebacks           {len(tracebacks)}")
    print(
        f"latency              p50 {p50 * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms (p95/p50 {p95 / p50 if p50 else 0:.1f})"
    )
    for tb in tracebacks[:3]:
        print(tb)


if __name__ == "__main__":
    main()
