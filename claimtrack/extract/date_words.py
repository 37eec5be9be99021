"""Words the date grammar reads: spelled-out ordinal days, seasons and locales.

Kept apart from dates.py so the tables stay readable and the regexes there
are built from them, never typed twice.
"""

from __future__ import annotations

_UNITS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
)  # fmt: skip
_TEENS = (
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth",
)  # fmt: skip


def _ordinal_days() -> dict[str, int]:
    """ "first" → 1 … "thirty-first" → 31, with "twenty-first" also spelled "twenty first"."""
    days = {word: number for number, word in enumerate(_UNITS, start=1)}
    days.update({word: number for number, word in enumerate(_TEENS, start=10)})
    days["twentieth"], days["thirtieth"] = 20, 30
    for tens, base in (("twenty", 20), ("thirty", 30)):
        for number, word in enumerate(_UNITS, start=1):
            if base + number <= 31:
                days[f"{tens}-{word}"] = days[f"{tens} {word}"] = base + number
    return days


# Spelled-out day of a month ("the twenty-first of May").
ORDINAL_DAYS: dict[str, int] = _ordinal_days()

# The months' names, in calendar order.
MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip

# Northern meteorological seasons: the month each starts in (winter Y runs Dec Y–Feb Y+1).
SEASON_START_MONTH: dict[str, int] = {
    "spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12,
}  # fmt: skip

# Regions that write a numeric date month first (11/20 is 20 November).
MONTH_FIRST_REGIONS = frozenset(["us", "ph", "fm", "mh", "pw", "as", "gu", "mp", "pr", "vi", "um"])


# "two years back" is "two years ago"; "back to 2004", "back-to-back" are not. dates.py
# reads it as a date and quantities.py leaves it to dates: one pattern, so they agree.
BACK_AS_AGO = r"back(?!-|\s+(?:to|into|in|on|from)\b)"


def month_first(locale: str | None) -> bool | None:
    """Whether a locale writes numeric dates month first; None when it does not say.

    "en_US"/"en-US" → True; "en_GB", "de", "de_DE", "fr" → False; None, "" or a
    bare "en" (used on both sides of the Atlantic) → None.
    """
    if not locale:
        return None
    parts = locale.replace("-", "_").split(".")[0].lower().split("_")
    if len(parts) > 1:
        return parts[1] in MONTH_FIRST_REGIONS
    if parts[0] in ("en", "c", "posix"):
        return None
    return parts[0] == "us"
