"""The workbench's pure parts: passages around a sentence, agenda groups, undo bookkeeping."""

from __future__ import annotations

import datetime as dt

import pytest

from claimtrack.tui.undo import UndoStep, carry_forward
from claimtrack.views.agenda import group_of
from claimtrack.views.passages import around, clip, locate, paragraphs

ARTICLE = (
    "Headline about drones\n"
    "First paragraph says little. Ukraine plans 600 drones a day. More follows here.\n"
    "\n"
    "Last paragraph."
)
SENTENCE = "Ukraine plans 600 drones a day."


def test_a_passage_highlights_the_sentence_at_its_offsets() -> None:
    start = ARTICLE.index(SENTENCE)
    passage = around(ARTICLE, SENTENCE, start, start + len(SENTENCE), reach=30)
    ((s, e),) = passage.spans
    assert passage.text[s:e] == SENTENCE
    assert passage.cut_before and passage.cut_after
    # cut at word boundaries, never mid-word
    assert passage.text.startswith("First") or passage.text.startswith("paragraph")


def test_offsets_that_no_longer_fit_fall_back_to_finding_the_sentence() -> None:
    assert locate(ARTICLE, SENTENCE, 0, 5) == (
        ARTICLE.index(SENTENCE),
        ARTICLE.index(SENTENCE) + 31,
    )
    passage = around(ARTICLE, "a sentence the article lacks", 3, 9)
    assert passage.text == "a sentence the article lacks"
    assert passage.spans == ((0, 28),)


def test_paragraphs_skip_blank_lines_and_slice_the_text() -> None:
    spans = paragraphs(ARTICLE)
    assert [ARTICLE[s:e] for s, e in spans] == [
        "Headline about drones",
        "First paragraph says little. Ukraine plans 600 drones a day. More follows here.",
        "Last paragraph.",
    ]
    s, e = spans[1]
    start = ARTICLE.index(SENTENCE)
    assert clip([(start, start + len(SENTENCE))], s, e) == ((start - s, start - s + 31),)
    assert clip([(start, start + len(SENTENCE))], *spans[2]) == ()


MONDAY = dt.date(2025, 12, 15)


@pytest.mark.parametrize(
    ("due", "group"),
    [
        (MONDAY - dt.timedelta(days=1), "overdue"),
        (MONDAY, "today"),
        (MONDAY + dt.timedelta(days=1), "this week"),
        (MONDAY + dt.timedelta(days=6), "this week"),  # Sunday
        (MONDAY + dt.timedelta(days=7), "later"),  # next Monday
    ],
)
def test_agenda_groups_run_to_the_end_of_the_week(due: dt.date, group: str) -> None:
    assert group_of(due, MONDAY) == group


def test_on_a_sunday_this_week_is_empty() -> None:
    sunday = MONDAY + dt.timedelta(days=6)
    assert group_of(sunday + dt.timedelta(days=1), sunday) == "later"


def test_undoing_a_step_lets_the_one_beneath_it_expect_the_new_version() -> None:
    note = UndoStep("note", 1, None, version=5, before=4)
    followup = UndoStep("follow-up", 1, None, version=6, before=5)
    carry_forward([note], followup, version_now=7)
    assert note.version == 7


def test_a_change_in_between_still_makes_the_older_undo_a_conflict() -> None:
    note = UndoStep("note", 1, None, version=5, before=4)
    # someone else changed the claim (version 6) before this session's next change
    followup = UndoStep("follow-up", 1, None, version=7, before=6)
    carry_forward([note], followup, version_now=8)
    assert note.version == 5
