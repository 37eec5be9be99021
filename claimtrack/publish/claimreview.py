"""The one schema.org ClaimReview builder, for `report --format claimreview` and `publish`.

It reads a `Review` (plain values, see `publish/selection.py`) and writes the
markup Google's fact-check documentation asks for: `claimReviewed`,
`reviewRating` (with `name` and `alternateName`), `url` (the claim's own
published page), `author` (the desk, required), `datePublished` (when the
verdict was concluded) and `dateModified`, and `itemReviewed` — a `Claim`
whose `author` is a `Person` or an `Organization` from the speaker type,
whose `appearance`s carry their URLs and whose `firstAppearance` is the
earliest by publication date. Stable `@id`s (fragments of the page URL) link
the nodes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from claimtrack.errors import InvalidInput
from claimtrack.scale import SpeakerType, Verdict, claimreview_rating

CONTEXT = "https://schema.org"
FORCED_EXPLANATION = "This verdict was given without a cited source."


class PublishError(InvalidInput, ValueError):
    """Reviews cannot be published as asked (no organisation, no site URL)."""


@dataclass(frozen=True, slots=True)
class Seen:
    """One appearance of the claim: the article it was seen in."""

    title: str
    url: str | None
    outlet: str | None
    published: dt.date | None


@dataclass(frozen=True, slots=True)
class Evidence:
    """A source the verdict rests on, as the page lists it."""

    url: str
    title: str | None
    publisher: str | None
    stance: str


@dataclass(frozen=True, slots=True)
class Review:
    """A concluded claim as it is published."""

    id: int
    text: str
    claim_reviewed: str
    speaker: str | None
    speaker_type: str | None
    speaker_role: str | None
    verdict: Verdict
    summary: str | None
    forced: bool
    concluded_at: dt.datetime
    modified_at: dt.datetime
    seen: tuple[Seen, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    tags: tuple[str, ...] = ()

    @property
    def first_seen(self) -> Seen | None:
        """The earliest appearance by publication date (undated ones last)."""
        if not self.seen:
            return None
        return min(self.seen, key=lambda s: (s.published is None, s.published or dt.date.min))


@dataclass(frozen=True, slots=True)
class Site:
    """Who publishes and where: the author organisation and the site's base URL."""

    organisation: str
    url: str

    @classmethod
    def checked(cls, organisation: str | None, url: str | None) -> Site:
        """A site from the team settings, or PublishError naming the `settings` command."""
        if not organisation or not organisation.strip():
            raise PublishError(
                "ClaimReview needs the author organisation: "
                "claimtrack settings organisation 'Your Fact-Check Desk'"
            )
        if not is_web_url(url):
            raise PublishError(
                "ClaimReview needs the site's URL (http or https): "
                "claimtrack settings site_url https://factcheck.example.org/ "
                "(or publish --site-url)"
            )
        assert url is not None
        return cls(organisation.strip(), url.strip().rstrip("/") + "/")

    def page(self, claim_id: int) -> str:
        """The published page of a claim."""
        return f"{self.url}{page_path(claim_id)}"


def page_path(claim_id: int) -> str:
    """Where a claim's page lives in the site, relative to its root."""
    return f"claims/{claim_id}.html"


def is_web_url(url: str | None) -> bool:
    """An absolute http(s) URL."""
    if not url:
        return False
    parsed = urlparse(url.strip())
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)


# ---------------------------------------------------------------- claimReviewed


_PRONOUN = re.compile(r"^(?:he|she|they|we|i)\b\s*", re.IGNORECASE)
# A trailing attribution ("…, he said.", "…, the ministry added") is not the claim.
_ATTRIBUTION = re.compile(
    r",\s+(?:[\w.’'-]+\s+){1,4}?(?:said|says|added|told\s+\w+|stated|claimed|announced)"
    r"\s*[.!]?$"
)
# A trailing clause that explains or colours the claim ("…, aiming to bridge the gaps") is not it.
_TRAILING_CLAUSE = re.compile(
    r",\s+(?:aiming|hoping|seeking|which|while|amid|as part of|in a move|following|despite|"
    r"marking|bringing|making|according to)\b.*$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")


def default_claim_reviewed(text: str, speaker: str | None) -> str:
    """The claim as a short statement: one sentence, a leading pronoun replaced by the speaker."""
    sentence = _SENTENCE_END.split(" ".join(text.split()), maxsplit=1)[0]
    if speaker:
        sentence = _PRONOUN.sub(speaker.strip() + " ", sentence, count=1)
    for clause in (_ATTRIBUTION, _TRAILING_CLAUSE):
        trimmed = clause.sub("", sentence).strip()
        if len(trimmed.split()) >= 4:
            sentence = trimmed
    sentence = sentence.rstrip(" ,;:")
    if sentence and sentence[-1] not in ".!?":
        sentence += "."
    return sentence[:1].upper() + sentence[1:]


# ---------------------------------------------------------------- the markup


def _iso(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).replace(microsecond=0).isoformat()


def organisation_node(site: Site) -> dict[str, Any]:
    """The desk: the author of every review."""
    return {
        "@type": "Organization",
        "@id": f"{site.url}#organization",
        "name": site.organisation,
        "url": site.url,
    }


def _speaker(review: Review, page: str) -> dict[str, Any]:
    if review.speaker_type == SpeakerType.ORGANISATION:
        return {"@type": "Organization", "@id": f"{page}#speaker", "name": review.speaker}
    person: dict[str, Any] = {"@type": "Person", "@id": f"{page}#speaker", "name": review.speaker}
    if review.speaker_role:
        person["jobTitle"] = review.speaker_role  # a Person's property only
    return person


def _work(seen: Seen) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "headline": seen.title}
    if is_web_url(seen.url):
        work["@id"] = work["url"] = (seen.url or "").strip()
    if seen.published:
        work["datePublished"] = seen.published.isoformat()
    if seen.outlet:
        work["publisher"] = {"@type": "Organization", "name": seen.outlet}
    return work


def claimreview(review: Review, site: Site) -> dict[str, Any]:
    """One schema.org ClaimReview for a published review (a JSON-LD document)."""
    page = site.page(review.id)
    item: dict[str, Any] = {"@type": "Claim", "@id": f"{page}#claim"}
    if review.speaker:
        item["author"] = _speaker(review, page)
    first = review.first_seen
    if first is not None:
        if first.published:
            item["datePublished"] = first.published.isoformat()
        ordered = sorted(
            review.seen, key=lambda s: (s.published is None, s.published or dt.date.min)
        )
        item["appearance"] = [_work(s) for s in ordered]
        item["firstAppearance"] = _work(first)
    rating = claimreview_rating(review.verdict).to_jsonld()
    rating = {"@type": "Rating", "name": review.verdict.label, **rating}
    if review.forced:
        rating["ratingExplanation"] = FORCED_EXPLANATION
    markup: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "@id": f"{page}#claimreview",
        "url": page,
        "claimReviewed": review.claim_reviewed,
        "reviewRating": rating,
        "itemReviewed": item,
        "author": organisation_node(site),
        "datePublished": _iso(review.concluded_at),
        "dateModified": _iso(review.modified_at),
    }
    if review.summary:
        markup["reviewBody"] = review.summary
    return markup


def data_feed(reviews: list[dict[str, Any]], site: Site, modified: dt.datetime) -> dict[str, Any]:
    """All reviews as one schema.org DataFeed (the DataCommons fact-check feed shape)."""
    return {
        "@context": CONTEXT,
        "@type": "DataFeed",
        "@id": f"{site.url}claimreview.json",
        "name": f"{site.organisation}: fact-checks",
        "dateModified": _iso(modified),
        "dataFeedElement": [
            {
                "@type": "DataFeedItem",
                "dateModified": review["dateModified"],
                "item": [{k: v for k, v in review.items() if k != "@context"}],
            }
            for review in reviews
        ],
    }
