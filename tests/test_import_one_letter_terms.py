"""One-letter full-text terms are checked in Python, with FTS5's answers (issue 17, point 1).

"Ukraine's" is the query `"ukraine"* "s"*`; the `"s"*` made FTS5 merge the
lists of every word beginning with s, most of an article's candidate search.
The import leaves such a term out of the lookup and checks it on the rows read
(`search.starts_a_token`): the candidates must be those of the full query.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import string

import pytest

from claimtrack import service
from claimtrack.db import Database
from claimtrack.importers.articles import import_article
from claimtrack.importers.files import Article
from claimtrack.search import fts_query, starts_a_token
from claimtrack.service import articles

PUBLISHED = dt.date(2025, 11, 3)

TEXTS = [
    "Ukraine's defence ministry said it would buy 40 jets.",
    "The US and the UK's navies sailed on.",
    "Šefčovič told Łódź officials the plan was ready.",
    "Ángel and Émile met in São Paulo at 5pm.",
    "F-16s arrived; the F-35 did not.",
    "x\u0301s is a combining mark before an s.",
    "Private \ue000s use.",
    "Ｓpecial fullwidth letters and ﬁ ligatures.",
    "Ünal's team won 3–1 on Sunday; it's 'official'.",
    "Don’t say ‘never’ — Zelensky’s aides wrote.",
    "numbers like 2nd, 3rd and ½ and ²",
    "",
]


def test_a_decided_answer_is_fts5s(tmp_path) -> None:
    # Given: texts in an FTS5 table tokenized as claims_fts is (migration 0002)
    connection = sqlite3.connect(tmp_path / "fts.db")
    connection.execute(
        "CREATE VIRTUAL TABLE t USING fts5(text, speaker, tokenize='unicode61 remove_diacritics 2')"
    )
    rows = [(text, speaker) for text in TEXTS for speaker in (None, "Sam Smith")]
    connection.executemany("INSERT INTO t (text, speaker) VALUES (?, ?)", rows)

    # When: each one-letter prefix is looked up by FTS5 and checked in Python
    decided = 0
    for letter in string.ascii_lowercase + string.digits:
        matched = {
            rowid
            for (rowid,) in connection.execute(
                "SELECT rowid FROM t WHERE t MATCH ?", (f'"{letter}"*',)
            )
        }
        for rowid, values in enumerate(rows, start=1):
            answer = starts_a_token(values, letter)
            # Then: every answer given agrees with FTS5
            if answer is not None:
                decided += 1
                assert answer == (rowid in matched), (values, letter)
    assert decided > 0.75 * len(rows) * 36  # some texts above are built to be undecided


@pytest.mark.parametrize("limit", [3, 200])
@pytest.mark.parametrize("noted", [False, True])
def test_candidates_are_those_of_the_full_query(
    database: Database, monkeypatch: pytest.MonkeyPatch, limit: int, noted: bool
) -> None:
    if not database.is_sqlite:
        pytest.skip("the one-letter terms are SQLite's")
    # Given: claims naming Ukraine, some with a word in s, some without; a limit
    # small enough that the lookup without "s"* reads more rows than it may keep
    monkeypatch.setattr(articles, "MATCH_CANDIDATES", limit)
    monkeypatch.setattr(articles, "_SHORT_TERM_ROWS", 2 * limit)
    lines = [
        f"Ukraine {'sent' if n % 3 else 'gave'} {100 + n} drones to Poland by {2026 + n % 3}."
        if n % 2
        else f"Ukraine bought {100 + n} tanks from Germany{', a source said' if n % 4 else ''}."
        for n in range(24)
    ]
    for n, line in enumerate(lines):
        import_article(database, "ana", Article(origin=f"r{n}.txt", text=f"Report {n}\n\n{line}\n"))
    if noted:  # and a note naming them on a claim whose own text has no word in s
        with database.transaction() as session:
            service.add_note(session, "ana", 22, "Ukraine's Poland desk: ask the Germany office")

    # When: claims naming "Ukraine's" and a country look for candidates
    with database.transaction() as session:
        connection = session.connection()
        queries = {9999: "poland ukraine's", 9998: "germany ukraine's"}
        found = articles._text_candidates(connection, queries, skip={3})
        # Then: they are the first of the full query's, in id order, and those noted
        for claim_id, nouns in queries.items():
            query = fts_query(nouns)
            expected = [
                candidate
                for (candidate,) in connection.exec_driver_sql(
                    "SELECT claims.id FROM claims_fts CROSS JOIN claims"
                    " ON claims.id = claims_fts.rowid WHERE claims_fts MATCH ?"
                    " AND claims.merged_into_id IS NULL AND claims.id NOT IN (3)"
                    f" ORDER BY claims.id LIMIT {limit}",
                    (query,),
                )
            ]
            by_note = connection.exec_driver_sql(
                "SELECT notes.claim_id FROM notes WHERE notes.id IN"
                " (SELECT rowid FROM notes_fts WHERE notes_fts MATCH ?)",
                (query,),
            ).all()
            assert bool(by_note) == noted
            mine = [c for i, c, _ in found if i == claim_id]
            assert sorted(mine) == sorted(expected + [c for (c,) in by_note])
        assert {i for i, _, _ in found} == set(queries)
