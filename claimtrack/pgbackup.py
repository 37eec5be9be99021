"""`claimtrack db backup` on PostgreSQL: pg_dump when it is installed, else how to back up.

SQLite is copied with its online backup API (`Database.backup`); a PostgreSQL
database is best saved by the server's own tool, whose custom format
`pg_restore` reads back. The password travels in PGPASSWORD, never on the
command line; a database reached through a `search_path` (one schema of a
shared database) dumps that schema only.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url

from claimtrack.db import Database
from claimtrack.errors import ClaimtrackError


def libpq_url(url: str) -> str:
    """The SQLAlchemy URL as libpq reads it (no driver name, no password)."""
    parsed = make_url(url).set(drivername="postgresql", password=None)
    return parsed.render_as_string(hide_password=False)


def pg_dump_backup(database: Database, destination: Path) -> None:
    """Write a pg_dump custom-format archive of `database` to `destination`."""
    destination = destination.expanduser().resolve()
    if destination.exists():
        raise ClaimtrackError(f"{destination}: already exists; choose a new file")
    if not destination.parent.is_dir():
        raise ClaimtrackError(f"{destination.parent}: no such folder")
    target = libpq_url(database.url)
    tool = shutil.which("pg_dump")
    if tool is None:
        raise ClaimtrackError(
            "pg_dump is not installed; install the PostgreSQL client tools and run: "
            f"pg_dump --format=custom --file={destination} '{target}' "
            "(or copy to SQLite: claimtrack db copy URL backup.db)"
        )
    with database.engine.connect() as connection:
        schema = connection.scalar(text("SELECT current_schema()"))
    command = [tool, "--format=custom", f"--file={destination}", f"--dbname={target}"]
    if schema and schema != "public":
        command.append(f"--schema={schema}")
    environment = dict(os.environ)
    password = make_url(database.url).password
    if password:
        environment["PGPASSWORD"] = str(password)
    done = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        destination.unlink(missing_ok=True)  # never leave a file that looks like a backup
        reason = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise ClaimtrackError(f"{destination}: pg_dump failed: {reason}")
