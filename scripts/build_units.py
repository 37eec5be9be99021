"""Build claimtrack/extract/units.json from pint's and pycountry's registries.

    python scripts/build_units.py            # rewrite the JSON
    python scripts/build_units.py --check    # exit 1 if the committed JSON is stale

pint (units of measure) and pycountry (ISO 4217) are build-time dependencies
only (the `train` extra): the extractor reads the JSON this script writes and
never imports either. pint gives each unit's spellings (name, symbol,
aliases), its dimension and its factor and offset to the SI base unit; this
script chooses *which* units news text uses (a short list of pint names, and
the SI prefixes each takes) and adds the spellings pint parses by rule rather
than lists: plurals, SI prefixes, `square`/`cubic`/`sq`/`²`.

The JSON (sorted keys, so a rebuild is byte-identical):

    {"currencies": ["AED", …],
     "names":   {"kilometres": ["kilometre", "length", 1000.0, 0.0], …},
     "symbols": {"km": ["km", "length", 1000.0, 0.0], …}}

`names` are lower-cased and map a spelling to its singular; `symbols` are
case-sensitive ("MW" is not "mW") and map to themselves. A value in the unit
is `value * factor + offset` in the SI base unit of its dimension (metre,
kilogram, second, kelvin, square metre, cubic metre, m/s, joule, watt, bit…).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

OUTPUT = Path(__file__).resolve().parents[1] / "claimtrack" / "extract" / "units.json"

# pint unit names news text measures in, with the SI prefixes each is written
# with ("" = unprefixed only). Prefixes are limited to the ones in use so that a
# short word never becomes a unit by accident ("pm" is a time of day, not a picometre).
SI_PREFIXES = {
    "n": ("nano", 1e-9), "µ": ("micro", 1e-6), "m": ("milli", 1e-3), "c": ("centi", 1e-2),
    "d": ("deci", 1e-1), "h": ("hecto", 1e2), "k": ("kilo", 1e3), "M": ("mega", 1e6), "G": ("giga", 1e9),
    "T": ("tera", 1e12), "P": ("peta", 1e15),
}  # fmt: skip
UNITS: dict[str, str] = {
    "meter": "nµmck",
    "gram": "µmk",
    "liter": "mcd",
    "tonne": "kM",
    "watt": "kMGT",
    "watt_hour": "kMGT",
    "joule": "kMGT",
    "electron_volt": "kMGT",
    "byte": "kMGTP",
    "hertz": "kMG",
    "volt": "k",
    "calorie": "k",
    "foot": "",
    "inch": "",
    "yard": "",
    "mile": "",
    "nautical_mile": "",
    "pound": "",
    "ounce": "",
    "stone": "",
    "short_ton": "",
    "acre": "",
    "hectare": "",
    "gallon": "",
    "fluid_ounce": "",
    "pint": "",
    "oil_barrel": "",
    "bushel": "",  # crop yields: "60 bushels an acre"
    "light_year": "",  # distances in space: "23 million light-years"
    "carat": "",  # gems: "a 25 carat stone"
    "mile_per_hour": "",
    "kilometer_per_hour": "",
    "knot": "",
    "degree_Celsius": "",
    "degree_Fahrenheit": "",
    "kelvin": "",
    "second": "",
    "minute": "",
    "hour": "",
    "day": "",
    "week": "",
    "month": "",
    "year": "",
    "century": "",
    "millennium": "",  # "over two millennia"
    "pascal": "hkM",
    "bar": "m",  # "950 millibars", "1013 mbar": weather reports; bare "bar" is a word
    "ampere_hour": "m",  # battery capacity: "a 5,000mAh battery"
}
# Length units that also measure area and volume ("square feet", "km²", "cubic metres").
SQUARED = ("meter", "foot", "mile", "yard", "inch")
# Spellings pint lists that are English words or clash with scales and codes in news text:
# "in" (a preposition), "a" (an article), "t"/"d"/"h"/"s" alone, "min" (minimum), "B" (billion).
SKIP_SPELLINGS = frozenset(
    {"in", "a", "d", "h", "s", "t", "min", "B", "K", "cp", "pt", "bar", "P", "at", "mo", "ct"}
)
# Extra spellings pint does not list: news forms of the units above, by pint expression.
EXTRA_NAMES: dict[str, str] = {
    "kilo": "kilogram", "tonne": "tonne", "ton": "short_ton", "barrel": "oil_barrel",
    "metric ton": "tonne",
    # the British and East African spelling: "1,114 kilogrammes of bhang"
    "gramme": "gram", "kilogramme": "kilogram", "milligramme": "milligram",
}  # fmt: skip
EXTRA_SYMBOLS: dict[str, str] = {
    "hr": "hour", "sec": "second", "yr": "year", "lbs": "pound", "hrs": "hour", "mins": "minute", "secs": "second", "yrs": "year",
    "yds": "yard",  # anglers and golfers: "a spot 50yds along the margin"
    "mcg": "microgram",  # the pharmacist's spelling on labels and in dietary advice
    "st": "stone",  # "12st 7lb" (the extractor tells it from the ordinal "21st")
    "'": "foot", "′": "foot", "’": "foot",  # a height in primes: 7'1"
    "kmh": "kilometer_per_hour", "km/h": "kilometer_per_hour", "bbl": "oil_barrel",
    "GWh": "gigawatt_hour", "TWh": "terawatt_hour", "MWh": "megawatt_hour", "kWh": "kilowatt_hour",
    "sqm": "meter ** 2", "sqft": "foot ** 2",  # property listings: "3,000sqm of office space"
}  # fmt: skip
# Other spellings of a symbol above, read as that symbol: "15 kms east", "less than 100 kb"
# (a file's size in kilobytes, as upload forms write it).
SYMBOL_SPELLINGS: dict[str, str] = {"kms": "km", "kb": "kB", "KB": "kB"}
# Words of pint aliases that are archaic or technical, never news spellings.
NOT_NAMES = frozenset(
    {"octet", "julian", "thermochemical", "international", "th", "cal", "kph", "mph"}
)
# What a dimensionality is called; units of other dimensions are left out.
DIMENSIONS: dict[tuple[tuple[str, float], ...], str] = {
    (("[length]", 1),): "length",
    (("[length]", 2),): "area",
    (("[length]", 3),): "volume",
    (("[mass]", 1),): "mass",
    (("[time]", 1),): "time",
    (("[temperature]", 1),): "temperature",
    (("[length]", 1), ("[time]", -1)): "speed",
    (("[length]", 2), ("[mass]", 1), ("[time]", -2)): "energy",
    (("[length]", 2), ("[mass]", 1), ("[time]", -3)): "power",
    (("[time]", -1),): "frequency",
    (("[length]", -1), ("[mass]", 1), ("[time]", -2)): "pressure",
    (("[current]", -1), ("[length]", 2), ("[mass]", 1), ("[time]", -3)): "voltage",
    (("[current]", 1), ("[time]", 1)): "charge",
}
# ISO 4217 codes that are English words in capitals ("ALL 5 SEATS") or not money
# (precious metals, test and fund codes start with X).
CURRENCY_STOPWORDS = frozenset({"ALL", "TOP", "CUP", "MAD", "SOS", "BOB", "MOP", "LAK", "BAM"})

Entry = list[Any]  # [spelling, dimension, factor, offset]


def _round(number: float) -> float:
    """Ten significant digits: float noise from pint's arithmetic never reaches the JSON."""
    return float(f"{number:.10g}")


def _convert(registry: Any, unit: str) -> tuple[str, float, float] | None:
    """(dimension, factor, offset) of a pint unit to its SI base, or None if not wanted."""
    quantity = registry.Quantity
    if unit == "byte":
        return "data", 8.0, 0.0  # pint treats information as dimensionless
    dims = tuple(sorted(quantity(1, unit).dimensionality.items()))
    dimension = DIMENSIONS.get(dims)
    if dimension is None:
        return None
    zero = quantity(0, unit).to_base_units().magnitude
    one = quantity(1, unit).to_base_units().magnitude
    return dimension, _round(one - zero), _round(zero)


def _plural(name: str) -> str:
    """The regular English plural of a unit name ("inch" → "inches", "century" → "centuries")."""
    if name.endswith("foot"):
        return name[: -len("foot")] + "feet"
    if name.endswith("millennium"):
        return name[: -len("um")] + "a"  # the Latin plural news writes
    if name.endswith(("z", "celsius")):
        return name  # "hertz"
    if name.endswith(("ch", "sh", "s", "x")):
        return name + "es"
    if name.endswith("y") and not name.endswith(("ay", "ey")):
        return name[:-1] + "ies"
    if name.endswith(" per hour"):
        return _plural(name[: -len(" per hour")]) + " per hour"
    return name + "s"


def _name_spellings(registry: Any, unit: str) -> list[str]:
    """The word spellings of a pint unit: its name and lower-case aliases, spaces for '_'."""
    definition = registry._units[unit]  # pint exposes no public alias list
    spellings = [unit, *definition.aliases]
    out = []
    for spelling in spellings:
        if spelling.startswith(("international_", "avdp_", "avoirdupois_", "US_", "liquid_")):
            continue
        if spelling.lower().startswith("deg"):
            continue  # degC, degreeC: code spellings; "degrees Celsius" is read by the extractor
        word = spelling.replace("_", " ").lower()
        if len(word) >= 3 and word.replace(" ", "").isalpha() and not NOT_NAMES & set(word.split()):
            out.append(word)
    return out


def _symbol_spellings(registry: Any, unit: str) -> list[str]:
    """The symbols of a pint unit: its symbol and its short aliases ("L", "ℓ", "MPH")."""
    definition = registry._units[unit]
    symbols = [definition.symbol] if definition.symbol else []
    symbols += [a for a in definition.aliases if (len(a) <= 3 and a != a.lower()) or a in ("kt",)]
    words = set(_name_spellings(registry, unit))
    return [s for s in symbols if "_" not in s and s not in words]


def _add(table: dict[str, Entry], key: str, entry: Entry) -> None:
    """Add a spelling unless an earlier unit claimed it (the list order is the priority)."""
    if key and key not in SKIP_SPELLINGS:
        table.setdefault(key, entry)


def _add_names(
    names: dict[str, Entry], spelling: str, conversion: tuple[str, float, float]
) -> None:
    """A name and its plural, each pointing at the singular spelling."""
    dimension, factor, offset = conversion
    singular = spelling
    if spelling in ("feet", "inches", "centuries", "millennia", "square feet"):
        return  # pint's plural aliases: `_plural` writes them, pointing at the singular
    if dimension == "temperature":
        singular = {"kelvin": "K"}.get(spelling, "°F" if "fahrenheit" in spelling else "°C")
    entry = [singular, dimension, factor, offset]
    forms = [spelling] if dimension == "temperature" else [spelling, _plural(spelling)]
    for form in forms:
        _add(names, form, entry)
        if " " in form:
            _add(names, form.replace(" ", "-"), entry)  # "kilowatt-hours"


def _prefixed(
    registry: Any, unit: str, prefixes: str, names: dict[str, Entry], symbols: dict[str, Entry]
) -> None:
    """The unit and its SI-prefixed forms, by name and by symbol."""
    conversion = _convert(registry, unit)
    if conversion is None:
        raise SystemExit(f"{unit}: dimension not in DIMENSIONS")
    dimension, factor, offset = conversion
    name_spellings = _name_spellings(registry, unit)
    symbol_spellings = _symbol_spellings(registry, unit)
    for prefix in ("", *prefixes):
        word, scale = SI_PREFIXES[prefix] if prefix else ("", 1.0)
        scaled = (dimension, _round(factor * scale), offset)
        for spelling in name_spellings:
            _add_names(names, word + spelling, scaled)
        for symbol in symbol_spellings:
            for mark in ("µ", "u") if prefix == "µ" else (prefix,):
                key = mark + symbol
                _add(symbols, key, [key, *scaled])


def _powers(registry: Any, names: dict[str, Entry], symbols: dict[str, Entry]) -> None:
    """Square and cubic forms of length units: "square feet", "sq ft", "km²", "m3"."""
    lengths = {word for unit in SQUARED for word in _unit_words(registry, unit)}
    for power, word, short, marks, dimension in (
        (2, "square", "sq", ("²", "2"), "area"),
        (3, "cubic", "cu", ("³", "3"), "volume"),
    ):
        for key, entry in list(names.items()):
            if entry[1] == "length" and key in lengths:
                spelled = [f"{word} {entry[0]}", dimension, _round(entry[2] ** power), 0.0]
                _add(names, f"{word} {key}", spelled)
        for key, entry in list(symbols.items()):
            if entry[1] != "length" or "/" in key:
                continue
            factor = _round(entry[2] ** power)
            for mark in marks:
                _add(symbols, key + mark, [key + mark, dimension, factor, 0.0])
            _add(symbols, f"{short} {key}", [f"{short} {key}", dimension, factor, 0.0])


def _unit_words(registry: Any, unit: str) -> set[str]:
    """Every prefixed or plural word spelling of a length unit (for square/cubic forms)."""
    words = set()
    for spelling in _name_spellings(registry, unit):
        for prefix in ("", *UNITS.get(unit, "")):
            word = (SI_PREFIXES[prefix][0] if prefix else "") + spelling
            words |= {word, _plural(word)}
    return words


def _extras(registry: Any, names: dict[str, Entry], symbols: dict[str, Entry]) -> None:
    """News spellings pint does not list ("kilos", "lbs", "km/h"), converted by pint."""
    for spelling, unit in sorted(EXTRA_NAMES.items()):
        conversion = _convert(registry, unit)
        assert conversion is not None, unit
        _add_names(names, spelling, conversion)
    for spelling, unit in sorted(EXTRA_SYMBOLS.items()):
        conversion = _convert(registry, unit)
        assert conversion is not None, unit
        _add(symbols, spelling, [spelling, *conversion])
    for spelling, symbol in sorted(SYMBOL_SPELLINGS.items()):
        _add(symbols, spelling, symbols[symbol])


def build() -> dict[str, Any]:
    """The units table, as a JSON-ready dict."""
    import pint  # build-time only
    import pycountry  # build-time only

    registry: Any = pint.UnitRegistry()
    names: dict[str, Entry] = {}
    symbols: dict[str, Entry] = {}
    for unit, prefixes in UNITS.items():
        _prefixed(registry, unit, prefixes, names, symbols)
    _extras(registry, names, symbols)
    _powers(registry, names, symbols)
    currencies = sorted(
        c.alpha_3
        for c in pycountry.currencies
        if not c.alpha_3.startswith("X") and c.alpha_3 not in CURRENCY_STOPWORDS
    )
    return {"currencies": currencies, "names": names, "symbols": symbols}


def render(table: dict[str, Any]) -> str:
    """Deterministic compact JSON: sorted keys, one line."""
    return json.dumps(table, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write (or with --check, verify) units.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if units.json is stale")
    args = parser.parse_args(argv)
    text = render(build())
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT} is stale: run scripts/build_units.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT} ({len(text.encode()) // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
