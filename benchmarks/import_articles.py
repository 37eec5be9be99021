"""Article import against `extract_claims` alone, on the same generated articles.

Run by hand, never by CI:

    python benchmarks/import_articles.py                 # 300 articles
    python benchmarks/import_articles.py --articles 1000
    python benchmarks/import_articles.py --write-corpus DIR --articles 1000   # files only

The articles are built as `benchmarks/extract_speed.py` builds its corpus: a
heading of the seed article and paragraphs of the labelled cases' sentences
and the seed's body lines, each digit run re-drawn (so most claims are new and
some, without digits, repeat across articles). They are written to a temporary
folder as .txt files.

Printed, all measured in this run:

- `extract_claims` alone on the same texts (CPU seconds per article): the baseline;
- `claimtrack import --jobs 1` in this process: articles per second, CPU per
  article, and SQL statements per stored claim; storage and matching CPU is the
  import's CPU less the extraction's, as a ratio of the extraction (target <= 1x);
- `claimtrack import --jobs 1` and `--jobs 2` as subprocesses: the wall speed-up
  (target >= 1.8x on a 2-core machine; other work on the machine lowers it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from extract_speed import load_cases, redraw_numbers, template_sentences  # noqa: E402

PUBLISHED = dt.date(2025, 11, 3)


def build_articles(count: int, seed: int = 17) -> list[str]:
    """`count` deterministic news-like articles: a heading, 3-6 paragraphs of 2-5 sentences."""
    rng = random.Random(seed)
    templates, headings = template_sentences(load_cases())
    articles = []
    for _ in range(count):
        heading = rng.choice(headings)
        paragraphs = [
            [redraw_numbers(rng.choice(templates), rng) for _ in range(rng.randint(2, 5))]
            for _ in range(rng.randint(3, 6))
        ]
        # Half the articles open with bullets restating body sentences (appearances).
        body = [s for paragraph in paragraphs for s in paragraph]
        bullets = [f"- {s}" for s in rng.sample(body, 2)] if rng.random() < 0.5 else []
        parts = [heading, *(["\n".join(bullets)] if bullets else [])]
        parts.extend(" ".join(paragraph) for paragraph in paragraphs)
        articles.append("\n\n".join(parts) + "\n")
    return articles


def write_corpus(folder: Path, count: int) -> list[Path]:
    """The articles as numbered .txt files in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, text in enumerate(build_articles(count)):
        path = folder / f"article-{number:05}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def cpu(run: Callable[[], object]) -> float:
    """CPU seconds of this process that `run` takes."""
    start = time.process_time()
    run()
    return time.process_time() - start


def in_process(paths: list[Path], folder: Path) -> dict[str, float]:
    """Extraction alone, then reading and storing as `import --jobs 1` does, timed apart."""
    from sqlalchemy import event

    from claimtrack.db import open_database
    from claimtrack.extract import extract_claims
    from claimtrack.importers.articles import import_article, read_claims
    from claimtrack.importers.documents import ImportSummary
    from claimtrack.importers.files import read_article

    articles = [read_article(str(path)) for path in paths]
    texts = [article.text for article in articles]
    extract_claims(texts[0], PUBLISHED)  # the model loads once, outside the timing
    extract = cpu(lambda: [extract_claims(text, PUBLISHED) for text in texts])
    found: list[Any] = []
    read = cpu(lambda: found.extend(read_claims(article, PUBLISHED) for article in articles))
    database = open_database(f"sqlite:///{folder / 'in-process.db'}")
    statements = 0

    def count(*_: object) -> None:
        nonlocal statements
        statements += 1

    event.listen(database.engine, "before_cursor_execute", count)
    total = ImportSummary()

    def store() -> None:
        for article, occurrences in zip(articles, found, strict=True):
            done = import_article(
                database, "bench", article, published=PUBLISHED, occurrences=occurrences
            )
            total.claims += done.claims
            total.suggested += done.suggested

    stored = cpu(store)
    database.dispose()
    return {
        "extract": extract,
        "read": read,
        "store": stored,
        "statements": statements,
        "claims": total.claims,
        "suggested": total.suggested,
    }


def wall(folder: Path, jobs: int, db: Path) -> float:
    """Wall seconds of `claimtrack import FOLDER --jobs N` into a new database."""
    command = [sys.executable, "-m", "claimtrack", "--db", str(db), "--user", "bench", "import"]
    start = time.perf_counter()
    subprocess.run(
        [*command, str(folder), "--published", PUBLISHED.isoformat(), "--jobs", str(jobs)],
        check=True,
        capture_output=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--write-corpus", type=Path, help="Only write the articles there.")
    args = parser.parse_args(argv)
    if args.write_corpus:
        paths = write_corpus(args.write_corpus, args.articles)
        print(f"{len(paths)} articles written to {args.write_corpus}")
        return 0
    with tempfile.TemporaryDirectory(prefix="claimtrack-bench-import-") as name:
        folder = Path(name)
        paths = write_corpus(folder / "articles", args.articles)
        size = sum(path.stat().st_size for path in paths) / len(paths)
        print(
            f"{len(paths)} generated articles, {size / 1000:.1f} KB each, on {os.cpu_count()} cores"
        )
        measured = in_process(paths, folder)
        n, claims = len(paths), measured["claims"]
        extract, read, store = measured["extract"], measured["read"], measured["store"]
        print(
            f"extract_claims alone:       {1000 * extract / n:7.1f} ms CPU per article  (baseline)"
        )
        print(
            f"reading (extract, restate): {1000 * read / n:7.1f} ms CPU per article"
            f"  ({read / extract:.2f}x the baseline)"
        )
        print(
            f"storing and matching:       {1000 * store / n:7.1f} ms CPU per article"
            f"  ({store / extract:.2f}x the baseline; target <= 1x)"
        )
        print(
            f"import, --jobs 1 in process: {n / (read + store):.1f} articles per second of CPU,"
            f" {1000 * (read + store) / n:.1f} ms CPU per article"
        )
        print(
            f"  {claims:,.0f} claims stored, {measured['suggested']:,.0f} matches suggested,"
            f" {measured['statements'] / claims:.2f} SQL statements per claim"
            f" ({measured['statements'] / n:.1f} per article)"
        )
        one = wall(folder / "articles", 1, folder / "one.db")
        two = wall(folder / "articles", 2, folder / "two.db")
        print(f"claimtrack import --jobs 1: {one:6.1f} s wall, {n / one:6.1f} articles per second")
        print(f"claimtrack import --jobs 2: {two:6.1f} s wall, {n / two:6.1f} articles per second")
        print(f"  speed-up {one / two:.2f}x (target >= 1.8x on 2 cores; other load lowers it)")
        load = os.getloadavg()[0]
        print(f"  load average at the end: {load:.1f} (above the core count, the figure is skewed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
