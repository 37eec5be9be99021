"""Find the dates a sentence mentions and the deadlines it sets.

Everything is resolved against the document's publication date, never today.
Each mention resolves to a period (first day, last day); a `deadline` takes the
last day of that period ("by the end of the year" → Dec 31, "by mid-2026" →
2026-06-30) and a `mentioned` date takes the first ("in March 2027" →
2027-03-01). Points such as "November 3" or "the end of the year" are periods
of one day.

Documented rules (tests/extract/unseen/README.md, "Dates, beyond ../cases"):

- Every resolved mention carries its period, `first_day` … `last_day`; its
  precision is day, week, month, quarter, half, season, year or decade.
- Slashed dates follow the `locale` given ("en_US" month first, "en_GB",
  "de"… day first); without one, month first when that is a date, flagged
  `ambiguous` when day first is a date too ("03/04"). Dotted dates
  ("03.11.2025", "20.11.") are day first. A numeric day and month without a
  year ("11/20") is a date only after "on", "until", "since"…, never a
  fraction ("3/4").
- A day or month without a year, a holiday, a bare weekday: the tense picks
  the year (future wording the next one after publication, past wording the
  latest before it, neither the publication year; a bare weekday without a
  past verb is the next on or after publication, as a schedule or forecast
  in the present tense writes it). "last"/"next" force the
  direction. A day the month never has, or not in that year ("29 February
  2025"), is no date: never clamped.
- Tense is read from the nearest tense marker before the date in its
  sentence (will, plans to, starting, expected, said, -ed verbs…), else the
  first after.
- A bare year must be 1900–2100 (1000–1899 only after "since", "in"…), not a
  count ("2028 drones") and not part of a name ("Euro 2025").
- A bare month ("May", "March") or holiday ("Christmas") is a date only after
  a preposition such as "in"/"by"/"since", so the verb "may" and "march"
  never become dates; a lower-case month ("by june") needs a stricter one,
  and "with June Smith" is a name.
- "in two years" is a date only in a future clause (published + 2 years);
  "rose 5% in two years" is a duration. "within N units" is always a
  deadline, publication to published + N units. "N units ago" has the unit's
  precision (a year ago → that year, two weeks ago → that week, Monday to
  Sunday), the day itself "on this day" or "to the day"; "N units from now" is a day.
- Rolling spans: "the next four days" is published+1 … published+4, a deadline
  at its end; "the past two weeks" published−14 … published; "year to date"
  1 January … published.
- Ranges are one mention: "between March and May", "from 2024 to 2026",
  "2010–2020" (first day of the first to last day of the second).
- Holidays ending in a day's name ("Thanksgiving Day", "Good Friday") need no
  preposition; "Thanksgiving week" is that Monday-to-Sunday week. "The third
  Tuesday of September 2014", "March first", "three weeks hence" are days;
  "the next week" is a rolling week ahead (none after a past-tense clause).
- "before X" is the day before X, "after X" the day after it, "N units
  before/after X" is X shifted; "the week of X" is X's Monday to Sunday.
- Quarters and halves ("Q3", "the third quarter" of the publication year
  unless said, "H2 2026"); seasons are northern meteorological (winter 2025
  is December 2025 to February 2026) and need a year or "next"/"last";
  decades ("the 1990s", "the '80s"); early = Q1, mid = June, late = Q4 of a
  year; early/mid/late of a month, week or decade is the whole period
  ("in late March" → March 1, "by early next week" → that Sunday).
- `deadline`: the date follows by, before, until, within, no later than,
  due, ahead of…, "deadline" appears earlier in the clause, or the clause is
  future tense and the date is not before publication (so "will ban … from
  1 June" is a deadline); "through" a date not before publication is one too ("on
  sale through Friday"); a decade only after a deadline word. `since`/`after`/`as of` dates are always
  `mentioned`; so is everything else.
- Without a publication date, relative dates and dates without a year keep
  their text with `date=None, resolved=False`.
- `parse_date_phrase` reads a whole typed phrase with this same grammar (the
  follow-up `--due` option uses it).
"""

from __future__ import annotations

import bisect
import calendar
import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Callable
from itertools import accumulate
from typing import Literal, NamedTuple

from dateutil.easter import easter
from dateutil.relativedelta import MO, SA, TH, relativedelta

from claimtrack.extract.date_words import (
    BACK_AS_AGO,
    ORDINAL_DAYS,
    SEASON_START_MONTH,
    month_first,
)
from claimtrack.extract.density import ReadingBudget
from claimtrack.extract.numbers import COUNT_WORDS, NUMBER_WORDS, UNITS, parse_number_words
from claimtrack.extract.patterns import word_trie
from claimtrack.extract.types import DateMention, DateRole, Precision

__all__ = ["find_dates", "parse_date_phrase"]

Tense = Literal["past", "future"] | None
# The tense around one date, found only when asked: most dates never need it.
TenseOf = Callable[[], Tense]

_MONTH_NUMBERS = {
    name: number
    for number, names in enumerate(
        [
            (),
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUMBER_WORDS = {**COUNT_WORDS, "a few": 3, "a couple of": 2, "a couple": 2}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}  # fmt: skip

_FULL_MONTHS = [name.capitalize() for name, number in _MONTH_NUMBERS.items() if len(name) > 4]
_FULL_MONTHS += ["May", "June", "July"]
_MONTH_WORDS = frozenset(_MONTH_NUMBERS)  # lower case, full and short
_SHORT_MONTHS = [
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sept",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
]
# Prefix-factored (a trie), so a failed month costs one check per letter, not one per name.
_MONTH_FULL = f"(?:{word_trie(_FULL_MONTHS)})"
_MONTH = rf"(?:{word_trie(_FULL_MONTHS)}\b|{word_trie(_SHORT_MONTHS)}\b\.?)"
# Lower-case full month names, a date only after a preposition ("by june"); never "may".
_LOWER_MONTHS = [name.lower() for name in _FULL_MONTHS if name != "May"]
_MONTH_LOWER = rf"(?:{word_trie(_LOWER_MONTHS)})\b"
_MONTH_ANY = rf"(?:{word_trie(_FULL_MONTHS + _LOWER_MONTHS)}\b|{word_trie(_SHORT_MONTHS)}\b\.?)"
_SPELLED_DAY = word_trie(ORDINAL_DAYS)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:1\d\d\d|20\d\d|2100)"  # before 1900 only where a date is expected
# Tens open a compound count ("thirty-five years ago"), read whole, never from its last word.
# One spelled number word, for years written out ("one thousand eight hundred and sixty-two").
_NUMBER_WORD = word_trie(sorted(NUMBER_WORDS))
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SPELLED_DECADES = "twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties"
_NUM = (
    rf"(?:\d{{1,3}}|a\s+few|a\s+couple(?:\s+of)?|an?|(?:{_TENS})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen)"
)
_UNIT = r"(?:days?|weeks?|fortnights?|months?|years?|decades?)"
# A rolling span may also count quarters ("over the last 12 quarters"); elsewhere "in three
# quarters" is more often a share than a date.
_SPAN_UNIT = r"(?:hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?)"
_REL_YEAR = (
    r"(?:(?:this|next|last|the|the\s+current|the\s+coming|the\s+following|the\s+previous)\s+year)"
)

# The letters re.IGNORECASE also matches for an ASCII letter, besides its upper case.
_CASE_EXTRAS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def _any_case(pattern: str) -> str:
    """`pattern` with each letter made a class of every form `(?i)` matches it with.

    Exactly `(?i:pattern)` for patterns whose letters are plain lower-case
    literals or single-letter escapes (\\s, \\d, \\b). The engine tries an
    alternative that opens with a class after one cheap check, but enters every
    one that opens with a case-insensitive letter; in the gate, which runs at
    every word, that is most of the scan's cost.
    """
    return re.sub(
        r"(?<!\\)[a-z]",
        lambda letter: f"[{letter[0]}{letter[0].upper()}{_CASE_EXTRAS.get(letter[0], '')}]",
        pattern,
    )


# Digits open a date only as a year, a slashed or dotted date, an ordinal, or
# a day or count before a month or unit ("3 Nov", "3 weeks ago"): most numbers
# ("2,400", "5%", "12 million") fail at once. Each starts with a digit or a
# plain literal, which the engine checks without entering the branch (so the
# forms that open with any digit share one \d, a costly check at every word).
_DIGIT_OPENERS = (
    # "20.11." opens a date, but not inside "1.1.1.": the dotted form never matches there
    r"1\d\d\d|20\d\d|2100|[1-4]Q\d\d|[2-9]0['’]s\s|\d(?:\d?(?:/\d|\.\d{1,2}\.(?!\d\d?\.)|-\d\d?-\d\d|-[A-Z][a-z]{2,8}-[12]\d)"
    rf"|\d?\d?(?:{_any_case('st|nd|rd|th')}|\s+(?:of|{_MONTH}|{_any_case(_UNIT)}))"
    # "15 to 26 December": the month is read here too, or every "1-1" would open a date
    r"|\d?(?:st|nd|rd|th)?(?:[-–]|\s+(?:to|until|till|through)\s+)\d\d?(?:st|nd|rd|th)?\s+"
    rf"(?:of\s+)?{_MONTH_ANY})"
)
# What may follow each word a date form can start with (a superset, any
# case). Common words open a date only before particular words ("the end of",
# "in two years", "a week ago", "year-end"): reading that next word in the
# gate makes "in the", "the new" or "a year" fail there at once.
_AFTER_THE = word_trie(
    ["q", "h", *_ORDINALS, *ORDINAL_DAYS, "middle", "end", "start", "beginning", "coming",
     "previous", "prior", "weekend", "day", *SEASON_START_MONTH, "early", "mid", "late",
     *_SPELLED_DECADES.split("|")]
)  # fmt: skip
# "the next four days", "the past two weeks": "the last" and "the next" are common, a count
# after them is not.
# Counts that open a date ("two weeks ago") or follow "the next/past" ("the next four days").
_COUNT_OPENERS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "fifteen", "eighteen", *_TENS.split("|"),
)  # fmt: skip
_THE_SPAN = (
    rf"(?:next|past|last|following)\s+(?:\d|a\s|{'|'.join(_COUNT_OPENERS)})"
    r"|(?:past|last|next)\s+(?:week|month|year|decade)\b|following\s+(?:year|month)\b|last\s+day\s+of\b"
    r"|(?:next|following|previous|preceding)\s+day\b"  # "the next day": from a day written before
    r"|(?:last|final)\s+(?:quarter|half)\s+of\b"  # "the last quarter of 2022"
    r"|year\s+so\s+far\b"  # "the hottest day of the year so far"
    rf"|last\s+(?:{'|'.join(_WEEKDAYS)})\s+(?:of|in)\b"  # "the last Friday of June"
)
_DATE_OPENERS = {
    **dict.fromkeys(
        [*_MONTH_NUMBERS, *_WEEKDAYS, *_ORDINALS, *_COUNT_OPENERS, "early", "late", "mid", "middle", "end", "start", "beginning", "spring",
         "summer", "autumn", "fall", "winter", "christmas", "easter", "within", "later",
         "earlier", "last", "next", "this", "yesterday", "today", "tomorrow", "tonight", "q1",
         "q2", "q3", "q4", "h1", "h2", "thanksgiving", "ytd", *ORDINAL_DAYS],
        r"\b",
    ),
    "nineteen": r"[\s-]+\w",
    "the": rf"\s+(?:\d|['’]\d|{_AFTER_THE}|{_THE_SPAN}|(?:year|month|week|quarter)-ago\b)",
    "so": r"\s+far",
    "prior": r"\s+(?:year|month|week|quarter)\b",
    "good": r"\s+friday",
    "independence": r"\s+day",
    "black": r"\s+friday",
    "cyber": r"\s+monday",
    "halloween": r"\b",
    "valentine": r"['’]?s\s+day",
    "boxing": r"\s+day",
    "veterans": r"['’]?\s+day",
    "memorial": r"\s+day",
    "labor": r"\s+day",
    "day": r"\s+(?:after|before)",
    "in": rf"\s+(?:the\s+next|{_NUM}|(?:next|last|past)\s+\d+)\b",  # "in next 72 hours"
    "a": rf"n?\s+(?:few|couple|{_UNIT})",
    "at": r"\s+the\s+weekend",
    "year": r"(?:(?:-|\s+|['’]s\s+)end|[\s-]+to[\s-]+date)",
    "month": r"(?:-|\s+|['’]s\s+)end",
    "new": r"\s+year",
}  # fmt: skip


def _any_case_openers(openers: dict[str, str]) -> str:
    """Alternatives matching each word in any case, followed by its pattern, by first letter.

    The regex engine skips an alternative that opens with a plain character
    or class after one check, but enters every one that opens with a
    case-insensitive letter; so each alternative opens with its first letter
    as a class of both cases, and only the rest is case-insensitive. (Every
    date starts with an ASCII letter or digit, so the class loses nothing.)
    """
    alternatives = []
    for letter in sorted({word[0] for word in openers}):
        tails_by_follower: dict[str, list[str]] = {}
        for word, follower in openers.items():
            if word[0] == letter:
                tails_by_follower.setdefault(follower, []).append(word[1:])
        rest = "|".join(
            word_trie(tails) + follower for follower, tails in tails_by_follower.items()
        )
        first = f"[{letter}{letter.upper()}]" if letter.isalpha() else letter
        alternatives.append(f"{first}(?:{_any_case(rest)})")
    return "|".join(alternatives)


# Counts and units in any case, each letter a class: an alternative opening with a class is
# skipped after one check, one opening with a case-insensitive letter is entered.
_NUM_ANY = _any_case(_NUM)
_UNIT_ANY = _any_case(_UNIT)
_SPAN_UNIT_ANY = _any_case(_SPAN_UNIT)

_DATE_GATE = rf"(?={_DIGIT_OPENERS}|{_any_case_openers(_DATE_OPENERS)})"

# One alternation, tried left to right at each position; longer forms first.
_DATE = re.compile(
    rf"""
    # Every form starts at a word start: the leading class lets the engine skip
    # other positions (about 5x faster than a bare \b), the first-word trie
    # rejects most words at once, and each form's own guard of possible first
    # letters makes a failed attempt one check.
    (?=[0-9A-Za-z])\b{_DATE_GATE}(?:
    (?=[\d])(?:(?P<iso>\b(?P<iso_y>{_YEAR})(?P<iso_sep>[-/])(?P<iso_m>[01]?\d)(?P=iso_sep)(?P<iso_d>[0-3]?\d)\b)
      # 11/03/2025, or 11/20 without a year (not "3/4%", "1/2/3")
      # 10-19-1998, 9-14-21: dashes only with a year ("10-12" is a range)
      | (?P<slash>\b(?P<sl_a>\d{{1,2}})(?:/(?P<sl_b>\d{{1,2}})(?:/(?P<sl_y>\d{{4}}|\d\d)\b|\b(?![/.,:]\d|\s*%))
          |-(?P<sl_db>\d{{1,2}})-(?P<sl_dy>\d{{4}}|\d\d)\b(?![-–/.]\d)))
      # 03.11.2025, or 20.11. without a year
      | (?P<dots>\b(?P<dt_d>\d{{1,2}})\.(?P<dt_m>\d{{1,2}})\.(?:(?P<dt_y>{_YEAR})\b|(?![\d.]))))
  # The commonest forms early: alternatives are tried in order, and none of those
  # before them can start at a year, a month or a weekday and match more.
  # "2024 Q3", "2025 H1", "the 2019 second quarter": the year written first
  | (?=[12]\d\d\d\s+(?:[QH]|(?i:first|second|third|fourth)\s))(?P<year_part>\b(?P<yp_y>{_YEAR})\s+
        (?:(?P<yp_p>Q[1-4]|H[12])|(?P<yp_ord>(?i:first|second|third|fourth))\s+(?P<yp_kind>(?i:quarter|half)))\b)
  # "2Q24", "3Q2025": an analyst's quarter, its number first
  | (?=[1-4]Q\d)(?P<nq>\b(?P<nq_n>[1-4])Q(?P<nq_y>\d\d(?:\d\d)?)\b)
  # "the September quarter 2019", "the 2023 June quarter", "the March 2014 quarter": the
  # quarter a month closes (AU, NZ)
  | (?=[MJSD]|[12]\d\d\d\s+[MJSD])(?P<mq>(?:(?P<mq_y0>{_YEAR})\s+)?
        (?P<mq_m>March|June|September|December|Mar|Jun|Sept?|Dec)\.?\s+(?:(?P<mq_y1>{_YEAR})\s+)?(?i:quarter)\b
        (?:,?\s+(?:(?i:of)\s+)?(?P<mq_y>{_YEAR})\b)?)
  # "2017 fall", "the 2012 summer": a season with its year written first
  | (?=[12]\d\d\d\s+(?i:spring|summer|autumn|fall|winter)\b)(?P<yseason>(?P<ys_y>{_YEAR})\s+
        (?P<ys_name>(?i:spring|summer|autumn|fall|winter))\b)
  | (?=[12])(?P<year>(?<![\d.,/$€£¥#])\b(?P<yr>{_YEAR})(?:[-–/](?P<yr_end>\d\d)(?![\d%]|[-/.,]\d)|/(?P<yr_end4>{_YEAR})(?![\d%]|[-/.,]\d))?\b(?![%]|[.,]\d|\s*(?:%|per\s*cent|percent)))
  # "March first", "march third 2015": a spelled ordinal day after the month
  | (?=[JFMASOND]|{_MONTH_LOWER})(?P<msp>(?P<msp_m>{_MONTH_ANY})\s+(?P<msp_d>(?i:{_SPELLED_DAY}))(?![-\w])
        (?:,?\s+(?P<msp_y>{_YEAR})\b)?)
  | (?=[JFMASONDTW]|{_MONTH_LOWER})(?P<mdy>(?:{_WEEKDAY},?\s+)?(?P<mdy_m>{_MONTH_ANY})\s+(?P<mdy_d>\d{{1,2}})(?:st|nd|rd|th)?
        (?:(?:[-–]|\s+(?:to|through|until|till)\s+)(?P<mdy_d2>\d{{1,2}})(?:st|nd|rd|th)?
          (?!\d|[.,:]\d|\s*(?:%|(?i:percent|per\s+cent|per|million|billion|times|points?|[ap]\.?m)\b)))?\b
        (?:(?:,\s*|\s+)(?:(?:of|in)\s+)?(?P<mdy_y>{_YEAR})\b)?)
  | (?=[MTWFSt\d])(?P<dmy>(?:{_WEEKDAY},?\s+)?
        # "from 15 to 26 December 2023", "15-26 December": the days of one month
        (?:(?P<dmy_d0>\d{{1,2}})(?:st|nd|rd|th)?(?:[-–]|\s+(?:to|until|till|through)\s+)(?=\d))?
        (?:the\s+)?\b(?P<dmy_d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?
        (?P<dmy_m>{_MONTH_ANY})(?:(?:,\s*|\s+)(?P<dmy_y>{_YEAR})\b)?
      # "04-Jun-2019": day, month and year joined by dashes
      |\b(?P<dmy_dd>\d{{1,2}})-(?P<dmy_dm>{word_trie(_FULL_MONTHS + _SHORT_MONTHS)})-(?P<dmy_dy>{_YEAR})\b)
  | (?=[JFMASOND]|{_MONTH_LOWER})(?P<my>(?P<my_m>{_MONTH_ANY})(?:\s*,?\s+(?:(?i:of)\s+)?|-(?=\d{{4}}\b))(?P<my_y>{_YEAR})\b)
  | (?=[JFMASONDlLnN]|{_MONTH_LOWER})(?P<month>(?:(?P<mo_mod>(?i:last|next))\s+(?=[JFMASOND]))?(?P<mo_m>{_MONTH_FULL}|{_MONTH_LOWER}
        |(?P<mo_short>{word_trie(_SHORT_MONTHS)})(?:\.|\b)(?![\w-]))\b
        (?(mo_mod)(?!\.?,?\s*\d)))  # "last October 26" is the day form's
  | (?=[lLnNtTMWFS])(?P<weekday>\b(?:(?P<wd_mod>(?i:last|next|this))\s+)?(?P<wd>{_WEEKDAY})\b(?!s))
  | (?=[lLnNtTpP])(?P<rel>\b(?P<rel_mod>(?i:last|next|this|the\s+coming|the\s+previous|(?:the\s+)?prior|the(?=\s+(?:year|month|week|quarter)-ago\b(?!\s+(?:period|quarter|month|week|half|level|figure)s?\b))))\s+(?:(?i:calendar)\s+)?(?P<rel_unit>(?i:year|month|week|quarter))(?P<rel_ago>-ago)?\b)
  | (?=[yYtTlLdD])(?P<dayword>\b(?i:yesterday|today|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening)
        |(?:the\s+)?day\s+after\s+tomorrow|(?:the\s+)?day\s+before\s+yesterday))\b
  | (?=[lLtTnNaA])(?P<weekend>\b(?P<wkend_mod>(?i:last|this|next|the|at\s+the))\s+(?i:weekend)\b)
  # Forms that open with "the", an ordinal, Q/H or a digit, behind one guard: the engine
  # enters a guarded alternative at every date-like word, so fewer guards cost less.
  | (?=[QHtTfFsSeEnNlL1-4\d'‘’])(?:
      # "the 1990s", "the '80s", "the early 80s", "the mid-’90s" (early, mid, late: the decade)
      (?=(?:[tT]he\s+)?(?:(?i:early|mid|late)[\s-]+)?(?:\d\d\d0|['‘’]\d0)['’]?s\b
        |[tT]he\s+(?:(?i:early|mid|late)[\s-]+)?[2-9]0['’]?s\b|(?<![\w'‘’$£€.,-])[2-9]0['’]s\s+[a-z])
      (?P<decade>(?:(?i:the)\s+)?(?:(?i:early|mid|late)[\s-]+)?(?:\b(?P<dec_full>(?:1[89]|20)\d0)|['‘’](?P<dec_short>\d0)
        |(?:(?<=[eE]\s|[yYdD][\s-]|[eE]-)|(?<![\w'‘’$£€.,-])(?=[2-9]0['’]s\s+[a-z]))(?P<dec_bare>[2-9]0))['’]?s\b)
    # "the twenty-first of May", "this fourth day of May, in the year of our Lord one
    # thousand seven hundred and ninety-six", "the last day of October 2015"
    | (?=[tTfFsSeEnNlL][a-z]+[\s-])(?P<spelled>(?:(?i:the|this)\s+)?
        (?:(?P<sp_d>(?i:{_SPELLED_DAY}))(?:\s+(?i:day))?|(?P<sp_last>(?i:last))\s+(?i:day))\s+(?i:of)\s+(?P<sp_m>{_MONTH_ANY})
        (?:,?\s+(?P<sp_y>{_YEAR})\b
          |,?\s+(?:(?i:in\s+the\s+year\s+of\s+)(?:\[[^\]\n]{{1,12}}\]\s+)?(?i:our\s+lord\s+)?(?:\[[^\]\n]{{1,12}}\]\s+)?)?
           (?P<sp_words>(?i:one\s+thou-?\s*sand(?:\s+(?:and\s+)?{_NUMBER_WORD}(?:-{_NUMBER_WORD})?){{0,4}}))\b)?)
    # "the third Tuesday of September 2014", "the fourth Thursday in November"
    | (?=(?:[tT]he\s+)?(?i:first|second|third|fourth|fifth|last)\s)(?P<nth>(?:(?i:the)\s+)?
        (?P<nth_o>(?i:first|second|third|fourth|fifth|last))\s+(?P<nth_wd>(?i:{_WEEKDAY}))\s+(?i:of|in)\s+
        (?P<nth_m>{_MONTH_ANY})(?:,?\s+(?P<nth_y>{_YEAR})\b)?)
    # "the first three months of the year", "the first nine months of 2024": from January 1
    | (?=[tT]he\s+(?i:first)\s)(?P<firstn>(?i:the\s+first)\s+(?P<fn_n>{_NUM_ANY})\s+(?i:months)\s+(?i:of)\s+
        (?:(?P<fn_y>{_YEAR})\b|(?P<fn_rel>(?i:the|this|last|next))\s+(?i:year)\b))
    | (?=[QHtTfFsS1-4])(?P<part>(?:(?i:the)\s+)?(?:(?P<part_q>Q[1-4])|(?P<part_h>H[12])
        |(?P<part_ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th
          |(?:last|final)(?=[\s-]+(?:quarter|half)\s+of\s+(?:\d|this\b|next\b|last\b))))
          [\s-]+(?P<part_kind>(?i:quarter|half)))\b
        (?:(?:\s+(?i:of)|,)?\s+(?:(?P<part_y>{_YEAR})\b|(?P<part_rel>(?i:{_REL_YEAR}))\b)
          |(?<=\d)\s?['’]?(?P<part_yy>\d\d)\b(?![.,:%/-]?\d)|(?!\s+(?i:of)\b))))
  # "the eighties", "the early nineties": a decade of the 1900s written in words
  | (?=[tT]he\s)(?P<spdecade>(?i:the)\s+(?:(?i:early|mid|late)[\s-]+)?(?P<spd>(?i:{_SPELLED_DECADES}))\b)
  # "in nineteen eighty-seven", "the year twenty fifty": a year read aloud
  | (?=[nNtT])(?P<spyear>(?<![\w-])(?P<spy_c>(?i:nineteen|twenty))[\s-]+(?:(?P<spy_t>(?i:{_TENS}))
        (?:[\s-]+(?P<spy_u>(?i:one|two|three|four|five|six|seven|eight|nine))\b)?
        |(?P<spy_teen>(?i:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)))\b(?![\s-]+(?i:{_UNIT}|percent|per|of|and|{_TENS}|one|two|three|four|five|six|seven|eight|nine)\b))
  | (?=[eElLmMtTsSbB])(?P<edge>(?P<edge_kind>(?i:early|late|mid|(?:the\s+)?middle\s+of|(?:the\s+)?(?:end|start|beginning)\s+of|end|start(?!\s+(?i:this|next|last|the)\s)))
        (?:-|\s+)
        (?:(?P<edge_y>{_YEAR})\b|(?P<edge_m>{_MONTH_FULL})\b(?:,?\s+(?P<edge_my>{_YEAR})\b)?
          |(?P<edge_q>Q[1-4]|H[12])\b(?:\s+(?P<edge_qy>{_YEAR})\b)?
          |(?P<edge_rel>(?i:this|next|last|the|the\s+current|the\s+coming))\s+(?P<edge_unit>(?i:year|month|week|quarter|decade))\b))
  | (?=(?i:next|last|this|the|spring|summer|autumn|fall|winter)\s)(?P<season>(?:(?P<season_mod>(?i:next|last|this|the\s+coming|the\s+past))\s+
          (?P<season_rel>(?i:spring|summer|autumn|fall|winter))\b
        |(?:(?i:the)\s+)?(?P<season_name>(?i:spring|summer|autumn|fall|winter))\s+(?:(?i:of)\s+)?(?P<season_y>{_YEAR})\b
        # "over the summer", "the spring surges"; not "the fall of Rome", "the Arab Spring"
        |(?i:the)\s+(?P<season_bare>spring|summer|autumn|winter|fall(?!\s+(?i:of|in|from|to|and|for)\b))\b))
  | (?=[CNEGTIBHVML])(?P<holiday>(?P<hol>Christmas(?:\s+Day|\s+Eve)?|New\s+Year['’]s(?:\s+Day|\s+Eve)?|Easter(?:\s+Sunday|\s+Monday)?
        |Good\s+Friday|Thanksgiving(?:\s+Day)?|Independence\s+Day|Black\s+Friday|Cyber\s+Monday|Halloween
        |Valentine['’]?s\s+Day|Boxing\s+Day|Veterans['’]?\s+Day|Memorial\s+Day|Labor\s+Day)\b
        (?:,?\s+(?P<hol_y>{_YEAR})\b(?!,?\s*\d))?(?P<hol_week>\s+(?i:week)\b(?:\s+(?P<hol_wy>{_YEAR})\b)?)?)
  | (?=[yYmMeEsStT])(?:(?=[yY]ear[\s-]|[sS]o\s|YTD|[tT]he\s+year\s+so\s)(?P<ytd>(?i:year[\s-]+to[\s-]+date|so\s+far\s+this\s+year|the\s+year\s+so\s+far)\b|YTD\b)
    | (?=[yYmMeE])(?P<yearend>(?i:(?P<ye_unit>year|month)(?:-|\s+|['’]s\s+)end|end[\s-]+of[\s-]+(?P<ye_unit2>year|month))\b))
  | (?=[iItTwW])(?:(?=(?:[iI]n\s+)?[tT]he\s+(?i:next|past|last|coming|previous|preceding|following)\s|[iI]n\s+(?i:next|last|past)\s+\d)(?P<span>
        # "in next 72 hours", "in last 24 hours": the article left out, as headlines do
        (?:(?:(?i:in)\s+)?(?i:the)\s+|(?i:in)\s+(?=(?i:next|last|past)\s+\d))(?P<span_dir>(?i:next|past|last|coming|previous|preceding|following))\s+
          # "the next 2-3 days", "the next two to three weeks": the window to its longer end
          (?:(?:{_NUM_ANY}(?:\s*[-–]\s*|\s+(?i:to|or)\s+))?(?P<span_n>{_NUM_ANY})\s+(?P<span_unit>{_SPAN_UNIT_ANY})\b
          # "the past week", "over the last year": one unit back, never "the last day of";
          # "over the next week": one unit ahead
          |(?:(?<=[aA][sS][tT]\s|[eE][xX][tT]\s)|(?<=[wW][iI][nN][gG]\s))(?P<span_unit1>(?i:week|month|year|decade))\b(?!\s+(?i:of)\b)
          # "the next day", "the previous day": a day from the day written before it
          |(?<![lLpP][aA][sS][tT]\s)(?<![cC][oO][mM][iI][nN][gG]\s)(?P<span_day>(?i:day))\b(?!\s+(?i:of|after|before)\b)))
    | (?=[wWiI])(?P<within>\b(?P<wi_prep>(?i:within|in))\s+(?:(?i:the\s+next)\s+)?(?P<wi_n>{_NUM_ANY})\s+(?P<wi_unit>{_UNIT_ANY})\b))
  | (?=[\daAoOtTfFsSeEnN])(?P<ago>\b(?P<ago_n>{_NUM_ANY})\s+(?P<ago_unit>{_UNIT_ANY})\s+
        (?:(?i:ago|{BACK_AS_AGO})|(?P<ago_from>(?i:from\s+(?:now|today)|hence))|(?P<ago_earlier>(?i:earlier)(?!\s+(?i:than)\b)))\b)
  | (?=[lLeE])(?P<later>\b(?P<later_kind>(?i:later|earlier))\s+(?:(?i:this)\s+(?P<later_unit>(?i:year|month|week))|(?i:in\s+the)\s+(?P<later_year>(?i:year)))\b)
    )
    """,
    re.VERBOSE,
)

# Phrases that make the date after them a deadline, or never one; matched,
# any case and any spacing, at the end of the words before the date.
_DEADLINE_PHRASES = (
    "by", "before", "until", "till", "untill", "up to", "up until", "no later than", "not later than", "due",
    "due by", "due in", "due on", "due for", "deadline", "deadline of", "deadline for",
    "deadline is", "deadline was", "ahead of", "in time for", "scheduled for", "set for",
    "slated for", "targeted for", "target of", "proposed for", "planned for", "projection for",
    "projections for", "forecast for", "forecasts for", "budgeted for", "earmarked for",
    "outlook for", "target for", "targets for",
)  # fmt: skip
_NOT_DEADLINE_PHRASES = (
    "since", "after", "as of", "between", "since early", "since late", "through", "throughout",
    "during the", "ago",
)  # fmt: skip
_DEADLINE_BEFORE = re.compile(rf"\b(?:{word_trie(_DEADLINE_PHRASES)})\s*$", re.IGNORECASE)
_NOT_DEADLINE_BEFORE = re.compile(rf"\b(?:{word_trie(_NOT_DEADLINE_PHRASES)})\s*$", re.IGNORECASE)
_MONTH_PREPOSITION = re.compile(
    r"(?:\bin|\binto|\bby|\bsince|\buntil|\btill|\bfrom|\bbefore|\bafter|\bduring|\bthrough|\bof"
    r"|\bfor|\blast|\bnext|\bthis|\bearly|\blate|\bmid|\bon|\bto|\band|\bor|\bbetween|\bearlier|\bsame"
    r"|\bend|\bstart|\bwith|\bthan|\bversus|\bvs\.?|\bover)[\s-]*$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<!a\.m)(?<!p\.m)[.!?\n]\s")  # "at 7:20 a.m. on …": no end
# After a bare year, these lowercase words still read as a date.
_YEAR_FOLLOWERS = frozenset(
    ["and", "or", "to", "as", "is", "was", "has", "had", "will", "would", "when", "after",
     "before", "while", "with", "at", "the", "a", "an", "in", "on", "for", "but", "alone",
     "onwards", "onward", "through", "that", "which", "where", "than", "because", "so", "this",
     "levels", "level", "figures", "figure", "sales", "revenues", "revenue", "results",
     "earnings", "profits", "forecasts", "net", "prices", "outputs", "output", "rates",
     "wages", "values", "totals", "averages", "estimates", "budgets", "costs"]
)  # fmt: skip
# Capitalised words before a year that do not make it part of a name.
_LEGISLATION = frozenset(["Act", "Regulations", "Order", "Rules", "Bill", "SI", "(SI", "Directive"])
_DESIGNATION_AFTER = re.compile(r" [A-Z]{2}\d+\b")
# A year opening the name of an event, a law or a fund: "the 2016 Rio Olympics", "the 2018
# World Cup", "the 2023 Appropriation Bill", "the 2024 GAA", "our 2016 Christmas Hamper Appeal".
_NAMED_AFTER = re.compile(
    r"\s+(?:[A-Z][\w'’&.-]*\s+){0,3}(?:Olympics|Olympic\s+Games|Paralympics|Games|World\s+Cup|Cup"
    r"|Championships?|Bill|Act|Budget|Appropriations?|GAA|Census|Summit|Fund|Appeal|Awards?"
    r"|Expo|Festival|Marathon|Grand\s+Prix|Super\s+Bowl|Open)\b(?![\w'’-])"
)
_YEAR_NAME_EXCEPTIONS = frozenset(_MONTH_NUMBERS) | {"fy", "q1", "q2", "q3", "q4", "h1", "h2"}
_DETERMINERS = frozenset(
    ["the", "its", "their", "his", "her", "this", "that", "a", "an", "our", "your"]
)
# "the highest in two years", "the biggest funding boost for school in a decade": a record
# over a span, up to four words on, but no verb between ("the harvest will end in two weeks").
_SUPERLATIVE = re.compile(
    r"\b(?:(?!(?:interest|forest|protest|request|harvest|suggest|arrest|contest|digest|invest"
    r"|honest|modest|manifest|unrest|inquest|conquest|behest|attest)\b)\w{3,}est"
    r"|first|most|least|time|times|only|once)\b"
    r"(?:\s+(?!(?:will|would|shall|should|can|could|may|might|must|to|is|are|was|were|be|been"
    r"|has|have|had)\b)[\w-]+){0,4}\s*$",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_MONTH_PREFIXES = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)
# Every non-numeric form contains one of these (weekdays, today and yesterday end in "day").
_TIME_WORDS = (
    "day", "night", "morning", "afternoon", "evening", "tomorrow", "year", "month", "week",
    "quarter", "half", "decade", "end", "mid", "early", "late", "start", "beginning",
    "christmas", "easter", "new year", "spring", "summer", "autumn", "fall", "winter",
    "thanksgiving", "ytd", "january", "february", "march", "april", "june", "july", "august",
    "september", "october", "november", "december", "nineteen", "twenty", "eighties",
    "nineties", "seventies", "sixties", "fifties", "forties", "thirties", "twenties",
)  # fmt: skip
_TAIL = 24  # the longest deadline phrase ("not later than ") with room to spare
_CONTEXT = 60  # characters before a date that can hold its preposition: bounded, so linear


class _Period(NamedTuple):
    """A resolved span of calendar days, or an unresolved one (first=None).

    A named tuple: one is built for every date, and a frozen dataclass costs
    several times as much to build.
    """

    first: dt.date | None
    last: dt.date | None
    precision: Precision
    year_inferred: bool = False
    is_relative: bool = False
    forced_role: DateRole | None = None
    ambiguous: bool = False


def find_dates(
    text: str,
    published: dt.date | None = None,
    *,
    offset: int = 0,
    locale: str | None = None,
    budget: ReadingBudget | None = None,
) -> list[DateMention]:
    """Dates and deadlines in `text`, resolved against `published`, spans shifted by `offset`.

    `locale` ("en_US", "en_GB", "de"…) says how a numeric day and month are
    ordered ("11/20"); without one, month first, flagged `ambiguous` when the
    other reading is also a date. With a `budget` (density.py), at most
    `budget.left` candidates are read, and those read are spent.
    """
    if isinstance(published, dt.datetime):
        published = published.date()
    if not _may_have_dates(text):
        return []
    shouted = None
    if _CAPS_MONTH.search(text) is not None:  # "HEARD: 28 MARCH 2018": read as "28 March 2018"
        titled = _CAPS_MONTH.sub(_title_case, text)
        if titled != text:
            shouted, text = text, titled
    found = _find_all(text, published, offset, locale, budget)
    if shouted is not None:  # the same length: each span still points into the text as given
        found = [
            dataclasses.replace(m, text=shouted[m.start - offset : m.end - offset]) for m in found
        ]
    return found


# A month in capitals beside a figure, as court headings and banners write dates. The pattern
# opens with the name's letters, so the search skips ahead to a capital J, F, M, A, S, O, N or D.
_CAPS_MONTH = re.compile(rf"(?:{word_trie([name.upper() for name in _FULL_MONTHS])})\b")
_FIGURE_AFTER = re.compile(r"[ \u00a0]+\d")


def _title_case(match: re.Match[str]) -> str:
    """The month title-cased when a figure stands beside it ("28 MARCH", "JUNE 3"), else as is."""
    text, start = match.string, match.start()
    if _FIGURE_AFTER.match(text, match.end()) or (
        start > 1 and text[start - 1] in " \u00a0" and text[start - 2].isdecimal()
    ):
        return match.group().capitalize()
    return match.group()


def _find_all(
    text: str,
    published: dt.date | None,
    offset: int,
    locale: str | None,
    budget: ReadingBudget | None,
) -> list[DateMention]:
    """find_dates' reading, once the text needs no more reading than `_may_have_dates`."""
    context = None
    found: list[DateMention] = []
    read = 0  # the work done: one reading per candidate, whether it is a date or not
    left = -1 if budget is None else max(budget.left, 0)  # -1: never reached
    for match in _DATE.finditer(text):
        if read == left:
            break
        read += 1
        # Built at the first match only: most sentences that pass the pre-check have none.
        context = context or _Context(
            text, published, _TenseIndex(text), month_first(locale), offset
        )
        mention = _find(context, match)
        if mention is not None:
            found.append(mention)
    if budget is not None:
        budget.spend(read)
    if len(found) > 1:
        found = _drop_restated(text, offset, _drop_covered(found))
    if context is not None and len(found) > 1:
        found = _join_ranges(context, found)
        found = _in_relative_year(context, found)
    if context is not None and found:
        found = _spans_to_a_date(context, found)
        found = _anchor_to_earlier(context, found)
        found = _weekday_with_date(context, found)
    if found and " and " in text:
        found = _second_days(context, found)
    if found and any(mention.first_day is None for mention in found):
        found = _anchor_following(found, published)
    if len(found) > 1 and published is not None:
        found = _anchor_to_sentence_year(text, found, offset)
    elif len(found) > 1 and (year := _only_year(found)) is not None:
        found = _dated_by_year(text, offset, locale, found, year)
    return found


def _only_year(found: list[DateMention]) -> int | None:
    """The one year the sentence writes out, if it writes exactly one, dates nothing else, and
    some day in it has no year ("the first school term of 2024 will commence on Feb 19th")."""
    dated = [m for m in found if m.first_day is not None]
    if len(dated) != 1 or not _PLAIN_YEAR.fullmatch(dated[0].text) or dated[0].year_inferred:
        return None  # "the 2023/24 plan", "the first half of 2024 … 2023": no one year to lend
    return dated[0].first_day.year if any(map(_written_day, found)) else None  # type: ignore[union-attr]


def _written_day(mention: DateMention) -> bool:
    """A day written with its month but no year, and no publication date to give one."""
    return (
        mention.first_day is None
        and mention.precision == "day"
        and _DIGIT.search(mention.text) is not None
    )


_PLAIN_YEAR = re.compile(r"(?:[Ii]n\s+)?\d{4}")


def _dated_by_year(
    text: str, offset: int, locale: str | None, found: list[DateMention], year: int
) -> list[DateMention]:
    """Without a publication date, a day written without its year takes the year the sentence
    writes: the sentence read again as if published in that year, each day keeping its role."""
    again = {
        (m.start, m.end): m
        for m in _find_all(text, dt.date(year, 1, 1), offset, locale, None)
        if m.first_day is not None and m.first_day.year == year
    }
    dated: list[DateMention] = []
    for mention in found:
        twin = again.get((mention.start, mention.end))
        if twin and _written_day(mention):
            mention = dataclasses.replace(twin, role=mention.role, year_inferred=True)
        dated.append(mention)
    return dated


def _drop_covered(found: list[DateMention]) -> list[DateMention]:
    """Without the mentions a later one took in ("2023" in "the 2023 Christmas")."""
    kept: list[DateMention] = []
    for mention in found:
        while kept and mention.start <= kept[-1].start and kept[-1].end <= mention.end:
            kept.pop()
        kept.append(mention)
    return kept


def _recurs(kind: str, text: str, match: re.Match[str], before: str) -> bool:
    """A day that comes round again, not a date: "by Sept. 1 of each year", "the third
    Tuesday of the month", opening hours "Monday through Friday from 8:00 a.m."."""
    end = match.end()
    if kind != "year" and _EACH_YEAR_AFTER.match(text, end):
        return True
    if kind != "weekday":
        return False
    if _NTH_BEFORE.search(before[-12:]) and _OF_THE_MONTH_AFTER.match(text, end):
        return True
    hours = _OPENING_HOURS.search(text, max(0, match.start() - 24), end + 48)
    return hours is not None and hours.start() <= match.start() and end <= hours.end()


_EACH_YEAR_AFTER = re.compile(r",?\s+(?:of\s+)?(?:each|every)\s+(?:year|month)\b", re.IGNORECASE)
_NTH_BEFORE = re.compile(r"\b(?:first|second|third|fourth|last)\s+$", re.IGNORECASE)
_OF_THE_MONTH_AFTER = re.compile(r"s?\s+of\s+(?:the|each|every)\s+month\b", re.IGNORECASE)
_WEEKDAY_WORD = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
# A weekday range and the hours of the day: "Monday through Friday from 8:00 a.m.", "Mon-Fri
# 9am-5pm", "Monday to Friday, 9 am to 5 pm".
_OPENING_HOURS = re.compile(
    rf"\b{_WEEKDAY_WORD}\s*(?:through|thru|to|-|–)\s*{_WEEKDAY_WORD},?\s+(?:from\s+|between\s+)?"
    r"\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\b|-|–|to\b|until\b)",
    re.IGNORECASE,
)


def _drop_restated(text: str, offset: int, found: list[DateMention]) -> list[DateMention]:
    """Without a date restated in brackets right after itself ("the second quarter of 2024
    (2Q24)"): one date, written twice; and a named day given its date ("Good Friday which
    falls on 15 April") is that date."""
    kept = [found[0]]
    for mention in found[1:]:
        previous = kept[-1]
        gap = text[previous.end - offset : mention.start - offset]
        if (
            mention.date == previous.date
            and mention.date is not None
            and gap == " ("
            and text.startswith(")", mention.end - offset)
        ):
            continue
        if (
            previous.precision == "day"
            and mention.precision == "day"
            and previous.text[:1].isalpha()
            and _DAY_NAMED_AS.fullmatch(gap)
        ):
            kept[-1] = mention  # "Good Friday which falls on 15 April": the day the text gives
            continue
        kept.append(mention)
    return kept


# Between a named day and the date the text gives it: "Good Friday which falls on 15 April",
# "Easter Monday on 18 April", "the Independence Day holiday is on 1 June".
_DAY_NAMED_AS = re.compile(
    r"[’']?s?,?\s+(?:holidays?\s+)?(?:(?:which|that)\s+)?"
    r"(?:(?:falls|fell|is|was|will\s+(?:fall|be))\s+(?:on\s+)?|on\s+)(?:the\s+)?"
)


# "the twelve months to June 2012", "the six months ended 30 June 2015", "the five years
# ending in 2023": a span the date closes.
# "the year to June", "the financial year ending March 2024": one year, the count unwritten.
# "the week ending Thursday", "Week 18, ending May 4, 2024": the seven days to that day.
_SPAN_BEFORE = re.compile(
    r"(?:\b(?P<the>(?i:the))\s+)?(?:\b(?P<n>\d{1,3}|[A-Za-z]+(?:-[a-z]+)?)\s+)?"
    r"(?P<unit>(?i:weeks?|months?|years?))(?P<numbered>\s+\d{1,2},)?"
    r"\s+(?i:ended|ending|to)(?:\s+(?i:in|the))?\s+$"
)
_ONE_YEAR_WORDS = frozenset(["financial", "fiscal"])


_SPAN_CLOSERS = ("ended", "ending", "to", " in", "to the", "ENDED", "ENDING", "TO")


def _spans_to_a_date(context: _Context, found: list[DateMention]) -> list[DateMention]:
    """Each date that closes a span written before it becomes that span, as one mention."""
    spanned: list[DateMention] = []
    offset = context.offset
    for mention in found:
        start = mention.start - offset
        if (
            start < 8
            or (mention.last_day is None and mention.first_day is not None)  # an open end
            or not context.text[start - 8 : start].rstrip().endswith(_SPAN_CLOSERS)
        ):
            spanned.append(mention)
            continue
        span = _SPAN_BEFORE.search(context.text, max(0, start - 40), start)
        count = _span_count(span, mention.precision) if span is not None else None
        if span is None or count is None:
            spanned.append(mention)
            continue
        opens = span.start("unit") if span["numbered"] else span.start()  # not "for Week 18"
        widened = dataclasses.replace(
            mention, text=context.text[opens : mention.end - offset], start=opens + offset
        )
        last = mention.last_day
        if last is not None:  # unresolved without a publication date: only the text widens
            first = _shifted(last + dt.timedelta(days=1), -count, span["unit"])
            one_week = count == 1 and span["unit"].lower() == "week"
            widened = _over(widened, first, last, "week" if one_week else mention.precision)
        spanned.append(widened)
    return spanned


def _span_count(span: re.Match[str], closing: str) -> int | None:
    """How many units a span before a date counts: "twelve months", "the year" (one), or
    None when the word before the unit is no count ("the busy months to June"). "The year
    ending 31 December 2024" names its day, as an accounts date, more than the year."""
    n = span["n"]
    if span["unit"].lower() == "week" and closing == "day":
        # "the week ending Thursday", "Week 18, ending May 4" ("for Week 18": no count)
        return 1 if span["numbered"] or (span["the"] and n is None) else None
    if n is None or n.lower() in _ONE_YEAR_WORDS:
        one_year = (
            span["the"] and span["unit"].lower() == "year" and closing in ("month", "quarter")
        )
        return 1 if one_year else None
    if n.isdigit() or n.lower().partition("-")[0] in _NUMBER_WORDS:
        return _count(n)
    return None


_RELATIVE_YEAR = re.compile(r"(?i:this|last|next)\s+year")
_OF_GAP = re.compile(r"(?:,?\s+(?i:of)\s+|\s+)")


def _in_relative_year(context: _Context, found: list[DateMention]) -> list[DateMention]:
    """ "in May last year", "April of this year", "between January and June this year": the
    month is in the year written after it, as one mention."""
    joined: list[DateMention] = []
    index = 0
    offset = context.offset
    while index < len(found):
        month = found[index]
        year = found[index + 1] if index + 1 < len(found) else None
        if (
            year is None
            or month.precision not in ("day", "month")
            or (month.first_day is not None and not month.year_inferred)
            or not _RELATIVE_YEAR.fullmatch(year.text)
            or not _OF_GAP.fullmatch(context.text, month.end - offset, year.start - offset)
        ):
            joined.append(month)
            index += 1
            continue
        if month.first_day is not None and year.first_day is not None:
            shift = year.first_day.year - month.first_day.year
            if shift and _has_day_in(month.first_day, year.first_day.year):
                month = _years_later(month, shift)
        text = context.text[month.start - offset : year.end - offset]
        joined_month = dataclasses.replace(
            month, text=text, end=year.end, role=year.role, year_inferred=False
        )
        if month.first_day is not None and month.last_day is not None:
            joined_month = _over(joined_month, month.first_day, month.last_day, month.precision)
        joined.append(joined_month)
        index += 2
    return joined


# "on Aug. 10 and 11", "May 3 and 8": a second day of the month written once; not "March 3
# and 5 people", "June 2 and 2025", nor a day that opens a date of its own ("3 and 4 May").
_SECOND_DAY = re.compile(
    r"[ \u00a0]+(?:and|&)[ \u00a0]+(?P<day>[1-3]?\d)(?:st|nd|rd|th)?\b"
    r"(?![,.]?\d|[ \u00a0]*(?:[-–/%]|(?!respectively\b)[A-Za-z]))"
)


def _second_days(context: _Context | None, found: list[DateMention]) -> list[DateMention]:
    """Each day mention followed by "and" and a second day of its month gains that day."""
    if context is None:
        return found
    joined: list[DateMention] = []
    for mention in found:
        joined.append(mention)
        if mention.precision != "day" or mention.first_day != mention.last_day:
            continue
        second = _SECOND_DAY.match(context.text, mention.end - context.offset)
        if second is None or not _MONTH_NAME_IN.search(mention.text):
            continue
        day = int(second["day"])
        first = mention.first_day
        if first is not None and not (
            first.day < day <= calendar.monthrange(first.year, first.month)[1]
        ):
            continue
        other = first.replace(day=day) if first is not None else None
        joined.append(
            dataclasses.replace(
                mention,
                text=second["day"],
                start=second.start("day") + context.offset,
                end=second.end("day") + context.offset,
                date=other,
                first_day=other,
                last_day=other,
            )
        )
    return joined


_MONTH_NAME_IN = re.compile(r"[A-Za-z]{3}")


def _anchor_to_sentence_year(text: str, found: list[DateMention], offset: int) -> list[DateMention]:
    """ "Next year, the solstice will be on June 21", "In 2019, sales peaked on March 3": a
    day or a month written without its year takes the year that opens the sentence, not the
    year publication implies. Only an opening year frames the sentence: one in a clause
    ("the store, founded in 1950, announced in early March") dates that clause alone, and
    one after an article ("A 1951 painting sold … on Oct. 7") describes a thing."""
    frame = found[0]
    if (
        frame.precision != "year"
        or frame.year_inferred
        or frame.start - offset > _FRAMING_REACH
        or _ARTICLE_BEFORE.search(text, 0, frame.start - offset) is not None
        or frame.first_day is None
        or frame.last_day is None
        or frame.first_day.year != frame.last_day.year
    ):
        return found
    year = frame.first_day.year
    anchored = [frame]
    for mention in found[1:]:
        if (
            mention.year_inferred
            and mention.precision in ("day", "month")
            and mention.first_day is not None
            and mention.first_day.year != year
            and _has_day_in(mention.first_day, year)
            and _has_day_in(mention.last_day or mention.first_day, year)
        ):
            mention = _years_later(mention, year - mention.first_day.year)
        anchored.append(mention)
    return anchored


_FRAMING_REACH = 12  # "In 2019, …", "Next year, …", "Back in 1970 …": the sentence's opening
_ARTICLE_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+$")


def _has_day_in(day: dt.date, year: int) -> bool:
    """Whether `year` has `day`'s month and day: 29 February only a leap year has."""
    return (day.month, day.day) != (2, 29) or calendar.isleap(year)


_FOLLOWING = re.compile(
    r"(?i:(?:in\s+)?the\s+(?:(?:following|next)\s+(?P<unit>year|month|day)"
    r"|(?P<back>previous|preceding)\s+(?P<back_unit>day)))$"
)


def _anchor_following(found: list[DateMention], published: dt.date | None) -> list[DateMention]:
    """ "in 1970 … the following year": the year after the date written before it. Without
    such a date, the year after an undated past event has no date ("The next year, he
    moved to Paris"), so it is dropped where the article's date is known."""
    anchored: list[DateMention] = []
    for mention in found:
        following = _FOLLOWING.search(mention.text) if mention.first_day is None else None
        if following is None:
            anchored.append(mention)
            continue
        unit = _STEPS[(following["unit"] or following["back_unit"]).lower()]
        steps = -1 if following["back"] else 1
        shifted = _step_from(anchored[-1], mention, unit, steps) if anchored else None
        if shifted is not None:
            anchored.append(shifted)
        elif published is None:
            anchored.append(mention)
    return anchored


_Step = Literal["day", "week", "month", "quarter", "year"]
_STEPS: dict[str, _Step] = {
    "day": "day",
    "week": "week",
    "month": "month",
    "quarter": "quarter",
    "year": "year",
}
# The precisions an anchor may have for a step of each unit from it.
_STEP_ANCHORS: dict[_Step, tuple[str, ...]] = {
    "day": ("day",),
    "week": ("week",),
    "month": ("month", "day"),
    "quarter": ("quarter",),
    "year": ("year", "quarter", "half", "season", "month", "week", "day"),
}


def _step_from(
    anchor: DateMention, mention: DateMention, unit: _Step, steps: int
) -> DateMention | None:
    """`mention` as the week, month or year `steps` after (or before) `anchor`'s, or None
    when `anchor` is undated or finer than needed ("the following month" after a year)."""
    if anchor.first_day is None or anchor.precision not in _STEP_ANCHORS[unit]:
        return None
    day = anchor.first_day
    if unit == "day":
        first = last = day + dt.timedelta(days=steps)
    elif unit == "week":
        first = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=steps)
        last = first + dt.timedelta(days=6)
    elif unit in ("month", "quarter"):
        months = 3 if unit == "quarter" else 1
        first = day.replace(day=1) + relativedelta(months=months * steps)
        last = first + relativedelta(months=months - 1, day=31)
    else:
        first, last = dt.date(day.year + steps, 1, 1), dt.date(day.year + steps, 12, 31)
    return _over(mention, first, last, unit)


_WEEKDAY_ONLY = re.compile(rf"(?:(?i:last|next|this)\s+)?{_WEEKDAY}")
# Between a weekday and its date: "Thursday, January 9th", "Tuesday afternoon, April 8".
_WEEKDAY_GAP = re.compile(r",? ?(?:(?:morning|afternoon|evening|night),? )?|,")


def _weekday_with_date(context: _Context, found: list[DateMention]) -> list[DateMention]:
    """ "last Thursday, January 9th", "Tuesday afternoon, April 8", "on Wednesday (June 12,
    2019)", "today (Dec. 5)", "July 16 (Sunday)": one day, dated by the date written."""
    merged: list[DateMention] = []
    text, offset = context.text, context.offset
    for mention in found:
        previous = merged[-1] if merged else None
        if previous is None or previous.precision != "day" or mention.precision != "day":
            merged.append(mention)
            continue
        gap = (previous.end - offset, mention.start - offset)
        close = _RESTATED_CLOSE.match(text, mention.end - offset)
        restated = close is not None and _RESTATED_GAP.fullmatch(text, *gap) is not None
        end = close.end() + offset if close and restated else mention.end  # past the ")"
        if (
            _WEEKDAY_GAP.fullmatch(text, *gap)
            and (mention.first_day is not None or previous.first_day is None)
            and (
                _WEEKDAY_ONLY.fullmatch(previous.text)
                # "today, 1st October": the same day said twice
                or (
                    previous.first_day == mention.first_day
                    and _NAMES_A_DAY.fullmatch(previous.text)
                )
            )
        ) or (restated and _NAMES_A_DAY.fullmatch(previous.text)):
            merged[-1] = dataclasses.replace(
                _on_weekday_said(mention, previous.text, context.published),
                text=text[previous.start - offset : end - offset],
                start=previous.start,
                end=end,
            )
        elif restated and _WEEKDAY_ONLY.fullmatch(mention.text):
            # "July 16 (Sunday)": the weekday in brackets restates the date before it
            merged[-1] = dataclasses.replace(
                _on_weekday_said(previous, mention.text, context.published),
                text=text[previous.start - offset : end - offset],
                end=end,
            )
        else:
            merged.append(mention)
    return merged


def _on_weekday_said(mention: DateMention, weekday: str, published: dt.date | None) -> DateMention:
    """A day whose year was guessed, moved to the year near publication where the weekday
    said beside it is right ("Tuesday (April 25)" in April 2023 is 2023's, not 2022's)."""
    if not mention.year_inferred or mention.first_day is None:
        return mention
    period = _on_its_weekday(weekday.strip(), _period_of(mention), None, published)
    if period is None or period.first == mention.first_day:
        return mention
    return dataclasses.replace(
        mention, date=period.first, first_day=period.first, last_day=period.last
    )


# A date restated in brackets: "on Thursday (May 18)", "today (Dec. 5)".
_RESTATED_GAP = re.compile(r"[ \u00a0]*\([ \u00a0]*")
_RESTATED_CLOSE = re.compile(r"[ \u00a0]*\)")
# A weekday (as `_WEEKDAY_ONLY`) or a day word: what a restated date may follow.
_NAMES_A_DAY = re.compile(rf"{_WEEKDAY_ONLY.pattern}|(?i:today|yesterday|tomorrow)")


_ANAPHORIC_YEAR = re.compile(
    r"(?i:(?P<named>the\s+previous\s+year|(?:the\s+)?prior\s+year)|an?\s+year\s+earlier"
    r"|one\s+year\s+earlier)$"
)
# "the same month of the previous year": the anchor's own period, a year back.
_SAME_PERIOD_BEFORE = re.compile(
    r"(?i:\bsame\s+(?:period|month|quarter|week|day|time)(?:\s+(?:of|in))?\s+)$"
)
# "last week … up from the previous week": the week or month before the one written earlier.
_ANAPHORIC_PERIOD = re.compile(r"(?i:the\s+(?:previous|prior)\s+(?P<unit>week|month|quarter))$")


def _anchor_to_earlier(context: _Context, found: list[DateMention]) -> list[DateMention]:
    """ "in 2024, up from $1.97 billion the previous year": a year before the date written
    earlier in the sentence, not before publication ("in April … from a year earlier" is
    the April before, "June 2014 … the previous year" the whole of 2013)."""
    anchored = list(found)
    for index, mention in enumerate(found):
        if index and (period := _ANAPHORIC_PERIOD.search(mention.text)) is not None:
            unit = _STEPS[period["unit"].lower()]
            anchored[index] = _step_from(found[index - 1], mention, unit, -1) or mention
            continue
        year_back = _ANAPHORIC_YEAR.search(mention.text) if index else None
        if year_back is None:
            continue
        anchor = found[index - 1]
        if anchor.first_day is None or (anchor.year_inferred and anchor.precision == "year"):
            continue
        if anchor.precision not in ("year", "month", "quarter", "half"):
            continue
        start = mention.start - context.offset
        same_period = _SAME_PERIOD_BEFORE.search(context.text, max(0, start - _CONTEXT), start)
        if year_back["named"] and not same_period:
            anchored[index] = _step_from(anchor, mention, "year", -1) or mention
            continue
        first = anchor.first_day - relativedelta(years=1)
        last = (anchor.last_day or anchor.first_day) - relativedelta(years=1)
        anchored[index] = _over(mention, first, last, anchor.precision)
    return anchored


def _over(mention: DateMention, first: dt.date, last: dt.date, precision: Precision) -> DateMention:
    """`mention` resolved to the period `first`…`last`: its date is the period's last day for
    a deadline, its first otherwise."""
    return dataclasses.replace(
        mention,
        date=last if mention.role == "deadline" else first,
        first_day=first,
        last_day=last,
        precision=precision,
        resolved=True,
    )


class _Context(NamedTuple):
    """What every date of one text is read against."""

    text: str
    published: dt.date | None
    tenses: _TenseIndex
    month_first: bool | None
    offset: int


def _to_mention(
    context: _Context, start: int, end: int, period: _Period, role: DateRole
) -> DateMention:
    """The DateMention of `text[start:end]`: `date` is the period's first or last day."""
    if period.first is None or period.last is None:
        first = last = date = None
    else:
        first, last = period.first, period.last
        date = last if role == "deadline" else first
    return DateMention(
        text=context.text[start:end],
        start=start + context.offset,
        end=end + context.offset,
        date=date,
        role=role,
        precision=period.precision,
        year_inferred=period.year_inferred,
        resolved=date is not None,
        first_day=first,
        last_day=last,
        ambiguous=period.ambiguous,
    )


# --- tense markers, read word by word (one simple regex, then set lookups) ----

_TENSE_WORD = re.compile(r"([A-Za-z]+(?:['’][A-Za-z]+)?)")  # captured: split keeps the words
# Auxiliaries whose verb phrase ("will be held") is future as a whole.
_FUTURE_AUXILIARIES = frozenset(["will", "would", "shall", "won't", "won’t"])
_FUTURE_WORDS = frozenset(
    ["could", "might", "upcoming", "forthcoming", "next", "scheduled", "slated", "expected",
     "starting", "should", "sees", "predicts", "anticipates", "anticipated",
     "expects", "expect", "expire", "expires", "expecting", "predict", "predicting",
     "forecasting", "projecting", "foresee", "foresees"]
)  # fmt: skip
# "<word> to": plans to, aims to, is set to…
_FUTURE_BEFORE_TO = frozenset(
    ["plan", "plans", "planning", "planned", "aim", "aims", "aiming", "intend", "intends",
     "pledged", "promised", "vowed", "pledge", "pledges", "promise", "promises", "vow", "vows",
     "commit", "commits", "committed", "hope", "hopes", "seek", "seeks", "want", "wants",
     "set", "going", "due", "poised", "likely", "unlikely", "supposed", "forecast",
     "projected", "predicted", "tipped", "estimated", "preparing"]
)  # fmt: skip
_BE = frozenset(["is", "are", "was", "were"])
_THAN = frozenset(["than"])
# "is forecast", "are due": a scheduled or predicted future.
_FUTURE_AFTER_BE = frozenset(
    ["forecast", "predicted", "projected", "due", "scheduled", "set", "planned"]
)
_AUXILIARY_FILLERS = frozenset(
    ["not", "be", "have", "been", "likely", "probably", "also", "still", "soon", "then", "only",
     "certainly", "definitely", "possibly", "eventually", "finally", "again", "now", "never"]
)  # fmt: skip
# After "to be" these open a place, a state or a description, not a verb: no future.
_COPULA_COMPLEMENTS = frozenset(
    ["in", "at", "on", "a", "an", "the", "about", "around", "among", "from", "with", "one",
     "of", "there", "here", "more", "less", "very", "too", "so", "as", "like", "worth"]
)  # fmt: skip
_INTO_EFFECT = (("into", "force"), ("into", "effect"))
# Multi-word future phrases, keyed by their first word.
_FUTURE_PHRASES: dict[str, tuple[tuple[str, ...], ...]] = {
    "take": (("effect",),), "takes": (("effect",),), "taking": (("effect",),),
    "run": (("until",),), "runs": (("until",),),
    **dict.fromkeys(["come", "comes", "coming", "go", "goes"], _INTO_EFFECT),
    "enter": (("into", "force"),), "enters": (("into", "force"),),
}  # fmt: skip
# Every word that can open a future marker: one lookup rejects all other words.
_FUTURE_STARTERS = (
    _FUTURE_AUXILIARIES | _FUTURE_WORDS | _FUTURE_BEFORE_TO | _BE | frozenset(_FUTURE_PHRASES)
) | {"to", "may"}
_PAST_WORDS = frozenset(
    ["said", "told", "was", "were", "had", "did", "met", "held", "began", "came", "went", "took",
     "made", "fell", "rose", "won", "lost", "hit", "struck", "spoke", "saw", "gave", "left",
     "yesterday"]
)  # fmt: skip
# Irregular past forms that are not also a common noun: like an "-ed" word, each is the
# past unless an article or a preposition makes it an adjective ("the paid version") or
# "is"/"are" a passive ("is sold"). "beat" and "cut" are the bare verb too: _BARE_FORMS.
_IRREGULAR_PAST = frozenset(
    ["beat", "became", "bought", "brought", "broke", "built", "caught", "chose", "cut",
     "dealt", "drew", "drove", "fled", "flew", "fought", "forgot", "found", "froze", "got",
     "grew", "heard", "hid", "kept", "knew", "laid", "led", "lent", "meant", "oversaw",
     "overtook", "paid", "ran", "rang", "rode", "sank", "sat", "sent", "shook", "slid",
     "sold", "sought", "spent", "stole", "stood", "swept", "taught", "thought", "threw",
     "understood", "underwent", "undertook", "upheld", "withdrew", "wrote"]
)  # fmt: skip
# "-ed" words that point ahead rather than back.
_NOT_PAST = frozenset(
    ["scheduled", "expected", "planned", "slated", "proposed", "needed", "intended", "supposed", "aimed",
     "anticipated"]
)  # fmt: skip


class _Words:
    """The words of a text, their lower-case forms, the gaps between them and their offsets.

    Found with one `re.split` and C-level maps rather than a Python object per
    word: this runs for most sentences with a date.
    """

    def __init__(self, text: str) -> None:
        """Split `text` into words and the gaps around them (gap, word, gap, …, gap)."""
        parts = _TENSE_WORD.split(text)
        self.original = parts[1::2]
        self.lower = list(map(str.lower, self.original))
        self.gaps = parts[0::2]  # gaps[i] precedes word i
        self.offsets = list(accumulate(map(len, parts)))  # word i spans offsets[2i]:offsets[2i+1]

    def start(self, index: int) -> int:
        """Where word `index` starts in the text."""
        return self.offsets[2 * index]

    def end(self, index: int) -> int:
        """Where word `index` ends in the text."""
        return self.offsets[2 * index + 1]

    def follows(self, at: int, options: frozenset[str] | set[str]) -> bool:
        """Whether word `at` is one of `options` and only spaces separate it from the word before."""
        return at < len(self.lower) and self.lower[at] in options and self.gaps[at].isspace()


# What every marker word is or ends with ("-ed" past verbs, "'ll" futures).
_MARKER_WORDS = _FUTURE_STARTERS | _PAST_WORDS | _IRREGULAR_PAST
_MARKER_ENDINGS = ("ed", "'ll", "’ll")


def _tense_markers(text: str) -> list[tuple[int, int, str]]:
    """(end, start, tense) of every past or future marker in `text`."""
    words = _Words(text)
    markers: list[tuple[int, int, str]] = []
    for index, low in enumerate(words.lower):
        # One set lookup and one endswith reject most words before any other test.
        if low not in _MARKER_WORDS and not low.endswith(_MARKER_ENDINGS):
            continue
        if low in _FUTURE_STARTERS or low.endswith(("'ll", "’ll")):
            future_end = _future_marker_end(words, index)
            if future_end is not None:
                markers.append((future_end, words.start(index), "future"))
        if (
            (low in _PAST_WORDS and (index == 0 or not words.original[index][0].isupper()))
            or (low in _IRREGULAR_PAST and words.original[index].islower())
            or (low.endswith("ed") and _is_regular_past(words.original[index]))
        ):
            if low in _BARE_FORMS and index and words.lower[index - 1] in _BEFORE_BARE_VERB:
                continue  # "to hit", "could hit", "will cut": not the past tense
            if low in _ALSO_NOUNS and (
                index + 1 == len(words.lower)
                or not words.gaps[index + 1].isspace()
                or words.lower[index + 1] in _AFTER_A_NOUN
            ):
                continue  # "another rate cut in September", "the cost of": a noun
            # The word before, past a prefix written with a hyphen ("is re-elected").
            previous = index - 1
            if previous > 0 and words.gaps[index] == "-" and words.lower[previous] in _PREFIXES:
                previous -= 1
            if low not in _PAST_WORDS and index and words.lower[previous] in _BEFORE_ADJECTIVE:
                continue  # "in fixed and mobile telecoms", "the injured": an adjective
            if low in _AGENT_PARTICIPLES and words.follows(index + 1, {"by"}):
                continue  # "a handset powered by Android": a participle, not the past tense
            while previous > 0 and words.lower[previous] in _PASSIVE_ADVERBS:
                previous -= 1  # "will be next updated", "is formally opened"
            if (
                index
                and words.lower[previous] in _PRESENT_BEFORE_PARTICIPLE
                and not words.follows(index + 1, {"to"})  # "are pleased to": as it was
            ):
                continue  # "will likely be passed", "is cancelled": a passive, not the past
            markers.append((words.end(index), words.start(index), "past"))
    return markers


# Before an "-ed" participle these make a passive of the present or the future.
_PRESENT_BEFORE_PARTICIPLE = frozenset(["be", "being", "is", "are", "am"])
# Adverbs between "be" and its participle.
_PASSIVE_ADVERBS = frozenset(
    ["next", "formally", "officially", "jointly", "publicly", "finally",
     "also", "still", "likely", "then", "now", "again", "only", "soon"]
)  # fmt: skip
# Past forms that are also the bare verb, and the words a bare verb follows.
_BARE_FORMS = frozenset(
    ["hit", "put", "cut", "set", "let", "cost", "spread", "read", "quit", "beat"]
)
# Participles that, followed by "by", describe a noun ("led by", "funded by") far more
# often than they tell of the past; change verbs ("increased by 5%") are not among them.
_AGENT_PARTICIPLES = frozenset(
    ["powered", "led", "driven", "backed", "funded", "owned", "operated", "supported",
     "sponsored", "chaired", "headed", "hosted", "organised", "organized", "fuelled",
     "fueled", "caused", "triggered", "accompanied", "represented", "managed", "developed",
     "designed", "manufactured", "produced", "authored", "built", "made"]
)  # fmt: skip
# Past forms that are also nouns, and the words after which they are the noun.
_ALSO_NOUNS = frozenset(["cut", "cost", "spread"])
_AFTER_A_NOUN = frozenset(["in", "of", "to", "for", "and", "or", "on", "at", "by", "is", "was"])
_PREFIXES = frozenset(["re", "pre", "co", "un", "over", "under", "mis", "out"])
_BEFORE_BARE_VERB = frozenset(
    ["to", "could", "might", "may", "will", "would", "should", "can", "must", "shall"]
)


# Before an "-ed" word these make it an adjective or a noun, not a verb in the past tense.
# A degree word does too: "storms become more scattered", "the most affected areas".
_BEFORE_ADJECTIVE = frozenset(
    ["in", "of", "for", "with", "a", "an", "the", "its", "their", "his", "her", "our", "newly",
     "more", "most", "less", "least", "very", "too", "increasingly"]
)  # fmt: skip


def _is_regular_past(word: str) -> bool:
    """A lower-case "-ed" word of five letters or more ("launched"), but not "-eed" or "planned"."""
    return len(word) >= 5 and word.islower() and word[-3] != "e" and word not in _NOT_PAST


def _future_marker_end(words: _Words, index: int) -> int | None:
    """Where a future marker starting at word `index` ends, or None if there is none."""
    low = words.lower[index]
    end = words.end(index)
    if low == "would" and words.follows(index + 1, {"have"}):
        return None  # "would have outsold": a past that did not happen, not a future
    if low in _FUTURE_AUXILIARIES or (low == "to" and words.follows(index + 1, {"be"})):
        # Extend over "not be / have been" to the main verb: "will be held".
        at = index + 1
        while words.follows(at, _AUXILIARY_FILLERS):
            at += 1
        if low == "to" and words.follows(at, _COPULA_COMPLEMENTS):
            return None  # "believed to be in his 30s": "to be" as a copula, no future
        if words.follows(at, _MONTH_WORDS) and words.original[at][0].isupper():
            return words.end(at - 1)  # "forecast to be May 2": the date itself follows "be"
        if at < len(words.lower) and words.gaps[at].isspace():
            return words.end(at)
        return end if low != "to" else None
    if low in _FUTURE_WORDS and index and words.lower[index - 1] in _THAN:
        return None  # "slowed less than expected in March": a comparison, not a forecast
    if low in _FUTURE_WORDS or words.original[index] == "may" or low.endswith(("'ll", "’ll")):
        return end
    if low in _FUTURE_BEFORE_TO and words.follows(index + 1, {"to"}):
        if low == "due" and not _due_to_plans(words, index):
            return None  # "came due to ample showers": a cause, not a schedule
        return words.end(index + 1)
    if low in _BE:
        return _be_future_end(words, index)
    for phrase in _FUTURE_PHRASES.get(low, ()):
        if all(
            words.follows(index + offset, {part}) for offset, part in enumerate(phrase, start=1)
        ):
            return words.end(index + len(phrase))
    return None


def _be_future_end(words: _Words, index: int) -> int | None:
    """Future markers that start with is/are/was/were: "is to", "is expected to", "are due"."""
    if words.follows(index + 1, {"to"}):
        return words.end(index + 1)  # "is to open"
    if words.follows(index + 1, _FUTURE_BEFORE_TO) and words.follows(index + 2, {"to"}):
        if words.lower[index + 1] == "due" and not _due_to_plans(words, index + 1):
            return None  # "is due to the rain": a cause
        return words.end(index + 2)  # "is expected to", "was set to"
    if words.lower[index] in {"is", "are"} and words.follows(index + 1, _FUTURE_AFTER_BE):
        return words.end(index + 1)
    if (
        words.lower[index] in {"is", "are"}
        and words.follows(index + 1, {"going"})
        and words.follows(index + 2, {"up", "down"})
    ):
        return words.end(index + 2)  # "fares are going up April 1": a change arranged
    return None


# After "due to" these open a noun phrase (a cause), not the verb of a schedule.
_CAUSE_OPENERS = _DETERMINERS | frozenset(
    ["my", "these", "those", "some", "lack", "high", "low", "heavy", "poor", "strong", "weak",
     "increased", "reduced", "lower", "higher", "concerns", "fears", "demand", "rain", "rains"]
)  # fmt: skip
# Verbs a schedule is "due to" do that no cause is written as.
_SCHEDULED_VERBS = frozenset(
    ["commence", "begin", "start", "open", "reopen", "close", "end", "finish", "expire",
     "resume", "launch", "arrive", "conclude", "take", "come", "run", "go", "return"]
)  # fmt: skip
# The forms of "be" a scheduling "due to" follows ("be" and "been" are skipped as fillers).
_BE_BEFORE_DUE = _BE | {"being", "am"}


def _due_to_plans(words: _Words, due: int) -> bool:
    """Whether "due to" at word `due` schedules ("is due to open", "due to be held") rather
    than gives a cause ("came due to ample showers", "is due to the rain")."""
    after = due + 2
    if words.follows(after, {"be"}):
        return True
    if after >= len(words.lower) or not words.gaps[after].isspace():
        return False  # a figure or the sentence's end follows
    word = words.original[after]
    if word.lower() in _CAUSE_OPENERS or word[0].isupper() or word.endswith("ing"):
        return False
    if "," in words.gaps[due] and word.lower() in _SCHEDULED_VERBS:
        return True  # "The changes, due to commence in January, …": a clause of its own
    # Otherwise a verb only after a form of "be": "are due to open", "was now due to start".
    before = due - 1
    while before >= 0 and words.lower[before] in _AUXILIARY_FILLERS:
        before -= 1
    return before >= 0 and words.lower[before] in _BE_BEFORE_DUE


def _may_have_dates(text: str) -> bool:
    """A cheap pre-check: most sentences have no digit, month or time word at all."""
    # map() over bound `__contains__`: the substring tests run without a Python frame each.
    if _DIGIT.search(text) or any(map(text.__contains__, _MONTH_PREFIXES)):
        return True
    return any(map(text.lower().__contains__, _TIME_WORDS))


class _TenseIndex:
    """Sentence ends and tense markers of a text, found once so each date costs a bisect.

    Built on the first question only: it costs more than the date scan itself,
    and most sentences' dates (a past year, "last year", "by 2030") are
    resolved without a tense.
    """

    def __init__(self, text: str) -> None:
        """Remember `text`; it is indexed when a tense is first asked for."""
        self.text = text
        self.built = False

    def build(self) -> None:
        """Index the text once: where its sentences end and where tense markers sit."""
        self.built = True
        self.sentence_ends = [m.start() + 1 for m in _SENTENCE_END.finditer(self.text)]
        markers = _tense_markers(self.text)
        # At equal ends "future" sorts last, so "will be held" beats "held".
        markers.sort(key=lambda marker: (marker[0], marker[2] == "future"))
        self.ends = [marker[0] for marker in markers]
        self.starts = sorted((marker[1], marker[0], marker[2]) for marker in markers)
        self.markers = markers

    def tense(self, start: int, end: int, default: Tense = None) -> Tense:
        """Past or future, from the nearest tense marker before the date, else the first after.

        The verb that governs a date phrase usually precedes it ("announced …
        on November 3, aims to …"); a sentence-initial date looks ahead ("On
        Tuesday, Ukraine will …"), and so does one that opens a clause after
        a comma when that clause has a marker of its own ("…, 2017 production
        is expected to …"). `default` when there is no marker.
        """
        if not self.built:
            self.build()
        index = bisect.bisect_left(self.sentence_ends, start)
        sentence_start = self.sentence_ends[index - 1] if index else 0
        sentence_end = (
            self.sentence_ends[bisect.bisect_left(self.sentence_ends, end)]
            if bisect.bisect_left(self.sentence_ends, end) < len(self.sentence_ends)
            else None
        )
        # The first marker after the date in its sentence, if any.
        after = bisect.bisect_left(self.starts, (end, -1, ""))
        following = self.starts[after] if after < len(self.starts) else None
        if following is not None and sentence_end is not None and following[0] >= sentence_end:
            following = None
        before = bisect.bisect_right(self.ends, start)
        if before and self.markers[before - 1][1] >= sentence_start:
            marker_end, _, tense = self.markers[before - 1]
            if following is not None and self._opens_clause(marker_end, start):
                # "Even though it has improved, 2017 production is expected to be lower": a
                # date that opens a clause takes that clause's verb when it has one.
                clause_end = self.text.find(",", end)
                if clause_end < 0 or following[0] < clause_end:
                    return following[2]  # type: ignore[return-value]
            return tense  # type: ignore[return-value]
        if following is not None:
            return following[2]  # type: ignore[return-value]
        return default

    def _opens_clause(self, marker_end: int, start: int) -> bool:
        """Whether a comma or semicolon stands between the marker and the date, with at
        most two lower-case words after it before the date ("…, and in 2025"; not the
        comma inside "29th July, 2024 and …")."""
        cut = max(self.text.rfind(",", marker_end, start), self.text.rfind(";", marker_end, start))
        if cut < 0:
            return False
        words = self.text[cut + 1 : start].split()
        return len(words) <= 2 and all(word.isalpha() and word.islower() for word in words)


def _find(context: _Context, match: re.Match[str]) -> DateMention | None:
    """Turn one regex match into a found date, or None if it is not a date."""
    kind = match.lastgroup
    if kind is None:
        return None
    text, published = context.text, context.published
    start = match_start = match.start()
    before = _before(text, start)
    tense: Callable[..., Tense] = functools.partial(context.tenses.tense, start, match.end())
    if before.endswith(("since ", "Since ")):
        tense = _looking_back  # "for the first time since May": whatever the sentence's tense
    if kind == "holiday" and (year_before := _HOLIDAY_YEAR_BEFORE.search(before[-24:])):
        return _holiday_of_year(context, match, before, year_before, tense)
    if not _reads_as_date(kind, text, match, before, tense) or _recurs(kind, text, match, before):
        return None
    has_deadline_word = _has_deadline_word(before, text, match.end())
    # "due in March": a deadline without a tense looks ahead.
    resolver_tense = functools.partial(tense, default="future") if has_deadline_word else tense
    if has_deadline_word and _UNTIL_BEFORE.search(before[-_TAIL:]):
        # "imposed Section 144 until May 31" (27 May): a past act whose end may be ahead
        resolver_tense = functools.partial(_unless_past, resolver_tense)
    try:
        if kind in _NUMERIC_KINDS:
            period = _resolve_numeric(match, kind, published, resolver_tense, context.month_first)
        else:
            period = _RESOLVERS[kind](match, published, resolver_tense)
        if period is None:
            return None
        if kind == "month" and published is not None and before.endswith(("this ", "This ")):
            # "a further 1% this October": the publication year's, whatever the tense
            period = _month_period(published.year, _month_number(match["mo_m"]), inferred=True)
            if period.first is not None and period.first > published:
                period = period._replace(forced_role="deadline")  # a month still to come
        if kind in _ANNOUNCED_KINDS and "rom " in before[-_ANNOUNCED_REACH:]:
            period = _announced_from(before, period, published, tense)
        # Substring tests first: few dates follow "week of", "before" or "after".
        if kind in _POINT_KINDS and ("week" in before or "fore" in before or "fter" in before):
            start, period = _widen(kind, before, start, period)
    except (ValueError, OverflowError):
        return None  # resolves outside the calendar (year 0 or 10000): not a usable date
    if start < match_start - 7 and period.forced_role is None:
        # "three weeks after 1 March": the role comes from the words before the whole phrase
        # (a bare "before"/"after", under eight letters with its space, keeps its own).
        before = _before(text, start)
        has_deadline_word = _has_deadline_word(before, text, match.end())
    if period.forced_role is None and (
        _PAST_RELATIVE.match(match.group())
        or _BASELINE_AFTER.match(text, match.end())
        or _WIRE_DATELINE_AFTER.match(text, match.end())
        or _INSTEAD_OF_BEFORE.search(before[-12:])
        or _BORN_BEFORE.search(before[-20:])
        or (
            before.endswith(("from ", "From "))
            and _ONWARDS_AFTER.match(text, match.end())
            and _DIGIT.search(match.group())  # "from next month onwards" is still to come
        )
    ):
        # "last year" is never due, nor the year of a baseline ("cut by 2030 from 2005 levels"),
        # a wire story's dateline ("Jan. 23, 2020 /PRNewswire/ --"), a day given up ("until
        # 30 April 2011 instead of 31 January 2011") or a birth date ("born before 2 September
        # 1929"), nor an open start ("year classes from 2009 on are judged to be poor")
        period = period._replace(forced_role="mentioned")
    elif (
        period.forced_role is None
        and _NEXT_RELATIVE.fullmatch(match.group())
        and not _POSSESSIVE_AFTER.match(text, match.end())
        and not before.endswith(" of ")
    ):
        # "raising their minimum wage next year", "for the coming year": a period still to
        # come is what the sentence looks ahead to, whatever its tense; not "next year's
        # budget" or "Thanksgiving of next year", which name a thing.
        period = period._replace(forced_role="deadline")
    elif (
        period.forced_role is None
        and not has_deadline_word
        and _POSSESSIVE_AFTER.match(text, match.end())
        and _POSSESSED_RELATIVE.match(match.group())
    ):
        # "this year's long rains season will…", "next Monday's Irish Times": the day or year
        # names a thing, as "next year's budget" does, and is no commitment's date
        period = period._replace(forced_role="mentioned")
    role = period.forced_role or _role(before, tense, period, published, has_deadline_word)
    return _to_mention(context, start, match.end(), period, role)


_UNTIL_BEFORE = re.compile(r"\b(?:until|till|untill|up\s+until)\s+$", re.IGNORECASE)


def _unless_past(tense: Callable[..., Tense], default: Tense = None) -> Tense:
    """The tense, with the past read as none: the year nearest publication is taken."""
    found = tense(default=default)
    return None if found == "past" else found


def _looking_back(default: Tense = None) -> Tense:
    """The tense of a date after "since": always the past."""
    return "past"


# After a dateline's date: the wire's name and a dash ("/PRNewswire/ --", "(HealthDay News) —").
_WIRE_DATELINE_AFTER = re.compile(r"\s*(?:/[A-Za-z-]+/|\((?:[A-Z][\w.]*\s*){1,3}\))\s*(?:--|[—–])")
_ONWARDS_AFTER = re.compile(r"\s+(?:on(?![ \u00a0]+(?:the\b|a\b|an\b|\d|[A-Z]))|onwards?)\b")
_BORN_BEFORE = re.compile(r"\bborn\s+(?:(?:on\s+or\s+)?(?:before|after)\s+)?$", re.IGNORECASE)
_INSTEAD_OF_BEFORE = re.compile(r"\b(?:instead\s+of|rather\s+than)\s+$", re.IGNORECASE)
_POSSESSED_RELATIVE = re.compile(r"(?:this|next|(?:the\s+)?coming)\s", re.IGNORECASE)


# "the 2023 Christmas festivities", "this year's Christmas holiday", "last year's Easter": the
# holiday of the year written before it (not "in 2023 Christmas sales rose").
_HOLIDAY_YEAR_BEFORE = re.compile(
    r"(?:\b(?i:the)\s+(?P<year>1\d{3}|20\d\d)|\b(?P<rel>(?i:this|last|next))\s+(?i:year)['’]s)\s+$"
)


def _holiday_of_year(
    context: _Context,
    match: re.Match[str],
    before: str,
    year_before: re.Match[str],
    tense: TenseOf,
) -> DateMention | None:
    """The holiday in the year named before it; the year's own mention is dropped later."""
    published = context.published
    if year_before["year"]:
        year: int | None = int(year_before["year"])
    else:
        year = _relative_year(year_before["rel"] + " year", published)
    name = " ".join(match["hol"].lower().replace("’", "'").split())
    period: _Period | None
    if year is None:
        period = _Period(None, None, "week" if match["hol_week"] else "day", is_relative=True)
    else:
        try:
            day = _holiday_in(name, year)
        except (ValueError, OverflowError):
            return None  # "next year's Christmas" published in 9999: outside the calendar
        period = _week_of(day) if match["hol_week"] else _point(day)
    if period is None:
        return None
    opens = year_before.start("year") if year_before["year"] else year_before.start("rel")
    start = match.start() - len(before[-24:]) + opens
    before = _before(context.text, start)
    due = _has_deadline_word(before, context.text, match.end())
    return _to_mention(
        context, start, match.end(), period, _role(before, tense, period, published, due)
    )


# "the July 31 deadline", "today, July 31, is the last day for filing": the day is named as
# the deadline after it.
_DEADLINE_AFTER = re.compile(
    r"(?:\s+(?i:deadline|cut-?off)\b|,?\s+(?:is|was|will\s+be|remains)\s+the\s+"
    r"(?:deadline|last\s+day|final\s+day|due\s+date|cut-?off)\b)"
)
_ANNOUNCED_KINDS = frozenset(["mdy", "dmy"])
# "approved holidays from April 10", "declared holidays from June 14 to June 18": the days a
# past announcement sets out, after its words "from" or "from <day> to".
_FROM_BEFORE = re.compile(
    r"\bfrom\s+(?:(?:[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+)"
    r"\s+(?:to|until|till|through)\s+)?$"
)
# How far after publication an announced period may start.
_ANNOUNCED_AHEAD = dt.timedelta(days=31)
# How far back "from" may stand: the substring gate in `_find` and the pattern read one window.
_ANNOUNCED_REACH = 24


def _announced_from(
    before: str, period: _Period, published: dt.date | None, tense: TenseOf
) -> _Period:
    """A day without a year that a past clause announces from ("The government approved
    holidays from April 10", published April 4) is the coming one, not last year's, when it
    falls within a month after publication."""
    if published is None or not period.year_inferred or period.first is None:
        return period
    coming = period.first + relativedelta(years=1)
    if not published < coming <= published + _ANNOUNCED_AHEAD:
        return period
    if not _FROM_BEFORE.search(before[-_ANNOUNCED_REACH:]) or tense() != "past":
        return period
    last = period.last + relativedelta(years=1) if period.last else None
    return period._replace(first=coming, last=last)


_NEXT_RELATIVE = re.compile(
    r"(?:next|(?:the\s+|this\s+)?coming|the\s+next)\s+(?:year|month|week|quarter|decade"
    r"|summer|winter|spring|autumn|fall)",
    re.IGNORECASE,
)
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")
_BASELINE_AFTER = re.compile(r"\s+(?i:levels?|baselines?)\b")
# Dates that look back from publication: mentioned, whatever the sentence's tense.
_PAST_RELATIVE = re.compile(
    r"(?:the\s+)?(?:last|previous|prior|past)\b|yesterday\b|.*\b(?:ago|earlier)$", re.IGNORECASE
)


# Forms that name a day, a month or a holiday: "the week of", "before" and "N days after" apply.
_POINT_KINDS = frozenset(
    ["iso", "slash", "dots", "mdy", "msp", "dmy", "spelled", "holiday", "my",
     "month", "year", "part", "nq", "year_part", "season", "yseason", "weekday", "decade"]
)  # fmt: skip
_DAY_KINDS = frozenset(["iso", "slash", "dots", "mdy", "dmy", "spelled"])
_WEEK_OF = re.compile(r"\b(?:the\s+)?week\s+of\s+$", re.IGNORECASE)
_SHIFT_BEFORE = re.compile(
    rf"(?:\b(?P<n>{_NUM})\s+(?P<unit>{_UNIT})\s+|\b(?P<inclusive>on\s+or)\s+)?"
    rf"\b(?P<dir>before|after)\s+$",
    re.IGNORECASE,
)


# "the first week of March", "the second to the third week of March": the month's days 1-7,
# 8-14, 15-21, 22-28, and its last seven for "the last week".
_MONTH_KINDS = frozenset(["month", "my"])
_WEEK_ORDINAL = r"(?:first|second|third|fourth|last|final)"
_NTH_WEEK_OF = re.compile(
    rf"\b(?:the\s+)?(?P<first>{_WEEK_ORDINAL})(?:\s+(?:to|and|or)\s+(?:the\s+)?"
    rf"(?P<last>{_WEEK_ORDINAL}))?\s+weeks?\s+of\s+$",
    re.IGNORECASE,
)


def _week_of_month(
    month_first: dt.date, month_last: dt.date, ordinal: str
) -> tuple[dt.date, dt.date]:
    """The first and last day of one named week of a month."""
    number = _ORDINALS.get(ordinal.lower())
    if number is None:  # "last", "final"
        return month_last - dt.timedelta(days=6), month_last
    first = month_first + dt.timedelta(weeks=number - 1)
    return first, first + dt.timedelta(days=6)


def _widen(kind: str, before: str, start: int, period: _Period) -> tuple[int, _Period]:
    """Apply the words just before a date: "the week of", "before", "after", "3 days after".

    Returns the mention's new start (moved back over words that belong to it)
    and its period. Only named points are moved: "before the end of March"
    already says its day.
    """
    if period.first is None or period.last is None:
        return start, period
    tail = before[-40:]
    if kind in _DAY_KINDS and "week" in tail and (week := _WEEK_OF.search(tail)):
        monday = period.first - dt.timedelta(days=period.first.weekday())
        widened = period._replace(
            first=monday, last=monday + dt.timedelta(days=6), precision="week"
        )
        return start - (len(tail) - week.start()), widened
    if kind in _MONTH_KINDS and "eek" in tail and (weeks := _NTH_WEEK_OF.search(tail)):
        first, last = _week_of_month(period.first, period.last, weeks["first"])
        if weeks["last"]:  # "the second to the third week": up to the second named week's end
            last = max(last, _week_of_month(period.first, period.last, weeks["last"])[1])
        widened = period._replace(first=first, last=last, precision="week")
        return start - (len(tail) - weeks.start()), widened
    # (capitalised where it opens the text: "Before 1582, …")
    opening = before.lstrip() in ("Before ", "After ")
    shift = _SHIFT_BEFORE.search(tail) if ("before" in tail or "after" in tail or opening) else None
    if shift is None:
        return start, period
    sign = -1 if shift["dir"].lower() == "before" else 1
    if shift["n"]:
        # "three weeks after 1 March": arithmetic from the named day, one day.
        day = _shifted(period.first, sign * _count(shift["n"]), shift["unit"])
        return start - (len(tail) - shift.start()), _Period(day, day, "day", period.year_inferred)
    if shift["inclusive"]:  # "on or before 4 December": the day itself is still in time
        # a cut-off, past or to come ("was told to pay on or before 10 October")
        cut_off = period._replace(forced_role="deadline") if sign < 0 else period
        return start - (len(tail) - shift.start()), cut_off
    # "before June 1" ends on May 31; "after June 1" starts on June 2.
    day = period.first - dt.timedelta(days=1) if sign < 0 else period.last + dt.timedelta(days=1)
    widened = _Period(day, day, "day", period.year_inferred, ambiguous=period.ambiguous)
    return start - (len(tail) - shift.start()), widened


# A time of day or part of a day may stand at either end of a range of days: "from
# Saturday afternoon to Sunday evening", "from 4pm on Wednesday until 5am on Friday".
_CLOCK = r"(?:\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\.?|midnight|noon|midday)"
_RANGE_GAP = re.compile(
    r"(?:\s+(?:morning|afternoon|evening|night))?"
    r",?\s*(?:(?P<word>and|to|until|till|through|thru|into)|[-–—])\s*"
    rf"(?:{_CLOCK}\s+(?:on\s+)?)?",
    re.IGNORECASE,
)
_OPENER_REACH = 30  # "between", or "from 10:30 a.m. on ", before a range's first end
_RESCHEDULED = re.compile(
    r"\b(?:postponed|delayed|moved|rescheduled|deferred|pushed\s+back|put\s+back|brought"
    r"\s+forward|shifted)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_RANGE_OPENER = re.compile(rf"\b(?:between|from)\s+(?:{_CLOCK}\s+(?:on\s+)?)?$", re.IGNORECASE)
_PRECISION_ORDER: tuple[Precision, ...] = (
    "day", "week", "month", "quarter", "season", "half", "year", "decade",
)  # fmt: skip


def _join_ranges(context: _Context, found: list[DateMention]) -> list[DateMention]:
    """Join "between March and May", "from 2024 to 2026", "2024–2026" into one mention each."""
    joined: list[DateMention] = []
    index = 0
    while index < len(found):
        item = found[index]
        if index + 1 < len(found):
            merged = _range(context, item, found[index + 1])
            if merged is not None:
                joined.append(merged)
                index += 2
                continue
        joined.append(item)
        index += 1
    return joined


def _period_of(mention: DateMention) -> _Period:
    """The period a mention covers, back as a _Period."""
    return _Period(mention.first_day, mention.last_day, mention.precision, mention.year_inferred)


def _range(context: _Context, first: DateMention, second: DateMention) -> DateMention | None:
    """The range two neighbouring dates make, or None when they are two dates."""
    offset = context.offset
    gap = _RANGE_GAP.fullmatch(context.text, first.end - offset, second.start - offset)
    if gap is None:
        return None
    weekdays = _is_bare_weekday(first) and _is_bare_weekday(second)
    before = _before(context.text, first.start - offset)
    tail = before[-_OPENER_REACH:]
    opener = _RANGE_OPENER.search(tail)
    if opener is not None and _RESCHEDULED.search(
        before[: len(before) - len(tail) + opener.start()]
    ):
        return None  # "postponed from May 2007 to July 1, 2007": the old date and the new
    # "and"/"to" need "between"/"from" ("rose in 2024 and 2025" is two dates); a dash does not,
    # nor "to" between two years written out ("the 1951 to 1980 average"), two months or two
    # days ("January to September", "March 2023 to March 2024").
    if (
        gap["word"]
        and opener is None
        and not (
            gap["word"].lower() in ("to", "through", "into")
            and (
                (
                    first.precision == second.precision == "year"
                    and not (first.year_inferred or second.year_inferred)
                    and first.text[-4:].isdecimal()
                    and second.text.isdecimal()
                )
                or first.precision == second.precision == "month"
                or (
                    first.precision == second.precision == "day"
                    and _DIGIT.search(first.text) is not None
                    and _DIGIT.search(second.text) is not None
                )
                or (weekdays and gap["word"].lower() != "into")  # "Sunday through Wednesday"
            )
        )
    ):
        return None
    low, high = _period_of(first), _period_of(second)
    if weekdays and low.first is not None and high.first is not None and high.first < low.first:
        # Each end was resolved alone: "Monday to Friday" read ahead from a Tuesday put
        # Monday next week and Friday this week. A range runs on from its first day.
        later = dt.timedelta(days=(high.first - low.first).days % 7)
        high = high._replace(first=low.first + later, last=low.first + later)
    if low.first is None and high.first is None and context.published is None:
        # "from July to September" with no publication date: one range, unresolved
        low = high = _Period(
            None, None, max(low.precision, high.precision, key=_PRECISION_ORDER.index), True
        )
        return _joined(context, first, second, low, before, opener)
    if low.first is None and high.first is not None and first.precision == "month":
        # "from January to September 2018" with no publication date: the year written at the
        # second end dates the first
        month = _MONTH_NUMBERS.get(first.text.split()[-1].rstrip(".").lower())
        if month is not None:
            year = high.first.year - (month > high.first.month)
            low = _Period(dt.date(year, month, 1), _month_end(year, month), "month")
    elif low.first is None and high.first is not None and first.precision == "day":
        # "Monday 7 April–Monday 21 April 2025" with no publication date: the same, by day
        written = _DAY_AND_MONTH.fullmatch(first.text)
        if written is not None:
            month = _MONTH_NUMBERS[(written["month"] or written["month2"]).rstrip(".").lower()]
            day = int(written["day"] or written["day2"])
            year = high.first.year - ((month, day) > (high.first.month, high.first.day))
            if (start_day := _day(year, month, day)) is not None:
                low = _Period(start_day, start_day, "day")
    if low.first is None or high.last is None or high.first is None:
        return None
    if low.year_inferred and not high.year_inferred:
        # "between March and May 2024": the first end takes the year written at the second.
        moved = _day(high.first.year, low.first.month, low.first.day)
        if moved is not None and moved > high.first:
            moved = _day(high.first.year - 1, low.first.month, low.first.day)
        if moved is not None:
            low = low._replace(first=moved, year_inferred=False)
    if low.first is None or low.first > high.last:
        return None
    precision = max(low.precision, high.precision, key=_PRECISION_ORDER.index)
    period = _Period(low.first, high.last, precision, low.year_inferred and high.year_inferred)
    return _joined(context, first, second, period, before, opener)


# A day of a month written without its year, a weekday before it or not: "Monday 7 April",
# "April 8", "Monday, April 8th".
_DAY_AND_MONTH = re.compile(
    rf"(?:(?:{'|'.join(_WEEKDAYS)}),?\s+)?(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"(?P<month>{_MONTH_ANY})|(?P<month2>{_MONTH_ANY})\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?)",
    re.IGNORECASE,
)


def _is_bare_weekday(mention: DateMention) -> bool:
    """A weekday named alone ("Sunday", "next Friday"), without a day of the month."""
    return mention.precision == "day" and mention.text.rstrip(".").lower().endswith(_WEEKDAYS)


def _joined(
    context: _Context,
    first: DateMention,
    second: DateMention,
    period: _Period,
    before: str,
    opener: re.Match[str] | None,
) -> DateMention:
    """The one mention of a range from `first` to `second` covering `period`."""
    offset = context.offset
    start = first.start - offset
    if opener:
        start -= len(before[-_OPENER_REACH:]) - opener.start()
    end = second.end - offset
    range_before = _before(context.text, start)
    tense = functools.partial(context.tenses.tense, start, end)
    due = _has_deadline_word(range_before, context.text, end)
    role = _role(range_before, tense, period, context.published, due)
    if "mentioned" == first.role == second.role and not due:
        role = "mentioned"
    return _to_mention(context, start, end, period, role)


# Words that make a lower-case month name a date ("in march 2024", "by june"); not "to march".
_STRICT_PREPOSITION = re.compile(
    r"(?:\bin|\bby|\bsince|\buntil|\btill|\bfrom|\bbefore|\bafter|\bduring|\bthrough|\bof|\bon"
    r"|\bearly|\blate|\bmid|\bnext|\blast|\bthis|\bbetween|\bover|\bend|\bstart)[\s-]*$",
    re.IGNORECASE,
)
_HOLIDAY_PREPOSITION = re.compile(r"(?:\bat|\bover|\baround|\bthe)\s*$", re.IGNORECASE)
# Words before a numeric day and month without a year ("on 11/20"): elsewhere "3/4" is a fraction.
_FIGURE_THEN_TO = re.compile(r"\d\s*%?\s+(?i:to|and)\s*$")
_NUMERIC_CONTEXT = re.compile(
    rf"(?:\bon|\buntil|\btill|\bsince|\bdated|\bbefore|\bafter|\bfrom|\bthrough|\bthru|\bam|\bvom"
    rf"|\bbis|\bdue|\bto|\band|{_WEEKDAY},?|[-–])\s*$",
    re.IGNORECASE,
)
# Before a capitalised word, a month after these is a name ("with June Smith").
_NAME_PREPOSITION = re.compile(
    r"(?:\bwith|\band|\bor|\bto|\bthan|\bof|\bfor|\bon|\bversus|\bvs\.?)\s*$", re.IGNORECASE
)
_CAPITALISED_NEXT = re.compile(r"\s+[A-Z][a-z]")
# Words ending in "s" that are no plural noun after a year ("in 2010 plus three by-elections").
_S_WORDS = frozenset(["plus", "this", "was", "is", "has", "as", "its", "us", "thus", "less"])
# A capitalised month used as an adjective or a possessive names that month: "the December
# corn price", "The warmest March ever", "August's price stability".
_MONTH_AS_ADJECTIVE_BEFORE = re.compile(r"\b(?i:the|its|their|this|a|an)\s+(?:[a-z]+est\s+)?$")
_MONTH_AS_ADJECTIVE_AFTER = re.compile(r"['’]s\b|\s+(?!of\b|and\b|or\b|to\b)[a-z]")
_ANY_WEEKDAY_BEFORE = re.compile(r"\b(?:(?i:on|for)\s+a|(?i:any))\s+$")
_ANY_WEEKDAY_AFTER = re.compile(r"\s+(?:falls|fell|comes|came|is|was|happens)\b")
_EVERY_BEFORE = re.compile(rf"\b(?i:every|each)\s+(?:{_WEEKDAY},?\s+(?:and|or|&)\s+)?$")
_EVERY_AFTER = re.compile(r"s?\s+(?i:of|in)\s+(?i:every|each)\b")
_MIXED_NUMBER_BEFORE = re.compile(r"\d[-\s]$")
_AMOUNT_TODAY_BEFORE = re.compile(
    r"\b(?:equivalent\s+to|worth)\s+(?:about\s+|around\s+|roughly\s+)?[A-Z]{0,3}[$£€¥]?\d[\d,.]*"
    r"(?:\s*(?:million|billion|trillion|bn|m|k))?\s+$",
    re.IGNORECASE,
)
_VALUE_OF_THE_DAY = re.compile(r"['’]s\s+(?:dollars|prices|terms|money|values?)\b", re.I)
# The group holding the month name of each form that may write it in lower case.
_MONTH_GROUP = {"mdy": "mdy_m", "dmy": "dmy_m", "spelled": "sp_m", "my": "my_m", "month": "mo_m"}


def _reads_as_date(kind: str, text: str, match: re.Match[str], before: str, tense: TenseOf) -> bool:
    """Reject matches that are words or durations here, not dates."""
    if kind == "year":
        if _COHORT_OR_MODEL_BEFORE.search(before[-40:]) or (
            _VEHICLE_AFTER.match(text, match.end()) and not _YEAR_PREPOSITION.search(before[-8:])
        ):
            return False  # "the class of 2021", "a 2001 Honda Civic": a cohort, a model year
        return _is_year(text, match, before)
    if kind == "weekday" and (
        _EVERY_BEFORE.search(before[-24:]) or _EVERY_AFTER.match(text, match.end())
    ):
        return False  # "every Wednesday", "the first Wednesday of every month": a habit
    if kind == "weekday" and (
        _ANY_WEEKDAY_BEFORE.search(before[-9:])
        or (before.endswith(("a ", "A ")) and _ANY_WEEKDAY_AFTER.match(text, match.end()))
    ):
        return False  # "falls on a Monday", "If a Monday falls": any Monday; not "a Thursday
        # press conference", which is one
    if kind == "dayword" and (
        _VALUE_OF_THE_DAY.match(text, match.end()) or _AMOUNT_TODAY_BEFORE.search(before[-40:])
    ):
        return False  # "in today's dollars", "(equivalent to £11,000 today)": a price level
    if kind == "slash" and _MIXED_NUMBER_BEFORE.search(before[-3:]):
        return False  # "5-1/4 inches", "1-1/2-cent": a mixed number, not a day and month
    if (
        kind in _MONTH_GROUP
        and (match[_MONTH_GROUP[kind]] or "").islower()
        and not _STRICT_PREPOSITION.search(before[-12:])
        and not _day_makes_a_date(kind, text, match)
    ):
        return False  # "in march 2024", "by june": a date; "to march", "they march on": the verb
    if kind == "msp" and not match["msp_y"]:
        # "on March first", "march first" alone; not "you may first ask"
        return bool(_STRICT_PREPOSITION.search(before[-12:])) or not text[match.end() :].strip(
            " .,;!?"
        )
    if kind == "month" and match["mo_short"]:
        # "in Sept", "from 1.5 percent in Aug": an abbreviation only after a preposition,
        # never before a name ("of Jan Smith")
        return bool(_STRICT_PREPOSITION.search(before[-12:])) and not _CAPITALISED_NEXT.match(
            text, match.end()
        )
    if kind == "month" and _CONTRACT_AFTER.match(text, match.end()):
        return False  # "an August futures contract", "December futures": a contract's name
    if kind == "month":
        # "in May" is a date, "may" a verb; "with June Smith" a name.
        if _CAPITALISED_NEXT.match(text, match.end()) and _NAME_PREPOSITION.search(before[-12:]):
            return False
        if match["mo_mod"]:
            return True  # "last September", "next March"
        if match["mo_m"][0].isupper() and (
            _MONTH_AS_ADJECTIVE_AFTER.match(text, match.end())
            and (_MONTH_AS_ADJECTIVE_BEFORE.search(before[-24:]) or not before.strip())
        ):
            return True  # "the December corn price", "August's price stability"
        if _MONTH_DASH_AFTER.match(text, match.end()) or _MONTH_DASH_BEFORE.search(before[-12:]):
            return True  # "the January-March period": a range of months
        return bool(_MONTH_PREPOSITION.search(before[-12:]))
    if kind == "holiday" and not match["hol_y"]:
        # "by Christmas" a date, "Christmas sales" not; but "Thanksgiving Day", "Good Friday"
        # and "Thanksgiving week" name a day or a week wherever they stand.
        name = match["hol"].lower()
        if match["hol_week"] or (
            name.endswith(_DAY_NAMED_HOLIDAYS)
            and not name.startswith(("independence", "black", "cyber"))  # shopping days too
        ):
            return True  # (each country has its own Independence Day: it needs "on")
        tail = before[-12:]
        return bool(_MONTH_PREPOSITION.search(tail) or _HOLIDAY_PREPOSITION.search(tail))
    year = match["sl_y"] or match["sl_dy"] if kind == "slash" else match["dt_y"]
    if kind in _NUMERIC_KINDS and not year:
        if kind == "slash" and before.endswith(("by ", "By ")):
            return True  # "by 11/12" a deadline; "grew by 2.5." no date
        if kind == "dots" and _FIGURE_THEN_TO.search(before[-16:]):
            return False  # "increased from 6.1 to 6.8.": a figure, not the 6th of August
        return bool(_NUMERIC_CONTEXT.search(before[-12:]))
    if kind == "spyear":
        return bool(_SPELLED_YEAR_BEFORE.search(before[-16:]))  # "in nineteen eighty"
    if kind == "spdecade":
        return not _BAND_CONTEXT.search(text)  # "temperatures in the eighties" are a band
    if kind == "dayword" and match.group()[0] == "T" and _NAMED_TODAY.search(before[-16:]):
        return False  # "USA Today reports", "India Today": a title, not the day
    if kind == "decade" and match["dec_bare"]:
        # "albums from the 70s" a decade; "highs in the 70s", "a man in the 30s age group" not
        return not _BAND_CONTEXT.search(text)
    if kind == "weekday" and before.endswith(("Good ", "Easter ")):
        return False  # a holiday's name the holiday form did not take ("Good Friday sales")
    if kind == "within" and _ANCHORED_SPAN.match(text, match.end()):
        return False  # "within three weeks of receiving the doses": from an undated event
    if kind == "within" and match["wi_prep"].lower() == "in":
        # "will open in two years" is a date; "rose 5% in two years" and "the
        # highest in two years" are durations.
        return tense() == "future" and not _SUPERLATIVE.search(before)
    return True


# Years that name a cohort or a vehicle's model: "the class of 2021", "model year 2002
# through 2015", "models from 2000 to 2008", "2001-2003 Hondas", "a 2006 Ford Ranger".
_COHORT_OR_MODEL_BEFORE = re.compile(
    r"\b(?:class\s+of|model[\s-]+years?|models?\s+from)\s+"
    r"(?:(?:19|20)\d\d\s*(?:through|thru|to|and|[-–])\s*)?$",
    re.IGNORECASE,
)
_YEAR_PREPOSITION = re.compile(r"\b(?i:in|since|by|until|till|before|after|during)\s+$")
_VEHICLE_AFTER = re.compile(
    r"(?:\s*[-–]\s*(?:19|20)?\d\d)?\s+(?:Honda|Acura|Ford|Toyota|Nissan|Infiniti|Mazda|Subaru"
    r"|Mitsubishi|Lexus|Chevrolet|Chevy|GMC|Buick|Cadillac|Dodge|Chrysler|Jeep|Pontiac|Saturn"
    r"|Hyundai|Kia|BMW|Audi|Volkswagen|VW|Mercedes|Porsche|Volvo|Saab|Jaguar|Tesla|Lincoln"
    r"|Mercury|Fiat|Peugeot|Renault|Citroen|Skoda|Opel|Vauxhall|Suzuki|Isuzu)s?\b"
)
# After "within N weeks": the span runs from something other than publication.
_ANCHORED_SPAN = re.compile(r"\s+(?:of|from)\b", re.IGNORECASE)
_SPELLED_YEAR_BEFORE = re.compile(
    r"\b(?:in|since|by|until|till|before|after|during|from|of|year)\s+$", re.IGNORECASE
)
_NAMED_TODAY = re.compile(r"(?:^|[^.!?:;\s]\s*)\b[A-Z][\w.&’'-]*\s+$")
_CONTRACT_AFTER = re.compile(r"\s+(?:futures|contracts?)\b", re.IGNORECASE)
_MONTH_DASH_AFTER = re.compile(rf"[-–]{_MONTH_FULL}\b")
_MONTH_DASH_BEFORE = re.compile(rf"\b{_MONTH_FULL}[-–]$")
# Words that make "the 70s" a band of temperatures or ages rather than a decade.
_BAND_CONTEXT = re.compile(
    r"°|\b(?:degrees?|temperatures?|temps?|highs?|lows?|heat|forecast|weather|warm|cool|fahrenheit|"
    r"celsius|ages?|aged|old|mph|scores?|percent)\b",
    re.IGNORECASE,
)


def _day_makes_a_date(kind: str, text: str, match: re.Match[str]) -> bool:
    """A lower-case month with its day is a date ("the 1st of march", "march 3rd 2015"), unless
    the number counts something after it ("they march 3 miles")."""
    if kind in ("dmy", "spelled"):
        return True
    if kind != "mdy":
        return False
    following = _FOLLOWING_WORD.match(text, match.end())
    return following is None or not following.group(1).endswith("s")


_FOLLOWING_WORD = re.compile(r"\s+([a-z]+)")


def _before(text: str, position: int) -> str:
    """The last few words of the current sentence before `position` (bounded, so linear)."""
    window = text[max(0, position - _CONTEXT) : position]
    stop = window.rfind(". ")
    while stop >= 3 and window[stop - 3 : stop] in ("a.m", "p.m"):
        stop = window.rfind(". ", 0, stop)  # "by 5 p.m. on Friday": an hour, not a sentence end
    cut = max(stop, window.rfind("\n"), window.rfind("! "), window.rfind("? "))
    return window[cut + 1 :] if cut >= 0 else window


def _has_deadline_word(before: str, text: str, end: int) -> bool:
    """A deadline word just before the date ("by", "until"), "deadline" earlier in the clause,
    or the date named as the deadline after its `end` in `text` ("the July 31 deadline")."""
    return (
        bool(_DEADLINE_AFTER.match(text, end))
        or _ends_with_phrase(before[-_TAIL:], _DEADLINE_PHRASES, _DEADLINE_BEFORE)
        or "deadline" in (lowered := before.lower())
        or "due date" in lowered
        or "last day to" in lowered  # "Last day to submit returns Friday 13 November 2020"
        or "closing date" in lowered
        or (before.endswith(("on ", "On ")) and _DEADLINE_AT_TIME.search(before[-48:]) is not None)
        or (
            before.endswith(("m ", "m. ", "M "))  # "By 10am Monday": the hour, then the day
            and _DEADLINE_AT_TIME_BARE.search(before[-32:]) is not None
        )
        or (before.endswith(("for ", "year ")) and _BUDGET_FOR.search(before[-90:]) is not None)
        or (
            before.endswith(("late ", "early "))
            and _UNTIL_PART_OF_DAY.search(before[-16:]) is not None
        )
    )


# "Until late Thursday night", "until early Monday": a part of the day between the two.
_UNTIL_PART_OF_DAY = re.compile(r"\b(?i:until|till|through|by)\s+(?:late|early)\s+$")


# "a budget of 54.99 trillion naira for the year 2025", "a $158 million budget for the
# 2019-2020 school year": the year a budget is for is when it can be checked.
_BUDGET_FOR = re.compile(
    r"\bbudget\b(?:[^.;:]|\.\d){0,80}\bfor\s+(?:the\s+(?:(?:fiscal|financial)\s+)?year\s+|the\s+)?$",
    re.IGNORECASE,
)


# "by 5 p.m. on Thanksgiving", "before 6:00 pm on November 4", "By 10am Monday": the
# deadline word is before the hour of the day, the date after it.
_DEADLINE_HOUR = (
    r"\b(?i:by|before|until|no\s+later\s+than)\s+\d{1,2}(?::\d\d)?\s*(?i:a\.?m\.?|p\.?m\.?)"
)
_DEADLINE_AT_TIME = re.compile(_DEADLINE_HOUR + r"(?:\s+[A-Z][A-Za-z]*){0,3}\s+(?i:on)\s+$")
_DEADLINE_AT_TIME_BARE = re.compile(_DEADLINE_HOUR + r"\s+$")


def _ends_with_phrase(tail: str, phrases: tuple[str, ...], pattern: re.Pattern[str]) -> bool:
    """Whether `pattern`, one of `phrases` then spaces to the end, matches in `tail`.

    The search tries every position of `tail`, so an ASCII tail is tested first
    with `endswith` on its lower-case, single-spaced form, which every match
    passes (lower() is exactly the pattern's case folding on ASCII) and most
    tails fail.
    """
    if tail.isascii() and not " ".join(tail.split()).lower().endswith(phrases):
        return False
    return bool(pattern.search(tail))


def _role(
    before: str,
    tense: TenseOf,
    period: _Period,
    published: dt.date | None,
    has_deadline_word: bool,
) -> DateRole:
    """Deadline after a deadline word or in a future commitment, else mentioned.

    The tense is asked last, as the costly question: a date before publication
    is mentioned whatever the tense.
    """
    tail = before[-_TAIL:]
    ahead = published is not None and period.last is not None and period.last >= published
    extended = (
        (ahead or published is None)
        and _may_extend(before)
        and _EXTENDED_TO_BEFORE.search(before) is not None
    )
    if has_deadline_word:
        if _PAST_UNTIL.search(tail) and not ahead and not extended and tense() == "past":
            return "mentioned"  # "was updated until the end of 2003": how long, not a due date
        return "deadline"  # "has been postponed until Saturday": still to come
    if period.precision == "decade":
        return "mentioned"  # "albums from the 70s would have…": a decade is no commitment's date
    if extended or (ahead and _THROUGH_BEFORE.search(tail)):
        return "deadline"  # "on sale through Friday", "adjourned to January 17": until then
    if _ends_with_phrase(tail, _NOT_DEADLINE_PHRASES, _NOT_DEADLINE_BEFORE):
        return "mentioned"
    if period.precision == "year" and _BASELINE_BEFORE.search(before[-_BASELINE_REACH:]):
        return "mentioned"  # "will go to the champions, up $68,000 from 2017": the base year
    if len(before) < _DATELINE_REACH and _DATELINE.match(before):
        return "mentioned"  # "Updated November 17, 2011 at 10:00 am:": when the page was written
    if published is not None and period.last is not None and period.last < published:
        return "mentioned"
    if "ffect" in tail or "orce" in tail:
        near = before[-_EFFECTIVE_REACH:]
        effective = _EFFECTIVE_BEFORE.search(near)
        if effective is not None and not _WILL_BEFORE.search(near, 0, effective.start()):
            return "mentioned"  # "the new fares take effect from January 3": a stated fact
    return "deadline" if tense() == "future" else "mentioned"


# A change's figure and the year it is measured against: "up $68,000 from 2017", "an
# increase of 14.9 per cent on the 2013 tournament", "up from last year" ("to £1,860 from
# October 1" dates the new level instead).
_BASELINE_BEFORE = re.compile(
    r"\b(?:up|down|(?:increase|rise|fall|drop|decline|gain)\s+of|by)\s+(?:[^\s]+\s+){0,3}?"
    r"(?:from|on|over|compared\s+(?:with|to))\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_BASELINE_REACH = 48  # "an increase of 14.9 per cent on the "


# A page's dateline, opening its line: "Updated November 17, 2011", "Posted on: 3 May".
_DATELINE = re.compile(
    r"\W*(?:last\s+)?(?:updated|posted|published|modified)(?:\s+on)?:?\s*$", re.IGNORECASE
)
_DATELINE_REACH = 32


# "takes effect on", "come into force from": the day a change applies, stated as a fact (a
# commitment says "will take effect"; the tense still reads the day as ahead).
_EFFECTIVE_BEFORE = re.compile(
    r"\b(?:takes?|comes?\s+into|go(?:es)?\s+into)\s+(?:effect|force)\s+"
    r"(?:from\s+|on\s+(?:or\s+(?:after|around|about)\s+)?|around\s+)?(?:the\s+)?"
    r"(?:midnight\s+of\s+)?$",
    re.IGNORECASE,
)
_EFFECTIVE_REACH = 64  # "will also come into force on or after the midnight of "
_WILL_BEFORE = re.compile(r"\b(?:will|shall|would|to|ll)\s+(?:\w+\s+)?$", re.IGNORECASE)


# "through" before a date to come ends a span, as "until" does; "a quarter of the way
# through 2019" says how far into it.
_THROUGH_BEFORE = re.compile(r"(?<!\bway\s)\b(?:through|thru)\s+$", re.IGNORECASE)
# A period extended or adjourned "to" a day runs until it ("the extension of the 2022
# budget to March 31"); a single event moved "to" a day is only dated ("rescheduled to Monday").
_EXTENDED_TO_BEFORE = re.compile(
    r"\b(?:extend|extends|extended|extending|extension|adjourn|adjourns|adjourned|prolonged)\b"
    r"[^.;:]{0,45}?\b(?:to|till|until)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _may_extend(before: str) -> bool:
    """Whether `before` can hold _EXTENDED_TO_BEFORE's verb: a substring test that spares
    most dates the search (no extra case folds to x, t, e, n, d, j, o, u, r, l or g)."""
    lowered = before.lower()
    return "xten" in lowered or "djourn" in lowered or "rolonged" in lowered


_PAST_UNTIL = re.compile(
    r"\b(?:until|till|through|before|up\s+to|up\s+until)\s+(?:the\s+(?:end|start|beginning)\s+of\s+)?$",
    re.I,
)


# "(Welcomme, 1972)", "(Smith et al. 2019)": an author-year citation names a work.
_CITED_BEFORE = re.compile(r"\([A-Z][\w'’-]+(?: et al\.| (?:and|&) [A-Z][\w'’-]+)?,? $")
# "Act 74 of 1977", "Others (27 of 2018)", "Appeal No.AAU 65 of 2013", "the Act of 2011": the
# number and year of a statute or a case, or a statute's year, name it.
_STATUTE_NUMBER_BEFORE = re.compile(
    r"(?:(?:\bAct,? |\(|\b(?i:no)\. ?(?:[A-Z]{1,5} )?)\d{1,4} |\bAct )of $"
)
# A law report's citation: "[2018] SZHC 96", "2019 (1) SACR 239 (KZP)": a volume's year.
_LAW_REPORT_AFTER = re.compile(r"(?:\]|\s\(\d{1,3}\))\s[A-Z]{2,}[A-Z0-9]*\s\d")


def _is_year(text: str, match: re.Match[str], before: str) -> bool:
    """A bare 4-digit number reads as a year, not as a count ("2028 drones")."""
    if text.startswith(" block of", match.end()):
        return False  # "the 2100 block of Gottingen Street": an address, as police write it
    if int(match["yr"]) % 100 < 60 and _CLOCK_ZONE_AFTER.match(text, match.end()):
        return False  # "by 2017 GMT", "(1903 GMT Wednesday)": a time of day on the 24-hour clock
    if (
        text.startswith(("]", " ("), match.end())
        and _LAW_REPORT_AFTER.match(text, match.end())
        and (text[match.end()] != "]" or text[match.start() - 1 : match.start()] == "[")
    ):
        return False  # "[2018] SZHC 96", "2019 (1) SACR 239": a law report's volume
    if text[match.end() : match.end() + 1] in ");" and _CITED_BEFORE.search(
        text, max(0, match.start() - 40), match.start()
    ):
        return False
    if _names_an_event(before) or (
        text[match.end() + 1 : match.end() + 2].isupper()  # a capitalised word follows
        and (
            _NAMED_AFTER.match(text, match.end())  # "the 2016 Rio Olympics"
            or _DESIGNATION_AFTER.match(text, match.end())  # "asteroid 2013 XA22"
        )
    ):
        return False
    following = re.match(r"\s*([^\W\d_][\w'-]*)", text[match.end() : match.end() + 40])
    previous = before.split()[-1].lower() if before.split() else ""
    if int(match["yr"]) < 1900:
        # Before 1900 a number is a year only where a date is expected: "since 1879", but
        # not "in 1500 cases".
        # "a total of 1068 people", "of 1194 road accidents": a lower-case word after the
        # number that no year takes makes it a count.
        counts = following is not None and (
            following.group(1).lower().endswith("s")
            or (following.group(1)[0].islower() and following.group(1) not in _YEAR_FOLLOWERS)
        )
        return not counts and previous in {
            "since",
            "in",
            "from",
            "until",
            "before",
            "after",
            "of",
            "by",
            "during",
            "to",  # "records go back to 1887"
            "around",
            "circa",
            "about",
        }
    if following is None:
        return True
    word = following.group(1)
    if not word[0].islower() or word in _YEAR_FOLLOWERS:
        return True
    if previous in {"and", "to", "or", "through", "until"} and re.search(
        rf"\b{_YEAR}\s+\w+\s*$", before
    ):
        return True  # "between 2010 and 2020 emissions rose"
    if word in ("budget", "budgets") and previous in _BUDGET_NAMERS:
        return False  # "the 2023/24 budget", "the proposed 2023 budget": a name, as labelled
    if previous in _DETERMINERS or previous.endswith("'s") or previous.endswith("’s"):
        return True  # "the 2024 election"
    # A count is followed by a plural noun or a scale word.
    plural = word.endswith("s") and word not in _S_WORDS  # "in 2010 plus three": no plural
    return not (plural or word in {"million", "billion", "thousand", "people", "staff"})


_BUDGET_NAMERS = frozenset(["the", "proposed", "its", "their", "this", "approved", "draft"])
_CLOCK_ZONE_AFTER = re.compile(r"[ \u00a0]?(?:GMT|UTC|Z\b|hrs\b|hours\s+(?:GMT|UTC|local))")


def _names_an_event(before: str) -> bool:
    """A capitalised word right before the year makes it part of a name ("Euro 2025")."""
    words = before.split()
    if words and words[-1].rstrip(")") in _LEGISLATION:
        return True  # "Regulations 2001", "(SI 2001 No. 1161)": a statute's title
    if _STATUTE_NUMBER_BEFORE.search(before[-22:]):
        return True  # "the Road Transportation Act 74 of 1977": the statute's number and year
    if not words or not words[-1][0].isupper() or len(words) == 1:
        return False  # sentence-initial words are capitalised anyway
    return words[-1].lower().rstrip(",.") not in _YEAR_NAME_EXCEPTIONS


# --- resolvers: one per alternative of _DATE ----------------------------------


def _day(year: int, month: int, day: int) -> dt.date | None:
    """A calendar date, or None when it does not exist."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_end(year: int, month: int) -> dt.date:
    """The last day of a month."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _month_number(name: str) -> int:
    """1–12 for a month name or abbreviation."""
    return _MONTH_NUMBERS[name.rstrip(".").lower()]


def _infer_year(candidate: dt.date, published: dt.date, tense: Tense) -> int:
    """The publication year, moved by one when the tense says the date is on the other side."""
    if tense == "future" and candidate < published - dt.timedelta(days=7):
        return published.year + 1
    if tense == "past" and candidate > published + dt.timedelta(days=1):
        return published.year - 1
    return published.year


def _point(day: dt.date | None, inferred: bool = False, ambiguous: bool = False) -> _Period | None:
    """A period of one day, or None when the day does not exist."""
    return _Period(day, day, "day", inferred, ambiguous=ambiguous) if day else None


def _month_day(
    month: int,
    day: int,
    year: str | None,
    published: dt.date | None,
    tense: TenseOf,
    ambiguous: bool = False,
) -> _Period | None:
    """A day of a month, its year written or inferred; an impossible day is no date, never clamped."""
    if year:
        return _point(_day(int(year), month, day), ambiguous=ambiguous)
    if _day(2000, month, day) is None:
        return None  # not a day of that month in any year ("April 31")
    if published is None:
        return _Period(None, None, "day", is_relative=True, ambiguous=ambiguous)
    # 29 February stands in as the 28th only to pick the year; it must exist in that year.
    candidate = _day(published.year, month, day) or dt.date(published.year, month, 28)
    inferred_year = _infer_year(candidate, published, tense())
    return _point(_day(inferred_year, month, day), inferred=True, ambiguous=ambiguous)


def _resolve_iso(match: re.Match[str], published: dt.date | None, tense: TenseOf) -> _Period | None:
    """2025-11-03, 2025/11/03."""
    return _point(_day(int(match["iso_y"]), int(match["iso_m"]), int(match["iso_d"])))


_NUMERIC_KINDS = frozenset(["slash", "dots"])


def _numeric_order(
    first: int, second: int, month_first: bool | None
) -> tuple[int, int, bool] | None:
    """(month, day, ambiguous) of "first/second" in a locale's order, else whichever reading exists.

    With no locale, month first (US style) when that is a date, flagged
    ambiguous when day first would be a different date too.
    """
    as_month_day = 1 <= first <= 12 and 1 <= second <= 31
    as_day_month = 1 <= second <= 12 and 1 <= first <= 31
    if month_first is False and as_day_month:
        return second, first, False
    if as_month_day:
        return first, second, month_first is None and as_day_month and first != second
    if as_day_month:
        return second, first, False
    return None


def _resolve_numeric(
    match: re.Match[str],
    kind: str,
    published: dt.date | None,
    tense: TenseOf,
    month_first: bool | None,
) -> _Period | None:
    """11/03/2025 and 11/20 (in the locale's order); 03.11.2025 and 20.11. (day first)."""
    if kind == "dots":
        return _month_day(int(match["dt_m"]), int(match["dt_d"]), match["dt_y"], published, tense)
    order = _numeric_order(int(match["sl_a"]), int(match["sl_b"] or match["sl_db"]), month_first)
    if order is None:
        return None
    month, day, ambiguous = order
    year = match["sl_y"] or match["sl_dy"]
    if year and len(year) == 2:
        year = str(2000 + int(year) if int(year) < 70 else 1900 + int(year))
    return _month_day(month, day, year, published, tense, ambiguous)


def _resolve_mdy(match: re.Match[str], published: dt.date | None, tense: TenseOf) -> _Period | None:
    """November 3, Nov. 3, 2025, July 4th of 1995; "Monday, Jan. 2" in the year it is a Monday."""
    month = _month_number(match["mdy_m"])
    period = _month_day(month, int(match["mdy_d"]), match["mdy_y"], published, tense)
    period = _on_its_weekday(match["mdy"], period, match["mdy_y"], published)
    if match["mdy_d2"] and period is not None and period.first is not None:
        # "October 22-25, 2021": the days of one month
        last = _day(period.first.year, month, int(match["mdy_d2"]))
        if last is None or last <= period.first:
            return None
        return period._replace(last=last)
    return period


def _resolve_msp(match: re.Match[str], published: dt.date | None, tense: TenseOf) -> _Period | None:
    """March first, March third 2015."""
    day = ORDINAL_DAYS[" ".join(match["msp_d"].lower().split())]
    return _month_day(_month_number(match["msp_m"]), day, match["msp_y"], published, tense)


def _resolve_dmy(match: re.Match[str], published: dt.date | None, tense: TenseOf) -> _Period | None:
    """3 Nov 2025, the 3rd of November; "Friday 23 December" in the year it is a Friday."""
    if match["dmy_dd"]:  # "04-Jun-2019"
        month = _month_number(match["dmy_dm"])
        return _month_day(month, int(match["dmy_dd"]), match["dmy_dy"], published, tense)
    month = _month_number(match["dmy_m"])
    period = _month_day(month, int(match["dmy_d"]), match["dmy_y"], published, tense)
    if match["dmy_d0"] and period is not None and period.first is not None:
        first = _day(period.first.year, month, int(match["dmy_d0"]))
        if first is None or first >= period.first:
            return None
        return period._replace(first=first)
    return _on_its_weekday(match["dmy"], period, match["dmy_y"], published)


def _on_its_weekday(
    text: str, period: _Period | None, year: str | None, published: dt.date | None
) -> _Period | None:
    """A day without a year named with its weekday moves to the year near publication where
    the weekday is right ("Monday, Jan. 2" in a December 2016 article is 2 January 2017)."""
    if year or period is None or period.first is None or published is None:
        return period
    weekday = text.split(None, 1)[0].rstrip(",").lower()
    if weekday not in _WEEKDAYS:
        return period
    wanted = _WEEKDAYS.index(weekday)
    if period.first.weekday() == wanted:
        return period
    for shift in (1, -1):
        day = _day(period.first.year + shift, period.first.month, period.first.day)
        if day is not None and day.weekday() == wanted and abs((day - published).days) < 300:
            return period._replace(first=day, last=day)
    return period


def _resolve_spelled(
    match: re.Match[str], published: dt.date | None, tense: TenseOf
) -> _Period | None:
    """The twenty-first of May, the fourth day of May 1796 (its year in words), the last day of May."""
    month = _month_number(match["sp_m"])
    year = match["sp_y"]
    if match["sp_words"]:
        words = re.sub(r"thou-?\s*sand", "thousand", match["sp_words"].lower())
        value = parse_number_words(words.replace("-", " ").split())
        if value is None or not 1000 <= value <= 2100:
            return None
        year = str(value)
    if match["sp_last"]:
        if year is None:
            return None  # "the last day of May" alone: which year's is too often unclear
        return _point(_month_end(int(year), month))
    day = ORDINAL_DAYS[" ".join(match["sp_d"].lower().split())]
    return _month_day(month, day, year, published, tense)


def _month_period(year: int, month: int, inferred: bool = False) -> _Period:
    """A whole month."""
    return _Period(dt.date(year, month, 1), _month_end(year, month), "month", inferred)


def _resolve_my(match: re.Match[str], published: dt.date | None, tense: TenseOf) -> _Period | None:
    """March 2027."""
    return _month_period(int(match["my_y"]), _month_number(match["my_m"]))


def _month_in_context(month: int, published: dt.date | None, tense: TenseOf) -> _Period:
    """A month named without a year: the next one in future wording, the last one in past wording.

    With no tense, the month of the publication year.
    """
    if published is None:
        return _Period(None, None, "month", is_relative=True)
    year = published.year
    said = tense()
    if said == "future" and month < published.month:
        year += 1
    elif said == "past" and month > published.month:
        year -= 1
    return _month_period(year, month, inferred=True)


def _resolve_month(
    match: re.Match[str], published: dt.date | None, tense: TenseOf
) -> _Period | None:
    """In March; "last September" the latest before publication's month, "next March" the
    first after it."""
    month = _month_number(match["mo_m"])
    modifier = (match["mo_mod"] or "").lower()
    if not modifier or published is None:
        return _month_in_context(month, published, tense)
    year = published.year
    if modifier == "last" and month >= published.month:
        year -= 1
    elif modifier == "next" and month <= published.month:
        year += 1
    return _month_period(year, month, inferred=True)


def _resolve_month_quarter(
    match: re.Match[str], published: dt.date | None, tense: TenseOf
) -> _Period | None:
    """The September quarter 2019 (July to September); without a year, the one its month
    falls in as a bare month would."""
    month = _month_number(match["mq_m"])
    written = match["mq_y"] or match["mq_y0"] or match["mq_y1"]  # "the March 2014 quarter"
    year = int(written) if written else None
    if year is None:
        closing = _month_in_context(month, published, tense)
        if closing.first is None:
            return _Period(None, None, "quarter", is_relative=True)
        year = closing.first.year
    period = _part_period(year, f"Q{month // 3}")
    return period._replace(year_inferred=written is None)


def _resolve_year(
    match: re.Match[str], published: dt.date | None, tense: TenseOf
) -> _Period | None:
    """2028; "1988-91", "2024-25" and "2023/2024" run from the first year to the second."""
    year = int(match["yr"])
    last = year
    if match["yr_end"] or match["yr_end4"]:
        last = int(match["yr_end4"] or year // 100 * 100 + int(match["yr_end"]))
        if last <= year:
            return None  # "2019-12" is a month, "1999-01" no span
        if last == year + 1 and (month := _split_year_start(match)) is not None:
            return _split_year(year, month, match, published)
    return _Period(dt.date(year, 1, 1), dt.date(last, 12, 31), "year")


# India's and South Africa's governments count years from April: "2018-19" beside a sum in
# rupees or rand ("Rs 98,114 crore", "R422.3 billion") is the year to March 31, 2019.
_APRIL_YEAR_MONEY = re.compile(r"\bRs\.?\s?\d|₹|\bINR\b|\bcrores?\b|(?<![\w$])R\d")
# East Africa's governments count theirs from July: "2023/24" beside shillings ("Shs52.7
# trillion", "Ksh184.9 billion", "a 48.1 trillion shilling budget") ends on June 30, 2024.
_JULY_YEAR_MONEY = re.compile(r"\b(?:K?Shs?|KSh|Ksh|UGX|KES|TZS)\.?\s?\d|\bshillings?\b", re.I)
# "the financial year 2023/24", "the 2020/21 fiscal year", "assessment year 2022-23", "FY
# 2019-20": a government's year, from April where no currency says otherwise.
_FISCAL_BEFORE = re.compile(
    r"(?:\b(?:fiscal|financial|assessment)\s+(?:year\s+)?|\bFY['’]?\s*)(?:\(\w+\)\s+)?$", re.I
)
_FISCAL_AFTER = re.compile(r"\s+(?:fiscal|financial)\b", re.I)
# "the 2023/24 cocoa season", "the 2024/2025 crop season", "the 2023/24 crop year" of cocoa:
# the cocoa year runs from October to September.
_CROP_YEAR_AFTER = re.compile(
    r"\s+(?:(?:cocoa|crop|main|light)\s+)?(?:crop\s+)?(?:season|year)\b", re.I
)
# "for the 2023/24 fiscal year", "for the rest of the 2023/24 cocoa season": the year a budget
# or a price is set for is when it can be checked.
_SET_FOR_BEFORE = re.compile(
    r"\bfor\s+(?:the\s+)?(?:rest\s+of\s+the\s+)?(?:(?:fiscal|financial)\s+year\s+|FY\s*)?$",
    re.I,
)
_SPLIT_YEAR_REACH = 160  # how far from a split year its currency or crop may be named


def _split_year_start(match: re.Match[str]) -> int | None:
    """The month a split year ("2023/24") starts in when it is a government's or a crop's
    year, not two calendar years; None for two calendar years."""
    text, start, end = match.string, match.start(), match.end()
    near = text[max(0, start - _SPLIT_YEAR_REACH) : end + _SPLIT_YEAR_REACH]
    if _CROP_YEAR_AFTER.match(text, end) and "cocoa" in near.lower():
        return 10
    if _APRIL_YEAR_MONEY.search(text) is not None:
        return 4
    if _JULY_YEAR_MONEY.search(near) is not None:
        return 7
    if _FISCAL_BEFORE.search(text, max(0, start - 32), start) or _FISCAL_AFTER.match(text, end):
        return 4
    return None


def _split_year(year: int, month: int, match: re.Match[str], published: dt.date | None) -> _Period:
    """The year from `month` of `year`, due when it is what a sum is set for and not over."""
    first = dt.date(year, month, 1)
    last = dt.date(year + 1, month, 1) - dt.timedelta(days=1)
    period = _Period(first, last, "year")
    text, start = match.string, match.start()
    if (published is None or last >= published) and _SET_FOR_BEFORE.search(
        text, max(0, start - 40), start
    ):
        return period._replace(forced_role="deadline")
    return period


def _resolve_decade(
    match: re.Match[str], published: dt.date | None, tense: TenseOf
) -> _Period | None:
    """The 1990s; the '80s (the latest such decade begun by publication, else the 1900s)."""
    if match["dec_full"]:
        start = int(match["dec_full"])
    else:
        start = 2000 + int(match["dec_short"] or match["dec_bare"])
        if published is None or start > published.year:
            start -= 100
    return _Period(dt.date(start, 1, 1), dt.date(start + 9, 12, 31), "decade")


_DECADE_WORDS = {word: 20 + 10 * index for index, word in enumerate(_SPELLED_DECADES.split("|"))}
_TENS_WORDS = {word: 20 + 10 * index for index, word in enumerate(_TENS.split("|"))}


def _resolve_spelled_decade(
    match: re.Match[str], published: dt.date | None, tense: TenseOf
) -> _Period | None:
    """ "the eighties": the 1980s (the 1900s' decade; the 2000s' ones are written in digits)."""
    start = 1900 + _DECADE_WORDS[match["spd"].lower()]
    return _Period(dt.date(start, 1, 1), dt.date(start + 9, 12, 31), "decade")


def _resolve_spelled_year(
    match: re.Match[str], published: dt.date | None, tense: TenseOf
) -> _Period | None:
    """ "nineteen eighty-seven" → 1987, "twenty fifty" → 2050."""
    century = 1900 if match["spy_c"].lower() == "nineteen" else 2000
    if match["spy_teen"]:
        year = century + UNITS[match["spy_teen"].lower()]
    else:
        year = century + _TENS_WORDS[match["spy_t"].lower()]
        year += UNITS[match["spy_u"].lower()] if match["spy_u"] else 0
    return _Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def _relative_year(phrase: str, published: dt.date | None) -> int | None:
    """The year meant by "this year", "next year", "last year", "the coming year"."""
    if published is None:
        return None
    words = phrase.lower().split()
    shift = {"next": 1, "coming": 1, "following": 1, "last": -1, "previous": -1}
    return published.year + sum(shift.get(word, 0) for word in words)


def _part_period(year: int, name: str) -> _Period:
    """Quarter or half `name` ("Q3", "H1") of a year."""
    index = int(name[1])
    if name[0] == "Q":
        first = dt.date(year, 3 * index - 2, 1)
        return _Period(first, first + relativedelta(months=2, day=31), "quarter")
    first = dt.date(year, 6 * index - 5, 1)
    return _Period(first, first + relativedelta(months=5, day=31), "half")


def _resolve_first_months(
    match: re.Match[str], published: dt.date | None, tense: TenseOf
) -> _Period | None:
    """The first three months of the year (a quarter), the first nine months of 2024."""
    months = _count(match["fn_n"])
    if not 1 <= months <= 12:
        return None
    precision: Precision = "quarter" if months == 3 else "half" if months == 6 else "month"
    year = int(match["fn_y"]) if match["fn_y"] else _relative_year(match["fn_rel"], published)
    if year is None:
        return _Period(None, None, precision, is_relative=True)
    first = dt.date(year, 1, 1)
    return _Period(first, _month_end(year, months), precision, match["fn_y"] is None)


def _resolve_year_part(
    match: re.Match[str], published: dt.date | None, tense: TenseOf
) -> _Period | None:
    """2024 Q3, 2025 H1, the 2019 second quarter."""
    name = match["yp_p"] or _part_name(match["yp_ord"], match["yp_kind"])
    return _part_period(int(match["yp_y"]), name) if name else None


def _part_name(ordinal: str, kind: str) -> str | None:
    """ "Q3" for "third quarter", "H1" for "first half"; None for a third or fourth half."""
    letter = "Q" if kind.lower() == "quarter" else "H"
    # "the last quarter of 2022" is its fourth, "the final half" its second
    number = _ORDINALS.get(ordinal.lower(), 4 if letter == "Q" else 2)
    return None if letter == "H" and number > 2 else f"{letter}{number}"


# Words of company and economic results: with them "the first half" is a year's half,
# not a match's ("Sales for the first half were stable").
_BUSINESS_WORDS = re.compile(
    r"\b(?:sales|revenues?|profits?|earnings|turnover|order\s+intake|orders|ebit(?:da)?"
    r"|margins?|dividends?|fiscal|gdp|economy|inflation|shareholders|investors)\b",
    re.IGNORECASE,
)


_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1}


def _resolve_nth(match: re.Match[str], published: dt.date | None, tense: TenseOf) -> _Period | None:
    """The third Tuesday of September 2014: that weekday's nth (or last) day in the month."""
    month = _month_number(match["nth_m"])
    if match["nth_y"]:
        whole = _month_period(int(match["nth_y"]), month)
    else:
        whole = _month_in_context(month, published, tense)
    if whole.first is None or whole.last is None:
        return _Period(None, None, "day", is_relative=True)
    weekday = _WEEKDAYS.index(match["nth_wd"].lower())
    nth = _NTH[match["nth_o"].lower()]
    if nth > 0:  # the first such weekday, then whole weeks on
        day = whole.first + dt.timedelta(days=(weekday - whole.first.weekday()) % 7 + 7 * (nth - 1))
    else:  # the last one: back from the month's last day
        day = whole.last - dt.timedelta(days=(whole.last.weekday() - weekday) % 7)
    if day.month != month:
        return None  # "the fifth Monday" of a month that has four
    return _point(day, inferred=whole.year_inferred)


def _resolve_part(
    match: re.Match[str], published: dt.date | None, tense: TenseOf
) -> _Period | None:
    """Q3 2026, H1 2026, the first half of 2026, the third quarter (of the published year)."""
    if match["part_q"] or match["part_h"]:
        name = (match["part_q"] or match["part_h"]).upper()
    elif (named := _part_name(match["part_ord"], match["part_kind"])) is not None:
        name = named
    else:
        return None
    if match["part_y"]:
        return _part_period(int(match["part_y"]), name)
    if match["part_yy"]:
        # "Q2 24", "H1'25": a year of this century near publication, not "Q3 10 firms"
        short_year = 2000 + int(match["part_yy"])
        if published is None or abs(short_year - published.year) > 5:
            return None
        return _part_period(short_year, name)
    if match["part_rel"] is None and name[0] == "H" and not _BUSINESS_WORDS.search(match.string):
        return None  # "the first half" alone is as often a match's as a year's
    if match.string[max(0, match.start() - 8) : match.start()].lower().endswith("fiscal "):
        return None  # "its fiscal fourth quarter": the company's year, not the calendar's
    precision: Precision = "quarter" if name[0] == "Q" else "half"
    if published is None:
        return _Period(None, None, precision, is_relative=True)
    year = _relative_year(match["part_rel"], published) if match["part_rel"] else published.year
    period = _part_period(year or published.year, name)
    if (
        match["part_rel"] is None
        and period.first is not None
        and period.first > published
        and tense() == "past"
    ):
        period = _part_period(published.year - 1, name)  # "Fourth-quarter output was …" in January
    return period._replace(year_inferred=match["part_rel"] is None)


def _resolve_numbered_quarter(
    match: re.Match[str], published: dt.date | None, tense: TenseOf
) -> _Period | None:
    """2Q24, 3Q2025: the quarter, in a year of this century when written with two digits."""
    written = match["nq_y"]
    year = int(written) if len(written) == 4 else 2000 + int(written)
    return _part_period(year, f"Q{match['nq_n']}")


# The precision of "this year", "next week", "the end of the quarter", ...
_UNIT_PRECISION: dict[str, Precision] = {
    "year": "year", "decade": "decade", "week": "week", "quarter": "quarter", "month": "month",
}  # fmt: skip


def _unit_period(unit: str, modifier: str, published: dt.date | None) -> _Period:
    """This/next/last year, month, week, quarter or decade as a period."""
    unit = unit.lower()
    precision = _UNIT_PRECISION[unit]
    if published is None:
        return _Period(None, None, precision, is_relative=True)
    words = modifier.lower().split()
    shift = (
        1
        if {"next", "coming"} & set(words)
        else -1
        if {"last", "previous", "prior"} & set(words)
        else 0
    )
    if unit == "year":
        year = published.year + shift
        return _Period(dt.date(year, 1, 1), dt.date(year, 12, 31), precision)
    if unit == "decade":
        start = published.year // 10 * 10 + 10 * shift
        return _Period(dt.date(start, 1, 1), dt.date(start + 9, 12, 31), precision)
    if unit == "month":
        first = published.replace(day=1) + relativedelta(months=shift)
        return _Period(first, first + relativedelta(day=31), precision)
    if unit == "quarter":
        first = dt.date(published.year, 3 * ((published.month - 1) // 3) + 1, 1)
        first += relativedelta(months=3 * shift)
        return _Period(first, first + relativedelta(months=2, day=31), precision)
    monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=shift)
    return _Period(monday, monday + dt.timedelta(days=6), precision)


def _resolve_rel(match: re.Match[str], published: dt.date | None, tense: TenseOf) -> _Period | None:
    """Last year, next month, this week (Monday to Sunday); "the year-ago" is last year."""
    return _unit_period(
        match["rel_unit"], "last" if match["rel_ago"] else match["rel_mod"], published
    )


def _resolve_later(
    match: re.Match[str], published: dt.date | None, tense: TenseOf
) -> _Period | None:
    """Later this year (its end) or earlier this year (its start)."""
    whole = _unit_period(match["later_unit"] or match["later_year"], "this", published)
    if whole.first is None:
        return whole
    point = whole.last if match["later_kind"].lower() == "later" else whole.first
    return _Period(point, point, whole.precision)


def _edge_of(kind: str, whole: _Period) -> _Period:
    """The early/mid/late part, or the start/end point, of a period."""
    if whole.first is None or whole.last is None:
        return whole
    kind = kind.lower()
    first, last = whole.first, whole.last
    if "end" in kind:
        return _Period(last, last, whole.precision, whole.year_inferred)
    if "start" in kind or "beginning" in kind:
        return _Period(first, first, whole.precision, whole.year_inferred)
    span_days = (last - first).days + 1
    if whole.precision == "year" and span_days >= 365:
        # early = Q1, mid = June, late = Q4: the readings editors use for deadlines.
        year = first.year
        parts = {"early": (1, 3), "mid": (6, 6), "middle": (6, 6), "late": (10, 12)}
        key = "middle" if "middle" in kind else kind
        low, high = parts[key]
        return _Period(dt.date(year, low, 1), _month_end(year, high), "month", whole.year_inferred)
    # "late March", "early next week", "the mid-1990s": a vague part of a month, week or
    # decade names no day, so the mention is the whole period at its own precision.
    return whole


def _resolve_edge(
    match: re.Match[str], published: dt.date | None, tense: TenseOf
) -> _Period | None:
    """The end of the year, mid-2026, early 2027, late March, the end of next month, end of Q3."""
    if match["edge_y"]:
        year = int(match["edge_y"])
        whole = _Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
    elif match["edge_m"]:
        month = _month_number(match["edge_m"])
        if match["edge_my"]:
            whole = _month_period(int(match["edge_my"]), month)
        else:
            whole = _month_in_context(month, published, tense)
    elif match["edge_q"]:
        name = match["edge_q"]
        if match["edge_qy"]:
            whole = _part_period(int(match["edge_qy"]), name)
        elif published is None:
            whole = _Period(None, None, "quarter" if name[0] == "Q" else "half", is_relative=True)
        else:
            whole = _part_period(published.year, name)._replace(year_inferred=True)
    else:
        whole = _unit_period(match["edge_unit"], match["edge_rel"], published)
    return _edge_of(match["edge_kind"], whole)


def _season_period(year: int, name: str) -> _Period:
    """A northern meteorological season: three months (winter Y is Dec Y to Feb Y+1)."""
    first = dt.date(year, SEASON_START_MONTH[name], 1)
    return _Period(first, first + relativedelta(months=2, day=31), "season")


def _resolve_year_season(
    match: re.Match[str], published: dt.date | None, tense: TenseOf
) -> _Period | None:
    """2017 fall, the 2012 summer."""
    return _season_period(int(match["ys_y"]), match["ys_name"].lower())


def _resolve_season(
    match: re.Match[str], published: dt.date | None, tense: TenseOf
) -> _Period | None:
    """Spring 2026 (winter 2025 starts 2025-12-01); next spring, last summer."""
    if match["season_y"]:
        return _season_period(int(match["season_y"]), match["season_name"].lower())
    if published is None:
        return _Period(None, None, "season", is_relative=True)
    name = (match["season_rel"] or match["season_bare"]).lower()
    # The season's start from two years before publication to the year after: its three
    # months run from there, so it is under way when it started less than three months
    # ago (in January, the winter under way began the year before, the last one before that).
    shifts = (-2, -1, 0, 1)
    starts = [dt.date(published.year + shift, SEASON_START_MONTH[name], 1) for shift in shifts]
    ends = [start + relativedelta(months=2, day=31) for start in starts]
    modifier = match["season_mod"].lower().split()[-1] if match["season_mod"] else tense()
    if modifier in ("next", "coming", "future"):
        chosen = next(start for start in starts if start > published)
    elif modifier in ("last", "past"):
        chosen = [start for start, end in zip(starts, ends, strict=True) if end < published][-1]
    else:  # "this winter", or "the summer" without a tense: the one under way, else this year's
        under_way = [s for s, e in zip(starts, ends, strict=True) if s <= published <= e]
        chosen = (under_way or [starts[shifts.index(0)]])[0]
    return _season_period(chosen.year, name)._replace(year_inferred=True)


# Holiday names that end in a day's name: a date even without a preposition.
_DAY_NAMED_HOLIDAYS = ("day", "eve", "sunday", "monday", "friday")


# Holidays on the same day every year, by their first word.
_FIXED_HOLIDAYS = {
    "halloween": (10, 31), "valentine": (2, 14), "boxing": (12, 26), "veteran": (11, 11),
}  # fmt: skip


def _holiday_in(name: str, year: int) -> dt.date:
    """The date of a named holiday in a year (Easter through dateutil)."""
    if name.startswith("easter") or name == "good friday":
        shift = {"easter monday": 1, "good friday": -2}.get(name, 0)
        return easter(year) + dt.timedelta(days=shift)
    if name.startswith("thanksgiving"):
        return dt.date(year, 11, 1) + relativedelta(weekday=TH(+4))  # US: 4th Thursday
    if name in ("black friday", "cyber monday"):  # the Friday and the Monday after it
        thanksgiving = _holiday_in("thanksgiving", year)
        return thanksgiving + dt.timedelta(days=1 if name == "black friday" else 4)
    if name.startswith("memorial"):
        return dt.date(year, 5, 31) + relativedelta(weekday=MO(-1))  # US: last Monday of May
    if name.startswith("labor"):
        return dt.date(year, 9, 1) + relativedelta(weekday=MO(+1))  # US: first Monday
    fixed = _FIXED_HOLIDAYS.get(re.sub(r"['’]?s$", "", name.split()[0]))
    if fixed is not None:
        return dt.date(year, *fixed)
    if name.startswith("independence"):
        return dt.date(year, 7, 4)
    if name.startswith("new"):
        return dt.date(year, 12, 31) if name.endswith("eve") else dt.date(year, 1, 1)
    return dt.date(year, 12, 24) if name.endswith("eve") else dt.date(year, 12, 25)


def _resolve_holiday(
    match: re.Match[str], published: dt.date | None, tense: TenseOf
) -> _Period | None:
    """By Christmas, Easter 2026, Good Friday, Thanksgiving: the next or last one by tense.
    "Thanksgiving week" is the Monday-to-Sunday week of the holiday."""
    name = " ".join(match["hol"].lower().replace("’", "'").split())
    if match["hol_y"] or match["hol_wy"]:
        day = _holiday_in(name, int(match["hol_y"] or match["hol_wy"]))
        return _week_of(day) if match["hol_week"] else _point(day)
    if published is None:
        return _Period(None, None, "week" if match["hol_week"] else "day", is_relative=True)
    day = _holiday_in(name, published.year)
    said = tense()
    if said == "future" and day < published:
        day = _holiday_in(name, published.year + 1)
    elif said == "past" and day > published:
        day = _holiday_in(name, published.year - 1)
    return _week_of(day, True) if match["hol_week"] else _point(day, inferred=True)


def _week_of(day: dt.date, inferred: bool = False) -> _Period:
    """The Monday-to-Sunday week a day falls in ("Thanksgiving week", "two weeks ago")."""
    monday = day - dt.timedelta(days=day.weekday())
    return _Period(monday, monday + dt.timedelta(days=6), "week", inferred)


def _resolve_yearend(
    match: re.Match[str], published: dt.date | None, tense: TenseOf
) -> _Period | None:
    """Year-end, year's end, month-end: the end of the current period."""
    unit = (match["ye_unit"] or match["ye_unit2"]).lower()
    return _edge_of("end", _unit_period(unit, "this", published))


def _resolve_ytd(match: re.Match[str], published: dt.date | None, tense: TenseOf) -> _Period | None:
    """Year to date, so far this year: 1 January of the published year to publication."""
    if published is None:
        return _Period(None, None, "day", is_relative=True, forced_role="mentioned")
    return _Period(published.replace(month=1, day=1), published, "day", forced_role="mentioned")


def _count(text: str) -> int:
    """The number in "two", "a few", "12"."""
    key = " ".join(text.lower().split())
    if key.isdigit():
        return int(key)
    tens, _, ones = key.partition("-")  # "thirty-five"
    return (
        _NUMBER_WORDS.get(tens, 1) + _NUMBER_WORDS.get(ones, 0)
        if ones
        else _NUMBER_WORDS.get(key, 1)
    )


# `amount` of a `_UNIT` (singular) as a relativedelta, each unit's keyword spelled out.
_SHIFTS: dict[str, Callable[[int], relativedelta]] = {
    "day": lambda amount: relativedelta(days=amount),
    # A date counts whole days: 36 hours on from midnight falls on the next day.
    "hour": lambda amount: relativedelta(days=amount // 24),
    "week": lambda amount: relativedelta(weeks=amount),
    "fortnight": lambda amount: relativedelta(weeks=2 * amount),
    "month": lambda amount: relativedelta(months=amount),
    "quarter": lambda amount: relativedelta(months=3 * amount),
    "year": lambda amount: relativedelta(years=amount),
    "decade": lambda amount: relativedelta(years=10 * amount),
}


def _shifted(published: dt.date, amount: int, unit: str) -> dt.date:
    """published + amount units (negative to go back)."""
    return published + _SHIFTS[unit.lower().rstrip("s")](amount)


def _resolve_within(
    match: re.Match[str], published: dt.date | None, tense: TenseOf
) -> _Period | None:
    """Within two weeks (a deadline, from publication), in two years, in the next six months."""
    within = match["wi_prep"].lower() == "within"
    forced: DateRole | None = "deadline" if within else None
    if published is None:
        return _Period(None, None, "day", is_relative=True, forced_role=forced)
    day = _shifted(published, _count(match["wi_n"]), match["wi_unit"])
    if within:
        return _Period(published, day, "day", forced_role=forced)
    if "next" in match.group().lower():
        return _Period(published + dt.timedelta(days=1), day, "day")
    return _Period(day, day, "day")


def _resolve_span(
    match: re.Match[str], published: dt.date | None, tense: TenseOf
) -> _Period | None:
    """The next four days (published+1 … +4), the past two weeks (published−14 … published);
    the next week (published+1 … +7), the past year."""
    ahead = match["span_dir"].lower() in ("next", "coming", "following")
    if match["span_day"]:
        # "the next day", "the previous day": dated from the day written before it
        # (`_anchor_following`), else no date
        return _Period(None, None, "day", is_relative=True)
    if (
        ahead
        and match["span_unit1"]
        and (match["span_dir"].lower() == "following" or tense() == "past")
    ):
        # "The next year, he moved to Paris": the year after a past event ("the
        # following year" after any), dated only when the sentence dates the event
        # (`_anchor_following`)
        return _Period(None, None, "year", is_relative=True)
    # "will invest £60m over the next three years", "has allocated Rs 20 crore over the
    # next three months": a window still to run from publication is due at its end.
    forced: DateRole = "deadline" if ahead else "mentioned"
    if published is None:
        # "the following 5 years until 1986" follows an event: its tense decides
        following = match["span_dir"].lower() == "following"
        return _Period(
            None, None, "day", is_relative=True, forced_role=None if following else forced
        )
    amount = _count(match["span_n"]) if match["span_n"] else 1
    unit = match["span_unit"] or match["span_unit1"]
    if ahead:
        last = _shifted(published, amount, unit)
        return _Period(published + dt.timedelta(days=1), last, "day", forced_role="deadline")
    return _Period(_shifted(published, -amount, unit), published, "day", forced_role=forced)


# The precision of "three months ago", "a decade ago", ...: a day unless listed.
_AGO_PRECISION: dict[str, Precision] = {
    "year": "year",
    "decade": "year",
    "month": "month",
    "week": "week",
}
# "On this day 40 years ago", "a year ago today": the day itself, not its year.
_THIS_DAY_BEFORE = re.compile(r"\b(?i:on\s+this\s+(?:day|date))\s+$")
_TODAY_AFTER = re.compile(r"\s*,?\s+(?i:today|to\s+the\s+day)\b")


def _resolve_ago(match: re.Match[str], published: dt.date | None, tense: TenseOf) -> _Period | None:
    """Five days ago (a day), two weeks ago (that week, Monday to Sunday), three months ago
    (a month), a decade ago (a year); "on this day 40 years ago" and "a year ago today" are
    the day itself.

    Also "a month from today", "three weeks from now" or "hence": publication plus the span,
    one day.
    """
    if match["ago_from"]:
        if published is None:
            return _Period(None, None, "day", is_relative=True)
        return _point(_shifted(published, _count(match["ago_n"]), match["ago_unit"]))
    unit = match["ago_unit"].lower().rstrip("s")
    precision = _AGO_PRECISION.get(unit, "day")
    text = match.string
    near = max(0, match.start() - 24)  # "on this date " and room: never the whole text
    if _THIS_DAY_BEFORE.search(text, near, match.start()) or _TODAY_AFTER.match(text, match.end()):
        precision = "day"
    elif match["ago_earlier"] and precision == "week":
        precision = "day"  # "a week earlier": a step back from the day the sentence is about
    if published is None:
        return _Period(None, None, precision, is_relative=True, forced_role="mentioned")
    day = _shifted(published, -_count(match["ago_n"]), match["ago_unit"])
    if precision == "year":
        first, last = day.replace(month=1, day=1), day.replace(month=12, day=31)
        return _Period(first, last, "year", forced_role="mentioned")
    if precision == "month":
        return _month_period(day.year, day.month)._replace(forced_role="mentioned")
    if precision == "week":
        return _week_of(day)._replace(forced_role="mentioned")
    return _Period(day, day, precision, forced_role="mentioned")


_DAYWORD_SHIFT = {
    "yesterday": -1, "last night": -1, "tomorrow": 1, "day after tomorrow": 2,
    "day before yesterday": -2,
}  # fmt: skip


def _resolve_dayword(
    match: re.Match[str], published: dt.date | None, tense: TenseOf
) -> _Period | None:
    """Yesterday, today, tomorrow, tonight, last night, this morning, the day after tomorrow."""
    if published is None:
        return _Period(None, None, "day", is_relative=True)
    word = " ".join(match.group().lower().split()).removeprefix("the ")
    return _point(published + dt.timedelta(days=_DAYWORD_SHIFT.get(word, 0)))


def _resolve_weekend(
    match: re.Match[str], published: dt.date | None, tense: TenseOf
) -> _Period | None:
    """Last weekend, this weekend, next weekend: Saturday to Sunday."""
    if published is None:
        return _Period(None, None, "day", is_relative=True)
    modifier = match["wkend_mod"].lower()
    saturday = published + relativedelta(weekday=SA(+1))
    if (
        modifier == "last"
        or (modifier != "next" and tense() == "past")  # "welcomed a new addition this weekend"
        # "the birth of a gorilla over the weekend", in Monday's or Tuesday's paper
        or (
            modifier != "next"
            and modifier != "this"
            and published.weekday() < 2
            and tense() != "future"
        )
    ):
        saturday = published + relativedelta(days=-1, weekday=SA(-1))
        if modifier == "last" and saturday + dt.timedelta(days=1) >= published:
            saturday -= dt.timedelta(weeks=1)  # on a Sunday "last weekend" is the one before
    elif modifier == "next" and published.weekday() < 5:
        saturday += dt.timedelta(weeks=1)
    return _Period(saturday, saturday + dt.timedelta(days=1), "day")


def _resolve_weekday(
    match: re.Match[str], published: dt.date | None, tense: TenseOf
) -> _Period | None:
    """On Tuesday, last Friday, next Monday."""
    if published is None:
        return _Period(None, None, "day", is_relative=True)
    target = _WEEKDAYS.index(match["wd"].lower())
    modifier = (match["wd_mod"] or "").lower()
    # The steps dateutil's relativedelta(days=±1, weekday=target(±1)) takes, as
    # plain day counts: this is the most common relative date, and relativedelta
    # costs many times more.
    published_weekday = published.weekday()
    if modifier == "next":
        days = 1 + (target - published_weekday - 1) % 7  # the first such day after publication
    elif modifier != "last" and tense() != "past":
        # A future or a present ("the market opens on Sunday") looks ahead: a past event
        # has its past verb. "On Tuesday" in Tuesday's paper is that day.
        days = (target - published_weekday) % 7
    elif modifier == "last":
        days = -1 - (published_weekday - 1 - target) % 7  # the last such day before it
    else:
        days = -((published_weekday - target) % 7)  # the latest on or before it
    day = published + dt.timedelta(days=days)
    return _Period(day, day, "day")


_RESOLVERS = {
    "iso": _resolve_iso,
    "decade": _resolve_decade,
    "spdecade": _resolve_spelled_decade,
    "spyear": _resolve_spelled_year,
    "mdy": _resolve_mdy,
    "msp": _resolve_msp,
    "dmy": _resolve_dmy,
    "spelled": _resolve_spelled,
    "part": _resolve_part,
    "nq": _resolve_numbered_quarter,
    "firstn": _resolve_first_months,
    "nth": _resolve_nth,
    "year_part": _resolve_year_part,
    "edge": _resolve_edge,
    "season": _resolve_season,
    "yseason": _resolve_year_season,
    "holiday": _resolve_holiday,
    "ytd": _resolve_ytd,
    "yearend": _resolve_yearend,
    "span": _resolve_span,
    "within": _resolve_within,
    "ago": _resolve_ago,
    "later": _resolve_later,
    "rel": _resolve_rel,
    "dayword": _resolve_dayword,
    "weekday": _resolve_weekday,
    "weekend": _resolve_weekend,
    "my": _resolve_my,
    "month": _resolve_month,
    "mq": _resolve_month_quarter,
    "year": _resolve_year,
}


# --- whole phrases: the grammar `claimtrack followups add --due` reads -------------

# Words a typed phrase may write in lower case that the extractor reads capitalised
# (in running text a lower-case "may" or "friday" is too often not a date).
_CAPITALISED_WORDS = word_trie(
    [*_MONTH_NUMBERS, *_WEEKDAYS, "christmas", "easter", "eve", "good", "thanksgiving",
     "independence", "q1", "q2", "q3", "q4", "h1", "h2"]
)  # fmt: skip
_PHRASE_CAPITALS = re.compile(
    rf"\b(?:{_CAPITALISED_WORDS})\b"
    r"|\bnew\s+year['’]s(?:\s+day)?\b|(?<=\bindependence\s)day\b|(?<=\bchristmas\s)day\b",
    re.IGNORECASE,
)
# Sentences around the phrase that give it the tense and role the caller asked for, tried in
# turn: "by" makes a deadline; "on" is what a numeric "11/20" needs; none suits "before June 1".
_PHRASE_FRAMES = {
    True: ("It will be done by ", "It will be done on ", "It will be done "),
    False: ("It was done on ", "It was done "),
}


def _capitalise(match: re.Match[str]) -> str:
    """Q3, H1 in capitals; month, weekday and holiday words with a capital letter."""
    word = match.group()
    if word[0] in "qQhH" and word[1:].isdigit():
        return word.upper()
    return " ".join(part.capitalize() for part in word.split())


def parse_date_phrase(
    phrase: str, today: dt.date, *, future: bool = True, locale: str | None = None
) -> DateMention | None:
    """Read a whole phrase ("end of Q3", "Easter", "next monday") as one date, else None.

    The extractor's own grammar, so whatever it finds in an article can be
    typed and vice versa: the phrase is read inside a one-line sentence that
    sets its tense ("It will be done by …" for a `future` deadline, "It was
    done on …" for a past date) and must come back as exactly one mention
    covering all of it. A future phrase reads as the period's last day
    (`date`), a past one as its first. A day or month without a year is the
    next one on or after `today` when `future` (never a week back).
    """
    words = " ".join(phrase.split())
    if not words:
        return None
    words = _PHRASE_CAPITALS.sub(_capitalise, words.lower())
    for frame in _PHRASE_FRAMES[future]:
        mentions = find_dates(frame + words, today, offset=-len(frame), locale=locale)
        if len(mentions) == 1 and (mentions[0].start, mentions[0].end) == (0, len(words)):
            break
    else:
        return None
    mention = mentions[0]
    if not mention.resolved:
        return None
    if future and mention.year_inferred and mention.last_day and mention.last_day < today:
        # In running text a date a few days back is the one just past; a typed due date is ahead.
        mention = _years_later(mention, 1)
    return mention


def _years_later(mention: DateMention, years: int) -> DateMention:
    """The same mention `years` later (or earlier); callers keep 29 February out of years
    that lack it (a day a year ahead never is one: it exists in no next year)."""
    shift = relativedelta(years=years)
    first = mention.first_day + shift if mention.first_day else None
    last = mention.last_day + shift if mention.last_day else None
    date = mention.date + shift if mention.date else None
    return dataclasses.replace(mention, first_day=first, last_day=last, date=date)
