"""The one ClaimReview builder: what it publishes, and that the report uses it."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from schemaorg_vocabulary import google_problems, vocabulary

from claimtrack import service
from claimtrack.publish.claimreview import (
    PublishError,
    Review,
    Seen,
    Site,
    claimreview,
    default_claim_reviewed,
)
from claimtrack.publish.selection import iter_reviews
from claimtrack.reads import ClaimFilter
from claimtrack.reports import write_report
from claimtrack.scale import Verdict

SITE = Site("Example Checks", "https://checks.example.org/")
CONCLUDED = dt.datetime(2025, 11, 10, 9, 0, tzinfo=dt.UTC)


def _review(**changes) -> Review:
    values = {
        "id": 7,
        "text": "He said output rose 40% in 2025.",
        "claim_reviewed": "Output rose 40% in 2025.",
        "speaker": "Ministry of Defence",
        "speaker_type": "organisation",
        "speaker_role": None,
        "verdict": Verdict.MOSTLY_FALSE,
        "summary": "It rose 12%.",
        "forced": False,
        "concluded_at": CONCLUDED,
        "modified_at": CONCLUDED + dt.timedelta(days=2),
        "seen": (
            Seen("Later story", "https://news.example.com/b", "Wire", dt.date(2025, 11, 5)),
            Seen("Undated", None, None, None),
            Seen("First story", "https://news.example.com/a", "Daily", dt.date(2025, 11, 1)),
        ),
    }
    return Review(**(values | changes))


@pytest.mark.parametrize(
    ("text", "speaker", "expected"),
    [
        (
            "He said output rose 40% in 2025.",
            "Anna Kowal",
            "Anna Kowal said output rose 40% in 2025.",
        ),
        (
            "She promised 300 new homes. Critics doubt it.",
            "Ana Lopez",
            "Ana Lopez promised 300 new homes.",
        ),
        ("Exports doubled in 2024, the minister said.", None, "Exports doubled in 2024."),
        (
            "Ukraine will make 800 drones a day, aiming to close the gap.",
            None,
            "Ukraine will make 800 drones a day.",
        ),
        ("They cut taxes", None, "They cut taxes."),  # no speaker: the pronoun stays
    ],
)
def test_default_claim_reviewed_is_one_sentence_naming_the_speaker(text, speaker, expected):
    assert default_claim_reviewed(text, speaker) == expected


def test_markup_has_stable_ids_urls_dates_and_the_earliest_appearance_first():
    markup = claimreview(_review(), SITE)
    page = "https://checks.example.org/claims/7.html"
    assert markup["url"] == page and markup["@id"] == f"{page}#claimreview"
    assert markup["itemReviewed"]["@id"] == f"{page}#claim"
    assert markup["author"]["@id"] == "https://checks.example.org/#organization"
    assert markup["datePublished"] == "2025-11-10T09:00:00+00:00"
    assert markup["dateModified"] == "2025-11-12T09:00:00+00:00"
    item = markup["itemReviewed"]
    assert item["firstAppearance"]["headline"] == "First story"
    assert item["datePublished"] == "2025-11-01"
    assert [w["headline"] for w in item["appearance"]] == ["First story", "Later story", "Undated"]
    assert item["appearance"][0]["url"] == "https://news.example.com/a"
    assert "url" not in item["appearance"][2]
    assert item["author"] == {
        "@type": "Organization",
        "@id": f"{page}#speaker",
        "name": "Ministry of Defence",
    }
    assert markup["reviewRating"]["name"] == "Mostly false"
    assert vocabulary().validate(markup) == []
    assert google_problems(markup) == []


def test_a_person_speaker_is_a_person_with_a_job_title():
    markup = claimreview(_review(speaker_type="person", speaker_role="Minister"), SITE)
    assert markup["itemReviewed"]["author"]["@type"] == "Person"
    assert markup["itemReviewed"]["author"]["jobTitle"] == "Minister"
    assert vocabulary().validate(markup) == []


def test_the_validator_catches_what_the_vocabulary_forbids():
    # A check that cannot fail proves nothing: break the markup three ways.
    markup = claimreview(_review(), SITE)
    markup["itemReviewed"]["author"]["jobTitle"] = "Ministry"  # a Person's property only
    markup["reviewRating"]["ratingValue"] = {"@type": "Person", "name": "x"}  # out of range
    markup["claimReviewd"] = "typo"  # no such property
    problems = vocabulary().validate(markup)
    assert len(problems) == 3, problems
    assert google_problems({"@type": "ClaimReview"})


def _concluded(session, text, verdict="false", *, source=True, speaker=None):
    claim = service.add_claim(session, "ana", text, speaker=speaker)
    if source:
        service.add_source(
            session, "ana", claim.id, "https://stats.example.org/a", stance="refutes"
        )
    service.set_verdict(session, "ana", claim.id, verdict, "Why.", force=not source)
    for step in ("needs_review", "concluded"):
        service.set_status(session, "ana", claim.id, step)
    return claim


def test_dates_come_from_the_conclusion_not_from_later_notes(database):
    # given a concluded claim
    with database.transaction() as session:
        claim = _concluded(session, "Exports fell 20% in 2024.")
    with database.read() as session:
        (before,) = iter_reviews(session)
    # when a note is added (the claim's updated_at moves)
    with database.transaction() as session:
        service.add_note(session, "bo", claim.id, "Seen again on TV.")
    with database.read() as session:
        (after,) = iter_reviews(session)
    # then the review's dates stay
    assert (after.concluded_at, after.modified_at) == (before.concluded_at, before.modified_at)
    # and editing the published statement changes dateModified only
    with database.transaction() as session:
        from claimtrack.service.factchecks import set_claim_reviewed

        set_claim_reviewed(session, "ana", claim.id, "Exports fell by a fifth in 2024.")
    with database.read() as session:
        (edited,) = iter_reviews(session)
    assert edited.concluded_at == before.concluded_at
    assert edited.modified_at > before.modified_at
    assert edited.claim_reviewed == "Exports fell by a fifth in 2024."


def test_the_report_uses_the_same_builder_and_needs_an_organisation(database):
    with database.transaction() as session:
        claim = _concluded(session, "Exports fell 20% in 2024.", speaker="Anna Kowal")
        service.add_claim(session, "ana", "Not concluded: 5 ships sank.")
    out = io.StringIO()
    with database.read() as session:
        written = write_report(
            session,
            ClaimFilter(),
            "claimreview",
            out,
            organisation=SITE.organisation,
            site_url=SITE.url,
        )
        (review,) = iter_reviews(session)
    assert written == 1
    (markup,) = json.loads(out.getvalue())
    assert markup == claimreview(review, SITE)
    assert markup["url"] == f"https://checks.example.org/claims/{claim.id}.html"
    with database.read() as session, pytest.raises(PublishError, match="settings organisation"):
        write_report(session, ClaimFilter(), "claimreview", io.StringIO(), site_url=SITE.url)
