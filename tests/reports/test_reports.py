"""Reports: every format renders, streams, and carries hostile text inert."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import pytest

from claimtrack import service
from claimtrack.db import Database
from claimtrack.reads import ClaimFilter
from claimtrack.reports import SCHEMA, ReportError, write_report
from claimtrack.reports import data as report_data
from claimtrack.scale import Status, Verdict, transition_path

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
TODAY = dt.date(2026, 11, 24)


def _claim(session, text, *, verdict=None, summary=None, status=None, speaker=None, doc=None):
    claim = service.add_claim(session, "ana", text, speaker=speaker, kind="quantity")
    if doc is not None:
        service.add_appearance(session, claim, service.Placement(doc.id, text, 0, len(text)))
    if verdict:
        service.add_source(
            session,
            "ana",
            claim.id,
            "https://stats.example.org/a",
            title=f"Stats {IMG}",
            publisher="Office",
            stance="refutes",
            reliability="credible",
            excerpt=SCRIPT,
        )
        service.set_verdict(session, "ana", claim.id, verdict, summary)
    for step in transition_path(Status(claim.status), Status(status or claim.status)):
        service.set_status(session, "ana", claim.id, step)
    return claim


@pytest.fixture
def populated(database: Database) -> Database:
    with database.transaction() as session:
        doc, _ = service.add_document(
            session,
            "ana",
            text="Body of the article.",
            title=f"Article {SCRIPT}",
            url="https://news.example.com/a",
            outlet="Daily",
            published=dt.date(2026, 11, 1),
        )
        hostile = _claim(
            session,
            f"Drones {SCRIPT} {IMG} </script><script>x()</script>",
            verdict="false",
            summary=f"Wrong {SCRIPT}",
            status="concluded",
            speaker=f"Minister {IMG}",
            doc=doc,
        )
        service.add_note(session, "ana", hostile.id, f"note {SCRIPT}")
        service.add_followup(session, "ana", hostile.id, f"check {IMG}", dt.date(2026, 1, 1))
        _claim(
            session,
            '=HYPERLINK("http://evil","x") 600 drones',
            verdict="true",
            summary="+cmd",
            doc=doc,
        )
        _claim(session, "-2+3 drones a day")
        _claim(session, "@SUM(A1) planes", verdict="misleading")
        service.add_followup(session, "bo", 3, "later", dt.date(2027, 1, 1))
    return database


ALL = ClaimFilter()


def _render(database, fmt, where=ALL, **kw):
    out = io.StringIO()
    with database.read() as session:
        n = write_report(session, where, fmt, out, today=TODAY, **kw)
    return out.getvalue(), n


@pytest.mark.parametrize("fmt", ["md", "html", "json", "csv", "claimreview"])
def test_every_format_renders(populated, fmt):
    publishing = {"organisation": "Checkers", "site_url": "https://checks.example.org/"}
    text, n = _render(populated, fmt, **(publishing if fmt == "claimreview" else {}))
    assert text
    # ClaimReview publishes only the concluded claim; the others are still being worked.
    assert n == (1 if fmt == "claimreview" else 4)


def test_unknown_format(populated):
    with pytest.raises(ReportError):
        _render(populated, "pdf")


def test_html_is_self_contained_and_inert(populated):
    html, _ = _render(populated, "html")
    assert "<script" not in html.lower()
    assert "<img" not in html.lower()
    assert "&lt;script&gt;" in html
    assert "&#34;&gt;&lt;img" in html
    # No external requests: the only URLs are links (<a href>) and the SVG namespace.
    assert not re.search(r"<(link|img|iframe|object|embed)\b", html, re.I)
    assert "src=" not in html.replace("src=x", "")
    assert "<svg" in html and "<rect" in html
    assert 'href="https://news.example.com/a"' in html
    assert "overdue" in html


def test_html_links_only_web_urls(database):
    with database.transaction() as session:
        doc, _ = service.add_document(
            session, "ana", text="t", title="T", url="javascript:alert(1)"
        )
        _claim(session, "Ten ships", doc=doc)
    html, _ = _render(database, "html")
    assert 'href="javascript' not in html


def test_markdown_summary_and_escaping(populated):
    md, _ = _render(populated, "md")
    assert "## Summary" in md and "█" in md
    assert "<script" not in md and "<img" not in md
    assert "&lt;script&gt;" in md
    assert "[Article" in md and "(https://news.example.com/a)" in md
    assert "Refutes" in md and "**History**" in md


def test_json_schema_and_content(populated):
    text, _ = _render(populated, "json")
    report = json.loads(text)
    assert report["schema"] == SCHEMA
    assert report["summary"]["claims"] == 4
    assert report["summary"]["by_verdict"]["false"] == 1
    assert report["summary"]["followups_overdue"] == 1
    assert report["summary"]["followups_open"] == 2
    first = report["claims"][0]
    assert first["text"].startswith("Drones <script>")  # JSON keeps the text exact
    assert first["sources_by_stance"]["refutes"][0]["publisher"] == "Office"
    assert first["appearances"][0]["published"] == "2026-11-01"
    assert first["history"]
    assert "</script>" not in text  # but escaped as \u003c


def test_json_empty(database):
    report = json.loads(_render(database, "json")[0])
    assert report["claims"] == [] and report["summary"]["claims"] == 0


def test_csv_neutralises_formulas(populated):
    text, _ = _render(populated, "csv", bom=True)
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(rows) == 4
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    texts = {r["text"] for r in rows}
    assert '\'=HYPERLINK("http://evil","x") 600 drones' in texts
    assert "'-2+3 drones a day" in texts
    assert "'@SUM(A1) planes" in texts
    assert any(r["verdict_summary"] == "'+cmd" for r in rows)


def test_csv_columns_stable(database):
    text, _ = _render(database, "csv")
    from claimtrack.reports.writers import CSV_COLUMNS

    assert text.splitlines() == [",".join(CSV_COLUMNS)]


def test_claimreview_escapes_script(populated):
    text, _ = _render(
        populated, "claimreview", organisation="Checkers", site_url="https://checks.example.org"
    )
    assert "</script>" not in text and "<" not in text and ">" not in text
    reviews = json.loads(text)
    assert reviews[0]["claimReviewed"].startswith("Drones <script>")


CLAIMREVIEW_REQUIRED = (
    "@context",
    "@type",
    "claimReviewed",
    "reviewRating",
    "author",
    "datePublished",
    "url",
    "itemReviewed",
)


@pytest.mark.parametrize("verdict", list(Verdict))
def test_claimreview_required_fields(database, verdict):
    with database.transaction() as session:
        doc, _ = service.add_document(
            session,
            "ana",
            text=f"text {verdict}",
            title="Source article",
            url="https://news.example.com/x",
            published=dt.date(2026, 10, 2),
        )
        _claim(
            session,
            f"Claim rated {verdict}",
            verdict=verdict.value,
            summary="why",
            status="concluded",
            speaker="Someone",
            doc=doc,
        )
        _claim(session, "Never rated")
    text, n = _render(
        database, "claimreview", organisation="Checkers", site_url="https://checks.example.org/"
    )
    assert n == 1
    (review,) = json.loads(text)
    for key in CLAIMREVIEW_REQUIRED:
        assert review.get(key), key
    assert review["@type"] == "ClaimReview"
    assert review["@context"] == "https://schema.org"
    assert review["url"] == "https://checks.example.org/claims/1.html"
    assert review["author"] == {
        "@type": "Organization",
        "@id": "https://checks.example.org/#organization",
        "name": "Checkers",
        "url": "https://checks.example.org/",
    }
    assert dt.datetime.fromisoformat(review["datePublished"]).tzinfo is not None
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating" and rating["alternateName"] == verdict.label
    if verdict.rating is not None:
        assert rating["ratingValue"] == verdict.rating
        assert rating["bestRating"] == 5 and rating["worstRating"] == 1
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"]["name"] == "Someone"
    assert item["datePublished"] == "2026-10-02"
    assert item["appearance"][0]["url"] == "https://news.example.com/x"


@pytest.mark.parametrize(
    ("speaker", "speaker_type", "author"),
    [
        (
            "Ministry of Defence",
            "organisation",
            {"@type": "Organization", "name": "Ministry of Defence"},
        ),
        ("Anna Kowal", "person", {"@type": "Person", "name": "Anna Kowal", "jobTitle": "Minister"}),
        # A claim stored before speakers were typed stays a Person, as before.
        ("Anna Kowal", None, {"@type": "Person", "name": "Anna Kowal", "jobTitle": "Minister"}),
    ],
)
def test_claimreview_author_is_an_organization_for_an_organisation_speaker(
    database, speaker, speaker_type, author
):
    # given a rated claim whose speaker is typed
    with database.transaction() as session:
        claim = service.add_claim(
            session,
            "ana",
            "Output fell 40% in 2025.",
            kind="quantity",
            speaker=speaker,
            speaker_role="Minister" if speaker_type != "organisation" else None,
            speaker_type=speaker_type,
        )
        service.set_verdict(session, "ana", claim.id, "unverifiable", "no data")
        for step in ("needs_review", "concluded"):
            service.set_status(session, "ana", claim.id, step)
    # when
    text, _ = _render(
        database, "claimreview", organisation="Checkers", site_url="https://checks.example.org/"
    )
    # then
    (review,) = json.loads(text)
    speaker = review["itemReviewed"]["author"]
    assert speaker.pop("@id") == "https://checks.example.org/claims/1.html#speaker"
    assert speaker == author


def test_filter_and_window(populated):
    _, n = _render(populated, "json", where=ClaimFilter(verdict="true"))
    assert n == 1
    _, n = _render(populated, "json", since="2000-01-01", until=dt.date.today())
    assert n == 4
    _, n = _render(populated, "json", until="2000-01-01")
    assert n == 0


def test_streams_in_batches(database, monkeypatch):
    monkeypatch.setattr(report_data, "BATCH", 2)
    with database.transaction() as session:
        for i in range(5):
            _claim(session, f"{i} claims about boats")
    text, n = _render(database, "json")
    assert n == 5
    assert [c["id"] for c in json.loads(text)["claims"]] == [1, 2, 3, 4, 5]


def test_notes_and_sources_inert_in_html(populated):
    html, _ = _render(populated, "html")
    assert "note &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Stats &#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("plain", "plain"),
        (5, 5),
    ],
)
def test_neutralise(cell, expected):
    from claimtrack.reports.writers import neutralise

    assert neutralise(cell) == expected


def test_markdown_does_not_link_unsafe_urls():
    from claimtrack.reports.writers import _md_link, md_escape

    assert "](" not in _md_link("x", "javascript:alert(1)")
    assert _md_link("a [b]", "https://e.org/a b") == "[a \\[b\\]](https://e.org/a%20b)"
    assert md_escape("<b>*x*</b>") == "&lt;b&gt;\\*x\\*&lt;/b&gt;"
