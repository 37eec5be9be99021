"""Read articles from files, folders, URLs or stdin into `Article` values.

`.txt` is plain text (first line is the title); `.md` may open with YAML front
matter (title, url, outlet, author, published); `.html` goes through
trafilatura, which finds the main text and its metadata far better than
regexes over tags. Unreadable inputs raise `UnreadableArticle` with a reason.
"""

from __future__ import annotations

import datetime as dt
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from dateutil import parser as date_parser

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
FETCH_TIMEOUT_S = 20


class UnreadableArticle(Exception):
    """An input that cannot be imported: the message says why."""


@dataclass(frozen=True, slots=True)
class Article:
    """One article's text and what is known about it."""

    origin: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: dt.date | None = None


def discover(paths: list[str]) -> Iterator[str]:
    """Expand folders (recursively) into their article files; keep files, URLs and '-'."""
    for entry in paths:
        path = Path(entry)
        if entry != "-" and not _is_url(entry) and path.is_dir():
            yield from sorted(
                str(p) for p in path.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES
            )
        else:
            yield entry


def read_article(entry: str, stdin_data: bytes | None = None) -> Article:
    """Read one file, URL or '-' (the bytes read from stdin) into an Article."""
    if entry == "-":
        return _from_text(entry, _decode(stdin_data or b""), ".txt")
    if _is_url(entry):
        return _from_text(entry, _fetch(entry), ".html", url=entry)
    path = Path(entry)
    if not path.is_file():
        raise UnreadableArticle("no such file")
    return _from_text(entry, _decode(path.read_bytes()), path.suffix.lower())


def _decode(data: bytes) -> str:
    """UTF-8 text (a byte order mark dropped), or the line of the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise UnreadableArticle(f"line {line}: not UTF-8 (byte {error.start})") from None


def _from_text(origin: str, text: str, suffix: str, url: str | None = None) -> Article:
    if not text.strip():
        raise UnreadableArticle("empty")
    if suffix in (".html", ".htm"):
        article = _from_html(origin, text, url)
    elif suffix in (".md", ".markdown"):
        article = _from_markdown(origin, text)
    else:
        article = Article(origin=origin, text=text)
    if len(article.text.split()) < 8:
        raise UnreadableArticle("not an article (too little text)")
    return article


def _from_markdown(origin: str, text: str) -> Article:
    if not text.startswith("---"):
        return Article(origin=origin, text=text)
    _, _, rest = text.partition("\n")
    header, separator, body = rest.partition("\n---")
    if not separator:
        raise UnreadableArticle("front matter opened with --- is never closed")
    try:
        meta = yaml.safe_load(header) or {}
    except yaml.YAMLError as error:
        raise UnreadableArticle(f"front matter is not YAML: {error}".splitlines()[0]) from None
    if not isinstance(meta, dict):
        raise UnreadableArticle("front matter is not a mapping")
    return Article(
        origin=origin,
        text=body.partition("\n")[2],
        title=_text(meta.get("title")),
        url=_text(meta.get("url")),
        outlet=_text(meta.get("outlet")),
        author=_text(meta.get("author")),
        published=as_date(meta.get("published") or meta.get("date")),
    )


def _with_class(*names: str) -> str:
    """XPath for elements having one of `names` among their classes (not merely inside one)."""
    tests = (f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')" for name in names)
    return f"//*[{' or '.join(tests)}]"


# Page furniture the markup names, cut before trafilatura reads the page so it
# never reaches the text as prose: figure captions, addresses, menus, reference
# lists and footnotes (DPUB-ARIA roles, Wikipedia's and common CMS classes, the
# inline "[1]" markers) and schema.org recipe parts. What the markup does not
# name is left to the text-level pass, claimtrack/extract/boilerplate.py.
_FURNITURE_XPATHS = [
    "//figcaption",
    "//address",
    "//nav",
    "//*[@role='navigation']",
    "//*[@role='doc-bibliography' or @role='doc-endnotes' or @role='doc-footnote']",
    _with_class("references", "reflist", "mw-references-wrap", "footnotes", "bibliography"),
    "//sup[contains(concat(' ', normalize-space(@class), ' '), ' reference ')]",
    "//*[@itemprop='recipeIngredient' or @itemprop='recipeInstructions']",
]


def _from_html(origin: str, html: str, url: str | None) -> Article:
    import trafilatura

    # Tables are data, not prose (a page laid out in tables still reads: trafilatura
    # falls back on its other extractors), and comments are not the article.
    found = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        prune_xpath=_FURNITURE_XPATHS,
    )
    # A dict comes back only for as_dict=True; like None, it is no article here.
    if found is None or isinstance(found, dict) or not found.text:
        raise UnreadableArticle("not an article (no main text found in the HTML)")
    meta = found.as_dict()
    return Article(
        origin=origin,
        text=meta["text"],
        title=meta.get("title"),
        url=url or meta.get("url"),
        outlet=meta.get("sitename"),
        author=meta.get("author"),
        published=as_date(meta.get("date")),
    )


def as_date(value: Any) -> dt.date | None:
    """A date from YAML or HTML metadata: a date, a datetime or a string."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return date_parser.parse(str(value)).date()
    except (ValueError, OverflowError):
        raise UnreadableArticle(f"unreadable publication date {value!r}") from None


def _text(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None


def _is_url(entry: str) -> bool:
    return entry.startswith(("http://", "https://"))


def _fetch(url: str) -> str:
    request = urllib.request.Request(url, headers={"User-Agent": "claimtrack"})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_S) as response:
            charset = response.headers.get_content_charset() or "utf-8"
            return response.read().decode(charset, errors="replace")
    except OSError as error:
        raise UnreadableArticle(f"could not fetch: {error}") from None
