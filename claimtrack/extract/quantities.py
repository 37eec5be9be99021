"""Find quantities in news text: figures, ranges, bounds, money, percentages, rates.

`find_quantities(text)` scans once for anchors (a digit, a fraction sign, a
number word, "a" before a scale word) and parses a bounded window around each
by hand, so the pass is linear in the length of the text: every regex is a run
of one character class, a separator-led repetition, or a prefix trie of literals,
each anchor consumes what it reads, and look-behind windows are a few dozen
characters. 1 MB of digits, of "1,1,1,…" or of words without punctuation all
take time proportional to their length (see benchmarks/extract_speed.py).

Conventions (those of `tests/extract/cases/README.md`, extended by issue 12 as in
`tests/extract/unseen/README.md`):

- A single value has `low == high`. Ranges (`600-800`, `600 to 800`,
  `between 600 and 800`, `ranging from $2 to $3`, `$2-3bn`, `2%-3%`) have
  `low < high`; a scale or a currency written once applies to both ends.
  `from X to Y` is two values; the first borrows the second's unit and rate.
- Lower bounds (`more than`, `over`, `at least`, `above`, `exceeding`,
  `exceeded`…) give `high=None`; upper bounds (`up to`, `less than`, `under`,
  `nearly`, `almost`, `as many as`…) give `low=None`; both set `approximate`.
  `about`, `around`, `some`, `an estimated`… keep the value, `approximate`.
  A bound reaches across "the" only after `below`/`above` or with an
  adjective between ("more than the recommended 14 units"), and "over" right
  after another quantity is a preposition ("3,338 km over 21 stages").
- Vague plurals are open lower bounds, approximate: `dozens of` 12,
  `hundreds of` 100, `thousands of` 1000, `tens of thousands of` 10000,
  `millions of` 1e6 (also "dozens more").
- Money has its ISO 4217 code as unit (`$`, `US$`, `C$`, `€`, `£`, `¥`, `₹`/`Rs`,
  codes before or after the figure in either case, `10 €`, `dollars`, `Danish
  crowns`…; "3 dollars 50 cents" is 3.5). A dollar no country names is USD and
  `ambiguous` unless the caller passes `dollar=`. Scales: `bn`, `m`, `tn`,
  `lakh`, `crore`, `MEUR`, `USD million`. Percent is `%`, percentage points
  `pp` (and "points" after a percentage in the same sentence), temperature
  `°C` or `°F` (`104F`, `98.6 °F`, `90 degrees Fahrenheit`); a minus sign or
  "minus" makes a value negative.
- Units of measure come from units.json (built from pint by
  scripts/build_units.py): a name is singularised (`3 metres` → `metre`,
  `2,000 square feet` → `square foot`), a symbol kept as written (`mg`, `TeV`,
  `sq ft`, `mph`); durations stay as written (`2 1/2 hours`). `1.8m tall` is
  metres, `weighs 20 pounds` and `20 pounds of flour` are mass. `5 ft 10 in` is
  5.8333 ft. Each quantity gets a `dimension` and, where the unit converts, its
  bounds in SI (`si_low`, `si_high`).
- Fractions: `½`, `2½`, `2 1/2`, `1/2` before a unit of measure; shares
  (`two thirds of`, `one in three`, `half of`, `a quarter of`) have no unit.
  Bounds after the figure: `N or more`, `N or fewer`, `N+`; before it also
  `≥`/`≤`. `above 20 and below 30 percent` is one range.
- Hyphenated adjectives count their unit: `a 45-acre farm` → 45 acre,
  `an 89-year-old` → 89 year; `a 600-strong force` counts 600, no unit.
- Otherwise the unit is the counted noun phrase as written (modifiers kept,
  determiners and "more" dropped), closed by its first plural noun, with an
  `of`-phrase only after a container (`500 bags of rice`); a unit of measure
  never takes one (`5 tonnes of steel` → tonne, `100mm of rain` → mm). A
  partitive takes the noun of its whole ("52 of 64 drones" → drones, and 64 is
  its own quantity). A singular noun is a unit only after 1 or as a measure.
  Nouns joined by "and" count together ("24,645 migrants and refugees"). A unit
  written once is shared: "the number of deals … totaling 39, compared with 29"
  (both deals), "28 or 29 days", "to 882 cities from 400" (the old value).
- Number words join to a hyphenated unit like digits ("a seven-day average",
  "a ten-dollar shirt"); "7-foot-1" and "73-pound, 1-ounce" are compounds.
- `per` is a time period only (`a day`, `daily`, `/h`, `per annum`, an opening
  "Each year,"…); `$80 a barrel`, `per capita` and `per 100,000 people` have no
  `per` (the denominator is part of the quantity, not a quantity of its own).

Not quantities: calendar years (a bare 1800–2100 counting nothing, after
"in"/"since"…, or before "levels", "budget"…), year spans (`2024-25`), day
numbers next to a month, numeric dates (`2025-11-03`, `3/11/2025`), times
(`10:30`, `9 am`, `1400 GMT`), ordinals (`3rd`), decades (`1990s`), digits inside
names and designations (`G7`, `F-16`, `COVID-19`, `A400M`, `5G`, `Article 5`,
`No. 10`, `Formula 1`, `Formula One`, `iPhone 15`, `SEA-ME-WE 3`), ages
(`aged 75`), street numbers (`221 Baker Street`), ports (`port 8080`), footnote
markers (`[3]`, `claims.12`), phone numbers, version strings and dotted numbers
(`1.2.3`), slashed ratios (`24/7`), "one thing", numbers a date expression
consumes (`within two weeks`, `three years ago`; but "six months later" counts a span),
the pronoun "one" ("one of the largest") and the article "one" before a singular
noun that is no unit ("One expert said"), years written out in words after "the
year of our Lord" or a month ("July, one thousand eight hundred and sixty-four"), bare number words after "the"/"net" ("net zero"), and figures
longer than 20 digits. Scorelines (`won 3-1`, `4-6 6-4`) are single values
without a unit, never a range.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import NamedTuple

from claimtrack.extract import rereading
from claimtrack.extract.date_words import BACK_AS_AGO
from claimtrack.extract.density import ReadingBudget
from claimtrack.extract.numbers import (
    CURRENCY_ADJECTIVES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DOLLAR_PREFIXES,
    ISO_CODES,
    NUMBER_WORDS,
    SCALE_ABBREVIATIONS,
    SCALES,
    TENS,
    UNITS,
    VAGUE_PLURALS,
    parse_number_words,
)
from claimtrack.extract.patterns import word_trie
from claimtrack.extract.types import Per, Quantity
from claimtrack.extract.units import (
    UnitEntry,
    currency_codes,
    lookup,
    lookup_name,
    lookup_symbol,
    to_si,
    unit_starts,
)

__all__ = ["find_quantities"]

_MAX_DIGITS = 20  # longer digit runs are identifiers or noise, never amounts
_UNLIMITED = -1  # the anchors a text without a reading budget may parse: never reached
_LOOKBACK = 32  # characters searched before a figure for "more than", "$", "between"…
_MAX_UNIT_WORDS = 5

_HSPACE = " \t\u00a0\u202f\u2009\u2007"
_GROUP_SEPARATORS = ",\u00a0\u202f\u2009\u2007 "
_DASHES = frozenset("-–—‒−")

_SCALE_ALTERNATION = "dozen|hundred|thousand|million|billion|trillion"


# Anchors: a digit, a number word, or "a"/"an"/"one" before a scale word. The word
# list is a prefix trie of literals: no quantifier can repeat, so no backtracking.
_ANCHOR_WORDS = word_trie(set(NUMBER_WORDS | set(VAGUE_PLURALS) | {"half"}))

# A match starts with the digit itself or with the non-word character before a word
# (group 1). Its first character is tested against a class without a letter a-z, so
# the engine skips lower-case letters in its fast prefix loop instead of trying the
# pattern at every position; look-behinds then check what that character was.
_VULGAR = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
_ANCHOR_PATTERN = (
    rf"[^a-z_](?:(?<=[\d{_VULGAR}])|(?<=\W)({_ANCHOR_WORDS}\b"
    rf"|(?:an?|one)(?=[{_HSPACE}]+(?:{_SCALE_ALTERNATION}|quarter|third|fifth|eighth|tenth)\b"
    rf"|[{_HSPACE}]+[a-z]+[{_HSPACE}]+and[{_HSPACE}]+a[{_HSPACE}]+(?:half|quarter)\b"
    rf"|[{_HSPACE}]+half[{_HSPACE}]+[a-z]"  # "a half mile"
    rf"|[{_HSPACE}]+(?:penny|cent)\b"  # "fell by a penny"
    rf"|[{_HSPACE}]+(?:foot|mile|yard|inch|metre|meter|kilometre|kilometer)[{_HSPACE}]+"
    rf"(?:of|away|long|wide|high|tall|deep|across)\b)))"  # "up to a foot of snow", "a mile away"
)
# Searching lower-cased text case-sensitively is three times faster than IGNORECASE.
_ANCHOR_LOWER = re.compile(_ANCHOR_PATTERN)
_ANCHOR_ANY_CASE = re.compile(_ANCHOR_PATTERN, re.IGNORECASE)
# One token after optional same-line spaces: a digit (a figure starts there), a
# word (letters, then letters or digits, hyphen-joined: "F-16", "year-end"), or
# one other visible character.
_TOKEN = re.compile(rf"[{_HSPACE}]*(?:(\d)|([^\W\d_]\w*(?:['’\-&][^\W_]\w*)*)|([^\s\w]))")
_TOKEN_KINDS = ("", "num", "word", "sym")
_BACK_TOKEN = re.compile(r"[A-Za-z]{1,2}\$|[^\W\d_]+|\d+|[^\s\w]")  # "US$" is one token
_DIGITS = re.compile(r"\d+")
_LETTERS = re.compile(r"[^\W\d_]+")
_DOTTED_RUN = re.compile(r"[\d.]*")
_SLASHED_RUN = re.compile(r"[\d/]*")
_PHONE_RUN = re.compile(r"[\d ().\-]*")
# A number with its area code in brackets: North American "(573) 290-5766", Australian
# "(07) 4783 9800".
_AREA_CODE_NUMBER = re.compile(
    r"\(\d{3}\)[ \u00a0]?\d{3}[-.\u00a0 ]\d{4}(?!\d)|\(0\d\)[ \u00a0]?\d{4}[-.\u00a0 ]\d{4}(?!\d)"
)
_PHONE_DIGITS = 7  # the fewest digits of a number dialled after "+" (country code included)
# Indian digit grouping: "Rs 10,20,800 crore", "75,03,914 cotton bales" (two-digit groups
# before the last three digits, which no Western grouping writes).
_INDIAN_GROUPS = re.compile(r"\d{1,2}(?:,\d\d)+,\d{3}(?![\d,]\d|\d|\.\d+\.\d)")
_SCORE_REACH = 60
_SCORE_CONTEXT = re.compile(
    r"\b"
    + word_trie(
        {
            *("beat", "beats", "won", "win", "wins", "lost", "lose", "drew", "draw", "defeated"),
            *("thrashed", "edged", "victory", "defeat", "scored", "led", "trailed", "leads"),
            *("trails", "halftime", "half-time", "full-time", "score"),
        }
    )
    + r"\b",
    re.I,
)
_SET_SCORE = re.compile(r"[ \u00a0]\d{1,2}[-–]\d{1,2}(?!\d)")  # "4-6 6-4": tennis sets
_SET_SCORE_BEFORE = re.compile(r"\d{1,2}[-–]\d{1,2}[ \u00a0]$")
# Lower-case codes read as money only for the currencies news writes that way ("usd 20").
_LOWER_CODES = frozenset({
    "usd", "eur", "gbp", "jpy", "cny", "chf", "cad", "aud", "nzd", "inr", "hkd", "sgd",
    "brl", "zar", "sek", "nok", "dkk", "pln",
})  # fmt: skip
# Currency names numbers.py lacks, read after a figure ("5 billion reais", "ten bucks").
_MORE_CURRENCY_WORDS = {"reais": "BRL", "reales": "BRL", "bucks": "$", "buck": "$"}
# Minor units written alone after a figure ("ten cents", "20 pence"): a hundredth of these.
_ALONE_SUBUNITS = {
    "cents": "$", "cent": "$", "pence": "GBP", "penny": "GBP", "paise": "INR",
    "sen": "MYR",  # "a dividend of 29 sen per share": ringgit's sen (Brunei's too, seldom news)
    "kobo": "NGN",
}  # fmt: skip
# Cents of a named currency: "50 HK cents", "40 Hong Kong cents", "30 euro cents".
_CENTS_OF = {
    "hk": "HKD", "hong": "HKD", "us": "USD", "euro": "EUR", "nz": "NZD", "au": "AUD",
    "singapore": "SGD", "canadian": "CAD", "australian": "AUD",
}  # fmt: skip
# The currencies a count of cents, paise, sen or kobo after the figure is a hundredth of.
_SUBUNIT_MAJORS = frozenset(_ALONE_SUBUNITS.values()) | frozenset(_CENTS_OF.values())
_MARKER_WORDS = (
    frozenset(
        {
            "percent",
            "per-cent",
            "pct",
            "pc",
            "per",
            "percentage",
            "pp",
            "ppt",
            "ppts",
            "degrees",
            "degree",
        }
    )
    | frozenset(CURRENCY_ADJECTIVES)
    | frozenset(CURRENCY_WORDS)
    | frozenset(_MORE_CURRENCY_WORDS)
    | frozenset(_ALONE_SUBUNITS)
    | frozenset(_CENTS_OF)
    | _LOWER_CODES
)
_DATE_TIME_STARTS = frozenset("-/.:–aApP")
_DATE_TIME_SPACES = frozenset(" \u00a0")  # "9 am": a space, then the meridiem
_LEADING_RATE_REACH = 120
_LEADING_RATE = re.compile(
    r"(?:^|(?<=[.!?\n]\s)|(?<=\n))(?:Each|Every) (day|week|month|year)\b,", re.M
)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?(?!\d)"  # a day of the month: "22", "25th"
_DAY_SPAN = re.compile(rf"[-–]{_DAY}")
_DAY_RANGE_TAIL = re.compile(rf"(?:[-–]|\s+(?:to|and|[-–])\s+){_DAY}")
_OUNCES_AFTER = re.compile(r",?\s+\d{1,2}\s*(?:oz|ounces?)\b")
_DECIMAL_COMMA = re.compile(r",(\d{1,2})(?![\d,])")
_YEAR_TAIL = re.compile(r"[-–/]\d{2,4}(?!\d)")  # "2024-25", "2020–2024"
# Numeric dates, US-style phone numbers and times of day, all of which start with digits.
_DATE_OR_TIME = re.compile(
    r"\d{4}-\d{1,2}-\d{1,2}(?!\d)|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}(?!\d)|(?:1-)?\d{3}-\d{3}-\d{4}(?!\d)"
    r"|\d{1,2}(?::\d{2}(?::\d{2})?|(?:[.:]\d{2})?[ \u00a0]?[ap]\.?m\.?(?![^\W\d_]))"
    # a 24-hour time padded with a zero, alone or opening a span: "at 03.00", "07.00 and 17.00"
    r"|0\d\.[0-5]\d(?!\d|\.\d|%)(?![ \u00a0]?(?:per|point))"
    r"(?:[ \u00a0]*(?:-|–|and|to|until|till)[ \u00a0]*[0-2]\d\.[0-5]\d(?!\d|\.\d))?",
    re.I,
)


# After a street number: a compass point and a street's name ("233 W. Main Street"), or a
# police report's "300 block of".
_ADDRESS_AFTER = re.compile(
    r"[ \u00a0](?:(?:[NSEW]\.?|North|South|East|West)[ \u00a0](?:[A-Z][\w'’-]*[ \u00a0]){1,3}"
    r"(?i:street|st|road|rd|avenue|ave|lane|ln|boulevard|blvd|drive|dr|way|place|court|parkway)\b"
    r"|block[ \u00a0]of\b"
    r"|\d+(?:st|nd|rd|th)[ \u00a0](?i:street|st|avenue|ave|road|rd|blvd|drive|dr)\b)"
)
# A paragraph's number at the start of a text: "1.1 This investigation", "39.In 2015".
_SECTION_NUMBER = re.compile(
    r"(?:\d+(?:\.\d+)+\.?[ \u00a0]+|\d+\.)"
    r"(?=[A-Z][a-z])(?!Million|Billion|Trillion|Thousand|Per|Degrees|Celsius|Fahrenheit)"
)
# A list item's number at the start of a text: "18. The", "3) The", "(2) One".
_LIST_MARKER = re.compile(r"[.)][ \u00a0]+[A-Z(“\"]")
# Letters written against the figure as a currency sign ("Sh2.1 billion", "N967.5 billion",
# "P18.3 billion", "R134.8million", "Rs143 crore"), where no other sign is in use.
_GLUED_CURRENCIES = {
    "Sh": "KES", "KSh": "KES", "Ksh": "KES", "Kshs": "KES", "KShs": "KES", "Kes": "KES",
    "Rs": "INR", "Rp": "IDR", "RM": "MYR", "Tk": "BDT", "R": "ZAR", "N": "NGN", "P": "PHP",
    "PhP": "PHP", "Php": "PHP", "E": "SZL",
    # Uganda's papers write "Shs" ("Shs52.7 trillion"), Kenya's "Sh"; Bangladesh's "TK5"
    "Shs": "UGX", "UShs": "UGX", "USh": "UGX", "TK": "BDT",
}  # fmt: skip
# Letter signs of more than one letter may end in a full stop before the figure ("Rs.500",
# "Ksh.3.599 trillion", "KSh.46.50"): an abbreviation's stop, not a footnote's.
_DOTTED_SIGNS = frozenset(sign for sign in _GLUED_CURRENCIES if len(sign) > 1)


def _dotted_sign(text: str, dot: int) -> str | None:
    """The currency of a multi-letter sign ending in the full stop at `dot`, if any."""
    letters = _GLUED_LETTERS.search(text, max(0, dot - 5), dot)
    if letters is None or letters.group() not in _DOTTED_SIGNS:
        return None
    return _GLUED_CURRENCIES[letters.group()]


# A figure that is a sum: decimals or thousands groups, or a scale word after it.
# Spaced thousands groups count too ("R10 000", "E30 000.00", as southern African pages write).
_SUM_AFTER = re.compile(
    r"(?:[.,]\d+)+(?![\w-])|(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?(?![\w-])|(?:[.,]\d+)*[ \u00a0-]?(?i:million|billion|trillion|crore|lakh|mn|bn|tn|m|b|k)\b"
)


def _glued_currency(text: str, start: int, end: int) -> str | None:
    """The currency of letters glued before the digits at `start`, if they are a sign of one.

    A single letter ("N", "P", "R") or a code ("PHP3.5B") is a currency only before a sum
    ("N1.38 trillion", "Sh800,000"), never in a name ("N95", "P5 nations", "COP30").
    """
    letters = _GLUED_LETTERS.search(text, max(0, start - 5), start)
    if letters is None:
        return None
    word = letters.group()
    if text[letters.start() - 1 : letters.start()] == "$":
        return DOLLAR_PREFIXES.get(word.lower())  # "$US510 million", "$A20": which dollar
    code = _GLUED_CURRENCIES.get(word) or (word if word in ISO_CODES else None)
    if code is None:
        return None
    if (len(word) == 1 or word in ISO_CODES) and not (
        _sum_follows(text, end)
        or _MONEY_NOUN_AFTER.match(text, end)
        or _PRICE_NAMED_BEFORE.search(text, max(0, letters.start() - _PRICE_REACH), letters.start())
        or _sign_used_for_sums(text, word, letters.start())
    ):
        return None
    return code


def _sum_follows(text: str, end: int) -> bool:
    """Whether the digits ending at `end` are a sum: decimals, thousands groups, a scale word,
    or a price's unit ("P41 per kilo") or a range with the sign at both ends."""
    return bool(_SUM_AFTER.match(text, end) or _PRICE_AFTER.match(text, end, end + 24))


# "P25 increase", "R20 per hour", "P200 daily minimum wage": a bare figure after a letter sign
# is a sum when a word of money or a wage's period follows it.
_MONEY_NOUN_AFTER = re.compile(
    r"[ \u00a0](?:(?:daily|monthly|weekly|yearly|annual|hourly|an?|per)[ \u00a0](?:hour|day|week|month|year)\b"
    r"|(?:daily|monthly|weekly|yearly|annual|hourly)[ \u00a0]|(?:increase|hike|rise|raise|cut|fine|fee"
    r"|bonus|allowance|wage|salary|salaries|price|subsidy|payment|pension|stipend|shortfall"
    r"|discount|rebate|levy|charge|tax|bill|loan|grant|deposit|premium|budget)s?\b)"
)


def _sign_used_for_sums(text: str, word: str, position: int) -> bool:
    """Whether the sentence around `position` writes a sum with the same letter sign ("P450
    and P420", "N86.50 ... N86"), so that this bare figure after it is a sum too. The search
    stays within a sentence's reach, so a text of many such signs is read in linear time."""
    window = max(0, position - _SIGN_REACH), position + _SIGN_REACH
    for other in _LETTER_SIGN.finditer(text, *window):
        if other.group() == word and other.start() != position:
            digits = _DIGITS.match(text, other.end())
            assert digits is not None
            if _sum_follows(text, digits.end()):
                return True
    return False


_SIGN_REACH = 200  # characters searched either side of a bare letter sign for its twin
_LETTER_SIGN = re.compile(r"(?<![^\W\d_])[A-Za-z]{1,5}(?=\d)")  # "P" in "P450", "Sh" in "Sh2"


_FEET_INCHES = re.compile(r"['’′][ ]?(?P<inches>1[01]|\d)(?:\.\d+)?(?:\"|”|″|''|′′)(?!\w)")
# "P41 per kilo", "P46 to P65": a price, or a range with the sign at both ends.
_PRICE_AFTER = re.compile(
    r" (?:per|a) (?:kilo(?:gram)?|kg|litre|liter|l|bag|tonne|ton|head)\b| (?:to|and) [A-Z]\d"
    r"|/(?:kg|kilo|l|litre|liter)\b"
)
# "farmgate prices of palay had plummeted to P15": a price named just before the figure.
_PRICE_NAMED_BEFORE = re.compile(
    r"\b(?:price|prices|cost)\b[^.;:\d]{0,40}\b(?:to|at|of|is|was|were)[ \u00a0]$"
)
_PRICE_REACH = 64
_GLUED_LETTERS = re.compile(r"(?<![^\W\d_])[A-Za-z]{1,5}$")
# Names a number completes: stock indices by their number of members ("the S&P 500 rose",
# "Nikkei 225 futures"), and makers and series whose numbers name a model, a flight or a
# body ("a Boeing 737 jet", "Flight 166", "Asteroid 7335", "a Falcon 9 rocket").
_NAMED_BY_NUMBER = re.compile(
    r"(?:(?P<index>S&P|Poor['’]s|Nikkei|ASX|CAC|DAX|MDAX|Russell|FTSE|Nifty|NIFTY|Sensex|SENSEX"
    r"|TSX|Stoxx|STOXX|IBEX|Ibex|KOSPI|Kospi|MIB|AEX|OMX|NZX|JSE|KLCI|BSE|NSE)"
    r"|\b(?:Boeing|Airbus|Embraer|Bombardier|Cessna|Antonov|Tupolev|Ilyushin|Sukhoi|Falcon"
    r"|Flight|Asteroid|Apollo|Soyuz|Gemini|Voyager|Pioneer))[ \u00a0]$"
)
# The model's own suffix goes with it: "787-9s".
_MODEL_RUN = re.compile(r"\d+(?:-\d+)?s?")
# A Boeing airliner named without its maker: "a 737 jet", "787-9s", "747 freighters".
_AIRLINER = re.compile(
    r"7[0-8]7(?:-\d{1,3}s?\b|(?:s|-\d{1,3}s?)?\s+(?:jets?|aircraft|planes?|airliners?|freighters?|MAX|Max)\b)"
)
# "over the age of 25", "between the ages of 21 and 34", "up to the age of five years".
_AGE_OF = re.compile(
    r"\bages?\s+of\s+$|\baged\s+(?:between|over|under|above|below|from)\s+$"
    # "children under 16", "those over 50 years": people named by their age
    r"|\b(?:children|kids|people|those|anyone|adults|youngsters|pupils|students|women|men"
    r"|persons|residents|individuals)\s+(?:over|under|above|below)\s+$",
    re.IGNORECASE,
)
_AGE_OF_LAST = frozenset({"of", "between", "over", "under", "above", "below", "from"})
# "over 50 years of age", "the 65-69 age group", "everyone 6 months and older": ages that
# name people, counting nothing
_AGE_GROUP_AFTER = re.compile(
    r"\s+years?\s+of\s+age\b|\s*[-–]\s*\d{1,3}\s+age[\s-]+(?:groups?|brackets?|bands?)\b"
    r"|\s+(?:years?|months?)(?:\s+old)?\s+and\s+(?:older|over|above|under|younger)\b"
)
# "the Road Transportation Act 74 of 1977", "the Criminal Procedure Act, 51 of 1977": a
# statute's number and year name it; so do a case's ("Others (27 of 2018)", "Appeal
# No.AAU 65 of 2013"), in brackets or after "No." and a court's letters.
_STATUTE_NUMBER = re.compile(
    r"(?:\bAct,?[ \u00a0]|\(|\b(?i:no)\.[ \u00a0]?(?:[A-Z]{1,5}[ \u00a0])?)$"
)
# Number plates are told apart by their last digit: "plates ending in 1 and 2", "ending with
# one and two", "a last digit of 1 or 2", "ending in one to four".
_FINAL_DIGIT_WORDS = frozenset(("in", "with", "of", "to", "and", "or"))
_FINAL_DIGIT_BEFORE = re.compile(
    r"\b(?:end(?:s|ing)?[ \u00a0]+(?:in|with)|last[ \u00a0]+digits?[ \u00a0]+(?:of|is|are))"
    r"[ \u00a0]+(?:(?:\d|[a-z]{3,5}),?[ \u00a0]+(?:and|or|to)?[ \u00a0]*)*$"
)
# The second end of a range of hours: "from 7 to 11 p.m.", "9-5pm", "between 3 and 4 pm".
_HOUR_RANGE_END = re.compile(
    r"[ \u00a0]*(?:to|until|till|and|-|–)[ \u00a0]*\d{1,2}(?:[:.][0-5]\d)?[ \u00a0]*[aApP]\.?[mM](?![^\W\d_])"
)


def _may_name_final_digit(text: str, start: int) -> bool:
    """A cheap test first: "end" or "digit" within reach before the figure."""
    window = text[max(0, start - 60) : start]
    return "end" in window or "digit" in window


_HOUR_RANGE_JOINS = frozenset("tua-–")  # the joins' first characters


# A subsection in brackets against the figure makes it a section's number: "41(1)(a)".
_SUBSECTION = re.compile(r"(?:\((?:\d{1,3}|[a-z]{1,4})\))+")
_STATUTE_YEAR = re.compile(r"[ \u00a0]+of[ \u00a0]+\d{4}\b(?![’'])")


def _words(spaced: str) -> frozenset[str]:
    """A vocabulary written as one space-separated string."""
    return frozenset(spaced.split())


class _Tok(NamedTuple):
    """A token of the text: kind is "num", "word" or "sym"."""

    kind: str
    text: str
    start: int
    end: int
    lower: str  # `text` lower-cased once: most checks compare lower-cased words


@dataclass(slots=True)
class _Value:
    """A figure as read: its value and what was attached to it."""

    value: Decimal
    start: int
    end: int
    digits: str | None = None  # the figure as written, digits only; None for words
    grouped: bool = False  # "1,200": thousands separators or decimals were written
    scaled: bool = False
    scale: Decimal = Decimal(1)  # what a scale word multiplied the written figure by
    vague: bool = False  # "hundreds of": an open lower bound
    one_word: bool = False  # the bare word "one", possibly a pronoun
    unit: str | None = None  # attached ("5km", "1.5C") or written marker ("%", "EUR")
    takes_of: bool = False  # "hundreds of people": the noun follows "of"
    capitalised_word: bool = False
    proportion: bool = False  # "two thirds of", "one in three": a share, counting no unit
    bare_dollar: bool = False  # "20 dollars": a dollar no country names
    bound: str | None = None  # "500+", "3 or more": a bound written after the figure
    age_band: bool = False  # "in his 30s": the ten years from the figure


@dataclass(slots=True)
class _Prefix:
    """What precedes a figure: currency, bound, range opener, context words."""

    start: int
    first: int | None = None  # index of the first look-back token the prefix takes
    currency: str | None = None
    bound: str | None = None  # "low" (more than), "high" (up to)
    approximate: bool = False
    between: bool = False
    from_: bool = False
    label: bool = False  # "No.", "Article", "#": the figure is a designation
    month: bool = False  # "November 3"
    plus: bool = False  # "+44 …": a phone number
    previous: str = ""  # the word just before, lower-cased
    previous_capitalised: bool = False
    sentence_start: bool = True
    name_like: bool = False  # "iPhone", "SEA-ME-WE": a name before the figure wherever it is
    negative: bool = False  # "minus 5 degrees"
    bare_dollar: bool = False  # "$5": a dollar no country names
    scale: int = 1  # "€m 127.5": a scale written with the currency before the figure


class _Rejected(Exception):
    """Not a quantity; parsing resumes at `resume`."""

    def __init__(self, resume: int) -> None:
        super().__init__(resume)
        self.resume = resume


# --- vocabularies -----------------------------------------------------------

_LOW_BOUNDS = {
    ("more", "than"), ("over",), ("above",), ("at", "least"), ("upwards", "of"),
    ("in", "excess", "of"), ("exceeding",), ("no", "fewer", "than"), ("no", "less", "than"),
    ("greater", "than"), ("well", "over"), ("just", "over"), ("well", "above"),
    ("a", "minimum", "of"), ("minimum", "of"), ("north", "of"), ("some", "more", "than"),
    ("well", "in", "excess", "of"), ("beyond",), ("surpassing",), ("topping",),
    ("exceeded",), ("exceeds",), ("exceed",), ("surpassed",), ("topped",), ("tops",),
    ("well", "past"), ("just", "past"), ("longer", "than"), ("higher", "than"),
    ("larger", "than"), ("bigger", "than"), ("older", "than"), ("as", "little", "as"),
    ("as", "few", "as"),
    ("≥",), ("⩾",), (">",), (">", "="), ("not", "less", "than"), ("no", "less", "than"),
    # a negated fall: "could not ... nor fall below 2 percent" is at least 2
    ("not", "below"), ("not", "fall", "below"), ("nor", "fall", "below"), ("never", "below"),
    ("not", "drop", "below"), ("not", "go", "below"), ("never", "fall", "below"),
    ("not", "falling", "below"),
    ("crosses",), ("crossed",), ("crossing",),  # "the temperature crosses 40 degrees"
    ("surpass",), ("surpasses",), ("blew", "past"), ("shot", "past"), ("surged", "past"),
    ("soared", "past"), ("raced", "past"), ("sailed", "past"),  # "Gold blew past $4,300"
}  # fmt: skip
_HIGH_BOUNDS = {
    ("up", "to"), ("less", "than"), ("fewer", "than"), ("under",), ("below",),
    ("nearly",), ("almost",), ("as", "many", "as"), ("as", "much", "as"), ("no", "more", "than"),
    ("just", "under"), ("at", "most"), ("a", "maximum", "of"), ("maximum", "of"),
    ("not", "more", "than"), ("just", "below"), ("well", "under"), ("well", "below"),
    ("shy", "of"), ("just", "shy", "of"), ("up", "to", "around"), ("barely",),
    ("≤",), ("⩽",), ("<",), ("<", "="), ("not", "more", "than"),
    ("not", "exceeding"), ("not", "to", "exceed"), ("not", "over"), ("not", "above"),
    ("no", "higher", "than"), ("not", "higher", "than"), ("no", "greater", "than"),
    ("not", "greater", "than"), ("capped", "at"), ("upto",), ("shorter", "than"),
    ("restricted", "to"), ("limited", "to"), ("maximum", "capacity", "of"),
    ("lower", "than"), ("smaller", "than"), ("younger", "than"), ("as", "high", "as"),
    ("tops", "out", "at"), ("topping", "out", "at"), ("topped", "out", "at"),
    # a negated excess: "could not exceed 5 percent" is at most 5
    ("not", "exceed"), ("nor", "exceed"), ("never", "exceed"), ("cannot", "exceed"),
    ("not", "exceeding", "the"), ("shall", "not", "exceed"),
    ("not", "crossed"), ("not", "cross"), ("never", "crossed"),  # "has not crossed 25 million"
}  # fmt: skip
_APPROXIMATE = {
    ("about",), ("around",), ("roughly",), ("some",), ("approximately",), ("an", "estimated"),
    ("estimated",), ("circa",), ("approx",), ("c",), ("about", "some"), ("some", "estimated"),
    ("around", "about"), ("an", "approximate"), ("an", "average", "of"), ("average", "of"),
    ("on", "average"), ("or", "so"), ("close", "to"),  # "close to 30C": about, either side
}  # fmt: skip
_PREFIX_KINDS: dict[tuple[str, ...], str] = dict(
    [(p, "low") for p in _LOW_BOUNDS]
    + [(p, "high") for p in _HIGH_BOUNDS]
    + [(p, "approx") for p in _APPROXIMATE]
)
_PARTITIVE_DETERMINERS = frozenset(
    {"the", "its", "their", "these", "those", "his", "her", "our", "them"}
)
_PREPOSITION_BOUNDS = frozenset({"over", "under", "above", "below"})
_PRONOUN_ONE_CONTEXT = _words("no any every the this that which each another someone anyone")
_BARE_WORD_DETERMINERS = frozenset({"the", "these", "those", "all", "both", "net", "its", "their"})
_PERCENT_REACH = 120
_AUXILIARIES = frozenset({"had", "have", "has", "were", "was", "are", "is"})
_FORECAST_VERBS = _words(
    "expected forecast predicted estimated anticipated projected pencilled penciled"
)
_AGE_WORDS = frozenset({"aged", "age", "ages"})
# "aged 11-25", "aged 6 months to 17 years old": an age band, the ages named in any unit
_AGE_BAND = re.compile(
    r"(?:\s+(?:months?|weeks?|years?))?\s*(?:[-–]|to|and)\s*\d{1,3}(?!\d)"
    r"(?:\s+(?:months?|years?)(?:\s+old)?)?"
)
_RANGE_VERBS = frozenset(
    {"range", "ranges", "ranging", "ranged", "vary", "varies", "varying", "varied"}
)
_PHRASE_ENDINGS = frozenset(phrase[-1] for phrase in _PREFIX_KINDS)
# Words that, last before a figure, may open a prefix: a phrase, "the" to reach
# across ("below the 95%"), a range opener.
_PREFIX_LAST_WORDS = _PHRASE_ENDINGS | {"the", "between", "from", "minus"} | _LOWER_CODES
_MONTHS = _words(
    "january february march april may june july august september october november "
    "december jan feb mar apr jun jul aug sep sept oct nov dec"
)
# Month names capitalised, longest first ("June" before "Jun").
_MONTH_NAME = "|".join(sorted((m.capitalize() for m in _MONTHS), key=len, reverse=True))
# "from July 6 to 9", "on April 12, May 3 and 8": the second day of a month written once.
_MONTH_DAY_THEN = re.compile(
    r"\b(?:"
    + _MONTH_NAME
    + r")\.?[ \u00a0]\d{1,2}(?:st|nd|rd|th)?,?[ \u00a0](?:to|and|through|until|-|–)[ \u00a0]$"
)
# "on day 2", "Day 1 of bidding": a day numbered from an event ("every day 300 people" counts).
_NUMBERED_DAY = re.compile(
    r"(?:\b(?:on|of|by|from|until|till|since|through|after|before)[ \u00a0]+day|\bDAY|\bDay)"
    r"[ \u00a0]+$"
)
_DAY_JOINERS = frozenset({"to", "and", "through", "until"})
# The further parts of a designation's number: "2024-41", "25-3847", "148-10/11".
_DESIGNATION_PARTS = re.compile(r"(?:[-/][0-9]+[A-Za-z]?)*")
# Labels of papers whose numbers run on in parts ("a series 66-64-6" is a record, not one).
_NUMBERED_PAPERS = _words("no nos nr number resolution ordinance decree docket directive act")
_LABELS = _words(
    "no nos nr number article section chapter paragraph clause page resolution flight "
    "route room level phase category grade stage season episode version v item rule line "
    "gate platform terminal block lot ward district precinct unit division regiment "
    "brigade battalion squadron highway road interstate channel formula apollo vol volume "
    "part act annex protocol amendment directive model type mark mk series psalm port "
    "exit suite apartment apt ext extension footnote fig figure table ordinance decree docket "
    "exhibit appendix schedule class reference ref marker round code step term auction"
)
# Before a bare four-digit figure these make it a year even when a noun follows.
_YEAR_CONTEXT = _words(
    "in since by until till before after during from of between and to year years fiscal "
    "fy mid early late end spring summer autumn fall winter through circa around the "
    "until since than season class"
)
# Nouns a year modifies ("1990 levels", "2024 budget"): the figure stays a year.
_YEAR_NOUNS = _words(
    "levels level prices figures figure election elections budget budgets census season "
    "rates standards values terms baseline agreement accord crisis war olympics games "
    "world campaign summit report survey law deadline target targets emissions "
    "presidential general parliamentary net sales revenue revenues results earnings profit "
    "profits guidance outlook forecast tournament championships festival output outputs "
    "wages totals averages estimates"
)
_MEASURE_HEADS = _words(
    "tonnes tons tonne ton barrels barrel litres liters litre liter gallons gallon "
    "kilograms kilogram kg kilos grams pounds lbs ounces oz cubic bcm metres meters "
    "hectares acres bags sacks boxes crates containers cans bottles cups doses rounds "
    "pieces units tanks tankers truckloads trucks loads shipments cartons packs megawatts "
    "gigawatts kilowatts mw gw kw mwh gwh twh kwh cords bushels bales shells cases square"
)
# Containers, whose of-phrase is what they count ("500 bags of rice"). A unit of measure
# never takes one: in "5 tonnes of steel" the unit is the tonne, steel the stuff measured.
_OF_TAKING = _words(
    "bags sacks boxes crates containers cans bottles cups doses rounds pieces tankers "
    "truckloads loads shipments cartons packs bales shells"
)
_ATTACHED_UNITS = _words(
    "km kg mw gw kw kwh mwh gwh twh mph kph kmh ha cm mm ml l t tn mt bcm ft lb lbs oz gb tb "
    "mb hz ghz mhz kv v x g sq km2 m2 m3 w"
)
_TIME_ZONES = _words("gmt utc cet cest bst est edt pst pdt cst msk eet eest hrs")
_PERIODS: dict[str, Per] = {
    "second": "second", "sec": "second", "s": "second", "minute": "minute", "min": "minute",
    "hour": "hour", "hr": "hour", "h": "hour", "day": "day", "d": "day", "night": "day",
    "week": "week", "wk": "week", "month": "month", "mo": "month", "quarter": "quarter",
    "year": "year", "yr": "year", "y": "year", "annum": "year", "a": "year",
}  # fmt: skip
_PERIOD_WORDS = frozenset(
    {"second", "minute", "hour", "day", "night", "week", "month", "quarter", "year", "annum"}
)
_RATE_ADVERBS: dict[str, Per] = {
    "daily": "day", "nightly": "day", "weekly": "week", "monthly": "month",
    "quarterly": "quarter", "yearly": "year", "annually": "year", "hourly": "hour",
    "a-day": "day", "a-year": "year", "per-day": "day", "pa": "year",
}  # fmt: skip
_RATE_OPENERS = frozenset({"per", "a", "an", "each", "every"})
# Rate words that are adjectives too ("weekly cases"), and the words a rate is followed by.
_RATE_ADJECTIVES = frozenset(
    {"daily", "weekly", "monthly", "yearly", "hourly", "quarterly", "nightly"}
)
_AFTER_RATE_ADVERB = _words(
    "to by in for from at on since until and or with over between per each until than "
    "as across under after before during while when if but so until"
)
_DATE_PERIODS = frozenset({"day", "night", "week", "month", "quarter", "year", "annum"})
# Every word that can open a rate, directly or past "more": a cheap gate before parsing one.
_RATE_STARTS = frozenset(_RATE_ADVERBS) | _RATE_OPENERS | {"/", "more", "less", "extra"}
# "£12 a month on their bills" is a rate; "a week on Monday" a date.
_ON_A_NOUN = re.compile(
    r"[ \u00a0]+on[ \u00a0]+(?:their|its|his|her|your|our|the|each|every|all)\b"
)
# "a year ago" is a date, not a rate.
_NOT_RATE_AFTER = frozenset({"ago", "earlier", "later", "before", "after", "prior", "on", "or"})
# Durations a date expression consumes ("within two weeks", "the past two decades"); minutes
# and hours are not dates, except in a rolling span ("over the next 48 hours").
_DURATION_UNITS = _words(
    "day days week weeks fortnight fortnights month months year years decade decades"
)
_ROLLING_ONLY = _words("hour hours quarter quarters")
# Not "after": "lost 14.9% after 68 weeks" counts a span that no date reading takes.
_DATE_OPENERS = frozenset({"within", "next", "past", "last", "coming", "previous"})
_ROLLING_OPENERS = frozenset({"next", "past", "last", "coming", "previous"})
# "Six months later" counts a span from an event the sentence may not date: a quantity.
_DATE_CLOSERS = frozenset({"ago", "hence"})
# "two years back" is "two years ago": a date (dates.py reads the same pattern)
_BACK_AS_AGO = re.compile(rf"[ \u00a0]+{BACK_AS_AGO}\b", re.IGNORECASE)
_SCORE_WORDS = _words(
    "win wins victory victories defeat defeats loss losses draw draws lead scoreline "
    "thrashing drubbing rout triumph comeback aggregate home away penalties shootout"
)
_STOP = (
    _words(  # determiners, pronouns and conjunctions
        "a an the this that these those its their his her our my your it they we he she you i "
        "them us him and or but nor so yet while whereas because if when where which who whom "
        "whose what than as both either neither all any each every some such no not "
        # prepositions
        "in on at by for from to with without into onto over under across against since until "
        "during per after before between through via within about around among amid amidst "
        "despite toward towards near off out up down of upon along beyond behind inside outside "
        "like unlike including excluding plus minus versus vs "
        # auxiliaries and common verbs
        "is are was were be been being am has have had do does did will would shall should can "
        "could may might must said says say told tell became become becomes remain remains "
        "remained rose fell rise rises fall falls increased decreased went go goes came come got "
        "get make makes made take takes took gave give saw see sees need needs needed want wants "
        "plan plans planned hit hits left leave leaves cost costs put set reached reach reaches "
        "killed died injured wounded arrived fled joined took used using "
        # verbs whose -s form reads as a plural: "Turbo 5 comes in two colours", "Term 3 begins"
        "comes begins concludes commences continues follows requires allows seems appears "
        "brings includes means "
        # adverbs and time words
        "also only just still already now then today yesterday tomorrow tonight overnight last "
        "next ago earlier later again even never ever almost nearly roughly respectively apiece "
        "total overall far too very more most less least much many few several own "
        "monday tuesday wednesday thursday friday saturday sunday weekend morning evening "
        "afternoon night this percent cent"
    )
    | _MONTHS
)
_LEADING_MODIFIERS = frozenset({"more", "fewer", "less"})
_IRREGULAR_PLURALS = _words(
    "people children men women police personnel staff cattle sheep fish aircraft "
    "livestock infantry deer data media feet teeth mice geese crew clergy poultry swine "
    "troops offspring spacecraft hovercraft militia youth kin folk oxen lice dice"
)
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "'s", "’s", "ous", "ics")
_UNCOUNTED_S = frozenset({"news", "gas", "lens"})  # "1,000 news articles": no plural head
_CELSIUS = frozenset({"celsius", "centigrade", "c"})
_FAHRENHEIT = frozenset({"fahrenheit", "f"})

# --- issue 12: units of measure, fractions, signs, comparatives ---------------------

_VULGAR_FRACTIONS: dict[str, Decimal] = {
    "½": Decimal(1) / 2, "⅓": Decimal(1) / 3, "⅔": Decimal(2) / 3, "¼": Decimal(1) / 4,
    "¾": Decimal(3) / 4, "⅕": Decimal(1) / 5, "⅖": Decimal(2) / 5, "⅗": Decimal(3) / 5,
    "⅘": Decimal(4) / 5, "⅙": Decimal(1) / 6, "⅚": Decimal(5) / 6, "⅛": Decimal(1) / 8,
    "⅜": Decimal(3) / 8, "⅝": Decimal(5) / 8, "⅞": Decimal(7) / 8,
}  # fmt: skip
# "two thirds of", "a quarter of": the denominator words of a spoken fraction.
_DENOMINATORS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8,
    "tenth": 10, "tenths": 10, "fourth": 4, "fourths": 4,
}  # fmt: skip
# "one third (34%) of charities": a restatement in brackets between a share and its "of".
# "over half (58%) reported": a percentage in brackets shows the word is a share.
_RESTATED_SHARE = re.compile(
    r"[ \u00a0]*\((?:[^()\n]{1,16}\)(?=[ \u00a0]+of\b)|\d{1,2}(?:\.\d+)?[ \u00a0]?(?:%|per ?cent)\))"
)
# "2 1/2", "3-1/2": after the whole part
_MIXED_FRACTION = re.compile(r"[ -](\d)/(\d{1,2})(?![\d/])")
_SLASH_FRACTION = re.compile(r"/(\d{1,2})(?![\d/.])")  # "1/2 cup": after the numerator
# "1.8m tall": after these an attached "m" is metres, not million.
_LENGTH_ADJECTIVES = _words("tall high long deep wide away thick across wingspan")
_CENTIMETRES_AFTER = re.compile(r"[ \u00a0]\d{1,2} ?cm\b")  # "1m 63cm"
# "N or more", "N or fewer": a bound written after the figure.
_SUFFIX_BOUNDS: dict[str, str] = {
    "more": "low", "over": "low", "above": "low", "higher": "low", "greater": "low",
    "longer": "low", "older": "low", "less": "high", "fewer": "high", "under": "high",
    "below": "high", "lower": "high", "shorter": "high", "younger": "high",
    "colder": "high", "cooler": "high", "warmer": "low", "hotter": "low",
}  # fmt: skip
# "a BMI of 30 and higher", "children 12 and up": the same bounds joined by "and".
_AND_BOUNDS = {
    "higher": "low", "above": "low", "over": "low", "up": "low", "older": "low",
    "greater": "low", "below": "high", "under": "high", "lower": "high", "younger": "high",
}  # fmt: skip
_AND_BOUND_NOT_BEFORE = _words("than to the a an this that these those his her their its our")
# Words after a hyphen that make "a 600-strong force" an adjective, not a count of a unit.
_HYPHEN_NOT_UNITS = _words(
    "strong odd plus something somethings ish fold times percent per and or to for of on up "
    "in out off nil all present now today onwards era style"
)
# A length, weight or sum written in two units: "5 ft 10 in", "3 dollars 50 cents".
_COMPOUND_PARTS: dict[str, tuple[frozenset[str], Decimal]] = {
    "ft": (frozenset({"in", "ins", "inch", "inches"}), Decimal(12)),  # "5ft 8ins"
    "foot": (frozenset({"in", "ins", "inch", "inches"}), Decimal(12)),
    "pound": (frozenset({"oz", "ounce", "ounces"}), Decimal(16)),
    "lb": (frozenset({"oz", "ounce", "ounces"}), Decimal(16)),
    "stone": (frozenset({"lb", "lbs", "pound", "pounds"}), Decimal(14)),
    "st": (frozenset({"lb", "lbs", "pound", "pounds"}), Decimal(14)),  # "15st 10lb"
    "hour": (frozenset({"minute", "minutes", "min", "mins"}), Decimal(60)),
    "hours": (frozenset({"minute", "minutes", "min", "mins"}), Decimal(60)),
    "km": (frozenset({"m"}), Decimal(1000)),  # "42km 195m"
    "m": (frozenset({"cm"}), Decimal(100)),  # "1m 63cm"
    "mi": (frozenset({"yd"}), Decimal(1760)),  # "26mi 385yd"
    "minute": (frozenset({"second", "seconds", "sec", "secs"}), Decimal(60)),
    "minutes": (frozenset({"second", "seconds", "sec", "secs"}), Decimal(60)),
    "year": (frozenset({"month", "months"}), Decimal(12)),  # "one year and 10 months"
    "years": (frozenset({"month", "months"}), Decimal(12)),
}
_PART_FIGURE = re.compile(r"\d+(?:\.\d+)?")
_NO_COMMA_COMPOUNDS = frozenset(
    {"hour", "hours", "year", "years"}
)  # compounds never joined by a comma
_SUBUNITS = frozenset({"cents", "cent", "pence", "p", "kopecks", "paise", "centimes"})
# After "won" these make it the verb: "42,000 won the eight-hour day", "3 won gold".
_WON_OBJECTS = _words(
    "the a an their his her its our by over out back gold silver bronze seats votes awards "
    "medals titles games matches races"
)
# "for 13 to 18 year olds", "5-year-olds": an age group, which counts no one.
_YEAR_OLDS = re.compile(r"(?:\s*(?:to|-|–)\s*\d{1,2})?[\s-]+year[\s-]+olds\b")
_SUBUNIT_END = re.compile(rf"\b(?:{'|'.join(_ALONE_SUBUNITS)})$", re.IGNORECASE)
_MINOR_CURRENCY_WORDS = frozenset({"dollar", "dollars", "euro", "euros", "pounds", "rupees"})
_WEIGH_WORDS = _words("weigh weighs weighed weighing weight lost gained")
_STREET_WORDS = _words(
    "street st road rd avenue ave lane ln boulevard blvd drive dr way place terrace court "
    "crescent close parkway highway strasse"
)
_BOUND_SYMBOLS = frozenset({"≥", "≤", ">", "<", "⩾", "⩽"})
# Dimensions of the markers the extractor writes itself (units.json has the measures).
_PERCENT_WORDS = frozenset({"percent", "per-cent", "pct"})
_MARKER_DIMENSIONS = {"%": "percent", "pp": "percent", "°C": "temperature", "°F": "temperature"}
_TIMES = frozenset({"times", "x"})
_SUFFIX_OPENERS = frozenset({"or", "+"})
_AFTER_FIGURE = _SUFFIX_OPENERS | {
    "in",
    "and",
    "but",
    "of",
    "out",
}  # connectors the issue-12 readers take
_SYMBOL_MARKERS = frozenset(CURRENCY_SYMBOLS) | {"°"}
# "one thing", "one way": "one" before these counts nothing a fact-checker could check.
_VAGUE_SINGULARS = _words(
    "thing way reason problem question issue point side hand part example option aspect "
    "factor sort kind type step thought idea"
)
_RATIO_NOT_AFTER = _words("minutes minute seconds hours days weeks months years goals games")
# Measures of stuff, which an of-phrase may follow ("tonnes of steel"); a time takes none.
_STUFF_DIMENSIONS = frozenset({"length", "mass", "area", "volume", "energy", "power", "data"})
_INDIAN_SCALES = {
    "lakh": 100_000,
    "lakhs": 100_000,
    "lac": 100_000,
    "crore": 10**7,
    "crores": 10**7,
}
_PLURAL_SCALES = {"millions": 10**6, "billions": 10**9, "trillions": 10**12}
_THOUSANDS_GROUPS = re.compile(r"\d{1,3}(?:,\d{3})+(?![\d,]|\.\d)")  # "+43,000", no phone
_RUPEES_BEFORE = re.compile(r"(?:\bRs\.?|₹|\bINR)[ \u00a0]?$")
# "€m 127.5", "£bn 3": a scale glued to the currency symbol before the figure (reports).
_PREFIX_SCALES = {"m": 10**6, "mn": 10**6, "bn": 10**9, "b": 10**9}
# The country word written before a "$" ("Australian $300m", "Hong Kong $5").
_DOLLAR_ADJECTIVES = {
    "australian": "AUD", "canadian": "CAD", "kong": "HKD", "zealand": "NZD",
    "singapore": "SGD", "taiwan": "TWD", "mexican": "MXN", "brazilian": "BRL",
}  # fmt: skip
# "the year of our Lord …", "in 1753": a year before 1800 needs a year word before it.
_OLD_YEAR_MIN = 1000
_POSSESSIVES = _words("his her their my your our")
# "Q2 24", "H1 23": a quarter or a half, then a two-digit year (checked at start - 3).
_PERIOD_CODE = re.compile(r"(?<![\w])(?:Q[1-4]|H[12]) ")
_SIGN_BEFORE = frozenset(" \t\n\u00a0([:~")  # what may precede a minus sign ("to -5")
_LOWER_WORD = re.compile(r"[a-z]+")
_PER_CENT = re.compile(r"per-cent")
_HYPHEN_TAIL = re.compile(r"[-‑](?:old|long|wide|high|tall|deep|thick)\b")
# dimension, SI factor and offset of each unit label seen: one dict lookup per quantity.
_dimension_cache: dict[str, tuple[str | None, UnitEntry | None]] = {}
_NO_DIMENSION: tuple[str | None, UnitEntry | None] = (None, None)


# --- the scan ----------------------------------------------------------------


def find_quantities(
    text: str, *, dollar: str | None = None, budget: ReadingBudget | None = None
) -> list[Quantity]:
    """Every quantity in `text`, in order, with offsets into `text`.

    A dollar no country names ("$5", "20 dollars") is `dollar` when the caller
    knows the outlet's ("CAD", or "USD" for a US paper); without one it is USD,
    flagged `ambiguous`. With a `budget` (density.py), at most `budget.left`
    figures are tried, and those tried are spent.
    """
    global _token_table
    _token_table = (text, {})
    try:
        found = _scan(text, budget)
    finally:
        _token_table = ("", {})  # the tokens of one text are no use for the next
    if dollar is not None:
        found = [_resolve_dollar(q, dollar) if q.ambiguous else q for q in found]
    if " below " in text:  # a cheap test first
        found = _below_zero(text, found)
    found = _reread(text, found, dollar)
    if any(map(text.__contains__, _FREQUENCY_HINTS)):
        found = _frequencies(text, found)
    if any(q.unit is None for q in found):
        found = _elided_units(text, found)
    return found


# "twice weekly", "once a year", "a 4X-weekly service", "almost twice its monthly rainfall":
# how many times, no digit or number word to anchor on (substring hints gate the regex).
_FREQUENCY_HINTS = ("wice", "hrice", "once", "Once", "x-", "X-")
_FREQUENCY = re.compile(
    r"(?<![\w-])(?:(?P<word>[Oo]nce|[Tt]wice|[Tt]hrice)|(?P<digits>\d{1,2})[xX])"
    r"(?:[ -](?P<adverb>daily|weekly|monthly|quarterly|yearly|annually|hourly)"
    r"|[ ](?:a|an|per|each|every)[ ](?P<period>day|week|month|year|hour))?(?![\w-])"
)
_FREQUENCY_VALUES = {"once": 1, "twice": 2, "thrice": 3}
_FREQUENCY_BEFORE = re.compile(r"(?:^|\s)((?:[a-z]+\s+){0,2}[a-z]+)\s+$")
_TIMES_X = frozenset({"X", "x"})  # "4X" as the scan reads it before "-weekly"


def _frequencies(text: str, found: list[Quantity]) -> list[Quantity]:
    """Add "twice"/"thrice" (and "once", "4X" before a rate) as a count of `times`."""
    added: list[Quantity] = []
    for match in _FREQUENCY.finditer(text):
        per = _RATE_ADVERBS.get(match["adverb"] or "") or _PERIODS.get(match["period"] or "")
        word = (match["word"] or "").lower()
        if per is None and word in ("", "once"):
            continue  # "once the vaccine is approved", "4X": no count of times
        start, end = match.span()
        clash = [q for q in found if q.start < end and start < q.end]
        if clash and not (match["digits"] and clash == [q for q in clash if q.unit in _TIMES_X]):
            continue  # already read as something else
        value = float(_FREQUENCY_VALUES[word] if word else int(match["digits"]))
        low: float | None = value
        high: float | None = value
        bound = None
        before = _FREQUENCY_BEFORE.search(text, max(0, start - 30), start)
        if before is not None:
            words = tuple(before[1].lower().split())
            for size in (3, 2, 1):
                bound = _PREFIX_KINDS.get(words[-size:]) if len(words) >= size else None
                if bound is not None:
                    if bound != "approx":  # the bound's words open the quantity's text
                        start = before.start(1) + sum(len(w) + 1 for w in words[:-size])
                    break
        if bound == "low":
            high = None
        elif bound == "high":
            low = None
        found = [q for q in found if q not in clash]
        dimension, _ = _dimension_cache.get("times") or _dimension("times")
        added.append(
            Quantity(
                low, high, "times", per, text[start:end], start, end, bound is not None, dimension
            )
        )
    if not added:
        return found
    return sorted([*found, *added], key=lambda q: q.start)


_NUMBER_OF = re.compile(r"\bnumbers?\s+of\s+((?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*)")
_ELIDED_REACH = 80  # characters between a bare figure and the figure it compares with


def _elided_units(text: str, found: list[Quantity]) -> list[Quantity]:
    """Units a sentence writes once: "the number of deals … totaling 39, compared with 29"
    (both count deals); "28 or 29 days"; "to 882 cities from 400" (400 cities too: the change's old value,
    as in "from 1.42 to 1.58 euros"). Only "from" borrows so: "52 people were killed and
    273 injured" leaves 273 without a unit."""
    counted = _NUMBER_OF.search(text) if "number" in text else None  # a cheap test first
    noun = _counted_noun(counted.group(1)) if counted else None
    result: list[Quantity] = []
    for index, quantity in enumerate(found):
        following = found[index + 1] if index + 1 < len(found) else None
        if (
            quantity.unit is None
            and following is not None
            and following.unit is not None
            and text[quantity.end : following.start] == " or "
            # "as much as 15 or 17 inches": a bounded first alternative too
            and (_is_bare_figure(quantity) or _is_bare_figure(replace(quantity, low=quantity.high)))
        ):
            # "28 or 29 days": the first of two alternatives takes the unit written once
            quantity = replace(_relabel(quantity, following.unit), per=following.per)
        if (
            following is not None
            and following.unit is not None
            and _is_dimension_pair(text, quantity, following)
        ):
            quantity = _relabel(quantity, following.unit)  # "182.9 by 182.9 cm": a size
        if (
            quantity.unit is None
            and (money := _money_before(result, text, quantity)) is not None
            and _ELIDED_MONEY.search(text[max(0, quantity.start - 24) : quantity.start])
        ):
            # "rose to 59.9 million euros from a loss of 11.9 million": the currency
            # written once, for a scaled sum that a money word introduces
            quantity = _relabel(quantity, money)
        if quantity.unit is None and _is_bare_figure(quantity):
            previous = result[-1] if result else None
            gap = text[previous.end : quantity.start] if previous is not None else ""
            if (
                previous is not None
                and previous.unit is not None
                and len(gap) <= _ELIDED_REACH
                and not _CLAUSE_END.search(gap)
                and quantity.text[:5].lower() == "from "  # the prefix read with the figure
                and not _change_in_percent(text, previous)
            ):
                quantity = replace(_relabel(quantity, previous.unit), per=previous.per)
            elif (
                following is not None
                and following.unit is not None
                and _OUT_OF.fullmatch(text, quantity.end, following.start)
            ):
                quantity = _relabel(quantity, following.unit)  # "19 out of a possible 24 weeks"
            elif (
                counted is not None
                and noun is not None
                and counted.end() < quantity.start
                # "fell by 12,000" is a change, which the counted noun does not name
                and not text[max(0, quantity.start - 3) : quantity.start].endswith("by ")
            ):
                between = text[counted.end() : quantity.start]
                if not _CLAUSE_END.search(between) and all(
                    q.unit in (None, noun) for q in result if q.start > counted.end()
                ):
                    quantity = _relabel(quantity, noun)
        result.append(quantity)
    return result


_CLAUSE_END = re.compile(r"[.!?;]\s")
_LEVEL_BEFORE = re.compile(r"\b(?:to|at|of)\s+$")


def _change_in_percent(text: str, quantity: Quantity) -> bool:
    """ "rose 13% from 11,911": a percentage that is the change, not the level the figure
    after "from" was at (as in "fell to 4.1% from 4.3")."""
    return quantity.unit in ("%", "pp") and not _LEVEL_BEFORE.search(
        text, max(0, quantity.start - 4), quantity.start
    )


_ELIDED_MONEY = re.compile(
    r"\b(?:loss|losses|profits?|sales|revenues?|forecasts?|estimates?|earnings|income|"
    r"costs?|budget|debts?|deficit|turnover|spending)\s+(?:of\s+|at\s+|to\s+|was\s+|were\s+)?$",
    re.IGNORECASE,
)
# "nine out of ten Ontarians": out of ten or a hundred is a share; "13 out of 17 regions"
# counts two things.
_OUT_OF_TEN = re.compile(r" of (?:ten|10|a hundred|100)\b(?![,.]\d)")
_OUT_OF = re.compile(r"\s+out\s+of\s+(?:a\s+possible\s+|the\s+)?")
# Written in words at both ends it is a share too: "four out of five adults" (0.8).
_OUT_OF_WORD = re.compile(
    r" of (?:two|three|four|five|six|seven|eight|nine|eleven|twelve|twenty)\b(?![-,.]\w)"
)


def _money_before(found: list[Quantity], text: str, quantity: Quantity) -> str | None:
    """The currency of the last sum before a bare scaled figure in the same sentence."""
    if not _SCALE_WORD_END.search(quantity.text):
        return None
    for earlier in reversed(found):
        if earlier.end < quantity.start - 2 * _ELIDED_REACH:
            return None  # too far back, and earlier sums are further still
        if earlier.dimension == "money" and earlier.unit is not None:
            return None if _CLAUSE_END.search(text, earlier.end, quantity.start) else earlier.unit
    return None


_SCALE_WORD_END = re.compile(r"\d\s*(?:million|billion|trillion|bn|mn|m)$", re.IGNORECASE)


def _counted_noun(phrase: str) -> str | None:
    """The words of "number of delivery people jumped" up to the first plural noun."""
    words = phrase.split()
    for index, word in enumerate(words):
        if word in _STOP:
            return None
        if _is_plural(word):
            return " ".join(words[: index + 1])
    return None


def _is_dimension_pair(text: str, quantity: Quantity, following: Quantity) -> bool:
    """ "182.9 by 182.9 cm": the first side of a size, in the unit of length written once."""
    return (
        quantity.unit is None
        and following.dimension == "length"
        and following.low == following.high
        and text[quantity.end : following.start] == " by "
        and _is_bare_figure(quantity)
    )


def _is_bare_figure(quantity: Quantity) -> bool:
    """A figure in digits counting nothing written: no unit, no share, no year."""
    return (
        quantity.text[-1:].isdecimal()
        and quantity.low is not None
        and quantity.low >= 1
        and quantity.dimension in (None, "count")
    )


_BELOW_ZERO = re.compile(r"(?:[ \u00a0]degrees?)?[ \u00a0]below[ \u00a0](?:zero|0)\b")


def _below_zero(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "14 below zero", "10 to 20 below zero", "30 degrees below zero": figures under zero
    with the sign in words (the "0" of "below 0" is part of the figure, not one of its own)."""
    read: list[Quantity] = []
    for quantity in found:
        if read and quantity.start < read[-1].end:
            continue  # the "0" of "25 below 0"
        below = _BELOW_ZERO.match(text, quantity.end)
        if (
            below is not None
            and quantity.low is not None
            and quantity.high is not None
            and quantity.low >= 0
            and quantity.unit in (None, "°C")
        ):
            quantity = replace(
                quantity,
                low=-quantity.high,
                high=-quantity.low,
                text=text[quantity.start : below.end()],
                end=below.end(),
            )
            if quantity.unit is not None:
                quantity = _relabel(quantity, quantity.unit)
        read.append(quantity)
    return read


def _reread(text: str, found: list[Quantity], dollar: str | None) -> list[Quantity]:
    """The second readings of rereading.py: pounds of mass, Fahrenheit, metres, periods."""
    read: list[Quantity] = []
    for quantity in found:
        unit = quantity.unit
        # Cheap tests first: most quantities need no second reading at all.
        if (unit in rereading.PERIOD_UNITS or quantity.text == "half") and rereading.is_period(
            text, quantity
        ):
            continue
        if unit == "GBP":
            weight = rereading.pound_reading(text, quantity)
            if weight is not None:
                quantity = _relabel(quantity, weight, ambiguous=True)
        elif unit == "°C":
            scale = rereading.degree_reading(text, quantity, dollar=dollar)
            if scale is not None:
                quantity = _relabel(quantity, scale, ambiguous=True)
        elif (
            unit is None
            and text[quantity.end + 1 : quantity.end + 2] in ("C", "F")
            and (scale := rereading.spaced_temperature(text, quantity)) is not None
        ):
            quantity = _relabel(quantity, scale)
        elif unit is None and quantity.text[-1] == "m":
            metres = rereading.metre_reading(text, quantity)
            if metres is not None:  # "just over 2.54m": each bound in metres, not millions
                low, high = (None if v is None else v / 1e6 for v in (quantity.low, quantity.high))
                quantity = _relabel(replace(quantity, low=low, high=high), "m")

        if quantity.dimension == "frequency" and rereading.names_a_band(text, quantity):
            continue  # "the 28 GHz band": a band named by its frequency
        if quantity.dimension == "length" and rereading.within_distance(text, quantity):
            quantity = replace(quantity, low=None, si_low=None)
        if quantity.dimension == "temperature" and quantity.text.lower().startswith(
            _MEASURED_EXTREMES
        ):
            # "a maximum of 11.2C": the day's measured extreme, a value and not a bound
            value = quantity.low if quantity.low is not None else quantity.high
            quantity = replace(quantity, low=value, high=value)
        if quantity.per is not None and read and rereading.shared_rate(text, read[-1], quantity):
            read[-1] = replace(read[-1], per=quantity.per)
        if (
            unit is None
            and read
            and text[quantity.end : quantity.end + 2] in _INCH_MARKS
            and rereading.converts_a_length(text, read[-1], quantity)
        ):
            quantity = _relabel(quantity, "inch")  # "60cm (24”)": the inch mark
        if read and _restates(text, read[-1], quantity):
            continue  # "1 gigabyte (1GB)": the same figure again, in brackets
        read.append(quantity)
    return _read_distant(text, read)


_INCH_MARKS = frozenset({'")', "”)", "″)"})


def _restates(text: str, earlier: Quantity, later: Quantity) -> bool:
    """Whether `later` repeats `earlier` in brackets right after it, in another spelling of
    the same unit ("10 kilometres (10 km)"); a conversion ("5 miles (8 km)") is kept."""
    return (
        later.si_low is not None
        and rereading.bracketed(text, earlier, later)
        and (later.si_low, later.si_high, later.per)
        == (earlier.si_low, earlier.si_high, earlier.per)
        and (later.low, later.high) == (earlier.low, earlier.high)
    )


_RATE_HINTS = (
    "each",
    "very",
    "per ",
    "daily",
    "weekly",
    "monthly",
    "terly",
    "yearly",
    "hourly",
    "nnual",
)
# Rate words, lower case: a first-letter class, then the rest behind a look-back, scans an
# article several times faster than an alternation of words behind "\b".
_RATE_WORD = re.compile(
    r"[edpwmqayh](?<!\w.)(?:(?<=e)(?:ach|very)|(?<=p)er(?!\s*cent)|(?<=d)aily|(?<=w)eekly"
    r"|(?<=m)onthly|(?<=q)uarterly|(?<=a)nnual\w*|(?<=y)early|(?<=h)ourly)\b"
)


def _read_distant(text: str, found: list[Quantity]) -> list[Quantity]:
    """Rates and bounds written away from the figure: "25 kg of rice per month",
    "251 kilometers (156 miles) per hour", "as much as 40 centimeters (15 inches)"."""
    if not found:
        return found
    rated = any(map(text.__contains__, _RATE_HINTS))  # substring tests: cheaper than a regex
    brackets = "(" in text
    if not rated and not brackets:
        return found  # the common case: nothing to read further away
    rates = [m.start() for m in _RATE_WORD.finditer(text)] if rated else []
    if not rates and not brackets:
        return found
    result = list(found)
    last = len(result) - 1
    for index, quantity in enumerate(result):
        later = result[index + 1] if index < last else None
        converted = (
            brackets
            and later is not None
            and text.find("(", quantity.end, later.start) != -1
            and rereading.converts(text, quantity, later)
        )
        if converted and later is not None:
            if quantity.high is None and later.high is not None and later.low is not None:
                result[index + 1] = later = replace(later, high=None)
            elif quantity.low is None and later.low is not None and later.high is not None:
                result[index + 1] = later = replace(later, low=None)
        if (
            brackets
            and later is not None
            and (converted or quantity.dimension == later.dimension == "money")
            and rereading.bracketed(text, quantity, later)
            and quantity.per is None
            and later.per is None
            and (period := _A_PERIOD_AFTER_BRACKET.match(text, later.end)) is not None
        ):
            shared = _PERIODS[period["period"].lower()]
            result[index] = replace(quantity, per=shared)  # "570 pesos (US$10.88) a day": both
            result[index + 1] = later = replace(later, per=shared)
            continue
        if not rates or quantity.per is not None or quantity.dimension == "time":
            continue
        if converted and later is not None:
            closing = text.find(")", later.end, later.end + 3)
            after = result[index + 2].start if index + 2 <= last else len(text)
            if closing != -1:
                per = rereading.distant_rate(text, replace(quantity, end=closing + 1), after)
                if per is not None:
                    result[index] = replace(quantity, per=per)  # type: ignore[arg-type]
                    if later.per is None:
                        result[index + 1] = replace(later, per=per)  # type: ignore[arg-type]
                continue
        stop = later.start if later is not None else len(text)
        near = bisect_left(rates, quantity.start - 40)
        if near == len(rates) or rates[near] >= stop:
            continue  # no rate word near enough to be this figure's
        per = rereading.distant_rate(text, quantity, stop)
        if per is not None:
            result[index] = replace(quantity, per=per)  # type: ignore[arg-type]
    return result


_A_PERIOD_AFTER_BRACKET = re.compile(
    r"\)[ \u00a0]*(?:a|an)[ \u00a0]+(?P<period>day|week|month|year|hour)\b", re.IGNORECASE
)
_MEASURED_EXTREMES = ("a maximum of", "a minimum of", "maximum of", "minimum of")


def _relabel(quantity: Quantity, unit: str, *, ambiguous: bool = False) -> Quantity:
    """`quantity` in another unit, its dimension and SI bounds recomputed."""
    dimension, entry = _dimension_cache.get(unit) or _dimension(unit)
    return replace(
        quantity,
        unit=unit,
        dimension=dimension,
        si_low=None if entry is None else to_si(quantity.low, entry),
        si_high=None if entry is None else to_si(quantity.high, entry),
        ambiguous=ambiguous,
    )


def _resolve_dollar(quantity: Quantity, dollar: str) -> Quantity:
    """A bare-dollar quantity in the caller's dollar ("CAD"), no longer ambiguous."""
    return replace(quantity, unit=dollar, ambiguous=False)


def _scan(text: str, budget: ReadingBudget | None = None) -> list[Quantity]:
    """The quantities of `text`: parse at each anchor, resume after what was read."""
    found: list[Quantity] = []
    position = 0
    floor = 0
    parsed = 0  # the work done: one parse per anchor, whether it reads a quantity or not
    left = _UNLIMITED if budget is None else max(budget.left, 0)
    lowered = text.lower()
    # Lower-casing only ever lengthens a string ("İ"); at equal length offsets agree.
    anchors, haystack = (
        (_ANCHOR_LOWER, lowered) if len(lowered) == len(text) else (_ANCHOR_ANY_CASE, text)
    )
    haystack = " " + haystack  # the separator before a first word; offsets shift by one
    while True:
        # haystack[position] is the character before text[position]: if it is a digit,
        # it matched as one and is no anchor of this search.
        anchor = anchors.search(haystack, position)
        if anchor is not None and anchor.lastindex is None and anchor.start() == position:
            anchor = anchors.search(haystack, position + 1)
        if anchor is None or parsed == left:
            if budget is not None:
                budget.spend(parsed)
            return found
        parsed += 1
        start = anchor.start(1) - 1 if anchor.lastindex else anchor.start() - 1
        try:
            quantity, resume = _parse(text, start, floor)
        except _Rejected as rejected:
            position = max(rejected.resume, anchor.end() - 1)
            if 0 < position < len(text) and text[position].isdecimal():
                position = _past_digits(text, position)  # never read from inside a number
            continue
        if found and _closes_bound(text, found[-1], quantity):
            quantity = _closed_range(text, found.pop(), quantity)
        found.append(quantity)
        floor = quantity.end
        position = max(resume, anchor.end() - 1)


def _past_digits(text: str, position: int) -> int:
    """Where the digit run `position` is inside ends, or `position` if it starts one."""
    if not text[position - 1].isdecimal():
        return position
    return _DIGITS.match(text, position).end()  # type: ignore[union-attr]


def _closes_bound(text: str, low: Quantity, high: Quantity) -> bool:
    """ "greater than 10 kb and less than 100 kb": an upper bound in the same unit right after
    a lower one closes it (without units, `_read_upper_bound` reads the pair as one)."""
    return (
        high.low is None
        and low.high is None
        and high.unit is not None
        and high.unit == low.unit
        and high.per == low.per
        and text[low.end : high.start] in _BOUND_JOINS
    )


_BOUND_JOINS = frozenset([" and ", " but "])


def _closed_range(text: str, low: Quantity, high: Quantity) -> Quantity:
    """One range from a lower bound and the upper bound that closes it."""
    return replace(
        low,
        high=high.high,
        si_high=high.si_high,
        text=text[low.start : high.end],
        end=high.end,
        approximate=low.approximate or high.approximate,
        ambiguous=low.ambiguous or high.ambiguous,
    )


def _parse(text: str, start: int, floor: int) -> tuple[Quantity, int]:
    """The quantity whose figure starts at `start`, and where scanning resumes."""
    value = _read_value(text, start)
    if value.start < floor:  # the minus sign ends the previous quantity: not this one's sign
        value.start, value.value = start, -value.value
    prefix = _look_back(text, value.start, floor)
    if prefix.scale != 1:  # "€m 127.5": the scale was written before the figure
        value.value *= prefix.scale
        value.scale *= prefix.scale
        value.scaled = True
    _check_context(text, value, prefix)
    if prefix.negative:
        value.value = -value.value
    if value.proportion:  # "two thirds of voters": a share, whatever follows
        return _single(text, value, prefix, None, None, value.end), value.end
    cursor = _read_marker(text, value)
    connector = _token(text, cursor)
    high_value: _Value | None = None
    if connector is not None and connector.lower in _AFTER_FIGURE:  # one set test for most
        lower = connector.lower
        if (
            lower == "in"
            or (lower == "of" and _word_at(text, connector.end) == "every")
            or (
                lower == "out"
                and (
                    text.startswith(" of every ", connector.end)
                    or _OUT_OF_TEN.match(text, connector.end)
                    or (text[value.start].isalpha() and _OUT_OF_WORD.match(text, connector.end))
                )
            )
        ) and _read_ratio(text, value, connector):
            # "one in three", "two of every three", "1 out of every 22 kids", "nine out of ten"
            return _single(text, value, prefix, None, None, value.end), value.end
        if lower in _SUFFIX_OPENERS or (lower == "and" and prefix.bound is None):
            cursor = _read_suffix_bound(text, value, cursor)  # "3 or more children", "500+"
            connector = _token(text, cursor) if value.bound is None else None
        elif prefix.bound == "low" and lower in ("and", "but"):  # "above 20 and below 30"
            high_value = _read_upper_bound(text, value, prefix, connector)
            connector = None
    currency = value.unit if value.unit in ISO_CODES else prefix.currency
    if connector is not None and _opens_range(connector, prefix):
        if (
            connector.text in _DASHES
            and _is_scoreline(text, value, prefix, connector)
            and _in_sport(text, value.start, connector.end)
        ):
            return _single(text, value, prefix, None, None, value.end), connector.start
        high_value = _read_range_end(text, value, prefix, connector)
        if (
            high_value is None
            and connector.text in _DASHES
            and _is_scoreline(text, value, prefix, connector)
        ):
            return _single(text, value, prefix, None, None, value.end), connector.start
        if high_value is None and connector.text in _DASHES and value.unit is None:
            value.unit = _descending_pair_share(text, value, connector)
    if high_value is not None:
        cursor = high_value.end
        currency = currency or (high_value.unit if high_value.unit in ISO_CODES else None)
    # The unit set by markers: currency code, %, pp, °C or an attached measure.
    unit = currency if currency is not None else value.unit
    if unit is None and high_value is not None:
        unit = high_value.unit
    end = cursor
    if unit is None:
        unit, end = _read_unit(text, cursor, value)
        if unit is not None and high_value is None and value.bound is None:
            high_value, end = _read_measured_range_end(text, value, prefix, unit, end)
    elif currency is None and unit.lower() in _ATTACHED_UNITS:
        end = _read_of_phrase(text, cursor)  # "100mm of rain": the rain is not the unit
    elif unit == "GBP" and prefix.previous in _WEIGH_WORDS:
        unit = _pound_weight(text, value, unit)  # "weighs 20 pounds": mass, not sterling
    if unit == "GBP" and _OUNCES_AFTER.match(text, end):
        unit = "pound"  # "a whopping 2 pounds, 1 ounce": a weight, as the ounces show
    if unit in _COMPOUND_PARTS and high_value is None:
        larger_end = end
        end = _read_compound(text, value, unit, end)  # "5 ft 10 in"
        if (
            end != larger_end  # the compound read the minutes of the hours
            and unit in _SECONDS_AFTER_MINUTES
            and (seconds := _CLOCK_SECONDS.match(text, end))
        ):
            end = _add_seconds(value, seconds, end)
    if (
        high_value is None
        and text.startswith(" or ", end)  # a cheap test first: few units are followed by "or"
        and value.bound is None
        and prefix.bound is None
    ):
        end = _read_suffix_bound(text, value, end)  # "3 children or more"
    if unit is not None and prefix.previous == "the" and _expected_by(text, end):
        unit, end = None, value.end  # "the 75,000 economists had expected": the noun is a subject
    if unit == "basis" and text.startswith((" point", "-point"), end):
        unit, end = "basis point", end + len(" point")  # "a 25-basis point", "100-basis-point"
    if unit in ("points", "point") and _points_of_a_percentage(text, start, end):
        unit = "pp"  # "31%, nine points ahead of Labour": points beside a percentage
    if unit is not None and text.startswith("/", end):
        unit, end = _per_unit(text, unit, end)  # "38 kg/m2", "15 mg/kg every 4 hours"
    per, end = _read_rate(text, end)
    per = per or _leading_rate(text, prefix.start, floor)
    _check_whole(text, value, high_value, prefix, unit, per, end)
    if high_value is None and (unit is None or per is None):
        if prefix.from_:
            unit, per = _borrow_from_change(text, end, unit, per)
        elif prefix.previous == "to" and unit is None and text.startswith(" from ", end):
            # "rose to 108 from 61 fatalities"
            unit, per = _borrow_from_change(text, end, unit, per, connector="from")
    return _single(text, value, prefix, unit, per, end, high_value), end


def _dimension(unit: str) -> tuple[str | None, UnitEntry | None]:
    """What a unit label measures and how it converts to SI, cached per label."""
    known = _classify(unit)
    if len(_dimension_cache) < 4096:  # labels are few; a bound keeps odd input from growing it
        _dimension_cache[unit] = known
    return known


def _classify(unit: str) -> tuple[str | None, UnitEntry | None]:
    """The dimension of a unit label: a marker, money, a measure, or a counted noun."""
    if unit in _MARKER_DIMENSIONS:
        return _MARKER_DIMENSIONS[unit], lookup_symbol(unit)
    if unit in ISO_CODES or unit in currency_codes():
        return "money", None
    if unit.lower() in _TIMES:
        return "ratio", None
    entry = lookup(unit.split(" of ", 1)[0])  # "tonne of steel" measures as "tonne"
    if entry is not None:
        return entry.dimension, entry
    if "/" in unit and (entry := _quotient(unit)) is not None:
        return entry.dimension, entry
    return "count", None


def _denominator(word: str) -> UnitEntry | None:
    """The unit under a slash; "t" is a tonne only there, in a grade ("1.18g/t")."""
    return lookup("tonne" if word == "t" else word)


def _quotient(unit: str) -> UnitEntry | None:
    """ "kg/m2" measures mass per area and converts to kg/m² (as _per_unit reads it)."""
    top, _, bottom = unit.partition("/")
    upper, lower = lookup(top), _denominator(bottom)
    if upper is None or lower is None or upper.offset or lower.offset:
        return None
    dimension = f"{upper.dimension}/{lower.dimension}"
    return UnitEntry(unit, dimension, upper.factor / lower.factor, 0.0)


def _leading_rate(text: str, start: int, floor: int) -> Per | None:
    """A rate opening the sentence: "Each year, air pollution contributes to 30,000 deaths"."""
    window = max(floor, start - _LEADING_RATE_REACH)
    if text.find("ach ", window, start) < 0 and text.find("very ", window, start) < 0:
        return None  # a cheap test first: few sentences open with "Each" or "Every"
    matches = list(_LEADING_RATE.finditer(text, window, start))  # a bounded window
    found = matches[-1] if matches else None
    if found is None or _SENTENCE_END.search(text, found.end(), start):
        return None
    return _PERIODS[found.group(1).lower()]


def _read_ratio(text: str, value: _Value, connector: _Tok) -> bool:
    """ "one in three", "3 in 10": make `value` the proportion and return True."""
    if value.scaled or value.vague or value.value <= 0:
        return False
    token = _token(text, connector.end)
    if token is not None and token.lower == "of" and connector.lower == "out":
        token = _token(text, token.end)
    if token is not None and token.lower == "every":
        token = _token(text, token.end)
    if token is None or (token.kind != "num" and token.lower not in NUMBER_WORDS):
        return False
    try:
        whole = _read_value(text, token.start)
    except _Rejected:
        return False
    if (
        whole.unit is not None
        or whole.vague
        or whole.value <= value.value
        or _looks_like_year(whole)
        or _word_at(text, whole.end) in _RATIO_NOT_AFTER
    ):
        return False  # "2 in 2024", "scored 2 in 5 minutes"
    value.value /= whole.value
    value.end = whole.end
    value.proportion = True
    value.one_word = False
    return True


def _read_suffix_bound(text: str, value: _Value, position: int) -> int:
    """ "N+", "N or more", "N and higher": a bound after the figure; returns where it ends."""
    token = _token(text, position)
    if token is None:
        return position
    if token.text == "+" and token.start == value.end:
        value.bound = "low"
        return token.end
    if token.lower not in ("or", "and"):
        return position
    word = _token(text, token.end)
    bounds = _SUFFIX_BOUNDS if token.lower == "or" else _AND_BOUNDS
    kind = bounds.get(word.lower) if word is not None else None
    if kind is None or word is None or _token_kind(text, word.end) == "num":
        return position  # "3 or 4", "20 or more than 30"
    if token.lower == "and" and _word_at(text, word.end) in _AND_BOUND_NOT_BEFORE:
        return position  # "5 and up to 10", "$50 and over the years": a preposition
    value.bound = kind
    return word.end


def _read_upper_bound(text: str, low: _Value, prefix: _Prefix, connector: _Tok) -> _Value | None:
    """ "above 20 and below 30 percent": the upper bound closing a lower one, or None."""
    words: list[str] = []
    token = _token(text, connector.end)
    while token is not None and token.kind == "word" and len(words) < 3:
        words.append(token.lower)
        if _PREFIX_KINDS.get(tuple(words)) == "high" and _token_kind(text, token.end) != "word":
            high = _read_range_end(text, low, prefix, token)
            if high is not None:
                prefix.bound = None  # both ends are known: a closed range
            return high
        token = _token(text, token.end)
    return None


def _read_compound(text: str, value: _Value, unit: str, end: int) -> int:
    """ "5 ft 10 in" → 5.8333 ft: a smaller unit after the larger one adds to the value."""
    smaller, per_larger = _COMPOUND_PARTS[unit]
    if text.startswith(". ", end) and unit in ("lb", "ft"):
        after_stop = _read_compound(text, value, unit, end + 1)  # "75 lb. 12 oz."
        return end if after_stop == end + 1 else after_stop
    hyphenated = text.startswith(", ", end)  # "a 73-pound, 1-ounce fish"
    joined = text.startswith(" and ", end)  # "15 hours and 6 minutes"
    number = _token(text, end + 1 if hyphenated else end + 4 if joined else end)
    if number is not None and number.kind == "word" and number.lower.split("-")[0] in NUMBER_WORDS:
        return _read_spelled_part(text, value, number, smaller, per_larger, end)
    if number is None or number.kind != "num":
        return end
    digits = _PART_FIGURE.match(text, number.start)  # "8 foot 2.25 inches": decimals too
    assert digits is not None
    part_at = digits.end() + 1 if hyphenated and text[digits.end() : digits.end() + 1] == "-" else 0
    part = _token(text, part_at or digits.end())
    if (
        hyphenated
        and not part_at
        and (_token_kind(text, digits.end()) != "word" or unit in _NO_COMMA_COMPOUNDS)
        and not (  # "2 hours, 5 minutes and 54 seconds": a time in three parts is one
            unit in _SECONDS_AFTER_MINUTES
            and part is not None
            and part.lower in smaller
            and _CLOCK_SECONDS.match(text, part.end)
        )
    ):
        return end  # "2 hours, 9 minutes": a list of parts, as labelled
    whole = digits.group().split(".")[0]
    if len(whole) > len(str(per_larger)):
        return end
    amount = Decimal(digits.group())
    if amount >= per_larger:
        return end  # "2 hours and 90 minutes": two figures, not one
    if part is None or part.lower not in smaller:
        if unit in ("foot", "ft") and not (hyphenated or joined) and _is_bare(text, digits.end()):
            value.value += amount / per_larger
            return digits.end()  # "he stood 7 foot 6": the inches' unit unwritten
        return end
    value.value += amount / per_larger
    return part.end


# A time in three parts, "two hours, six minutes and 28 seconds": the seconds after the
# minutes a compound of hours has read add to the hours too.
_SECONDS_AFTER_MINUTES = frozenset({"hour", "hours"})
_CLOCK_SECONDS = re.compile(
    r",?[ \u00a0]+(?:and[ \u00a0]+)?(?P<n>\d{1,2}|[a-z]+(?:-[a-z]+)?)[ \u00a0]+(?:seconds?|secs?)\b"
)


def _add_seconds(value: _Value, seconds: re.Match[str], end: int) -> int:
    """Add the seconds after an hours-and-minutes compound; `end` if they are no seconds."""
    number = seconds["n"]
    amount = int(number) if number.isdecimal() else parse_number_words(number.split("-"))
    if amount is None or not 0 < amount < 60:
        return end
    value.value += Decimal(amount) / 3600
    return seconds.end()


def _read_spelled_part(
    text: str, value: _Value, number: _Tok, smaller: frozenset[str], per_larger: Decimal, end: int
) -> int:
    """ "five feet eleven inches", "one year and ten months": the smaller part in words."""
    part = _token(text, number.end)
    if part is None or part.lower not in smaller:
        return end
    amount = parse_number_words(number.lower.split("-"))  # "thirty-eight"
    if amount is None or not 0 < amount < per_larger:
        return end
    value.value += Decimal(amount) / per_larger
    return part.end


def _pound_weight(text: str, value: _Value, unit: str) -> str:
    """ "weighs 20 pounds" is a mass: the word "pounds" after a weighing verb."""
    marker = text[text.rfind(" ", 0, value.end) + 1 : value.end].lower()
    return "pound" if marker in ("pound", "pounds") else unit


def _measure_at(text: str, token: _Tok) -> tuple[UnitEntry, int] | None:
    """A unit of measure in units.json at `token` ("square feet", "sq ft", "TeV") and its end."""
    if token.kind != "word" or token.lower not in unit_starts():
        return None  # most nouns after a figure are counted things: one set test decides
    following = _token(text, token.end)
    if following is not None and following.kind != "word" and text.startswith(_JOINERS, token.end):
        following = _token(text, token.end + 1)  # "451-square-foot", "1,355 sq. km"
    if following is not None and following.kind == "word":
        entry = lookup(f"{token.text} {following.text}")
        if entry is not None:
            return entry, following.end
    entry = lookup(token.text)
    return (entry, token.end) if entry is not None else None


# What may join the two words of a unit's name besides a space: a compound adjective's
# hyphen, an abbreviation's full stop.
_JOINERS = ("-", ". ", ".")


def _expected_by(text: str, end: int) -> bool:
    """Whether a forecasting verb follows ("… economists had expected", "… analysts forecast")."""
    word = _word_at(text, end)
    if word in _AUXILIARIES:
        token = _token(text, end)
        word = _word_at(text, token.end) if token is not None else ""
    return word in _FORECAST_VERBS


# "up 445.87 points or 1.01%": index points restated as a percentage stay points;
# "down 1 point to 25%": points of the percentage they move to.
_POINTS_OR_PERCENT = re.compile(r"\s+or\s+\d[\d.,]*\s*(?:%|per\s*cent|percent)")
_POINTS_TO_PERCENT = re.compile(r"\s+(?:to|at|on)\s+\d[\d.,]*\s*(?:%|per\s*cent|percent)")


def _points_of_a_percentage(text: str, start: int, end: int) -> bool:
    """Whether "points" after a figure are percentage points: a percentage before them in the
    sentence, or the one they move to after them, unless they are restated as a percentage."""
    if _POINTS_OR_PERCENT.match(text, end):
        return False
    return _near_percent(text, start) or _POINTS_TO_PERCENT.match(text, end) is not None


def _near_percent(text: str, start: int) -> bool:
    """Whether a percentage appears earlier in the same sentence (within reach)."""
    window = max(0, start - _PERCENT_REACH)
    last_end = max(text.rfind(". ", window, start), text.rfind("\n", window, start))
    window = max(window, last_end)
    return text.find("%", window, start) >= 0 or text.find("per cent", window, start) >= 0


def _borrow_from_change(
    text: str, position: int, unit: str | None, per: Per | None, connector: str = "to"
) -> tuple[str | None, Per | None]:
    """In "from 1.42 to 1.58 euros a litre" the first value takes the second's unit and rate,
    as "108" does in "to 108 from 61 fatalities"."""
    to = _token(text, position)
    if to is None or to.lower != connector:
        return unit, per
    target = _token(text, to.end)
    if target is None or (target.text not in CURRENCY_SYMBOLS and target.kind != "num"):
        return unit, per
    if target.kind != "num":
        target = _token(text, target.end)
    if target is None or target.kind != "num":
        return unit, per
    try:
        second, _ = _parse(text, target.start, to.start)
    except _Rejected:
        return unit, per
    return unit or second.unit, per or second.per


def _single(
    text: str,
    value: _Value,
    prefix: _Prefix,
    unit: str | None,
    per: Per | None,
    end: int,
    high_value: _Value | None = None,
) -> Quantity:
    """The Quantity of a value, opened by a bound or a vague plural, or of a range up to
    `high_value`; its dimension and SI values come from the unit label."""
    figure = float(value.value)
    low: float | None = figure
    high: float | None = figure
    bound = prefix.bound or value.bound
    bare_dollar = prefix.bare_dollar or value.bare_dollar
    if high_value is not None:
        high = float(high_value.value)
        bare_dollar = bare_dollar or high_value.bare_dollar
    elif value.age_band:
        high = figure + 9  # "in his 30s": 30 to 39 years
    elif bound == "low" or value.vague:
        high = None
    elif bound == "high":
        low = None
    dimension, entry = (
        _NO_DIMENSION if unit is None else _dimension_cache.get(unit) or _dimension(unit)
    )
    if value.proportion and unit is None:
        dimension = "proportion"
    si_low = si_high = None
    if entry is not None:
        si_low = None if low is None else low * entry.factor + entry.offset
        si_high = None if high is None else high * entry.factor + entry.offset
    # Positional: keywords cost a measurable share of the scan on number-dense text.
    return Quantity(
        low, high, unit, per, text[prefix.start : end], prefix.start, end,
        prefix.approximate or value.vague or bound is not None,
        dimension, si_low, si_high, unit == "USD" and bare_dollar,
    )  # fmt: skip


# --- tokens --------------------------------------------------------------------


# The tokens read so far in the text being scanned, by position: the parser asks for
# the token after a figure or a word many times over. `find_quantities` starts a
# fresh table for each call and drops it at the end; one tuple, so a thread never
# reads another text's table.
_token_table: tuple[str, dict[int, _Tok | None]] = ("", {})
_new_tuple = tuple.__new__
_UNREAD = _Tok("", "", -1, -1, "")  # a table miss; None is a cached "no token here"


def _token(text: str, position: int) -> _Tok | None:
    """The next token on the same line, or None at a line end or the text end."""
    global _token_table
    table_text, table = _token_table
    if text is not table_text:
        table = {}
        _token_table = (text, table)
    else:
        token = table.get(position, _UNREAD)
        if token is not _UNREAD:
            return token
    match = _TOKEN.match(text, position)
    token = None
    if match is not None:
        group = match.lastindex
        assert group is not None  # every alternative of _TOKEN is a group
        start, end = match.span(group)
        word = text[start:end]
        # tuple.__new__ skips the Python-level constructor NamedTuple adds: a frame per token
        token = _new_tuple(_Tok, (_TOKEN_KINDS[group], word, start, end, word.lower()))
    table[position] = token
    return token


def _word_at(text: str, position: int) -> str:
    """The next token's text lower-cased if it is a word, else ""."""
    token = _token(text, position)
    return token.lower if token is not None and token.kind == "word" else ""


# --- reading a figure ------------------------------------------------------------


def _read_value(text: str, start: int) -> _Value:
    """The figure at `start`: digits with their scale, or a run of number words."""
    first = text[start]
    if first.isdecimal():
        figure = _read_figure(text, start)
    elif first in _VULGAR_FRACTIONS:
        return _read_vulgar(text, start)
    else:
        figure = _read_words(text, start)
    if text.startswith(" and a half", figure.end) and not figure.scaled and figure.unit is None:
        figure.value += Decimal("0.5")  # "two and a half miles": one value, 2.5
        figure.end += len(" and a half")
        figure.grouped = True
        figure.one_word = False
        _read_scale_words(text, figure)  # "two and a half million"
    return figure


_BEFORE_DOT = frozenset(["", " ", "(", "\t", "\n", "\u00a0", "$", "£", "€"])  # ".75", "$.99"


def _read_vulgar(text: str, start: int) -> _Value:
    """A fraction character standing alone: "½ cup" → 0.5."""
    if start and text[start - 1].isalnum():
        raise _Rejected(start + 1)
    return _Value(_VULGAR_FRACTIONS[text[start]], start, start + 1, grouped=True)


def _read_figure(text: str, start: int) -> _Value:
    """Digits, thousands groups, decimals, an attached suffix and a scale word.

    Most figures are plain ("12 people"): each step below is entered only when the
    character after the digits could start it, which saves a call per step.
    """
    end = _DIGITS.match(text, start).end()  # type: ignore[union-attr]
    if start and text[start - 1] != " ":  # a space before the digits never glues them
        _reject_glued(text, start, end)
    elif (
        end - start == 2
        and start > 2
        and text[start - 3] in "QH"
        and _PERIOD_CODE.match(text, start - 3)
    ):
        raise _Rejected(end)  # "Q2 24", "H1 23": the year of a quarter or a half
    following = text[end : end + 1]  # "" at the end of the text
    if following in _DATE_TIME_STARTS or (
        following in _DATE_TIME_SPACES
        and text[end + 1 : end + 2] in "aApP"
        and text[end + 2 : end + 3] in "mM."  # "9 am", "9 p.m.", but not "12 people"
    ):
        special = _DATE_OR_TIME.match(text, start)
        if special is not None:
            raise _Rejected(special.end())
    if following in _GROUP_SEPARATORS and end - start <= 3 and not _zero_comma(text, start, end):
        digits, end, grouped = _read_groups(text, start, end)
        following = text[end : end + 1]
    else:
        digits, grouped = text[start:end], False
    if len(digits) > _MAX_DIGITS:
        raise _Rejected(end)  # noise
    if len(digits) > 2 and digits[0] == "0" and not grouped:
        # "00700", "0808 175 3287": a code (a stock code, an ID) or a phone number,
        # never an amount; the digit groups that follow belong to it
        raise _Rejected(_PHONE_RUN.match(text, start).end())  # type: ignore[union-attr]
    value = Decimal(digits)
    if (
        start
        and text[start - 1] == "."
        and not grouped
        and text[start - 2 : start - 1] in _BEFORE_DOT
    ):
        value, start, grouped = Decimal("0." + digits), start - 1, True  # ".75 inch"
    if following == " ":  # the common case: only "2 1/2" continues a figure past a space
        if text[end + 2 : end + 3] == "/":
            value, end, grouped = _read_mixed_fraction(text, value, end, grouped)
        elif text[end + 1 : end + 2] in _VULGAR_FRACTIONS and not grouped:
            value += _VULGAR_FRACTIONS[text[end + 1]]  # "7 ½ pounds"
            end, grouped = end + 2, True
        figure = _Value(value, start, end, digits, grouped)
        _read_scale_words(text, figure)
        if start and text[start - 1] in _SIGNS:
            _read_sign(text, figure)
        return figure
    if following == "." and text[end + 1 : end + 2].isdecimal():
        fraction = _DIGITS.match(text, end + 1)
        assert fraction is not None
        after = fraction.end()
        if text[after : after + 1] == "." and text[after + 1 : after + 2].isdecimal():
            raise _Rejected(_DOTTED_RUN.match(text, start).end())  # type: ignore[union-attr]
        value = Decimal(digits + "." + fraction.group())
        end = fraction.end()
        grouped = True
        following = text[end : end + 1]
    elif (
        following == "," and not grouped and (comma := _decimal_comma(text, start, end)) is not None
    ):
        value = Decimal(digits + "." + comma.group(1))  # "1,8 m tall": a decimal comma
        end, grouped = comma.end(), True
        following = text[end : end + 1]
    elif following in _VULGAR_FRACTIONS:  # "2½"
        value += _VULGAR_FRACTIONS[following]
        end += 1
        grouped = True
        following = text[end : end + 1]
    elif following == "-" and text[end + 2 : end + 3] == "/" and not grouped:
        value, end, grouped = _read_mixed_fraction(text, value, end, grouped)  # "3-1/2 pounds"
        following = text[end : end + 1]
    if following == "/" and text[end + 1 : end + 2].isdecimal():
        simple = _slash_fraction(text, value, end)
        if simple is None:
            raise _Rejected(_SLASHED_RUN.match(text, start).end())  # type: ignore[union-attr]
        value, end = simple
        following = text[end : end + 1]
    figure = _Value(value, start, end, digits, grouped)
    if following in _DASHES and text[end + 1 : end + 2].isalpha():
        _read_hyphen_unit(text, figure)  # "a 45-acre farm", or rejected ("a 600-strong force")
        return figure
    if following == "°" or following.isalnum() or following in "'’′":
        _read_attached(text, figure)
        if (figure.scaled or figure.unit is not None) and text.startswith("-plus", figure.end):
            figure.bound = "low"  # "a $100m-plus budget", "an 80lb-plus carp": at least
            figure.end += len("-plus")
    _read_scale_words(text, figure)
    if start and text[start - 1] in _SIGNS:
        _read_sign(text, figure)
    return figure


def _decimal_comma(text: str, start: int, end: int) -> re.Match[str] | None:
    """ "1,8 m", "2,5%": a comma and one or two digits before a unit of measure or a percent
    sign, as South African and European pages write decimals; a list ("1,2 and 3") is not.
    After a currency sign two digits are cents ("R30,23 an hour", "€4,50")."""
    if _zero_comma(text, start, end):
        return _ZERO_COMMA.match(text, end)  # "0,229 grammes"
    comma = _DECIMAL_COMMA.match(text, end)
    if comma is None:
        return None
    if (
        len(comma.group(1)) == 2
        and start
        and (
            text[start - 1] in CURRENCY_SYMBOLS
            or (text[start - 1].isalpha() and _glued_currency(text, start, end) is not None)
        )
    ):
        return comma
    unit = _token(text, comma.end())
    if unit is None or not (
        unit.text == "%"
        or unit.lower in SCALES  # "R900,4 million"
        or unit.lower in CURRENCY_WORDS
        or lookup_symbol(unit.text)
        or lookup(unit.lower)
    ):
        return None
    return comma


# "0,229 g": a lone zero before a comma and three digits or more is never a thousands group.
_ZERO_COMMA = re.compile(r",(\d{3,})(?![\d,])")


def _zero_comma(text: str, start: int, end: int) -> bool:
    """Whether the figure is a lone 0 written with a decimal comma ("0,229")."""
    return end - start == 1 and text[start] == "0" and _ZERO_COMMA.match(text, end) is not None


def _read_mixed_fraction(
    text: str, value: Decimal, end: int, grouped: bool
) -> tuple[Decimal, int, bool]:
    """ "2 1/2 hours" → 2.5: a whole number, a space (or a hyphen) and a proper fraction."""
    mixed = _MIXED_FRACTION.match(text, end)
    if mixed is None or not 0 < int(mixed.group(1)) < int(mixed.group(2)):
        return value, end, grouped
    return value + Decimal(mixed.group(1)) / Decimal(mixed.group(2)), mixed.end(), True


# A hyphen, a minus sign or a non-breaking hyphen (U+2011, as some pages write "‑23.9 C")
# against a figure is its sign; an en dash only after a word ("a high of –7 C").
_MINUS_SIGNS = "-−\u2011"
_SIGNS = _MINUS_SIGNS + "–"


def _read_sign(text: str, figure: _Value) -> None:
    """A minus sign written against the figure ("-5 °C", "−5C", "minus-60") makes it negative."""
    start = figure.start
    if _hyphenated_minus(text, start):
        figure.value = -figure.value
        figure.start = start - len("minus-")
    elif (
        (
            start
            and text[start - 1] in _MINUS_SIGNS
            and (start == 1 or text[start - 2] in _SIGN_BEFORE)
            # "2.5 -3 feet" is a range written with a stray space, not minus three
            and not (text[start - 2] == " " and text[start - 3 : start - 2].isdecimal())
        )
        or (
            # "a high of –7 C": an en dash after a word, not a range
            text[start - 1] == "–"
            and start > 2
            and text[start - 2] == " "
            and text[start - 3].isalpha()
        )
    ):
        figure.value = -figure.value
        figure.start = start - 1


def _hyphenated_minus(text: str, start: int) -> bool:
    """ "minus-76.7 degrees": the word "minus" joined to the figure by a hyphen."""
    begin = start - len("minus-")
    return (
        begin >= 0
        and text[start - 1] in "-‑"
        and text[begin : start - 1].lower() == "minus"
        and (begin == 0 or not text[begin - 1].isalnum())
    )


def _slash_fraction(text: str, numerator: Decimal, end: int) -> tuple[Decimal, int] | None:
    """ "1/2 cup": a simple fraction and its end, when a unit of measure follows one space
    later; any other slashed pair is a ratio, a date or a score ("24/7", "3/11")."""
    denominator = _SLASH_FRACTION.match(text, end)
    if denominator is None or not 0 < numerator < int(denominator.group(1)):
        return None
    after = denominator.end()
    unit = _token(text, after)
    if unit is None or unit.start != after + 1 or _measure_at(text, unit) is None:
        return None
    return numerator / Decimal(denominator.group(1)), after


def _read_hyphen_unit(text: str, figure: _Value) -> None:
    """ "a 45-acre farm", "an 89-year-old man": the adjective names the figure's unit."""
    dash = figure.end
    word = _LOWER_WORD.match(text, dash + 1)
    if word is not None and word.group() == "per" and text.startswith("-cent", word.end()):
        word = _PER_CENT.match(text, dash + 1)  # "a 100-per-cent owned project"
    whole_word = word.group() if word and not text[word.end() : word.end() + 1].isalnum() else ""
    if whole_word in ("percent", "per-cent", "plus", "cent"):
        assert word is not None
        figure.end = word.end()
        if whole_word == "plus":
            figure.bound = "low"  # "60-plus bushels", "the 5,000-plus systems": at least
        elif whole_word == "cent":
            figure.value /= 100  # "an 18-cent decrease": a hundredth of a dollar
            figure.scaled = True
            figure.unit = "USD"
        else:
            figure.unit = "%"  # "a 40-percent hike"
        return
    if word is None and (symbol := _LETTERS.match(text, dash + 1)) is not None:
        after = symbol.end()
        if lookup_symbol(symbol.group()) is not None and not text[after : after + 1].isalnum():
            figure.unit = symbol.group()  # "a 150-MW solar site", "a 5-GW plant"
            figure.end = after
            return
    if word is not None and word.group() == "strong":
        figure.end = word.end()  # "a 600-strong force": 600, counting the force's members
        if (noun := _plain_noun(text, figure.end, _STOP)) is not None:
            figure.unit, figure.end = noun.text, noun.end  # "a 19,000-strong crowd"
        return
    if (
        word is None
        or word.group() in _HYPHEN_NOT_UNITS
        or word.group() in _STOP
        or _looks_like_year(figure)  # "the 2024-style budget", "1990-present"
    ):
        raise _Rejected(dash + 1)  # "a 600-strong force", "1-for-1", "3-D"
    after = word.end()
    if text[after : after + 1].isalnum():
        raise _Rejected(after)  # "5-yearX", "3-Dimensional": a code or a name
    unit = word.group()
    if (unit in SCALES and unit != "hundred") or unit in _INDIAN_SCALES:
        # "$312-million", "Rs 600-crore": a scale, not a counted unit
        multiplier = SCALES.get(unit) or _INDIAN_SCALES[unit]
        figure.value *= multiplier
        figure.scale *= multiplier
        figure.scaled = True
        figure.end = after
        return
    if unit in CURRENCY_WORDS and unit != "pound":  # "a 10-dollar bill"; "a 73-pound fish"
        figure.unit = CURRENCY_WORDS[unit]
        figure.end = after
        return

    entry = lookup_name(unit) or lookup_symbol(unit)
    second = _LOWER_WORD.match(text, after + 1) if text.startswith("-", after) else None
    if second is not None and (two := lookup_name(f"{unit} {second.group()}")) is not None:
        entry, after = two, second.end()  # "a 451-square-foot unit": a name of two words
    if entry is not None and entry.dimension != "time":
        unit = entry.unit  # "a 5-metres-long" → metre
    tail = _HYPHEN_TAIL.match(text, after)
    figure.unit = unit
    figure.end = tail.end() if tail is not None else after
    if unit == "foot" and tail is None and text[after : after + 1] in _DASHES:
        inches = _DIGITS.match(text, after + 1)  # "7-foot-1": inches, their unit unwritten
        if inches and len(inches.group()) <= 2 and not text[inches.end() :][:1].isalnum():
            figure.value += Decimal(inches.group()) / 12
            figure.end = inches.end()


def _dialled_after_plus(text: str, start: int) -> int | None:
    """Where a phone number written after "+" ends, or None when the digits are too few for
    one: "+44 20 7946 0958" is dialled, "+5 °C" and "+12 points" are signed figures."""
    run = _PHONE_RUN.match(text, start)
    assert run is not None  # the pattern matches the empty string
    return run.end() if sum(map(str.isdecimal, run.group())) >= _PHONE_DIGITS else None


def _reject_glued(text: str, start: int, end: int) -> None:
    """Reject digits glued to a word or a designation ("G7", "F-16", "#5", "+44")."""
    before = text[start - 1] if start > 0 else " "
    if before.isalpha() and _glued_currency(text, start, end) is not None:
        return  # "Sh2.1 billion", "PHP3.5B": a currency sign in letters
    if before.isalpha() or before in "_#@*":  # "*555": a short code to dial
        raise _Rejected(end)
    if before in _DASHES or before in "‑":
        two_before = text[start - 2] if start > 1 else " "
        if two_before.isalpha() and not _hyphenated_minus(text, start):
            raise _Rejected(end)
    if (
        before == "+"
        and not (text[end : end + 1] == "." and text[end + 1 : end + 2].isdecimal())
        and not _THOUSANDS_GROUPS.match(text, start)
        and (dialled := _dialled_after_plus(text, start)) is not None
    ):
        # "+44 20…" is a phone number; "+0.4%" (decimals), "+43,000" (groups) a signed change
        raise _Rejected(dialled)
    if before in ".,/:" and start > 1 and text[start - 2].isdecimal():
        raise _Rejected(end)
    if (
        before == "."
        and start > 1
        and (text[start - 2].isalpha() or text[start - 2] in ')”"')
        and _dotted_sign(text, start - 1) is None
    ):
        raise _Rejected(end)  # "claims.12": a footnote or a reference; "Rs.3" is rupees
    if before == "[" and text[end : end + 1] == "]":
        raise _Rejected(end)  # "[3]": a footnote marker
    if before == "(" and text[end : end + 1] == ")":
        if start > 1 and text[start - 2].isalnum():
            raise _Rejected(end)  # "gearing(4)", "section 5(1)": a footnote or a subsection
        if (area_coded := _AREA_CODE_NUMBER.match(text, start - 1)) is not None:
            raise _Rejected(area_coded.end())  # "(800) 356-3111": a number to call
    if before in "'’" and end - start == 2 and not text[end : end + 1].isalnum():
        raise _Rejected(end)  # "in ’92": a two-digit year


def _read_groups(text: str, start: int, end: int) -> tuple[str, int, bool]:
    """Join thousands groups ("1,200", "1 200 000"): all one separator, groups of three."""
    digits = text[start:end]
    if len(digits) > 3:
        return digits, end, False
    indian = (
        _INDIAN_GROUPS.match(text, start)
        if len(digits) <= 2 and text[end : end + 1] == "," and text[end + 3 : end + 4] == ","
        else None
    )
    if indian is not None:
        return indian.group().replace(",", ""), indian.end(), True  # "10,20,800 crore"
    parts = [digits]
    separator = ""
    length = len(text)
    while (
        end + 4 <= length and text[end] in _GROUP_SEPARATORS and text[end + 1 : end + 4].isdecimal()
    ):
        if separator and text[end] != separator:
            break
        if end + 4 < length and text[end + 4].isdecimal():
            break
        if (
            text[end] == " "
            and end + 5 < length
            and text[end + 4] == "."
            and text[end + 5].isdecimal()
            and not (start and (text[start - 1] in CURRENCY_SYMBOLS or text[start - 1].isalpha()))
        ):
            break  # "3 000.5" is rare, but not after a sign: "E30 000.00", "$1 250.50"
        separator = text[end]
        parts.append(text[end + 1 : end + 4])
        end += 4
    return "".join(parts), end, len(parts) > 1


def _centimetres_follow(text: str, figure: _Value, after: int) -> bool:
    """ "1m 63cm": whole metres that centimetres continue (`_COMPOUND_PARTS` joins them).
    Not a sum ("£2m 40cm of rain"); "1.5m 20cm" is left to rereading, as "1.5m" alone is."""
    return (
        not figure.grouped
        and _CENTIMETRES_AFTER.match(text, after) is not None
        and text[figure.start - 1 : figure.start] not in CURRENCY_SYMBOLS
    )


def _read_attached(text: str, figure: _Value) -> None:
    """Letters or a degree sign written against the figure: "5bn", "12k", "5km", "1.5C"."""
    end = figure.end
    if end >= len(text):
        return
    if text[end] == "°":
        letters = _LETTERS.match(text, end + 1)
        figure.unit = "°C" if letters is None or letters.group().lower() != "f" else "°F"
        figure.end = letters.end() if letters is not None else end + 1
        return
    if (
        text[end] == "º"
        and text[end + 1 : end + 2] in ("C", "F", "c", "f")
        and not text[end + 2 : end + 3].isalpha()
    ):
        # "40ºC": the ordinal indicator many pages type for a degree sign
        figure.unit = "°C" if text[end + 1] in "Cc" else "°F"
        figure.end = end + 2
        return
    if text[end] in "'’′" and (height := _FEET_INCHES.match(text, end)) is not None:
        figure.value += Decimal(height["inches"]) / 12  # "7'1\"": feet and inches
        figure.unit = text[end]
        figure.end = height.end()
        return
    if (
        text[end] in "'’"
        and text[end + 1 : end + 2] == "s"
        and not text[end + 2 : end + 3].isalnum()
        and figure.digits is not None
        and len(figure.digits) in (2, 4)
        and figure.digits.endswith("0")
    ):
        raise _Rejected(end + 2)  # "90's rock music", "the 1990's": a decade
    if not text[end].isalnum():
        return  # mostly a space: no letters can follow, and the regex call costs more
    letters = _LETTERS.match(text, end)
    if letters is None:
        return
    word = letters.group()
    lower = word.lower()
    after = letters.end()
    if after < len(text) and text[after].isdecimal():
        if lookup_symbol(word + text[after]) is None or text[after + 1 : after + 2].isalnum():
            raise _Rejected(after + 1)  # "4x4", "5G5": a code
        word, lower, after = word + text[after], lower + text[after], after + 1  # "50m2"
    if word == "m" and (
        _word_at(text, after) in _LENGTH_ADJECTIVES or _centimetres_follow(text, figure, after)
    ):
        figure.unit = "m"  # "1.8m tall", "1m 63cm": metres, not a million
        figure.end = after
    elif lower in SCALE_ABBREVIATIONS or (lower in SCALES and lower != "hundred"):
        scale = SCALE_ABBREVIATIONS.get(lower) or SCALES[lower]  # "5bn", "R134.8million"
        figure.value *= scale
        figure.scale *= scale
        figure.scaled = True
        figure.end = after
    elif word == "p" and not figure.scaled:
        figure.value /= 100  # "32p": pence, a hundredth of a pound
        figure.scaled = True
        figure.unit = "GBP"
        figure.end = after
    elif lower in _PERCENT_WORDS or (lower == "per" and _word_at(text, after) == "cent"):
        figure.unit = "%"  # "2.57per cent", "5percent": the space left out
        figure.end = after if lower != "per" else _token(text, after).end  # type: ignore[union-attr]
    elif word == "mmt":
        figure.unit = _million_metric_tonnes(figure)  # "10.6mmt"
        figure.end = after
    elif word in _SHORT_MEASURES:
        figure.unit = word  # "17min": a duration as written
        figure.end = after
    elif word == "pc":
        figure.unit = "%"  # "33pc of the site": British papers' per cent, never parsecs
        figure.end = after
    elif lower in ("c", "f") and word.isupper():
        figure.unit = "°C" if lower == "c" else "°F"
        figure.end = after
    elif word == "st":
        if not _is_stone(figure):
            raise _Rejected(after)  # "21st": an ordinal
        figure.unit = word  # "12st 7lb", "weighed 9st": stones, where no ordinal ends so
        figure.end = after
    elif (lower in _ATTACHED_UNITS and word != "G") or (  # "5G" is a network, "5g" grams
        len(word) > 1 and lookup_symbol(word) is not None  # "500mg", "13.6TeV"
    ):
        figure.unit = word
        figure.end = after
    elif lower == "s" and figure.digits is not None and _is_age_band(text, figure):
        figure.unit = "year"  # "in his 30s": an age band, not a decade
        figure.age_band = True
        figure.end = after
    else:
        raise _Rejected(after)  # ordinals, decades, "5G", "9am"


def _is_stone(figure: _Value) -> bool:
    """ "9st" is nine stone: the ordinals written "-st" end in 1 ("21st"), but not in 11."""
    digits = figure.digits
    return digits is not None and not figure.grouped and (digits[-1] != "1" or digits[-2:] == "11")


def _is_age_band(text: str, figure: _Value) -> bool:
    """ "in his 30s", "in their 70s": a round two-digit figure after "in" and a possessive."""
    digits = figure.digits
    if digits is None or len(digits) != 2 or digits[1] != "0" or figure.grouped:
        return False
    words = text[max(0, figure.start - 12) : figure.start].split()
    return len(words) >= 2 and words[-2].lower() == "in" and words[-1].lower() in _POSSESSIVES


def _read_scale_words(text: str, figure: _Value) -> None:
    """Scale words after a figure: "1.5 million", "2 bn", "3 dozen"."""
    while True:
        token = _token(text, figure.end)
        if token is None or token.kind != "word":
            return
        lower = token.lower
        if lower in SCALES:
            multiplier = SCALES[lower]
        elif lower in ("bn", "mn", "mln", "bln", "tn", "trn"):
            if lower == "tn" and (
                figure.scaled or figure.value >= 1000 or _word_at(text, token.end) == "of"
            ):
                return  # "3.7 mln tn", "195,336 tn", "3 tn of wheat": tonnes, not a trillion
            multiplier = SCALE_ABBREVIATIONS[lower]
        elif lower == "dozen":
            multiplier = 12
        elif lower in _INDIAN_SCALES:
            multiplier = _INDIAN_SCALES[lower]
        elif lower in _PLURAL_SCALES and figure.digits is not None and not figure.scaled:
            multiplier = _PLURAL_SCALES[lower]  # "NPR 1315.16 Billions": a scale, as "crores"
        elif lower == "cr" and _RUPEES_BEFORE.search(text, max(0, figure.start - 6), figure.start):
            multiplier = 10**7  # "Rs 2.7 cr": crore, abbreviated only after a rupee sign
        else:
            return
        figure.value *= multiplier
        figure.scale *= multiplier
        figure.scaled = True
        figure.end = token.end


# "ten" between two capitalised names: the particle of a Dutch surname ("Erik ten Hag").
_NAME_PARTICLE = re.compile(r"ten (?=[A-Z][a-z]+\b(?!['’]))")
_NAME_BEFORE = re.compile(r"\b[A-Z][a-z]+ $")


_NOT_NUMBER_PREFIXES = frozenset({"sub-", "non-"})


def _read_words(text: str, start: int) -> _Value:
    """A run of number words, a vague plural, or "half a million"."""
    first = _token(text, start)
    assert first is not None and first.kind == "word"
    if text[max(0, start - 4) : start].lower() in _NOT_NUMBER_PREFIXES:
        raise _Rejected(first.end)  # "sub-zero nights", "non-zero": no figure
    lower = first.lower
    if lower in VAGUE_PLURALS:
        return _read_vague(text, first)
    if lower == "half":
        return _read_fraction(text, first, first.end, first.end, Decimal("0.5"))
    if lower.startswith("half-") and (hyphened := _hyphened_fraction(first, first.start)):
        return hyphened  # "a half-mile walk"
    if lower in ("a", "an", "one") and (measured := _unit_and_fraction(text, first)) is not None:
        return measured  # "an hour and a half", "a quarter-mile"
    if lower in ("a", "an", "one") and _word_at(text, first.end) == "quarter":
        quarter = _token(text, first.end)
        assert quarter is not None
        of = _token(text, quarter.end)
        if of is None or of.lower != "of":
            if (by_share := _spoken_fraction(text, first)) is not None:
                return by_share  # "fell by nearly a quarter"
            raise _Rejected(first.end)
        return _read_fraction(text, first, quarter.end, of.end, Decimal("0.25"))
    spoken = _spoken_fraction(text, first)
    if spoken is not None:
        return spoken
    if (
        first.text == "ten"
        and _NAME_PARTICLE.match(text, first.start)
        and _NAME_BEFORE.search(text, max(0, first.start - 24), first.start)
    ):
        raise _Rejected(first.end)  # "Erik ten Hag": a Dutch name's particle
    if "-and-a-" in lower and (mixed := _AND_A_FRACTION.fullmatch(lower)) is not None:
        whole = parse_number_words(mixed["whole"].split("-"))
        if whole is not None:  # "two-and-a-half years"
            fraction = _UNIT_FRACTIONS[mixed["part"]]
            return _Value(Decimal(whole) + fraction, first.start, first.end, grouped=True)
    words: list[str] = []
    end = start
    token: _Tok | None = first
    while token is not None and token.kind == "word":
        parts = token.lower.replace("’", "-").split("-")
        if (
            all(part in NUMBER_WORDS for part in parts)
            or (not words and parts == ["a"])
            or (not words and parts == ["an"])
        ):
            words.extend("a" if part == "an" else part for part in parts)
            end = token.end
        elif (leading := _leading_number_parts(parts)) and not words:
            # "seven-day", "ten-dollar": the number words before a hyphenated unit
            words.extend(parts[:leading])
            end = token.start + len("-".join(parts[:leading]))
            break
        elif (
            parts == ["and"]
            and words
            and words[-1] in SCALES
            # "and ninety-six" as well as "and five": the word before the hyphen decides
            and _word_at(text, token.end).split("-")[0] in UNITS | TENS.keys()
        ):
            words.append("and")
        else:
            break
        token = _token(text, token.end)
    if words and words[-1] == "and":
        words.pop()
    if words and words[0] in SCALES and text[:start].rstrip()[-1:].isdecimal():
        raise _Rejected(end)  # "X2.1 billion": the scale of a figure already rejected
    value = parse_number_words(words)
    if value is None and len(words) > 1:
        raise _Rejected(end)  # "nineteen eighty-seven": a year read aloud, none of it a count
    if value is None or words == ["a"]:
        raise _Rejected(first.end)
    if _word_at(text, end).split("-")[-1] in _ORDINAL_WORDS:
        raise _Rejected(_token(text, end).end)  # type: ignore[union-attr]  # "One Hundred Tenth"
    if "-" in text[start:end] and any(
        p not in NUMBER_WORDS
        for word in text[start:end].lower().split()
        for p in word.split("-")[1:]
    ):
        raise _Rejected(end)
    restated = _RESTATED.match(text, end)
    if restated is not None and Decimal(restated["digits"].replace(",", "")) == value:
        end = restated.end()  # "forty-eight (48) hours": the figure written twice, as deeds do
    scales = [_multiplier(w) or 1 for w in words]
    figure = _Value(value, start, end, scaled=max(scales) > 1, scale=Decimal(scales[-1]))
    figure.one_word = words == ["one"]
    figure.capitalised_word = first.text[0].isupper()
    _reject_word_compound(text, figure)
    if _word_at(text, figure.end) in _INDIAN_SCALES:
        _read_scale_words(text, figure)  # "two crore houses", "five lakh people"
        figure.one_word = False  # "one lakh" is a figure, never the pronoun
    return figure


def _leading_number_parts(parts: list[str]) -> int:
    """How many hyphen-joined number words come before a unit ("seven-day" → 1), else 0."""
    leading = 0
    while leading < len(parts) and parts[leading] in NUMBER_WORDS:
        leading += 1
    return leading if 0 < leading < len(parts) and _is_hyphen_unit(parts[leading]) else 0


def _reject_word_compound(text: str, figure: _Value) -> None:
    """Reject "one-third", "two-thirds": a word joined to a number word; but a unit so
    joined is a hyphenated adjective ("a seven-day average", "a ten-dollar t-shirt")."""
    if figure.end < len(text) and text[figure.end] in _DASHES:
        word = _LOWER_WORD.match(text, figure.end + 1)
        if word is not None and _is_hyphen_unit(word.group()):
            _read_hyphen_unit(text, figure)
            return
        raise _Rejected(figure.end + 1)


def _is_hyphen_unit(word: str) -> bool:
    """A singular unit a number word may be joined to: a period, a measure, a currency."""
    if word in _HYPHEN_PERIODS or (word in CURRENCY_WORDS and word != "pound"):
        return True
    entry = lookup_name(word)
    return entry is not None and entry.dimension != "time" and entry.unit == word


_HYPHEN_PERIODS = _words("day week month year hour minute decade century")
# A period counts itself: nothing after "one year" or "one hour" is part of its unit.
_SINGLE_PERIODS = _HYPHEN_PERIODS | {"second", "fortnight"}
# The ordinal a number-word run may end in: "the One Hundred Tenth Congress".
_ORDINAL_WORDS = _words(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth "
    "thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth hundredth thousandth"
)


def _read_vague(text: str, first: _Tok) -> _Value:
    """ "dozens of", "hundreds of", "tens of thousands of": an open lower bound."""
    base = VAGUE_PLURALS[first.lower]
    of = _token(text, first.end)
    if of is not None and of.lower == "more" and first.lower != "tens":
        return _Value(Decimal(base), first.start, first.end, vague=True, scaled=True)
    if of is None or of.lower != "of":
        raise _Rejected(first.end)
    end = of.end
    following = _token(text, of.end)
    if following is not None and following.lower in VAGUE_PLURALS and following.lower != "dozens":
        second_of = _token(text, following.end)
        if (second_of is not None and second_of.lower == "of") or (
            first.lower == "tens" and _token_kind(text, following.end) != "word"
        ):  # "tens of thousands of people", "drew tens of thousands."
            base *= VAGUE_PLURALS[following.lower]
            end = following.end
    elif first.lower == "tens":
        raise _Rejected(first.end)  # "tens of" alone means nothing
    figure = _Value(Decimal(base), first.start, end, vague=True, scaled=True)
    figure.takes_of = end != of.end
    return figure


def _read_fraction(
    text: str, first: _Tok, share_end: int, position: int, fraction: Decimal
) -> _Value:
    """ "half a million" → 500000; "a quarter of a percentage point" → 0.25 pp;
    "half of the students", "a quarter of the homes" → a share (0.5, 0.25)."""
    restated = _RESTATED_SHARE.match(text, position) if share_end == position else None
    article = _token(text, restated.end() if restated else position)
    if share_end == position and (
        restated or (article is not None and article.lower in ("of", "the"))
    ):
        return _share(first, share_end, fraction)  # "half of", "over half (58%) of", "half the"
    target = _token(text, article.end) if article is not None else None
    if (
        target is not None
        and article.lower in ("a", "an")  # type: ignore[union-attr]
        and share_end == position
        and _measures(target.lower)
    ):
        return _Value(fraction, first.start, article.end, grouped=True)  # type: ignore[union-attr]
    if article is None or target is None or article.lower != "a":
        if share_end != position:
            return _share(first, share_end, fraction)  # "a quarter of the homes"
        raise _Rejected(first.end)
    lower = target.lower
    multiplier = _multiplier(lower)
    if multiplier:
        return _Value(fraction * multiplier, first.start, target.end, scaled=True)
    if lower in ("percent", "pct"):
        return _Value(fraction, first.start, target.end, scaled=True, unit="%")  # "half a percent"
    if lower == "percentage" and _word_at(text, target.end) == "point":
        point = _token(text, target.end)
        return _Value(fraction, first.start, point.end, scaled=True, unit="pp")  # type: ignore[union-attr]
    raise _Rejected(first.end)


def _multiplier(word: str) -> int:
    """What a scale word multiplies by ("million", "dozen"), or 0 for any other word."""
    return SCALES.get(word) or (12 if word == "dozen" else 0)


_RESTATED = re.compile(r" \((?P<digits>\d{1,3}(?:,\d{3})*)\)")
_AND_A_FRACTION = re.compile(r"(?P<whole>[a-z-]+?)-and-a-(?P<part>half|quarter)")
# "a half-mile walk", "an hour and a quarter": the fractions a unit takes in words.
_UNIT_FRACTIONS = {"half": Decimal("0.5"), "quarter": Decimal("0.25")}


def _measures(word: str) -> bool:
    """Whether a singular word is a unit of measure or of time ("hour", "mile"), or a dollar."""
    if word == "dollar":
        return True
    entry = lookup(word)
    return entry is not None and entry.dimension is not None


def _hyphened_fraction(word: _Tok, start: int) -> _Value | None:
    """ "half-mile", "quarter-hour": a fraction of the unit after the hyphen, from `start`
    (the word, or an article before it); a "half-year" is a period of the calendar."""
    head, _, tail = word.lower.partition("-")
    if head in _UNIT_FRACTIONS and tail in SCALES and tail != "hundred":
        value = _UNIT_FRACTIONS[head] * SCALES[tail]  # "a half-million lives"
        return _Value(value, start, word.end, grouped=True, scaled=True)
    if head not in _UNIT_FRACTIONS or tail in ("year", "time") or not _measures(tail):
        return None
    return _Value(_UNIT_FRACTIONS[head], start, word.start + len(head) + 1, grouped=True)


def _unit_and_fraction(text: str, first: _Tok) -> _Value | None:
    """ "a quarter-mile", "a half-hour": a fraction of one unit, joined by a hyphen;
    "an hour and a half", "a dollar and a half": one unit and a fraction, one value."""
    word = _token(text, first.end)
    if word is None or word.kind != "word":
        return None
    if first.lower != "one" and (hyphened := _hyphened_fraction(word, first.start)):
        return hyphened
    if first.lower != "one" and (single := _one_measure(text, first, word)) is not None:
        return single
    if not _measures(word.lower):
        return None
    for fraction, extra in _UNIT_FRACTIONS.items():
        phrase = f" and a {fraction}"
        after = word.end + len(phrase)
        if text.startswith(phrase, word.end) and not text[after : after + 1].isalnum():
            value = _Value(1 + extra, first.start, after, grouped=True)
            if word.lower == "dollar":
                value.unit, value.bare_dollar = "USD", True
            else:
                value.unit = word.text
            return value
    return None


def _one_measure(text: str, article: _Tok, word: _Tok) -> _Value | None:
    """ "up to a foot of snow", "a mile away", "a half mile": one unit of length (or half of
    a unit or a scale) after an article, where what follows shows a measurement is meant."""
    if word.lower == "half":
        unit = _token(text, word.end)
        if unit is None or unit.kind != "word":
            return None
        scale = _multiplier(unit.lower)
        if scale:  # "a half million people", "a half dozen eggs"
            return _Value(Decimal(scale) / 2, article.start, unit.end, grouped=True, scaled=True)
        if not _measures(unit.lower):
            return None
        figure = _Value(Decimal("0.5"), article.start, unit.end, grouped=True)
        figure.unit = unit.text  # "walked about a half mile", "a half hour"
        return figure
    if word.lower in ("penny", "cent"):
        if article.lower == "one" or not _BY_BEFORE_SHARE.search(
            text, max(0, article.start - 24), article.start
        ):
            return None  # "not a penny more", "a penny for your thoughts": no amount
        return _Value(Decimal(1), article.start, article.end)  # "by a penny a litre": one penny
    if _word_at(text, word.end) not in _MEASURED_AFTER:
        return None
    entry = lookup(word.lower)
    if entry is None or entry.dimension != "length" or entry.unit != word.lower:
        return None  # a singular unit of length: "a foot of snow", not "a pound of flesh"
    figure = _Value(Decimal(1), article.start, word.end, grouped=True)
    figure.unit = word.text
    return figure


_MEASURED_AFTER = _words("of away long wide high tall deep across")


# "by a third", "by about a third", "by nearly a quarter": a change by a share.
_BY_BEFORE_SHARE = re.compile(
    r"\b(?i:by)[\s\u00a0]+(?:(?i:about|around|roughly|nearly|almost|some|over|just\s+over|barely|just|only"
    r"|more\s+than|less\s+than|close\s+to|up\s+to|at\s+least)[\s\u00a0]+)?$"
)


def _share(first: _Tok, end: int, fraction: Decimal) -> _Value:
    """A proportion read from words: it counts no unit ("two thirds of voters")."""
    return _Value(fraction, first.start, end, grouped=True, proportion=True)


def _spoken_fraction(text: str, first: _Tok) -> _Value | None:
    """ "two thirds of", "two-thirds", "a fifth of", "three quarters of": a share, or None."""
    parts = first.lower.split("-")
    if len(parts) == 2 and parts[1] in _DENOMINATORS:
        numerator, denominator, end = parts[0], parts[1], first.end  # "two-thirds"
    else:
        second = _token(text, first.end)
        if second is None or second.lower not in _DENOMINATORS or len(parts) != 1:
            return None
        if (
            _word_at(text, second.end) not in ("of", "majority")
            and not _RESTATED_SHARE.match(text, second.end)
            and not (
                _BY_BEFORE_SHARE.search(text, max(0, first.start - 24), first.start)
                and not text[second.end : second.end + 1].isalnum()
                and _word_at(text, second.end) not in _PERIOD_WORDS
                and _word_at(text, second.end) != "past"  # "by a quarter past nine"
            )
        ):
            return None  # "a third time", "two quarters": an ordinal or a period; "by a third"
        numerator, denominator, end = parts[0], second.lower, second.end
    count = 1 if numerator in ("a", "an", "one") else UNITS.get(numerator, 0)
    if not 0 < count < _DENOMINATORS[denominator]:
        return None
    fraction = Decimal(count) / _DENOMINATORS[denominator]
    return _fraction_of_a_unit(text, first, end, fraction) or _share(first, end, fraction)


_OF_A = re.compile(r"[ \u00a0]+of[ \u00a0]+an?[ \u00a0]+")


def _fraction_of_a_unit(text: str, first: _Tok, end: int, fraction: Decimal) -> _Value | None:
    """ "one-fifth of an inch", "two-tenths of a percentage point": a part of one unit, a
    value in that unit (the unit is read after it), not a share."""
    of_a = _OF_A.match(text, end)
    if of_a is None:
        return None
    unit = _token(text, of_a.end())
    if unit is None or unit.kind != "word":
        return None
    if unit.lower == "percentage" and _word_at(text, unit.end) == "point":
        point = _token(text, unit.end)
        return _Value(fraction, first.start, point.end, grouped=True, unit="pp")  # type: ignore[union-attr]
    if unit.lower == "point" and ("%" in text or "percent" in text):
        # "rose a tenth of a point to 7.9 percent": a point beside a percentage
        return _Value(fraction, first.start, unit.end, grouped=True, unit="pp")
    if not _measures(unit.lower):
        return None
    return _Value(fraction, first.start, of_a.end(), grouped=True)


# --- what precedes ---------------------------------------------------------------


def _look_back(text: str, start: int, floor: int) -> _Prefix:
    """Currency, bound and context words on the same line before a figure."""
    window_start = max(floor, start - _LOOKBACK)
    window_start = max(window_start, text.rfind("\n", window_start, start) + 1)  # same line only
    tokens = _back_tokens(text, window_start, start)
    cut_word = window_start > floor and text[window_start - 1].isalnum()
    if tokens and cut_word and text[window_start].isalnum():
        tokens = tokens[1:]  # a word cut by the window
    prefix = _Prefix(start)
    _context_words(tokens, prefix)
    if len(tokens) == 1 and prefix.sentence_start and window_start == floor > 0:
        # The window opens where the figure before ended ("the 10 nm Snapdragon 710"): a
        # sentence starts there only after its end mark.
        prefix.sentence_start = text[max(0, floor - 2) : floor].rstrip()[-1:] in _SENTENCE_MARKS
    index = len(tokens)
    if index > 1 and tokens[-1] in _PREFIX_SCALES and tokens[-2] in CURRENCY_SYMBOLS:
        index = _take_scaled_currency(text, tokens, window_start, prefix)  # "€m 127.5"
    elif tokens and _opens_no_prefix(tokens):
        return prefix
    # "below minus 50": the sign is next to the figure, the bound before it.
    if (
        prefix.previous == "minus"
        and index > 0
        and tokens[index - 1].lower() == "minus"
        and not (  # "plus or minus 5" is a margin; "or minus 48°C" a figure below zero
            index > 2 and tokens[index - 2].lower() == "or" and tokens[index - 3].lower() == "plus"
        )
    ):
        prefix.negative = True
        prefix.first = index - 1
        index -= 1
    if index and text[start - 1 : start].isalpha():
        code = _glued_currency(text, start, _DIGITS.match(text, start).end())  # type: ignore[union-attr]
        if code is not None:  # "Sh2.1 billion": _reject_glued let it through
            index -= 2 if index > 1 and tokens[index - 2] == "$" else 1  # "$US510 million"
            prefix.currency, prefix.first = code, index
    index = _take_currency(tokens, index, prefix)
    taken = index  # where the bound phrase ends; the tokens' end when no currency was taken
    index = _take_bound(tokens, index, prefix)
    if (
        prefix.bound is not None
        and taken == len(tokens)  # a span or a movement, never a sum ("up to $5" stays)
        and _bound_is_a_phrase_verb(text, start, tokens, index, taken)
    ):
        prefix.bound, prefix.first = None, None
    if (
        prefix.bound is not None
        and index == 0
        and window_start == floor
        and tokens[0].lower() in _COMPARATIVES
        and text[max(0, floor - 8) : floor].rstrip().lower().endswith(_COMPARED_BY)
    ):
        # "20 per cent less than the projected 40 million": the figure is what the share
        # compares with, not a bound
        prefix.bound = None
        prefix.first = taken if taken < len(tokens) else None  # keep a currency taken
    if (
        prefix.bound is not None
        and index == 0
        and floor > 0
        and window_start == floor
        and tokens
        and tokens[0].lower() in _PREPOSITION_BOUNDS
    ):
        prefix.bound = None  # "3,338 kilometres over 21 stages": a preposition, not a bound
        prefix.first = 1 if len(tokens) > 1 else None
    if index > 0 and tokens[index - 1].lower() in ("between", "from"):
        verb = index - 3 if index > 2 and tokens[index - 2].lower() == "anywhere" else index - 2
        ranging = verb >= 0 and tokens[verb].lower() in _RANGE_VERBS  # "range anywhere from"
        prefix.between = tokens[index - 1].lower() == "between" or ranging
        prefix.from_ = not prefix.between
        prefix.first = index - 1
        index -= 1
        if prefix.from_:
            index = _take_bound(tokens, index, prefix)  # "from around 40%"
    if prefix.currency is None and index > 0:
        _take_currency(tokens, index, prefix, move=False)
    if prefix.first is not None:  # offsets are needed only when a prefix was taken
        # Only whitespace or "_" separates tokens, so each is the last occurrence of its text
        # before the one that follows it.
        for token in reversed(tokens[prefix.first :]):
            prefix.start = text.rfind(token, window_start, prefix.start)
    return prefix


# A share or a multiple before a comparative ("20% more than", "three times higher than").
_COMPARED_BY = ("%", "cent", "percent", "pc", "pct", "times", "fold")
_COMPARATIVES = _words("more less fewer higher lower greater bigger smaller above below")
# "spread over five instalments", "a budget over 10 years", "rose 5% over three years": "over"
# opens the span a figure is spread across; after these words it means "more than".
_SPAN_AFTER_OVER = re.compile(
    r"(?:\d[\d,.]*|[a-z]+)[\s-]+(?:(?!(?:hundred|thousand|million|billion)\b)[a-z]+\s+)?"
    r"(?:days?|weeks?|months?|years?|decades?|centur(?:y|ies)|millenni(?:um|a)"
    r"|hours?|instal?lments?"
    r"|stages?|seasons?|games?|matches|rounds?)\b",
    re.IGNORECASE,
)
_OVER_STAYS_A_BOUND = _words(
    "for in of than after within at by aged age been is was are were be spent spend spends "
    "spending taken take takes taking took waited wait waits waiting lasted lasting last lasts "
    "served serving sentenced jailed old since from to and or with need needs needed require "
    "requires required stayed lived worked existed running ran held lost gained"
)
# "inched up to 1.7 percent", "ticked up to 3%": a movement to the figure, not "at most".
_MOVES_UP = _words(
    "inched inches inching edged edges edging ticked ticks ticking crept creeps creeping "
    "moved moves moving went goes climbed climbs jumped jumps shot bumped revised"
)


def _bound_is_a_phrase_verb(
    text: str, start: int, tokens: list[str], index: int, taken: int
) -> bool:
    """Whether the bound just taken is a preposition or a verb's particle, not a bound:
    "over five instalments" after a noun, "inched up to 1.7 percent"."""
    phrase = [t.lower() for t in tokens[index:taken]]
    before = tokens[index - 1] if index else ""
    if phrase == ["up", "to"]:
        return before.lower() in _MOVES_UP
    span = _SPAN_AFTER_OVER.match(text, start) if phrase == ["over"] else None
    if span is None:
        return False
    if before[-1:].isdigit() or before.endswith("%") or before == ",":
        return True  # "rose 5% over three years"
    if tokens[index] == "Over" and before in ("", '"', "“"):
        return text.startswith(",", span.end())  # "Over three years, that added up to …"
    return before.isalpha() and before.islower() and before not in _OVER_STAYS_A_BOUND


def _back_tokens(text: str, start: int, end: int) -> list[str]:
    """The `_BACK_TOKEN` tokens of `text[start:end]`.

    No token spans whitespace, so splitting on it first leaves the regex only the
    pieces that are not one plain word, which most are.
    """
    tokens: list[str] = []
    for piece in text[start:end].split():
        if piece.isalpha():
            tokens.append(piece)
        else:
            tokens += _BACK_TOKEN.findall(piece)
    return tokens


def _opens_no_prefix(tokens: list[str]) -> bool:
    """Whether the figure follows a lower-case word that ends no currency, bound,
    approximation or range opener ("killed 12"): the common case, tested cheaply.
    """
    last = tokens[-1]
    return (
        last.isalpha()
        and last.islower()
        and last not in _PREFIX_LAST_WORDS
        and (len(tokens) < 2 or tokens[-2].lower() != "the")
    )


# What a sentence (or a list item) opens after.
_SENTENCE_MARKS = frozenset([".", "!", "?", '"', "“", ":", ";", "•", "-", "–"])


def _context_words(tokens: list[str], prefix: _Prefix) -> None:
    """Record the word before the figure, labels ("No.", "#"), months and plus signs."""
    if not tokens:
        prefix.sentence_start = True
        return
    last = tokens[-1]
    if last == "+":
        prefix.plus = True
    if last in ("#", "№"):
        prefix.label = True
    index = len(tokens) - 2 if last == "." and len(tokens) > 1 else len(tokens) - 1
    previous = tokens[index]
    if previous[0].isalpha():
        lower = previous.lower()
        prefix.previous = lower
        prefix.previous_capitalised = previous[0].isupper()
        if not previous.islower():  # "iPhone 15", "SEA-ME-WE 3": a name wherever it stands
            prefix.name_like = previous[0].islower() or (
                index > 1
                and tokens[index - 1] in _DASHES
                and previous.isupper()
                and len(previous) > 1
            )
        if lower in _LABELS and (last != "." or lower in ("no", "nos", "nr", "v", "vol", "mk")):
            prefix.label = True
        if lower in _MONTHS and previous[0].isupper():
            prefix.month = True
        before = tokens[index - 1] if index > 0 else "."
        prefix.sentence_start = before in _SENTENCE_MARKS


def _take_scaled_currency(text: str, tokens: list[str], window_start: int, prefix: _Prefix) -> int:
    """ "€m 127.5", "£bn 3": a symbol glued to a scale before the figure, as in company
    reports; returns the look-back index left before it."""
    index = len(tokens)
    glued = tokens[-2] + tokens[-1]
    if text.rfind(glued, window_start, prefix.start) < 0:
        return index  # "€ m" apart: not a scaled code
    prefix.currency = CURRENCY_SYMBOLS[tokens[-2]]
    prefix.bare_dollar = tokens[-2] == "$"
    prefix.scale = _PREFIX_SCALES[tokens[-1]]
    prefix.first = index - 2
    return index - 2


# Letters and a symbol that name a currency together: the Ghanaian cedi, written with its own
# sign or with the cent sign ("GH₵15,000", "GH¢85 million").
_LETTERED_SYMBOLS: dict[tuple[str, str], str] = {("GH", "₵"): "GHS", ("GH", "¢"): "GHS"}


def _take_currency(tokens: list[str], index: int, prefix: _Prefix, move: bool = True) -> int:
    """A currency symbol or code just before the figure ("$", "US$", "EUR", "Rs.")."""
    if index == 0:
        return index
    token = tokens[index - 1]
    code: str | None = None
    used = 1
    if index > 1 and (tokens[index - 2], token) in _LETTERED_SYMBOLS:
        code, used = _LETTERED_SYMBOLS[tokens[index - 2], token], 2  # "GH₵15,000"
    elif token in CURRENCY_SYMBOLS:
        code = CURRENCY_SYMBOLS[token]
        if token == "$" and index > 1 and tokens[index - 2].lower() in _DOLLAR_ADJECTIVES:
            code = _DOLLAR_ADJECTIVES[tokens[index - 2].lower()]  # "Australian $300 million"
    elif token.endswith("$"):
        code = DOLLAR_PREFIXES.get(token[:-1].lower(), "USD")  # "US$", "C$", "HK$"
    elif token in ISO_CODES:
        code = token
    elif token in _LOWER_CODES:
        code = token.upper()  # "usd 20"
    elif len(token) == 3 and token.isupper() and token in currency_codes():
        code = token
    elif token == "." and index > 1 and tokens[index - 2] in _DOTTED_SIGNS:
        code, used = _GLUED_CURRENCIES[tokens[index - 2]], 2  # "Rs. 500", "Ksh.3.6 trillion"
    elif len(token) > 1 and token in _GLUED_CURRENCIES:
        code = _GLUED_CURRENCIES[token]  # "Rs 36,472 crore", "KSh 5 million"; not "R 5"
    elif token == "RMB":
        code = "CNY"  # "RMB 53.7 billion": renminbi
    if code is None:
        return index
    prefix.currency = code
    prefix.bare_dollar = token == "$"
    if not move:
        return index
    prefix.first = index - used
    return index - used


def _take_bound(tokens: list[str], index: int, prefix: _Prefix) -> int:
    """A bound or an approximation phrase just before the figure (or its currency)."""
    if index == 0:
        return index
    tail = tokens[:index]
    if tail[-1] == "." and len(tail) > 1 and tail[-2].lower() in ("c", "approx", "ca"):
        prefix.approximate = True
        prefix.first = index - 2
        return index - 2
    matched = _match_prefix(tail, prefix)
    if matched:
        return index - matched
    return _take_bound_through_the(tail, index, prefix)


_SPAN_ADJECTIVES = _words("first last past next previous final initial coming opening")


def _take_bound_through_the(tail: list[str], index: int, prefix: _Prefix) -> int:
    """ "below the 95% needed", "more than the recommended 14 units": a bound across "the"."""
    if tail[-1].lower() != "the" and (len(tail) < 2 or tail[-2].lower() != "the"):
        return index  # the common case: no "the" to reach across
    words = [t.lower() for t in tail[-3:]]
    if len(words) >= 2 and words[-1] == "the":
        cut, adjective = 1, False
    elif len(words) >= 3 and words[-2] == "the" and tail[-1].islower():
        if words[-1] in _SPAN_ADJECTIVES:
            return index  # "over the first 18 months": a span of time, no bound
        cut, adjective = 2, True
    else:
        return index
    saved = (prefix.bound, prefix.approximate, prefix.first)
    matched = _match_prefix(tail[:-cut], prefix)
    single_word = matched == 1 and tail[-cut - 1].lower() in ("below", "above")
    if matched and prefix.bound is not None and (adjective or single_word):
        return index - cut - matched
    prefix.bound, prefix.approximate, prefix.first = saved  # "fewer than the 75,000 expected"
    return index


def _match_prefix(tail: list[str], prefix: _Prefix) -> int:
    """How many tokens at the end of `tail` form a bound or approximation phrase (0 if none)."""
    if not tail or tail[-1].lower() not in _PHRASE_ENDINGS:
        return 0  # most figures have no bound: one set lookup decides
    lowered = tuple(t.lower() for t in tail[-4:])
    for size in range(len(lowered), 0, -1):  # the longest phrase wins
        phrase = lowered[-size:]
        kind = _PREFIX_KINDS.get(phrase)
        if kind is None or (phrase == ("c",) and tail[-1] != "c"):
            continue
        if phrase[0] == "up" and len(tail) > size and tail[-size - 1].lower() in _UP_VERBS:
            continue  # "stepped up to Rs 10 crore", "went up to 5%": a change, not a bound
        if (
            kind != "approx"
            and len(phrase) == 2
            and phrase[0] in _QUALITY_COMPARATIVES
            and len(tail) > size
            and tail[-size - 1].lower() in _DEGREE_ADVERBS
        ):
            return 0  # "marginally higher than 2.9 percent": compared with a figure, not bounded
        if kind == "approx":
            prefix.approximate = True
        else:
            prefix.bound = kind
        prefix.first = len(tail) - size
        return size
    return 0


_QUALITY_COMPARATIVES = _words("higher lower greater bigger smaller larger")
_DEGREE_ADVERBS = _words(
    "slightly marginally much far significantly substantially considerably somewhat little"
)
_UP_VERBS = _words(
    "go goes going gone went shot shoot shoots add adds adding added built stepped step steps "
    "stepping ramped ramp moved jumped climbed scaled ratcheted bumped notched ticked pushed"
)


# --- context checks ----------------------------------------------------------------


def _check_context(text: str, value: _Value, prefix: _Prefix) -> None:
    """Reject designations, phone numbers, day numbers and names before reading on."""
    if prefix.plus and value.digits is not None and not value.grouped:  # "+0.4%" is a change
        dialled = _dialled_after_plus(text, value.start)
        if dialled is not None:
            raise _Rejected(dialled)
    if _YEAR_OLDS.match(text, value.end) and value.digits is not None:
        raise _Rejected(_YEAR_OLDS.match(text, value.end).end())  # type: ignore[union-attr]
    if prefix.previous in _AGE_WORDS:
        band = _AGE_BAND.match(text, value.end)
        raise _Rejected(band.end() if band else value.end)  # "aged 11-25": an age band
    if value.digits is not None and (group := _AGE_GROUP_AFTER.match(text, value.end)):
        raise _Rejected(group.end())  # "over 50 years of age", "the 65-69 age group"
    if (
        prefix.previous == "day"
        and value.digits is not None
        and not value.grouped
        and _NUMBERED_DAY.search(text, max(0, value.start - 16), value.start)
    ):
        raise _Rejected(value.end)  # "subscribed 325% on day 2", "DAY 88:": a numbered day
    if prefix.previous == "big" and prefix.previous_capitalised:
        raise _Rejected(value.end)  # "the Big 10 coastal container ports": a name
    if prefix.label and prefix.currency is None:
        if prefix.previous not in _NUMBERED_PAPERS:
            raise _Rejected(value.end)  # "No. 10": a designation
        # "Ordinance 2024-41", "No. 25-3847": a paper's number, all of its parts
        raise _Rejected(_DESIGNATION_PARTS.match(text, value.end).end())  # type: ignore[union-attr]
    if value.start < 2 and (section := _SECTION_NUMBER.match(text, value.start)) is not None:
        raise _Rejected(section.end())  # "2.1 Hartwell is…", "39.In 2015": a numbered paragraph
    if (
        prefix.previous in _FINAL_DIGIT_WORDS
        and value.value < 10
        and _may_name_final_digit(text, value.start)
        and lookup(_word_at(text, value.end)) is None  # "ending in 3 weeks" counts
        and _FINAL_DIGIT_BEFORE.search(text, max(0, value.start - 60), value.start)
    ):
        raise _Rejected(value.end)  # "plates ending in 1 or 2": a digit, counting nothing
    if value.digits is not None:
        # One set test each in the common case: the word or the two characters before.
        if (
            prefix.previous in _PHONE_PREVIOUS or value.digits in _EMERGENCY_NUMBERS
        ) and _is_phone_number(text, value, prefix):
            raise _Rejected(_PHONE_RUN.match(text, value.start).end())  # type: ignore[union-attr]
        if (
            prefix.previous in _ROUTE_WORDS or text[value.start - 2 : value.start] in _LIST_GAPS
        ) and _is_route_number(text, value, prefix):
            raise _Rejected(value.end)  # "service 18 will divert", "services 4, 15 and 33"
        # A name before the figure is capitalised ("S&P", "Boeing"), or ends "Poor's".
        named = (prefix.previous_capitalised or prefix.previous == "s") and _NAMED_BY_NUMBER.search(
            text, max(0, value.start - 11), value.start
        )
        if named and named["index"]:
            raise _Rejected(value.end)  # "the S&P 500 index", "the Nikkei 225 fell"
        if named or (value.digits[0] == "7" and _AIRLINER.match(text, value.start)):
            raise _Rejected(_MODEL_RUN.match(text, value.start).end())  # type: ignore[union-attr]
    if (
        text.startswith("(", value.end)
        and value.unit is None
        and (sub := _SUBSECTION.match(text, value.end)) is not None
    ):
        raise _Rejected(sub.end())  # "sections 41(1) as read with 41(2)", "s 90(1)(a)"
    if (year := _STATUTE_YEAR.match(text, value.end)) and _STATUTE_NUMBER.search(
        text, max(0, value.start - 12), value.start
    ):
        raise _Rejected(year.end())
    if prefix.previous in _AGE_OF_LAST and _AGE_OF.search(
        text, max(0, value.start - 24), value.start
    ):
        band = _AGE_BAND.match(text, value.end)
        raise _Rejected(band.end() if band else value.end)  # "over the age of 25"
    if value.digits is not None and not value.grouped and not value.scaled and value.unit is None:
        number = int(value.digits)
        if 1 <= number <= 31 and (
            prefix.month
            or _month_follows(text, value.end)
            or (
                prefix.previous in _DAY_JOINERS
                and _is_bare(text, value.end)
                and _MONTH_DAY_THEN.search(text, max(0, value.start - 24), value.start)
            )
            or (  # "during 23-25 November", "from 15 to 25 January": both are days
                (span := _DAY_RANGE_TAIL.match(text, value.end)) is not None
                and _month_follows(text, span.end())
            )
            # "march 16, when…": a lower-case month is a date when no counted noun follows
            or (prefix.previous in _MONTHS and _is_bare(text, value.end))
        ):
            days = _DAY_SPAN.match(text, value.end)  # "October 22-25": both are days
            raise _Rejected(days.end() if days else value.end)
        if prefix.month and 1000 <= number < 2200 and len(value.digits) == 4:
            raise _Rejected(value.end)  # "November 2021 wait times": the month's year
        if (
            number <= 2400
            and (zone := _word_at(text, value.end)) in _TIME_ZONES
            and (zone != "hrs" or len(value.digits) > 2)  # "1400 hrs"; "24 hrs" is hours
        ):
            raise _Rejected(value.end)  # "1400 GMT", "9 CET": a time of day
        if (
            number <= 12
            and (  # two set tests first: most figures are followed by neither
                text[value.end + 1 : value.end + 2] in _HOUR_RANGE_JOINS
                or text[value.end : value.end + 1] in _HOUR_RANGE_JOINS
            )
            and _HOUR_RANGE_END.match(text, value.end) is not None
        ):
            raise _Rejected(value.end)  # "from 7 to 11 p.m.": the first end is an hour too
        if _ADDRESS_AFTER.match(text, value.end):
            raise _Rejected(value.end)  # "233 W. Main Street", "the 300 block of Julia St."
        if (
            value.start < 3
            and _LIST_MARKER.match(text, value.end)
            and not text[: value.start].strip("( ")
        ):
            raise _Rejected(value.end)  # "18. The Court's powers", "(2) One hundred dollars"
        if _looks_like_designation(text, value, prefix):
            raise _Rejected(value.end)  # "Formula 1", "Windows 11", "Euro 2024"
    if value.capitalised_word and prefix.previous_capitalised and not prefix.sentence_start:
        raise _Rejected(value.end)  # "Formula One", "Channel Four"


# "contact Police on 105 quoting file number…", "call Crime Stoppers on 1800 333 000", "the
# Hotline on 1 (800) 623-8477": the figure after "on"/"at" where a call is asked for; not
# "call on 12 nations" (urge).
_CONTACT_BEFORE = re.compile(
    r"\b(?:(?i:call)(?!\s+on\b)|(?i:contact|contacting|phone|phoning|ring|ringing|dial|dialling"
    r"|dialing|texting|touch|hotline|helpline|crimestoppers|stoppers))\b[^.;!?\n]{0,80}?\s(?:on|at)\s+$"
)
# Emergency numbers, after a verb of calling or before "emergency": "dialling 111".
_EMERGENCY_NUMBERS = frozenset({"111", "999", "911", "000", "112", "101"})
# Where the sentence is about calling one, what may follow an emergency number: nothing, a
# stop, or a word no count takes ("101 is the number", "999 in an emergency").
_AFTER_A_NUMBER_TO_DIAL = frozenset({"", "is", "or", "and", "from", "in", "if", "for", "to"})
_CALLING = re.compile(
    r"\b(?i:call|calls|calling|dial|dialling|dialing|emergency|hotline|helpline)\b"
)
_CALL_VERBS = _words("call calling dial dials dialled dialling dialing ring ringing phone phoning")
_PHONE_PREVIOUS = _CALL_VERBS | {"on", "at"}
# After a figure a call verb asks for: the end, a stop, a further number or a few words that
# no count takes ("call 500 people" counts).
_CALLED_AFTER = re.compile(r"[ \d]{0,24}(?:$|[:;,.!?)]|\s+(?:or|and|for|if|from|to\s+report)\b)")


def _is_phone_number(text: str, value: _Value, prefix: _Prefix) -> bool:
    """A telephone number the sentence asks readers to call, and no unit after it."""
    if value.digits in _EMERGENCY_NUMBERS and (
        prefix.previous in _CALL_VERBS
        or text.startswith(" emergency", value.end)
        or (_word_at(text, value.end) in _AFTER_A_NUMBER_TO_DIAL and _CALLING.search(text))
        or (
            prefix.previous in ("on", "at")
            and _CONTACT_BEFORE.search(text, max(0, value.start - 100), value.start) is not None
        )
    ):
        # "call 101 or 999", "Calls to 101 from land lines cost 15 pence", "contact
        # Nottinghamshire Police on 101, quoting …"
        return True
    if (
        prefix.previous in _CALL_VERBS
        and prefix.currency is None
        and value.digits is not None
        and len(value.digits) >= 3
        and _CALLED_AFTER.match(text, value.end)
    ):
        return True  # "call 101:", "Call 10111", "dial 0845 0454545 or …": what to dial
    if prefix.previous not in ("on", "at") or prefix.currency is not None:
        return False
    if not _CONTACT_BEFORE.search(text, max(0, value.start - 100), value.start):
        return False
    run = _PHONE_RUN.match(text, value.start).end()  # type: ignore[union-attr]
    after = _token(text, run)
    return after is None or (after.kind != "sym" and lookup(after.text) is None)


# Bus services and routes are numbered: "service 18 will divert", "Services 24, 75 and 90",
# "bus services 4, 4F, 16A and 33"; a unit after the figure keeps it ("services 24 hours").
_ROUTE_WORDS = _words("service services route routes line lines")
_LIST_GAPS = frozenset([", ", "& ", "d ", "r "])  # "d ", "r ": the end of "and ", "or "
# "Route 1 and 6", "Route 5 or 75": one route named, another joined to it; "petitioner
# Nos. 2 and 3": numbered parties.
_ROUTE_LIST_BEFORE = re.compile(
    r"\b(?i:services?|routes?|lines?|nos\.?)\s+(?:[A-Za-z]?\d+[A-Za-z]?\s*(?:,|&|and|or)\s*)+$"
)


def _is_route_number(text: str, value: _Value, prefix: _Prefix) -> bool:
    """A bus service's or a route's number, or one in a list of them."""
    if prefix.previous not in _ROUTE_WORDS:
        gap = text[value.start - 2 : value.start]
        listed = (gap != "d " or text.endswith("and ", 0, value.start)) and (
            gap != "r " or text.endswith(" or ", 0, value.start)
        )
        if not listed or not _ROUTE_LIST_BEFORE.search(
            text, max(0, value.start - 120), value.start
        ):
            return False
    after = _token(text, value.end)  # "services 24 hours", "Route 5 or 75 minutes": a unit keeps it
    return after is None or after.kind != "word" or lookup(after.text) is None


def _looks_like_designation(text: str, value: _Value, prefix: _Prefix) -> bool:
    """A bare figure right after a capitalised word, mid-sentence ("Formula 1")."""
    if prefix.name_like:
        return True  # "iPhone 15", "SEA-ME-WE 3 cable", wherever the sentence starts
    if not prefix.previous_capitalised:
        return False  # the common case, decided by one attribute
    plain = (
        prefix.bound is None
        and not prefix.approximate
        and prefix.currency is None
        and not prefix.between
        and not prefix.from_
    )
    return (
        plain
        and prefix.previous_capitalised
        and not prefix.sentence_start
        and prefix.previous not in _MONTHS
        and (_is_bare(text, value.end) or _word_at(text, value.end) in _PART_NOUNS)
        and not _dash_digit(text, value.end)
    )


# A part a model number names: "the Snapdragon 821 chip", "an Adreno 530 graphics coprocessor",
# "the Gorilla Glass 4 panel" (a count of chips is written "821 chips", the name first no more).
_PART_NOUNS = _words(
    "chip chipset processor processing coprocessor cpu gpu soc graphics panel modem sensor "
    "quad-core octa-core hexa-core dual-core"
)


def _dash_digit(text: str, end: int) -> bool:
    """Whether a dash and a digit follow, directly ("2-1") or spaced ("54 – 39")."""
    if text.startswith(" ", end) and text.startswith(" ", end + 2):
        end += 1  # "Biden 54 – 39 percent": a pair, not a designation
        return end + 2 < len(text) and text[end] in _DASHES and text[end + 2].isdecimal()
    return end + 1 < len(text) and text[end] in _DASHES and text[end + 1].isdecimal()


def _month_follows(text: str, end: int) -> bool:
    """Whether a month name follows ("3 Nov", "3rd of November")."""
    token = _token(text, end)
    if token is not None and token.lower == "of":
        token = _token(text, token.end)
    return token is not None and token.lower in _MONTHS and token.text[0].isupper()


def _is_bare(text: str, end: int) -> bool:
    """Whether no marker (%, currency, unit noun) follows a figure."""
    token = _token(text, end)
    if token is None or token.kind != "word":
        return token is None or token.text not in "%$€£"
    lower = token.lower
    return lower in _STOP or token.text[0].isupper()


_CLOCK_HOURS = frozenset({"hours", "hrs"})
# "The index closed at 1250.": a level, however much it looks like a time of day.
_LEVEL_AT = re.compile(
    r"\b(?:closed|ended|finished|settled|stood|stands|opened|traded|peaked|hovered|remained"
    r"|is|was|are|were|capped|pegged|fixed|priced|valued)\s+at\s+$",
    re.IGNORECASE,
)


def _is_clock_time(text: str, value: _Value, unit: str | None, end: int) -> bool:
    """A 24-hour time after "at": three or four plain digits with minutes under 60, alone
    ("at 1200.") or with "hours" ("at 1500 hours", as police reports write it)."""
    digits = value.digits
    if digits is None or value.grouped or value.scaled or not 3 <= len(digits) <= 4:
        return False
    if int(digits[-2:]) >= 60 or int(digits[:-2]) >= 24:
        return False
    if unit is not None:
        return unit.lower() in _CLOCK_HOURS
    if text[end : end + 2].strip(" ").isalnum():
        return False  # a word follows: "at 1200 feet", "at 1200 in the morning"
    return _LEVEL_AT.search(text, max(0, value.start - 24), value.start) is None


def _check_whole(
    text: str,
    value: _Value,
    high_value: _Value | None,
    prefix: _Prefix,
    unit: str | None,
    per: Per | None,
    end: int,
) -> None:
    """Reject years, pronoun "one", and figures a date expression consumes."""
    four_digits = value.digits is not None and len(value.digits) == 4  # years only: a cheap gate
    if (
        four_digits
        and (
            _is_year(text, value, prefix, unit)
            or (_looks_like_year(value) and _after_month_day(text, value))
            or _close_years(value, high_value)
        )
        and (high_value is None or _is_year_end(value, high_value))
    ):
        tail = _YEAR_TAIL.match(text, value.end)
        raise _Rejected(
            max(end, tail.end() if tail else end, high_value.end if high_value else end)
        )
    if four_digits and unit is None and _is_early_year(text, value, prefix):
        raise _Rejected(end)  # "in 1753", "June 23, 1683": a year before 1800
    if prefix.previous == "at" and _is_clock_time(text, value, unit, end):
        raise _Rejected(end)  # "at 1300", "at 948 hours": a 24-hour time of day
    if (
        value.digits is None
        and unit is None
        and not value.scaled
        and not prefix.currency
        and prefix.bound is None
        and not value.vague
        and (value.value == 0 or prefix.previous in _BARE_WORD_DETERMINERS)
    ):
        raise _Rejected(end)  # "net zero", "the two met": a number word counting nothing named
    if value.one_word and (
        unit is None
        or prefix.previous in _PRONOUN_ONE_CONTEXT
        or _word_at(text, value.end) == "of"
        or unit.lower() in _VAGUE_SINGULARS  # "one thing we know"
        or _one_of_a_kind(unit)  # "One expert said", "make one final stop"
    ):
        raise _Rejected(value.end)
    if _is_written_year(text, value, prefix, unit):
        raise _Rejected(end)  # "in the year of our Lord one thousand seven hundred and …"
    if (
        not value.scaled
        # "within 7 to 10 days": no date reads a range there ("the next 2-3 days" is one)
        and (high_value is None or prefix.previous != "within")
        and _is_date_duration(text, value, prefix, unit, per, end)
    ):
        # "within two weeks", "three years ago" belong to dates; "150 million years ago"
        # is no calendar date
        raise _Rejected(end)


def _one_of_a_kind(unit: str) -> bool:
    """After the word "one", a singular noun that is no unit of measure or time: "one"
    is then an article ("One storm is lashing the East"), not a count."""
    words = unit.lower().split()
    if _is_plural(words[-1]) or words[0] in _DURATION_UNITS or words[0] in _ATTACHED_UNITS:
        return False
    if _dimension(unit)[0] != "count":
        return False  # "one dollar", "one metre", "one °C"
    return all(lookup(word) is None for word in (words[0], words[-1]))


def _is_written_year(text: str, value: _Value, prefix: _Prefix, unit: str | None) -> bool:
    """A year written out in words ("one thousand eight hundred and sixty-two") where a
    date writes its year: after "the year of (our Lord)" or a month and a comma."""
    if (
        value.digits is not None
        or unit is not None
        or prefix.currency is not None
        or prefix.bound is not None
        or not _OLD_YEAR_MIN <= value.value <= 2100
    ):
        return False
    before = text[max(0, value.start - _LOOKBACK) : value.start].lower()
    if "year of" in before or "our lord" in before:
        return True
    words = before.rstrip().rstrip(",").split()
    return before.rstrip().endswith(",") and bool(words) and words[-1] in _MONTHS


def _is_date_duration(
    text: str, value: _Value, prefix: _Prefix, unit: str | None, per: Per | None, end: int
) -> bool:
    """A count of days…years that a date expression opens or closes."""
    if unit is None or per is not None or value.unit is not None:
        return False  # "the previous 52-week high": a unit attached makes a modifier, not a span
    lower = unit.lower()
    if lower not in _DURATION_UNITS and not (
        lower in _ROLLING_ONLY and prefix.previous in _ROLLING_OPENERS
    ):
        return False
    if prefix.previous == "within" and _word_at(text, end) in ("of", "from"):
        return False  # "within three weeks of the vote": a span from an undated event
    if prefix.previous == "last" and _LAST_AS_VERB.search(
        text, max(0, prefix.start - 16), prefix.start
    ):
        return False  # "the mission will last 22 days": the verb, a duration
    return (
        prefix.previous in _DATE_OPENERS
        or _word_at(text, end) in _DATE_CLOSERS
        or _SPAN_TO_A_DATE.match(text, end) is not None
        or _BACK_AS_AGO.match(text, end) is not None
        or (prefix.previous == "in" and _TIME_AFTER.match(text, end) is not None)
    )


_TIME_AFTER = re.compile(r"['’]?[ \u00a0]+time\b")  # "in 2 years time", "in three weeks' time"
_LAST_AS_VERB = re.compile(
    r"\b(?:will|would|to|could|can|may|might|should|must|does|did|'ll|’ll)[ \u00a0]+last[ \u00a0]+$"
)
# "the twelve months to June 2012", "the six months ended 30 June", "the five years ending in
# 2023": a span a date closes is a period of the calendar, not a count.
_SPAN_TO_A_DATE = re.compile(
    r"[ \u00a0]+(?:ended|ending|(?:to|through)[ \u00a0]+(?:the[ \u00a0]+end[ \u00a0]+of\b"
    r"|[A-Z][a-z]+[ \u00a0]+\d|\d{1,2}[ \u00a0]+[A-Z][a-z]+"
    # "the 12 months to September", "to end-June", "the ten years to 2023", "the 12 months to
    # the December quarter"
    rf"|(?:end-)?(?:{_MONTH_NAME})\b|(?:19|20)\d\d\b(?![-–/]?\d)"
    rf"|the[ \u00a0]+(?:{_MONTH_NAME})[ \u00a0]+quarter\b))"
)


def _is_year(text: str, value: _Value, prefix: _Prefix, unit: str | None) -> bool:
    """A bare four-digit figure 1800–2100 counting nothing, or modifying "levels", "budget"…"""
    if not _looks_like_year(value) or prefix.currency:
        return False
    if unit is not None and (unit.split()[0].lower() in _YEAR_NOUNS or unit[0].isupper()):
        return True  # "below 1990 levels", "the 2016 Christmas appeal", "2018 World Cup"
    if (
        prefix.bound is not None
        and prefix.previous == "than"
        and _QUALITY_THAN.search(text, max(0, prefix.start - 24), value.start)
    ):
        # "expected to be lower than 2016 harvest": a year after a comparison, unless a
        # count or a measure follows ("higher than 1500 metres"); "more than 2000" counts
        return unit is None or (not _is_plural(unit.split()[0].lower()) and lookup(unit) is None)
    if prefix.bound is not None or prefix.approximate:
        return False
    if unit is None:
        return True
    # "the Minimum Wages Order 2022 stipulates": the year of an instrument's title
    return prefix.previous in _YEAR_CONTEXT or (
        prefix.previous_capitalised and prefix.previous in _INSTRUMENTS
    )


# Titles of legal instruments and plans, dated by the year after them.
_INSTRUMENTS = _words(
    "act order orders regulations rules declaration decree bill code plan strategy directive "
    "agreement statute ordinance amendment framework"
)
# A comparison of qualities before "than": a bare year after it is a year ("lower than
# 2016"); after "more", "less" or "fewer" it is as often a count.
_QUALITY_THAN = re.compile(
    r"\b(?:higher|lower|better|worse|bigger|smaller|greater|larger|stronger|weaker|faster"
    r"|slower|earlier|later|cheaper|dearer|warmer|colder|wetter|drier)\s+than\s+$",
    re.IGNORECASE,
)


def _is_early_year(text: str, value: _Value, prefix: _Prefix) -> bool:
    """A bare figure 1000–1799 where a year is written: after "in", "of"…, a month, or
    a day and a comma ("June 23, 1683"). Without such a word it may be a count."""
    digits = value.digits
    if (
        digits is None
        or not _OLD_YEAR_MIN <= int(digits) < 1800
        or value.grouped
        or value.scaled
        or value.unit is not None
        or prefix.bound is not None
        or prefix.currency is not None
    ):
        return False
    if prefix.previous in _YEAR_CONTEXT or prefix.month:
        return True
    if text[value.start - 2 : value.start] != ", ":
        return False
    before = text[max(0, value.start - 14) : value.start - 2].split()
    return bool(before) and (before[-1].isdecimal() or before[-1].lower() in _MONTHS)


def _after_month_day(text: str, value: _Value) -> bool:
    """Whether the figure follows a month, a day and a comma, where a date writes its
    year even before a noun: "the September 11, 2001 terrorist attacks"."""
    if text[value.start - 2 : value.start] != ", ":
        return False
    before = text[max(0, value.start - 20) : value.start - 2].split()
    return (
        len(before) > 1
        and before[-1].rstrip("stndrh").isdecimal()
        and before[-2].lower().rstrip(".") in _MONTHS
    )


def _looks_like_year(value: _Value) -> bool:
    """A bare four-digit figure 1800–2100 with nothing attached."""
    digits = value.digits
    return (
        digits is not None
        and len(digits) == 4
        and not value.grouped
        and not value.scaled
        and value.unit is None
        and 1800 <= int(digits) <= 2100
    )


def _close_years(low: _Value, high: _Value | None) -> bool:
    """ "the 1929–1931 calendar reforms": two years a few apart, whatever noun follows
    (a count range runs far wider between such round figures)."""
    if high is None or not _looks_like_year(low) or high.digits is None or len(high.digits) != 4:
        return False
    return _is_year_end(low, high) and 0 < int(high.digits) - int(low.digits) <= 20  # type: ignore[arg-type]


def _is_year_end(low: _Value, high: _Value) -> bool:
    """The second half of "2020-2024" or "2024-25"."""
    if high.digits is None or high.grouped or high.scaled or high.unit is not None:
        return False
    if len(high.digits) == 2:
        return True
    return len(high.digits) == 4 and 1800 <= int(high.digits) <= 2100


# --- what follows ----------------------------------------------------------------


def _read_marker(text: str, value: _Value) -> int:
    """A percent sign, "per cent", "percentage points", "°C" or a currency after the figure."""
    if value.unit is not None:
        return value.end
    marker, end = _marker_at(text, value.end)
    if marker is None:
        return value.end
    if marker in _SUBUNIT_MAJORS and _SUBUNIT_END.search(text, max(0, end - 6), end):
        value.value /= 100  # "ten cents", "64 paise", "50 HK cents": a hundredth of the major unit
        value.scaled = True
    if marker == "$":
        marker, value.bare_dollar = "USD", True
    elif marker[0] in "Mk" and len(marker) == 4:  # "40 MEUR", "500 kUSD"
        multiplier = SCALE_ABBREVIATIONS[marker[0].lower()]
        value.value *= multiplier
        value.scale *= multiplier
        value.scaled = True
        marker = marker[1:]
    value.unit = marker
    value.end = end
    if len(marker) == 3 and marker.isupper():  # money: "USD million", "3 dollars 50 cents"
        _read_scale_words(text, value)
        _read_minor_unit(text, value)
    return value.end


def _read_minor_unit(text: str, value: _Value) -> None:
    """ "3 dollars 50 cents" → 3.50: cents after a currency word are part of the amount."""
    if value.scaled or text[value.end - 1 : value.end] == "$":
        return
    number = _token(text, value.end)
    if number is not None and number.lower == "and":
        number = _token(text, number.end)  # "four dollars and fifty cents"
    if number is None or not _word_before_is_currency(text, value):
        return
    if number.kind == "num":
        digits = _DIGITS.match(text, number.start)
        assert digits is not None
        minor, minor_end = Decimal(digits.group()), digits.end()
        if len(digits.group()) > 2:
            return
    elif number.kind == "word" and number.lower.split("-")[0] in NUMBER_WORDS:
        try:
            words = _read_words(text, number.start)
        except _Rejected:
            return
        minor, minor_end = words.value, words.end
    else:
        return
    cents = _token(text, minor_end)
    if cents is None or cents.lower not in _SUBUNITS or not 0 < minor < 100:
        return
    value.value += minor / 100
    value.end = cents.end


def _word_before_is_currency(text: str, value: _Value) -> bool:
    """Whether the marker just read was a currency word ("dollars"), not a code or symbol."""
    start = text.rfind(" ", 0, value.end) + 1
    return text[start : value.end].lower() in _MINOR_CURRENCY_WORDS


# "reached -33.3 C": a temperature scale's letter written apart from the figure.
_SCALE_LETTERS = {"C": "°C", "F": "°F"}
_SIGNED_FIGURE_BEFORE = re.compile(r"[-−+]\d[\d.,]*[ \u00a0]+$")
_TEMPERATURE_HINT = re.compile(r"temperat|degree|°|freez|frost|heat|warm|cold|chill", re.IGNORECASE)


def _scale_letter(text: str, token: _Tok, position: int) -> tuple[str | None, int]:
    """ "-33.3 C", "temperatures of 25 C": the letter alone, after a signed figure or in a
    sentence about temperature; "grade 5 C" and "Route 9 F" are no temperatures."""
    if text[token.end : token.end + 1].isalnum() or text[token.end : token.end + 1] in "'’.&":
        return None, position
    if (
        _SIGNED_FIGURE_BEFORE.search(text, max(0, token.start - 16), token.start) is None
        and _TEMPERATURE_HINT.search(text) is None
    ):
        return None, position
    return _SCALE_LETTERS[token.text], token.end


def _marker_at(text: str, position: int) -> tuple[str | None, int]:
    """The unit marker starting at `position`, if any, and its end ("$" for a bare dollar)."""
    token = _token(text, position)
    if token is None:
        return None, position
    if token.text == "%":
        points = _token(text, token.end)
        if points is not None and points.lower in ("points", "point"):
            return "pp", points.end  # "0.1% points": percentage points
        return "%", token.end
    if token.kind == "sym":
        if token.text not in _SYMBOL_MARKERS:
            return None, position  # mostly a comma or a full stop
        return _symbol_marker(text, token)
    if token.kind != "word":
        return None, position
    lower = token.lower
    code = token.text
    if code in _SCALE_LETTERS:
        return _scale_letter(text, token, position)
    if lower not in _MARKER_WORDS and code not in ISO_CODES:
        size = len(code)
        if size == 4 and code[0] in "Mk" and code[1:] in ISO_CODES:
            return code, token.end  # "40 MEUR": a scaled code, read by _read_marker
        if size != 3 or not code.isupper() or code not in currency_codes():
            return None, position  # most words after a figure are nouns: decide at once
    following = _token(text, token.end)
    next_lower = following.lower if following is not None else ""
    if lower in _PERCENT_WORDS or (lower == "per" and next_lower == "cent"):
        end = following.end if lower == "per" and following is not None else token.end
        if (
            text.startswith(" point", end)
            and (points := _token(text, end)) is not None
            and points.lower in ("points", "point")
        ):
            return "pp", points.end  # "0.13 percent points": percentage points
        return "%", end
    if code == "pc":
        return "%", token.end  # "by up to 5 pc": British papers' per cent, as "5pc"
    if lower == "percentage":
        if next_lower in ("point", "points") and following is not None:
            return "pp", following.end
        return "%", token.end  # "is 18.91 percentage": a percentage written out
    if lower in ("pp", "ppt", "ppts"):
        return "pp", token.end
    if lower in ("degrees", "degree") and following is not None:
        if next_lower in _CELSIUS:
            return "°C", following.end
        if next_lower in _FAHRENHEIT:
            return "°F", following.end
    if code in ISO_CODES or code in currency_codes():
        return code, token.end
    if lower in _LOWER_CODES:
        return code.upper(), token.end  # "20 usd"
    if lower in _CENTS_OF and following is not None:
        cents = (
            _token(text, following.end) if lower == "hong" and next_lower == "kong" else following
        )
        if cents is not None and cents.lower in ("cents", "cent"):
            return _CENTS_OF[lower], cents.end  # "50 HK cents", "40 Hong Kong cents"
    if lower in CURRENCY_ADJECTIVES and following is not None and next_lower in CURRENCY_WORDS:
        adjective = CURRENCY_ADJECTIVES[lower]
        return (
            adjective
            if next_lower.startswith(("dollar", "franc", "krone", "kron", "pound", "crown", "peso"))
            else CURRENCY_WORDS[next_lower]
        ), following.end
    if (
        lower in CURRENCY_ADJECTIVES
        and following is not None
        and next_lower in _MORE_CURRENCY_WORDS
    ):
        return _MORE_CURRENCY_WORDS[next_lower], following.end  # "Brazilian reais"
    if (
        lower in CURRENCY_WORDS
        and lower != "crowns"
        and not (lower == "pounds" and next_lower == "of")
        and not (lower == "won" and next_lower in _WON_OBJECTS)  # "42,000 won the day"
    ):
        return ("$" if lower in ("dollar", "dollars") else CURRENCY_WORDS[lower]), token.end
    if lower in _MORE_CURRENCY_WORDS:
        return _MORE_CURRENCY_WORDS[lower], token.end
    if lower in _ALONE_SUBUNITS and (lower != "sen" or code == "sen"):  # "the 3 Sen brothers"
        return _ALONE_SUBUNITS[lower], token.end  # "ten cents": _read_marker divides by 100
    return None, position


def _symbol_marker(text: str, token: _Tok) -> tuple[str | None, int]:
    """A degree sign or a currency symbol after the figure: "98.6 °F", "10 €"."""
    if token.text == "°":
        scale = _token(text, token.end)
        if scale is not None and scale.start == token.end:
            if scale.lower in _CELSIUS:
                return "°C", scale.end
            if scale.lower in _FAHRENHEIT:
                return "°F", scale.end
        return None, token.start
    code = CURRENCY_SYMBOLS.get(token.text)
    if code is None or text[token.end : token.end + 1].isdecimal():
        return None, token.start  # "sold 600 $5 tickets": the symbol opens the next figure
    return ("$" if token.text == "$" else code), token.end


def _opens_range(connector: _Tok, prefix: _Prefix) -> bool:
    """Whether the token after a figure may lead to its upper end."""
    if connector.text in _DASHES:
        return True
    lower = connector.lower
    if lower == "to":
        return not prefix.from_ and prefix.previous not in ("up", "down")  # "up 96p to £11.25"
    return lower == "and" and prefix.between and not prefix.from_


# Verbs of change before "N to M": a range when the ends are close ("rose 10 to 15 per
# cent"), the change and the level reached when they are far apart.
_CHANGE_VERBS = _words(
    "rose rise rises risen fell fall falls fallen dropped drop drops climbed climbs jumped "
    "jumps slipped slips gained gains lost declined declines increased decreased grew grows "
    "surged soared plunged plummeted tumbled sank dipped edged"
)


_CHANGED_BY = re.compile(
    r"\b(?:"
    + "|".join(sorted(_CHANGE_VERBS))
    + r"|increases?|decreases?|reduced|raised|cut|lowered"
    r"|hiked|up|down|rising|falling|jumping|climbing|dropping|increasing|decreasing)"
    r"\s+by\s+(?:\S{1,4}\s?)?$",
    re.IGNORECASE,
)


# A second pair after a change written "from A to B": "rise from £75.50 to £82.50 for adults
# and £49 to £53.50 for children" is one more change, not a range.
_PARALLEL_FROM_TO = re.compile(
    r"\bfrom\s+\S{1,16}\s+to\s+\S{1,16}(?:\s+for\s+[a-z]+(?:\s+[a-z]+){0,2})?,?\s+and\s+\S{0,4}$"
)


def _read_range_end(text: str, low: _Value, prefix: _Prefix, connector: _Tok) -> _Value | None:
    """The upper end of a range, with scale and markers shared with the low end."""
    position = connector.end
    currency_token = _token(text, position)
    currency = None
    if currency_token is not None and currency_token.text in CURRENCY_SYMBOLS:
        currency = CURRENCY_SYMBOLS[currency_token.text]
        position = currency_token.end
    elif currency_token is not None and currency_token.text in ISO_CODES:
        currency = currency_token.text
        position = currency_token.end
    elif (
        currency_token is not None
        and currency_token.lower in DOLLAR_PREFIXES
        and text.startswith("$", currency_token.end)
    ):
        currency = DOLLAR_PREFIXES[currency_token.lower]  # "and HK$8.47 billion"
        position = currency_token.end + 1
    elif (
        currency_token is not None
        and (
            lettered := _LETTERED_SYMBOLS.get(
                (currency_token.text, text[currency_token.end : currency_token.end + 1])
            )
        )
        is not None
    ):
        currency, position = lettered, currency_token.end + 1  # "and GH₵20,000"
    elif (
        currency_token is not None
        and len(currency_token.text) > 1
        and currency_token.text in _GLUED_CURRENCIES
        and text[currency_token.end : currency_token.end + 1] in _GROUP_SEPARATORS
    ):
        currency = _GLUED_CURRENCIES[currency_token.text]  # "from Rs 5 to Rs 55"
        position = currency_token.end
    elif currency_token is not None and currency_token.kind == "word":
        digits = _DIGITS.search(text, currency_token.start, currency_token.end)
        if (
            digits is not None
            and digits.start() > currency_token.start
            and (code := _glued_currency(text, digits.start(), currency_token.end)) is not None
        ):
            currency, position = code, digits.start()  # "between R71.84 and R79.44"
    start = _token(text, position)
    if start is None:
        return None
    negative = False
    if start.kind == "sym" and start.text in "-−–+" and text[start.end : start.end + 1].isdecimal():
        # "between 0 and -2C": _read_figure reads the sign; "between -5 and +3 °C"
        start = _token(text, start.end)
        assert start is not None
    elif start.lower == "minus" and _token_kind(text, start.end) == "num":
        negative = True  # "ranging from minus 30°C to minus 55°C"
        start = _token(text, start.end)
        assert start is not None
    # A dash joins the ends however it is spaced: "600-800", "600 - 800", "2.5 -3 feet" and
    # "2.5- 2.9°C" all write a range.
    if start.kind != "num" and (start.kind != "word" or start.lower not in NUMBER_WORDS):
        return None
    try:
        high = _read_value(text, start.start)
        _read_marker(text, high)
    except _Rejected:
        return None
    if negative:
        high.value = -high.value
    if high.vague or (high.one_word and connector.lower != "to" and not prefix.between):
        return None
    high.unit = high.unit or currency
    if not _compatible(low, high, prefix, connector):
        return None
    if (
        connector.lower == "to"
        and high.value > 3 * low.value
        and (
            prefix.previous in _CHANGE_VERBS
            or _CHANGED_BY.search(text, max(0, low.start - 40), low.start)
        )
    ):
        # "dropped 2 to 25 per cent", "rose by £104 to £3,092": the change, then the level
        # it reached ("reduced by 20 centavos to 40 centavos" stays a range)
        return None
    if connector.lower == "to" and _PARALLEL_FROM_TO.search(
        text, max(0, low.start - 80), low.start
    ):
        return None  # "from £85 to £93 for adults and £58.50 to £64 for children": two changes
    if _looks_like_year(low) and not _is_year_end(low, high):
        return None  # "doubled in 2024 to 127,350"
    if high.scale > 1 and low.scale == 1 and low.value <= high.value / high.scale:
        low.value *= high.scale
        low.scale = high.scale
    if low.value >= high.value:
        if not high.value < low.value <= 0:
            return None
        low.value, high.value = high.value, low.value  # "between 0 and -2C", "-3 to -5C"
    return high


def _read_measured_range_end(
    text: str, low: _Value, prefix: _Prefix, unit: str, end: int
) -> tuple[_Value | None, int]:
    """ "0.5 inch to 1 inch", "between 5 km and 10 km": a range whose unit of
    measure is written at both ends, and where the read resumes after the second.

    Only units of measure: a counted noun written twice ("20 jobs to 50 jobs")
    is two counts; `from` makes two values, as for any change.
    """
    connector = _token(text, end)
    if connector is None or not _opens_range(connector, prefix) or lookup(unit) is None:
        return None, end
    start = _token(text, connector.end)
    if start is None or start.kind != "num":
        return None, end
    try:
        high = _read_value(text, start.start)
        cursor = _read_marker(text, high)
    except _Rejected:
        return None, end
    if high.unit is not None or high.scale != low.scale or high.value <= low.value:
        return None, end
    high_unit, high_end = _read_unit(text, cursor, high)
    if high_unit is None or high_unit.lower() != unit.lower():
        return None, end
    return high, high_end


def _compatible(low: _Value, high: _Value, prefix: _Prefix, connector: _Tok) -> bool:
    """Whether two figures can be the ends of one range (same kind of marker)."""
    if low.unit is not None and high.unit is not None:
        return low.unit == high.unit
    if low.unit is not None and high.unit is None:
        return False  # "rose 5% to 600 drones"
    if connector.text in _DASHES:
        return not (low.digits is not None and high.digits is None)
    return True


def _descending_pair_share(text: str, low: _Value, connector: _Tok) -> str | None:
    """ "%" when "54 – 39 percent" is a pair of shares (a poll's split), not a range.

    A range runs upwards, so a falling pair whose second figure is a share is two
    shares: the first takes the "percent" written once after the second.
    """
    after = _token(text, connector.end)
    if after is None or after.kind != "num":
        return None
    try:
        second = _read_value(text, after.start)
        _read_marker(text, second)
    except _Rejected:
        return None
    return "%" if second.unit == "%" and second.value < low.value else None


def _is_scoreline(text: str, low: _Value, prefix: _Prefix, connector: _Tok) -> bool:
    """Whether "3-1" is a scoreline: small integers, low ≥ high, or a sports word around."""
    after = _token(text, connector.end)
    if after is None or after.kind != "num" or after.start != connector.end:
        return False
    run = _DIGITS.match(text, after.start)
    assert run is not None
    return not (low.digits is None or len(low.digits) > 2 or len(run.group()) > 2 or low.grouped)


def _in_sport(text: str, start: int, high_start: int) -> bool:
    """Whether a small "4-6" sits among sports words or other scores (a scoreline, not a range)."""
    if _SCORE_CONTEXT.search(text, max(0, start - _SCORE_REACH), start):
        return True
    high = _DIGITS.match(text, high_start)
    assert high is not None
    return (
        _word_at(text, high.end()) in _SCORE_WORDS
        or _SET_SCORE.match(text, high.end()) is not None
        or _SET_SCORE_BEFORE.search(text, max(0, start - 8), start) is not None
    )


def _read_unit(text: str, position: int, value: _Value) -> tuple[str | None, int]:
    """The counted noun phrase after a figure ("interceptor drones", "tonnes of steel")."""
    token = _token(text, position)
    if token is not None and token.lower == "of":
        if value.vague:
            token = _token(text, token.end)
        else:
            return _read_partitive(text, token, value, position)
    words: list[_Tok] = []
    while token is not None and len(words) < _MAX_UNIT_WORDS:
        if token.kind == "num" and words and words[-1].text[0].isupper():
            token = _designation(text, token)  # "105 Formula 1 races"
            if token is None:
                break
        if token.kind != "word":
            break
        lower = token.lower
        if lower in _LEADING_MODIFIERS and not words:
            token = _token(text, token.end)
            continue
        if lower == "parts" and not words:
            per_million = _parts_per(text, token)
            if per_million is not None:
                return per_million
        if not words and (lower == "metric" or token.text in _SHORT_MEASURES):
            short = _read_short_measure(text, token, value)
            if short is not None:
                return short
        if (
            not words
            and lower in unit_starts()
            # "796,132 second doses": an ordinal before a noun, not the unit of time
            and not _second_of_a_count(lower, _token(text, token.end), value)
        ):
            measure = _read_measure(text, token)
            if measure is not None:
                return measure
        if not words and "-" in lower and (sized := _sized_measure(token)) is not None:
            return sized
        if (
            (lower in _STOP and token.text != "US")
            or lower in NUMBER_WORDS
            or lower in _RATE_ADVERBS
            or lower in _SCORE_WORDS
        ):
            break
        if lower.endswith(("'s", "’s")):
            break
        words.append(token)
        following = _token(text, token.end)
        if lower in _IRREGULAR_PLURALS and _is_plural_noun(following):
            token = following  # "police officers", "staff members": a modifier, not the head
            continue
        if (
            _is_plural(lower)
            or _ACRONYM_PLURAL.fullmatch(token.text) is not None
            or lower in _ATTACHED_UNITS
            or (lower in _CELSIUS and len(words) > 1)
            or (  # "one year imprisonment"; not "796,132 second doses"
                lower in _SINGLE_PERIODS
                and len(words) == 1
                and not _second_of_a_count(lower, following, value)
            )
        ):
            break
        token = following
    if not words:
        return None, position
    if words[-1].lower not in _ATTACHED_UNITS and words[-1].lower not in _DURATION_UNITS:
        # "34 bank and building society robberies", "24,645 migrants and refugees": nouns
        # joined by "and" are counted together; a span is not ("10 weeks and customers").
        words.extend(_coordinated_nouns(text, words[-1].end, _is_plural(words[-1].lower)))
    last = words[-1].lower
    plural = _is_plural(last) or _ACRONYM_PLURAL.fullmatch(words[-1].text) is not None
    if not (plural or value.value == 1 or last in _ATTACHED_UNITS):
        if last in _STREET_WORDS and len(words) > 1 and words[0].text[0].isupper():
            raise _Rejected(words[-1].end)  # "221 Baker Street": an address
        return _singular_unit(words, position)
    end = words[-1].end
    if last in _OF_TAKING:
        end = _read_of_phrase(text, end)
    return _unit_text(text, words[0].start, end), end


def _second_of_a_count(lower: str, following: _Tok | None, value: _Value) -> bool:
    """ "796,132 second doses": "second" as an ordinal before a counted noun. Only a large
    count reads so: "5 second intervals" are seconds."""
    return lower == "second" and value.value >= 100 and _is_plural_noun(following)


# "TEUs", "GPUs": an acronym's plural, which the endings of `_is_plural` ("-us") would miss.
_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,6}s")


def _coordinated_nouns(text: str, position: int, after_plural: bool) -> list[_Tok]:
    """ "and" and up to three plain words ending in a plural noun ("and refugees", "and
    Pacific Islander voters"), or nothing. After a plural head only the plural may follow,
    so "300 troops and tanks" joins and "3 wins and two draws" does not."""
    if not text.startswith(" and ", position):
        return []  # the common case, decided without a token
    conjunction = _token(text, position)
    if conjunction is None or conjunction.lower != "and":
        return []
    taken: list[_Tok] = []
    token = _token(text, conjunction.end)
    while token is not None and token.kind == "word" and len(taken) < (1 if after_plural else 3):
        lower = token.lower
        if (
            lower in _STOP
            or lower in NUMBER_WORDS
            or lower in VAGUE_PLURALS  # "60 crews and dozens of firefighters"
            or lower.endswith(("'s", "’s"))
        ):
            return []
        taken.append(token)
        if _is_plural(lower):
            # "40 cars and drives them", "villages and encompasses three fourths": a verb
            # with its object, not a second noun
            after = _token(text, token.end)
            verb = after is not None and (
                after.lower in _VERB_OBJECTS or after.lower in NUMBER_WORDS
            )
            return [] if verb else [conjunction, *taken]
        token = _token(text, token.end)
    return []


# Words that open a verb's object: after one of them an "-s" word was a verb.
_VERB_OBJECTS = _words("a an the them it him her his their its our my your this that these those")


def _read_measure(text: str, token: _Tok) -> tuple[str | None, int] | None:
    """A unit of measure as its label: a name singular ("metres" → "metre"), a symbol as
    written; the stuff measured is not part of it ("5 tonnes of steel" → tonne). A time is
    left to the noun reader ("3 hours" stays as written), and so is anything not in units.json."""
    measure = _measure_at(text, token)
    if measure is None or measure[0].dimension == "time":
        return None
    entry, end = measure
    if entry.dimension in _STUFF_DIMENSIONS:
        end = _read_of_phrase(text, end)  # read past "of CO2" to the rate: "… of CO2 a year"
    if token.text == "MW" and _QUAKE_HINT.search(
        text, max(0, token.start - _QUAKE_REACH), token.end + _QUAKE_REACH
    ):
        return None, end  # "upgraded to 8.8 MW": a moment magnitude, not megawatts
    return entry.unit, end


_QUAKE_HINT = re.compile(r"quake|magnitude|seismic|tremor|richter", re.IGNORECASE)
_QUAKE_REACH = 150


# "a 300 metre-long bridge", "a 10 millimeter-thin case": a measure made an adjective.
_SIZE_TAILS = frozenset({"long", "wide", "high", "tall", "deep", "thick", "thin", "broad"})


def _sized_measure(token: _Tok) -> tuple[str, int] | None:
    """The unit of "metre-long" or "km-wide" and where it ends (before the adjective)."""
    head, _, tail = token.text.rpartition("-")
    if tail.lower() not in _SIZE_TAILS:
        return None
    entry = lookup(head)
    if entry is None or entry.dimension == "time":
        return None
    return entry.unit, token.start + len(head)


# Spellings units.json lacks: "17 min" (a duration as written), "10.8 mmt" (million metric
# tonnes), "11 metric tonnes" (a name, singularised like the table's "metric tons").
_SHORT_MEASURES = frozenset({"min", "mins", "hr", "sec", "secs", "mmt"})
_METRIC_TONNES = frozenset({"tonnes", "tonne", "tones", "tone"})


def _read_short_measure(text: str, token: _Tok, value: _Value) -> tuple[str, int] | None:
    """The unit of `token` if it is one of those spellings, and where it ends."""
    if token.text == "mmt":
        return _million_metric_tonnes(value), _read_of_phrase(text, token.end)
    if token.lower == "metric":
        tonnes = _token(text, token.end)
        if tonnes is None or tonnes.lower not in _METRIC_TONNES:
            return None
        return f"metric {tonnes.lower.removesuffix('s')}", _read_of_phrase(text, tonnes.end)
    return token.text, token.end


def _million_metric_tonnes(value: _Value) -> str:
    """ "10.8 mmt": the figure scaled by a million, in metric tonnes (the unit returned)."""
    value.value *= 10**6
    value.scale *= 10**6
    value.scaled = True
    return "metric tonne"


def _read_partitive(text: str, of: _Tok, value: _Value, position: int) -> tuple[str | None, int]:
    """ "120 of the drones" → drones; "411 of the 650 seats" → seats, leaving 650 to itself."""
    determiner = _token(text, of.end)
    if determiner is None:
        return None, position
    if determiner.kind == "num":
        after: _Tok | None = determiner  # "52 of 64 drones"
    elif determiner.lower in _PARTITIVE_DETERMINERS or determiner.text.endswith(("'s", "’s")):
        after = _token(text, determiner.end)
    else:
        return None, position
    if after is not None and after.kind == "num":
        try:
            whole = _read_figure(text, after.start)
        except _Rejected:
            return None, position
        unit, _ = _read_unit(text, whole.end, whole)
        return unit, position
    unit, end = _read_unit(text, determiner.end, value)
    return (unit, end) if unit is not None else (None, position)


def _designation(text: str, token: _Tok) -> _Tok | None:
    """Digits inside a name in a unit ("Formula 1 races") as one word token, else None."""
    run = _DIGITS.match(text, token.start)
    assert run is not None
    if len(run.group()) > 4 or _token_kind(text, run.end()) != "word":
        return None
    return _Tok("word", run.group(), run.start(), run.end(), run.group())


def _parts_per(text: str, parts: _Tok) -> tuple[str, int] | None:
    """ "parts per million" as one unit."""
    per = _token(text, parts.end)
    scale = _token(text, per.end) if per is not None else None
    if per is None or scale is None or per.lower != "per" or scale.lower not in SCALES:
        return None
    return _unit_text(text, parts.start, scale.end), scale.end


def _singular_unit(words: list[_Tok], position: int) -> tuple[str | None, int]:
    """A phrase with no plural head: only a measure unit ("5 km") is a unit."""
    first = words[0].lower
    if first in _ATTACHED_UNITS or (first != "pound" and _measures(first)):
        return words[0].text, words[0].end  # "half an hour", "a 2 hour delay"
    if first == "basis" and len(words) > 1 and words[1].lower == "point":
        return "basis point", words[1].end  # "a 25 basis point cut"
    if first == "teu":
        return words[0].text, words[0].end  # "76.73 million teu": twenty-foot containers
    if first == "degree":
        return "°C", words[0].end  # "the 100 to 105 degree range": degrees, read as bare ones
    return None, position


def _read_of_phrase(text: str, position: int) -> int:
    """ "of rice", "of crude oil": an of-phrase after a container, up to two words."""
    token = _token(text, position)
    if token is None or token.lower != "of":
        return position
    end = position
    token = _token(text, token.end)
    count = 0
    while token is not None and token.kind == "word" and count < 2:
        lower = token.lower
        if (
            lower in _STOP
            or lower in _RATE_ADVERBS
            or lower in NUMBER_WORDS
            or lower.endswith(("'s", "’s"))
        ):
            break
        if count and lower.endswith(("ed", "ing")):
            break
        end = token.end
        count += 1
        token = _token(text, token.end)
    return end


def _unit_text(text: str, start: int, end: int) -> str:
    """The unit as written, with degree words normalised to °C."""
    unit = " ".join(text[start:end].split())
    lower = unit.lower()
    if lower in ("degrees celsius", "degrees c", "degrees", "degrees centigrade"):
        return "°C"
    return unit


def _is_plural_noun(token: _Tok | None) -> bool:
    """Whether a token is a lower-case plural noun ("officers"), not a stop word ("was")."""
    return (
        token is not None
        and token.kind == "word"
        and token.text.islower()
        and token.lower not in _STOP
        and _is_plural(token.lower)
    )


def _is_plural(word: str) -> bool:
    """Whether a word looks like a plural noun ("drones", "people", "tonnes")."""
    if word in _IRREGULAR_PLURALS:
        return True
    if word in _UNCOUNTED_S:
        return False
    if "-" in word:
        word = word.rsplit("-", 1)[1]
    if word.endswith("men") and len(word) > 5:
        return word[-4] not in "iuoa" or word == "seamen"  # "fishermen"; not "specimen"
    return len(word) > 2 and word.endswith("s") and not word.endswith(_NOT_PLURAL_ENDINGS)


def _read_rate(text: str, position: int) -> tuple[Per | None, int]:
    """A rate period after the quantity, past "more" or a "per patient": "£150 more a year"."""
    token = _token(text, position)
    if token is None or token.lower not in _RATE_STARTS:
        return None, position  # most quantities are followed by no rate word at all
    per, end = _read_period(text, position)
    if per is not None or end != position:
        return per, end
    if token.kind != "word":
        return None, position
    lower = token.lower
    if lower in ("more", "less", "extra"):
        per, end = _read_period(text, token.end)
        return (per, end) if per is not None else (None, position)
    if lower in ("per", "a", "an", "each"):
        noun = _token(text, token.end)
        if noun is not None and noun.kind == "word" and noun.lower not in _STOP:
            per, end = _read_period(text, noun.end)
            if (
                per is None
                and lower == "per"
                and text[noun.end : noun.end + 1] == ","
                and _word_at(text, noun.end + 1) == "per"
            ):
                per, end = _read_period(text, noun.end + 1)  # "per person, per day"
            if per is not None:
                return per, end
    return None, position


def _plain_noun(text: str, position: int, excluding: frozenset[str]) -> _Tok | None:
    """The lower-case word at `position`, unless it is one of `excluding`."""
    noun = _token(text, position)
    if noun is None or noun.kind != "word" or not noun.text.islower():
        return None
    return None if noun.lower in excluding else noun


# The unit under a slash in "19.32 g/cm3", "1.18g/t", "3,357 watts/m²"
_UNIT_DENOMINATOR = re.compile(r"/([A-Za-z]{1,5}[23²³]?)(?!\w)")


def _per_unit(text: str, unit: str, end: int) -> tuple[str, int]:
    """A unit divided by a unit of measure, not of time: "kg/m2", "mg/kg" (rates stay rates)."""
    if unit in ISO_CODES or unit == "%":
        return unit, end
    match = _UNIT_DENOMINATOR.match(text, end)
    if match is None:
        return unit, end
    denominator = match.group(1)
    if denominator.lower() in _PERIODS or (
        _denominator(denominator) is None and lookup(denominator.rstrip("23²³")) is None
    ):
        return unit, end
    singular = lookup(unit)
    return f"{singular.unit if singular else unit}/{denominator}", match.end()


def _read_period(text: str, position: int) -> tuple[Per | None, int]:
    """A rate period starting at `position`: "per day", "a year", "daily", "/h"."""
    token = _token(text, position)
    if token is None:
        return None, position
    lower = token.lower
    if lower in _RATE_ADVERBS:
        if lower in _RATE_ADJECTIVES and _plain_noun(text, token.end, _AFTER_RATE_ADVERB):
            return None, position  # "12 states weekly cases": it describes the cases
        return _RATE_ADVERBS[lower], token.end
    if token.text == "/":
        period = _token(text, token.end)
        if period is not None and period.start == token.end and period.lower in _PERIODS:
            return _PERIODS[period.lower], period.end
        return None, position
    if lower == "per" and _token_kind(text, token.end) == "num":
        return None, position  # "Rs 900 per 25 kg crate": the denominator is a figure of its own
    if lower in _RATE_OPENERS:
        period = _token(text, token.end)
        if period is None or period.lower not in _PERIOD_WORDS:
            return None, position
        if (
            lower in ("a", "an", "per")
            and period.lower in _DATE_PERIODS
            and _word_at(text, period.end) in _NOT_RATE_AFTER
            and not _ON_A_NOUN.match(text, period.end)
        ):
            return None, position  # "a year ago", "a week on Monday"; "an hour on I-80" is a rate
        return _PERIODS[period.lower], period.end
    return None, position


def _token_kind(text: str, position: int) -> str:
    """The kind of the next token ("num", "word", "sym"), or "" at a line end."""
    token = _token(text, position)
    return token.kind if token is not None else ""
