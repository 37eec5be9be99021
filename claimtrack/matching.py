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
import re
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz

from claimtrack.extract.types import DateMention, Quantity

NEAR_DUPLICATE_SIMILARITY = 85.0
# The same figures (600–800) are strong evidence on their own; the wording may differ more.
SAME_FIGURES_SIMILARITY = 60.0
WORD = re.compile(r"[\w’'-]+", re.UNICODE)


def proper_nouns(text: str) -> set[str]:
    """Capitalised words that are not the sentence's first word, lower-cased."""
    words = WORD.findall(text)
    return {w.lower() for w in words[1:] if w[:1].isupper() and len(w) > 1}


def deadlines(dates: Iterable[DateMention]) -> set[dt.date]:
    return {d.date for d in dates if d.role == "deadline" and d.date}


def figures(quantities: Iterable[Quantity]) -> set[tuple[float | None, float | None]]:
    """The quantity signature: the values stated, whatever words surround them."""
    return {(q.low, q.high) for q in quantities}


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
    shared_figure = bool(figures(line_quantities) & figures(claim_quantities))
    return shared_deadline or shared_figure


def match_threshold(shares_figures: bool) -> float:
    """The text similarity a candidate needs to be suggested."""
    return SAME_FIGURES_SIMILARITY if shares_figures else NEAR_DUPLICATE_SIMILARITY


def similarity(a: str, b: str) -> float:
    """Text similarity in [0, 100], insensitive to word order and extra words."""
    return fuzz.token_set_ratio(a.lower(), b.lower())
