"""Full-text search: the same words find the same claims on SQLite (FTS5) and PostgreSQL.

Every word must match, as a prefix, whatever its case and accents; a claim is
found when its text and speaker hold every word, or one of its notes does.
Query syntax is inert. Runs on SQLite and, when CLAIMTRACK_TEST_DATABASE_URL
is set, on PostgreSQL (where the search columns of 0007 must be used by index).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import insert, inspect, select, text

from claimtrack import queries, reads, service
from claimtrack import search as search_module
from claimtrack.db import Database, head_revision, open_database
from claimtrack.models import Claim, Note
from claimtrack.search import matches

NOW = dt.datetime(2025, 11, 3, 12, 0, tzinfo=dt.UTC)

# name: (claim text, speaker, notes)
CORPUS: dict[str, tuple[str, str | None, tuple[str, ...]]] = {
    "zelenskyy": ("Zelenskyy’s office says the front will hold", "Volodymyr Zelenskyy", ()),
    "mueller": ("Müller promised 600–800 interceptor drones per day", None, ()),
    "muller": ("Muller denied that the F-16 deliveries were late", None, ()),
    "cafe": ("The café on the square sold 3.5 million cups", None, ()),
    "speaker": ("Unemployment fell last year", "Olaf Scholz", ()),
    "note": ("Exports doubled", None, ("Ask the ministry for monthly figures",)),
    "split": ("Tank production rose", None, ("The ministry confirmed it",)),
    "punctuated": ("See example.com: a/b testing (beta) costs $5", "Anna-Lena Bärbock", ()),
}

# Queries whose results SQLite and PostgreSQL must agree on.
QUERIES = [
    "zelenskyy",
    "ZELENSKYY",
    "Zelenskyy’s",
    "volodymyr",
    "muller",
    "müller",
    "Muller",
    "MÜLLER",
    "mull",
    "cafe",
    "café",
    "caf",
    "inter",
    "interceptor drones",
    "drones interceptor",
    "interceptor tank",
    "800",
    "600-800",
    "16",
    "f-16",
    "3.5",
    "5",
    "scholz",
    "olaf sch",
    "ministry",
    "ministry monthly",
    "tank ministry",
    "example",
    "com",
    "example.com",
    "a/b",
    "beta",
    "baerbock",
    "barbock",
    "anna lena",
    "(",
    '"',
    "a:b",
    "muller:",
    "muller:*",
    "!",
    "&",
    "|",
    "*",
    "drones & cafe",
    "drones | cafe",
    "!drones",
    "-drones",
    "drones*",
    "(drones",
    '"drones',
    "drones'",
    "'",
    "''",
    "\\",
    "<->",
    "NOT drones",
    "drones OR cafe",
    "NEAR(drones cafe)",
    "text:drones",
    "",
    "   ",
    "_",
    "_ cafe",
    "nothing-here",
]


def load(database: Database) -> dict[str, int]:
    """The corpus as claims with their notes; the id of each by name."""
    ids: dict[str, int] = {}
    with database.transaction() as s:
        for name, (claim_text, speaker, notes) in CORPUS.items():
            claim = service.add_claim(s, "alice", claim_text, speaker=speaker)
            for note in notes:
                service.add_note(s, "bob", claim.id, note)
            ids[name] = claim.id
    return ids


def search(database: Database, words: str) -> set[int]:
    with database.read() as s:
        found = queries.list_claims(s, reads.ClaimFilter(search=words), limit=None)
        return {claim.id for claim in found}


def named(ids: dict[str, int], *names: str) -> set[int]:
    return {ids[name] for name in names}


@pytest.fixture
def corpus(database: Database) -> dict[str, int]:
    return load(database)


# --- accents and case ----------------------------------------------------------------


def test_a_name_is_found_whatever_its_case(database, corpus):
    assert search(database, "Zelenskyy") == named(corpus, "zelenskyy")
    assert search(database, "zelenskyy") == named(corpus, "zelenskyy")
    assert search(database, "ZELENSKYY") == named(corpus, "zelenskyy")


def test_accents_are_ignored_in_the_text_and_in_the_query(database, corpus):
    # "muller" finds Müller, and "müller" finds Muller: both ways
    assert search(database, "muller") == named(corpus, "mueller", "muller")
    assert search(database, "müller") == named(corpus, "mueller", "muller")
    assert search(database, "Muller") == named(corpus, "mueller", "muller")
    assert search(database, "café") == named(corpus, "cafe")
    assert search(database, "cafe") == named(corpus, "cafe")


# --- prefixes and words ----------------------------------------------------------------


def test_every_word_matches_as_a_prefix(database, corpus):
    assert search(database, "inter") == named(corpus, "mueller")
    assert search(database, "zel") == named(corpus, "zelenskyy")
    assert search(database, "caf") == named(corpus, "cafe")
    # a prefix, not a substring: "ceptor" is inside "interceptor" but starts no word
    assert search(database, "ceptor") == set()


def test_every_word_is_required(database, corpus):
    assert search(database, "interceptor drones") == named(corpus, "mueller")
    assert search(database, "drones interceptor") == named(corpus, "mueller")
    assert search(database, "interceptor cups") == set()


def test_numbers_and_words_joined_by_punctuation_are_found_one_by_one(database, corpus):
    assert search(database, "800") == named(corpus, "mueller")
    assert search(database, "16") == named(corpus, "muller")
    assert search(database, "com") == named(corpus, "punctuated")
    assert search(database, "3.5 million") == named(corpus, "cafe")


# --- speaker and notes -----------------------------------------------------------------


def test_the_speaker_is_searched(database, corpus):
    assert search(database, "scholz") == named(corpus, "speaker")
    assert search(database, "olaf unemployment") == named(corpus, "speaker")
    assert search(database, "volodymyr") == named(corpus, "zelenskyy")


def test_note_text_is_searched(database, corpus):
    assert search(database, "ministry") == named(corpus, "note", "split")
    assert search(database, "ministry monthly") == named(corpus, "note")


def test_a_word_in_many_notes_finds_the_same_claims_by_the_hashed_form(
    database, corpus, monkeypatch
):
    # Past MANY_NOTES matching notes PostgreSQL looks the claims up in a hash
    # (search.many_notes_match); the claims found must not change with the form.
    if database.is_sqlite:
        pytest.skip("the two forms are PostgreSQL's")
    before = {words: search(database, words) for words in ("ministry", "ministry monthly")}
    with database.read() as s:
        assert not search_module.many_notes_match(s, "ministry")
    monkeypatch.setattr(search_module, "MANY_NOTES", 1)  # two notes mention the ministry
    with database.read() as s:
        assert search_module.many_notes_match(s, "ministry")
        assert not search_module.many_notes_match(s, "ministry monthly")
    assert {words: search(database, words) for words in before} == before


def test_all_words_must_be_in_the_claim_or_all_in_one_note(database, corpus):
    # "tank" is in the claim's text and "ministry" in its note: as FTS5 reads it, no match
    assert search(database, "tank ministry") == set()


def test_a_changed_claim_and_a_removed_note_are_searched_as_they_are_now(database, corpus):
    with database.transaction() as s:
        service.edit_claim(s, "alice", corpus["speaker"], text="Employment rose in Köln")
    assert search(database, "unemployment") == set()
    assert search(database, "koln") == named(corpus, "speaker")
    with database.read() as s:
        note_id = s.scalars(select(Note.id).where(Note.claim_id == corpus["note"])).one()
    with database.transaction() as s:
        service.remove_note(s, "bob", note_id)
    assert search(database, "monthly") == set()


# --- syntax is inert -------------------------------------------------------------------


@pytest.mark.parametrize("words", ["(", '"', "!", "&", "|", "*", ":", "'", "\\", "<->", "   "])
def test_a_query_without_words_raises_nothing_and_admits_every_claim(database, corpus, words):
    assert search(database, words) == set(corpus.values())


@pytest.mark.parametrize(
    ("words", "plain"),
    [
        ("a:b", "a b"),
        ("muller:*", "muller"),
        ("(drones", "drones"),
        ('"drones', "drones"),
        ("drones & cafe", "drones cafe"),
        ("drones | cafe", "drones cafe"),
        ("!drones", "drones"),
        ("text:drones", "text drones"),
        ("NEAR(drones cafe)", "near drones cafe"),
    ],
)
def test_query_syntax_is_read_as_plain_words(database, corpus, words, plain):
    assert search(database, words) == search(database, plain)


def test_a_word_without_letters_is_dropped_or_matches_nothing_as_fts5_has_it(database, corpus):
    assert search(database, "_") == set()
    assert search(database, "_ cafe") == named(corpus, "cafe")


# --- both backends agree ---------------------------------------------------------------


def test_sqlite_and_the_database_under_test_find_the_same_claims(database, tmp_path: Path):
    # on the PostgreSQL run this compares PostgreSQL with SQLite; on SQLite, SQLite with itself
    reference = open_database(f"sqlite:///{tmp_path / 'reference.db'}")
    try:
        reference_ids = load(reference)
        ids = load(database)
        by_name = {value: key for key, value in ids.items()}
        reference_by_name = {value: key for key, value in reference_ids.items()}
        for words in QUERIES:
            found = sorted(by_name[i] for i in search(database, words))
            expected = sorted(reference_by_name[i] for i in search(reference, words))
            assert (words, found) == (words, expected)
    finally:
        reference.dispose()


# --- the index is used (PostgreSQL) ----------------------------------------------------


@pytest.mark.postgres
def test_postgres_search_uses_the_gin_indexes(database, corpus):
    if database.is_sqlite:
        pytest.skip("SQLite searches its FTS5 tables")
    statement = select(Claim.id).where(matches("interceptor drones", "postgresql"))
    with database.engine.connect() as connection:
        sql = statement.compile(connection, compile_kwargs={"literal_binds": True})
        connection.execute(text("SET enable_seqscan = off"))
        plan = "\n".join(connection.execute(text(f"EXPLAIN {sql}")).scalars())
    assert "ix_claims_search_vector" in plan
    assert "ix_notes_search_vector" in plan


# --- migration 0007 --------------------------------------------------------------------


def _insert_claim_with_note(database: Database) -> None:
    with database.engine.begin() as connection:
        connection.execute(
            insert(Claim.__table__).values(
                id=1,
                text="Müller promised 600–800 interceptor drones per day",
                normalized="müller promised 600–800 interceptor drones per day",
                speaker="Jürgen Müller",
                kind="quantity",
                score=0.9,
                status="new",
                created_at=NOW,
                updated_at=NOW,
                version=1,
            )
        )
        connection.execute(
            insert(Note.__table__).values(
                id=1, claim_id=1, author="bob", text="Ask the café owners", created_at=NOW
            )
        )


def test_given_claims_at_0006_when_upgraded_then_search_finds_them(database):
    # given a database at 0006 holding a claim with a speaker and a note
    database.downgrade("0006")
    _insert_claim_with_note(database)
    # when it is upgraded
    database.upgrade()
    # then the claim is found by its text, its speaker and its note, accents aside
    assert database.current_revision() == head_revision()
    for words in ("muller", "MÜLLER interceptor", "jurgen", "cafe owners", "800"):
        assert search(database, words) == {1}, words
    assert search(database, "tank") == set()


def test_given_0007_when_downgraded_then_search_columns_are_gone_and_come_back(database):
    _insert_claim_with_note(database)

    database.downgrade("0006")
    columns = {
        table: {c["name"] for c in inspect(database.engine).get_columns(table)}
        for table in ("claims", "notes")
    }
    database.upgrade()

    assert "search_vector" not in columns["claims"] | columns["notes"]
    assert search(database, "jurgen cafe") == set()  # the speaker's and the note's words
    assert search(database, "muller cafe") == set()
    assert search(database, "cafe") == {1}
    assert search(database, "jurgen muller") == {1}
