"""The value types the extractor produces: plain frozen dataclasses, no I/O.

Every span carries `start`/`end` character offsets into the whole document
text it was found in, so that `document[start:end] == surface` always holds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Per = Literal["second", "minute", "hour", "day", "week", "month", "quarter", "year"]
DateRole = Literal["deadline", "mentioned"]
Precision = Literal["day", "week", "month", "quarter", "half", "season", "year", "decade"]
SpeakerKind = Literal["person", "organisation"]
ClaimKind = Literal[
    "quantity",
    "commitment",
    "prediction",
    "causation",
    "rule",
    "attribution",
    "event",
    "comparison",
    "opinion",
    "other",
]


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (or heading, or bullet) of an article, with its offsets.

    `boilerplate` names the page furniture a sentence is, which is never a
    claim (a reference, a caption, an ingredient…; extract/boilerplate.py).
    """

    text: str
    start: int
    end: int
    is_heading: bool = False
    is_bullet: bool = False
    paragraph: int = 0
    boilerplate: str | None = None

    @property
    def is_boilerplate(self) -> bool:
        return self.boilerplate is not None


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number, a range or a bound found in text, with what it counts.

    `low == high` for a single value. An open bound ("more than 600") has
    `high=None`; "up to 800" has `low=None`. `unit` is the counted noun phrase
    ("interceptor drones"), an ISO 4217 code for money ("EUR"), or "%" / "pp"
    for percentages and percentage points. `per` is the rate period.

    `dimension` says what the unit measures ("length", "mass", "money",
    "count", "percent", "temperature", "mass/area" for "kg/m2", …; None when
    unknown). Where the unit converts, `si_low`/`si_high` are the bounds in
    the SI base unit of that dimension (metres, kilograms, seconds, kelvin…),
    so that "5 miles" and "8 km" compare as the same figure. `ambiguous` flags a unit read by
    default rather than from the text (a bare "$" taken as USD).
    """

    low: float | None
    high: float | None
    unit: str | None
    per: Per | None
    text: str
    start: int
    end: int
    approximate: bool = False
    dimension: str | None = None
    si_low: float | None = None
    si_high: float | None = None
    ambiguous: bool = False

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date a sentence mentions, or a deadline it sets.

    `date` is the resolved calendar date: the last day of the period for a
    deadline of month/year precision ("by the end of the year" → Dec 31), the
    first day for a mentioned month or year. `date` is None and `resolved` is
    False when the text is relative and no publication date was given.
    """

    text: str
    start: int
    end: int
    date: dt.date | None
    role: DateRole
    precision: Precision
    year_inferred: bool = False
    resolved: bool = True
    # The period the mention covers, first and last day inclusive: one day,
    # a quarter, a season, or a range ("between March and May"). `date` is
    # `first_day` for a mentioned period and `last_day` for a deadline.
    first_day: dt.date | None = None
    last_day: dt.date | None = None
    # A numeric day and month that could be read either way ("03/04") with
    # nothing in the document to say which.
    ambiguous: bool = False

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for name in ("date", "first_day", "last_day"):
            value = getattr(self, name)
            data[name] = value.isoformat() if value else None
        return data


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a sentence attributes its statement to.

    `start`/`end` are the offsets of the mention in the document: the name, or
    the pronoun that stands for it ("He noted…"), always inside the claim's own
    sentence. They are None when the sentence names nobody itself: a quotation
    standing alone takes its speaker from the sentence that introduces or
    follows it, and that mention lies outside the claim.
    """

    name: str
    role: str | None = None  # "President", "Economy and Energy Minister"
    start: int | None = None
    end: int | None = None
    kind: SpeakerKind = "person"  # "organisation" for institutions, companies, countries


@dataclass(frozen=True, slots=True)
class ExtractedClaim:
    """One check-worthy sentence with its structure."""

    text: str
    start: int
    end: int
    kind: ClaimKind
    score: float
    speaker: Speaker | None = None
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    features: Mapping[str, float] = field(default_factory=dict)
    is_heading: bool = False

    @property
    def deadline(self) -> dt.date | None:
        """The earliest resolved deadline the claim sets, if any."""
        days = [d.date for d in self.dates if d.role == "deadline" and d.date]
        return min(days) if days else None

    def to_json(self) -> dict[str, Any]:
        """The JSON Lines record of DESIGN.md's `extract --json` contract."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "score": round(self.score, 4),
            "speaker": self.speaker.name if self.speaker else None,
            "speaker_role": self.speaker.role if self.speaker else None,
            "speaker_type": self.speaker.kind if self.speaker else None,
            "quantities": [q.to_json() for q in self.quantities],
            "dates": [d.to_json() for d in self.dates],
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "features": {k: round(v, 4) for k, v in self.features.items()},
        }
