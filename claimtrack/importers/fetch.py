"""Fetch an article page over HTTP(S), safely.

A page comes from a server nobody vetted, so every fetch is bounded
(claimtrack/limits.py): a connect and a read timeout and a time limit for the
whole fetch; a size cap counted after decompression, so a gzip bomb is
refused as soon as it passes the cap, never inflated in memory; a bounded
number of redirects, only to http or https; only HTML or text. Every refusal
is a `FetchRefused` with the one line that says why.
"""

from __future__ import annotations

import time
import zlib
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3

from claimtrack import __version__, limits

USER_AGENT = f"claimtrack/{__version__} (claim tracking and fact verification)"
SCHEMES = ("http", "https")
HTML_TYPES = ("text/html", "application/xhtml+xml")
CHUNK = 16_384
REDIRECTS = (301, 302, 303, 307, 308)


class FetchRefused(Exception):
    """A page that is not fetched, and why (one line)."""


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched page: its text and whether it is HTML (else plain text)."""

    url: str
    text: str
    is_html: bool


def check_scheme(url: str) -> str:
    """`url` if it is http(s); anything else (file:, ftp:, data:) is refused."""
    scheme = urlsplit(url).scheme.lower()
    if scheme not in SCHEMES:
        raise FetchRefused(f"only http and https URLs are fetched, not {scheme or 'this'}:")
    return url


def fetch(url: str, pool: urllib3.PoolManager | None = None) -> Page:
    """The page at `url`, within the limits in force; FetchRefused says why not."""
    bounds = limits.current()
    deadline = time.monotonic() + bounds.fetch_total_s
    pool = pool or urllib3.PoolManager(retries=False)
    current = check_scheme(url)
    for _ in range(bounds.redirects + 1):
        response = _request(pool, current, bounds, deadline)
        try:
            if response.status in REDIRECTS:
                location = response.headers.get("Location")
                if not location:
                    raise FetchRefused(f"HTTP {response.status} redirect without a Location")
                current = check_scheme(urljoin(current, location))
                continue
            if response.status >= 400:
                raise FetchRefused(
                    f"could not fetch: HTTP {response.status} {response.reason or ''}".rstrip()
                )
            is_html = _content_kind(response.headers.get("Content-Type", ""))
            body = _read_body(response, bounds, deadline)
            charset = _charset(response.headers.get("Content-Type", ""))
            return Page(current, body.decode(charset, errors="replace"), is_html)
        finally:
            response.release_conn()
    raise FetchRefused(f"more than {bounds.redirects} redirects (--limit redirects=…)")


def _request(
    pool: urllib3.PoolManager, url: str, bounds: limits.Limits, deadline: float
) -> urllib3.BaseHTTPResponse:
    remaining = _remaining(deadline, bounds)
    timeout = urllib3.Timeout(
        connect=min(bounds.connect_timeout_s, remaining),
        read=min(bounds.read_timeout_s, remaining),
    )
    try:
        return pool.request(
            "GET",
            url,
            headers={
                "User-Agent": USER_AGENT,
                "Accept": "text/html, application/xhtml+xml, text/plain;q=0.9",
                "Accept-Encoding": "gzip, deflate",
            },
            redirect=False,
            preload_content=False,
            decode_content=False,
            timeout=timeout,
        )
    except urllib3.exceptions.ConnectTimeoutError:
        raise FetchRefused(f"no connection within {timeout.connect_timeout:g} s") from None
    except urllib3.exceptions.ReadTimeoutError:
        raise FetchRefused(f"no response within {timeout.read_timeout:g} s") from None
    except urllib3.exceptions.HTTPError as error:
        reason = getattr(error, "reason", None) or error
        raise FetchRefused(f"could not fetch: {str(reason).splitlines()[0]}") from None


def _remaining(deadline: float, bounds: limits.Limits) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise FetchRefused(
            f"the fetch took longer than {bounds.fetch_total_s:g} s (--limit fetch_total_s=…)"
        )
    return left


def _content_kind(content_type: str) -> bool:
    """True for HTML, False for plain text; any other type is refused."""
    kind = content_type.split(";", 1)[0].strip().lower()
    if not kind or kind in HTML_TYPES:
        return True
    if kind.startswith("text/"):
        return False
    raise FetchRefused(f"not an article: the page is {kind}, not HTML or text")


def _charset(content_type: str) -> str:
    for part in content_type.split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.lower() == "charset" and value:
            charset = value.strip("\"' ").lower()
            try:
                "".encode(charset)
            except LookupError:
                return "utf-8"
            return charset
    return "utf-8"


def _read_body(response: urllib3.BaseHTTPResponse, bounds: limits.Limits, deadline: float) -> bytes:
    """The body, decompressed as it streams in; refused once it passes the size cap."""
    cap = bounds.fetch_bytes
    encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
    inflater = _inflater(encoding)
    declared = response.headers.get("Content-Length")
    if inflater is None and declared and declared.isdigit() and int(declared) > cap:
        raise FetchRefused(_too_large(int(declared), bounds))
    parts: list[bytes] = []
    size = 0
    try:
        while True:
            _remaining(deadline, bounds)
            # read1: whatever has arrived, so a server dripping bytes meets the total limit.
            chunk = response.read1(CHUNK)
            if not chunk:
                break
            pieces = [chunk] if inflater is None else _inflate(inflater, chunk, cap - size + 1)
            for piece in pieces:
                size += len(piece)
                if size > cap:
                    raise FetchRefused(_too_large(size, bounds, counted=True))
                parts.append(piece)
    except urllib3.exceptions.ReadTimeoutError:
        raise FetchRefused(f"the page stalled for {bounds.read_timeout_s:g} s") from None
    except urllib3.exceptions.ProtocolError as error:
        raise FetchRefused(f"the connection broke: {str(error).splitlines()[0]}") from None
    except zlib.error:
        raise FetchRefused(f"the page's {encoding} compression is corrupt") from None
    return b"".join(parts)


def _inflater(encoding: str) -> zlib._Decompress | None:
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompressobj()
    raise FetchRefused(f"the page is sent with {encoding} compression, which is not read")


def _inflate(inflater: zlib._Decompress, chunk: bytes, room: int) -> list[bytes]:
    """Decompress `chunk` a bounded piece at a time: never more than `room` bytes held."""
    pieces: list[bytes] = []
    held = 0
    data = chunk
    while data:
        piece = inflater.decompress(data, CHUNK)
        pieces.append(piece)
        held += len(piece)
        if held > room:
            break
        data = inflater.unconsumed_tail
    return pieces


def _too_large(size: int, bounds: limits.Limits, *, counted: bool = False) -> str:
    """The refusal line: a declared size, or (`counted`) a body still streaming in."""
    if counted:
        return (
            f"the page passed the limit of {bounds.fetch_bytes:,} bytes"
            " (counted after decompression; --limit fetch_mb=…)"
        )
    return (
        f"the page is {size:,} bytes, over the limit of {bounds.fetch_bytes:,} (--limit fetch_mb=…)"
    )
