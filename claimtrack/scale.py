"""The vocabulary of verification: status, verdict, outcome, stance, reliability.

Three fields are kept apart, as the best fact-checking workflows keep them:

* **status** is the workflow: where the claim is in the queue;
* **verdict** is the finding about the past or present, on the 1-5 scale of
  Google's fact-check markup (higher is truer), plus two unrated findings;
* **outcome** is the fate of a commitment or prediction once its deadline comes,
  on a promise-tracker scale.

This module is the one place that defines them and maps verdicts to
schema.org ClaimReview ratings. Pure Python: no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

E = TypeVar("E", bound=StrEnum)


class Status(StrEnum):
    """Where a claim is in the review workflow."""

    NEW = "new"
    IN_PROGRESS = "in_progress"
    NEEDS_REVIEW = "needs_review"
    CONCLUDED = "concluded"
    DISMISSED = "dismissed"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


# Forward moves plus the ways back: a reviewer sends work back (needs_review →
# in_progress), reopens a concluded claim, or restores a dismissed one.
TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.NEW: frozenset({Status.IN_PROGRESS, Status.DISMISSED}),
    Status.IN_PROGRESS: frozenset({Status.NEEDS_REVIEW, Status.NEW, Status.DISMISSED}),
    Status.NEEDS_REVIEW: frozenset({Status.CONCLUDED, Status.IN_PROGRESS, Status.DISMISSED}),
    Status.CONCLUDED: frozenset({Status.IN_PROGRESS}),
    Status.DISMISSED: frozenset({Status.NEW}),
}


def can_transition(old: Status, new: Status) -> bool:
    """Whether the workflow allows moving a claim from `old` to `new`."""
    return new in TRANSITIONS[old]


def is_rated(kind: str | None, verdict: str | None, outcome: str | None) -> bool:
    """Whether a claim may be concluded: it has a verdict, or an outcome its kind allows.

    The one statement of the rule; `service/bulk.py` spells the same test in SQL.
    """
    if verdict is not None:
        return True
    return Kind(kind or Kind.OTHER).has_outcome and outcome not in (None, Outcome.NOT_YET_RATED)


def transition_path(old: Status, new: Status) -> list[Status]:
    """The shortest chain of allowed steps from `old` to `new` (excluding `old`).

    Lets `claims set --status concluded` on a new claim walk the workflow
    step by step, each step audited, instead of jumping over it.
    """
    if old == new:
        return []
    frontier: list[list[Status]] = [[old]]
    seen = {old}
    while frontier:
        path = frontier.pop(0)
        for nxt in sorted(TRANSITIONS[path[-1]]):
            if nxt in seen:
                continue
            if nxt == new:
                return [*path[1:], nxt]
            seen.add(nxt)
            frontier.append([*path, nxt])
    return []


class Verdict(StrEnum):
    """The finding about a claim on the past or present."""

    TRUE = "true"
    MOSTLY_TRUE = "mostly_true"
    HALF_TRUE = "half_true"
    MOSTLY_FALSE = "mostly_false"
    FALSE = "false"
    MISLEADING = "misleading"
    UNVERIFIABLE = "unverifiable"

    @property
    def label(self) -> str:
        return VERDICT_LABELS[self]

    @property
    def rating(self) -> int | None:
        """The 1-5 ClaimReview ratingValue; None for unrated findings."""
        return VERDICT_RATINGS.get(self)

    @property
    def needs_evidence(self) -> bool:
        """A verdict other than unverifiable must rest on at least one source."""
        return self is not Verdict.UNVERIFIABLE


VERDICT_RATINGS: dict[Verdict, int] = {
    Verdict.TRUE: 5,
    Verdict.MOSTLY_TRUE: 4,
    Verdict.HALF_TRUE: 3,
    Verdict.MOSTLY_FALSE: 2,
    Verdict.FALSE: 1,
}

VERDICT_LABELS: dict[Verdict, str] = {
    Verdict.TRUE: "True",
    Verdict.MOSTLY_TRUE: "Mostly true",
    Verdict.HALF_TRUE: "Half true",
    Verdict.MOSTLY_FALSE: "Mostly false",
    Verdict.FALSE: "False",
    Verdict.MISLEADING: "Misleading",
    Verdict.UNVERIFIABLE: "Unverifiable",
}

BEST_RATING = 5
WORST_RATING = 1


@dataclass(frozen=True, slots=True)
class ClaimReviewRating:
    """A schema.org `Rating` as Google's fact-check markup expects it."""

    alternate_name: str
    rating_value: int | None
    best_rating: int = BEST_RATING
    worst_rating: int = WORST_RATING

    def to_jsonld(self) -> dict[str, object]:
        rating: dict[str, object] = {"@type": "Rating", "alternateName": self.alternate_name}
        if self.rating_value is not None:
            rating |= {
                "ratingValue": self.rating_value,
                "bestRating": self.best_rating,
                "worstRating": self.worst_rating,
            }
        return rating


def claimreview_rating(verdict: Verdict) -> ClaimReviewRating:
    """Map a verdict to its ClaimReview rating (ratingValue and alternateName)."""
    return ClaimReviewRating(alternate_name=verdict.label, rating_value=verdict.rating)


class Outcome(StrEnum):
    """The fate of a commitment or prediction, promise-tracker style."""

    NOT_YET_RATED = "not_yet_rated"
    IN_THE_WORKS = "in_the_works"
    STALLED = "stalled"
    KEPT = "kept"
    COMPROMISE = "compromise"
    BROKEN = "broken"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @property
    def is_final(self) -> bool:
        return self in {Outcome.KEPT, Outcome.COMPROMISE, Outcome.BROKEN}


class Stance(StrEnum):
    """How a source bears on the claim."""

    SUPPORTS = "supports"
    REFUTES = "refutes"
    CONTEXT = "context"


class Reliability(StrEnum):
    """How far a source can be trusted."""

    CREDIBLE = "credible"
    PARTLY_CREDIBLE = "partly_credible"
    NOT_CREDIBLE = "not_credible"
    UNKNOWN = "unknown"


class Kind(StrEnum):
    """Claim types after Full Fact's taxonomy, with promises split out."""

    QUANTITY = "quantity"
    COMMITMENT = "commitment"
    PREDICTION = "prediction"
    CAUSATION = "causation"
    RULE = "rule"
    ATTRIBUTION = "attribution"
    EVENT = "event"
    COMPARISON = "comparison"
    OPINION = "opinion"
    OTHER = "other"

    @property
    def has_outcome(self) -> bool:
        """Commitments and predictions are rated on the outcome scale at their deadline."""
        return self in {Kind.COMMITMENT, Kind.PREDICTION}


class SpeakerType(StrEnum):
    """Who a claim is attributed to: a person, or an organisation speaking as one.

    A country or a city standing for its government ("Moscow denies…") is an
    organisation. ClaimReview's `itemReviewed.author` is an Organization for
    these, a Person otherwise.
    """

    PERSON = "person"
    ORGANISATION = "organisation"


def parse_choice(enum: type[E], value: str) -> E:
    """Read an enum member from user text: `Mostly True`, `mostly-true`, `mostly_true`."""
    key = value.strip().lower().replace("-", "_").replace(" ", "_")
    try:
        return enum(key)
    except ValueError:
        choices = ", ".join(m.value for m in enum)
        raise ValueError(
            f"unknown {enum.__name__.lower()} {value!r} (choose from {choices})"
        ) from None
