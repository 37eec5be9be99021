"""The regex shortcuts that make the extractor fast never change what it finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.extract import dates, speakers
from claimtrack.extract.patterns import word_trie

# Words that open dates and attributions, in several cases, among news pieces.
_OPENERS = (
    "the|The|THE|in|In|a|an|one|two|twelve|early|Late|mid-|end|Q3|H1|first|1st|Christmas|"
    "New Year's|Easter|spring|year-end|month|within|last|Next|this|at|yesterday|Tonight|"
    "Monday|May|Sept.|Nov|2026|03.11.2025|11/03/2025|2025-11-03|ago|weeks|weekend|said|"
    "says|told|according to|announced by|made by|pointed out|has said|estimated|shows|"
    "President|PRESIDENT|Gen.|Minister|CEO|Dr|600|1,200|$5bn|3%|drones|by|.|,|’s|\n|"
    # one phrase of each date form, so every alternative of the date regex is reached
    "early 2026|Mid-2026|the end of the year|3 Nov 2025|November 3|the 3rd of November|"
    "in two years|three weeks ago|Q3 2026|the first half of 2026|Spring 2026|Christmas Eve|"
    "by year-end|end of month|later this year|last month|next weekend|yesterday|last Friday|"
    "March 2027|in May|2028|within two weeks|a few days ago|Earlier this week|this morning"
)
news_text = st.lists(st.sampled_from(_OPENERS.split("|")) | st.text(max_size=6), max_size=30).map(
    " ".join
)
CHECKS = settings(max_examples=400, deadline=None)


def test_word_trie_matches_exactly_its_words() -> None:
    """A trie pattern matches each word whole, and nothing longer or shorter."""
    pattern = re.compile(word_trie({"a", "an", "and", "hundred", "hundreds", "pointed out"}))
    for word in ("a", "an", "and", "hundred", "hundreds", "pointed out", "pointed \t out"):
        assert pattern.fullmatch(word), word
    for other in ("", "ands", "hundre", "pointed", "pointedout", "b"):
        assert not pattern.fullmatch(other), other


@CHECKS
@given(text=news_text)
def test_the_first_word_gate_drops_no_date(text: str) -> None:
    """The date regex finds the same matches with and without its first-word gate."""
    ungated = re.compile(dates._DATE.pattern.replace(dates._DATE_GATE, ""), re.VERBOSE)
    spans = [(m.span(), m.lastgroup) for m in dates._DATE.finditer(text)]
    assert spans == [(m.span(), m.lastgroup) for m in ungated.finditer(text)]


@CHECKS
@given(text=news_text)
def test_the_combined_cue_regex_agrees_with_the_four_cue_patterns(text: str) -> None:
    """One trie scan for an attribution cue answers as the four separate patterns would."""
    separate = any(
        pattern.search(text)
        for pattern in (
            speakers._SPEECH_VERB,
            speakers._OTHER_VERB,
            speakers._PASSIVE_BY,
            speakers._ACCORDING,
        )
    )
    assert (speakers._ANY_CUE.search(text) is not None) == separate
    first = speakers._CUE_OR_TITLE.search(text)
    assert (first is not None and first.lastgroup == "cue") == (
        separate and first is not None and first.start() == speakers._ANY_CUE.search(text).start()
    )
