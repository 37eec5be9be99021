"""Audit events told as a reviewer reads them: "status: new → in_progress"."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from claimtrack.models import Event


def _short(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, dict):
        value = value.get("verdict") or value.get("url") or value.get("text") or value
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def verdict_summary(snapshot: dict[str, Any] | None) -> str | None:
    """The summary in a `verdict` event's old or new value, whichever name it was stored under.

    Events written before claimtrack had one field vocabulary call it `summary`.
    """
    if not snapshot:
        return None
    found = snapshot.get("verdict_summary", snapshot.get("summary"))
    return str(found) if found is not None else None


def describe_change(event: Event) -> str:
    """One line for one event: what changed, from what to what."""
    action, old, new = event.action, event.old, event.new
    match action:
        case "create":
            return f"created: {_short(new)}"
        case "status" | "outcome" | "assign":
            return f"{action}: {_short(old)} → {_short(new)}"
        case "verdict":
            said = verdict_summary(new)
            summary = f" ({said})" if said else ""
            return f"verdict: {_short(old and old['verdict'])} → {_short(new['verdict'])}{summary}"
        case "tag" | "untag":
            return f"{action}: {_short(new if action == 'tag' else old)}"
        case "source.add":
            return f"source added: {new['url']} ({new['stance']})"
        case "source.remove":
            return f"source removed: {old['url']}"
        case "source.edit":
            return f"source edited: {new['url']}"
        case "note":
            return f"note: {_short(new)}"
        case "followup.add":
            return f"follow-up #{new['id']} due {new['due']}: {_short(new['text'])}"
        case "followup.done":
            nxt = f", next due {new['next_due']}" if new and new.get("next_due") else ""
            return f"follow-up #{old['id']} done{nxt}"
        case "note.remove":
            return f"note removed: {_short(old)}"
        case "followup.remove":
            return f"follow-up #{old['id']} removed: {_short(old['text'])}"
        case "followup.reopen":
            gone = new.get("removed_next_id")
            dropped = f", next #{gone} dropped" if gone else ""
            return f"follow-up #{old['id']} reopened{dropped}"
        case "match.reopen":
            return f"possible duplicate of claim {new['candidate']} again"
        case "merge":
            return f"merged claim {new['from']} into this one"
        case "match.suggest":
            return f"possible duplicate of claim {new['candidate']} ({new['similarity']}% similar)"
        case "match.reject":
            return f"not a duplicate of claim {new['candidate']}"
        case "import":
            verdict = f", verdict {new['verdict']}" if new.get("verdict") else ""
            return f"imported from {new['from']}: status {new['status']}{verdict}"
        case "merged":
            return f"merged into claim {new['into']}"
        case "checked":
            by = f"fact check #{new['fact_check']}" if "fact_check" in new else None
            by = by or f"claim {new.get('checked_claim')}"
            return f"already checked: {by} ({new['similarity']:.0f}% similar)"
        case "claim.delete":
            took = new and new.get("with_document")
            return f"moved to the trash{f' with document {took}' if took else ''}"
        case "claim.restore":
            return "restored from the trash"
        case "claim.purge":
            return "purged (the trash was emptied)"
        case "dates":
            days = ", ".join(d["date"] or d["text"] for d in new or [])
            return f"dates read again: {days or '—'}"
        case _:
            return f"{action}: {_short(old)} → {_short(new)}"
