"""Read articles from files, folders, URLs or stdin into `Article` values.

`.txt` is plain text (first line is the title); `.md` may open with YAML front
matter (title, url, outlet, author, published); `.html` goes through
trafilatura, which finds the main text and its metadata far better than
regexes over tags. Unreadable inputs raise `UnreadableArticle` with a reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import yaml
from dateutil import parser as date_parser

from claimtrack import limits
from claimtrack.importers import guard
from claimtrack.importers.fetch import FetchRefused, fetch

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}


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


def read_limited(stream: IO[bytes]) -> bytes:
    """A stream's bytes up to one past the article limit: enough to refuse it, never 50 MB."""
    return stream.read(limits.current().article_bytes + 1)


def limited_text(stream: IO[bytes]) -> str:
    """A stream's text, read no further than one byte past the article limit."""
    return _decode(_within_limit(read_limited(stream)))


def read_article(entry: str, stdin_data: bytes | None = None) -> Article:
    """Read one file, URL or '-' (the bytes read from stdin) into an Article."""
    if entry == "-":
        return _from_text(entry, _decode(_within_limit(stdin_data or b"")), ".txt")
    if _is_url(entry):
        try:
            page = fetch(entry)
        except FetchRefused as refused:
            raise UnreadableArticle(str(refused)) from None
        return _from_text(entry, page.text, ".html" if page.is_html else ".txt", url=entry)
    if "://" in entry or entry.lower().startswith(("file:", "ftp:", "data:")):
        raise UnreadableArticle("only http and https URLs are fetched")
    path = Path(entry)
    if not path.is_file():
        raise UnreadableArticle("no such file")
    with path.open("rb") as handle:  # never more than the limit in memory
        text = limited_text(handle)
    return _from_text(entry, text, path.suffix.lower())


def _within_limit(data: bytes) -> bytes:
    """`data` if it is no larger than an article may be."""
    limit = limits.current().article_bytes
    if len(data) > limit:
        raise UnreadableArticle(
            f"larger than the article limit of {limit:,} bytes (--limit article_mb=…)"
        )
    return data


def _decode(data: bytes) -> str:
    """UTF-8 text (a byte order mark dropped), or the line of the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise UnreadableArticle(f"line {line}: not UTF-8 (byte {error.start})") from None


def _from_text(origin: str, text: str, suffix: str, url: str | None = None) -> Article:
    if len(text) > limits.current().article_bytes:  # a fetched page, already decoded
        raise UnreadableArticle(
            f"larger than the article limit of {limits.current().article_bytes:,} bytes"
            " (--limit article_mb=…)"
        )
    # Controls (NUL, escapes) never reach the stored text, and so no offset into it.
    text = guard.clean_text(text)
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
    try:
        guard.check_sentences(article.text)
    except ValueError as error:
        raise UnreadableArticle(str(error)) from None
    return article


def _from_markdown(origin: str, text: str) -> Article:
    if not text.startswith("---"):
        return Article(origin=origin, text=text)
    _, _, rest = text.partition("\n")
    header, separator, body = rest.partition("\n---")
    if not separator:
        raise UnreadableArticle("front matter opened with --- is never closed")
    try:
        meta = guard.load_front_matter(header) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 2}: " if mark is not None else ""
        reason = str(getattr(error, "problem", None) or error).splitlines()[0]
        raise UnreadableArticle(f"{where}front matter is not YAML ({reason})") from None
    except (ValueError, OverflowError, RecursionError) as error:
        # PyYAML builds dates itself: 2025-02-30 or year 0 fail as ValueError.
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        if reason.startswith("line "):
            raise UnreadableArticle(reason) from None
        where = _impossible_line(header)
        raise UnreadableArticle(
            f"{where}front matter holds an impossible value ({reason})"
        ) from None
    if not isinstance(meta, dict):
        raise UnreadableArticle("front matter is not a mapping")
    published = meta.get("published")
    published = meta.get("date") if published is None or published == "" else published
    return Article(
        origin=origin,
        text=body.partition("\n")[2],
        title=_meta_text(meta, "title", header),
        url=_meta_text(meta, "url", header),
        outlet=_meta_text(meta, "outlet", header),
        author=_meta_text(meta, "author", header),
        published=_front_matter_date(published, header),
    )


def _impossible_line(header: str) -> str:
    """`line N: ` for the first front-matter line whose value PyYAML cannot build, or nothing."""
    for number, line in enumerate(header.splitlines(), 2):
        try:
            yaml.safe_load(line)
        except (ValueError, OverflowError):
            return f"line {number}: "
        except yaml.YAMLError:
            continue  # a line of a longer construct: not readable alone
    return ""


def _key_line(header: str, key: str) -> str:
    """`line N: ` for the front-matter line that sets `key` (file lines), or nothing."""
    for number, line in enumerate(header.splitlines(), 2):
        if line.startswith(f"{key}:"):
            return f"line {number}: "
    return ""


def _meta_text(meta: dict[Any, Any], key: str, header: str) -> str | None:
    """A front-matter field that must be text (a number is written as text too)."""
    value = meta.get(key)
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 128:
        raise UnreadableArticle(f"{_key_line(header, key)}{key} is a number of too many digits")
    if value is None or (isinstance(value, str | int | float) and not isinstance(value, bool)):
        return _text(value)
    kind = "a mapping" if isinstance(value, dict) else "a list" if isinstance(value, list) else ""
    kind = kind or type(value).__name__
    raise UnreadableArticle(f"{_key_line(header, key)}{key} must be text, not {kind}")


def _front_matter_date(value: Any, header: str) -> dt.date | None:
    try:
        return as_date(value)
    except UnreadableArticle as error:
        key = "published" if "published" in header else "date"
        raise UnreadableArticle(f"{_key_line(header, key)}{error}") from None


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
        text=guard.clean_text(meta["text"]),
        title=_text(meta.get("title")),
        url=url or _text(meta.get("url")),
        outlet=_text(meta.get("sitename")),
        author=_text(meta.get("author")),
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
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise UnreadableArticle("the publication date must be a date")
    if isinstance(value, int) and value.bit_length() > 64:
        raise UnreadableArticle("the publication date is a number, not a date")
    shown = str(value)[:40] + ("…" if len(str(value)) > 40 else "")
    if len(str(value)) > 100:
        raise UnreadableArticle(f"unreadable publication date {shown!r}")
    try:
        return date_parser.parse(str(value)).date()
    except (ValueError, OverflowError):
        raise UnreadableArticle(f"unreadable publication date {shown!r}") from None


def _text(value: Any) -> str | None:
    """A metadata field as one clean line, or None."""
    return guard.clean_field(str(value)) or None if value is not None else None


def _is_url(entry: str) -> bool:
    return entry.startswith(("http://", "https://"))
