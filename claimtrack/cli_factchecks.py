"""The fact-check commands' work: `publish`, `import --claimreview`, `claims checked`.

`cli.py` keeps one thin function per command and calls these.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from claimtrack.terminal import json_line, shown
from claimtrack.wording import count

if TYPE_CHECKING:
    from claimtrack.cli import Context
    from claimtrack.service.factchecks import FactCheckCounts


def publish_site(
    context: Context, directory: Path, site_url: str | None, include_forced: bool
) -> None:
    """Write the static site and say what changed."""
    from claimtrack import service
    from claimtrack.publish.claimreview import Site
    from claimtrack.publish.site import publish
    from claimtrack.team import Action, require

    with context.read() as session:
        require(session, Action.PUBLISH)
        site = Site.checked(
            service.setting(session, "organisation"),
            site_url or service.setting(session, "site_url"),
        )
        summary = publish(session, directory, site, include_forced=include_forced)
    click.echo(shown(f"{directory}: {summary.line()}"))


def import_claimreview(
    context: Context, entries: tuple[str, ...], *, dry_run: bool = False
) -> bool:
    """Read ClaimReview from files, pages, feeds and folders; True if nothing failed.

    A dry run stores each entry's reviews in a transaction it rolls back, so its
    counts are the ones a real import would print.
    """
    from claimtrack.importers.claimreview import discover, read_source
    from claimtrack.service.factchecks import add_fact_checks

    failed = False
    named = set(entries)
    for entry in discover(list(entries)):
        reading = read_source(entry)
        for error in reading.errors:
            click.echo(shown(error, newline=" "), err=True)
        failed |= bool(reading.errors)
        if not reading.reviews:
            # A folder's other pages (an index, a tag page) simply carry no review.
            if not reading.errors and entry in named:
                click.echo(shown(f"{entry}: no ClaimReview found", newline=" "), err=True)
                failed = True
            continue
        try:
            with context.transaction() as session:
                counts = add_fact_checks(
                    session, context.actor, reading.reviews.values(), origin=entry
                )
                if dry_run:
                    raise _RolledBack(counts)
        except _RolledBack as rolled_back:
            counts = rolled_back.counts
        would = "would be " if dry_run else ""
        click.echo(
            shown(
                f"{entry}: {count(counts.added, 'fact check')} {would}added, "
                f"{counts.updated} {would}updated, {counts.unchanged} unchanged"
                + (" (dry run: nothing written)" if dry_run else ""),
                newline=" ",
            )
        )
    return not failed


class _RolledBack(Exception):
    """Leaves a dry run's transaction rolled back, carrying what it would have stored."""

    def __init__(self, counts: FactCheckCounts) -> None:
        super().__init__()
        self.counts = counts


def checked_lines(context: Context, claim_id: int) -> list[Any]:
    """Who already checked one claim (for `claims show`)."""
    from claimtrack.views.checked import checked_by

    with context.read() as session:
        return list(checked_by(session, [claim_id]))


def print_checked(context: Context, limit: int, as_json: bool) -> None:
    """`claims checked`: the claims found already checked, with who checked them."""
    from claimtrack.views.checked import checked_claims

    with context.read() as session:
        rows, total = checked_claims(session, limit=limit)
    for row in rows:
        if as_json:
            record = {
                "id": row.id,
                "text": row.text,
                "status": row.status,
                "checked_by": [m.to_json() for m in row.matches],
            }
            click.echo(json_line(json.dumps(record, ensure_ascii=False)))
            continue
        click.echo(shown(f"claim {row.id} [{row.status}]: {row.text}", newline=" "))
        for match in row.matches:
            click.echo(shown(f"  ✓ {match.describe()}", newline=" "))
    if not as_json and total > len(rows):
        click.echo(f"{len(rows)} of {total} claims (--limit to see more)")
    elif not as_json and not rows:
        click.echo("no claim has been found already checked")
