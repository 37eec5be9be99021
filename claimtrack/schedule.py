"""Due dates and recurrence for follow-ups, read from what a reviewer types.

`parse_due("in 2 weeks", today)` reads a due date with the extractor's own
date grammar (claimtrack/extract/dates.py), so every date the extractor
understands can be typed and vice versa; `parse_recurrence("weekly")` gives an
RFC 5545 RRULE. Both lean on python-dateutil. Pure: `today` is always passed in.
"""

from __future__ import annotations

import datetime as dt

from dateutil.rrule import rrulestr

from claimtrack import limits
from claimtrack.errors import InvalidInput
from claimtrack.extract.dates import parse_date_phrase

FRIENDLY_RECURRENCE = {
    "daily": "FREQ=DAILY",
    "weekly": "FREQ=WEEKLY",
    "fortnightly": "FREQ=WEEKLY;INTERVAL=2",
    "monthly": "FREQ=MONTHLY",
    "quarterly": "FREQ=MONTHLY;INTERVAL=3",
    "yearly": "FREQ=YEARLY",
    "annually": "FREQ=YEARLY",
}

# Reviewers' shorthand, spelled out as the phrase the date grammar reads.
SHORTHAND = {
    "eow": "end of the week",
    "end of week": "end of the week",
    "week end": "end of the week",
    "eom": "end of month",
    "month end": "end of month",
    "eoy": "end of year",
    "year end": "end of year",
}
_PREFIXES = ("by ", "due ", "on ")
EXAMPLES = "2025-12-31, Dec 31, tomorrow, in 2 weeks, next monday, end of month, end of Q3, Easter"


class DueDateError(InvalidInput, ValueError):
    """A due date that cannot be read (a ValueError too, for callers that catch that)."""


def parse_due(text: str, today: dt.date) -> dt.date:
    """Read a due date from an ISO date or a natural phrase, relative to `today`.

    The extractor's date grammar (`parse_date_phrase`), so a deadline found in
    an article can be typed back as is. A due date is a deadline: a period
    ("next month", "Q3 2026", "the first half of next year") is due on its
    last day, and a day or month without a year is the next one from today.
    """
    phrase = " ".join(text.strip().lower().split())
    for prefix in _PREFIXES:
        phrase = phrase.removeprefix(prefix)
    if not phrase:
        raise DueDateError(f"no due date given (try {EXAMPLES})")
    mention = parse_date_phrase(SHORTHAND.get(phrase, phrase), today, future=True)
    if mention is None or mention.date is None:
        raise DueDateError(f"cannot read a due date from {text!r} (try {EXAMPLES})")
    return mention.date


def parse_recurrence(text: str, start: dt.date) -> str:
    """An RRULE from `daily|weekly|…` or an RFC 5545 rule; raises ValueError if invalid."""
    key = text.strip().lower()
    rule = FRIENDLY_RECURRENCE.get(key) or text.strip().removeprefix("RRULE:")
    if key in ("monthly", "quarterly") and start.day > 28:
        # Plain FREQ=MONTHLY skips months without a 31st; take the day, or the
        # month's last day where the day does not exist (Jan 31 → Feb 28 → Mar 31).
        rule += f";BYMONTHDAY={start.day},-1;BYSETPOS=1"
    try:
        rrulestr(rule, dtstart=dt.datetime.combine(start, dt.time()))
    except (ValueError, TypeError, OverflowError) as error:
        raise ValueError(f"not a recurrence rule: {text[:80]!r} ({error})") from None
    _check_bounds(rule, start)
    return rule


# A follow-up is a day's work: rules that fire more than once a day are refused.
_DAILY_OR_SLOWER = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
_WITHIN_A_DAY = ("BYHOUR", "BYMINUTE", "BYSECOND")


def _check_bounds(rule: str, start: dt.date) -> None:
    """Refuse a rule more frequent than daily, or with a COUNT or UNTIL past the limits."""
    bounds = limits.current()
    parts = dict(
        part.partition("=")[::2] for part in rule.upper().replace("\n", ";").split(";") if part
    )
    frequency = parts.get("FREQ", "")
    if frequency not in _DAILY_OR_SLOWER:
        raise ValueError(f"a follow-up repeats at most daily, not {frequency.lower() or 'so'}")
    within = [key for key in _WITHIN_A_DAY if key in parts]
    if within:
        raise ValueError(f"a follow-up repeats on days, not hours ({within[0]} is refused)")
    count = parts.get("COUNT")
    if count is not None and (not count.isdigit() or int(count) > bounds.rrule_count):
        raise ValueError(f"COUNT may be at most {bounds.rrule_count:,} (--limit rrule_count=…)")
    until = parts.get("UNTIL")
    if until is not None:
        last = dt.date(min(start.year + bounds.rrule_years, 9999), 12, 31)
        try:
            ends = dt.datetime.strptime(until[:8], "%Y%m%d").date()
        except ValueError:
            raise ValueError(f"UNTIL {until[:20]!r} is not a date") from None
        if ends > last:
            raise ValueError(
                f"UNTIL may be at most {bounds.rrule_years} years after the start"
                " (--limit rrule_years=…)"
            )


def next_occurrence(rule: str, start: dt.date, after: dt.date) -> dt.date | None:
    """The first date of `rule` (anchored at `start`) later than `after`; None when it ended."""
    recurrence = rrulestr(rule, dtstart=dt.datetime.combine(start, dt.time()))
    following = recurrence.after(dt.datetime.combine(after, dt.time()), inc=False)
    return following.date() if following else None
