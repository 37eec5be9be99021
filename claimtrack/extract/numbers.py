"""Number words, scale words and currency names: the vocabulary of quantities.

Plain tables and two small parsers, shared by `quantities` and usable by the
date extractor ("within two weeks"). Values are `Decimal` so that "4.1
million" is exactly 4100000, not 4099999.9999999995.
"""

from __future__ import annotations

from decimal import Decimal

UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
# "two weeks", "a year", "ninety days": a count of periods, as dates and due dates read it.
COUNT_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    **{word: value for word, value in UNITS.items() if value},
    **TENS,
}
# Words that multiply what precedes them ("two hundred", "1.5 million").
SCALES: dict[str, int] = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
# Abbreviated scales written after a figure ("$5bn", "€500m", "12k", "3 mln").
SCALE_ABBREVIATIONS: dict[str, int] = {
    "k": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "mln": 1_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
    "bln": 1_000_000_000,
    "tn": 1_000_000_000_000,
    "tr": 1_000_000_000_000,
    "trn": 1_000_000_000_000,
}
# Vague plurals ("hundreds of", "tens of thousands of"): the smallest value
# the phrase can mean, as the labelled cases define it; the bound is open above.
VAGUE_PLURALS: dict[str, int] = {
    "dozens": 12,
    "tens": 10,
    "hundreds": 100,
    "thousands": 1_000,
    "millions": 1_000_000,
    "billions": 1_000_000_000,
    "trillions": 1_000_000_000_000,
}

NUMBER_WORDS: frozenset[str] = frozenset(UNITS) | frozenset(TENS) | frozenset(SCALES) | {"dozen"}

# ISO 4217 codes accepted when written as a code ("EUR 40m", "40m USD").
ISO_CODES: frozenset[str] = frozenset(
    [
        "USD",
        "EUR",
        "GBP",
        "JPY",
        "CNY",
        "CHF",
        "CAD",
        "AUD",
        "NZD",
        "INR",
        "RUB",
        "UAH",
        "PLN",
        "SEK",
        "NOK",
        "DKK",
        "CZK",
        "HUF",
        "TRY",
        "BRL",
        "MXN",
        "ZAR",
        "KRW",
        "HKD",
        "SGD",
        "SAR",
        "AED",
        "ILS",
        "EGP",
        "NGN",
        "KES",
        "IDR",
        "PHP",
        "THB",
        "VND",
        "MYR",
        "PKR",
        "BDT",
        "ARS",
        "CLP",
        "COP",
        "PEN",
        "RON",
        "BGN",
        "QAR",
        "KWD",
        "TWD",
        "ISK",
        "GEL",
        "KZT",
        "BYN",
        "MDL",
        "RSD",
        # Written against the figure on African and South Asian pages ("GHS1,308", "UGX500bn")
        "GHS",
        "UGX",
        "TZS",
        "LKR",
        "NPR",
    ]
)
# Currency symbols; a letter prefix before "$" names which dollar ("C$").
CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB",
    "₴": "UAH", "₩": "KRW", "₺": "TRY", "₦": "NGN", "₪": "ILS", "元": "CNY",
    "₱": "PHP", "₵": "GHS", "฿": "THB", "₫": "VND", "₸": "KZT",
}  # fmt: skip
DOLLAR_PREFIXES: dict[str, str] = {
    "us": "USD", "c": "CAD", "ca": "CAD", "a": "AUD", "au": "AUD", "nz": "NZD",
    "hk": "HKD", "s": "SGD", "r": "BRL", "nt": "TWD", "mx": "MXN",
}  # fmt: skip
# Currency names written after a figure ("600 euros", "2bn hryvnias").
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR",
    "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "yen": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR",
    "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB",
    "hryvnia": "UAH", "hryvnias": "UAH", "hryvnas": "UAH", "hryvnya": "UAH",
    "franc": "CHF", "francs": "CHF", "zloty": "PLN", "zlotys": "PLN",
    "krona": "SEK", "kronor": "SEK", "krone": "DKK", "kroner": "DKK",
    "lira": "TRY", "rand": "ZAR", "won": "KRW", "shekels": "ILS", "naira": "NGN",
    "shilling": "KES", "shillings": "KES",
    "dirhams": "AED", "riyals": "SAR", "crowns": "CZK", "koruna": "CZK",
    "ringgit": "MYR", "cedi": "GHS", "cedis": "GHS", "taka": "BDT", "baht": "THB",
    "rupiah": "IDR", "birr": "ETB",
    # the Philippines' peso, as the news this is read on names it ("a 35 peso wage hike");
    # a Mexican or Argentine peso is named so ("Mexican pesos")
    "peso": "PHP", "pesos": "PHP",
}  # fmt: skip
# Adjectives that say which dollar, pound or franc ("Canadian dollars").
CURRENCY_ADJECTIVES: dict[str, str] = {
    "us": "USD", "u.s.": "USD", "american": "USD", "canadian": "CAD",
    "australian": "AUD", "hong": "HKD", "singapore": "SGD", "new": "NZD",
    "swiss": "CHF", "swedish": "SEK", "danish": "DKK", "norwegian": "NOK",
    "egyptian": "EGP", "czech": "CZK", "turkish": "TRY", "mexican": "MXN", "taiwan": "TWD",
    "brazilian": "BRL", "indian": "INR", "japanese": "JPY", "chinese": "CNY", "russian": "RUB",
    "polish": "PLN", "hungarian": "HUF", "nigerian": "NGN", "pakistani": "PKR",
    "philippine": "PHP", "argentine": "ARS", "chilean": "CLP", "colombian": "COP",
    "indonesian": "IDR", "malaysian": "MYR", "thai": "THB", "israeli": "ILS", "kenyan": "KES",
}  # fmt: skip


def parse_number_words(words: list[str]) -> Decimal | None:
    """The value of a run of number words ("two hundred and fifty thousand").

    `words` are lower-cased; "and" and "a" may appear where English allows them
    ("two hundred and five", "a hundred"). Returns None if they do not form a number.
    """
    total = 0
    current = 0
    largest = 0  # the largest scale taken so far: "thousand million" multiplies
    seen_any = False
    for word in words:
        if word == "and":
            continue
        if word == "a":
            current = max(current, 1)
            continue
        if word in UNITS:
            rest = current % 100
            if rest and not (rest % 10 == 0 and rest >= 20 and 0 < UNITS[word] < 10):
                return None  # "twenty twelve", "three four": no cardinal, a year or a list
            current += UNITS[word]
        elif word in TENS:
            if current % 100:
                return None  # "nineteen eighty", "twenty fifty": a year read aloud
            current += TENS[word]
        elif word == "dozen":
            current = max(current, 1) * 12
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in SCALES:
            if SCALES[word] > largest and total:
                total = (total + current) * SCALES[word]
            else:
                total += max(current, 1) * SCALES[word]
            largest = max(largest, SCALES[word])
            current = 0
        else:
            return None
        seen_any = True
    return Decimal(total + current) if seen_any else None
