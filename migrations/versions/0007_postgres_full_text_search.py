"""full-text search on PostgreSQL: unaccented 'simple' tsvectors with GIN indexes

Until now PostgreSQL searched with one `ILIKE '%word%'` per word: no index,
accents mattered ("muller" missed "Müller"), and a word matched anywhere
inside another, unlike SQLite's FTS5, which matches each word as a prefix.

On PostgreSQL:

- the `unaccent` extension (installed in `public`, or in the current schema
  if there is no `public`; left where it is if the database already has it)
  and `claimtrack_unaccent(text)`, an
  IMMUTABLE wrapper naming its dictionary by schema, so an index or a
  generated column may use it (`unaccent()` itself is only STABLE: it reads
  the dictionary through `search_path`);
- `claimtrack_search_words(text)`: the unaccented text with ASCII
  punctuation turned into spaces. PostgreSQL's parser would otherwise keep
  "600-800" as "600" and "-800", "F-16" as "f" and "-16", "3.5" and
  "example.com" as one word each, so "800" or "com" would find nothing;
  FTS5 splits them all, and so does the query side, which runs each word
  through the same function;
- a STORED generated `search_vector` column on claims (text and speaker)
  and one on notes (the note's text), both `to_tsvector('simple', ...)` so
  words are lower-cased but never stemmed (as in FTS5), each with a GIN
  index. Adding a generated column computes it for every existing row, which
  is the backfill.

Why one column on each table rather than one on claims that also holds the
notes (kept by triggers): SQLite indexes a claim's text and speaker in
claims_fts and each note in notes_fts, and a claim matches when every word
is in its text and speaker, or every word is in one of its notes. A column
per table gives PostgreSQL exactly those semantics, so both backends return
the same claims; it needs no trigger, and adding a note does not write (nor
lock) its claim's row.

On SQLite nothing changes: 0002 already built claims_fts and notes_fts with
`tokenize='unicode61 remove_diacritics 2'`, so diacritics are folded there
and every database at 0006 has that tokenizer; rebuilding the tables would
produce the same index.

Downgrade drops the columns, their indexes and both functions. It leaves the
unaccent extension: it belongs to the database, not to this schema, and
another schema or program may use it.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-08
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# ASCII punctuation (! to /, : to @, [ to `, { to ~), written as escapes so the
# statement holds no colon for SQLAlchemy to read as a bound parameter.
PUNCTUATION = r"[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]+"

# (table, the text its vector covers)
VECTORS = {
    "claims": "coalesce(text, '') || ' ' || coalesce(speaker, '')",
    "notes": "coalesce(text, '')",
}


def _quoted(schema: str) -> str:
    return '"{}"'.format(schema.replace('"', '""'))


# Function bodies name every schema: pg_dump restores with an empty search_path,
# and the generated columns are computed through these functions as rows come in.
def _unaccent_wrapper(unaccent_schema: str) -> str:
    schema = _quoted(unaccent_schema)
    return f"""CREATE FUNCTION claimtrack_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT {schema}.unaccent('{schema}.unaccent'::regdictionary, $1) $$"""


def _search_words(home: str) -> str:
    return rf"""CREATE FUNCTION claimtrack_search_words(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT regexp_replace({_quoted(home)}.claimtrack_unaccent($1),
        '{PUNCTUATION}', ' ', 'g') $$"""


def _unaccent_schema() -> str | None:
    """The schema the unaccent extension is installed in; None when it is not installed."""
    schema: str | None = (
        op.get_bind()
        .exec_driver_sql(
            "SELECT n.nspname FROM pg_extension e"
            " JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'unaccent'"
        )
        .scalar()
    )
    return schema


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    schema = _unaccent_schema()
    if schema is None:
        public = bind.exec_driver_sql("SELECT to_regnamespace('public')").scalar()
        op.execute("CREATE EXTENSION unaccent" + (" SCHEMA public" if public else ""))
        schema = _unaccent_schema()
        assert schema is not None
    op.execute(_unaccent_wrapper(schema))
    # the schema the functions are created in, where the tables are
    op.execute(_search_words(bind.exec_driver_sql("SELECT current_schema()").scalar_one()))
    for table, source in VECTORS.items():
        op.execute(
            f"ALTER TABLE {table} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
            f"(to_tsvector('simple'::regconfig, claimtrack_search_words({source}))) STORED"
        )
        op.execute(f"CREATE INDEX ix_{table}_search_vector ON {table} USING gin (search_vector)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in reversed(VECTORS):
        op.execute(f"DROP INDEX ix_{table}_search_vector")
        op.execute(f"ALTER TABLE {table} DROP COLUMN search_vector")
    op.execute("DROP FUNCTION claimtrack_search_words(text)")
    op.execute("DROP FUNCTION claimtrack_unaccent(text)")
