"""ClaimReview in: from JSON-LD files, web pages and fact-check data feeds.

Accepted shapes, found wherever they nest:

* a ClaimReview object, a list of them, or a JSON-LD `@graph` holding them;
* a web page: every `<script type="application/ld+json">` block is read;
* a data feed: a schema.org `DataFeed` whose `dataFeedElement` holds
  ClaimReviews or `DataFeedItem`s with an `item` (the DataCommons fact-check
  feeds), or the plain ClaimReview array of Google's Fact Check Markup Tool.

A block that is not JSON, or a review without a URL or a claim, is one error
line naming the source (and the block); everything else is read. Reviews are
deduplicated by URL (the last copy wins), as the `fact_checks` table is.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from claimtrack.importers.files import UnreadableArticle, as_date
from claimtrack.service.factchecks import FactCheckData

SUFFIXES = {".json", ".jsonld", ".html", ".htm"}
HTML_SUFFIXES = {".html", ".htm"}


@dataclass
class Reading:
    """What was read from one source: reviews by URL, and one line per problem."""

    reviews: dict[str, FactCheckData] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def discover(entries: list[str]) -> Iterator[str]:
    """Folders expanded (recursively) into their JSON, JSON-LD and HTML files."""
    for entry in entries:
        path = Path(entry)
        if not _is_url(entry) and path.is_dir():
            yield from sorted(
                str(p)
                for p in path.rglob("*")
                if p.suffix.lower() in SUFFIXES and not p.name.startswith(".")
            )
        else:
            yield entry


def read_source(entry: str) -> Reading:
    """Read the ClaimReviews of one file or URL."""
    reading = Reading()
    try:
        text, is_html = _load(entry)
    except UnreadableArticle as error:
        reading.errors.append(f"{entry}: {error}")
        return reading
    if is_html:
        for number, block in enumerate(ld_json_blocks(text), 1):
            _read_json(block, f"{entry}: block {number}", reading)
    else:
        _read_json(text, entry, reading)
    return reading


def _is_url(entry: str) -> bool:
    return entry.lower().startswith(("http://", "https://"))


def _load(entry: str) -> tuple[str, bool]:
    if _is_url(entry):
        from claimtrack.importers.fetch import FetchRefused, fetch

        try:
            page = fetch(entry)
        except FetchRefused as refused:
            raise UnreadableArticle(str(refused)) from None
        return page.text, page.is_html or page.text.lstrip().startswith("<")
    path = Path(entry)
    if not path.is_file():
        raise UnreadableArticle("no such file")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableArticle(f"not UTF-8 (byte {error.start})") from None
    return text, path.suffix.lower() in HTML_SUFFIXES or text.lstrip().startswith("<")


class _LdJsonBlocks(HTMLParser):
    """Collects the text of `<script type="application/ld+json">` elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)  # a script's text is raw, as in a browser
        self.blocks: list[str] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            kind = (dict(attrs).get("type") or "").split(";")[0].strip().lower()
            self._inside = kind == "application/ld+json"
            if self._inside:
                self.blocks.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.blocks[-1] += data


def ld_json_blocks(html: str) -> list[str]:
    """The text of every `<script type="application/ld+json">` element of a page."""
    parser = _LdJsonBlocks()
    parser.feed(html)
    parser.close()
    return parser.blocks


def _read_json(text: str, where: str, reading: Reading) -> None:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        reading.errors.append(
            f"{where}: not JSON ({error.msg} at line {error.lineno} column {error.colno})"
        )
        return
    for number, node in enumerate(claimreviews(value), 1):
        try:
            review = fact_check(node)
        except ValueError as error:
            reading.errors.append(f"{where}: review {number}: {error}")
            continue
        reading.reviews[review.url] = review


def _types(node: dict[str, Any]) -> set[str]:
    kinds = node.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return {str(k).rsplit("/", 1)[-1].rsplit(":", 1)[-1] for k in kinds if k}


def claimreviews(value: Any) -> Iterator[dict[str, Any]]:
    """Every ClaimReview node in a parsed JSON-LD value, however it nests."""
    if isinstance(value, list):
        for item in value:
            yield from claimreviews(item)
    elif isinstance(value, dict):
        if "ClaimReview" in _types(value):
            yield value
            return
        for key in ("@graph", "dataFeedElement", "item", "mainEntity", "hasPart"):
            if key in value:
                yield from claimreviews(value[key])


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _name(value: Any) -> str | None:
    value = _first(value)
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def fact_check(node: dict[str, Any]) -> FactCheckData:
    """One ClaimReview node as a fact check; ValueError says what is missing."""
    url = node.get("url") or node.get("@id")
    url = _first(url)
    if not isinstance(url, str) or not _is_url(url.strip()):
        raise ValueError("no http(s) url")
    claim = node.get("claimReviewed")
    if not isinstance(claim, str) or not claim.strip():
        raise ValueError("no claimReviewed")
    item = _first(node.get("itemReviewed"))
    rating = _first(node.get("reviewRating"))
    rating = rating if isinstance(rating, dict) else {}
    try:
        reviewed_on = as_date(node.get("datePublished"))
    except UnreadableArticle:
        reviewed_on = None
    return FactCheckData(
        url=url.strip(),
        claim_reviewed=" ".join(claim.split()),
        claimant=_name(item.get("author")) if isinstance(item, dict) else None,
        rating=_name(rating.get("alternateName")) or _name(rating.get("name")),
        rating_value=_number(rating.get("ratingValue")),
        best_rating=_number(rating.get("bestRating")),
        worst_rating=_number(rating.get("worstRating")),
        organisation=_name(node.get("author")) or _name(node.get("publisher")),
        reviewed_on=reviewed_on,
    )
