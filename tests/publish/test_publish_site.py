"""`claimtrack publish`: one valid ClaimReview per page, feeds, filters, minimal rewrites."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from publish_setup import ORGANISATION, SITE_URL, drones_claim_id, ready_to_publish
from schemaorg_vocabulary import google_problems, vocabulary

from claimtrack import service
from claimtrack.importers.claimreview import claimreviews, ld_json_blocks
from claimtrack.publish.claimreview import PublishError, Site
from claimtrack.publish.site import MANIFEST, publish

SITE = Site(ORGANISATION, SITE_URL)


@pytest.fixture
def demo(tmp_path, demo_copy):
    database = ready_to_publish(demo_copy(tmp_path / "demo.db"))
    yield database
    database.dispose()


def _publish(database, directory: Path, **options):
    with database.read() as session:
        return publish(session, directory, SITE, **options)


def _reviews_in(page: Path) -> list[dict]:
    blocks = ld_json_blocks(page.read_text(encoding="utf-8"))
    return [review for block in blocks for review in claimreviews(json.loads(block))]


def test_every_page_carries_exactly_one_valid_claimreview(demo, tmp_path):
    # given the demo with two concluded, sourced claims
    site = tmp_path / "site"
    # when
    summary = _publish(demo, site)
    # then one page per published claim, each with one ClaimReview that checks out
    pages = sorted((site / "claims").glob("*.html"))
    assert summary.reviews == len(pages) == 2
    for page in pages:
        reviews = _reviews_in(page)
        assert len(reviews) == 1, page
        (review,) = reviews
        assert vocabulary().validate(review) == [], page
        assert google_problems(review) == [], page
        assert review["url"] == f"{SITE_URL}claims/{page.stem}.html"
    # and the other pages carry none
    for other in [site / "index.html", *site.glob("verdict/*.html"), *site.glob("tags/*.html")]:
        assert _reviews_in(other) == [], other


def test_the_data_feed_holds_every_review_and_validates(demo, tmp_path):
    site = tmp_path / "site"
    _publish(demo, site)
    feed = json.loads((site / "claimreview.json").read_text(encoding="utf-8"))
    assert feed["@type"] == "DataFeed"
    assert vocabulary().validate(feed) == []
    reviews = list(claimreviews(feed))
    assert len(reviews) == 2
    assert {r["url"] for r in reviews} == {
        f"{SITE_URL}claims/{p.stem}.html" for p in (site / "claims").glob("*.html")
    }


def test_the_atom_feed_lists_every_review(demo, tmp_path):
    site = tmp_path / "site"
    _publish(demo, site)
    root = ET.fromstring((site / "feed.atom").read_bytes())
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = root.findall("a:entry", ns)
    assert len(entries) == 2
    assert {e.find("a:id", ns).text for e in entries} == {
        f"{SITE_URL}claims/{p.stem}.html" for p in (site / "claims").glob("*.html")
    }


def test_index_filters_by_verdict_and_tag_with_plain_links(demo, tmp_path):
    site = tmp_path / "site"
    _publish(demo, site)
    index = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="verdict/half_true.html"' in index and 'href="verdict/true.html"' in index
    assert 'href="tags/drones.html"' in index
    drones = (site / "tags" / "drones.html").read_text(encoding="utf-8")
    assert f'href="../claims/{drones_claim_id(demo)}.html"' in drones
    assert drones.count('<li><a href="../claims/') == 1
    half_true = (site / "verdict" / "half_true.html").read_text(encoding="utf-8")
    assert half_true.count('<li><a href="../claims/') == 1


def test_pages_are_accessible_and_make_no_external_requests(demo, tmp_path):
    site = tmp_path / "site"
    _publish(demo, site)
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert '<html lang="en">' in html
        assert "<main" in html and 'role="banner"' in html and 'role="contentinfo"' in html
        assert html.count("<h1>") == 1
        # Nothing is loaded: no script that runs, no stylesheet, image or frame from anywhere.
        assert not re.search(r"<(img|iframe|object|embed|audio|video)\b", html, re.I)
        assert not re.search(r"\bsrc=", html)
        assert not re.search(r'<link[^>]+rel="stylesheet"', html)
        scripts = re.findall(r"<script([^>]*)>", html)
        assert all('type="application/ld+json"' in s for s in scripts), page


def test_verdict_colours_have_enough_contrast_with_white_text():
    from claimtrack.publish.site import environment

    css = environment().get_template("base.html.j2").render(site=SITE, root="")
    colours = re.findall(r"\.v-[a-z_]+ \{ background: (#[0-9a-f]{6}); \}", css)
    assert len(colours) == 7

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    for colour in colours:
        assert (1.05) / (luminance(colour) + 0.05) >= 4.5, colour  # WCAG AA for text


def test_publishing_again_rewrites_only_what_changed_and_removes_unpublished(demo, tmp_path):
    # given a published site
    site = tmp_path / "site"
    first = _publish(demo, site)
    assert first.unchanged == 0 and (site / MANIFEST).is_file()
    (site / "robots.txt").write_text("User-agent: *\n", encoding="utf-8")  # not ours
    # when nothing changed, nothing is written
    again = _publish(demo, site)
    assert again.written == [] and again.removed == []
    # when one claim is reopened, its page goes and the lists and feeds change
    drones = drones_claim_id(demo)
    with demo.transaction() as session:
        service.set_status(session, "olena", drones, "in_progress")
    after = _publish(demo, site)
    assert f"claims/{drones}.html" in after.removed
    assert not (site / "claims" / f"{drones}.html").exists()
    assert "verdict/half_true.html" in after.removed and "tags/drones.html" in after.removed
    assert set(after.written) == {
        "index.html",
        "feed.atom",
        "claimreview.json",
        "verdict/true.html",
    }
    other = next((site / "claims").glob("*.html")).name
    assert f"claims/{other}" not in after.written
    assert (site / "robots.txt").is_file()


def test_unsourced_verdicts_are_published_only_when_asked_and_say_so(demo, tmp_path):
    # given a concluded claim whose verdict was forced without a source
    with demo.transaction() as session:
        claim = service.add_claim(session, "olena", "Exports doubled to 40 billion in 2024.")
        service.set_verdict(session, "olena", claim.id, "false", "No.", force=True)
        for step in ("needs_review", "concluded"):
            service.set_status(session, "olena", claim.id, step)
    # then it is left out by default
    assert _publish(demo, tmp_path / "a").reviews == 2
    # and published, marked, with include_forced
    assert _publish(demo, tmp_path / "b", include_forced=True).reviews == 3
    (review,) = _reviews_in(tmp_path / "b" / "claims" / f"{claim.id}.html")
    assert "without a cited source" in review["reviewRating"]["ratingExplanation"]
    assert vocabulary().validate(review) == []


def test_claims_not_concluded_are_not_published(demo, tmp_path):
    # the demo's claim "in progress" has sources but no conclusion, and the drones one needs review
    with demo.transaction() as session:
        service.set_status(session, "olena", drones_claim_id(demo), "in_progress")
    assert _publish(demo, tmp_path / "site").reviews == 1


def test_publishing_without_an_organisation_names_the_settings_command():
    with pytest.raises(PublishError, match="claimtrack settings organisation"):
        Site.checked(None, SITE_URL)
    with pytest.raises(PublishError, match="claimtrack settings site_url"):
        Site.checked(ORGANISATION, "not a url")


def test_html_renders_in_headless_chromium_without_console_errors(demo, tmp_path):
    browser = next(
        (shutil.which(n) for n in ("chromium", "chromium-browser", "chrome") if shutil.which(n)),
        None,
    )
    if browser is None:
        pytest.skip("headless Chromium is not installed (apt-get install chromium)")
    site = tmp_path / "site"
    _publish(demo, site)
    for page in (site / "index.html", next((site / "claims").glob("*.html"))):
        run = subprocess.run(
            [
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--enable-logging=stderr",
                "--v=0",
                "--dump-dom",
                page.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert run.returncode == 0, run.stderr[-2000:]
        console = [x for x in run.stderr.splitlines() if "CONSOLE" in x or "Uncaught" in x]
        assert not console, console
        # The DOM the browser built still carries JSON-LD that parses.
        for block in ld_json_blocks(run.stdout):
            json.loads(block)
        if page.parent.name == "claims":
            assert len(ld_json_blocks(run.stdout)) == 1
