"""Several `claimtrack import` processes writing one database at once (issue 14, point 6).

Four importers get the same articles in different orders, so they race on every
document and, within articles, on claims other articles share. Whatever the
interleaving, the result must be what one importer would have made: each
document once, each claim once, every appearance recorded, no traceback.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from claimtrack.db import open_database
from claimtrack.models import Appearance, Claim, Document, FollowUp, SuggestedMatch

IMPORTERS = 4
ARTICLES = 12
POOL = 24  # claim sentences the articles share
COUNTRIES = ["Ukraine", "Poland", "Germany", "France", "Norway", "Finland", "Estonia"]
THINGS = ["interceptor drones", "artillery shells", "homes", "hospitals", "wind turbines"]
MINISTERS = ["Olena Kovalenko", "Mark Rutte", "Anna Schmidt"]


def _sentence(n: int) -> str:
    pick = random.Random(n)
    return (
        f"{pick.choice(COUNTRIES)} will build {100 + n} new {pick.choice(THINGS)} "
        f"by the end of {2026 + n % 4}, the minister {MINISTERS[n % 3]} said."
    )


def _write_articles(folder: Path) -> list[Path]:
    pick = random.Random(14)
    paths = []
    for n in range(ARTICLES):
        sentences = [_sentence(i) for i in pick.sample(range(POOL), 6)]
        body = " ".join(sentences)
        path = folder / f"report-{n:02}.txt"
        path.write_text(f"Defence report number {n}\n\n{body}\n", encoding="utf-8")
        paths.append(path)
    return paths


def _import(url: str, paths: list[Path], user: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "claimtrack", "--db", url, "--user", user, "import"]
    environment = {**os.environ, "PYTHONWARNINGS": "ignore"}
    return subprocess.Popen(
        [*command, *map(str, paths)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
    )


def _shape(url: str) -> dict[str, object]:
    """What an import made, in terms that do not depend on the order it ran in."""
    database = open_database(url)
    try:
        with database.read() as session:
            texts = session.scalars(select(Claim.normalized)).all()
            return {
                "documents": sorted(session.scalars(select(Document.sha256)).all()),
                "claims": sorted(texts),
                "appearances": sorted(
                    session.execute(
                        select(Claim.normalized, Document.sha256, Appearance.start)
                        .join(Appearance, Appearance.claim_id == Claim.id)
                        .join(Document, Appearance.document_id == Document.id)
                    ).all()
                ),
                "followups": session.scalar(select(func.count(FollowUp.id))),
                "repeated_pairs": session.scalar(
                    select(func.count()).select_from(
                        select(SuggestedMatch.claim_id, SuggestedMatch.candidate_id)
                        .group_by(SuggestedMatch.claim_id, SuggestedMatch.candidate_id)
                        .having(func.count() > 1)
                        .subquery()
                    )
                ),
            }
    finally:
        database.dispose()


def test_parallel_importers_on_overlapping_articles_store_each_document_and_claim_once(
    database_url, tmp_path
):
    # Given: the same articles for every importer, each in its own order
    paths = _write_articles(tmp_path)
    open_database(database_url).dispose()  # the schema first, as a team sets it up
    orders = [random.Random(seed).sample(paths, len(paths)) for seed in range(IMPORTERS)]

    # When: four importers run at once
    running = [_import(database_url, order, f"importer{n}") for n, order in enumerate(orders)]
    # communicate() drains the pipes as it waits (wait() alone can block on a full
    # pipe) and closes them.
    finished = [(*process.communicate(timeout=600), process.returncode) for process in running]

    # Then: every importer succeeded without a traceback ...
    for _, err, code in finished:
        assert code == 0, err
        assert "Traceback" not in err
    # ... and the database holds what one importer alone makes
    serial_url = f"sqlite:///{tmp_path / 'serial.db'}"
    serial = _import(serial_url, paths, "alone")
    _, serial_err = serial.communicate(timeout=600)
    assert serial.returncode == 0, serial_err
    parallel, alone = _shape(database_url), _shape(serial_url)
    assert parallel == alone
    assert len(parallel["documents"]) == ARTICLES  # type: ignore[arg-type]
    assert len(set(parallel["claims"])) == len(parallel["claims"])  # type: ignore[arg-type]
    assert parallel["repeated_pairs"] == 0
    # Each importer reports its share; together they stored every article once.
    reported = sum(int(out.split(" document")[0]) for out, _, _ in finished)
    assert reported == ARTICLES
