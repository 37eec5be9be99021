"""Due dates and recurrence for follow-ups (claimtrack/schedule.py), from a fixed today."""

from __future__ import annotations

import datetime as dt

import pytest

from claimtrack.errors import InvalidInput
from claimtrack.schedule import next_occurrence, parse_due, parse_recurrence

TODAY = dt.date(2025, 11, 3)  # a Monday: the day the seed article's announcement was made


def test_fixed_today_is_a_monday():
    assert TODAY.weekday() == 0


# --- parse_due -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "due"),
    [
        ("2025-12-31", dt.date(2025, 12, 31)),
        ("2026-01-15", dt.date(2026, 1, 15)),
        ("31 December 2026", dt.date(2026, 12, 31)),
    ],
)
def test_given_date_with_year_when_parsed_then_that_date(typed, due):
    assert parse_due(typed, TODAY) == due


def test_given_month_day_later_this_year_when_parsed_then_this_year():
    assert parse_due("Dec 31", TODAY) == dt.date(2025, 12, 31)


def test_given_month_day_already_past_when_parsed_then_next_year():
    assert parse_due("Mar 1", TODAY) == dt.date(2026, 3, 1)


def test_given_todays_month_day_when_parsed_then_today():
    assert parse_due("Nov 3", TODAY) == TODAY


def test_given_tomorrow_when_parsed_then_next_day():
    assert parse_due("tomorrow", TODAY) == dt.date(2025, 11, 4)


@pytest.mark.parametrize("typed", ["in 2 weeks", "in two weeks", "2 weeks from now", "In  2 Weeks"])
def test_given_in_two_weeks_when_parsed_then_fourteen_days_later(typed):
    assert parse_due(typed, TODAY) == dt.date(2025, 11, 17)


def test_given_in_a_month_when_parsed_then_same_day_next_month():
    assert parse_due("in a month", TODAY) == dt.date(2025, 12, 3)


def test_given_next_monday_on_a_monday_when_parsed_then_a_week_later():
    assert parse_due("next monday", TODAY) == dt.date(2025, 11, 10)


def test_given_weekday_name_when_parsed_then_its_next_date():
    assert parse_due("friday", TODAY) == dt.date(2025, 11, 7)


def test_given_end_of_month_when_parsed_then_last_day_of_month():
    assert parse_due("end of month", TODAY) == dt.date(2025, 11, 30)


def test_given_end_of_month_in_february_when_parsed_then_the_28th():
    assert parse_due("end of month", dt.date(2026, 2, 10)) == dt.date(2026, 2, 28)


def test_given_end_of_year_when_parsed_then_december_31():
    assert parse_due("end of year", TODAY) == dt.date(2025, 12, 31)


def test_given_by_prefix_when_parsed_then_prefix_ignored():
    assert parse_due("by end of month", TODAY) == dt.date(2025, 11, 30)


def test_given_fortnights_when_parsed_then_the_extractor_grammar_counts_them():
    # the grammar the extractor shares reads "fortnight" ("a fortnight ago"), so --due does too
    assert parse_due("in 2 fortnights", TODAY) == TODAY + dt.timedelta(weeks=4)


@pytest.mark.parametrize("typed", ["", "   ", "someday", "Feb 30", "in 2 moons"])
def test_given_unreadable_phrase_when_parsed_then_value_error(typed):
    with pytest.raises(ValueError):
        parse_due(typed, TODAY)


def test_given_unreadable_phrase_when_parsed_then_error_suggests_forms():
    with pytest.raises(ValueError, match="try 2025-12-31, Dec 31, tomorrow"):
        parse_due("someday", TODAY)


@pytest.mark.parametrize(
    ("typed", "due"),
    [
        ("end of Q3", dt.date(2026, 9, 30)),  # Q3 2025 is over: the next one
        ("end of Q1", dt.date(2026, 3, 31)),
        ("Easter", dt.date(2026, 4, 5)),
        ("easter", dt.date(2026, 4, 5)),
        ("Christmas", dt.date(2025, 12, 25)),
        ("the first half of next year", dt.date(2026, 6, 30)),
        ("Q4 2026", dt.date(2026, 12, 31)),
        ("next month", dt.date(2025, 12, 31)),  # a period is due on its last day
        ("between March and May", dt.date(2026, 5, 31)),
        ("a month from today", dt.date(2025, 12, 3)),
        ("eom", dt.date(2025, 11, 30)),
    ],
)
def test_given_a_phrase_the_extractor_reads_when_parsed_then_its_last_day(typed, due):
    assert parse_due(typed, TODAY) == due


def test_given_end_of_q3_and_easter_when_parsed_then_both_work():
    assert parse_due("end of Q3", dt.date(2025, 2, 10)) == dt.date(2025, 9, 30)
    assert parse_due("Easter", dt.date(2025, 2, 10)) == dt.date(2025, 4, 20)


def test_given_garbage_when_parsed_then_an_invalid_input_error():
    with pytest.raises(InvalidInput, match="cannot read a due date from 'whenever'"):
        parse_due("whenever", TODAY)


# --- parse_recurrence ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "rule"),
    [
        ("daily", "FREQ=DAILY"),
        ("weekly", "FREQ=WEEKLY"),
        ("Monthly", "FREQ=MONTHLY"),
        ("yearly", "FREQ=YEARLY"),
    ],
)
def test_given_friendly_word_when_parsed_then_rrule(typed, rule):
    assert parse_recurrence(typed, TODAY) == rule


def test_given_rfc5545_rule_when_parsed_then_kept_without_prefix():
    assert parse_recurrence("RRULE:FREQ=WEEKLY;BYDAY=MO,TH", TODAY) == "FREQ=WEEKLY;BYDAY=MO,TH"


@pytest.mark.parametrize("typed", ["whenever", "FREQ=SOMETIMES"])
def test_given_invalid_rule_when_parsed_then_value_error(typed):
    with pytest.raises(ValueError, match="not a recurrence rule"):
        parse_recurrence(typed, TODAY)


# --- next_occurrence -----------------------------------------------------------------


def test_given_weekly_rule_when_completed_on_due_day_then_next_is_a_week_later():
    assert next_occurrence("FREQ=WEEKLY", TODAY, TODAY) == dt.date(2025, 11, 10)


def test_given_weekly_rule_when_completed_late_then_next_is_after_completion():
    assert next_occurrence("FREQ=WEEKLY", TODAY, dt.date(2025, 11, 20)) == dt.date(2025, 11, 24)


def test_given_monthly_rule_when_completed_then_next_month_same_day():
    assert next_occurrence("FREQ=MONTHLY", TODAY, TODAY) == dt.date(2025, 12, 3)


def test_given_rule_with_count_when_exhausted_then_none():
    assert next_occurrence("FREQ=DAILY;COUNT=2", TODAY, dt.date(2025, 11, 4)) is None


def test_given_friendly_recurrence_when_followed_then_next_date_comes():
    rule = parse_recurrence("daily", TODAY)

    assert next_occurrence(rule, TODAY, TODAY) == dt.date(2025, 11, 4)
