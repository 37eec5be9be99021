"""When two statements are the same claim.

Three levels, strictest first:

* **exact**: the same normalised text — merged automatically;
* **restatement**: a headline or bullet in the same article that names every
  proper noun of a body claim and shares its deadline or a figure ("Opening
  in Berlin and Copenhagen by year's end") — another appearance of it;
* **near-duplicate**: a claim elsewhere with the same figures or names and
  high text similarity (rapidfuzz) — suggested to a reviewer, never merged
  silently.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol

from rapidfuzz import fuzz, process

from claimtrack.extract.types import DateMention, Quantity

NEAR_DUPLICATE_SIMILARITY = 85.0
# The same figures (600–800) are strong evidence on their own; the wording may differ more.
SAME_FIGURES_SIMILARITY = 60.0
WORD = re.compile(r"[\w’'-]+", re.UNICODE)
# How far two converted figures may differ and still be one: "5 miles" is
# 8.05 km, and a report of the same figure writes "8 km".
FIGURE_TOLERANCE = 0.03


class Figure(Protocol):
    """A quantity as extracted (`extract.types.Quantity`) or as stored (`models.Quantity`)."""

    @property
    def low(self) -> float | None: ...
    @property
    def high(self) -> float | None: ...
    @property
    def dimension(self) -> str | None: ...
    @property
    def si_low(self) -> float | None: ...
    @property
    def si_high(self) -> float | None: ...


def proper_nouns(text: str) -> set[str]:
    """Capitalised words that are not the sentence's first word, lower-cased."""
    words = WORD.findall(text)
    return {w.lower() for w in words[1:] if w[:1].isupper() and len(w) > 1}


def deadlines(dates: Iterable[DateMention]) -> set[dt.date]:
    return {d.date for d in dates if d.role == "deadline" and d.date}


def same_figure(a: Figure, b: Figure) -> bool:
    """The same value or range: in the SI base unit where both convert, else as written.

    "5 miles" and "8 km" are one figure; "5 miles" and "5 km" are not.
    """
    if _converted(a) and _converted(b):
        same = a.dimension == b.dimension
        return same and _near(a.si_low, b.si_low) and _near(a.si_high, b.si_high)
    return (a.low, a.high) == (b.low, b.high)


def _converted(figure: Figure) -> bool:
    return figure.si_low is not None or figure.si_high is not None


def shares_figure(mine: Iterable[Figure], theirs: Iterable[Figure]) -> bool:
    """Whether any figure of one claim is a figure of the other."""
    others = list(theirs)
    return any(same_figure(a, b) for a in mine for b in others)


def _near(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=FIGURE_TOLERANCE)


def is_restatement(
    line: str,
    line_dates: Sequence[DateMention],
    line_quantities: Sequence[Quantity],
    claim_text: str,
    claim_dates: Sequence[DateMention],
    claim_quantities: Sequence[Quantity],
) -> bool:
    """Whether a headline or bullet restates a body claim of the same article."""
    names = proper_nouns(claim_text)
    if not names:
        return False
    line_words = {w.lower() for w in WORD.findall(line)}
    if not names <= line_words:
        return False
    shared_deadline = bool(deadlines(line_dates) & deadlines(claim_dates))
    shared_figure = shares_figure(line_quantities, claim_quantities)
    return shared_deadline or shared_figure


def match_threshold(shares_figures: bool) -> float:
    """The text similarity a candidate needs to be suggested."""
    return SAME_FIGURES_SIMILARITY if shares_figures else NEAR_DUPLICATE_SIMILARITY


def similarity(a: str, b: str) -> float:
    """Text similarity in [0, 100], insensitive to word order and extra words."""
    return fuzz.token_set_ratio(a.lower(), b.lower())


def similarities(text: str, lowered: Sequence[str], cutoff: float) -> Iterator[tuple[int, float]]:
    """(index, `similarity`) of each of `lowered` (texts already lower-cased) scoring at
    least `cutoff` against `text`, in their order: one claim against its candidates,
    `text` prepared once rather than once a pair."""
    # `extract` scores them all in one call (a generator, `extract_iter`, cost 30 % more);
    # it ranks by score, so the matches are put back in the candidates' order.
    found = process.extract(
        text.lower(),
        lowered,
        scorer=fuzz.token_set_ratio,
        processor=None,
        score_cutoff=cutoff,
        limit=None,
    )
    for _, score, index in sorted(found, key=lambda match: match[2]):
        yield index, score
