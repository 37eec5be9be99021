"""Honest imports: options that fit the input, dry runs that write nothing, dates warned of.

`claimtrack import` reads articles and claim records. Before anything is read:
an option meant for the other kind of input is a usage error, and so is
content that is claim records handed over as an article. A dry run of
articles imports them inside a transaction that is rolled back, so its counts
are the real ones and nothing stays; on a database that does not exist yet it
runs against a throwaway one. Articles stored without a publication date are
named in a warning, with the command that dates them.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import tempfile
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path

import click
from sqlalchemy.orm import Session

from claimtrack import limits
from claimtrack.config import database_url, missing_sqlite_file
from claimtrack.db import Database, open_database
from claimtrack.importers.articles import import_article, read_claims, store_article
from claimtrack.importers.documents import ImportSummary
from claimtrack.importers.files import Article, UnreadableArticle, read_article
from claimtrack.queries import document_id_for_text
from claimtrack.retry import database_gave_up
from claimtrack.service.articles import Occurrence, prepare, suggest_matches_of
from claimtrack.terminal import shown

# Field names a claim record file opens with (the import schema in the README).
RECORD_FIELDS = frozenset(
    {"id", "text", "kind", "status", "verdict", "speaker", "sources", "followups", "tags"}
)


def check_options(
    *,
    records: Sequence[str],
    articles: Sequence[str],
    stdin_records: str | None,
    published: object,
    skip_invalid: bool,
    paths: Sequence[str],
) -> None:
    """Refuse (exit 2) an option that does not apply to what is being imported."""
    if stdin_records and "-" not in paths:
        raise click.UsageError(
            "--records says how to read - (stdin); files are read by their suffix "
            "(.jsonl, .ndjson, .csv)"
        )
    if skip_invalid and not records:
        raise click.UsageError("--skip-invalid applies to claim records (.jsonl, .csv, --records)")
    if published is not None and not articles:
        raise click.UsageError(
            "--published applies to articles; claim records carry their own dates"
        )


def records_format(text: str) -> str | None:
    """ "jsonl" or "csv" when text handed over as an article is claim records; else None."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return None
    first = lines[0].strip()
    if first.startswith("{"):
        try:
            value = json.loads(first)
        except ValueError:
            return None
        return "jsonl" if isinstance(value, dict) else None
    header = {name.strip().strip('"').lower() for name in first.split(",")}
    if len(lines) > 1 and "text" in header and len(header & RECORD_FIELDS) >= 2:
        return "csv"
    return None


def refuse_records(entry: str, text: str) -> None:
    """Usage error when an article is really claim records: it would become a junk document."""
    fmt = records_format(text)
    if fmt is None:
        return
    if entry == "-":
        hint = f"read them with --records {fmt}"
    else:
        hint = f"give the file a .{fmt} suffix, or pipe it in with - --records {fmt}"
    raise click.UsageError(
        f"{entry}: this is claim records ({fmt.upper() if fmt == 'csv' else 'JSON Lines'}), "
        f"not an article; {hint}"
    )


@dataclass
class Undated:
    """Articles stored without a publication date: their relative deadlines stay open."""

    entries: list[tuple[str, int | None]] = field(default_factory=list)

    def warn(self, dry_run: bool) -> None:
        for entry, document_id in self.entries:
            fix = (
                f"claimtrack documents set {document_id} --published YYYY-MM-DD"
                if document_id is not None and not dry_run
                else "--published YYYY-MM-DD"
            )
            click.echo(
                shown(
                    f"warning: {entry}: no publication date; relative dates and deadlines "
                    f"stay unresolved and get no follow-up ({fix})",
                    newline=" ",
                ),
                err=True,
            )


class _RollBack(Exception):
    """Raised at the end of a dry run, so its transaction writes nothing."""


@contextmanager
def dry_run_session(database: Database) -> Iterator[object]:
    """A write session whose changes are all rolled back at the end."""
    try:
        with database.transaction() as session:
            yield session
            raise _RollBack
    except _RollBack:
        pass


@contextmanager
def throwaway_if_missing(db_arg: str | None) -> Iterator[Database | None]:
    """For a dry run on a database not created yet: an empty one in a temporary folder."""
    if missing_sqlite_file(database_url(db_arg, create_dirs=False)) is None:
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="claimtrack-dry-run-") as folder:
        database = open_database(f"sqlite:///{Path(folder) / 'dry-run.db'}")
        try:
            yield database
        finally:
            database.dispose()


def import_one(
    session: Session,
    actor: str,
    article: Article,
    published: dt.date | None,
    summary: ImportSummary,
    occurrences: Sequence[Occurrence] | None = None,
) -> bool:
    """Import one article into an open session; True if it was stored as a new document."""
    before = summary.documents
    store_article(session, actor, article, published, summary, occurrences)
    return summary.documents > before


# ---------------------------------------------------------------- reading ahead of the writer
#
# `import --jobs N`: N worker processes fetch, parse and extract the articles
# (the CPU-bound part); the main process stores them one by one, in the order
# given, so the database is the one `--jobs 1` makes. Workers are forked
# before the progress bar starts its thread, and read a bounded window ahead.


@dataclass(frozen=True, slots=True)
class ReadArticle:
    """One entry read ahead of the writer: its article and claims, or why it is unreadable."""

    entry: str
    article: Article | None
    occurrences: list[Occurrence] | None = None  # None: found when stored (a new document)
    unreadable: str | None = None


def read_entry(
    entry: str, stdin_data: bytes | None, published: dt.date | None, find_claims: bool
) -> ReadArticle:
    """Read one entry (a file, a URL, '-') and, if asked, find its claims: a worker's task."""
    try:
        article = read_article(entry, stdin_data)
    except UnreadableArticle as error:
        return ReadArticle(entry, None, unreadable=str(error))
    if not find_claims or records_format(article.text) is not None:
        return ReadArticle(entry, article)  # claim records are refused by the writer
    # Prepared here, what the writer would otherwise work out alone (`service.articles.prepare`).
    occurrences = prepare([_portable(o) for o in read_claims(article, published)])
    return ReadArticle(entry, article, occurrences)


def _portable(occurrence: Occurrence) -> Occurrence:
    """The occurrence without its claim's score explanation: storing never reads it, and
    it holds the whole model (600 KB to pickle back to the writer per claim)."""
    if occurrence.found is None:
        return occurrence
    return replace(occurrence, found=replace(occurrence.found, features={}))


# How much lower a worker's priority is than the writer's (nice(2) steps).
WORKER_NICENESS = 10


def start_worker(in_force: limits.Limits) -> None:
    """A worker's set-up: the team's limits, as the writer read them, and a lower
    priority than the writer's. Every article waits for the one writer, so on a
    core the workers share with it, the writer goes first; the workers, reading
    ahead, lose nothing by waiting."""
    os.nice(WORKER_NICENESS)
    limits.configure(in_force)


def default_jobs() -> int:
    """Worker processes for `import --jobs`: one per core."""
    return os.cpu_count() or 1


@contextmanager
def reading(
    entries: Sequence[str], stdin_data: bytes | None, published: dt.date | None, jobs: int
) -> Iterator[Iterator[ReadArticle]]:
    """The entries read in order: inline with one job, else by `jobs` worker processes."""
    if jobs <= 1 or len(entries) < 2:
        yield (read_entry(e, stdin_data if e == "-" else None, published, False) for e in entries)
        return
    # The extractor and its model load here once, and the forked workers share them.
    read_claims(Article(origin="warm-up", text=WARM_UP), None)
    pool = ProcessPoolExecutor(
        max_workers=min(jobs, len(entries)),
        mp_context=multiprocessing.get_context("fork"),
        initializer=start_worker,
        initargs=(limits.current(),),
    )
    try:
        ahead: deque[Future[ReadArticle]] = deque()
        todo = iter(entries)

        def submit() -> None:
            for entry in islice(todo, READ_AHEAD * jobs - len(ahead)):
                data = stdin_data if entry == "-" else None
                ahead.append(pool.submit(read_entry, entry, data, published, True))

        def results() -> Iterator[ReadArticle]:
            while ahead:
                done = ahead.popleft().result()
                submit()
                yield done

        submit()  # forks the workers now, before any thread of ours starts
        yield results()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# Articles each worker may have read before the writer takes them: bounds memory. More
# than a batch (BATCH_ARTICLES), so the workers go on reading while the writer stores one.
READ_AHEAD = 24
WARM_UP = "The ministry said it would build 12 new schools by 2027."


# ---------------------------------------------------------------- the writer
#
# The writer stores the articles in batches: one transaction for up to
# BATCH_ARTICLES articles. A commit (with SQLite's full-text index flush) cost
# a third of storing a small article. A batch is read before its transaction
# opens, so the write lock is never held while a worker reads. An article that
# fails rolls back alone: the batch's articles before it are committed without
# it, and it is imported again on its own, failing (or not) exactly as it did
# when each article had its own transaction.

BATCH_ARTICLES = 16
# A batch is stored once its first article has waited this long (slow URLs).
BATCH_SECONDS = 1.0


@dataclass(frozen=True, slots=True)
class Stored:
    """One entry once the writer is done with it (its batch committed)."""

    entry: str
    article: Article | None  # None: unreadable
    summary: ImportSummary
    unreadable: str | None = None


def store_all(
    database: Database,
    actor: str,
    published: dt.date | None,
    read: Iterable[ReadArticle],
    dry: Session | None = None,
) -> Iterator[Stored]:
    """Store the entries read, in order; each `Stored` once it is committed.

    `dry`: a dry run's session (rolled back at the end), where each article is stored at once.
    """
    pending: list[ReadArticle] = []
    since = 0.0
    for ahead in read:
        if ahead.article is not None:
            try:
                refuse_records(ahead.entry, ahead.article.text)
            except click.UsageError:
                yield from _store_batch(database, actor, published, pending, dry)
                raise
        if not pending:
            since = time.monotonic()
        pending.append(ahead)
        if (
            dry is not None
            or len(pending) >= BATCH_ARTICLES
            or time.monotonic() - since > BATCH_SECONDS
        ):
            yield from _store_batch(database, actor, published, pending, dry)
            pending = []
    yield from _store_batch(database, actor, published, pending, dry)


def _store_batch(
    database: Database,
    actor: str,
    published: dt.date | None,
    batch: Sequence[ReadArticle],
    dry: Session | None,
) -> list[Stored]:
    readable = [(a.article, a.occurrences) for a in batch if a.article is not None]
    if dry is not None:
        summaries = []
        for article, occurrences in readable:
            summaries.append(ImportSummary())
            import_one(dry, actor, article, published, summaries[-1], occurrences)
    else:
        summaries = import_batch(database, actor, readable, published)
    done = iter(summaries)
    return [
        Stored(a.entry, a.article, next(done))
        if a.article is not None
        else Stored(a.entry, None, ImportSummary(), a.unreadable)
        for a in batch
    ]


def import_batch(
    database: Database,
    actor: str,
    batch: Sequence[tuple[Article, Sequence[Occurrence] | None]],
    published: dt.date | None,
) -> list[ImportSummary]:
    """Store articles in as few transactions as they allow; what each did.

    The result is what `importers.articles.import_article`, one article at a
    time, makes: an article that raises is imported again alone, after the
    articles before it are committed, and raises as it did. When other
    importers write the same claims (a deadlock), the batch's articles are
    imported one at a time, as `import_article` does: a transaction holds fewer
    locks.
    """
    done: list[ImportSummary] = []
    contended = False
    while len(done) < len(batch):
        if not contended:
            stored, contended = _in_one_transaction(database, actor, batch[len(done) :], published)
            done.extend(stored)
        if len(done) < len(batch):
            article, occurrences = batch[len(done)]
            done.append(
                import_article(
                    database, actor, article, published=published, occurrences=occurrences
                )
            )
    return done


def _in_one_transaction(
    database: Database,
    actor: str,
    batch: Sequence[tuple[Article, Sequence[Occurrence] | None]],
    published: dt.date | None,
) -> tuple[list[ImportSummary], bool]:
    """Store the articles in one transaction, up to the first that fails: what each
    stored did, and whether the database aborted it for another importer (a deadlock).

    When one fails, all are rolled back and those before it stored again
    (no SAVEPOINT an article: two statements an article, for a rare failure).
    """
    done: list[ImportSummary] = []
    try:
        with database.transaction() as session:
            for article, occurrences in batch:
                summary = ImportSummary()
                store_article(session, actor, article, published, summary, occurrences)
                done.append(summary)
    except Exception as error:
        if database_gave_up(error):
            return [], True
        # Those before the failure again (none when the commit itself failed).
        before = batch[: len(done)] if len(done) < len(batch) else []
        return _in_one_transaction(database, actor, before, published) if before else ([], False)
    if not database.is_sqlite:
        _match_again(database, actor, done)
    return done, False


def _match_again(database: Database, actor: str, done: list[ImportSummary]) -> None:
    """Suggest near-duplicates other importers committed alongside the batch's claims.

    Each article's claims are matched as when it was committed alone: the
    claims that the batch's later articles created are not candidates (their
    first look saw these claims already).
    """
    later: list[set[int]] = [set()]  # for each article, the claims its successors created
    for summary in reversed(done[1:]):
        later.insert(0, later[0] | set(summary.new_claims))
    with database.transaction() as session:
        for summary, created_after in zip(done, later, strict=True):
            if summary.new_claims:
                summary.suggested += suggest_matches_of(
                    session, actor, summary.new_claims, excluding=created_after
                )


def undated_document(database: Database, article: Article) -> int | None:
    """The id of the document just stored from `article`."""
    with database.read() as session:
        return document_id_for_text(session, article.text)
