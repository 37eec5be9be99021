"""`claimtrack publish DIR`: a static site of published fact-checks any web server can host.

The site:

* `claims/<id>.html` — one page per published claim, carrying exactly one
  ClaimReview as JSON-LD (publish/claimreview.py, the builder reports use too);
* `index.html`, with filter pages by verdict (`verdict/<verdict>.html`) and by
  tag (`tags/<tag>.html`): plain links, so filtering needs no script and makes
  no request beyond the site itself;
* `feed.atom`, an Atom feed, and `claimreview.json`, a DataFeed of every review.

Pages carry no timestamps of their own making (only the reviews' dates), so
publishing again rewrites only the files whose content changed. The files a
run writes are listed in `.claimtrack-site.json`; a later run removes those it
no longer writes (a claim reopened, dismissed or merged loses its page) and
never touches files it did not write.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from sqlalchemy.orm import Session

from claimtrack.publish.claimreview import (
    FORCED_EXPLANATION,
    Review,
    Site,
    _iso,
    claimreview,
    data_feed,
    is_web_url,
    page_path,
)
from claimtrack.publish.selection import iter_reviews, latest_change
from claimtrack.reads import ClaimFilter
from claimtrack.reports.writers import safe_json
from claimtrack.scale import Verdict

MANIFEST = ".claimtrack-site.json"
# The date an empty site's feeds carry: a fixed one, so an empty site is rewritten never.
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


@dataclass
class PublishSummary:
    """What a publish run did to the directory."""

    reviews: int = 0
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"{self.reviews} fact-checks published: {len(self.written)} files written, "
            f"{self.unchanged} unchanged, {len(self.removed)} removed"
        )


@cache
def environment() -> Environment:
    """The site templates' Jinja2 environment (autoescaping on, HTML and XML alike)."""
    env = Environment(
        loader=PackageLoader("claimtrack.publish", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.tests["web_url"] = is_web_url
    env.globals["tag_slug"] = tag_slug
    env.globals["iso"] = _iso
    return env


def tag_slug(tag: str) -> str:
    """A file name for a tag: lower-case letters, digits and dashes (a hash keeps it unique)."""
    slug = re.sub(r"[^a-z0-9]+", "-", tag.lower()).strip("-")[:60] or "tag"
    if slug != tag:
        slug += "-" + hashlib.sha256(tag.encode("utf-8")).hexdigest()[:6]
    return slug


def render_site(reviews: list[Review], site: Site) -> dict[str, str]:
    """Every file of the site, by path relative to its root."""
    env = environment()
    files: dict[str, str] = {}
    markups = [claimreview(review, site) for review in reviews]
    page = env.get_template("claim.html.j2")
    for review, markup in zip(reviews, markups, strict=True):
        by_date = sorted(review.seen, key=lambda s: (s.published is None, s.published or ""))
        files[page_path(review.id)] = page.render(
            site=site,
            root="../",
            review=review,
            seen=by_date,
            page_url=site.page(review.id),
            markup=safe_json(markup, indent=2),
            forced_note=FORCED_EXPLANATION,
        )
    newest = sorted(reviews, key=lambda r: (r.concluded_at, r.id), reverse=True)
    verdict_counts = Counter(r.verdict for r in reviews)
    tag_counts = Counter(tag for r in reviews for tag in r.tags)
    verdicts = [
        {"value": v.value, "label": v.label, "count": verdict_counts[v]}
        for v in Verdict
        if verdict_counts[v]
    ]
    tags = [
        {"name": name, "slug": tag_slug(name), "count": count}
        for name, count in sorted(tag_counts.items())
    ]
    index = env.get_template("index.html.j2")
    common: dict[str, Any] = {
        "site": site,
        "verdicts": verdicts,
        "tags": tags,
        "total": len(reviews),
    }
    files["index.html"] = index.render(
        **common, root="", heading="Fact-checks", listed=newest, current="all"
    )
    for v in verdicts:
        files[f"verdict/{v['value']}.html"] = index.render(
            **common,
            root="../",
            heading=f"Fact-checks rated {v['label']}",
            listed=[r for r in newest if r.verdict.value == v["value"]],
            current=f"verdict:{v['value']}",
        )
    for t in tags:
        files[f"tags/{t['slug']}.html"] = index.render(
            **common,
            root="../",
            heading=f"Fact-checks tagged {t['name']}",
            listed=[r for r in newest if t["name"] in r.tags],
            current=f"tag:{t['name']}",
        )
    updated = latest_change(reviews)
    files["feed.atom"] = env.get_template("feed.atom.j2").render(
        site=site,
        reviews=sorted(reviews, key=lambda r: (r.modified_at, r.id), reverse=True),
        updated=_iso(updated or EPOCH),
    )
    feed = data_feed(markups, site, updated or EPOCH)
    files["claimreview.json"] = safe_json(feed, indent=2) + "\n"
    return files


def publish(
    session: Session,
    directory: Path,
    site: Site,
    *,
    where: ClaimFilter | None = None,
    include_forced: bool = False,
) -> PublishSummary:
    """Write (or bring up to date) the site in `directory`; returns what changed."""
    reviews = list(iter_reviews(session, where, include_forced=include_forced))
    files = render_site(reviews, site)
    summary = PublishSummary(reviews=len(reviews))
    directory.mkdir(parents=True, exist_ok=True)
    for relative, text in sorted(files.items()):
        target = directory / relative
        data = text.encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            summary.unchanged += 1
            continue
        _write(target, data)
        summary.written.append(relative)
    for relative in sorted(_previous(directory) - set(files)):
        target = directory / relative
        if target.is_file():
            target.unlink()
            summary.removed.append(relative)
    manifest = json.dumps(sorted(files), indent=1).encode("utf-8")
    if not (directory / MANIFEST).is_file() or (directory / MANIFEST).read_bytes() != manifest:
        _write(directory / MANIFEST, manifest)
    return summary


def _previous(directory: Path) -> set[str]:
    """The files the last run wrote (only paths inside the site, as this module names them)."""
    try:
        listed = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    allowed = re.compile(r"^(?:[a-z]+/)?[\w.-]+\.(?:html|atom|json)$")
    return {p for p in listed if isinstance(p, str) and allowed.match(p) and ".." not in p}


def _write(target: Path, data: bytes) -> None:
    """Write a file whole or not at all: a reader never sees half a page."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    try:
        partial.write_bytes(data)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
