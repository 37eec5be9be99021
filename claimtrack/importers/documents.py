"""Articles in: read a document, extract its claims, store them through the service.

The same claim seen again — within one article or across articles — becomes
another appearance of one claim (exact match on normalised text), and a claim
that sets a deadline gets a follow-up due that day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from claimtrack import service
from claimtrack.extract import (
    document_title,
    extract_claims,
    find_dates,
    find_quantities,
    split_sentences,
)
from claimtrack.extract.boilerplate import mark_boilerplate
from claimtrack.extract.locale import locale_of
from claimtrack.extract.types import DateMention, ExtractedClaim, Sentence
from claimtrack.matching import is_restatement
from claimtrack.models import Claim
from claimtrack.service.factchecks import flag_already_checked
from claimtrack.wording import count

# What deadline follow-ups said before they were worded from the claim (service.deadlines).
DEADLINE_FOLLOWUP = service.DEADLINE_FOLLOWUP


@dataclass
class ImportSummary:
    """What an import did, for the summary line."""

    documents: int = 0
    duplicates: int = 0
    claims: int = 0
    appearances: int = 0
    followups: int = 0
    suggested: int = 0
    checked: int = 0  # new claims found already checked (service.factchecks)
    # The claims this import created, to match again once committed (importers.articles).
    new_claims: list[int] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"{count(self.documents, 'document')}, {count(self.claims, 'new claim')}, "
            f"{count(self.appearances, 'repeat appearance')}, "
            f"{count(self.duplicates, 'duplicate document')}, "
            f"{count(self.followups, 'follow-up')} created, "
            f"{count(self.suggested, 'suggested match', 'suggested matches')}"
        ) + (f", {count(self.checked, 'claim')} already checked" if self.checked else "")


def import_text(
    session: Session,
    actor: str,
    text: str,
    *,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    author: str | None = None,
    published: dt.date | None = None,
    origin: str | None = None,
    summary: ImportSummary | None = None,
) -> ImportSummary:
    """Store one article and its claims; re-importing the same text changes nothing."""
    summary = summary or ImportSummary()
    document, created = service.add_document(
        session,
        actor,
        text=text,
        title=title or document_title(text),
        url=url,
        outlet=outlet,
        author=author,
        published=published,
        origin=origin,
    )
    if not created:
        summary.duplicates += 1
        return summary
    summary.documents += 1
    # Headlines and bullets usually restate the body: they are handled after
    # it, so a restatement becomes an appearance rather than a claim of its own.
    # A boilerplate line (a reference's title, an ingredient) restates nothing.
    summary_lines = [
        s
        for s in mark_boilerplate(split_sentences(text))
        if (s.is_heading or s.is_bullet) and not s.is_boilerplate
    ]
    summary_starts = {s.start for s in summary_lines}
    found = extract_claims(text, published, locale=locale_of(url))
    body = [c for c in found if c.start not in summary_starts]
    stored: list[tuple[ExtractedClaim, Claim]] = []
    for claim in body:
        stored.append((claim, _store(session, actor, document.id, claim, summary)))
    by_start = {c.start: c for c in found}
    reference = published or _STAND_IN_PUBLISHED
    # Each body claim's dates as matching reads them, found once for all the lines.
    candidates = [
        (claim, stored_claim, claim.dates if published else find_dates(claim.text, reference))
        for claim, stored_claim in stored
    ]
    for line in summary_lines:
        target = _restated(line, candidates, reference)
        if target is not None:
            place = service.Placement(document.id, line.text, line.start, line.end)
            if service.add_appearance(session, target, place):
                summary.appearances += 1
        elif line.start in by_start:
            _store(session, actor, document.id, by_start[line.start], summary)
    return summary


# Without a publication date, relative deadlines ("by the end of the year",
# "by year's end") stay unresolved. A headline and its body share the article's
# date, whatever it is, so resolving both against one stand-in date still tells
# whether they name the same day; the stand-in is used for matching only.
_STAND_IN_PUBLISHED = dt.date(2000, 1, 1)


def _restated(
    line: Sentence,
    candidates: Sequence[tuple[ExtractedClaim, Claim, Sequence[DateMention]]],
    reference: dt.date,
) -> Claim | None:
    """The body claim a headline or bullet restates, if any (dates read against `reference`)."""
    dates = find_dates(line.text, reference)
    quantities = find_quantities(line.text)
    for found, claim, claim_dates in candidates:
        if is_restatement(line.text, dates, quantities, found.text, claim_dates, found.quantities):
            return claim
    return None


def _store(
    session: Session,
    actor: str,
    document_id: int,
    found: ExtractedClaim,
    summary: ImportSummary,
) -> Claim:
    """Store one extracted claim, or add an appearance to its exact duplicate."""
    place = service.Placement(document_id, found.text, found.start, found.end)
    existing = service.same_claim(session, found.text)
    if existing is None:
        try:
            return _new_claim(session, actor, found, place, summary)
        except service.DuplicateClaim as duplicate:
            existing = duplicate.claim  # another importer stored it a moment ago
    if service.add_appearance(session, existing, place):
        summary.appearances += 1
        # An earlier, undated appearance could not resolve the deadlines this one sets.
        summary.followups += service.add_deadline_followups(session, actor, existing, found.dates)
    return existing


def _new_claim(
    session: Session,
    actor: str,
    found: ExtractedClaim,
    place: service.Placement,
    summary: ImportSummary,
) -> Claim:
    """Store a claim not seen before, its deadline follow-up and its suggested matches."""
    claim = service.add_claim(
        session,
        actor,
        found.text,
        kind=found.kind,
        score=found.score,
        speaker=found.speaker.name if found.speaker else None,
        speaker_role=found.speaker.role if found.speaker else None,
        speaker_type=found.speaker.kind if found.speaker else None,
        quantities=found.quantities,
        dates=found.dates,
        placements=[place],
    )
    summary.claims += 1
    summary.new_claims.append(claim.id)
    summary.followups += service.add_deadline_followups(session, actor, claim)
    summary.suggested += service.suggest_matches(session, actor, claim)
    summary.checked += flag_already_checked(session, actor, [claim.id])
    return claim
