"""Report speed and memory: the reports of 100,000 claims against raw sqlite3.

    python benchmarks/report_speed.py [--claims 100000] [--keep DIR]

Builds a database through the records import (claims with a verdict, a source
and a follow-up each, two tags and an audit trail), then writes each report in
its own process and prints its CPU time and peak memory (ru_maxrss). Memory must
stay flat: the HTML and JSON reports of a tenth of the claims are measured too,
and the peaks compared.

The baseline, in the same run, is sqlite3 and the standard library writing the
same report: the same rows, read a batch at a time, and the same bytes (checked:
the JSON byte for byte but for the generated_at stamp, the HTML's claims section
byte for byte; its head, written once, is left plain). Target (issue 17): HTML
and JSON each within `TARGET_RATIO` times its baseline. Markdown, CSV and
ClaimReview have no baseline of their own and are shown against the JSON one.

Ratios compare CPU seconds (the machine is shared, so wall time is printed but
not compared). `--keep DIR` builds the databases in DIR once and reuses them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple, TextIO
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).parent))

from import_speed import peak_mb, run_child, write_records

TARGET_RATIO = 3.0


def build(db: Path, count: int, folder: Path) -> None:
    from claimtrack.db import open_database
    from claimtrack.importers.records import import_records

    records = folder / f"claims-{count}.jsonl"
    write_records(records, count)
    # Rule every claim: these are reports of verified claims.
    ruled = folder / f"ruled-{count}.jsonl"
    with records.open() as src, ruled.open("w") as out:
        for line in src:
            record = json.loads(line)
            record |= {"status": "concluded", "verdict": "mostly_true", "summary": "Close."}
            out.write(json.dumps(record) + "\n")
    database = open_database(f"sqlite:///{db}")
    summary = import_records(database, "bench", ruled)
    assert summary.ok, summary.errors[:3]
    database.dispose()


def write_ours(db: Path, fmt: str, out: Path) -> None:
    from claimtrack.db import open_database
    from claimtrack.reads import ClaimFilter
    from claimtrack.reports import write_report

    database = open_database(f"sqlite:///{db}")
    with database.read() as session, out.open("w", encoding="utf-8") as handle:
        if fmt == "claimreview":  # which needs the publisher's name and site
            site_url = "https://checks.example.org/"
            write_report(
                session, ClaimFilter(), fmt, handle, organisation="Bench", site_url=site_url
            )
        else:
            write_report(session, ClaimFilter(), fmt, handle)
    database.dispose()


# ---------------------------------------------------------------- the baseline
#
# What a careful programmer would write with sqlite3 and the standard library to
# produce the same report: the same rows, read a batch at a time, and the same
# bytes out (`same_output` checks it). The wording of the report (verdict labels,
# each event's one-line description) comes from claimtrack's plain constants and
# functions, which touch no database; the ORM, SQLAlchemy and Jinja2 are what the
# ratio measures against.

_LIVE = "merged_into_id IS NULL AND deleted_at IS NULL"
_BATCH = 1000
_RELATED = {
    "tags": "SELECT ct.claim_id, t.name FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id "
    "WHERE ct.claim_id IN ({}) ORDER BY ct.claim_id, t.name",
    "appearances": "SELECT a.claim_id, a.document_id, a.sentence, d.url, d.title, d.published, "
    "d.outlet FROM appearances a JOIN documents d ON d.id = a.document_id "
    "WHERE a.claim_id IN ({}) ORDER BY a.id",
    "sources": "SELECT claim_id, url, title, publisher, stance, reliability, excerpt, accessed "
    "FROM sources WHERE claim_id IN ({}) ORDER BY id",
    "followups": "SELECT claim_id, text, due, rrule, assignee, done FROM followups "
    "WHERE claim_id IN ({}) ORDER BY due, id",
    "notes": "SELECT claim_id, author, text, created_at FROM notes WHERE claim_id IN ({}) ORDER BY id",
    "events": "SELECT claim_id, at, actor, action, old, new FROM events "
    "WHERE claim_id IN ({}) ORDER BY id",
}


class _Change(NamedTuple):
    action: str
    old: Any
    new: Any


def _stamp(text: str | None) -> str | None:
    """A stored UTC timestamp as the report writes it (ISO, `+00:00`)."""
    return (
        None if text is None else dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC).isoformat()
    )


def _baseline_summary(connection: sqlite3.Connection, today: str) -> dict[str, Any]:
    from claimtrack.scale import Status, Verdict

    by_status = dict(
        connection.execute(f"SELECT status, count(*) FROM claims WHERE {_LIVE} GROUP BY status")
    )
    by_verdict = dict(
        connection.execute(f"SELECT verdict, count(*) FROM claims WHERE {_LIVE} GROUP BY verdict")
    )
    live = f"claim_id IN (SELECT id FROM claims WHERE {_LIVE})"
    open_count = connection.execute(
        f"SELECT count(*) FROM followups WHERE done = 0 AND {live}"
    ).fetchone()[0]
    overdue = connection.execute(
        f"SELECT count(*) FROM followups WHERE done = 0 AND due < ? AND {live}", (today,)
    ).fetchone()[0]
    verdicts = [
        {
            "verdict": v.value,
            "label": v.label,
            "rating": v.rating,
            "count": by_verdict.get(v.value, 0),
        }
        for v in Verdict
    ]
    return {
        "claims": sum(by_status.values()),
        "by_status": {s.value: by_status.get(s.value, 0) for s in Status},
        "by_verdict": {v["verdict"]: v["count"] for v in verdicts},
        "unrated": by_verdict.get(None, 0),
        "verdicts": verdicts,
        "followups_open": open_count,
        "followups_overdue": overdue,
        "today": today,
    }


def _baseline_batches(connection: sqlite3.Connection, today: str) -> Iterator[list[dict[str, Any]]]:
    """Every live claim's report record, a batch at a time."""
    from claimtrack.history import describe_change
    from claimtrack.scale import Stance, Verdict
    from claimtrack.serialise import HISTORY_LIMIT

    verdicts = {v.value: v for v in Verdict}
    stances = [s.value for s in Stance]
    last = 0
    while True:
        claims = connection.execute(
            "SELECT id, external_id, text, kind, score, speaker, speaker_role, speaker_type, status, "
            "verdict, verdict_summary, verdict_by, outcome, assignee, created_at, updated_at "
            f"FROM claims WHERE {_LIVE} AND id > ? ORDER BY id LIMIT {_BATCH}",
            (last,),
        ).fetchall()
        if not claims:
            return
        ids = [c[0] for c in claims]
        marks = ",".join("?" * len(ids))
        related: dict[str, dict[int, list[Any]]] = {}
        for name, sql in _RELATED.items():
            grouped: dict[int, list[Any]] = {}
            for row in connection.execute(sql.format(marks), ids):
                grouped.setdefault(row[0], []).append(row)
            related[name] = grouped
        batch = []
        for c in claims:
            cid = c[0]
            verdict = verdicts[c[9]] if c[9] else None
            documents: dict[int, dict[str, Any]] = {}
            for a in related["appearances"].get(cid, ()):
                if a[1] not in documents:
                    documents[a[1]] = {
                        "url": a[3],
                        "title": a[4],
                        "published": a[5],
                        "outlet": a[6],
                        "sentence": a[2],
                    }
            sources = [
                {
                    "url": s[1],
                    "title": s[2],
                    "publisher": s[3],
                    "stance": s[4],
                    "reliability": s[5],
                    "excerpt": s[6],
                    "accessed": s[7],
                }
                for s in related["sources"].get(cid, ())
            ]
            events = related["events"].get(cid, [])
            shown = events[-HISTORY_LIMIT:]
            history = []
            for e in shown:
                old, new = (None if v is None else json.loads(v) for v in e[4:6])
                change = describe_change(_Change(e[3], old, new))  # type: ignore[arg-type]
                history.append(
                    {"at": _stamp(e[1]), "actor": e[2], "action": e[3], "change": change}
                )
            batch.append(
                {
                    "id": cid,
                    "external_id": c[1],
                    "text": c[2],
                    "kind": c[3],
                    "score": round(c[4], 4),
                    "speaker": c[5],
                    "speaker_role": c[6],
                    "speaker_type": c[7],
                    "status": c[8],
                    "verdict": c[9],
                    "verdict_label": verdict.label if verdict else None,
                    "rating": verdict.rating if verdict else None,
                    "verdict_summary": c[10],
                    "verdict_by": c[11],
                    "outcome": c[12],
                    "assignee": c[13],
                    "tags": [t[1] for t in related["tags"].get(cid, ())],
                    "appearances": list(documents.values()),
                    "sources": sources,
                    "sources_by_stance": {
                        st: [s for s in sources if s["stance"] == st] for st in stances
                    },
                    "followups": [
                        {
                            "text": f[1],
                            "due": f[2],
                            "rrule": f[3],
                            "assignee": f[4],
                            "done": bool(f[5]),
                            "overdue": not f[5] and f[2] < today,
                        }
                        for f in related["followups"].get(cid, ())
                    ],
                    "notes": [
                        {"author": n[1], "text": n[2], "at": _stamp(n[3])}
                        for n in related["notes"].get(cid, ())
                    ],
                    "history": history,
                    "history_omitted": len(events) - len(shown),
                    "created_at": _stamp(c[14]),
                    "updated_at": _stamp(c[15]),
                }
            )
        yield batch
        last = ids[-1]


def _script_safe(text: str) -> str:
    for char, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escaped)
    return text


def baseline_json(connection: sqlite3.Connection, out: TextIO, now: str, today: str) -> None:
    head = {
        "schema": "claimtrack.report/1",
        "title": "Verification report",
        "organisation": "claimtrack",
        "generated_at": now,
        "filter": "",
        "since": None,
        "until": None,
        "summary": _baseline_summary(connection, today),
    }
    out.write(
        _script_safe(json.dumps(head, ensure_ascii=False, indent=2))[:-2] + ',\n  "claims": ['
    )
    encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder, not one per claim
    written = 0
    for batch in _baseline_batches(connection, today):
        lines = ",\n    ".join(encode(view) for view in batch)
        out.write(_script_safe(("\n    " if written == 0 else ",\n    ") + lines))
        written += len(batch)
    out.write("\n  ]\n}\n" if written else "]\n}\n")


def _e(value: Any) -> str:
    """HTML-escaped text, spelled as Jinja2's autoescaping spells it."""
    return (
        str(value)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&#34;")
        .replace("'", "&#39;")
    )


def _web(url: str | None) -> bool:
    if not url:
        return False
    parts = urlsplit(url.strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _link(url: str | None, label: Any) -> str:
    if _web(url):
        return f'<a href="{_e(url)}" rel="noopener noreferrer nofollow">{_e(label)}</a>'
    return _e(label)


def _html_claim(w: Callable[[str], Any], c: dict[str, Any]) -> None:
    w(f'<article class="claim" id="claim-{c["id"]}">\n<h3>Claim {c["id"]}')
    if c["verdict"]:
        rating = f" · {c['rating']}/5" if c["rating"] else ""
        w(f' <span class="verdict v-{_e(c["verdict"])}">{_e(c["verdict_label"])}{rating}</span>')
    w(f"</h3>\n<blockquote>{_e(c['text'])}</blockquote>\n<dl>\n")
    if c["speaker"]:
        role = f" ({_e(c['speaker_role'])})" if c["speaker_role"] else ""
        w(f"<dt>Said by</dt><dd>{_e(c['speaker'])}{role}</dd>")
    assignee = f" · {_e(c['assignee'])}" if c["assignee"] else ""
    w(
        f"<dt>Kind · status</dt><dd>{_e(c['kind'])} · {_e(c['status'].replace('_', ' '))}{assignee}</dd>\n"
    )
    if c["verdict_summary"]:
        w(f"<dt>Verdict</dt><dd>{_e(c['verdict_summary'])}</dd>")
    if c["outcome"]:
        w(f"<dt>Outcome</dt><dd>{_e(c['outcome'].replace('_', ' '))}</dd>")
    if c["tags"]:
        w(f"<dt>Tags</dt><dd>{', '.join(_e(t) for t in c['tags'])}</dd>")
    w("</dl>\n")
    if c["appearances"]:
        w("<h4>Appeared in</h4>\n<ul>\n")
        for a in c["appearances"]:
            outlet = f" · {_e(a['outlet'])}" if a["outlet"] else ""
            published = f" · {_e(a['published'])}" if a["published"] else ""
            w(f"<li>{_link(a['url'], a['title'])}{outlet}{published}</li>\n")
        w("</ul>\n")
    if c["sources"]:
        w("<h4>Evidence</h4>\n")
        for stance, sources in c["sources_by_stance"].items():
            if not sources:
                continue
            w(f'<div><span class="stance">{_e(stance)}</span>\n<ul>\n')
            for s in sources:
                publisher = f"{_e(s['publisher'])} · " if s["publisher"] else ""
                excerpt = f"<br><q>{_e(s['excerpt'])}</q>" if s["excerpt"] else ""
                w(
                    f"<li>{_link(s['url'], s['title'] or s['url'])}"
                    f' <span class="muted">{publisher}{_e(s["reliability"].replace("_", " "))}</span>\n'
                    f"{excerpt}</li>\n"
                )
            w("</ul></div>\n")
    if c["followups"]:
        w("<h4>Follow-ups</h4>\n<ul>\n")
        for f in c["followups"]:
            done = "✓ " if f["done"] else ""
            late = ' <span class="overdue">overdue</span>' if f["overdue"] else ""
            repeats = ' <span class="muted">(repeats)</span>' if f["rrule"] else ""
            w(f"<li>{done}{_e(f['due'])}{late}: {_e(f['text'])}{repeats}</li>\n")
        w("</ul>\n")
    if c["notes"]:
        w("<h4>Notes</h4>\n<ul>\n")
        for n in c["notes"]:
            w(f'<li><span class="muted">{_e(n["author"])}:</span> {_e(n["text"])}</li>')
        w("</ul>\n")
    if c["history"]:
        count = len(c["history"]) + c["history_omitted"]
        w(f'<details><summary>History ({count} changes)</summary>\n<ul class="muted">\n')
        if c["history_omitted"]:
            w(f"<li>… {c['history_omitted']} earlier changes</li>")
        for h in c["history"]:
            w(f"<li>{_e(h['at'][:16].replace('T', ' '))} {_e(h['actor'])}: {_e(h['change'])}</li>")
        w("</ul>\n</details>\n")
    w("</article>\n")


def baseline_html(connection: sqlite3.Connection, out: TextIO, now: str, today: str) -> None:
    facts = _baseline_summary(connection, today)
    # The head is written once: its title and counts, without the stylesheet and the chart.
    counts = "".join(f"<li>{_e(k)}: {v}</li>" for k, v in facts["by_status"].items())
    out.write(
        f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>Verification report — claimtrack</title>\n</head>\n<body>\n"
        f"<p>claimtrack · generated {now}</p>\n<ul>{counts}</ul>\n"
        '<section id="claims">\n<h2>Claims</h2>\n'
    )
    written = 0
    for batch in _baseline_batches(connection, today):
        parts: list[str] = []
        for view in batch:
            _html_claim(parts.append, view)
        out.write("".join(parts))
        written += len(batch)
    out.write(
        ("" if written else '<p class="muted">No claims match.</p>\n')
        + "</section>\n</body>\n</html>"
    )


def write_baseline(db: Path, fmt: str, out: Path) -> None:
    connection = sqlite3.connect(db)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    today = dt.date.today().isoformat()
    with out.open("w", encoding="utf-8") as handle:
        (baseline_html if fmt == "html" else baseline_json)(connection, handle, now, today)
    connection.close()


def same_output(fmt: str, ours: Path, base: Path) -> bool:
    """Whether the baseline wrote what the report wrote (see the module's docstring)."""

    def lines(path: Path) -> Iterator[str]:
        with path.open(encoding="utf-8") as handle:
            text: Iterator[str] = handle
            if fmt == "html":
                text = itertools.dropwhile(lambda line: line != '<section id="claims">\n', handle)
            yield from (line for line in text if not line.startswith('  "generated_at": '))

    return all(a == b for a, b in itertools.zip_longest(lines(ours), lines(base)))


def child(kind: str, db: Path, out: Path) -> None:
    if not kind.startswith("baseline"):
        import claimtrack.reports
    else:  # the wording the baseline borrows (see above)
        import claimtrack.history
        import claimtrack.serialise  # noqa: F401
    start, cpu_start = time.perf_counter(), time.process_time()
    if kind.startswith("baseline"):
        write_baseline(db, kind.removeprefix("baseline-"), out)
    else:
        write_ours(db, kind, out)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    print(
        json.dumps(
            {"seconds": seconds, "cpu": cpu, "peak_mb": peak_mb(), "mb": out.stat().st_size / 1e6}
        )
    )


def output(kind: str, db: Path, folder: Path) -> Path:
    return folder / f"report-{db.stem}.{kind}"


def measure(kind: str, db: Path, folder: Path) -> dict[str, float]:
    return run_child(__file__, kind, str(db), str(output(kind, db, folder)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="Build the databases here once; reuse them.")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, db, out = args.child
        child(kind, Path(db), Path(out))
        return
    with tempfile.TemporaryDirectory(prefix="claimtrack-report-bench-") as tmp:
        folder = Path(tmp)
        built = args.keep or folder
        built.mkdir(parents=True, exist_ok=True)
        small, large = built / f"small-{args.claims}.db", built / f"large-{args.claims}.db"
        for db, count in ((small, args.claims // 10), (large, args.claims)):
            if not db.exists():  # built under another name first: a kept file is whole
                partial = db.with_name(f"partial-{db.name}")
                partial.unlink(missing_ok=True)
                build(partial, count, folder)
                partial.rename(db)
        print(f"{args.claims:,} concluded claims, each with a source, a follow-up and two tags")
        bases: dict[str, dict[str, float]] = {}
        for fmt in ("html", "json"):
            base = bases[fmt] = measure(f"baseline-{fmt}", large, folder)
            print(
                f"baseline {fmt:4} (sqlite3 + stdlib): {base['cpu']:6.1f} s CPU "
                f"({base['seconds']:.1f} s wall), {base['mb']:.0f} MB written, "
                f"peak {base['peak_mb']:.0f} MB"
            )
        for fmt in ("html", "json"):
            base = bases[fmt]
            tenth = measure(fmt, small, folder)
            full = measure(fmt, large, folder)
            ours, theirs = output(fmt, large, folder), output(f"baseline-{fmt}", large, folder)
            same = "same output" if same_output(fmt, ours, theirs) else "OUTPUT DIFFERS"
            print(
                f"{fmt:11}: {full['cpu']:6.1f} s CPU ({full['seconds']:.1f} s wall), "
                f"{full['cpu'] / base['cpu']:.1f}x its baseline (target <= {TARGET_RATIO:.0f}x), "
                f"{same}, peak {full['peak_mb']:.0f} MB; "
                f"{args.claims // 10:,} claims peak {tenth['peak_mb']:.0f} MB "
                f"(memory x{full['peak_mb'] / tenth['peak_mb']:.2f} for 10x the claims)"
            )
        for fmt in ("md", "csv", "claimreview"):
            full = measure(fmt, large, folder)
            print(
                f"{fmt:11}: {full['cpu']:6.1f} s CPU ({full['seconds']:.1f} s wall), "
                f"{full['cpu'] / bases['json']['cpu']:.1f}x the JSON baseline, "
                f"{full['mb']:.0f} MB written, peak {full['peak_mb']:.0f} MB"
            )


if __name__ == "__main__":
    main()
