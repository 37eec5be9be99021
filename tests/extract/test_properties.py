"""Properties of the extractor that must hold for every input, checked with hypothesis."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.extract import extract_claims, normalise_claim_text, score_sentence
from claimtrack.extract.score import FEATURES

# Pieces of news text that reach the number, date and speaker code paths, so
# generated inputs are not all rejected at the first character.
_PIECES = (
    "600|800|1,200|1 200|2.5|$5bn|€500m|£12.21|3%|0.2 percentage points|between|and|from|to|"
    "up to|more than|nearly|hundreds of|a dozen|–|—|-|/h|per day|a year|daily|drones|"
    "tonnes of steel|November 3|3 Nov 2025|March 2027|2028|by the end of the year|by mid-2026|"
    "yesterday|on Tuesday|last year|within two weeks|by year’s end|"
    "President Volodymyr Zelensky said|He noted that|according to the WHO|Ukraine asserts|"
    "According to Olaf Scholz,|said Katherina Reiche,|the minister|,|;|²|٣|600.²|"
    "Read more:|?|.|!|…|“|”|U.S.|Dr.|No. 5|\n|\n\n|- |  "
)
NEWS_PIECES = tuple(_PIECES.split("|"))
news_like = st.lists(st.sampled_from(NEWS_PIECES) | st.text(max_size=8), max_size=40).map(" ".join)
any_text = st.text() | news_like
published = st.none() | st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
FAST = settings(max_examples=200, deadline=None)


@FAST
@given(text=any_text, when=published)
def test_extractor_never_raises_and_offsets_slice_the_text(text: str, when: dt.date | None) -> None:
    """On any text, every claim, quantity and date span slices the input to its surface."""
    for claim in extract_claims(text, when, include_all=True):
        assert text[claim.start : claim.end] == claim.text
        for quantity in claim.quantities:
            assert text[quantity.start : quantity.end] == quantity.text
        for mention in claim.dates:
            assert text[mention.start : mention.end] == mention.text
        speaker = claim.speaker
        if speaker is not None and speaker.start is not None and speaker.end is not None:
            assert claim.start <= speaker.start <= speaker.end <= claim.end


@FAST
@given(text=any_text, when=published)
def test_scores_are_probabilities(text: str, when: dt.date | None) -> None:
    """Every score lies in [0, 1], and headings score 0."""
    for claim in extract_claims(text, when, include_all=True):
        assert 0.0 <= claim.score <= 1.0
        if claim.is_heading:
            assert claim.score == 0.0


@FAST
@given(text=any_text, when=published)
def test_claims_are_the_sentences_above_the_threshold(text: str, when: dt.date | None) -> None:
    """Without include_all, the claims are exactly the non-heading sentences at or above it."""
    everything = extract_claims(text, when, include_all=True)
    expected = [c for c in everything if not c.is_heading and c.score >= 0.5]
    assert extract_claims(text, when, threshold=0.5) == expected


@FAST
@given(text=any_text)
def test_normalised_text_is_stable(text: str) -> None:
    """Normalising twice changes nothing more than normalising once."""
    once = normalise_claim_text(text)
    assert normalise_claim_text(once) == once


@FAST
@given(text=any_text, heading=st.booleans())
def test_score_is_the_models_probability_and_its_reasons_are_named(
    text: str, heading: bool
) -> None:
    """A probability in [0, 1], 0 for headings and boilerplate; every reason is a known
    feature, a pair of them or a term."""
    score, features = score_sentence(text, is_heading=heading)
    assert 0.0 <= score <= 1.0
    if heading or "boilerplate" in features:
        assert score == 0.0
    assert all(name in FEATURES or name.startswith(("term:", "pair:")) for name in features)
