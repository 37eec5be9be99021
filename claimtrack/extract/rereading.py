"""Second readings of a quantity from the words around it.

`find_quantities` reads a figure and the words attached to it. Some of what
those words mean is decided only by the sentence around them: "pounds" is a
weight on a fishing scale and money in a fine; "102 degrees" is Fahrenheit,
because no air is 102 °C; "2.29m" after "stands" is a height, not 2.29 million.
Each function here looks at one such case and returns what the quantity should
become; `quantities.py` applies it. Guesses set the quantity's `ambiguous` flag.
"""

from __future__ import annotations

import re

from claimtrack.extract.date_words import MONTH_NAMES
from claimtrack.extract.types import Quantity

# Around a spelled "pounds", words of money: anything else is a weight.
_MONEY_CONTEXT = re.compile(
    r"\b(?:costs?|costing|price[sd]?|pa(?:y|id|ys|ying)|worth|fine[sd]?|fees?|spen[dt]|"
    r"spending|budget|fund(?:s|ing|ed)?|rais(?:e|ed|ing)|salary|wages?|earn(?:s|ed|ing)?|"
    r"sell|sold|selling|bought|buy|tax(?:es)?|bills?|profits?|revenues?|sterling|cash|"
    r"compensation|damages|debts?|loans?|grants?|bonus|awarded|owed?|charged?|stole|"
    r"robber(?:y|ies)|netted|donat\w*|invest\w*|value[sd]?|income)\b|£|\bGBP\b",
    re.IGNORECASE,
)
_SPELLED_POUNDS = re.compile(r"(?:^|\s)pounds?$|^pounds?\s", re.IGNORECASE)
# What is weighed by the million pounds: metal and crops, as output or shipments.
_MASS_CONTEXT = re.compile(
    r"\b(?:copper|silver|nickel|zinc|alumin(?:i)?um|metal|ore|cotton|beef|pork|"
    r"cheese|milk|coffee|sugar|output|production)\b",
    re.IGNORECASE,
)
_STERLING = re.compile(r"£|\bsterling\b|\bGBP\b|\bpence\b|\bp\b")
_SCALED = re.compile(r"\b(?:million|billion|trillion|bn|mn|m|k)\b", re.IGNORECASE)
_MONEY_REACH = 60

# A bare "degrees" or "°": Celsius unless the figure could only be Fahrenheit.
_BARE_DEGREES = re.compile(r"(?:degrees?|°)$", re.IGNORECASE)
_ANGLE_CONTEXT = re.compile(
    r"\b(?:angles?|turn(?:s|ed|ing)?|rotat\w*|tilt\w*|slope[sd]?|inclin\w*|pitch|"
    r"latitude|longitude|arc|view|spin\w*|pivot\w*|compass|bearing)\b",
    re.IGNORECASE,
)
_FAHRENHEIT_CONTEXT = re.compile(r"\bheat index\b|\bfahrenheit\b|°F", re.IGNORECASE)
_CELSIUS_CONTEXT = re.compile(r"\bcelsius\b|\bcentigrade\b|°C", re.IGNORECASE)
# "50 degrees (27.8 Celsius)": a conversion in brackets after a bare figure is in the other
# scale, so it shows which scale the figure was in.
_CONVERSION = (
    r"\s*\((?:minus[-\s]?|[-−])?\d[\d.,]*\s*(?:°\s*{0}\b|degrees?\s+(?:{1}|{0}\b)|{1}|{0}\))"
)
_CELSIUS_CONVERSION = re.compile(_CONVERSION.format("C", "celsius|centigrade"), re.IGNORECASE)
_FAHRENHEIT_CONVERSION = re.compile(_CONVERSION.format("F", "fahrenheit"), re.IGNORECASE)
_DEGREES_REACH = 80

# "2.29m" read as millions: a length when the sentence speaks of size, not money.
# "2.54m", "10,000m", "above 1600m"
_METRE_FIGURE = re.compile(r"(?:^|\s)(\d{1,4}|\d{1,3},\d{3}|\d{1,3}\.\d{1,2})m$")
_LENGTH_CONTEXT = re.compile(
    r"\b(?:tall|stands?|stood|standing|heights?|high|long|deep|depth|wide|width|"
    r"wingspan|shorty|giant|jump\w*|leap\w*|throw\w*|sprint|metres?|meters?|"
    r"distance|swim|swam|dash|hurdles|races?|relay|freestyle|breaststroke|backstroke|"
    r"butterfly|medley|steeplechase|heats?|finals?|ran|runs?|complete[sd]?|measuring|"
    r"waves?|swells?|tides?|storm\s+surges?|sea\s+level|apart|altitudes?|elevations?)\b"
    r"|\bof (?:him|her)\b|\dm ?[x×] ?\d"  # "a box culvert measuring 2.0m x 2.0m"
    r"|\d ?(?:ft|feet|foot|inch(?:es)?|in|yards?|miles?) \(\d"  # "8.2ft (2.5m)": a conversion
    r"|\dm \d{1,2} ?cm\b",  # "1.5m 20cm" (whole metres join their centimetres when read)
    re.IGNORECASE,
)
_LENGTH_REACH = 40

# "the second half of 2027", "the first nine months of 2024": periods, not quantities.
_ORDINAL_BEFORE = re.compile(
    r"\b(?:first|second|1st|2nd|latter|back|front|opening|closing|last|past|next)\s+$",
    re.IGNORECASE,
)
_MONTH_NAMES = "|".join(MONTH_NAMES)
# "of 2024", "of the year", "of August", "this year", "(April to June)": the calendar's.
_PERIOD_OF = re.compile(
    r"\s+(?:of\s+(?:the\s+|this\s+|last\s+|next\s+|fiscal\s+|FY)?(?:year|\d{4}|\d{2}\b"
    rf"|(?:{_MONTH_NAMES})\b)|(?:this|last)\s+years?\b|\((?:{_MONTH_NAMES})\b)",
    re.IGNORECASE,
)
PERIOD_UNITS = frozenset({"months", "weeks", "days", "quarters", "years"})


def pound_reading(text: str, quantity: Quantity) -> str | None:
    """ "520 pounds" after "record stands at" is mass: a spelled pound without money about it."""
    if quantity.unit != "GBP" or not _SPELLED_POUNDS.search(quantity.text):
        return None
    if _SCALED.search(quantity.text):
        # "5 million pounds" is money, "copper output of 413-million pounds" a mass
        wider = text[max(0, quantity.start - 3 * _MONEY_REACH) : quantity.end + _MONEY_REACH]
        return "pound" if _MASS_CONTEXT.search(wider) else None
    if "$" in text and not _STERLING.search(text):
        return "pound"  # "$30 for the first checked bag under 50 pounds": sums are in dollars
    window = text[max(0, quantity.start - _MONEY_REACH) : quantity.end + _MONEY_REACH // 2]
    return None if _MONEY_CONTEXT.search(window) else "pound"


def degree_reading(text: str, quantity: Quantity, *, dollar: str | None) -> str | None:
    """A bare "degrees": an angle, Fahrenheit, or the Celsius it was read as (None)."""
    if quantity.unit != "°C" or not _BARE_DEGREES.search(quantity.text):
        return None
    window = text[max(0, quantity.start - _DEGREES_REACH) : quantity.end + _DEGREES_REACH]
    if _ANGLE_CONTEXT.search(window):
        return "degree"
    if _CELSIUS_CONVERSION.match(text, quantity.end):
        return "°F"
    if _FAHRENHEIT_CONVERSION.match(text, quantity.end):
        return None
    if _CELSIUS_CONTEXT.search(window):
        return None
    if _FAHRENHEIT_CONTEXT.search(window) or dollar == "USD":
        return "°F"
    figure = max(abs(v) for v in (quantity.low, quantity.high) if v is not None)
    # Air and body temperatures above 50 are Fahrenheit; 140-300 is an oven in either.
    return "°F" if 50 < figure < 140 or figure >= 300 else None


def metre_reading(text: str, quantity: Quantity) -> float | None:
    """ "stands a proud 2.29m": the figure in metres, or None to keep the millions."""
    figure = _METRE_FIGURE.search(quantity.text) if quantity.unit is None else None
    if figure is None:
        return None
    window = text[max(0, quantity.start - _LENGTH_REACH) : quantity.end + _LENGTH_REACH]
    if not _LENGTH_CONTEXT.search(window):
        return None
    return float(figure.group(1).replace(",", ""))


def bracketed(text: str, earlier: Quantity, later: Quantity) -> bool:
    """Whether `later` stands in a bracket opened right after `earlier`: "5 miles (8 km)"."""
    return text[earlier.end : later.start].strip() == "("


def converts_a_length(text: str, earlier: Quantity, later: Quantity) -> bool:
    """ "60cm (24”)": `later` is `earlier`, a length, restated in brackets."""
    return earlier.dimension == "length" and bracketed(text, earlier, later)


# "the 24 GHz and 28 GHz bands", "3.5GHz spectrum", "the band 28 MHz": bands named by their
# frequency; "800 MHz of spectrum" is an amount of it.
_BAND_AFTER = re.compile(
    r"(?:[ \u00a0]+and[ \u00a0]+[\d.,]+[ \u00a0]?[GMkT]Hz)?[ \u00a0]+(?:bands?\b|spectrum\b(?![ \u00a0]+of))"
)
_BAND_BEFORE = re.compile(r"\bband[ \u00a0]+$")


def names_a_band(text: str, quantity: Quantity) -> bool:
    """Whether a frequency names a radio band rather than measuring one."""
    return bool(
        _BAND_AFTER.match(text, quantity.end)
        or _BAND_BEFORE.search(text, max(0, quantity.start - 8), quantity.start)
    )


def is_period(text: str, quantity: Quantity) -> bool:
    """ "the second half of 2027", "the first nine months of 2024": a span of the calendar."""
    before = text[max(0, quantity.start - 12) : quantity.start]
    if not _ORDINAL_BEFORE.search(before):
        return False
    if quantity.text.lower() == "half":
        return True
    return quantity.unit in PERIOD_UNITS and bool(_PERIOD_OF.match(text, quantity.end))


def shared_rate(text: str, earlier: Quantity, later: Quantity) -> bool:
    """ "6 percent or 7 percent a year": the first of a pair shares the second's rate."""
    return (
        earlier.per is None
        and later.per is not None
        and earlier.unit == later.unit
        and text[earlier.end : later.start].strip().lower() in ("or", "and", ",", "to")
    )


# A rate written after what the figure counts: "25 kg of rice per month", "100 hurricanes
# around the world each year", "grew at a 2.8 percent annual rate". Only an explicit
# "each/every/per" period or a rate adverb, and never across a clause or another figure.
_DISTANT_RATE = re.compile(
    r"\b(?:(?:each|every|per)\s+(day|week|month|quarter|year|hour|annum)|"
    r"(daily|weekly|monthly|quarterly|annually|yearly|hourly))\b",
    re.IGNORECASE,
)
# The period of each rate word, adverb ("annually") or adjective ("annual").
_RATE_WORD_PERIODS = {
    "daily": "day", "weekly": "week", "monthly": "month", "quarterly": "quarter",
    "annually": "year", "yearly": "year", "hourly": "hour", "annual": "year",
    "annualized": "year", "annualised": "year",
}  # fmt: skip
_RATE_BARRIER = re.compile(
    r"[,;:.!?()\[\]—–]|\s-\s|\b(?:and|but|which|who|whom|that|when|while|if|because|than|"
    r"since|until|after|before|last|next|this|in\s+the|over\s+the)\b",
    re.IGNORECASE,
)
# "a 3.1 percent annual rate", "an annual growth rate of 0.7 percent", "a $24 monthly
# charge", "an annual net salary of €15 million": a rate adjective on a noun that is an
# amount per period. Other nouns stay plain ("weekly cases rose to 500").
_PERIOD_ADJECTIVE = r"(?P<adj>annual(?:ized|ised)?|monthly|weekly|daily|yearly|hourly|quarterly)"
_AMOUNT_NOUN = (
    r"(?:rate|pace|salary|salaries|wages?|pay|income|charges?|fees?|rents?|rainfall|output"
    r"|production|allowance|stipend|subscription|premiums?|payments?|spending|budget"
    r"|shortfall|bills?|contributions?|earnings|revenues?|turnover|tuition|costs?|dues"
    r"|consumption|throughput|intake|increases?|rises?|growth|average|collections?|value"
    r"|repayments?|instal?lments?)"
)
# What may stand between the noun and its figure: an acronym in brackets ("compound
# annual growth rate (CAGR) of") or what it is for ("weekly median rent for houses was"),
# then a verb or preposition that gives the amount.
_AMOUNT_GIVEN = (
    r"(?:\s+\([A-Z]{2,6}\)|\s+for\s+[a-z]+)?(?:\s+(?P<given>of|is|was|at|are|were|to|reached"
    r"|hit|averaged|up\s+to|exceeds?|exceeded|(?:came|comes|stood|stands)\s+(?:in\s+)?at))?\s+"
)
# "the 5-6% quarterly drops": a change per period ("the annual fall of 12.4%" is a year's)
_FALL_NOUN = r"(?:drops?|falls?|declines?|decreases?|gains?)"
_ANNUAL_AFTER = re.compile(
    rf"\s+{_PERIOD_ADJECTIVE}\s+(?:(?:[a-z]+\s+)?{_AMOUNT_NOUN}|{_FALL_NOUN})\b", re.I
)
_ANNUAL_BEFORE = re.compile(
    rf"\b{_PERIOD_ADJECTIVE}\s+(?:[a-z]+\s+){{0,2}}?{_AMOUNT_NOUN}{_AMOUNT_GIVEN}"
    r"(?:(?:about|approximately|around|nearly|roughly|some|just|more\s+than|over)\s+)?$",
    re.I,
)
_RATE_REACH = 60
# A rate adverb followed by a word other than these modifies a noun ("weekly cases").
_ADJECTIVE_USE = re.compile(
    r"\s+(?!(?:to|by|in|for|from|at|on|since|until|and|or|with|over|between|per|each)\b)[a-z]"
)


def distant_rate(text: str, quantity: Quantity, stop: int) -> str | None:
    """The rate period written a few words after `quantity` (up to `stop`), or None."""
    adjective = _ANNUAL_AFTER.match(text, quantity.end) or _ANNUAL_BEFORE.search(
        text, max(0, quantity.start - 60), quantity.start
    )
    if (
        adjective is not None
        and adjective.re is _ANNUAL_BEFORE
        and adjective["given"] is None
        and not quantity.text[:1].isalpha()
    ):
        # With no verb between, only a figure opening with its own bound gives the
        # amount ("a yearly income up to Rs 5 lakh"); "the monthly fee 10 times" does not.
        adjective = None
    if adjective is not None:
        return _RATE_WORD_PERIODS[adjective["adj"].lower()]
    window = text[quantity.end : min(stop, quantity.end + _RATE_REACH)]
    found = _DISTANT_RATE.search(window)
    if found is None or _RATE_BARRIER.search(window, 0, found.start()):
        return None
    if found.group(2) and _ADJECTIVE_USE.match(window, found.end()):
        return None  # "17 states seeing weekly cases": the adverb is an adjective
    if found.group(1):
        period = found.group(1).lower()
        return "year" if period == "annum" else period
    return _RATE_WORD_PERIODS[found.group(2).lower()]


# "as much as 40 centimeters (15 inches)": a conversion in brackets has the bound of the
# figure it converts.
def converts(text: str, earlier: Quantity, later: Quantity) -> bool:
    """Whether `later` is `earlier` restated in brackets in another unit."""
    return (
        bracketed(text, earlier, later)
        and earlier.unit is not None
        and later.unit is not None
        and earlier.unit != later.unit
        and earlier.dimension == later.dimension
        and earlier.dimension not in (None, "count", "money")
    )


# "104.8 F", "minus 50 C": a bare figure followed by a spaced capital F or C.
_SPACED_SCALE = re.compile(r"[ \u00a0]([CF])\b(?![-'’.]\w)")
# Words that make a spaced "C" or "F" a temperature scale, not a grade or a section.
_TEMPERATURE_CONTEXT = re.compile(
    r"\btemperatures?\b|\bdegrees?\b|\bcold(?:er|est)?\b|\bwarm|\bhot(?:ter|test)?\b"
    r"|\bheat|\bfreez|\bfrost|\bthermometer|\bfahrenheit\b|\bcelsius\b|°"
    r"|\bwind\s?chills?\b|\bhighs?\b|\blows?\b",
    re.IGNORECASE,
)


def spaced_temperature(text: str, quantity: Quantity) -> str | None:
    """ "the previous record of 104.8 F", "fell below minus 50 C": °F or °C when the
    sentence speaks of temperatures; None otherwise ("grade 5 C" is no temperature)."""
    if quantity.unit is not None:
        return None
    scale = _SPACED_SCALE.match(text, quantity.end)
    if scale is None or not _TEMPERATURE_CONTEXT.search(text):
        return None
    return "°C" if scale.group(1) == "C" else "°F"


_WITHIN = re.compile(r"\bwithin\s+$", re.IGNORECASE)


def within_distance(text: str, quantity: Quantity) -> bool:
    """ "within 100km of the border": a distance at most, an upper bound."""
    return (
        quantity.dimension == "length"
        and quantity.low is not None
        and quantity.low == quantity.high
        and bool(_WITHIN.search(text, max(0, quantity.start - 8), quantity.start))
    )
