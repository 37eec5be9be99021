"""Due dates and recurrence for follow-ups, read from what a reviewer types.

`parse_due("in 2 weeks", today)` understands ISO dates, month-day phrases and
the relative phrases a reviewer uses; `parse_recurrence("weekly")` gives an
RFC 5545 RRULE. Both lean on python-dateutil. Pure: `today` is always passed in.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from dateutil import parser as date_parser
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta
from dateutil.rrule import rrulestr

from claimtrack.extract.numbers import COUNT_WORDS

WEEKDAYS = {
    "monday": MO, "mon": MO, "tuesday": TU, "tue": TU, "tues": TU,
    "wednesday": WE, "wed": WE, "thursday": TH, "thu": TH, "thurs": TH,
    "friday": FR, "fri": FR, "saturday": SA, "sat": SA, "sunday": SU, "sun": SU,
}  # fmt: skip


# `count` of a unit as a relativedelta: each unit's keyword spelled out, so each call is typed.
UNITS: dict[str, Callable[[int], relativedelta]] = {
    "day": lambda count: relativedelta(days=count),
    "week": lambda count: relativedelta(weeks=count),
    "month": lambda count: relativedelta(months=count),
    "year": lambda count: relativedelta(years=count),
}

FRIENDLY_RECURRENCE = {
    "daily": "FREQ=DAILY",
    "weekly": "FREQ=WEEKLY",
    "fortnightly": "FREQ=WEEKLY;INTERVAL=2",
    "monthly": "FREQ=MONTHLY",
    "quarterly": "FREQ=MONTHLY;INTERVAL=3",
    "yearly": "FREQ=YEARLY",
    "annually": "FREQ=YEARLY",
}

IN_N_UNITS = re.compile(r"in (\d{1,4}|[a-z]+) (day|week|month|year)s?")
N_UNITS_FROM_NOW = re.compile(r"(\d{1,4}|[a-z]+) (day|week|month|year)s? from (?:now|today)")
NEXT_OR_THIS_WEEKDAY = re.compile(r"(next|this|on)? ?([a-z]+)")


def _end_of_month(today: dt.date) -> dt.date:
    return today + relativedelta(day=31)


def _end_of_year(today: dt.date) -> dt.date:
    return dt.date(today.year, 12, 31)


def _end_of_week(today: dt.date) -> dt.date:
    # A working week ends on Friday; on a weekend, the coming Friday.
    return today + relativedelta(weekday=FR(+1))


FIXED_PHRASES: dict[str, Callable[[dt.date], dt.date]] = {
    "today": lambda today: today,
    "tomorrow": lambda today: today + dt.timedelta(days=1),
    "day after tomorrow": lambda today: today + dt.timedelta(days=2),
    "next week": lambda today: today + relativedelta(days=+1, weekday=MO(+1)),
    "next month": lambda today: today + relativedelta(months=+1, day=1),
    "next year": lambda today: dt.date(today.year + 1, 1, 1),
    "end of week": _end_of_week,
    "end of the week": _end_of_week,
    "eow": _end_of_week,
    "end of month": _end_of_month,
    "end of the month": _end_of_month,
    "month end": _end_of_month,
    "month-end": _end_of_month,
    "eom": _end_of_month,
    "end of year": _end_of_year,
    "end of the year": _end_of_year,
    "year end": _end_of_year,
    "year-end": _end_of_year,
    "eoy": _end_of_year,
}


def _count(word: str) -> int | None:
    return int(word) if word.isdigit() else COUNT_WORDS.get(word)


def _relative(phrase: str, today: dt.date) -> dt.date | None:
    """`in 2 weeks`, `3 days from now`."""
    match = IN_N_UNITS.fullmatch(phrase) or N_UNITS_FROM_NOW.fullmatch(phrase)
    if not match:
        return None
    count = _count(match.group(1))
    if count is None:
        return None
    return today + UNITS[match.group(2)](count)


def _weekday(phrase: str, today: dt.date) -> dt.date | None:
    """`next monday`, `this friday`, `friday`: always a day after today."""
    match = NEXT_OR_THIS_WEEKDAY.fullmatch(phrase)
    if not match or match.group(2) not in WEEKDAYS:
        return None
    # "next monday" said on a Sunday means tomorrow, as people use it; a due
    # date is never today, so every form means the first such day after today.
    return today + relativedelta(days=+1, weekday=WEEKDAYS[match.group(2)](+1))


def _calendar(phrase: str, today: dt.date) -> dt.date | None:
    """`2025-12-31`, `Dec 31`, `31 December 2026`: a month-day without a year is the next one."""
    has_year = bool(re.search(r"\b\d{4}\b", phrase))
    if not re.search(r"\d", phrase):
        return None
    try:
        parsed = date_parser.parse(phrase, default=dt.datetime(today.year, today.month, 1)).date()
    except (ValueError, OverflowError):
        return None
    if not has_year and parsed < today:
        parsed += relativedelta(years=+1)
    return parsed


def parse_due(text: str, today: dt.date) -> dt.date:
    """Read a due date from an ISO date or a natural phrase, relative to `today`."""
    phrase = " ".join(text.strip().lower().split())
    phrase = phrase.removeprefix("by ").removeprefix("due ")
    if not phrase:
        raise ValueError("no due date given")
    if phrase in FIXED_PHRASES:
        return FIXED_PHRASES[phrase](today)
    for reader in (_relative, _weekday, _calendar):
        if (due := reader(phrase, today)) is not None:
            return due
    raise ValueError(
        f"cannot read a due date from {text!r} "
        "(try 2025-12-31, Dec 31, tomorrow, in 2 weeks, next monday, end of month)"
    )


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
    except (ValueError, TypeError) as error:
        raise ValueError(f"not a recurrence rule: {text!r} ({error})") from None
    return rule


def next_occurrence(rule: str, start: dt.date, after: dt.date) -> dt.date | None:
    """The first date of `rule` (anchored at `start`) later than `after`; None when it ended."""
    recurrence = rrulestr(rule, dtstart=dt.datetime.combine(start, dt.time()))
    following = recurrence.after(dt.datetime.combine(after, dt.time()), inc=False)
    return following.date() if following else None
