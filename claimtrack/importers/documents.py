"""Articles in: read a document, extract its claims, store them through the service.

The same claim seen again — within one article or across articles — becomes
another appearance of one claim (exact match on normalised text), and a claim
that sets a deadline gets a follow-up due that day. Reading an article
(`find_occurrences`) needs no database; storing it is set-based, a handful of
statements per article (`service.articles`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from heapq import merge
from itertools import islice

from sqlalchemy.orm import Session

from claimtrack import service
from claimtrack.extract import (
    document_title,
    extract_claims,
    find_dates,
    find_quantities,
    marked_sentences,
)
from claimtrack.extract.density import ReadingBudget, too_many_numbers
from claimtrack.extract.locale import locale_of
from claimtrack.extract.types import DateMention, ExtractedClaim, Sentence
from claimtrack.matching import WORD, is_restatement, proper_nouns
from claimtrack.service.articles import Occurrence, store_article_claims
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
    in_trash: list[int] = field(default_factory=list)  # repeated claims a reviewer deleted
    # The claims this import created, to match again once committed (importers.articles).
    new_claims: list[int] = field(default_factory=list)

    def line(self) -> str:
        line = (
            f"{count(self.documents, 'document')}, {count(self.claims, 'new claim')}, "
            f"{count(self.appearances, 'repeat appearance')}, "
            f"{count(self.duplicates, 'duplicate document')}, "
            f"{count(self.followups, 'follow-up')} created, "
            f"{count(self.suggested, 'suggested match', 'suggested matches')}"
        )
        if self.checked:
            line += f", {count(self.checked, 'claim')} already checked"
        in_trash = list(dict.fromkeys(self.in_trash))  # once, however many articles repeat it
        if in_trash:
            ids = ", ".join(str(claim_id) for claim_id in in_trash[:5])
            more = ", …" if len(in_trash) > 5 else ""
            line += (
                f", {count(len(in_trash), 'repeated claim')} in the trash "
                f"({ids}{more}; `claimtrack claims restore ID` brings one back)"
            )
        return line


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
    occurrences: Sequence[Occurrence] | None = None,
) -> ImportSummary:
    """Store one article and its claims; re-importing the same text changes nothing.

    `occurrences` are the article's claims as `find_occurrences` reads them, when
    a worker process read them already (`cli_import`); else they are read here.
    """
    summary = summary or ImportSummary()
    document_id, created = service.store_document(
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
    if occurrences is None:
        occurrences = find_occurrences(text, published, url)
    stored = store_article_claims(session, actor, document_id, occurrences)
    summary.claims += stored.claims
    summary.appearances += stored.appearances
    summary.followups += stored.followups
    summary.suggested += stored.suggested
    summary.new_claims.extend(stored.new_claims)
    summary.in_trash.extend(stored.in_trash)
    summary.checked += flag_already_checked(session, actor, stored.new_claims)
    return summary


def find_occurrences(text: str, published: dt.date | None, url: str | None) -> list[Occurrence]:
    """The sentences of an article to store, in order: its body claims, then each
    headline or bullet as a restatement of a body claim or a claim of its own.

    Pure (no database): `cli_import` runs it in worker processes.
    """
    # Headlines and bullets usually restate the body: they are handled after
    # it, so a restatement becomes an appearance rather than a claim of its own.
    # A boilerplate line (a reference's title, an ingredient) restates nothing.
    sentences = marked_sentences(text)
    summary_lines = [s for s in sentences if (s.is_heading or s.is_bullet) and not s.is_boilerplate]
    summary_starts = {s.start for s in summary_lines}
    found = extract_claims(text, published, locale=locale_of(url), sentences=sentences)
    body = [c for c in found if c.start not in summary_starts]
    occurrences = [Occurrence(c.text, c.start, c.end, found=c) for c in body]
    by_start = {c.start: c for c in found}
    reference = published or _STAND_IN_PUBLISHED
    # Each body claim's dates as matching reads them, found once for all the lines.
    candidates = [
        (number, claim, claim.dates if published else find_dates(claim.text, reference))
        for number, claim in enumerate(body)
    ]
    by_name = _by_a_name(candidates)
    budgets = (ReadingBudget(), ReadingBudget())  # the lines' dates and quantities
    for line in summary_lines:
        target = _restated(line, by_name, reference, budgets)
        if target is not None:
            occurrences.append(Occurrence(line.text, line.start, line.end, restates=target))
        elif line.start in by_start:
            claim = by_start[line.start]
            occurrences.append(Occurrence(claim.text, claim.start, claim.end, found=claim))
    return occurrences


# Without a publication date, relative deadlines ("by the end of the year",
# "by year's end") stay unresolved. A headline and its body share the article's
# date, whatever it is, so resolving both against one stand-in date still tells
# whether they name the same day; the stand-in is used for matching only.
_STAND_IN_PUBLISHED = dt.date(2000, 1, 1)


Candidate = tuple[int, ExtractedClaim, Sequence[DateMention]]
RESTATED_AMONG = 25  # the body claims, naming the line's people, a line is compared with


def _by_a_name(candidates: Sequence[Candidate]) -> dict[str, list[Candidate]]:
    """Body claims under one of their proper nouns: a line restates a claim only if it
    names all of them (`is_restatement`), so it need only be compared with the claims
    filed under its own words, not with every claim (quadratic in a list-heavy page)."""
    index: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        names = proper_nouns(candidate[1].text)
        if names:  # a claim naming no one is never restated
            index.setdefault(min(names), []).append(candidate)
    return index


def _restated(
    line: Sentence,
    by_name: dict[str, list[Candidate]],
    reference: dt.date,
    budgets: tuple[ReadingBudget, ReadingBudget],
) -> int | None:
    """Which body claim (its number) a headline or bullet restates, if any (dates read
    against `reference`; the lines' figures within the document's reading budgets)."""
    words = {w.lower() for w in WORD.findall(line.text)}
    filed = [by_name[word] for word in words if word in by_name]
    # The first few in body order: a line restates a claim near the top of a story,
    # and a page of thousands of lines naming one man must not compare every pair.
    named = list(islice(merge(*filed, key=lambda candidate: candidate[0]), RESTATED_AMONG))
    if not named or too_many_numbers(line.text):
        return None
    date_budget, quantity_budget = budgets
    dates = (
        find_dates(line.text, reference, budget=date_budget) if date_budget.opens(line.end) else []
    )
    quantities = (
        find_quantities(line.text, budget=quantity_budget)
        if quantity_budget.opens(line.end)
        else []
    )
    for number, found, claim_dates in named:
        if is_restatement(line.text, dates, quantities, found.text, claim_dates, found.quantities):
            return number
    return None
