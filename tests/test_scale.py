"""Status workflow, verdict scale and ClaimReview ratings (claimtrack/scale.py)."""

from __future__ import annotations

import pytest

from claimtrack.scale import (
    TRANSITIONS,
    Kind,
    Outcome,
    Stance,
    Status,
    Verdict,
    can_transition,
    claimreview_rating,
    is_rated,
    parse_choice,
    transition_path,
)

# --- status workflow -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (Status.NEW, Status.IN_PROGRESS),
        (Status.NEW, Status.DISMISSED),
        (Status.IN_PROGRESS, Status.NEEDS_REVIEW),
        (Status.NEEDS_REVIEW, Status.CONCLUDED),
        (Status.NEEDS_REVIEW, Status.IN_PROGRESS),  # sent back
        (Status.CONCLUDED, Status.IN_PROGRESS),  # reopened
        (Status.DISMISSED, Status.NEW),  # restored
    ],
)
def test_given_workflow_step_when_checked_then_allowed(old, new):
    assert can_transition(old, new)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (Status.NEW, Status.CONCLUDED),
        (Status.NEW, Status.NEEDS_REVIEW),
        (Status.IN_PROGRESS, Status.CONCLUDED),
        (Status.CONCLUDED, Status.NEW),
        (Status.DISMISSED, Status.CONCLUDED),
    ],
)
def test_given_step_that_skips_the_workflow_when_checked_then_refused(old, new):
    assert not can_transition(old, new)


def test_given_every_status_when_transitions_listed_then_each_has_a_way_out():
    assert set(TRANSITIONS) == set(Status)
    assert all(TRANSITIONS[status] for status in Status)


def test_given_no_status_when_listing_transitions_then_none_leads_to_itself():
    assert all(status not in TRANSITIONS[status] for status in Status)


def test_given_new_claim_when_path_to_concluded_then_walks_every_step():
    assert transition_path(Status.NEW, Status.CONCLUDED) == [
        Status.IN_PROGRESS,
        Status.NEEDS_REVIEW,
        Status.CONCLUDED,
    ]


def test_given_concluded_claim_when_path_back_to_new_then_reopens_first():
    assert transition_path(Status.CONCLUDED, Status.NEW) == [Status.IN_PROGRESS, Status.NEW]


def test_given_dismissed_claim_when_path_to_concluded_then_restored_first():
    assert transition_path(Status.DISMISSED, Status.CONCLUDED) == [
        Status.NEW,
        Status.IN_PROGRESS,
        Status.NEEDS_REVIEW,
        Status.CONCLUDED,
    ]


def test_given_same_status_when_path_asked_then_empty():
    assert transition_path(Status.IN_PROGRESS, Status.IN_PROGRESS) == []


@pytest.mark.parametrize("old", list(Status))
@pytest.mark.parametrize("new", list(Status))
def test_given_any_two_statuses_when_path_asked_then_every_step_is_allowed(old, new):
    path = transition_path(old, new)

    steps = list(zip([old, *path], path, strict=False))
    assert all(can_transition(a, b) for a, b in steps)
    assert [old, *path][-1] == new


# --- verdicts and ClaimReview --------------------------------------------------------


@pytest.mark.parametrize(
    ("verdict", "rating", "name"),
    [
        (Verdict.TRUE, 5, "True"),
        (Verdict.MOSTLY_TRUE, 4, "Mostly true"),
        (Verdict.HALF_TRUE, 3, "Half true"),
        (Verdict.MOSTLY_FALSE, 2, "Mostly false"),
        (Verdict.FALSE, 1, "False"),
    ],
)
def test_given_rated_verdict_when_mapped_to_claimreview_then_value_and_name_match(
    verdict, rating, name
):
    markup = claimreview_rating(verdict).to_jsonld()

    assert markup == {
        "@type": "Rating",
        "alternateName": name,
        "ratingValue": rating,
        "bestRating": 5,
        "worstRating": 1,
    }


@pytest.mark.parametrize(
    ("verdict", "name"),
    [(Verdict.MISLEADING, "Misleading"), (Verdict.UNVERIFIABLE, "Unverifiable")],
)
def test_given_unrated_verdict_when_mapped_to_claimreview_then_name_only(verdict, name):
    markup = claimreview_rating(verdict).to_jsonld()

    assert markup == {"@type": "Rating", "alternateName": name}


def test_given_verdicts_when_ordered_by_rating_then_higher_is_truer():
    rated = [v for v in Verdict if v.rating is not None]

    assert sorted(rated, key=lambda v: v.rating, reverse=True) == [
        Verdict.TRUE,
        Verdict.MOSTLY_TRUE,
        Verdict.HALF_TRUE,
        Verdict.MOSTLY_FALSE,
        Verdict.FALSE,
    ]


def test_given_every_verdict_when_mapped_then_each_has_claimreview_name():
    assert all(claimreview_rating(v).alternate_name for v in Verdict)


@pytest.mark.parametrize("verdict", [v for v in Verdict if v is not Verdict.UNVERIFIABLE])
def test_given_verdict_other_than_unverifiable_then_it_needs_evidence(verdict):
    assert verdict.needs_evidence


def test_given_unverifiable_verdict_then_no_evidence_needed():
    assert not Verdict.UNVERIFIABLE.needs_evidence


# --- outcomes and kinds --------------------------------------------------------------


def test_given_outcomes_then_only_kept_compromise_broken_are_final():
    assert {o for o in Outcome if o.is_final} == {
        Outcome.KEPT,
        Outcome.COMPROMISE,
        Outcome.BROKEN,
    }


def test_given_kinds_then_only_commitments_and_predictions_have_outcomes():
    assert {k for k in Kind if k.has_outcome} == {Kind.COMMITMENT, Kind.PREDICTION}


# --- reading user input --------------------------------------------------------------


@pytest.mark.parametrize("typed", ["mostly_true", "Mostly True", "mostly-true", "  MOSTLY TRUE "])
def test_given_verdict_spelled_loosely_when_parsed_then_member_found(typed):
    assert parse_choice(Verdict, typed) is Verdict.MOSTLY_TRUE


def test_given_status_with_space_when_parsed_then_member_found():
    assert parse_choice(Status, "in progress") is Status.IN_PROGRESS


def test_given_unknown_choice_when_parsed_then_error_lists_choices():
    with pytest.raises(ValueError, match=r"unknown stance 'agrees' \(choose from supports"):
        parse_choice(Stance, "agrees")


@pytest.mark.parametrize(
    ("kind", "verdict", "outcome", "rated"),
    [
        ("quantity", "false", None, True),
        ("quantity", None, None, False),
        ("commitment", None, "kept", True),
        ("commitment", None, "not_yet_rated", False),
        ("quantity", None, "kept", False),  # an outcome rates only commitments and predictions
        (None, None, "kept", False),
    ],
)
def test_a_claim_is_rated_by_a_verdict_or_an_outcome_its_kind_allows(
    kind: str | None, verdict: str | None, outcome: str | None, rated: bool
) -> None:
    assert is_rated(kind, verdict, outcome) is rated
