"""Verification reports: Markdown, HTML, JSON, CSV and schema.org ClaimReview.

Every writer streams: the summary comes from aggregate queries, then claims are
read a batch at a time (`data.iter_batches`), and each batch is rendered to one
string and written with one `write` call.

Escaping, per format:
* HTML — autoescaping Jinja2; only http(s) URLs become links.
* Markdown — `<`, `>`, `&` become entities and Markdown punctuation is
  backslash-escaped, so text cannot open a tag or a link when rendered.
* JSON-LD / JSON — `<`, `>`, `&`, U+2028 and U+2029 are written as `\\uXXXX`,
  so `</script>` in a claim cannot close the script element it is embedded in.
* CSV — cells starting with `= + - @`, tab or CR get a leading `'`, so a
  spreadsheet shows them as text instead of running them as formulas.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from functools import cache
from typing import Any, TextIO

from jinja2 import Environment, PackageLoader, select_autoescape
from sqlalchemy.orm import Session

from claimtrack.collector import older_objects_frozen
from claimtrack.errors import InvalidInput
from claimtrack.publish.claimreview import Site, claimreview
from claimtrack.publish.selection import iter_reviews
from claimtrack.reads import ClaimFilter
from claimtrack.reports.data import (
    Window,
    as_end,
    as_start,
    is_web_url,
    iter_batches,
    summary,
)
from claimtrack.scale import Stance

FORMATS = ("md", "html", "json", "csv", "claimreview")
SCHEMA = "claimtrack.report/1"

CSV_COLUMNS = (
    "id",
    "external_id",
    "text",
    "kind",
    "speaker",
    "status",
    "verdict",
    "rating",
    "verdict_summary",
    "outcome",
    "assignee",
    "tags",
    "first_seen_title",
    "first_seen_outlet",
    "first_seen_published",
    "first_seen_url",
    "appearances",
    "sources_supports",
    "sources_refutes",
    "sources_context",
    "followups_open",
    "next_due",
    "created_at",
    "updated_at",
)

BAR_WIDTH = 40  # characters in the Markdown bar chart
REVIEWS_PER_WRITE = 500  # ClaimReview markup is written this many reviews at a time


class ReportError(InvalidInput, ValueError):
    """A report cannot be written as asked (unknown format, bad date)."""


def write_report(
    session: Session,
    where: ClaimFilter,
    fmt: str,
    out: TextIO,
    *,
    since: dt.date | dt.datetime | str | None = None,
    until: dt.date | dt.datetime | str | None = None,
    organisation: str | None = None,
    site_url: str | None = None,
    include_forced: bool = False,
    today: dt.date | None = None,
    bom: bool = False,
    title: str | None = None,
) -> int:
    """Write a report of the claims `where` admits to `out`; returns how many claims.

    `since`/`until` narrow by the claim's last update (dates are whole days,
    strings are parsed with dateutil). `bom` puts a UTF-8 byte order mark before
    CSV output for spreadsheets. `organisation` and `site_url` (both required
    for ClaimReview) and `include_forced` feed ClaimReview (publish/claimreview.py).
    """
    if fmt not in FORMATS:
        raise ReportError(f"unknown report format {fmt!r} (choose from {', '.join(FORMATS)})")
    try:
        window = Window(where, as_start(since), as_end(until))
    except (ValueError, OverflowError) as error:
        raise ReportError(f"cannot read the date: {error}") from None
    today = today or dt.date.today()
    meta = {
        "title": title or "Verification report",
        "organisation": organisation or "claimtrack",
        "generated_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "filter": where.describe(),
        "since": window.since.isoformat() if window.since else None,
        "until": window.until.isoformat() if window.until else None,
    }
    if fmt == "csv":
        with older_objects_frozen():
            return _write_csv(session, window, out, meta=meta, today=today, bom=bom)
    if fmt == "claimreview":
        site = Site.checked(organisation, site_url)
        return _write_claimreview(session, window, out, site=site, include_forced=include_forced)
    writer = {"md": _write_markdown, "html": _write_html, "json": _write_json}[fmt]
    with older_objects_frozen():
        return writer(session, window, out, meta=meta, today=today)


# ---------------------------------------------------------------- JSON and JSON-LD


_JS_UNSAFE = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def safe_json(value: Any, *, indent: int | None = None) -> str:
    """JSON that is also safe inside an HTML <script> element."""
    return _script_safe(json.dumps(value, ensure_ascii=False, indent=indent))


def _script_safe(text: str) -> str:
    """JSON text with the characters that could end a <script> element written as escapes.

    They can occur only inside JSON strings, so a whole batch is escaped at once.
    """
    for char, escaped in _JS_UNSAFE.items():
        if char in text:
            text = text.replace(char, escaped)
    return text


# json.dumps(view, ensure_ascii=False), without building an encoder per claim; the
# views are plain trees, so the check for circular references is skipped.
_encode_line = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode


def _write_json(
    session: Session, window: Window, out: TextIO, *, meta: dict[str, Any], today: dt.date
) -> int:
    head = {"schema": SCHEMA, **meta, "summary": summary(session, window, today)}
    opening = safe_json(head, indent=2)
    out.write(opening[:-2] + ',\n  "claims": [')
    written = 0
    for batch in iter_batches(session, window, today):
        lines = ",\n    ".join(_encode_line(view) for view in batch)
        out.write(_script_safe(("\n    " if written == 0 else ",\n    ") + lines))
        written += len(batch)
    out.write("\n  ]\n}\n" if written else "]\n}\n")
    return written


def _write_claimreview(
    session: Session,
    window: Window,
    out: TextIO,
    *,
    site: Site,
    include_forced: bool,
) -> int:
    """A JSON array of ClaimReview, one per published claim: the builder `publish` uses."""
    parts = ["["]
    written = 0
    for review in iter_reviews(session, window, include_forced=include_forced):
        parts.append(
            ("\n" if written == 0 else ",\n") + safe_json(claimreview(review, site), indent=2)
        )
        written += 1
        if written % REVIEWS_PER_WRITE == 0:
            out.write("".join(parts))
            parts.clear()
    parts.append("\n]\n" if written else "]\n")
    out.write("".join(parts))
    return written


# ---------------------------------------------------------------- CSV


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """A cell a spreadsheet will show as text, never evaluate as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _csv_row(view: dict[str, Any]) -> list[Any]:
    first = view["appearances"][0] if view["appearances"] else {}
    open_due = sorted(f["due"] for f in view["followups"] if not f["done"])
    stance = view["sources_by_stance"]
    row = {
        **{k: view[k] for k in CSV_COLUMNS if k in view},
        "tags": ";".join(view["tags"]),
        "first_seen_title": first.get("title"),
        "first_seen_outlet": first.get("outlet"),
        "first_seen_published": first.get("published"),
        "first_seen_url": first.get("url"),
        "appearances": len(view["appearances"]),
        "sources_supports": len(stance["supports"]),
        "sources_refutes": len(stance["refutes"]),
        "sources_context": len(stance["context"]),
        "followups_open": len(open_due),
        "next_due": open_due[0] if open_due else None,
    }
    return [neutralise("" if row[c] is None else row[c]) for c in CSV_COLUMNS]


def _write_csv(
    session: Session,
    window: Window,
    out: TextIO,
    *,
    meta: dict[str, Any],
    today: dt.date,
    bom: bool,
) -> int:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    out.write(("\ufeff" if bom else "") + _drain(buffer))
    written = 0
    for batch in iter_batches(session, window, today, full=False):
        writer.writerows(_csv_row(view) for view in batch)
        out.write(_drain(buffer))
        written += len(batch)
    return written


def _drain(buffer: io.StringIO) -> str:
    """What was written to `buffer` since it was last drained."""
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


# ---------------------------------------------------------------- HTML


@cache
def environment() -> Environment:
    """The report templates' Jinja2 environment (autoescaping on)."""
    env = Environment(
        loader=PackageLoader("claimtrack.reports", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.tests["web_url"] = is_web_url
    return env


def _bars(facts: dict[str, Any]) -> list[dict[str, Any]]:
    most = max((v["count"] for v in facts["verdicts"]), default=0) or 1
    return [{**v, "fraction": v["count"] / most} for v in facts["verdicts"]]


def _write_html(
    session: Session, window: Window, out: TextIO, *, meta: dict[str, Any], today: dt.date
) -> int:
    facts = summary(session, window, today)
    # The template's three macros (head, claims, tail), each rendered to one string.
    page: Any = environment().get_template("report.html.j2").module
    out.write(page.head(meta, facts, _bars(facts)))
    stances = [s.value for s in Stance]
    written = 0
    for batch in iter_batches(session, window, today):
        out.write(page.claims(batch, stances))
        written += len(batch)
    out.write(page.tail(written))
    return written


# ---------------------------------------------------------------- Markdown


_MD_SPECIAL = "\\`*_[]|~"
_MD_ESCAPES = str.maketrans({c: "\\" + c for c in _MD_SPECIAL})


def md_escape(value: Any) -> str:
    """Text that renders as itself in Markdown and opens no HTML tag."""
    text = " ".join(str(value).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.translate(_MD_ESCAPES)


def _md_link(label: Any, url: str | None) -> str:
    if is_web_url(url):
        safe_url = (url or "").strip().replace("(", "%28").replace(")", "%29").replace(" ", "%20")
        safe_url = safe_url.replace("<", "%3C").replace(">", "%3E")
        return f"[{md_escape(label)}]({safe_url})"
    return md_escape(label) + (f" ({md_escape(url)})" if url else "")


def _write_markdown(
    session: Session, window: Window, out: TextIO, *, meta: dict[str, Any], today: dt.date
) -> int:
    facts = summary(session, window, today)
    head: list[str] = []
    w = head.append
    w(f"# {md_escape(meta['title'])}\n\n")
    w(f"{md_escape(meta['organisation'])} · generated {meta['generated_at']}")
    if meta["filter"]:
        w(f" · {md_escape(meta['filter'])}")
    if meta["since"] or meta["until"]:
        w(f" · updated {meta['since'] or '…'} to {meta['until'] or '…'}")
    w("\n\n## Summary\n\n")
    w(f"{facts['claims']} claims · {facts['followups_open']} open follow-ups")
    w(f" · {facts['followups_overdue']} overdue\n\n")
    w("| status | claims |\n|---|---:|\n")
    for status, count in facts["by_status"].items():
        w(f"| {status.replace('_', ' ')} | {count} |\n")
    w("\n### Verdicts\n\n```\n")
    most = max((v["count"] for v in facts["verdicts"]), default=0) or 1
    for v in facts["verdicts"]:
        bar = "█" * round(BAR_WIDTH * v["count"] / most)
        w(f"{v['label']:<13} {bar:<{BAR_WIDTH}} {v['count']}\n")
    w(f"{'(no verdict)':<13} {'':<{BAR_WIDTH}} {facts['unrated']}\n```\n\n## Claims\n")
    out.write("".join(head))
    written = 0
    for batch in iter_batches(session, window, today):
        parts: list[str] = []
        for view in batch:
            _md_claim(parts.append, view)
        out.write("".join(parts))
        written += len(batch)
    if not written:
        out.write("\nNo claims match.\n")
    return written


def _md_claim(w: Any, view: dict[str, Any]) -> None:
    w(f"\n### Claim {view['id']}\n\n> {md_escape(view['text'])}\n\n")
    if view["speaker"]:
        role = f" ({md_escape(view['speaker_role'])})" if view["speaker_role"] else ""
        w(f"- **Said by:** {md_escape(view['speaker'])}{role}\n")
    w(f"- **Kind:** {view['kind']} · **Status:** {view['status'].replace('_', ' ')}")
    if view["assignee"]:
        w(f" · **Assignee:** {md_escape(view['assignee'])}")
    w("\n")
    if view["verdict"]:
        rating = f" ({view['rating']}/5)" if view["rating"] else ""
        w(f"- **Verdict:** {view['verdict_label']}{rating}")
        if view["verdict_summary"]:
            w(f" — {md_escape(view['verdict_summary'])}")
        w("\n")
    if view["outcome"]:
        w(f"- **Outcome:** {view['outcome'].replace('_', ' ')}\n")
    if view["tags"]:
        w(f"- **Tags:** {', '.join(md_escape(t) for t in view['tags'])}\n")
    if view["appearances"]:
        w("\n**Appeared in**\n\n")
        for seen in view["appearances"]:
            parts = [_md_link(seen["title"], seen["url"])]
            parts += [md_escape(p) for p in (seen["outlet"], seen["published"]) if p]
            w(f"- {' · '.join(parts)}\n")
    if view["sources"]:
        w("\n**Evidence**\n\n")
        for stance, sources in view["sources_by_stance"].items():
            if not sources:
                continue
            w(f"- {stance.capitalize()}:\n")
            for s in sources:
                label = s["title"] or s["url"]
                extra = [
                    md_escape(x) for x in (s["publisher"], s["reliability"].replace("_", " ")) if x
                ]
                w(f"  - {_md_link(label, s['url'])} ({', '.join(extra)})")
                if s["excerpt"]:
                    w(f" — “{md_escape(s['excerpt'])}”")
                w("\n")
    if view["followups"]:
        w("\n**Follow-ups**\n\n")
        for f in view["followups"]:
            box = "x" if f["done"] else " "
            late = " **overdue**" if f["overdue"] else ""
            w(f"- [{box}] {f['due']}{late}: {md_escape(f['text'])}\n")
    if view["notes"]:
        w("\n**Notes**\n\n")
        for n in view["notes"]:
            w(f"- {md_escape(n['author'])}: {md_escape(n['text'])}\n")
    if view["history"]:
        w("\n**History**\n\n")
        if view["history_omitted"]:
            w(f"- … {view['history_omitted']} earlier changes\n")
        for h in view["history"]:
            w(
                f"- {h['at'][:16].replace('T', ' ')} {md_escape(h['actor'])}: {md_escape(h['change'])}\n"
            )
