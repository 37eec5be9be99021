"""Reads behind the claim screen: one claim and everything about it, as plain values.

Built in a worker thread from one read session, so the screen never holds ORM
objects (or a session) on the UI thread.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from claimtrack.history import describe_change
from claimtrack.models import Claim
from claimtrack.queries import claim_history, get_claim, similar_claims
from claimtrack.schedule import FRIENDLY_RECURRENCE
from claimtrack.views.checked import checked_by
from claimtrack.views.passages import Passage, around


def label(value: str | None) -> str:
    """A stored value as a reviewer reads it: `half_true` → `half true`, None → `—`."""
    return (value or "—").replace("_", " ")


def repeats(rule: str | None) -> str:
    """A recurrence as typed (`monthly`) where it is one of the friendly names, else the RRULE."""
    if not rule:
        return ""
    friendly = {value: name for name, value in reversed(FRIENDLY_RECURRENCE.items())}
    return friendly.get(rule, rule)


@dataclass(frozen=True, slots=True)
class FollowUpRow:
    """One follow-up as the claim screen and its pickers show it."""

    id: int
    text: str
    due: dt.date
    done: bool
    rrule: str | None

    def describe(self, today: dt.date) -> str:
        state = "done" if self.done else ("OVERDUE" if self.due < today else "open")
        repeat = f" · repeats {repeats(self.rrule)}" if self.rrule else ""
        return f"{self.due.isoformat()}  {state:<7} {self.text}{repeat}"


@dataclass(frozen=True, slots=True)
class SourceRow:
    """A piece of evidence as the edit form and the pickers need it."""

    id: int
    url: str
    title: str | None
    publisher: str | None
    stance: str
    reliability: str
    excerpt: str | None

    @property
    def name(self) -> str:
        return self.title or self.url


@dataclass(frozen=True, slots=True)
class MatchRow:
    """A suggested near-duplicate: the pair as stored, and the other claim."""

    id: int
    pair_claim_id: int  # the older claim of the pair: the survivor of a merge, where events land
    other_id: int
    other_text: str
    similarity: float
    state: str
    other_speaker: str | None = None
    other_speaker_type: str | None = None

    def describe(self) -> str:
        return f"{self.similarity:3.0f}%  #{self.other_id}  [{self.state}]  {self.other_text}"


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One event of the claim's history."""

    day: dt.date
    time: str
    actor: str
    text: str


@dataclass(slots=True)
class ClaimView:
    """Everything the claim screen shows, read at one version of the claim."""

    id: int
    version: int
    text: str
    meta: str
    kind: str
    status: str
    verdict: str | None
    verdict_summary: str | None
    outcome: str | None
    speaker: str | None = None
    speaker_type: str | None = None
    structure: list[str] = field(default_factory=list)
    appearances: list[Passage] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    source_rows: list[SourceRow] = field(default_factory=list)
    matches: list[MatchRow] = field(default_factory=list)
    followups: list[FollowUpRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    history: list[TimelineEntry] = field(default_factory=list)
    # Who already checked this claim (organisation · rating · link); empty for most claims.
    checked: list[str] = field(default_factory=list)

    @property
    def open_followups(self) -> list[FollowUpRow]:
        return [f for f in self.followups if not f.done]

    @property
    def open_matches(self) -> list[MatchRow]:
        return [m for m in self.matches if m.state == "suggested"]


def load_claim_view(session: Session, claim_id: int) -> ClaimView:
    """Read a claim and its parts; NotFound (a ClaimtrackError) if it is gone or merged."""
    claim = get_claim(session, claim_id)
    return ClaimView(
        id=claim.id,
        version=claim.version,
        text=claim.text,
        meta=_meta_line(claim),
        kind=claim.kind,
        status=claim.status,
        verdict=claim.verdict,
        verdict_summary=claim.verdict_summary,
        outcome=claim.outcome,
        speaker=claim.speaker,
        speaker_type=claim.speaker_type,
        structure=_structure(claim),
        appearances=[
            around(
                a.document.text,
                a.sentence,
                a.start,
                a.end,
                heading=_document_heading(
                    a.document.title, a.document.outlet, a.document.published
                ),
            )
            for a in claim.appearances
        ],
        sources=[
            f"[{s.stance}] [{label(s.reliability)}] {s.title or s.url}\n  {s.url}"
            + (f" · {s.publisher}" if s.publisher else "")
            + (f"\n  “{s.excerpt}”" if s.excerpt else "")
            for s in claim.sources
        ],
        source_rows=[
            SourceRow(s.id, s.url, s.title, s.publisher, s.stance, s.reliability, s.excerpt)
            for s in claim.sources
        ],
        matches=[
            MatchRow(
                match.id,
                match.claim_id,
                other.id,
                " ".join(other.text.split()),
                match.similarity,
                match.state,
                other.speaker,
                other.speaker_type,
            )
            for match, other in similar_claims(session, claim.id)
        ],
        followups=[FollowUpRow(f.id, f.text, f.due, f.done, f.rrule) for f in claim.followups],
        notes=[f"{n.created_at:%Y-%m-%d %H:%M} {n.author}: {n.text}" for n in claim.notes],
        history=[
            TimelineEntry(e.at.date(), f"{e.at:%H:%M}", e.actor, describe_change(e))
            for e in claim_history(session, claim.id)
        ],
        checked=[f"✓ Already checked: {m.describe()}" for m in checked_by(session, [claim.id])],
    )


def _document_heading(title: str, outlet: str | None, published: dt.date | None) -> str:
    parts = [title]
    if outlet:
        parts.append(outlet)
    if published:
        parts.append(published.isoformat())
    return " · ".join(parts)


def _meta_line(claim: Claim) -> str:
    parts = [
        f"#{claim.id}",
        f"score {claim.score:.2f}",
        claim.kind,
        f"status {label(claim.status)}",
        f"verdict {label(claim.verdict)}",
    ]
    if claim.outcome:
        parts.append(f"outcome {label(claim.outcome)}")
    if claim.verdict_summary:
        parts.append(f"“{claim.verdict_summary}”")
    if claim.speaker:
        parts.append(f"speaker {claim.speaker}")
    if claim.assignee:
        parts.append(f"assigned to {claim.assignee}")
    if claim.tags:
        parts.append("tags " + ", ".join(t.name for t in claim.tags))
    return " · ".join(parts)


def _structure(claim: Claim) -> list[str]:
    lines = [
        f"quantity  {q.text}  ({q.low:g}–{q.high:g} {q.unit or ''}{' per ' + q.per if q.per else ''})"
        if q.low is not None and q.high is not None
        else f"quantity  {q.text}"
        for q in claim.quantities
    ]
    lines += [
        f"{d.role:<9} {d.text}  → {d.date.isoformat() if d.date else '?'} ({d.precision})"
        for d in claim.dates
    ]
    return lines


def timeline(entries: list[TimelineEntry]) -> str:
    """The history as a timeline: a line per day, the day's events under it."""
    lines: list[str] = []
    day: dt.date | None = None
    for entry in entries:
        if entry.day != day:
            day = entry.day
            lines.append(f"{day:%a %d %b %Y}")
        lines.append(f"  │ {entry.time}  {entry.actor:<10} {entry.text}")
    return "\n".join(lines)
