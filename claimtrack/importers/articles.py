"""One article into the database, safely beside other importers writing at once.

Each article is one transaction. Several `claimtrack import` processes, on one
machine or many, may import into one PostgreSQL database together:

- the same document or claim is stored once: the unique content hash and the
  unique normalised text decide (`service.once`), and the importer that loses
  takes the winner's row;
- two importers storing claims the other also stores, in another order, can
  deadlock; PostgreSQL then aborts one of them, which is retried (a bounded
  number of times) from the start of its article;
- a near-duplicate stored by another importer at the same moment is invisible
  until that importer commits, so each importer looks for near-duplicates of
  its new claims again once its own article is committed. Whichever of two
  importers commits last sees the other's claim then, so no pair is missed.

SQLite runs one writer at a time (`BEGIN IMMEDIATE`), so there the first look
already sees everything and the second is skipped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from claimtrack.db import Database
from claimtrack.errors import ClaimtrackError
from claimtrack.importers.documents import ImportSummary, find_occurrences, import_text
from claimtrack.importers.files import Article
from claimtrack.retry import database_gave_up
from claimtrack.service.articles import Occurrence, suggest_matches_of

ATTEMPTS = 5


def import_article(
    database: Database,
    actor: str,
    article: Article,
    *,
    published: dt.date | None = None,
    occurrences: Sequence[Occurrence] | None = None,
) -> ImportSummary:
    """Store `article` and its claims in one transaction; what it did.

    `occurrences`: its claims as `read_claims` found them (in a worker process), if read.
    """
    for attempt in range(1, ATTEMPTS + 1):
        summary = ImportSummary()  # a retried attempt starts counting afresh
        try:
            with database.transaction() as session:
                store_article(session, actor, article, published, summary, occurrences)
        except DBAPIError as error:
            if not database_gave_up(error):
                raise
            if attempt == ATTEMPTS:
                raise ClaimtrackError(
                    f"{article.origin}: the database kept aborting the import "
                    f"({ATTEMPTS} attempts, other importers writing the same claims); "
                    "nothing was written, import it again"
                ) from None
            continue
        break
    if not database.is_sqlite and summary.new_claims:
        summary.suggested += _match_again(database, actor, summary.new_claims)
    return summary


def store_article(
    session: Session,
    actor: str,
    article: Article,
    published: dt.date | None,
    summary: ImportSummary,
    occurrences: Sequence[Occurrence] | None = None,
) -> None:
    """Store `article` in an open session (`published` overrides its own date)."""
    import_text(
        session,
        actor,
        article.text,
        title=article.title,
        url=article.url,
        outlet=article.outlet,
        author=article.author,
        published=published or article.published,
        origin=article.origin,
        summary=summary,
        occurrences=occurrences,
    )


def read_claims(article: Article, published: dt.date | None) -> list[Occurrence]:
    """The claims `article` holds, read without a database (`published` overrides its date)."""
    return find_occurrences(article.text, published or article.published, article.url)


def _match_again(database: Database, actor: str, claim_ids: list[int]) -> int:
    """Suggest near-duplicates that other importers committed alongside these claims."""
    with database.transaction() as session:
        return suggest_matches_of(session, actor, claim_ids)


def add_up(total: ImportSummary, part: ImportSummary) -> None:
    """Add one article's counts to the run's."""
    total.documents += part.documents
    total.duplicates += part.duplicates
    total.claims += part.claims
    total.appearances += part.appearances
    total.followups += part.followups
    total.suggested += part.suggested
    total.checked += part.checked
    total.in_trash.extend(part.in_trash)
