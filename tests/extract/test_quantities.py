"""Unit tests for `find_quantities`: what counts as a quantity and how it is read."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from work_meter import growth

from claimtrack.extract.quantities import find_quantities
from claimtrack.extract.types import Quantity


def _one(text: str) -> Quantity:
    """The single quantity a text holds (fails if there is not exactly one)."""
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


def _shape(quantity: Quantity) -> tuple[float | None, float | None, str | None, str | None]:
    """The scored facets of a quantity: low, high, unit, per."""
    return quantity.low, quantity.high, quantity.unit, quantity.per


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They built 600 drones.", (600, 600, "drones", None)),
        ("The fund holds 2.5 tonnes.", (2.5, 2.5, "tonne", None)),
        ("More than 1,200 passengers were stranded.", (1200, None, "passengers", None)),
        ("It employs 1 200 workers.", (1200, 1200, "workers", None)),
        ("It employs 1\u00a0200 workers.", (1200, 1200, "workers", None)),
        ("It employs 1\u202f200 workers.", (1200, 1200, "workers", None)),
        ("It employs 1,200,000 workers.", (1_200_000, 1_200_000, "workers", None)),
        ("A bill of 1,234.56 dollars.", (1234.56, 1234.56, "USD", None)),
    ],
)
def test_digits_with_separators_and_decimals_are_read(text: str, expected: tuple) -> None:
    # given a figure written with digits, when extracted, then its value is exact
    assert _shape(_one(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("An area of 600.² is used.", (600, 600, None, None)),
        ("It employs 1,²³⁴ workers.", (1, 1, None, None)),
        ("It employs 1,٢٣٤ workers.", (1234, 1234, "workers", None)),
    ],
    ids=["superscript-after-point", "superscript-group", "arabic-indic-group"],
)
def test_only_decimal_digits_continue_a_figure(text: str, expected: tuple) -> None:
    # given a figure followed by digits that are not decimal (superscripts), when
    # extracted, then they end the figure instead of crashing the reader
    assert _shape(_one(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The selection of these two cities matters.", (2, 2, "cities", None)),
        ("A dozen drones flew in.", (12, 12, "drones", None)),
        ("Two hundred soldiers arrived.", (200, 200, "soldiers", None)),
        ("Some two hundred and fifty homes burned.", (250, 250, "homes", None)),
        ("Twenty-five schools closed.", (25, 25, "schools", None)),
        ("A million people marched.", (1_000_000, 1_000_000, "people", None)),
        ("Half a million refugees left.", (500_000, 500_000, "refugees", None)),
        ("Three million voters turned out.", (3_000_000, 3_000_000, "voters", None)),
    ],
)
def test_number_words_are_values(text: str, expected: tuple) -> None:
    # given a number written in words, when extracted, then it is a value like digits
    assert _shape(_one(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dozens of people were hurt.", (12, None, "people")),
        ("Hundreds of people gathered.", (100, None, "people")),
        ("Thousands of troops moved.", (1000, None, "troops")),
        ("Tens of thousands of homes lost power.", (10_000, None, "homes")),
        ("Hundreds of thousands of refugees fled.", (100_000, None, "refugees")),
        ("Millions of people voted.", (1_000_000, None, "people")),
    ],
)
def test_vague_plurals_are_open_lower_bounds(text: str, expected: tuple) -> None:
    # given "hundreds of", when extracted, then the smallest value it can mean, open above
    quantity = _one(text)
    assert (quantity.low, quantity.high, quantity.unit) == expected
    assert quantity.approximate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The budget is $5bn.", (5e9, 5e9, "USD")),
        ("A deal worth €500m.", (5e8, 5e8, "EUR")),
        ("It has 12k members.", (12_000, 12_000, "members")),
        ("Spending of £1.2 billion.", (1.2e9, 1.2e9, "GBP")),
        ("Debt of $3 trillion.", (3e12, 3e12, "USD")),
        ("A loss of 4.1 million euros.", (4_100_000, 4_100_000, "EUR")),
        ("Costs of 3 mln roubles.", (3_000_000, 3_000_000, "RUB")),
    ],
)
def test_scale_words_and_suffixes_multiply(text: str, expected: tuple) -> None:
    # given a scale word or suffix, when extracted, then the value is multiplied exactly
    quantity = _one(text)
    assert (quantity.low, quantity.high, quantity.unit) == expected


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("It costs $40.", "USD"),
        ("It costs US$40.", "USD"),
        ("It costs C$40.", "CAD"),
        ("It costs A$40.", "AUD"),
        ("It costs €40.", "EUR"),
        ("It costs £40.", "GBP"),
        ("It costs ¥4000.", "JPY"),
        ("It costs USD 40.", "USD"),
        ("It costs EUR 40m.", "EUR"),
        ("It costs 40 GBP.", "GBP"),
        ("It costs 40 dollars.", "USD"),
        ("It costs 40 euros.", "EUR"),
        ("It costs 40 pounds.", "GBP"),
        ("It costs 40 Swiss francs.", "CHF"),
        ("It costs 40 Canadian dollars.", "CAD"),
        ("It costs 40 billion hryvnias.", "UAH"),
        ("It costs 40 yen.", "JPY"),
    ],
)
def test_money_is_normalised_to_iso_codes(text: str, unit: str) -> None:
    # given a currency symbol, code or name, when extracted, then the unit is its ISO 4217 code
    assert _one(text).unit == unit


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turnout was 61%.", (61, "%")),
        ("Turnout was 61 per cent.", (61, "%")),
        ("Turnout was 61 percent.", (61, "%")),
        ("Turnout rose 2.5 percentage points.", (2.5, "pp")),
        ("Rates were cut by a quarter of a percentage point.", (0.25, "pp")),
        ("Temperatures reached 1.5C.", (1.5, "°C")),
        ("Temperatures reached 1.5°C.", (1.5, "°C")),
        ("Temperatures reached 1.5 degrees Celsius.", (1.5, "°C")),
    ],
)
def test_percentages_points_and_degrees_have_symbol_units(text: str, expected: tuple) -> None:
    # given a percent, percentage points or a temperature, then the unit is %, pp or °C
    quantity = _one(text)
    assert (quantity.low, quantity.unit) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They make 600–800 drones.", (600, 800, "drones")),
        ("They make 600-800 drones.", (600, 800, "drones")),
        ("They make 600 to 800 drones.", (600, 800, "drones")),
        ("They make between 600 and 800 drones.", (600, 800, "drones")),
        ("The deal is worth $2-3bn.", (2e9, 3e9, "USD")),
        ("Growth of 2%-3% is forecast.", (2, 3, "%")),
        ("Growth of 2-3% is forecast.", (2, 3, "%")),
        ("It needs between €2bn and €3bn.", (2e9, 3e9, "EUR")),
        ("It needs 2 to 3 million doses.", (2e6, 3e6, "doses")),
        ("Prices range from $2,030 to $6,370.", (2030, 6370, "USD")),
    ],
)
def test_ranges_are_one_quantity_with_shared_scale_and_unit(text: str, expected: tuple) -> None:
    # given a range, when extracted, then one quantity with low < high, scale and unit shared
    quantity = _one(text)
    assert (quantity.low, quantity.high, quantity.unit) == expected


def test_from_x_to_y_is_a_change_between_two_values() -> None:
    # given a change "from X to Y", when extracted, then two single values sharing the unit
    found = find_quantities("Prices rose from 2.50 to 3.20 euros.")
    assert [_shape(q) for q in found] == [(2.5, 2.5, "EUR", None), (3.2, 3.2, "EUR", None)]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("more than 600 drones", 600, None),
        ("over 600 drones", 600, None),
        ("at least 600 drones", 600, None),
        ("above 600 drones", 600, None),
        ("in excess of 600 drones", 600, None),
        ("up to 600 drones", None, 600),
        ("less than 600 drones", None, 600),
        ("fewer than 600 drones", None, 600),
        ("under 600 drones", None, 600),
        ("nearly 600 drones", None, 600),
        ("almost 600 drones", None, 600),
        ("as many as 600 drones", None, 600),
    ],
)
def test_bounds_leave_one_end_open(text: str, low: float | None, high: float | None) -> None:
    # given a bound phrase, when extracted, then the other end is None and it is approximate
    quantity = _one(text)
    assert (quantity.low, quantity.high) == (low, high)
    assert quantity.approximate
    assert quantity.text == text


@pytest.mark.parametrize(
    "word", ["about", "around", "roughly", "some", "approximately", "an estimated"]
)
def test_approximations_keep_the_value(word: str) -> None:
    # given "about 600", when extracted, then the value is kept and flagged approximate
    quantity = _one(f"They fired {word} 600 shells.")
    assert (quantity.low, quantity.high, quantity.approximate) == (600, 600, True)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("plans to produce between 600 and 800 interceptor drones daily", "interceptor drones"),
        ("The airport handled 3,000 passengers.", "passengers"),
        ("They exported 5 million tonnes of steel.", "tonne"),
        ("Output hit 2 million barrels of oil.", "barrel"),
        ("The NHS will recruit 1,000 additional GPs.", "additional GPs"),
        ("They ordered 24 F-16 fighter jets.", "F-16 fighter jets"),
        ("500 people in the region were evacuated.", "people"),
        ("Air defences shot down 120 of the drones.", "drones"),
        ("Hamilton has won 105 Formula 1 races.", "Formula 1 races"),
        ("CO2 peaked at 426.9 parts per million.", "parts per million"),
        ("Up to 100mm of rain could fall.", "mm"),
        ("The race covers 3,338 kilometres.", "kilometre"),
        ("We saw 600 more drones.", "drones"),
        ("Air defences shot down 120, officials said.", None),
    ],
)
def test_unit_is_the_counted_noun_phrase(text: str, unit: str | None) -> None:
    # given a figure followed by what it counts, then the unit is that noun phrase as written
    assert _one(text).unit == unit


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("600 drones per day", "day"),
        ("600 drones a day", "day"),
        ("600 drones daily", "day"),
        ("600 drones each month", "month"),
        ("600 drones every week", "week"),
        ("600 drones weekly", "week"),
        ("120 km/h", "hour"),
        ("600 drones per hour", "hour"),
        ("600 drones an hour", "hour"),
        ("600 drones annually", "year"),
        ("600 drones a year", "year"),
        ("600 drones per annum", "year"),
        ("600 drones /day", "day"),
        ("£2,000 per patient per month", "month"),
        ("£150 more a year", "year"),
        ("$80 a barrel", None),
        ("$80 per capita", None),
        ("600 drones a year ago", None),
    ],
)
def test_rate_period_is_a_time_period_only(text: str, per: str | None) -> None:
    # given a rate phrase after a quantity, then per is the period, or None if not a time
    assert _one(text).per == per


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5 cases per 100,000 people", [(5, None, "cases"), (100000, None, "people")]),
        ("Rs 900 per 25 kg crate", [(900, None, "INR"), (25, None, "kg")]),
        ("KSh 4,000 per 90kg bag", [(4000, None, "KES"), (90, None, "kg")]),
        (
            "1.2 deaths per 100 million vehicle miles",
            [(1.2, None, "deaths"), (100_000_000, None, "vehicle miles")],
        ),
    ],
)
def test_a_denominator_is_a_figure_of_its_own(
    text: str, expected: list[tuple[float, str | None, str]]
) -> None:
    # given a price or a rate "per" a counted amount, then the amount is read as its own figure
    found = find_quantities(text)
    assert [(q.low, q.per, q.unit) for q in found] == expected


@pytest.mark.parametrize(
    "text",
    [
        "It will happen in 2028.",
        "Between 2020 and 2024 the index fell.",
        "The 2024-25 season was long.",
        "Emissions fell below 1990 levels.",
        "It was announced on November 3.",
        "It was announced on 3 Nov 2025.",
        "It was announced on the 3rd of November.",
        "It was announced on 2025-11-03.",
        "It was announced on 11/03/2025.",
        "The meeting is at 10:30.",
        "The meeting is at 9 am.",
        "The meeting is at 9pm.",
        "He finished 3rd.",
        "She lives at No. 5.",
        "Call +44 20 7946 0958 now.",
        "Call 555-123-4567 now.",
        "Upgrade to version 1.2.3 now.",
        "The G7 summit and COVID-19 and F-16s.",
        "Under Article 5 of the treaty.",
        "The A400M flew.",
        "He won Formula One.",
        "One of the largest attacks.",
        "It is open 24/7.",
        "Within two weeks, it ended.",
        "It ended three years ago.",
        "Net zero is the goal.",
        "In the 1990s and the 80s.",
        "The 5G rollout.",
    ],
)
def test_dates_times_ordinals_and_designations_are_not_quantities(text: str) -> None:
    # given a year, date, time, ordinal, designation or pronoun, then no quantity is found
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Arsenal won 3-1 at home.", [(3, 3), (1, 1)]),
        ("Arsenal beat Manchester City 2-1 on Sunday.", [(2, 2), (1, 1)]),
        ("A 2-0 defeat.", [(2, 2), (0, 0)]),
    ],
)
def test_scorelines_are_two_values_without_unit(text: str, values: list) -> None:
    # given a scoreline, then it is two single values with no unit, never a range
    found = find_quantities(text)
    assert [(q.low, q.high) for q in found] == values
    assert all(q.unit is None for q in found)


def test_tennis_sets_are_single_values() -> None:
    # given set scores, then every game count is a single value, never a range
    found = find_quantities("Sinner beat Alcaraz 4-6 6-4 6-4 to win.")
    assert [(q.low, q.high) for q in found] == [(4, 4), (6, 6), (6, 6), (4, 4), (6, 6), (4, 4)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Denmark will pay 58 billion Danish crowns.", (58e9, 58e9, "DKK", None)),
        ("Labour's share fell to 34%, down 1.6 points on 2019.", (1.6, 1.6, "pp", None)),
        (
            "Jobs grew far less than the 75,000 economists had expected.",
            (75_000, 75_000, None, None),
        ),
        ("Ukraine shot down 52 of 64 drones.", (52, 52, "drones", None)),
        ("They won 120 of parliament's 349 seats.", (120, 120, "seats", None)),
        ("A strike killed 11 people and wounded dozens more.", (12, None, None, None)),
        ("It recorded 6.2 million A&E attendances.", (6.2e6, 6.2e6, "A&E attendances", None)),
        ("It spread to 17 US states.", (17, 17, "US states", None)),
        ("Rates fell below the 95% needed.", (None, 95, "%", None)),
        ("They drink more than the recommended 14 units a week.", (14, None, "units", "week")),
        ("Each year, pollution causes around 30,000 deaths.", (30_000, 30_000, "deaths", "year")),
        ("Tickets sold out within 15 minutes.", (15, 15, "minutes", None)),
    ],
)
def test_labelled_conventions_hold_for_harder_phrasings(text: str, expected: tuple) -> None:
    # given a harder phrasing from the labelled cases, then one quantity reads as labelled
    assert expected in [_shape(q) for q in find_quantities(text)]


def test_an_age_is_not_a_quantity() -> None:
    # given "aged 75 and over", then nothing is counted
    assert find_quantities("It is offered to everyone aged 75 and over.") == []


def test_doubling_to_a_figure_in_a_year_is_not_a_range() -> None:
    # given "in 2024 to 127,350", then the year is dropped and the figure kept alone
    found = find_quantities("Cases had doubled in 2024 to 127,350, the highest since 1997.")
    assert [_shape(q) for q in found] == [(127_350, 127_350, None, None)]


def test_partitive_leaves_the_whole_as_its_own_quantity() -> None:
    # given "411 of the 650 seats", then both figures count seats
    found = find_quantities("Labour won 411 of the 650 seats.")
    assert [_shape(q) for q in found] == [(411, 411, "seats", None), (650, 650, "seats", None)]


def test_preposition_over_after_a_quantity_is_not_a_bound() -> None:
    # given "3,338 kilometres over 21 stages", then 21 is a single value, not "more than 21"
    found = find_quantities("The Tour covers 3,338 kilometres over 21 stages.")
    assert [_shape(q) for q in found][-1] == (21, 21, "stages", None)


def test_poll_points_after_a_percentage_are_percentage_points() -> None:
    # given a poll lead in points next to a percentage, then the unit is pp
    found = find_quantities("Reform is polling at 31%, nine points ahead of Labour.")
    assert [_shape(q) for q in found] == [(31, 31, "%", None), (9, 9, "pp", None)]


def test_surface_text_and_offsets_cover_bound_value_unit_and_rate() -> None:
    # given the seed sentence, then the surface spans "between" to "daily" at the right offsets
    text = "Zelensky revealed plans to produce between 600 and 800 interceptor drones daily, aiming"
    quantity = _one(text)
    assert quantity.text == "between 600 and 800 interceptor drones daily"
    assert text[quantity.start : quantity.end] == quantity.text


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_offsets_always_slice_the_surface_for_any_text(text: str) -> None:
    # given arbitrary unicode, when extracted, then it never raises and offsets slice the surface
    for quantity in find_quantities(text):
        assert text[quantity.start : quantity.end] == quantity.text


_ALPHABET = "0123456789 ,.-–$€%£kmbn/abcdefghijklmnopqrstuvwxyz\u00a0\n"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=200))
def test_offsets_slice_and_quantities_do_not_overlap_on_number_heavy_text(text: str) -> None:
    # given number-heavy noise, then surfaces slice the text and come in order without overlap
    previous_end = 0
    for quantity in find_quantities(text):
        assert text[quantity.start : quantity.end] == quantity.text
        assert quantity.start >= previous_end
        previous_end = quantity.end


_ADVERSARIAL = {
    "words without punctuation": lambda n: ("the two hundred drones and people between " * n)[:n],
    "digits": lambda n: "7" * n,
    "comma-separated ones": lambda n: "1," * (n // 2),
    "space-separated ones": lambda n: "1 " * (n // 2),
    "dash-separated ones": lambda n: "1-" * (n // 2),
    "thousands groups": lambda n: "111," * (n // 4),
    "dotted digits": lambda n: "1." * (n // 2),
    "dollar signs": lambda n: "$" * n,
    "vague plurals": lambda n: "hundreds of " * (n // 12),
    "one letter": lambda n: "x" * n,
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(_ADVERSARIAL))
def test_adversarial_input_scales_linearly(name: str) -> None:
    # given 5 KB and 20 KB of an adversarial pattern, then 4× the input costs < 6× the work
    # (a quadratic scan would need 16×); the work is counted by work_meter (lines run, regex
    # characters scanned, lengths returned), not timed, so a busy machine cannot sway it
    build = _ADVERSARIAL[name]
    ratios = growth(lambda n: find_quantities(build(n)), 5_000)
    assert max(ratios.values()) < 6, ratios
