"""Correcting a piece of evidence in place: its url, title, publisher, stance, reliability, excerpt."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from claimtrack.errors import WorkflowError
from claimtrack.models import Event, Source
from claimtrack.queries import fetch, get_claim
from claimtrack.scale import Reliability, Stance
from claimtrack.serialise import source_record
from claimtrack.service import _record, check_url, check_version, choice

EDITABLE = ("url", "title", "publisher", "stance", "reliability", "excerpt")


def edit_source(
    session: Session,
    actor: str,
    source_id: int,
    *,
    expected_version: int | None = None,
    **changes: str | None,
) -> Source:
    """Change some of a source's fields (None clears a text field); audited as `source.edit`.

    `expected_version` is that of the claim the source belongs to.
    """
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise TypeError(f"a source has no field {sorted(unknown)[0]!r} to edit")
    source = fetch(session, Source, source_id, "source")
    claim = get_claim(session, source.claim_id)
    check_version(session, claim, expected_version)
    old = source_record(source)
    _apply(source, changes)
    new = source_record(source)
    if new != old:
        _record(session, claim, actor, "source.edit", old, new)
    return source


def _apply(source: Source, changes: dict[str, Any]) -> None:
    for name, value in changes.items():
        match name:
            case "url":
                source.url = check_url(value or "")
            case "stance":
                source.stance = choice(Stance, value).value
            case "reliability":
                source.reliability = choice(Reliability, value).value
            case _:
                setattr(source, name, (value or "").strip() or None)


def undo_source_edit(session: Session, actor: str, event: Event) -> None:
    """Put back what a `source.edit` event changed, if the source still shows its result."""
    source = fetch(session, Source, event.new["id"], "source")
    if source_record(source) != event.new:
        raise WorkflowError(f"source {source.id} was changed again since; undo that first")
    edit_source(session, actor, source.id, **{name: event.old[name] for name in EDITABLE})
