"""quantities.dimension/si_low/si_high/ambiguous; date_refs.first_day/last_day/ambiguous

The extractor now says what a unit measures and converts it to the SI base
unit ("5 miles" and "8 km" are the same figure), and reads quarters, halves,
weeks, seasons, decades and ranges, each with the first and last day of the
period. date_refs' precision CHECK grows to the new precisions.

Quantities already stored keep NULL dimension and SI values: the unit table
that would fill them belongs to the code, not to a migration, and a NULL
reads as "not converted". Dates already stored get their period from their
date and precision (a day is itself; a month or year runs from its first to
its last day), so every stored date has bounds.

date_refs is rebuilt on SQLite (a CHECK cannot be altered in place); it has
no triggers. quantities only gains columns, in place.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from dateutil.relativedelta import relativedelta

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHECK = "ck_date_refs_precision_valid"
OLD_PRECISIONS = ("day", "month", "year")
PRECISIONS = ("day", "week", "month", "quarter", "half", "season", "year", "decade")
COARSER = {"week": "day", "quarter": "month", "half": "month", "season": "month", "decade": "year"}


def _precision_check(values: Sequence[str]) -> str:
    return "precision IN ({})".format(", ".join(f"'{value}'" for value in values))


def upgrade() -> None:
    with op.batch_alter_table("quantities") as batch:
        batch.add_column(sa.Column("dimension", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("si_low", sa.Float(), nullable=True))
        batch.add_column(sa.Column("si_high", sa.Float(), nullable=True))
        batch.add_column(
            sa.Column("ambiguous", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("date_refs", recreate="auto") as batch:
        batch.add_column(sa.Column("first_day", sa.Date(), nullable=True))
        batch.add_column(sa.Column("last_day", sa.Date(), nullable=True))
        batch.add_column(
            sa.Column("ambiguous", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.drop_constraint(op.f(CHECK), type_="check")
        batch.create_check_constraint(op.f(CHECK), _precision_check(PRECISIONS))
    _fill_periods()


def _fill_periods() -> None:
    """Bound each stored date by its precision; a month or year deadline is its last day."""
    date_refs = sa.table(
        "date_refs",
        sa.column("id", sa.Integer),
        sa.column("date", sa.Date),
        sa.column("role", sa.String),
        sa.column("precision", sa.String),
        sa.column("first_day", sa.Date),
        sa.column("last_day", sa.Date),
    )
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(date_refs.c.id, date_refs.c.date, date_refs.c.precision).where(
            date_refs.c.date.is_not(None)
        )
    ).all()
    for row_id, day, precision in rows:
        first, last = _period(day, precision)
        bind.execute(
            date_refs.update()
            .where(date_refs.c.id == row_id)
            .values(first_day=first, last_day=last)
        )


def _period(day: dt.date, precision: str) -> tuple[dt.date, dt.date]:
    """The first and last day of the month or year around `day`; the day itself otherwise."""
    if precision == "month":
        first = day.replace(day=1)
        return first, first + relativedelta(months=1, days=-1)
    if precision == "year":
        return day.replace(month=1, day=1), day.replace(month=12, day=31)
    return day, day


def downgrade() -> None:
    # The old schema knows three precisions: a period keeps its date at the
    # nearest one coarser or equal (a week's date is a day, a quarter's a month).
    for old, new in COARSER.items():
        op.execute(sa.text(f"UPDATE date_refs SET precision = '{new}' WHERE precision = '{old}'"))
    with op.batch_alter_table("date_refs", recreate="auto") as batch:
        batch.drop_constraint(op.f(CHECK), type_="check")
        batch.create_check_constraint(op.f(CHECK), _precision_check(OLD_PRECISIONS))
        batch.drop_column("ambiguous")
        batch.drop_column("last_day")
        batch.drop_column("first_day")
    with op.batch_alter_table("quantities") as batch:
        batch.drop_column("ambiguous")
        batch.drop_column("si_high")
        batch.drop_column("si_low")
        batch.drop_column("dimension")
