"""When a new claim has already been checked: the same claim as a published fact-check.

A fact-check's `claimReviewed` is a short restatement ("Ukraine plans to
produce 600 to 800 interceptor drones per day") of a sentence an article
words its own way. Two statements are the same claim when:

* **figures** agree — if both state figures, each figure of the one stating
  fewer is a figure of the other where the other states one of its kind
  (`matching.same_figure`, so "5 miles" is "8 km"); a different figure is a
  different claim;
* **years** agree — if both name years, they share one;
* **entities** agree — if both name places, people or bodies, they share one
  (a demonym counts as its place: "Brazilian" is "Brazil");
* **words** agree — the content words of the shorter statement are mostly
  found in the longer one (rapidfuzz's token-set ratio over stemmed words),
  with a lower bar when a figure is shared, as in `matching.py`.

Pure: strings in, a score out. Measured on tests/publish/checked_pairs.jsonl.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimtrack.extract import find_quantities
from claimtrack.extract.density import too_many_numbers
from claimtrack.extract.types import Quantity
from claimtrack.matching import WORD, shares_figure

# How many leading letters a name and a demonym share ("Brazil", "Brazilian").
NAME_PREFIX = 4

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "without",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "there",
        "their",
        "they",
        "them",
        "he",
        "she",
        "his",
        "her",
        "we",
        "our",
        "us",
        "i",
        "you",
        "your",
        "said",
        "says",
        "say",
        "told",
        "claimed",
        "claims",
        "added",
        "announced",
        "according",
        "than",
        "then",
        "so",
        "such",
        "very",
        "just",
        "only",
        "more",
        "most",
        "less",
        "least",
        "about",
        "over",
        "under",
        "into",
        "since",
        "after",
        "before",
        "during",
        "per",
        "each",
        "every",
        "all",
        "any",
        "some",
        "no",
        "not",
        "new",
        "last",
        "this",
        "next",
        "who",
        "which",
        "what",
        "when",
        "where",
        "while",
        "also",
        "now",
        "still",
        "percent",
        "percentage",
        "cent",
        "per",
    ]
)


# Light words: a rewording swaps these freely ("hit" for "reached"), so a missing
# one costs little; a missing subject ("cocoa" for "coffee") costs in full.
LIGHT = frozenset(
    [
        "hit",
        "reach",
        "reached",
        "went",
        "go",
        "goe",
        "gone",
        "got",
        "get",
        "made",
        "make",
        "produce",
        "produced",
        "show",
        "shown",
        "show",
        "record",
        "level",
        "number",
        "rate",
        "total",
        "amount",
        "figure",
        "official",
        "estimate",
        "estimated",
        "found",
        "report",
        "reported",
        "data",
        "statistic",
        "people",
        "person",
        "year",
        "years",
        "month",
        "week",
        "day",
        "today",
        "now",
        "there",
        "lowest",
        "highest",
        "high",
        "low",
        "largest",
        "biggest",
        "worth",
        "around",
        "nearly",
        "almost",
        "some",
        "about",
        "roughly",
        "just",
        "over",
        "under",
        "above",
        "below",
        "top",
        "topped",
        "pass",
        "passed",
        "amount",
        "cost",
        "saw",
        "see",
    ]
)
# Which way a figure moved: the same figure going the other way is another claim.
UP = frozenset(
    [
        "rise",
        "rose",
        "risen",
        "grow",
        "grew",
        "grown",
        "increase",
        "increased",
        "gain",
        "gained",
        "up",
        "double",
        "doubled",
        "triple",
        "tripled",
        "surge",
        "surged",
        "jump",
        "jumped",
        "climb",
        "climbed",
        "more",
        "raise",
        "raised",
        "create",
        "created",
        "hire",
        "hired",
        "surplus",
        "export",
        "exported",
        "higher",
        "high",
        "record-high",
    ]
)
DOWN = frozenset(
    [
        "fall",
        "fell",
        "fallen",
        "drop",
        "dropped",
        "shrink",
        "shrank",
        "shrunk",
        "decrease",
        "decreased",
        "lose",
        "lost",
        "loss",
        "down",
        "halve",
        "halved",
        "cut",
        "cuts",
        "plunge",
        "plunged",
        "decline",
        "declined",
        "fewer",
        "lower",
        "deficit",
        "import",
        "imported",
    ]
)
WITH_FIGURE_SHARE = 0.75
WITHOUT_FIGURE_SHARE = 0.85


@dataclass(frozen=True, slots=True)
class Statement:
    """A claim as matching reads it: stemmed content words, figures, years, names."""

    text: str
    words: tuple[str, ...]
    figures: tuple[Quantity, ...]
    years: frozenset[str]
    names: frozenset[str]
    direction: frozenset[int]


def _stem(word: str) -> str:
    """A crude English stem, enough for "homes"/"home" and "planted"/"plant"."""
    word = word.lower().strip("’'-")
    word = re.sub(r"(’s|'s)$", "", word)
    for suffix in ("ies", "ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def _names(text: str) -> frozenset[str]:
    """Capitalised words (the first too, unless a common word), possessives dropped."""
    names = set()
    for number, word in enumerate(WORD.findall(text)):
        if not word[:1].isupper() or len(word) < 2:
            continue
        bare = re.sub(r"(’s|'s)$", "", word).lower()
        if number == 0 and bare in STOPWORDS:
            continue
        if bare not in STOPWORDS:
            names.add(bare)
    return frozenset(names)


def _is_number(word: str) -> bool:
    """A figure's digits ("4bn", "2019-20"): the figure rule has read them."""
    return any(c.isdigit() for c in word)


def statement(text: str, speaker: str | None = None) -> Statement:
    """Read `text` once for matching; the speaker, when known, is one of its names."""
    raw = [w.lower() for w in WORD.findall(text)]
    words = tuple(
        w if w in UP or w in DOWN else _stem(w)
        for w in raw
        if w not in STOPWORDS and not _is_number(w) and len(w) > 1
    )
    direction = {1 for w in raw if w in UP} | {-1 for w in raw if w in DOWN}
    names = _names(text) | (_names(speaker) if speaker else frozenset())
    return Statement(
        text=text,
        words=words,
        # A "claim" of hundreds of numbers (a pasted table, a hostile record) has
        # no figure a fact-check could share; reading them would take seconds.
        figures=() if too_many_numbers(text) else tuple(find_quantities(text)),
        years=frozenset(_YEAR.findall(text)),
        names=frozenset(names),
        direction=frozenset(direction),
    )


def _same_word(a: str, b: str) -> bool:
    """One word, or a word and its derivation ("Brazil"/"Brazilian", "cut"/"cuts")."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return (
        len(short) >= NAME_PREFIX
        and long.startswith(short[:NAME_PREFIX])
        and (len(short) <= NAME_PREFIX + 2 or long.startswith(short[:-1]))
    )


def _found(word: str, words: tuple[str, ...] | frozenset[str]) -> bool:
    return any(_same_word(word, other) for other in words)


def _names_agree(a: Statement, b: Statement) -> bool:
    """The statement naming fewer entities names none the other lacks."""
    if not a.names or not b.names:
        return True
    fewer, more = sorted((a, b), key=lambda s: len(s.names))
    others = more.names | frozenset(_stem(w) for w in more.words) | frozenset(more.words)
    contained = all(_found(name, others) or _found(_stem(name), others) for name in fewer.names)
    if len(a.names) == len(b.names) and not contained:
        others = fewer.names | frozenset(fewer.words)
        contained = all(_found(name, others) for name in more.names)
    return contained


def _comparable(a: Quantity, b: Quantity) -> bool:
    """Two figures of one kind: the same dimension where both are known, else the same unit."""
    if a.dimension and b.dimension:
        return a.dimension == b.dimension and (a.unit == b.unit or a.si_low is not None)
    return a.unit == b.unit


def _figures_agree(a: tuple[Quantity, ...], b: tuple[Quantity, ...]) -> bool | None:
    """None when a figure of one kind differs; else whether a figure is shared.

    Every figure of the statement stating fewer must be one the other states,
    unless the other states none of its kind ("two decades" beside "20 years"
    is read as a different unit, not as a different figure).
    """
    fewer, more = sorted((a, b), key=len)
    shared = False
    for figure in fewer:
        if shares_figure([figure], more):
            shared = True
        elif any(_comparable(figure, other) for other in more):
            return None
    return shared


def share(shorter: tuple[str, ...], longer: tuple[str, ...]) -> float:
    """How much of the shorter statement's content the longer one holds (light words count less)."""
    total = missing = 0.0
    for word in shorter:
        if word in UP or word in DOWN:
            continue  # the direction rule has read these
        weight = 0.3 if word in LIGHT else 1.0
        total += weight
        if not _found(word, longer):
            missing += weight
    return 1.0 - missing / total if total else 0.0


def already_checked(new: Statement, checked: Statement) -> float | None:
    """The similarity (0-100) when `new` is the claim `checked` reviewed, else None."""
    shared_figure = False
    if new.figures and checked.figures:
        agree = _figures_agree(new.figures, checked.figures)
        if agree is None:
            return None
        shared_figure = agree
    if new.years and checked.years and not new.years & checked.years:
        return None
    if (
        len(new.direction) == 1
        and len(checked.direction) == 1
        and new.direction != checked.direction
    ):
        return None
    if not _names_agree(new, checked):
        return None
    shorter, longer = sorted((new.words, checked.words), key=len)
    score = share(shorter, longer)
    needed = WITH_FIGURE_SHARE if shared_figure else WITHOUT_FIGURE_SHARE
    return round(100 * score, 1) if score >= needed else None
