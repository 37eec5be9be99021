"""Find the dates a sentence mentions and the deadlines it sets.

Everything is resolved against the document's publication date, never today.
Each mention resolves to a period (first day, last day); a `deadline` takes the
last day of that period ("by the end of the year" → Dec 31, "by mid-2026" →
2026-06-30) and a `mentioned` date takes the first ("in March 2027" →
2027-03-01). Points such as "November 3" or "the end of the year" are periods
of one day.

Documented rules:

- Slashed dates are month first (US style, "11/03/2025" → 3 November) unless
  the first number cannot be a month ("25/12/2025" → 25 December). Dotted
  dates ("03.11.2025") are day first.
- A month and day without a year take the publication year; in a past-tense
  sentence a date later than publication moves to the year before, in a
  future-tense sentence a date earlier than publication moves to the year after.
- A bare weekday ("on Tuesday") is the latest such day on or before
  publication, unless the sentence is future tense, then the first such day
  after it. "last"/"next" force the direction.
- Tense is read from the nearest tense marker before the date in its
  sentence (will, plans to, expected, said, -ed verbs…), else the first after.
- A bare year must be 1900–2100 (1800s only after "since", "in"…), not a
  count ("2028 drones") and not part of a name ("Euro 2025").
- A bare month ("May", "March") or holiday ("Christmas") is a date only after
  a preposition such as "in"/"by"/"since", so the verb "may" and "march"
  never become dates.
- "in two years" is a date only in a future clause (published + 2 years);
  "rose 5% in two years" is a duration. "within N units" is always a
  deadline at published + N units. "N units ago" has the unit's precision
  (a year ago → 1 January of that year).
- Seasons are three months from March/June/September/December; early = Q1,
  mid = June, late = Q4 of a year; early/mid/late of a month are its thirds.
- `deadline`: the date follows by, before, until, within, no later than,
  due, ahead of…, "deadline" appears earlier in the clause, or the clause is
  future tense and the date is not before publication (so "will ban … from
  1 June" is a deadline). `since`/`after`/`as of` dates are always
  `mentioned`; so is everything else.
- Without a publication date, relative dates and dates without a year keep
  their text with `date=None, resolved=False`.
- Absolute dates go through dateutil's parser with a fixed default
  (1 January 2000), never the current date.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable
from itertools import accumulate
from typing import Literal, NamedTuple

from dateutil import parser
from dateutil.easter import easter
from dateutil.relativedelta import SA, relativedelta

from claimtrack.extract.numbers import COUNT_WORDS
from claimtrack.extract.patterns import word_trie
from claimtrack.extract.types import DateMention, DateRole, Precision

__all__ = ["find_dates"]

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

_MONTH_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_MONTH = (
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
_NUM = r"(?:\d{1,3}|a\s+few|a\s+couple(?:\s+of)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|thirty)"
_UNIT = r"(?:days?|weeks?|months?|years?|decades?)"
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
    r"1[89]\d\d|20\d\d|2100|\d(?:\d?(?:/\d{1,2}/|\.\d{1,2}\.)"
    rf"|\d?\d?(?:{_any_case('st|nd|rd|th')}|\s+(?:of|{_MONTH}|{_any_case(_UNIT)})))"
)
# What may follow each word a date form can start with (a superset, any
# case). Common words open a date only before particular words ("the end of",
# "in two years", "a week ago", "year-end"): reading that next word in the
# gate makes "in the", "the new" or "a year" fail there at once.
_AFTER_THE = word_trie(
    ["q", "h", *_ORDINALS, "middle", "end", "start", "beginning", "coming", "previous", "weekend"]
)
_DATE_OPENERS = {
    **dict.fromkeys(
        [*_MONTH_NUMBERS, *_WEEKDAYS, *_ORDINALS, "one", "two", "three", "four", "five", "six",
         "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "eighteen", "twenty",
         "thirty", "early", "late", "mid", "middle", "end", "start", "beginning", "spring",
         "summer", "autumn", "fall", "winter", "christmas", "easter", "within", "later",
         "earlier", "last", "next", "this", "yesterday", "today", "tomorrow", "tonight", "q1",
         "q2", "q3", "q4", "h1", "h2"],
        r"\b",
    ),
    "the": rf"\s+(?:\d|{_AFTER_THE})",
    "in": rf"\s+(?:the\s+next|{_NUM})\b",
    "a": rf"n?\s+(?:few|couple|{_UNIT})",
    "at": r"\s+the\s+weekend",
    "year": r"(?:-|\s+|['’]s\s+)end",
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


_DATE_GATE = rf"(?={_DIGIT_OPENERS}|{_any_case_openers(_DATE_OPENERS)})"

# One alternation, tried left to right at each position; longer forms first.
_DATE = re.compile(
    rf"""
    # Every form starts at a word start: the leading class lets the engine skip
    # other positions (about 5x faster than a bare \b), the first-word trie
    # rejects most words at once, and each form's own guard of possible first
    # letters makes a failed attempt one check.
    (?=[0-9A-Za-z])\b{_DATE_GATE}(?:
    (?=[\d])(?P<iso>\b(?P<iso_y>{_YEAR})-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)\b)
  | (?=[\d])(?P<slash>\b(?P<sl_a>\d{{1,2}})/(?P<sl_b>\d{{1,2}})/(?P<sl_y>\d{{4}}|\d\d)\b)
  | (?=[\d])(?P<dots>\b(?P<dt_d>\d{{1,2}})\.(?P<dt_m>\d{{1,2}})\.(?P<dt_y>{_YEAR})\b)
  | (?=[JFMASONDTW])(?P<mdy>(?:{_WEEKDAY},?\s+)?(?P<mdy_m>{_MONTH})\s+(?P<mdy_d>\d{{1,2}})(?:st|nd|rd|th)?\b
        (?:,?\s+(?P<mdy_y>{_YEAR})\b)?)
  | (?=[MTWFSt\d])(?P<dmy>(?:{_WEEKDAY},?\s+)?(?:the\s+)?\b(?P<dmy_d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?
        (?P<dmy_m>{_MONTH})(?:,?\s+(?P<dmy_y>{_YEAR})\b)?)
  | (?=[QHtTfFsS1-4])(?P<part>(?:(?i:the)\s+)?(?:(?P<part_q>Q[1-4])|(?P<part_h>H[12])
        |(?P<part_ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th))\s+(?P<part_kind>(?i:quarter|half)))
        (?:\s+(?i:of))?\s+(?:(?P<part_y>{_YEAR})\b|(?P<part_rel>(?i:{_REL_YEAR}))))
  | (?=[eElLmMtTsS])(?P<edge>(?P<edge_kind>(?i:early|late|mid|(?:the\s+)?middle\s+of|(?:the\s+)?(?:end|start|beginning)\s+of|end|start))
        (?:-|\s+)
        (?:(?P<edge_y>{_YEAR})\b|(?P<edge_m>{_MONTH_FULL})\b(?:,?\s+(?P<edge_my>{_YEAR})\b)?
          |(?P<edge_rel>(?i:this|next|last|the|the\s+current|the\s+coming))\s+(?P<edge_unit>(?i:year|month|week|quarter|decade))\b))
  | (?=[sSwWaAfFtTnNlL])(?P<season>(?P<season_name>(?i:spring|summer|autumn|fall|winter))\s+(?:(?i:of)\s+)?(?P<season_y>{_YEAR})\b)
  | (?=[CNE])(?P<holiday>(?P<hol>Christmas(?:\s+Day|\s+Eve)?|New\s+Year['’]s\s+(?:Day|Eve)|Easter(?:\s+Sunday)?)\b
        (?:\s+(?P<hol_y>{_YEAR})\b)?)
  | (?=[yYmMeE])(?P<yearend>(?i:(?P<ye_unit>year|month)(?:-|\s+|['’]s\s+)end|end[\s-]+of[\s-]+(?P<ye_unit2>year|month))\b)
  | (?=[wWiI])(?P<within>\b(?P<wi_prep>(?i:within|in))\s+(?:(?i:the\s+next)\s+)?(?P<wi_n>(?i:{_NUM}))\s+(?P<wi_unit>(?i:{_UNIT}))\b)
  | (?=[\daAoOtTfFsSeEnN])(?P<ago>\b(?P<ago_n>(?i:{_NUM}))\s+(?P<ago_unit>(?i:{_UNIT}))\s+(?i:ago)\b)
  | (?=[lLeE])(?P<later>\b(?P<later_kind>(?i:later|earlier))\s+(?i:this)\s+(?P<later_unit>(?i:year|month|week))\b)
  | (?=[lLnNtT])(?P<rel>\b(?P<rel_mod>(?i:last|next|this|the\s+coming|the\s+previous))\s+(?P<rel_unit>(?i:year|month|week|quarter))\b)
  | (?=[lLtTnNaA])(?P<weekend>\b(?P<wkend_mod>(?i:last|this|next|the|at\s+the))\s+(?i:weekend)\b)
  | (?=[yYtTlL])(?P<dayword>\b(?i:yesterday|today|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening)))\b
  | (?=[lLnNtTMWFS])(?P<weekday>\b(?:(?P<wd_mod>(?i:last|next|this))\s+)?(?P<wd>{_WEEKDAY})\b(?!s))
  | (?=[JFMASOND])(?P<my>(?P<my_m>{_MONTH})\s*,?\s+(?P<my_y>{_YEAR})\b)
  | (?=[JFMASOND])(?P<month>(?P<mo_m>{_MONTH_FULL})\b)
  | (?=[12])(?P<year>(?<![\d.,/$€£¥#])\b(?P<yr>{_YEAR})\b(?![%]|[.,]\d|\s*(?:%|per\s*cent|percent)))
    )
    """,
    re.VERBOSE,
)

# Phrases that make the date after them a deadline, or never one; matched,
# any case and any spacing, at the end of the words before the date.
_DEADLINE_PHRASES = (
    "by", "before", "until", "till", "untill", "no later than", "not later than", "due",
    "due by", "due in", "due on", "due for", "deadline", "deadline of", "deadline for",
    "deadline is", "deadline was", "ahead of", "in time for", "scheduled for", "set for",
    "slated for", "targeted for", "target of",
)  # fmt: skip
_NOT_DEADLINE_PHRASES = (
    "since", "after", "as of", "between", "since early", "since late", "through", "throughout",
    "during the", "ago",
)  # fmt: skip
_DEADLINE_BEFORE = re.compile(rf"\b(?:{word_trie(_DEADLINE_PHRASES)})\s*$", re.IGNORECASE)
_NOT_DEADLINE_BEFORE = re.compile(rf"\b(?:{word_trie(_NOT_DEADLINE_PHRASES)})\s*$", re.IGNORECASE)
_MONTH_PREPOSITION = re.compile(
    r"(?:\bin|\bby|\bsince|\buntil|\btill|\bfrom|\bbefore|\bafter|\bduring|\bthrough|\bof|\bfor"
    r"|\blast|\bnext|\bthis|\bearly|\blate|\bmid|\bon|\bto|\band|\bor|\bbetween|\bearlier|\bsame"
    r"|\bend|\bstart|\bwith|\bthan|\bversus|\bvs\.?)[\s-]*$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?\n]\s")
# After a bare year, these lowercase words still read as a date.
_YEAR_FOLLOWERS = frozenset(
    ["and", "or", "to", "as", "is", "was", "has", "had", "will", "would", "when", "after",
     "before", "while", "with", "at", "the", "a", "an", "in", "on", "for", "but", "alone",
     "onwards", "onward", "through", "that", "which", "where", "than", "because", "so", "this",
     "levels", "level", "figures", "figure"]
)  # fmt: skip
# Capitalised words before a year that do not make it part of a name.
_YEAR_NAME_EXCEPTIONS = frozenset(_MONTH_NUMBERS) | {"fy", "q1", "q2", "q3", "q4", "h1", "h2"}
_DETERMINERS = frozenset(
    ["the", "its", "their", "his", "her", "this", "that", "a", "an", "our", "your"]
)
_SUPERLATIVE = re.compile(
    r"\b(?:\w{3,}est|first|most|least|time|times|only|once)\b(?:\s+[\w-]+){0,2}\s*$", re.IGNORECASE
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
)  # fmt: skip
_PARSE_DEFAULT = dt.datetime(2000, 1, 1)
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
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


def find_dates(
    text: str, published: dt.date | None = None, *, offset: int = 0
) -> list[DateMention]:
    """Dates and deadlines in `text`, resolved against `published`, spans shifted by `offset`."""
    if isinstance(published, dt.datetime):
        published = published.date()
    mentions: list[DateMention] = []
    if not _may_have_dates(text):
        return mentions
    tenses = _TenseIndex(text)
    for match in _DATE.finditer(text):
        mention = _mention(text, match, published, offset, tenses)
        if mention is not None:
            mentions.append(mention)
    return mentions


# --- tense markers, read word by word (one simple regex, then set lookups) ----

_TENSE_WORD = re.compile(r"([A-Za-z]+(?:['’][A-Za-z]+)?)")  # captured: split keeps the words
# Auxiliaries whose verb phrase ("will be held") is future as a whole.
_FUTURE_AUXILIARIES = frozenset(["will", "would", "shall", "won't", "won’t"])
_FUTURE_WORDS = frozenset(
    ["could", "might", "upcoming", "forthcoming", "next", "scheduled", "slated", "expected",
     "expects", "expect", "expire", "expires"]
)  # fmt: skip
# "<word> to": plans to, aims to, is set to…
_FUTURE_BEFORE_TO = frozenset(
    ["plan", "plans", "planning", "planned", "aim", "aims", "aiming", "intend", "intends",
     "pledged", "promised", "vowed", "pledge", "pledges", "promise", "promises", "vow", "vows",
     "commit", "commits", "committed", "hope", "hopes", "seek", "seeks", "want", "wants",
     "set", "going", "due", "poised", "likely", "unlikely", "supposed", "forecast",
     "projected", "predicted", "tipped"]
)  # fmt: skip
_BE = frozenset(["is", "are", "was", "were"])
# "is forecast", "are due": a scheduled or predicted future.
_FUTURE_AFTER_BE = frozenset(
    ["forecast", "predicted", "projected", "due", "scheduled", "set", "planned"]
)
_AUXILIARY_FILLERS = frozenset(["not", "be", "have", "been"])
# Multi-word future phrases, keyed by their first word.
_FUTURE_PHRASES: dict[str, tuple[tuple[str, ...], ...]] = {
    "take": (("effect",),), "takes": (("effect",),), "taking": (("effect",),),
    "run": (("until",),), "runs": (("until",),), "come": (("into", "force"),),
    "comes": (("into", "force"),), "coming": (("into", "force"),),
    "enter": (("into", "force"),), "enters": (("into", "force"),),
    "goes": (("into", "effect"),),
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
# "-ed" words that point ahead rather than back.
_NOT_PAST = frozenset(
    ["scheduled", "expected", "planned", "slated", "proposed", "needed", "intended", "supposed", "aimed"]
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
_MARKER_WORDS = _FUTURE_STARTERS | _PAST_WORDS
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
        if low in _PAST_WORDS or (low.endswith("ed") and _is_regular_past(words.original[index])):
            markers.append((words.end(index), words.start(index), "past"))
    return markers


def _is_regular_past(word: str) -> bool:
    """A lower-case "-ed" word of five letters or more ("launched"), but not "-eed" or "planned"."""
    return len(word) >= 5 and word.islower() and word[-3] != "e" and word not in _NOT_PAST


def _future_marker_end(words: _Words, index: int) -> int | None:
    """Where a future marker starting at word `index` ends, or None if there is none."""
    low = words.lower[index]
    end = words.end(index)
    if low in _FUTURE_AUXILIARIES or (low == "to" and words.follows(index + 1, {"be"})):
        # Extend over "not be / have been" to the main verb: "will be held".
        at = index + 1
        while words.follows(at, _AUXILIARY_FILLERS):
            at += 1
        if at < len(words.lower) and words.gaps[at].isspace():
            return words.end(at)
        return end if low != "to" else None
    if low in _FUTURE_WORDS or words.original[index] == "may" or low.endswith(("'ll", "’ll")):
        return end
    if low in _FUTURE_BEFORE_TO and words.follows(index + 1, {"to"}):
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
        return words.end(index + 2)  # "is expected to", "was set to"
    if words.lower[index] in {"is", "are"} and words.follows(index + 1, _FUTURE_AFTER_BE):
        return words.end(index + 1)
    return None


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
        Tuesday, Ukraine will …"). `default` when there is no marker.
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
        before = bisect.bisect_right(self.ends, start)
        if before and self.markers[before - 1][1] >= sentence_start:
            return self.markers[before - 1][2]  # type: ignore[return-value]
        after = bisect.bisect_left(self.starts, (end, -1, ""))
        if after < len(self.starts):
            marker_start, _, tense = self.starts[after]
            if sentence_end is None or marker_start < sentence_end:
                return tense  # type: ignore[return-value]
        return default


def _mention(
    text: str,
    match: re.Match[str],
    published: dt.date | None,
    offset: int,
    tenses: _TenseIndex,
) -> DateMention | None:
    """Turn one regex match into a DateMention, or None if it is not a date."""
    kind = match.lastgroup
    if kind is None:
        return None
    before = _before(text, match.start())
    tense = functools.partial(tenses.tense, match.start(), match.end())
    if not _reads_as_date(kind, text, match, before, tense):
        return None
    has_deadline_word = _has_deadline_word(before)
    # "due in March": a deadline without a tense looks ahead.
    resolver_tense = functools.partial(tense, default="future") if has_deadline_word else tense
    try:
        period = _RESOLVERS[kind](match, published, resolver_tense)
    except (ValueError, OverflowError):
        return None  # resolves outside the calendar (year 0 or 10000): not a usable date
    if period is None:
        return None
    role = period.forced_role or _role(before, tense, period, published, has_deadline_word)
    if period.first is None or period.last is None:
        date = None
    else:
        date = period.last if role == "deadline" else period.first
    return DateMention(
        text=match.group(),
        start=match.start() + offset,
        end=match.end() + offset,
        date=date,
        role=role,
        precision=period.precision,
        year_inferred=period.year_inferred,
        resolved=date is not None,
    )


def _reads_as_date(kind: str, text: str, match: re.Match[str], before: str, tense: TenseOf) -> bool:
    """Reject matches that are words or durations here, not dates."""
    if kind == "year":
        return _is_year(text, match, before)
    if kind == "month" or (kind == "holiday" and not match["hol_y"]):
        # "in May" is a date, "may" a verb; "by Christmas" a date, "Christmas sales" not.
        return bool(_MONTH_PREPOSITION.search(before[-12:]))
    if kind == "within" and match["wi_prep"].lower() == "in":
        # "will open in two years" is a date; "rose 5% in two years" and "the
        # highest in two years" are durations.
        return tense() == "future" and not _SUPERLATIVE.search(before)
    return True


def _before(text: str, position: int) -> str:
    """The last few words of the current sentence before `position` (bounded, so linear)."""
    window = text[max(0, position - _CONTEXT) : position]
    cut = max(window.rfind(". "), window.rfind("\n"), window.rfind("! "), window.rfind("? "))
    return window[cut + 1 :] if cut >= 0 else window


def _has_deadline_word(before: str) -> bool:
    """A deadline word just before the date ("by", "until"), or "deadline" earlier in the clause."""
    return (
        _ends_with_phrase(before[-_TAIL:], _DEADLINE_PHRASES, _DEADLINE_BEFORE)
        or "deadline" in before.lower()
    )


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
    if has_deadline_word:
        return "deadline"
    if _ends_with_phrase(before[-_TAIL:], _NOT_DEADLINE_PHRASES, _NOT_DEADLINE_BEFORE):
        return "mentioned"
    if published is not None and period.last is not None and period.last < published:
        return "mentioned"
    return "deadline" if tense() == "future" else "mentioned"


def _is_year(text: str, match: re.Match[str], before: str) -> bool:
    """A bare 4-digit number reads as a year, not as a count ("2028 drones")."""
    if _names_an_event(before):
        return False
    following = re.match(r"\s*([^\W\d_][\w'-]*)", text[match.end() : match.end() + 40])
    previous = before.split()[-1].lower() if before.split() else ""
    if int(match["yr"]) < 1900:
        # Before 1900 a number is a year only where a date is expected: "since 1879".
        return previous in {"since", "in", "from", "until", "before", "after", "of", "by"}
    if following is None:
        return True
    word = following.group(1)
    if not word[0].islower() or word in _YEAR_FOLLOWERS:
        return True
    if previous in {"and", "to", "or", "through", "until"} and re.search(
        rf"\b{_YEAR}\s+\w+\s*$", before
    ):
        return True  # "between 2010 and 2020 emissions rose"
    if previous in _DETERMINERS or previous.endswith("'s") or previous.endswith("’s"):
        return True  # "the 2024 election"
    # A count is followed by a plural noun or a scale word.
    return not (word.endswith("s") or word in {"million", "billion", "thousand", "people", "staff"})


def _names_an_event(before: str) -> bool:
    """A capitalised word right before the year makes it part of a name ("Euro 2025")."""
    words = before.split()
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
    if tense != "future" and candidate > published + dt.timedelta(days=1):
        return published.year - 1
    return published.year


@functools.lru_cache(maxsize=4096)
def _parse_calendar(text: str, *, dayfirst: bool = False) -> dt.date | None:
    """An absolute date through dateutil's parser with a fixed default, never today.

    The default is 1 January 2000, a leap year: fields the text leaves out come
    from it (so "February 29" parses), and callers replace the year when the
    text had none. Cached: news repeats its dates, and dateutil is the slow part.
    """
    cleaned = _LEADING_THE.sub("", text)
    try:
        return parser.parse(cleaned, default=_PARSE_DEFAULT, dayfirst=dayfirst).date()
    except (parser.ParserError, ValueError, OverflowError):
        return None


def _day_period(text: str, *, dayfirst: bool = False) -> _Period | None:
    """A fully written calendar day."""
    day = _parse_calendar(text, dayfirst=dayfirst)
    return _Period(day, day, "day") if day else None


def _resolve_iso(match: re.Match[str], published: dt.date | None, tense: TenseOf) -> _Period | None:
    """2025-11-03."""
    return _day_period(match.group())


def _resolve_slash(
    match: re.Match[str], published: dt.date | None, tense: TenseOf
) -> _Period | None:
    """11/03/2025: month first (dateutil's default) unless the first number is over 12."""
    return _day_period(match.group())


def _resolve_dots(
    match: re.Match[str], published: dt.date | None, tense: TenseOf
) -> _Period | None:
    """03.11.2025 (day first, the European order that uses dots)."""
    return _day_period(match.group(), dayfirst=True)


def _resolve_month_day(
    match: re.Match[str], kind: str, published: dt.date | None, tense: TenseOf
) -> _Period | None:
    """A day of a month ("mdy" or "dmy"), with the year written or inferred from publication."""
    parsed = _written_day(match, kind)
    if match[f"{kind}_y"]:
        return _Period(parsed, parsed, "day") if parsed else None
    if parsed is None:
        return None  # not a day of that month in any year ("April 31")
    if published is None:
        return _Period(None, None, "day", is_relative=True)
    candidate = _replace_year(parsed, published.year)
    day = _replace_year(parsed, _infer_year(candidate, published, tense()))
    return _Period(day, day, "day", year_inferred=True)


def _written_day(match: re.Match[str], kind: str) -> dt.date | None:
    """The day an "mdy" or "dmy" match names, as dateutil's parser reads it.

    The parser is the slowest step of finding dates, and for the common shape
    (the match opens with the day or month, and day, month and optional year
    make a real date) its answer is that date (year 2000 if none is written),
    so it is built directly. A day the month does not have is no date at all;
    other shapes (a weekday or "the" in front) go to the parser.
    """
    year = int(match[f"{kind}_y"] or _PARSE_DEFAULT.year)
    day = _day(year, _month_number(match[f"{kind}_m"]), int(match[f"{kind}_d"]))
    if day is None:
        return None  # no such day ("31 June", "42 June": the parser would read 42 as 2042)
    opener = "dmy_d" if kind == "dmy" else "mdy_m"
    return day if match.start(opener) == match.start() else _parse_calendar(match.group())


def _replace_year(day: dt.date, year: int) -> dt.date:
    """`day` in another year; 29 February becomes the 28th outside leap years."""
    return _day(year, day.month, day.day) or dt.date(year, day.month, 28)


def _resolve_mdy(match: re.Match[str], published: dt.date | None, tense: TenseOf) -> _Period | None:
    """November 3, Nov. 3, 2025."""
    return _resolve_month_day(match, "mdy", published, tense)


def _resolve_dmy(match: re.Match[str], published: dt.date | None, tense: TenseOf) -> _Period | None:
    """3 Nov 2025, the 3rd of November."""
    return _resolve_month_day(match, "dmy", published, tense)


def _month_period(year: int, month: int, inferred: bool = False) -> _Period:
    """A whole month."""
    return _Period(dt.date(year, month, 1), _month_end(year, month), "month", inferred)


def _resolve_my(match: re.Match[str], published: dt.date | None, tense: TenseOf) -> _Period | None:
    """March 2027 (dateutil's parser reads every such match as that month: not asked)."""
    return _month_period(int(match["my_y"]), _month_number(match["my_m"]))


def _month_in_context(month: int, published: dt.date | None, tense: TenseOf) -> _Period:
    """A month named without a year: the publication year, shifted by tense."""
    if published is None:
        return _Period(None, None, "month", is_relative=True)
    year = published.year
    future = tense() == "future"
    if future and month < published.month:
        year += 1
    elif not future and month > published.month:
        year -= 1
    return _month_period(year, month, inferred=True)


def _resolve_month(
    match: re.Match[str], published: dt.date | None, tense: TenseOf
) -> _Period | None:
    """In March."""
    return _month_in_context(_month_number(match["mo_m"]), published, tense)


def _resolve_year(
    match: re.Match[str], published: dt.date | None, tense: TenseOf
) -> _Period | None:
    """2028."""
    year = int(match["yr"])
    return _Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def _relative_year(phrase: str, published: dt.date | None) -> int | None:
    """The year meant by "this year", "next year", "last year", "the coming year"."""
    if published is None:
        return None
    words = phrase.lower().split()
    shift = {"next": 1, "coming": 1, "following": 1, "last": -1, "previous": -1}
    return published.year + sum(shift.get(word, 0) for word in words)


def _resolve_part(
    match: re.Match[str], published: dt.date | None, tense: TenseOf
) -> _Period | None:
    """Q3 2026, H1 2026, the first half of 2026, the third quarter of next year."""
    if match["part_y"]:
        year: int | None = int(match["part_y"])
    else:
        year = _relative_year(match["part_rel"], published)
    if match["part_q"] or (match["part_kind"] or "").lower() == "quarter":
        index = int(match["part_q"][1]) if match["part_q"] else _ORDINALS[match["part_ord"].lower()]
        first_month, length = 3 * index - 2, 3
    else:
        index = int(match["part_h"][1]) if match["part_h"] else _ORDINALS[match["part_ord"].lower()]
        if index > 2:
            return None
        first_month, length = 6 * index - 5, 6
    if year is None:
        return _Period(None, None, "month", is_relative=True)
    last_month = first_month + length - 1
    return _Period(dt.date(year, first_month, 1), _month_end(year, last_month), "month")


# The precision of "this year", "next week", ...: a month unless listed.
_UNIT_PRECISION: dict[str, Precision] = {"year": "year", "decade": "year", "week": "day"}


def _unit_period(unit: str, modifier: str, published: dt.date | None) -> _Period:
    """This/next/last year, month, week, quarter or decade as a period."""
    unit = unit.lower()
    precision = _UNIT_PRECISION.get(unit, "month")
    if published is None:
        return _Period(None, None, precision, is_relative=True)
    words = modifier.lower().split()
    shift = 1 if {"next", "coming"} & set(words) else -1 if {"last", "previous"} & set(words) else 0
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
    """Last year, next month, this week."""
    return _unit_period(match["rel_unit"], match["rel_mod"], published)


def _resolve_later(
    match: re.Match[str], published: dt.date | None, tense: TenseOf
) -> _Period | None:
    """Later this year (its end) or earlier this year (its start)."""
    whole = _unit_period(match["later_unit"], "this", published)
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
    third = span_days // 3
    if kind == "early":
        return _Period(
            first, first + dt.timedelta(days=third - 1), whole.precision, whole.year_inferred
        )
    if kind == "late":
        return _Period(
            last - dt.timedelta(days=third - 1), last, whole.precision, whole.year_inferred
        )
    middle = first + dt.timedelta(days=span_days // 2 - 1)
    return _Period(middle, middle, whole.precision, whole.year_inferred)


def _resolve_edge(
    match: re.Match[str], published: dt.date | None, tense: TenseOf
) -> _Period | None:
    """The end of the year, mid-2026, early 2027, late March, the end of next month."""
    if match["edge_y"]:
        year = int(match["edge_y"])
        whole = _Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
    elif match["edge_m"]:
        month = _month_number(match["edge_m"])
        if match["edge_my"]:
            whole = _month_period(int(match["edge_my"]), month)
        else:
            whole = _month_in_context(month, published, tense)
    else:
        whole = _unit_period(match["edge_unit"], match["edge_rel"], published)
    return _edge_of(match["edge_kind"], whole)


_SEASON_MONTHS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def _resolve_season(
    match: re.Match[str], published: dt.date | None, tense: TenseOf
) -> _Period | None:
    """Spring 2026: three months from the season's first month ("this winter" is too vague)."""
    name = match["season_name"].lower()
    year = int(match["season_y"])
    first = dt.date(year, _SEASON_MONTHS[name], 1)
    return _Period(first, first + relativedelta(months=2, day=31), "month")


def _holiday_in(name: str, year: int) -> dt.date:
    """The date of a named holiday in a year (Easter through dateutil)."""
    if name.startswith("easter"):
        return easter(year)
    if name.startswith("new"):
        return dt.date(year, 12, 31) if name.endswith("eve") else dt.date(year, 1, 1)
    return dt.date(year, 12, 24) if name.endswith("eve") else dt.date(year, 12, 25)


def _resolve_holiday(
    match: re.Match[str], published: dt.date | None, tense: TenseOf
) -> _Period | None:
    """By Christmas, Easter 2026, New Year's Eve."""
    name = " ".join(match["hol"].lower().split())
    if match["hol_y"]:
        day = _holiday_in(name, int(match["hol_y"]))
        return _Period(day, day, "day")
    if published is None:
        return _Period(None, None, "day", is_relative=True)
    day = _holiday_in(name, published.year)
    year = _infer_year(day, published, tense())
    day = _holiday_in(name, year)
    return _Period(day, day, "day", year_inferred=True)


def _resolve_yearend(
    match: re.Match[str], published: dt.date | None, tense: TenseOf
) -> _Period | None:
    """Year-end, year's end, month-end: the end of the current period."""
    unit = (match["ye_unit"] or match["ye_unit2"]).lower()
    return _edge_of("end", _unit_period(unit, "this", published))


def _count(text: str) -> int:
    """The number in "two", "a few", "12"."""
    key = " ".join(text.lower().split())
    return int(key) if key.isdigit() else _NUMBER_WORDS.get(key, 1)


# `amount` of a `_UNIT` (singular) as a relativedelta, each unit's keyword spelled out.
_SHIFTS: dict[str, Callable[[int], relativedelta]] = {
    "day": lambda amount: relativedelta(days=amount),
    "week": lambda amount: relativedelta(weeks=amount),
    "month": lambda amount: relativedelta(months=amount),
    "year": lambda amount: relativedelta(years=amount),
    "decade": lambda amount: relativedelta(years=10 * amount),
}


def _shifted(published: dt.date, amount: int, unit: str) -> dt.date:
    """published + amount units (negative to go back)."""
    return published + _SHIFTS[unit.lower().rstrip("s")](amount)


def _resolve_within(
    match: re.Match[str], published: dt.date | None, tense: TenseOf
) -> _Period | None:
    """Within two weeks (a deadline), in two years, after three months."""
    forced: DateRole | None = "deadline" if match["wi_prep"].lower() == "within" else None
    if published is None:
        return _Period(None, None, "day", is_relative=True, forced_role=forced)
    day = _shifted(published, _count(match["wi_n"]), match["wi_unit"])
    return _Period(day, day, "day", forced_role=forced)


# The precision of "three months ago", "a decade ago", ...: a day unless listed.
_AGO_PRECISION: dict[str, Precision] = {"year": "year", "decade": "year", "month": "month"}


def _resolve_ago(match: re.Match[str], published: dt.date | None, tense: TenseOf) -> _Period | None:
    """Two weeks ago (a day), three months ago (a month), a decade ago (a year)."""
    unit = match["ago_unit"].lower().rstrip("s")
    precision = _AGO_PRECISION.get(unit, "day")
    if published is None:
        return _Period(None, None, precision, is_relative=True, forced_role="mentioned")
    day = _shifted(published, -_count(match["ago_n"]), match["ago_unit"])
    if precision == "year":
        day = day.replace(month=1, day=1)
    elif precision == "month":
        day = day.replace(day=1)
    return _Period(day, day, precision, forced_role="mentioned")


def _resolve_dayword(
    match: re.Match[str], published: dt.date | None, tense: TenseOf
) -> _Period | None:
    """Yesterday, today, tomorrow, tonight, last night, this morning."""
    if published is None:
        return _Period(None, None, "day", is_relative=True)
    word = " ".join(match.group().lower().split())
    shift = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(word, 0)
    day = published + dt.timedelta(days=shift)
    return _Period(day, day, "day")


def _resolve_weekend(
    match: re.Match[str], published: dt.date | None, tense: TenseOf
) -> _Period | None:
    """Last weekend, this weekend, next weekend: Saturday to Sunday."""
    if published is None:
        return _Period(None, None, "day", is_relative=True)
    modifier = match["wkend_mod"].lower()
    saturday = published + relativedelta(weekday=SA(+1))
    if modifier == "last" or (modifier != "next" and modifier != "this" and tense() == "past"):
        saturday = published + relativedelta(days=-1, weekday=SA(-1))
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
    if modifier == "next" or (modifier != "last" and tense() == "future"):
        days = 1 + (target - published_weekday - 1) % 7  # the first such day after publication
    elif modifier == "last":
        days = -1 - (published_weekday - 1 - target) % 7  # the last such day before it
    else:
        days = -((published_weekday - target) % 7)  # the latest on or before it
    day = published + dt.timedelta(days=days)
    return _Period(day, day, "day")


_RESOLVERS = {
    "iso": _resolve_iso,
    "slash": _resolve_slash,
    "dots": _resolve_dots,
    "mdy": _resolve_mdy,
    "dmy": _resolve_dmy,
    "part": _resolve_part,
    "edge": _resolve_edge,
    "season": _resolve_season,
    "holiday": _resolve_holiday,
    "yearend": _resolve_yearend,
    "within": _resolve_within,
    "ago": _resolve_ago,
    "later": _resolve_later,
    "rel": _resolve_rel,
    "dayword": _resolve_dayword,
    "weekday": _resolve_weekday,
    "weekend": _resolve_weekend,
    "my": _resolve_my,
    "month": _resolve_month,
    "year": _resolve_year,
}
