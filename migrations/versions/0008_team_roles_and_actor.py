"""team roles and a database-stamped actor (PostgreSQL)

On PostgreSQL:

- three group roles (NOLOGIN) named after the database, and after the schema
  when it is not `public`, because roles are cluster-wide and two databases
  (or two schemas of one database) must not share a team:
  `<db>_reviewer`, `<db>_editor` (a member of reviewer) and `<db>_admin` (a
  member of editor). `claimtrack_role('editor')` returns the name, so the
  application and the triggers read it from one place. Existing roles are
  reused: upgrading a second schema's copy of the same names is harmless;
- GRANTs: every team role may read; a reviewer may insert what triage,
  sources, notes, follow-ups, tags, imports and match decisions insert, and
  change claims and follow-ups; an editor may do anything to the data
  (settings, merges, removing appearances). Default privileges give tables
  later migrations create the same read (reviewer) and write (editor) rights;
- a row rule on claims (trigger `claims_team_rules`): moving a claim into or
  out of `concluded`, or merging it, needs the editor role;
- the audit actor stamped by the database (triggers `*_stamp_names`): an
  event's actor becomes the login (`session_user`), whatever the INSERT said,
  and so do the other columns naming a person (a note's author, a source's
  `added_by`, a follow-up's `created_by` and `done_by`, a verdict's
  `verdict_by`, a match's `decided_by`). A member of the admin role may
  write "LOGIN on behalf of NAME" (the trigger writes it so when given only
  NAME). A superuser, or an admin who
  ran `SET LOCAL claimtrack.restore = 'on'` in the transaction, keeps the
  actor given: that is how a copy or a restore brings the original actors
  back (a superuser could disable the trigger anyway).

The login that runs the migration needs CREATEROLE (or to be a superuser);
unless it is a superuser, it becomes a member of the admin role, so the
owner of the tables can still manage the team.

On SQLite nothing changes: there are no logins, and the actor is `--user`.

The trigger functions name the schema of what they call: pg_dump restores
with an empty search_path.

Downgrade drops the triggers, the functions, the grants and the three roles
(with their memberships; the login roles of people stay).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op
from sqlalchemy import text

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KINDS = ("reviewer", "editor", "admin")
# PostgreSQL names are at most 63 bytes; the longest suffix is "_reviewer".
PREFIX_LENGTH = 63 - len("_reviewer")

# What a reviewer may write beyond reading. Editors may write every table.
REVIEWER_WRITES = {
    "events": "INSERT",
    "notes": "INSERT, DELETE",
    "sources": "INSERT, DELETE",
    "followups": "INSERT, UPDATE, DELETE",
    "tags": "INSERT",
    "claim_tags": "INSERT, DELETE",
    "claims": "INSERT, UPDATE",
    "documents": "INSERT",
    "appearances": "INSERT",
    "quantities": "INSERT",
    "date_refs": "INSERT",
    "suggested_matches": "INSERT, UPDATE",
}


# Where a person is named: (the writes stamped, the columns). The database
# writes the login there, as in an event's actor.
STAMPED = {
    "events": ("INSERT", ("actor",)),
    "notes": ("INSERT", ("author",)),
    "sources": ("INSERT", ("added_by",)),
    "followups": ("INSERT OR UPDATE", ("created_by", "done_by")),
    "claims": ("INSERT OR UPDATE", ("verdict_by",)),
    "suggested_matches": ("INSERT OR UPDATE", ("decided_by",)),
}


def _quoted(name: str) -> str:
    return '"{}"'.format(name.replace('"', '""'))


def role_prefix(database: str, schema: str) -> str:
    """The stem of the team's role names: the database, and the schema unless it is public."""
    stem = database if schema == "public" else f"{database}_{schema}"
    return stem[:PREFIX_LENGTH]


def _names() -> dict[str, str]:
    bind = op.get_bind()
    database, schema = bind.execute(text("SELECT current_database(), current_schema()")).one()
    prefix = role_prefix(database, schema)
    return {kind: f"{prefix}_{kind}" for kind in KINDS}


def _literal(value: str) -> str:
    return "'{}'".format(value.replace("'", "''"))


def _role_function(names: dict[str, str]) -> str:
    cases = " ".join(f"WHEN {_literal(k)} THEN {_literal(v)}" for k, v in names.items())
    return f"""CREATE FUNCTION claimtrack_role(kind text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT CASE kind {cases} END $$"""


def _functions(schema: str) -> list[str]:
    home = _quoted(schema)
    return [
        # Whether the login holds a team role (superusers hold them all).
        f"""CREATE FUNCTION claimtrack_login_is(kind text) RETURNS boolean
        LANGUAGE sql STABLE
        AS $$ SELECT pg_has_role(session_user, {home}.claimtrack_role(kind), 'MEMBER') $$""",
        # The name the database lets this login write where a person is named.
        f"""CREATE FUNCTION claimtrack_stamped(given text) RETURNS text
        LANGUAGE plpgsql STABLE AS $$
        DECLARE
            login text := session_user;
            behalf text := login || ' on behalf of ';
        BEGIN
            IF given IS NULL OR (SELECT rolsuper FROM pg_roles WHERE rolname = login) THEN
                RETURN given;
            END IF;
            IF {home}.claimtrack_login_is('admin') THEN
                IF coalesce(current_setting('claimtrack.restore', true), '') = 'on'
                    OR given = login OR left(given, length(behalf)) = behalf THEN
                    RETURN given;
                END IF;
                RETURN left(behalf || given, 100);
            END IF;
            RETURN login;
        END $$""",
        # Stamps the columns named in the trigger's arguments (on UPDATE, those that changed).
        f"""CREATE FUNCTION claimtrack_stamp_names() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            written jsonb := to_jsonb(NEW);
            stamped jsonb := '{{}}';
            name text;
        BEGIN
            FOREACH name IN ARRAY TG_ARGV LOOP
                IF TG_OP = 'UPDATE' AND written->>name IS NOT DISTINCT FROM to_jsonb(OLD)->>name THEN
                    CONTINUE;
                END IF;
                stamped := stamped || jsonb_build_object(
                    name, {home}.claimtrack_stamped(written->>name));
            END LOOP;
            RETURN jsonb_populate_record(NEW, stamped);
        END $$""",
        f"""CREATE FUNCTION claimtrack_claim_rules() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF {home}.claimtrack_login_is('editor') THEN
                RETURN NEW;
            END IF;
            IF NEW.status IS DISTINCT FROM OLD.status
                AND 'concluded' IN (NEW.status, OLD.status) THEN
                RAISE EXCEPTION 'permission denied: % is not an editor; concluding a claim '
                    'or reopening a concluded one needs the editor role', session_user
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF NEW.merged_into_id IS DISTINCT FROM OLD.merged_into_id THEN
                RAISE EXCEPTION 'permission denied: % is not an editor; merging claims '
                    'needs the editor role', session_user
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            RETURN NEW;
        END $$""",
        """CREATE TRIGGER claims_team_rules BEFORE UPDATE ON claims
            FOR EACH ROW EXECUTE FUNCTION claimtrack_claim_rules()""",
        *(
            f"""CREATE TRIGGER {table}_stamp_names BEFORE {events} ON {table}
            FOR EACH ROW EXECUTE FUNCTION claimtrack_stamp_names({", ".join(columns)})"""
            for table, (events, columns) in STAMPED.items()
        ),
    ]


def _create_roles(names: dict[str, str]) -> None:
    bind = op.get_bind()
    for name in names.values():
        exists = bind.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name})
        if exists.first() is None:
            op.execute(f"CREATE ROLE {_quoted(name)} NOLOGIN")
    reviewer, editor, admin = (_quoted(names[k]) for k in KINDS)
    op.execute(f"GRANT {reviewer} TO {editor}")
    op.execute(f"GRANT {editor} TO {admin}")
    superuser = bind.execute(
        text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
    ).scalar_one()
    if not superuser:
        op.execute(f"GRANT {admin} TO CURRENT_USER")


def _grants(names: dict[str, str], schema: str) -> None:
    home = _quoted(schema)
    reviewer, editor = _quoted(names["reviewer"]), _quoted(names["editor"])
    op.execute(f"GRANT USAGE ON SCHEMA {home} TO {reviewer}")
    op.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA {home} TO {reviewer}")
    op.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {home} TO {reviewer}")
    for table, rights in REVIEWER_WRITES.items():
        op.execute(f"GRANT {rights} ON {table} TO {reviewer}")
    op.execute(f"GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {home} TO {editor}")
    # alembic_version stays the owner's: only the owner migrates.
    op.execute(f"REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM {editor}")
    for statement in (
        f"GRANT SELECT ON TABLES TO {reviewer}",
        f"GRANT USAGE, SELECT ON SEQUENCES TO {reviewer}",
        f"GRANT INSERT, UPDATE, DELETE ON TABLES TO {editor}",
    ):
        op.execute(f"ALTER DEFAULT PRIVILEGES IN SCHEMA {home} {statement}")


def _can_create_roles() -> bool:
    return bool(
        op.get_bind()
        .execute(
            text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
        )
        .scalar_one()
    )


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    if not _can_create_roles():
        raise RuntimeError(
            "migration 0008 creates the team's roles: run `claimtrack db upgrade` as a login "
            "with CREATEROLE (or a superuser)"
        )
    schema = bind.execute(text("SELECT current_schema()")).scalar_one()
    names = _names()
    _create_roles(names)
    op.execute(_role_function(names))
    for statement in _functions(schema):
        op.execute(statement)
    _grants(names, schema)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    schema = bind.execute(text("SELECT current_schema()")).scalar_one()
    names = {
        kind: bind.execute(text("SELECT claimtrack_role(:k)"), {"k": kind}).scalar_one()
        for kind in KINDS
    }
    for table in STAMPED:
        op.execute(f"DROP TRIGGER {table}_stamp_names ON {table}")
    op.execute("DROP TRIGGER claims_team_rules ON claims")
    op.execute("DROP FUNCTION claimtrack_claim_rules()")
    op.execute("DROP FUNCTION claimtrack_stamp_names()")
    op.execute("DROP FUNCTION claimtrack_stamped(text)")
    op.execute("DROP FUNCTION claimtrack_login_is(text)")
    op.execute("DROP FUNCTION claimtrack_role(text)")
    home = _quoted(schema)
    for name in names.values():
        role = _quoted(name)
        for kind in ("TABLES", "SEQUENCES"):
            op.execute(
                f"ALTER DEFAULT PRIVILEGES IN SCHEMA {home} REVOKE ALL ON {kind} FROM {role}"
            )
        op.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA {home} FROM {role}")
        op.execute(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {home} FROM {role}")
        op.execute(f"REVOKE ALL ON SCHEMA {home} FROM {role}")
    # A role with rights in another database cannot be dropped; DROP OWNED clears
    # this database's, and the roles belong to this database by their names.
    for name in reversed(names.values()):
        op.execute(f"DROP OWNED BY {_quoted(name)}")
        op.execute(f"DROP ROLE {_quoted(name)}")
