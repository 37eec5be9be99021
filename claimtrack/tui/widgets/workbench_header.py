"""The top line of every screen: which database is open, and as whom."""

from __future__ import annotations

from sqlalchemy.engine import make_url
from textual.widgets import Static

from claimtrack.terminal import shown


def database_label(url: str) -> str:
    """The database as a reviewer knows it: a SQLite file's path, else the URL without password."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or "(in memory)"
    return parsed.render_as_string(hide_password=True)


class WorkbenchHeader(Static):
    """`claimtrack · /path/to/claims.db · alice`, then what the screen shows."""

    def __init__(self, where: str = "") -> None:
        super().__init__("", markup=False, classes="workbench-header")
        self.where = where

    def on_mount(self) -> None:
        database = getattr(self.app, "database", None)
        actor = getattr(self.app, "actor", "")
        parts = ["claimtrack"]
        if database is not None:
            parts.append(database_label(database.url))
        parts.append(f"user {actor}")
        if self.where:
            parts.append(self.where)
        self.update(shown(" · ".join(parts), newline=" "))
