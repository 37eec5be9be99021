"""Search at a million claims on PostgreSQL, against the raw tsvector query, in one run.

Run by hand, never by CI (it creates and drops its own database):

    python benchmarks/search_scale.py                       # 1,000,000 claims
    python benchmarks/search_scale.py --claims 100000
    python benchmarks/search_scale.py --server postgresql://root@127.0.0.1/postgres

It creates the database `claimtrack_bench_search` on the server (dropped at
the end unless --keep), brings it to the newest schema through claimtrack.db,
and fills it with psycopg's COPY: documents, claims (text and speaker, some
speakers and places accented), one note per 20 claims. The GIN indexes are
built after the load, as a restore would, then ANALYZE.

For each query shape — one word, a common word, two words, a prefix, an
accented word typed without its accent and as written — it times:

* page: claimtrack's first page, `queries.list_claims(search=…, limit=50)` (the
  filter, the order by score, each claim's sources, follow-ups, tags,
  quantities and dates loaded), what `claimtrack claims list --search` shows;
* ids: the same search query alone (the first page's ids through SQLAlchemy);
* raw, the baseline: the tsvector query by hand through psycopg on the live
  claims' own vectors (notes left out), `search_vector @@ to_tsquery(...)
  ORDER BY score DESC, id LIMIT 50`; ratio is page / raw.

Medians of --repeat runs after one warm-up. Target (issue 14): the first page
in ≤ 50 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
from sqlalchemy import select  # noqa: E402
from sqlalchemy.dialects import postgresql  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from claimtrack.db import open_database  # noqa: E402
from claimtrack.models import Claim, live_claims  # noqa: E402
from claimtrack.queries import list_claims  # noqa: E402
from claimtrack.reads import ClaimFilter  # noqa: E402
from claimtrack.search import many_notes_match  # noqa: E402

TARGET_MS = 50.0
DATABASE = "claimtrack_bench_search"
SEED = 20261205
CLAIMS_PER_DOCUMENT = 50
NOTE_EVERY = 20

SPEAKERS = [
    f"{first} {last}"
    for first in ("Olena", "Mark", "Anna", "Jonas", "José", "Łukasz", "Zoë", "Ahmed", "Nora")
    for last in ("Kovalenko", "Rutte", "Müller", "Dvořák", "Núñez", "Wiśniewski", "Berg", "Li")
]
PLACES = ["Kyiv", "Kraków", "Besançon", "Malmö", "São Paulo", "Zürich", "Berlin", "Oslo", "Riga"]
THINGS = ["interceptor drones", "artillery shells", "homes", "hospitals", "wind turbines",
          "electric buses", "schools", "heat pumps", "bridges", "nurses", "tanks", "flats"]  # fmt: skip
TEMPLATES = [
    "{place} plans to produce {low} {thing} per {period} by {year}, {speaker} said",
    "{speaker} said {place} had built {low} {thing} since {year}",
    "Spending on {thing} in {place} rose by {pct}% in {year}, according to {speaker}",
    "The number of {thing} in {place} fell by {pct}% between {year} and {year2}",
]
PERIODS = ["day", "week", "month", "year"]
STATUSES = ["new"] * 6 + ["in_progress", "in_progress", "concluded", "dismissed"]

# (label, what a reviewer types)
QUERIES = [
    ("one word", "interceptor"),
    ("common word", "said"),
    ("two words", "hospitals Kovalenko"),
    ("prefix", "turb"),
    ("accented, typed plain", "Dvorak"),
    ("accented, as written", "Kraków"),
    ("in every note", "officials"),  # 50,000 notes at a million claims
    ("in no claim", "zzzqx"),
]


def _claim_text(pick: random.Random) -> str:
    year = pick.randrange(2015, 2031)
    return pick.choice(TEMPLATES).format(
        place=pick.choice(PLACES),
        thing=pick.choice(THINGS),
        period=pick.choice(PERIODS),
        speaker=pick.choice(SPEAKERS),
        low=pick.randrange(2, 90_000),
        pct=pick.randrange(1, 60),
        year=year,
        year2=year + pick.randrange(1, 6),
    )


def _copy(cursor: psycopg.Cursor, table: str, columns: str, rows: io.StringIO) -> None:
    rows.seek(0)
    with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        while chunk := rows.read(1 << 20):
            copy.write(chunk)


def _field(value: object) -> str:
    if value is None:
        return r"\N"
    return str(value).replace("\\", "\\\\").replace("\t", " ").replace("\n", " ")


def fill(url: str, claims: int) -> None:
    """COPY the rows in; GIN indexes rebuilt afterwards."""
    started = time.perf_counter()
    pick = random.Random(SEED)
    moment = dt.datetime(2026, 1, 1, tzinfo=dt.UTC).isoformat()
    documents = max(1, claims // CLAIMS_PER_DOCUMENT)
    with psycopg.connect(url) as connection, connection.cursor() as cursor:
        cursor.execute("DROP INDEX ix_claims_search_vector, ix_notes_search_vector")
        rows = io.StringIO()
        for n in range(1, documents + 1):
            digest = hashlib.sha256(f"bench {n}".encode()).hexdigest()
            rows.write(f"{n}\tArticle {n}\tArticle {n}.\t{digest}\t{moment}\n")
        _copy(cursor, "documents", "id, title, text, sha256, imported_at", rows)
        for first in range(1, claims + 1, 100_000):
            claim_rows, appearance_rows, note_rows = io.StringIO(), io.StringIO(), io.StringIO()
            for claim_id in range(first, min(first + 100_000, claims + 1)):
                text = _claim_text(pick)
                speaker = pick.choice(SPEAKERS) if pick.random() < 0.7 else None
                # Template claims repeat; the unique normalised text (0009) needs each apart.
                normalized = f"{text.lower()} #{claim_id}"
                fields = (claim_id, text, normalized, "quantity", round(pick.random(), 4),
                          speaker, pick.choice(STATUSES), moment, moment, 1)  # fmt: skip
                claim_rows.write("\t".join(map(_field, fields)) + "\n")
                document = (claim_id - 1) // CLAIMS_PER_DOCUMENT + 1
                appearance_rows.write(f"{claim_id}\t{document}\t{_field(text)}\t0\t{len(text)}\n")
                if claim_id % NOTE_EVERY == 0:
                    note = f"Checked with {pick.choice(PLACES)} officials; {pick.choice(THINGS)}"
                    note_rows.write(f"{claim_id}\tbench\t{_field(note)}\t{moment}\n")
            _copy(cursor, "claims", "id, text, normalized, kind, score, speaker, status,"
                  " created_at, updated_at, version", claim_rows)  # fmt: skip
            _copy(cursor, "appearances", "claim_id, document_id, sentence, start_offset,"
                  " end_offset", appearance_rows)  # fmt: skip
            _copy(cursor, "notes", "claim_id, author, text, created_at", note_rows)
            connection.commit()
            print(f"  {min(first + 99_999, claims):,} claims", file=sys.stderr, end="\r")
        for table in ("claims", "notes"):
            cursor.execute(
                f"CREATE INDEX ix_{table}_search_vector ON {table} USING gin (search_vector)"
            )
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table}"
            )
        connection.commit()
        connection.autocommit = True
        cursor.execute("VACUUM ANALYZE")
    print(f"filled {claims:,} claims in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def median_ms(run: Callable[[], object], repeat: int) -> tuple[float, object]:
    result = run()  # warm-up: caches, plans
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


# Live claims (not merged, not in the trash), as claimtrack's queue indexes hold them.
LIVE = str(live_claims().compile(dialect=postgresql.dialect()))
BASELINE = f"""SELECT id FROM claims
WHERE {LIVE} AND search_vector @@ to_tsquery('simple'::regconfig, %s)
ORDER BY score DESC, id LIMIT 50"""


def page_ids(session: Session, typed: str) -> list[int]:
    """claimtrack's search query alone: the first page's ids, no claim loaded."""
    many = many_notes_match(session, typed)  # as queries.list_claims decides
    statement = ClaimFilter(search=typed).apply(select(Claim.id), "postgresql", many_in_notes=many)
    return list(session.scalars(statement.order_by(Claim.score.desc(), Claim.id).limit(50)))


def measure(url: str, psycopg_url: str, repeat: int) -> bool:
    database = open_database(url)
    ok = True
    print(
        f"{'query':<24}{'page ms':>9}{'ids ms':>8}{'raw ms':>8}{'ratio':>7}{'rows':>6}  "
        f"target ({TARGET_MS:.0f} ms for the page)"
    )
    with psycopg.connect(psycopg_url) as raw, database.read() as session:
        for label, typed in QUERIES:
            words = [w.lower() for w in typed.split()]
            plain = raw.execute(
                "SELECT string_agg(quote_literal(claimtrack_search_words(w)) || ':*', ' & ')"
                " FROM unnest(%s::text[]) AS w",
                (words,),
            ).fetchone()
            tsquery = plain[0] if plain else ""
            ours, page = median_ms(
                lambda typed=typed: list_claims(session, ClaimFilter(search=typed), limit=50),
                repeat,
            )
            ids, _ = median_ms(lambda typed=typed: page_ids(session, typed), repeat)
            base, _ = median_ms(
                lambda tsquery=tsquery: raw.execute(BASELINE, (tsquery,)).fetchall(), repeat
            )
            met = ours <= TARGET_MS
            ok &= met
            rows = len(page) if isinstance(page, list) else 0
            verdict = "ok" if met else f"MISSED (> {TARGET_MS:.0f} ms)"
            print(
                f"{label:<24}{ours:>9.1f}{ids:>8.1f}{base:>8.1f}{ours / base:>7.1f}{rows:>6}  "
                + verdict
            )
            session.rollback()
    database.dispose()
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--server", default="postgresql://root@127.0.0.1/postgres")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--keep", action="store_true", help="Keep the database (and reuse it).")
    args = parser.parse_args()
    server = make_url(args.server).set(drivername="postgresql")
    admin_url = server.render_as_string(hide_password=False)
    bench = server.set(database=DATABASE)
    bench_url = bench.render_as_string(hide_password=False)
    claimtrack_url = bench.set(drivername="postgresql+psycopg").render_as_string(
        hide_password=False
    )
    with psycopg.connect(admin_url, autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (DATABASE,))
        reuse = args.keep and exists.fetchone() is not None
        if not reuse:
            admin.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
            admin.execute(f"CREATE DATABASE {DATABASE}")
    try:
        if not reuse:
            open_database(claimtrack_url).dispose()  # the schema, through the migrations
            fill(bench_url, args.claims)
        print(f"{args.claims:,} claims on PostgreSQL; medians of {args.repeat} runs")
        ok = measure(claimtrack_url, bench_url, args.repeat)
    finally:
        if not args.keep:
            with psycopg.connect(admin_url, autocommit=True) as admin:
                admin.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
