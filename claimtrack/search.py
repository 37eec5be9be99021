"""Full-text search over claim text, speaker and notes.

SQLite: FTS5 tables kept in sync by triggers (migration 0002), matched by
rowid so the planner never sorts by rank over a common word. PostgreSQL: the
generated, GIN-indexed `search_vector` columns of claims and notes (migration
0007), unaccented 'simple' tsvectors. Both read the user's words the same way:
every word must match, as a prefix, accents and case aside; a claim matches
when its text and speaker hold every word, or one of its notes does. Query
syntax is inert. Other backends: a portable case-insensitive LIKE.
"""

from __future__ import annotations

import re
from functools import reduce

from sqlalchemy import (
    ColumnElement,
    String,
    any_,
    column,
    exists,
    func,
    literal,
    literal_column,
    or_,
    select,
    table,
    true,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from claimtrack.models import Claim, Note

WORD = re.compile(r"\w+", re.UNICODE)

claims_fts = table("claims_fts", column("rowid"), column("claims_fts"))
notes_fts = table("notes_fts", column("rowid"), column("notes_fts"))
# PostgreSQL's search columns (0007); no model maps them, as SQLite has none.
CLAIM_VECTOR: ColumnElement[object] = literal_column("claims.search_vector")
notes_search = table("notes", column("claim_id"), column("search_vector")).alias("notes_search")
SIMPLE: ColumnElement[str] = literal_column("'simple'::regconfig")


def fts_query(text: str) -> str | None:
    """User text as an FTS5 query: every word must match, as a prefix; syntax is inert."""
    words = WORD.findall(text)
    return " ".join(f'"{word}"*' for word in words) if words else None


def matches(text: str, dialect: str, *, many_in_notes: bool = False) -> ColumnElement[bool]:
    """A WHERE condition on Claim: the claim, its speaker or one of its notes matches `text`.

    `many_in_notes` (PostgreSQL; see `many_notes_match`) picks the form of the
    notes' half that is fast when thousands of notes match.
    """
    if dialect == "sqlite":
        query = fts_query(text)
        if query is None:
            return true()
        in_claims = select(claims_fts.c.rowid).where(claims_fts.c.claims_fts.op("MATCH")(query))
        in_notes = select(Note.claim_id).where(
            Note.id.in_(select(notes_fts.c.rowid).where(notes_fts.c.notes_fts.op("MATCH")(query)))
        )
        return or_(Claim.id.in_(in_claims), Claim.id.in_(in_notes))
    if dialect == "postgresql":
        return _postgres_matches(text, many_in_notes)
    conditions = []
    for word in WORD.findall(text):
        pattern = f"%{word}%"
        conditions.append(
            or_(
                Claim.text.ilike(pattern),
                Claim.speaker.ilike(pattern),
                exists().where(Note.claim_id == Claim.id, Note.text.ilike(pattern)),
            )
        )
    return true() if not conditions else conditions[0] if len(conditions) == 1 else _all(conditions)


def _all(conditions: list[ColumnElement[bool]]) -> ColumnElement[bool]:
    from sqlalchemy import and_

    return and_(*conditions)


def ts_query(text: str) -> ColumnElement[object] | None:
    """User text as a PostgreSQL tsquery: every word a prefix, all required; syntax is inert.

    Each word goes through `claimtrack_search_words` (unaccent, ASCII punctuation
    to spaces), as the indexed text did, so it holds no quote and no operator and
    can be quoted as one lexeme. A word that leaves no lexeme ("_") is dropped,
    as FTS5 drops it; if none is left the query is empty and matches nothing,
    as FTS5's does.
    """
    words = WORD.findall(text)
    if not words:
        return None
    prefixes: list[ColumnElement[object]] = [
        func.to_tsquery(
            SIMPLE,
            literal("'", String)
            + func.claimtrack_search_words(literal(word, String))
            + literal("':*", String),
        )
        for word in words
    ]
    return reduce(lambda query, prefix: query.op("&&")(prefix), prefixes)


# Past this many matching notes, their claims are looked up in a hash, not an array.
MANY_NOTES = 1000


def many_notes_match(connection: Connection | Session, text: str) -> bool:
    """Whether more than MANY_NOTES notes match `text` (PostgreSQL; one capped index read)."""
    query = ts_query(text)
    if query is None:
        return False
    matching = (
        select(notes_search.c.claim_id)
        .where(notes_search.c.search_vector.op("@@")(query))
        .limit(MANY_NOTES + 1)
        .subquery()
    )
    return (connection.scalar(select(func.count()).select_from(matching)) or 0) > MANY_NOTES


def _postgres_matches(text: str, many_in_notes: bool = False) -> ColumnElement[bool]:
    """The claim's own vector, or its id among those of the notes that match.

    Written on the claim's row (not `id IN (claims matching UNION notes
    matching)`), so PostgreSQL chooses by its statistics of the words: for a
    common word, walk the claims in the page's order and stop after a page
    (the union would collect and sort every match: seconds at a million
    claims); for a rare one, OR the GIN index's bitmap with the primary key's
    (`= ANY(ARRAY(...))`, unlike `IN (subquery)`, can use an index). But each
    row's test against the array is a linear scan: when thousands of notes
    match (`many_in_notes`), `IN (subquery)` is tested against a hash instead
    (a word in 50,000 notes at a million claims: 280 ms -> 35 ms).
    """
    query = ts_query(text)
    if query is None:
        return true()
    in_notes = select(notes_search.c.claim_id).where(notes_search.c.search_vector.op("@@")(query))
    if many_in_notes:
        return or_(CLAIM_VECTOR.op("@@")(query), Claim.id.in_(in_notes))
    return or_(
        CLAIM_VECTOR.op("@@")(query),
        Claim.id == any_(func.array(in_notes.scalar_subquery())),
    )
