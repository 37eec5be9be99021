"""The hostile corpus: every malformed or hostile input of issue 18, made on demand.

Nothing large is committed: each case is a small recipe that writes its file
(a 50 MB article, a 10 MB record, a YAML "billion laughs", JSON nested 100,000
deep, lone surrogates, NUL bytes, a megabyte of `1-1-1-…` and the rest of the
extractor benchmark's adversarial set) or names a path of the misbehaving
server in tests/hostile/server.py. tests/test_hostile_corpus.py runs the CLI
on each; to look at the files themselves:

    python tests/hostile/generate.py [FOLDER]      # default tests/hostile/corpus/
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

ROOT = Path(__file__).resolve().parents[2]
MB = 1_000_000
PROSE = "The minister said exports rose by 40 percent in 2025 to 3 billion euros. "
BODY = (PROSE * 3).strip() + "\n"

Kind = Literal["article", "records", "csv", "url"]
Expect = Literal["refused", "stored"]


@dataclass(frozen=True)
class Case:
    """One hostile input: how to make it, and the words the one refusal line must hold."""

    name: str
    kind: Kind
    make: Callable[[Path], None] | None  # writes the file; None for a URL
    suffix: str = ".txt"
    reason: str = ""  # a fragment of the expected stderr line
    expect: Expect = "refused"
    url: str = ""  # a server path (url cases) or a URL given as is
    args: tuple[str, ...] = field(default=())  # extra global options, e.g. --limit

    @property
    def filename(self) -> str:
        return self.name + self.suffix


def _text(content: str) -> Callable[[Path], None]:
    return lambda path: path.write_text(content, encoding="utf-8")


def _bytes(content: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(content)


def _sparse(size: int) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        with path.open("wb") as handle:
            handle.truncate(size)

    return make


def _front_matter(header: str) -> Callable[[Path], None]:
    return _text(f"---\n{header.rstrip()}\n---\n{BODY}")


def _jsonl(*records: object) -> Callable[[Path], None]:
    return _text("".join(json.dumps(record) + "\n" for record in records))


def _raw_jsonl(*lines: str) -> Callable[[Path], None]:
    return _text("".join(line + "\n" for line in lines))


def _record(**fields: object) -> dict[str, object]:
    return {"text": "Exports rose 40% in 2025.", **fields}


def _billion_laughs(levels: int = 9) -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, levels):
        name, previous = chr(97 + level), chr(96 + level)
        lines.append(f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]")
    lines.append(f"title: *{chr(96 + levels)}")
    return "\n".join(lines)


def _adversarial() -> dict[str, Callable[[int], str]]:
    """The adversarial runs benchmarks/extract_speed.py times, without importing the extractor."""
    source = (ROOT / "tests" / "extract" / "adversarial_inputs.py").read_text(encoding="utf-8")
    start = source.index("ADVERSARIAL: dict")
    block = source[start : source.index("\n}\n", start) + 3]
    namespace: dict[str, object] = {"Callable": Callable}
    exec(block, namespace)  # the dict literal alone: lambdas over str
    found = namespace["ADVERSARIAL"]
    assert isinstance(found, dict)
    return found


def _deep(depth: int) -> str:
    return "[" * depth + "]" * depth


def _article_cases() -> list[Case]:
    cases = [
        Case("article-50mb", "article", _sparse(50 * MB), reason="article limit"),
        Case(
            "article-just-over-5mb",
            "article",
            _text(PROSE * (5 * MB // len(PROSE) + 2)),
            reason="article limit",
        ),
        Case(
            "article-over-a-lowered-limit",
            "article",
            _text(BODY * 40),
            reason="article limit",
            args=("--limit", "article_mb=0.001"),
        ),
        Case("article-1-1-1-run-1mb", "article", _text("1-" * (MB // 2)), reason="too little text"),
        Case(
            "article-1-space-run-1mb",
            "article",
            _text("1 " * (MB // 2)),
            reason="without a sentence end",
        ),
        Case(
            "article-words-no-punctuation",
            "article",
            _text("the two hundred drones " * 50_000),
            reason="without a sentence end",
        ),
        Case(
            "article-billion-laughs",
            "article",
            _front_matter(_billion_laughs()),
            ".md",
            reason="YAML aliases",
        ),
        Case(
            "article-front-matter-too-large",
            "article",
            _front_matter("title: x\n" + "# padding\n" * 10_000),
            ".md",
            reason="front matter is",
        ),
        Case(
            "article-published-huge-integer",
            "article",
            _front_matter("published: " + "9" * 30),
            ".md",
            reason="line 2: the publication date",
        ),
        Case(
            "article-published-1000-digits",
            "article",
            _front_matter("published: " + "9" * 1000),
            ".md",
            reason="line 2:",
        ),
        Case(
            "article-published-impossible-day",
            "article",
            _front_matter("published: 2025-02-30"),
            ".md",
            reason="line 2: front matter",
        ),
        Case(
            "article-published-year-zero",
            "article",
            _front_matter("published: 0000-01-01"),
            ".md",
            reason="line 2: front matter",
        ),
        Case(
            "article-published-a-list",
            "article",
            _front_matter("published: [2025, 1]"),
            ".md",
            reason="must be a date",
        ),
        Case(
            "article-published-nonsense",
            "article",
            _front_matter("published: '2025-13-45'"),
            ".md",
            reason="publication date",
        ),
        Case(
            "article-title-a-mapping",
            "article",
            _front_matter("title: {a: 1}"),
            ".md",
            reason="title must be text",
        ),
        Case(
            "article-title-a-list",
            "article",
            _front_matter("title: [a, b]"),
            ".md",
            reason="title must be text",
        ),
        Case(
            "article-author-a-mapping",
            "article",
            _front_matter("author: {name: x}"),
            ".md",
            reason="author must be text",
        ),
        Case(
            "article-outlet-a-list",
            "article",
            _front_matter("outlet: [x]"),
            ".md",
            reason="outlet must be text",
        ),
        Case(
            "article-title-huge-integer",
            "article",
            _front_matter("title: " + "9" * 3000),
            ".md",
            reason="digits",
        ),
        Case(
            "article-front-matter-not-closed",
            "article",
            _text("---\ntitle: x\n" + BODY),
            ".md",
            reason="never closed",
        ),
        Case(
            "article-front-matter-not-yaml",
            "article",
            _front_matter("title: [unclosed"),
            ".md",
            reason="not YAML",
        ),
        Case(
            "article-front-matter-a-list",
            "article",
            _front_matter("- a\n- b"),
            ".md",
            reason="not a mapping",
        ),
        Case("article-not-utf8", "article", _bytes(b"caf\xe9 " * 20), reason="not UTF-8"),
        Case("article-utf16", "article", _bytes(BODY.encode("utf-16")), reason="not UTF-8"),
        Case(
            "article-random-binary", "article", _bytes(bytes(range(256)) * 64), reason="not UTF-8"
        ),
        Case("article-empty", "article", _text(""), reason="empty"),
        Case("article-only-controls", "article", _text("\x00\x1b\x07\x9b" * 100), reason="empty"),
        Case("article-too-little-text", "article", _text("Hello there."), reason="too little"),
        Case(
            "article-html-without-text",
            "article",
            _text("<html><body><script>x()</script></body></html>"),
            ".html",
            reason="no main text",
        ),
        Case(
            "article-html-over-limit",
            "article",
            _text("<html><body><p>" + PROSE * (6 * MB // len(PROSE)) + "</p></body></html>"),
            ".html",
            reason="article limit",
        ),
        # Poison that is cleaned, not refused: the article is stored without it.
        Case(
            "article-nul-bytes",
            "article",
            _text(BODY.replace("exports", "ex\x00ports")),
            expect="stored",
        ),
        Case(
            "article-terminal-escapes",
            "article",
            _text(BODY.replace("minister", "minister\x1b]0;pwned\x07\x1b[2J\x9b2J")),
            expect="stored",
        ),
        Case(
            "article-crlf-and-controls",
            "article",
            _text(BODY.replace(". ", ".\r\n\x0b\x0c")),
            expect="stored",
        ),
        Case(
            "article-escape-in-title",
            "article",
            _front_matter('title: "Exports\\e]0;pwned\\a rise\\0"'),
            ".md",
            expect="stored",
        ),
    ]
    # Refused either way (too little text, or no sentence end), each before extraction.
    for number, (label, build) in enumerate(_adversarial().items(), 1):
        slug = "-".join("".join(c if c.isalnum() else " " for c in label).split())
        cases.append(Case(f"adversarial-{number:02d}-{slug}-1mb", "article", _text(build(MB))))
    return cases


def _records_cases() -> list[Case]:
    surrogate = '{"text": "Exports \\ud800 rose 40% in 2025."}'
    return [
        Case(
            "records-nested-top-level",
            "records",
            _raw_jsonl(_deep(100_000)),
            ".jsonl",
            reason="nested more than",
        ),
        Case(
            "records-nested-in-a-field",
            "records",
            _raw_jsonl('{"text": "Exports rose.", "sources": ' + _deep(5000) + "}"),
            ".jsonl",
            reason="nested more than",
        ),
        Case(
            "records-nested-just-over-the-limit",
            "records",
            _raw_jsonl('{"text": "Exports rose.", "document": {"url": ' + _deep(20) + "}}"),
            ".jsonl",
            reason="nested more than",
        ),
        Case(
            "records-surrogate-in-text",
            "records",
            _raw_jsonl(surrogate),
            ".jsonl",
            reason="lone surrogate",
        ),
        Case(
            "records-surrogate-in-speaker",
            "records",
            _raw_jsonl('{"text": "Exports rose.", "speaker": "Ana \\udc00"}'),
            ".jsonl",
            reason="speaker is not valid Unicode",
        ),
        Case(
            "records-surrogate-in-a-key",
            "records",
            _raw_jsonl('{"text": "Exports rose.", "\\ud83d": 1}'),
            ".jsonl",
            reason="lone surrogate",
        ),
        Case(
            "records-id-100000-digits",
            "records",
            _raw_jsonl('{"id": ' + "9" * 100_000 + ', "text": "Exports rose."}'),
            ".jsonl",
            reason="digits",
        ),
        Case(
            "records-quantity-400-digits",
            "records",
            _raw_jsonl(
                '{"text": "Exports rose.", "quantities": [{"low": ' + "9" * 400 + ', "text": "x"}]}'
            ),
            ".jsonl",
            reason="digits",
        ),
        Case(
            "records-quantity-400-decimals",
            "records",
            _raw_jsonl(
                '{"text": "Exports rose.", "quantities": [{"low": 0.'
                + "1" * 400
                + ', "text": "x"}]}'
            ),
            ".jsonl",
            reason="digits",
        ),
        Case(
            "records-quantity-nan",
            "records",
            _raw_jsonl('{"text": "Exports rose.", "quantities": [{"low": NaN, "text": "x"}]}'),
            ".jsonl",
            reason="NaN",
        ),
        Case(
            "records-quantity-infinity",
            "records",
            _raw_jsonl('{"text": "Exports rose.", "quantities": [{"high": 1e400, "text": "x"}]}'),
            ".jsonl",
            reason="out of range",
        ),
        Case(
            "records-score-minus-infinity",
            "records",
            _raw_jsonl('{"text": "Exports rose.", "score": -Infinity}'),
            ".jsonl",
            reason="Infinity",
        ),
        Case(
            "records-text-10mb",
            "records",
            _jsonl(_record(text="x" * (10 * MB))),
            ".jsonl",
            reason="over the limit of 1,000,000",
        ),
        Case(
            "records-whitespace-line-2mb",
            "records",
            _raw_jsonl(" " * (2 * MB)),
            ".jsonl",
            reason="over the limit of 1,000,000",
        ),
        Case(
            "records-summary-over-field-limit",
            "records",
            _jsonl(_record(summary="y" * 200_000)),
            ".jsonl",
            reason="field_chars",
        ),
        Case(
            "records-nul-in-text",
            "records",
            _jsonl(_record(text="Exports\x00 rose.")),
            ".jsonl",
            reason="NUL",
        ),
        Case(
            "records-repeat-secondly",
            "records",
            _jsonl(
                _record(followups=[{"text": "x", "due": "2026-01-31", "repeat": "FREQ=SECONDLY"}])
            ),
            ".jsonl",
            reason="at most daily",
        ),
        Case(
            "records-repeat-hourly",
            "records",
            _jsonl(
                _record(
                    followups=[
                        {"text": "x", "due": "2026-01-31", "repeat": "RRULE:FREQ=HOURLY;INTERVAL=1"}
                    ]
                )
            ),
            ".jsonl",
            reason="at most daily",
        ),
        Case(
            "records-repeat-huge-count",
            "records",
            _jsonl(
                _record(
                    followups=[
                        {
                            "text": "x",
                            "due": "2026-01-31",
                            "repeat": "FREQ=DAILY;COUNT=999999999999",
                        }
                    ]
                )
            ),
            ".jsonl",
            reason="COUNT",
        ),
        Case(
            "records-repeat-far-until",
            "records",
            _jsonl(
                _record(
                    followups=[
                        {
                            "text": "x",
                            "due": "2026-01-31",
                            "repeat": "FREQ=DAILY;UNTIL=99991231T000000Z",
                        }
                    ]
                )
            ),
            ".jsonl",
            reason="UNTIL",
        ),
        Case(
            "records-repeat-by-hour",
            "records",
            _jsonl(
                _record(
                    followups=[
                        {"text": "x", "due": "2026-01-31", "repeat": "FREQ=DAILY;BYHOUR=0,6,12,18"}
                    ]
                )
            ),
            ".jsonl",
            reason="BYHOUR",
        ),
        Case(
            "records-not-json",
            "records",
            _raw_jsonl("{text: oops"),
            ".jsonl",
            reason="invalid JSON",
        ),
        Case(
            "records-not-an-object", "records", _raw_jsonl("[1, 2]"), ".jsonl", reason="JSON object"
        ),
        Case(
            "records-text-a-number",
            "records",
            _raw_jsonl('{"text": 12}'),
            ".jsonl",
            reason="text must be a string",
        ),
        Case(
            "records-not-utf8",
            "records",
            _bytes(b'{"text": "caf\xe9"}\n'),
            ".jsonl",
            reason="not UTF-8",
        ),
        Case(
            "records-impossible-date",
            "records",
            _jsonl(_record(dates=[{"text": "Feb 30", "date": "2025-02-30"}])),
            ".jsonl",
            reason="not a YYYY-MM-DD date",
        ),
        Case(
            "records-published-year-zero",
            "records",
            _jsonl(_record(document={"title": "t", "published": "0000-01-01"})),
            ".jsonl",
            reason="not a YYYY-MM-DD date",
        ),
        Case(
            "records-source-file-url",
            "records",
            _jsonl(_record(sources=[{"url": "file:///etc/passwd"}])),
            ".jsonl",
            reason="not an http(s) URL",
        ),
        Case("records-empty-file", "records", _text(""), ".jsonl", reason="no records"),
    ]


def _csv_cases() -> list[Case]:
    header = "text,sources,followups,score\n"
    return [
        Case(
            "csv-sources-deeply-nested",
            "csv",
            _text(header + 'Exports rose.,"' + _deep(5000) + '",,\n'),
            ".csv",
            reason="nested more than",
        ),
        Case(
            "csv-followups-nan",
            "csv",
            _text(header + 'Exports rose.,,"[{""text"": ""x"", ""due"": NaN}]",\n'),
            ".csv",
            reason="NaN",
        ),
        Case(
            "csv-sources-400-digits",
            "csv",
            _text(header + 'Exports rose.,"[' + "9" * 400 + ']",,\n'),
            ".csv",
            reason="digits",
        ),
        Case(
            "csv-sources-surrogate",
            "csv",
            _text(header + 'Exports rose.,"[{""url"": ""https://x.example/\\ud800""}]",,\n'),
            ".csv",
            reason="lone surrogate",
        ),
        Case(
            "csv-score-nan", "csv", _text(header + "Exports rose.,,,nan\n"), ".csv", reason="score"
        ),
        Case(
            "csv-score-infinity",
            "csv",
            _text(header + "Exports rose.,,,inf\n"),
            ".csv",
            reason="score",
        ),
        Case(
            "csv-followups-secondly",
            "csv",
            _text(
                header + 'Exports rose.,,"[{""text"": ""x"", ""due"": ""2026-01-31"", '
                '""repeat"": ""FREQ=SECONDLY""}]",\n'
            ),
            ".csv",
            reason="at most daily",
        ),
        Case(
            "csv-cell-past-csv-field-limit",
            "csv",
            _text(header + '"' + "x" * 200_000 + '",,,\n'),
            ".csv",
            reason="CSV",
        ),
        Case(
            "csv-row-line-2mb",
            "csv",
            _text(header + "y" * (2 * MB) + ",,,\n"),
            ".csv",
            reason="over the limit of 1,000,000",
        ),
        Case(
            "csv-header-without-text",
            "csv",
            _text("id,score\n1,0.5\n"),
            ".csv",
            reason="missing column 'text'",
        ),
        Case(
            "csv-nul-in-text", "csv", _text(header + "Exports\x00 rose.,,,\n"), ".csv", reason="NUL"
        ),
    ]


def _url_cases() -> list[Case]:
    quick = ("--limit", "read_timeout_s=0.3", "--limit", "fetch_total_s=3")
    return [
        Case("url-file-scheme", "url", None, url="file:///etc/passwd", reason="only http"),
        Case("url-ftp-scheme", "url", None, url="ftp://127.0.0.1/a.txt", reason="only http"),
        Case("url-data-scheme", "url", None, url="data:text/html,<p>hi</p>", reason="only http"),
        Case("url-hangs", "url", None, url="/hang", reason="no response", args=quick),
        Case("url-stalls-after-headers", "url", None, url="/stall", reason="stalled", args=quick),
        Case(
            "url-drips-bytes",
            "url",
            None,
            url="/drip",
            reason="longer than",
            args=("--limit", "fetch_total_s=0.5"),
        ),
        Case("url-redirects-to-file", "url", None, url="/redirect-file", reason="not file:"),
        Case("url-redirects-to-ftp", "url", None, url="/redirect-ftp", reason="not ftp:"),
        Case("url-redirect-loop", "url", None, url="/loop", reason="redirects"),
        Case(
            "url-gzip-bomb",
            "url",
            None,
            url="/bomb?size=100000000",
            reason="counted after decompression",
        ),
        Case(
            "url-deflate-bomb",
            "url",
            None,
            url="/deflate-bomb?size=30000000",
            reason="counted after decompression",
        ),
        Case("url-brotli", "url", None, url="/brotli", reason="br compression"),
        Case("url-too-large", "url", None, url="/big?size=11000000", reason="fetch_mb"),
        Case(
            "url-too-large-unsized",
            "url",
            None,
            url="/big-unsized?size=11000000",
            reason="fetch_mb",
        ),
        Case("url-pdf", "url", None, url="/pdf", reason="application/pdf"),
        Case("url-image", "url", None, url="/image", reason="image/png"),
        Case("url-json", "url", None, url="/json", reason="application/json"),
        Case("url-server-error", "url", None, url="/error", reason="HTTP 500"),
        Case("url-not-found", "url", None, url="/missing", reason="HTTP 404"),
    ]


CASES: list[Case] = [*_article_cases(), *_records_cases(), *_csv_cases(), *_url_cases()]


def write(case: Case, folder: Path) -> Path:
    """Write one case's file into `folder`; its path."""
    assert case.make is not None, case.name
    path = folder / case.filename
    case.make(path)
    return path


def main(argv: list[str]) -> int:
    """Write every file of the corpus (URL cases name server paths and have none)."""
    folder = Path(argv[0]) if argv else Path(__file__).parent / "corpus"
    folder.mkdir(parents=True, exist_ok=True)
    written = [write(case, folder) for case in CASES if case.make is not None]
    print(f"{len(written)} files in {folder}; {len(CASES) - len(written)} URL cases")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
