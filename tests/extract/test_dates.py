"""Date mentions and deadlines, resolved against the publication date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from work_meter import growth

from claimtrack.extract.dates import find_dates
from claimtrack.extract.segment import split_sentences

PUBLISHED = dt.date(2025, 11, 3)  # a Monday
SEED = Path(__file__).parents[2] / "seeds" / "ukraine-defense-export-offices.txt"


def only(text: str, published: dt.date | None = PUBLISHED):
    """The single date mention in `text`."""
    mentions = find_dates(text, published)
    assert len(mentions) == 1, mentions
    return mentions[0]


@pytest.mark.parametrize(
    ("text", "surface", "date", "precision"),
    [
        ("The talks were held on 12 March 2024.", "12 March 2024", "2024-03-12", "day"),
        ("It opened on 3 Nov 2025.", "3 Nov 2025", "2025-11-03", "day"),
        ("It opened on November 3, 2025.", "November 3, 2025", "2025-11-03", "day"),
        ("The report is dated 2025-11-03.", "2025-11-03", "2025-11-03", "day"),
        ("The form was signed 11/03/2025.", "11/03/2025", "2025-11-03", "day"),
        ("The form was signed 25/12/2024.", "25/12/2024", "2024-12-25", "day"),
        ("The form was signed 03.11.2025.", "03.11.2025", "2025-11-03", "day"),
        ("The plant opened in March 2024.", "March 2024", "2024-03-01", "month"),
        ("The plant opened in 2019.", "2019", "2019-01-01", "year"),
        (
            "It started on the 3rd of November 2025.",
            "the 3rd of November 2025",
            "2025-11-03",
            "day",
        ),
    ],
)
def test_absolute_dates_resolve_without_the_publication_date(
    text: str, surface: str, date: str, precision: str
) -> None:
    # given an absolute date / when found without a publication date / then
    mention = only(text, None)
    assert (mention.text, mention.date.isoformat(), mention.precision) == (surface, date, precision)
    assert mention.role == "mentioned" and mention.resolved and not mention.year_inferred


@pytest.mark.parametrize(
    ("text", "date", "role", "precision"),
    [
        ("The strike came yesterday.", "2025-11-02", "mentioned", "day"),
        ("The vote is today.", "2025-11-03", "mentioned", "day"),
        ("They met on Tuesday.", "2025-10-28", "mentioned", "day"),
        ("They will meet on Tuesday.", "2025-11-04", "deadline", "day"),
        ("They met last Friday.", "2025-10-31", "mentioned", "day"),
        ("Exports fell last year.", "2024-01-01", "mentioned", "year"),
        ("Prices rose earlier this month.", "2025-11-01", "mentioned", "month"),
        ("The law will take effect next month.", "2025-12-31", "deadline", "month"),
        ("The ceasefire must be agreed within two weeks.", "2025-11-17", "deadline", "day"),
        ("Troops must leave within three months.", "2026-02-03", "deadline", "day"),
        ("The plant will open in two years.", "2027-11-03", "deadline", "day"),
        ("The plant opened two years ago.", "2023-01-01", "mentioned", "year"),
        ("The plant opened three months ago.", "2025-08-01", "mentioned", "month"),
        ("The plant opened two weeks ago.", "2025-10-20", "mentioned", "week"),
        ("The works will be finished by Christmas.", "2025-12-25", "deadline", "day"),
        ("The church was full at Easter 2024.", "2024-03-31", "mentioned", "day"),
        ("Elections are due in spring 2026.", "2026-05-31", "deadline", "season"),
        # A change that applies from a day, stated in the present, is a fact about that day
        # (the unseen sets' labelling rule); "will" makes it a commitment to check.
        ("The law comes into force on January 1.", "2026-01-01", "mentioned", "day"),
        ("The law will come into force on January 1.", "2026-01-01", "deadline", "day"),
        ("The new fares come into effect from January 3.", "2026-01-03", "mentioned", "day"),
        ("The government will hold a referendum on 12 May.", "2026-05-12", "deadline", "day"),
        ("The vote is scheduled for next Thursday.", "2025-11-06", "deadline", "day"),
        ("Emissions fell to their lowest level since 1879.", "1879-01-01", "mentioned", "year"),
        ("Offices will open by the end of the year.", "2025-12-31", "deadline", "year"),
        ("Offices will open by year-end.", "2025-12-31", "deadline", "year"),
        ("Offices will open by year's end.", "2025-12-31", "deadline", "year"),
        ("Payments are due by the end of the month.", "2025-11-30", "deadline", "month"),
        ("The line will be ready by mid-2026.", "2026-06-30", "deadline", "month"),
        ("Sales rose in early 2024.", "2024-01-01", "mentioned", "month"),
        ("Deliveries will resume by early 2027.", "2027-03-31", "deadline", "month"),
        ("The fleet will be delivered later this year.", "2025-12-31", "deadline", "year"),
        ("Output will start in Q3 2026.", "2026-09-30", "deadline", "quarter"),
        ("Output fell in the first half of 2025.", "2025-01-01", "mentioned", "half"),
        (
            "The reactor will be finished in the first half of 2026.",
            "2026-06-30",
            "deadline",
            "half",
        ),
        ("The election will be held in 2028.", "2028-12-31", "deadline", "year"),
        ("Prices have risen since 2020.", "2020-01-01", "mentioned", "year"),
        ("Ukraine must repay the loan by March.", "2026-03-31", "deadline", "month"),
        ("Inflation peaked in May.", "2025-05-01", "mentioned", "month"),
        ("The summit was announced on November 3.", "2025-11-03", "mentioned", "day"),
        ("The talks will be held in January.", "2026-01-31", "deadline", "month"),
    ],
)
def test_relative_and_partial_dates_resolve_against_publication(
    text: str, date: str, role: str, precision: str
) -> None:
    # given an article published on Monday 2025-11-03 / when / then
    mention = only(text)
    assert (mention.date.isoformat(), mention.role, mention.precision) == (date, role, precision)


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine plans to produce 2028 drones.",
        "The ministry may publish figures.",
        "Protesters march through the city.",
        "The second round was tense.",
        "Budgets grew by 2025 percent.",
        "It cost $2025 million.",
        "She was the highest scorer in two years.",
        "The city of Reading voted.",
        "The Women’s Euro 2025 final drew a crowd.",
        "Prices rose 5% in two years.",
        "Christmas sales rose 3%.",
        "Turnout was 1879 votes higher.",
    ],
)
def test_quantities_verbs_and_ordinals_are_not_dates(text: str) -> None:
    assert find_dates(text, PUBLISHED) == []


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("The summit was held on December 20.", "2024-12-20"),
        ("The summit will be held on January 5.", "2026-01-05"),
        ("The deal was signed on October 30.", "2025-10-30"),
    ],
)
def test_a_missing_year_is_inferred_from_publication_and_tense(text: str, date: str) -> None:
    # given a month and day without a year / when / then the year moves with the tense
    mention = only(text)
    assert mention.date.isoformat() == date
    assert mention.year_inferred


@pytest.mark.parametrize(
    "text",
    ["The strike came yesterday.", "They met on Tuesday.", "Exports fell last year.",
     "Offices will open by the end of the year.", "It opened on November 3."],
)  # fmt: skip
def test_without_publication_date_relative_dates_stay_unresolved(text: str) -> None:
    # given no publication date / when / then the text is kept and nothing is guessed
    mention = only(text, None)
    assert mention.date is None and not mention.resolved and mention.text


def test_offset_moves_spans_into_document_coordinates() -> None:
    # given a sentence that starts at character 100 of its document
    mention = only("It ends by 2028.", None)
    shifted = find_dates("It ends by 2028.", None, offset=100)[0]
    assert (shifted.start, shifted.end) == (mention.start + 100, mention.end + 100)


def test_a_datetime_publication_is_used_as_its_date() -> None:
    mention = only("The strike came yesterday.", dt.datetime(2025, 11, 3, 23, 59))
    assert mention.date == dt.date(2025, 11, 2)


def seed_dates() -> dict[str, list[tuple[str, str | None, str, str]]]:
    """Dates of each seed sentence, keyed by the sentence's first words."""
    text = SEED.read_text(encoding="utf-8")
    found = {}
    for sentence in split_sentences(text):
        mentions = find_dates(sentence.text, PUBLISHED, offset=sentence.start)
        for mention in mentions:
            assert text[mention.start : mention.end] == mention.text
        found[sentence.text[:40]] = [
            (m.text, m.date.isoformat() if m.date else None, m.role, m.precision) for m in mentions
        ]
    return found


def test_seed_commitment_has_a_year_end_deadline() -> None:
    # given the seed article published 2025-11-03 / when / then
    dates = seed_dates()["Ukraine will establish defense productio"]
    assert dates == [("the end of the year", "2025-12-31", "deadline", "year")]


def test_seed_announcement_date_is_mentioned_with_an_inferred_year() -> None:
    text = "This move, announced by President Volodymyr Zelensky on November 3, aims to enhance exports."
    mention = only(text)
    assert (mention.date, mention.role, mention.precision) == (PUBLISHED, "mentioned", "day")
    assert mention.year_inferred


def test_seed_bullet_by_years_end_is_the_same_deadline() -> None:
    dates = seed_dates()["Opening in Berlin and Copenhagen by year"]
    assert [(d[1], d[2]) for d in dates] == [("2025-12-31", "deadline")]


@given(st.text(), st.one_of(st.none(), st.dates()))
def test_never_raises_and_spans_slice_the_text(text: str, published: dt.date | None) -> None:
    for mention in find_dates(text, published):
        assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    "unit",
    ["word ", "2025 ", "by the end of ", "in "],
    ids=["no-punctuation", "years", "edges", "prepositions"],
)
def test_adversarial_inputs_stay_linear(unit: str) -> None:
    # given 20 000 and 80 000 characters of one pattern / when / then 4× the input costs well
    # under 16× the work (what a quadratic scan would need); the work is counted by
    # work_meter (lines run, regex characters scanned, lengths returned), not timed
    def run(length: int) -> None:
        find_dates(unit * (length // len(unit)), PUBLISHED)

    ratios = growth(run, 20_000)
    assert max(ratios.values()) < 6, ratios


@pytest.mark.parametrize("published", [dt.date(1, 1, 1), dt.date(9999, 12, 31)])
@pytest.mark.parametrize(
    "text", ["next year", "last year", "tomorrow", "yesterday", "within two years", "next week"]
)
def test_dates_off_the_calendar_are_dropped_not_raised(text: str, published: dt.date) -> None:
    for mention in find_dates(text, published):
        assert mention.date is None or dt.date.min <= mention.date <= dt.date.max


@pytest.mark.parametrize(
    "text",
    [
        "The vote on 42 June was close.",
        "The vote on 31 June was close.",
        "It fell by 32 March.",
        "The vote on June 42 was close.",
        "The vote on the 42nd of June was close.",
        "The vote on 30 February 2024 was close.",
    ],
)
def test_a_day_the_month_does_not_have_is_no_date(text: str) -> None:
    # given a day number past the month's end (dateutil alone reads "42 June" as June 2042)
    # when / then nothing is reported, rather than the 1st of that month
    assert find_dates(text, PUBLISHED) == []


@pytest.mark.parametrize(
    ("text", "surface", "first", "last"),
    [
        # a bare unit after "the past/last" is a span of one, back from publication
        ("Prices rose 4% in the past week.", "the past week", "2025-10-27", "2025-11-03"),
        ("Over the last year, rents fell.", "the last year", "2024-11-03", "2025-11-03"),
        # a compound count is read whole, not from its last word
        ("The house was built thirty-five years ago.", "thirty-five years ago", "1990-01-01", "1990-12-31"),
        ("Orders were up 26% from prior year.", "prior year", "2024-01-01", "2024-12-31"),
        ("Tencent reported its 2024 Q3 results.", "2024 Q3", "2024-07-01", "2024-09-30"),
        (
            "Done at Philadelphia, this fourth day of May, in the year of our Lord one thousand "
            "seven hundred and ninety-six.",
            "this fourth day of May, in the year of our Lord one thousand seven hundred and ninety-six",
            "1796-05-04",
            "1796-05-04",
        ),
        ("The offer ends on the last day of October 2026.", "the last day of October 2026", "2026-10-31", "2026-10-31"),
        ("Albums from the 70s sold more.", "the 70s", "1970-01-01", "1979-12-31"),
    ],
)  # fmt: skip
def test_spans_counts_and_written_out_dates(text: str, surface: str, first: str, last: str) -> None:
    mention = only(text)
    assert (mention.text, str(mention.first_day), str(mention.last_day)) == (surface, first, last)


@pytest.mark.parametrize(
    "text",
    [
        "Highs will be in the 70s on the coast.",  # temperatures, not the 1970s
        "It fell on the last day of the month.",  # no month named
        "The past weeks were hard.",  # a vague plural is no span
    ],
)
def test_bands_and_vague_spans_are_not_decades_or_spans(text: str) -> None:
    assert [
        m.text
        for m in find_dates(text, PUBLISHED)
        if "70s" in m.text or "past" in m.text or "last" in m.text
    ] == []


@pytest.mark.parametrize("season", ["winter", "spring", "summer", "autumn"])
@pytest.mark.parametrize(
    "published", [dt.date(2000, 1, 1), dt.date(2025, 2, 28), dt.date(2025, 12, 31)]
)
def test_the_last_season_is_found_on_any_publication_day(season, published):
    # In January the winter under way began the year before: the last one, before that.
    [found] = find_dates(f"Sales fell last {season}.", published)
    assert found.date < published
    assert published - found.date < dt.timedelta(days=2 * 366)


def test_last_winter_in_january_is_the_one_before_the_winter_under_way():
    [found] = find_dates("Sales fell last winter.", dt.date(2000, 1, 1))
    assert found.date == dt.date(1998, 12, 1)
