"""The demo database: the seed article and a hand-written claim file from seeds/.

Built fresh each time in a file of its own; it never touches the user's
database. Everything goes through the service, so the demo's history reads
like a real reviewer's.
"""

from __future__ import annotations

import datetime as dt
import json
from importlib.resources import files
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimtrack import service
from claimtrack.config import as_url
from claimtrack.db import Database, open_database
from claimtrack.errors import InvalidInput
from claimtrack.extract import normalise_claim_text
from claimtrack.importers.documents import ImportSummary, import_text
from claimtrack.models import Claim
from claimtrack.scale import Status

DEMO_ACTOR = "demo"


def seeds_dir() -> Path:
    """The seeds shipped inside the package (the repo's seeds/ folder)."""
    return Path(str(files("claimtrack.seeds")))


def build_demo(path: Path) -> Database:
    """Create a fresh demo database at `path` from seeds/; refuses an existing file."""
    if path.exists():
        raise InvalidInput(f"{path}: already exists; the demo builds a fresh database")
    database = open_database(as_url(str(path)))
    manifest = json.loads((seeds_dir() / "manifest.json").read_text(encoding="utf-8"))
    with database.transaction() as session:
        summary = ImportSummary()
        for article in manifest["articles"]:
            import_text(
                session,
                DEMO_ACTOR,
                (seeds_dir() / article["file"]).read_text(encoding="utf-8"),
                title=article.get("title"),
                published=dt.date.fromisoformat(article["published"]),
                origin=f"seeds/{article['file']}",
                summary=summary,
            )
        claims_file = seeds_dir() / manifest["claims"]
        for number, line in enumerate(claims_file.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                _apply(session, json.loads(line), f"{claims_file.name}:{number}")
    database.refresh_statistics()
    return database


def _find(session: Session, record: dict[str, Any], where: str) -> Claim:
    if "match" not in record:
        return service.add_claim_from_text(
            session,
            DEMO_ACTOR,
            record["text"],
            kind=record.get("kind"),
            speaker=record.get("speaker"),
        )
    prefix = normalise_claim_text(record["match"])
    claim = session.scalar(select(Claim).where(Claim.normalized.startswith(prefix)))
    if claim is None:
        raise InvalidInput(f"{where}: no extracted claim starts with {record['match']!r}")
    return claim


def _apply(session: Session, record: dict[str, Any], where: str) -> None:
    claim = _find(session, record, where)
    actor = record.get("assignee") or DEMO_ACTOR
    service.update_claim(
        session,
        DEMO_ACTOR,
        claim.id,
        assignee=record.get("assignee") or None,
        add_tags=record.get("tags", []),
    )
    for source in record.get("sources", []):
        service.add_source(session, actor, claim.id, **source)
    for note in record.get("notes", []):
        service.add_note(session, actor, claim.id, note)
    for followup in record.get("followups", []):
        service.add_followup(
            session,
            actor,
            claim.id,
            followup["text"],
            dt.date.fromisoformat(followup["due"]),
            recurrence=followup.get("repeat"),
        )
    service.update_claim(
        session,
        actor,
        claim.id,
        verdict=record.get("verdict") or service.UNSET,
        summary=record.get("summary"),
        status=record.get("status", Status.NEW),
    )
