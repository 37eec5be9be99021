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
import unicodedata
from collections.abc import Sequence
from functools import cache, reduce
from typing import TYPE_CHECKING

from sqlalchemy import (
    ColumnElement,
    FromClause,
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

from claimtrack import tables

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

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


# Characters whose place in a token Python's `\w` and FTS5's unicode61 tokenizer may
# see differently: private use (Co, in a token for SQLite) and combining marks.
_UNSURE = re.compile(
    "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
    "\ue000-\uf8ff\U000f0000-\U0010ffff]"
)
# A token's first character (after one that is not in a token, or the start), not ASCII.
_FOREIGN_START = re.compile(r"(?<![^\W_])(?=[^\W_])[^\x00-\x7f]")


def starts_a_token(values: Sequence[str | None], letter: str) -> bool | None:
    """Whether a token of `values` begins with `letter` (one ASCII letter or digit) as
    FTS5's unicode61 tokenizer cuts and folds them: whether `"letter"*` matches.

    None when it cannot be told here: a token opening with a letter that folds to
    `letter` by dropping its diacritic (SQLite's own table decides), or a
    character the two may place differently (`_UNSURE`).
    """
    starts = _token_start(letter)
    undecided = False
    for value in values:
        if not value:
            continue
        if not value.isascii() and _UNSURE.search(value):
            return None
        if starts.search(value):
            return True
        for char in _FOREIGN_START.findall(value):
            base = unicodedata.normalize("NFKD", char)[0]
            if base.lower() == letter or char.casefold().startswith(letter):
                undecided = True
    return None if undecided else False


@cache
def _token_start(letter: str) -> re.Pattern[str]:
    """`letter`, either case, where a token begins."""
    cased = re.escape(letter.lower()) + re.escape(letter.upper())
    return re.compile(rf"(?<![^\W_])[{cased}]")


def matches(
    text: str, dialect: str, *, many_in_notes: bool = False, claims: FromClause | None = None
) -> ColumnElement[bool]:
    """A WHERE condition on claims: the claim, its speaker or one of its notes matches `text`.

    `claims` is the table the statement reads, the models' one unless given
    (tables.claims reads without the ORM). `many_in_notes` (PostgreSQL; see
    `many_notes_match`) picks the form of the notes' half that is fast when
    thousands of notes match.
    """
    claims = tables.given_or_models_claims(claims)
    note = tables.notes
    if dialect == "sqlite":
        query = fts_query(text)
        if query is None:
            return true()
        in_claims = select(claims_fts.c.rowid).where(claims_fts.c.claims_fts.op("MATCH")(query))
        in_notes = select(note.c.claim_id).where(
            note.c.id.in_(select(notes_fts.c.rowid).where(notes_fts.c.notes_fts.op("MATCH")(query)))
        )
        return or_(claims.c.id.in_(in_claims), claims.c.id.in_(in_notes))
    if dialect == "postgresql":
        return _postgres_matches(text, claims, many_in_notes)
    conditions = []
    for word in WORD.findall(text):
        pattern = f"%{word}%"
        conditions.append(
            or_(
                claims.c.text.ilike(pattern),
                claims.c.speaker.ilike(pattern),
                exists().where(note.c.claim_id == claims.c.id, note.c.text.ilike(pattern)),
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


def _postgres_matches(
    text: str, claims: FromClause, many_in_notes: bool = False
) -> ColumnElement[bool]:
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
        return or_(CLAIM_VECTOR.op("@@")(query), claims.c.id.in_(in_notes))
    return or_(
        CLAIM_VECTOR.op("@@")(query),
        claims.c.id == any_(func.array(in_notes.scalar_subquery())),
    )
