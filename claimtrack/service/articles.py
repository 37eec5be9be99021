"""An article's claims stored set-based: a handful of statements per article, whatever its size.

`store_article_claims` takes the sentences an importer found in one new
document (`Occurrence`, in the order the article is read) and writes what the
one-claim-at-a-time path wrote, with one statement per table:

- claims not seen before: one INSERT … ON CONFLICT DO NOTHING RETURNING. The
  unique index over normalised text (migration 0009) still decides between
  importers racing on one text; a text another importer took a moment ago
  becomes an appearance of its claim, as before;
- their quantities, dates and appearances: one INSERT each;
- deadline follow-ups, one per resolved deadline a claim does not have yet:
  one INSERT (and, for claims stored before, one UPDATE of their versions);
- near-duplicates of the new claims (`suggest_near_duplicates`): on SQLite one
  query for every claim's candidates by figure and one by name (on PostgreSQL,
  one for both), one for their texts, one for the figures of those a shared
  figure would decide, one INSERT;
- the audit trail: one INSERT of every event, in the order the events were
  written one at a time (create, its follow-ups, its suggestions; claim by claim).

Claims of the same document are never suggested as matches of each other: a
page's own lines (a headline and its body, a site's boilerplate) are one
reviewer's read, not a duplicate to decide. "Of the same document" is any
claim appearing in it, a repeat of one stored before included.

On SQLite the statements whose shape changes with the article (the compound
candidate query, the multi-row INSERTs) are written as text: compiling them
through SQLAlchemy for every article cost several times the extraction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlalchemy import Connection, and_, case, insert, literal, or_, select, union_all, update
from sqlalchemy import text as sql_text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from claimtrack.errors import InvalidInput
from claimtrack.extract import normalise_claim_text
from claimtrack.extract.types import DateMention, ExtractedClaim
from claimtrack.matching import (
    FIGURE_TOLERANCE,
    Figure,
    match_threshold,
    proper_nouns,
    shares_figure,
    similarity,
)
from claimtrack.models import (
    UNIQUE_TEXT_AMONG,
    Appearance,
    Claim,
    DateRef,
    Event,
    FollowUp,
    Quantity,
    SuggestedMatch,
    utcnow,
)
from claimtrack.scale import Kind, SpeakerType, Status
from claimtrack.search import fts_query, matches
from claimtrack.service import (
    MATCH_CANDIDATES,
    _require_text,
    choice,
    date_values,
    event_row,
    quantity_values,
)
from claimtrack.service.deadlines import deadline_checks, is_deadline_followup
from claimtrack.service.driver import bind_processor

__all__ = [
    "Occurrence",
    "StoredClaims",
    "store_article_claims",
    "suggest_matches_of",
    "suggest_near_duplicates",
]

# Rows per multi-row INSERT: SQLite binds at most 32,766 parameters in one statement.
_PARAMETERS = 30_000
# Terms of one compound candidate query (SQLite allows 500).
_CANDIDATE_TERMS = 400

claims = Claim.__table__
quantities = Quantity.__table__
date_refs = DateRef.__table__
appearances = Appearance.__table__
followups = FollowUp.__table__
events = Event.__table__
suggested_matches = SuggestedMatch.__table__


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One sentence of an article to store, in reading order.

    `found` is the claim extracted there: stored, or an appearance of the claim
    with its text. `restates` instead names the earlier occurrence (a body
    claim) that this headline or bullet restates: only an appearance of it.
    """

    sentence: str
    start: int
    end: int
    found: ExtractedClaim | None = None
    restates: int | None = None


@dataclass
class StoredClaims:
    """What storing an article's claims did, for the import summary."""

    claims: int = 0
    appearances: int = 0  # repeat appearances: of a claim seen before, or a restatement
    followups: int = 0
    suggested: int = 0
    new_claims: list[int] = field(default_factory=list)
    # Claims the article repeats that a reviewer moved to the trash: the appearance is
    # kept with them (restoring brings it back), and the import says so.
    in_trash: list[int] = field(default_factory=list)


@dataclass(slots=True)
class _Known:
    """A claim stored before this article (or by another importer a moment ago)."""

    id: int
    text: str
    version: int
    deadline_dues: set[dt.date]
    in_trash: bool = False


@dataclass(slots=True)
class _NewClaim:
    """A claim this article stores: its values and, once inserted, its id."""

    text: str
    normalized: str
    found: ExtractedClaim
    id: int = 0


@dataclass(slots=True)
class _Slot:
    """A claim the article touches (new or known) and the follow-ups it gains here."""

    text: str
    new: _NewClaim | None
    known: _Known | None
    deadline_dues: set[dt.date]
    followups: list[tuple[dt.date, str]] = field(default_factory=list)

    @property
    def id(self) -> int:
        return self.new.id if self.new is not None else self.known.id  # type: ignore[union-attr]


# One step of the audit trail, as the article is read: a claim created, follow-ups added.
_Step = tuple[str, _Slot, list[tuple[dt.date, str]]]


@dataclass
class _Plan:
    slots: list[_Slot]
    new: list[_NewClaim]
    appearances: list[tuple[_Slot, Occurrence]]
    steps: list[_Step]
    repeat_appearances: int


def store_article_claims(
    session: Session, actor: str, document_id: int, occurrences: Sequence[Occurrence]
) -> StoredClaims:
    """Store the claims found in a new document, set-based; audited claim by claim."""
    result = StoredClaims()
    if not occurrences:
        return result
    session.flush()  # the ORM's pending rows (the document) first, so the SQL below sees them
    connection = session.connection()
    texts = {_key(o.found.text) for o in occurrences if o.found is not None}
    known = _known_claims(connection, texts)
    plan = _plan(occurrences, known)
    taken = _insert_claims(connection, plan.new, plan.steps)
    if taken:  # another importer stored these texts a moment ago: theirs they are
        known.update(_known_claims(connection, taken))
        plan = _plan(occurrences, known, inserted={n.normalized: n.id for n in plan.new})
    now = utcnow()
    _insert_parts(connection, plan, document_id)
    followup_ids = _insert_followups(connection, actor, plan, now)
    versions = _bump_known_versions(connection, plan, now)
    suggestions = suggest_near_duplicates(
        connection,
        [(n.id, n.text, n.found.quantities) for n in plan.new],
        excluding={slot.id for slot in plan.slots},
    )
    trail = _events(actor, plan, followup_ids, versions, suggestions, now)
    if trail:
        connection.execute(insert(events), trail)
    _forget_known(session, plan)
    result.claims = len(plan.new)
    result.appearances = plan.repeat_appearances
    result.followups = len(followup_ids)
    result.suggested = sum(len(found) for found in suggestions.values())
    result.new_claims = [n.id for n in plan.new]
    result.in_trash = sorted({s.known.id for s in plan.slots if s.known and s.known.in_trash})
    return result


# ---------------------------------------------------------------- reading the article


def _key(text: str) -> str:
    return normalise_claim_text(" ".join(text.split()))


def _known_claims(connection: Connection, texts: Iterable[str]) -> dict[str, _Known]:
    """The live claim holding each text (the lowest id, as `service.same_claim`), with its
    deadline follow-ups."""
    wanted = sorted(set(texts))
    if not wanted:
        return {}
    sqlite = connection.dialect.name == "sqlite"  # there, raw: compiling cost more than running
    if sqlite:
        rows: Sequence[Any] = connection.exec_driver_sql(
            "SELECT id, normalized, text, version, deleted_at IS NOT NULL FROM claims"
            f" WHERE normalized IN ({', '.join('?' * len(wanted))})"
            # `+`: not by the index of merged claims, which walks every live claim in id
            # order (no sort to do) and cost 3 ms an article at 8,000 claims, growing
            " AND +merged_into_id IS NULL ORDER BY id",
            tuple(wanted),
        ).fetchall()
    else:
        rows = connection.execute(
            select(
                claims.c.id,
                claims.c.normalized,
                claims.c.text,
                claims.c.version,
                claims.c.deleted_at.is_not(None).label("in_trash"),
            )
            .where(claims.c.normalized.in_(wanted), claims.c.merged_into_id.is_(None))
            .order_by(claims.c.id)
        ).all()
    known: dict[str, _Known] = {}
    for claim_id, normalized, text, version, in_trash in rows:
        if normalized not in known:
            known[normalized] = _Known(claim_id, text, version, set(), bool(in_trash))
    if known:
        by_id = {k.id: k for k in known.values()}
        ids = sorted(by_id)
        if sqlite:
            scheduled: Sequence[Any] = connection.exec_driver_sql(
                "SELECT claim_id, due, text FROM followups"
                f" WHERE claim_id IN ({', '.join(str(int(i)) for i in ids)})"
            ).fetchall()
        else:
            scheduled = connection.execute(
                select(followups.c.claim_id, followups.c.due, followups.c.text).where(
                    followups.c.claim_id.in_(ids)
                )
            ).all()
        for claim_id, due, text in scheduled:
            if is_deadline_followup(text):
                by_id[claim_id].deadline_dues.add(_day(due))
    return known


def _plan(
    occurrences: Sequence[Occurrence],
    known: dict[str, _Known],
    inserted: dict[str, int] | None = None,
) -> _Plan:
    """What the article stores, read in order as the one-at-a-time import read it."""
    by_text: dict[str, _Slot] = {}
    slot_of: dict[int, _Slot] = {}
    plan = _Plan([], [], [], [], 0)
    placed: set[tuple[int, int]] = set()  # (slot number, start): an appearance is stored once
    for number, occurrence in enumerate(occurrences):
        if occurrence.found is None:
            if occurrence.restates is None:
                continue
            slot = slot_of[occurrence.restates]
            if _place(plan, placed, slot, occurrence):
                plan.repeat_appearances += 1
            continue
        found = occurrence.found
        normalized = _key(found.text)
        slot = by_text.get(normalized)  # type: ignore[assignment]
        if slot is None:
            holder = known.get(normalized)
            if holder is not None:
                slot = _Slot(holder.text, None, holder, set(holder.deadline_dues))
            else:
                text = _require_text(found.text, "claim text")
                new = _NewClaim(text, normalized, found, (inserted or {}).get(normalized, 0))
                slot = _Slot(text, new, None, set())
                plan.new.append(new)
                by_text[normalized] = slot
                plan.slots.append(slot)
                slot_of[number] = slot
                _place(plan, placed, slot, occurrence)
                plan.steps.append(("create", slot, _deadlines(slot, found.dates)))
                continue
            by_text[normalized] = slot
            plan.slots.append(slot)
        slot_of[number] = slot
        if _place(plan, placed, slot, occurrence):
            plan.repeat_appearances += 1
            # An earlier, undated appearance could not resolve the deadlines this one sets.
            added = _deadlines(slot, found.dates)
            if added:
                plan.steps.append(("followups", slot, added))
    return plan


def _place(plan: _Plan, placed: set[tuple[int, int]], slot: _Slot, occurrence: Occurrence) -> bool:
    key = (id(slot), occurrence.start)
    if key in placed:
        return False
    placed.add(key)
    plan.appearances.append((slot, occurrence))
    return True


def _deadlines(slot: _Slot, dates: Iterable[DateMention]) -> list[tuple[dt.date, str]]:
    """The deadline follow-ups `dates` give the claim that it has not got (as
    `service.add_deadline_followups` words and orders them)."""
    checks = deadline_checks(slot.text, dates)
    added = [(due, text) for due, text in checks if due not in slot.deadline_dues]
    slot.deadline_dues.update(due for due, _ in added)
    slot.followups.extend(added)
    return added


# ---------------------------------------------------------------- writing


def _insert_claims(connection: Connection, new: list[_NewClaim], steps: list[_Step]) -> set[str]:
    """Insert the new claims in reading order; the texts another importer holds already."""
    if not new:
        return set()
    versions = {id(slot.new): 1 + len(slot.followups) for _, slot, _ in steps if slot.new}
    now = utcnow()
    rows = []
    for claim in new:
        found = claim.found
        if not 0.0 <= found.score <= 1.0:
            raise InvalidInput(f"score {found.score} is outside 0..1")
        speaker = found.speaker
        rows.append(
            {
                "text": claim.text,
                "normalized": claim.normalized,
                "kind": choice(Kind, found.kind).value,
                "score": found.score,
                "speaker": speaker.name if speaker else None,
                "speaker_role": speaker.role if speaker else None,
                "speaker_type": choice(SpeakerType, speaker.kind).value
                if speaker and speaker.kind
                else None,
                "status": Status.NEW.value,
                "external_id": None,
                "created_at": now,
                "updated_at": now,
                "version": versions.get(id(claim), 1),
            }
        )
    returned = _insert_returning(
        connection,
        claims,
        rows,
        ["id", "normalized"],
        unique=["normalized"],
        among=UNIQUE_TEXT_AMONG,
    )
    ids = {normalized: claim_id for claim_id, normalized in returned}
    for claim in new:
        claim.id = ids.get(claim.normalized, 0)
    return {claim.normalized for claim in new if not claim.id}


def _insert_parts(connection: Connection, plan: _Plan, document_id: int) -> None:
    """The new claims' quantities and dates, and every appearance, one INSERT each."""
    figures = [
        {"claim_id": claim.id, **quantity_values(q)}
        for claim in plan.new
        for q in claim.found.quantities
    ]
    dates = [
        {"claim_id": claim.id, **date_values(d)} for claim in plan.new for d in claim.found.dates
    ]
    places = [
        {
            "claim_id": slot.id,
            "document_id": document_id,
            "sentence": occurrence.sentence,
            "start_offset": occurrence.start,
            "end_offset": occurrence.end,
        }
        for slot, occurrence in plan.appearances
    ]
    for table, rows in ((quantities, figures), (date_refs, dates), (appearances, places)):
        if rows:
            connection.execute(insert(table), rows)


def _insert_followups(
    connection: Connection, actor: str, plan: _Plan, now: dt.datetime
) -> dict[tuple[int, dt.date], int]:
    """The deadline follow-ups, in the order they were planned: their ids by (claim, due)."""
    rows = [
        {
            "claim_id": slot.id,
            "text": text,
            "due": due,
            "rrule": None,
            "assignee": None,
            "done": False,
            "created_by": actor,
            "created_at": now,
        }
        for _, slot, added in plan.steps
        for due, text in added
    ]
    returned = _insert_returning(connection, followups, rows, ["id", "claim_id", "due"])
    return {(claim_id, _day(due)): followup_id for followup_id, claim_id, due in returned}


def _day(value: dt.date | str) -> dt.date:
    """A date as returned: SQLite's raw text (`_insert_returning` skips SQLAlchemy's types)."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def _bump_known_versions(connection: Connection, plan: _Plan, now: dt.datetime) -> dict[int, int]:
    """Version each claim stored before had before this article's follow-ups (one UPDATE).

    A follow-up is a change to its claim: each bumps the version, as `service.add_followup`.
    """
    gained: dict[int, int] = {}
    for _, slot, added in plan.steps:
        if slot.known is not None and added:
            gained[slot.id] = gained.get(slot.id, 0) + len(added)
    if not gained:
        return {}
    rows = connection.execute(
        update(claims)
        .where(claims.c.id.in_(sorted(gained)))
        .values(
            version=claims.c.version + case(gained, value=claims.c.id, else_=0),
            updated_at=now,
        )
        .returning(claims.c.id, claims.c.version)
    )
    return {row.id: row.version - gained[row.id] for row in rows}


def _events(
    actor: str,
    plan: _Plan,
    followup_ids: dict[tuple[int, dt.date], int],
    known_versions: dict[int, int],
    suggestions: dict[int, list[tuple[int, float]]],
    now: dt.datetime,
) -> list[dict[str, Any]]:
    """The audit trail of the article's claims, in the order the one-at-a-time import wrote it."""
    versions: dict[int, int] = dict(known_versions)
    rows: list[dict[str, Any]] = []

    def event(claim_id: int, action: str, new: Any) -> None:
        rows.append(_event(actor, claim_id, versions[claim_id], action, new, now))

    for action, slot, added in plan.steps:
        claim_id = slot.id
        if action == "create":
            versions[claim_id] = 1
            kind = choice(Kind, slot.new.found.kind).value  # type: ignore[union-attr]
            event(claim_id, "create", {"text": slot.text, "kind": kind})
        for due, text in added:
            versions[claim_id] += 1
            followup_id = followup_ids[(claim_id, due)]
            details = {"id": followup_id, "text": text, "due": due.isoformat(), "rrule": None}
            event(claim_id, "followup.add", details)
        if action == "create":
            for candidate, score in suggestions.get(claim_id, []):
                event(claim_id, "match.suggest", _suggested(candidate, score))
    return rows


def _event(
    actor: str, claim_id: int, version: int, action: str, new: Any, now: dt.datetime
) -> dict[str, Any]:
    """One audit event's row, as `service._record` writes it (without bumping the version)."""
    return event_row(actor, action, claim_id=claim_id, claim_version=version, new=new, at=now)


def _forget_known(session: Session, plan: _Plan) -> None:
    """Expire the claims stored before that this session holds: the SQL above changed them
    (appearances, follow-ups, a version) behind the ORM's back."""
    for slot in plan.slots:
        if slot.known is not None:
            held = session.identity_map.get(session.identity_key(Claim, slot.known.id))
            if held is not None:
                session.expire(held)


def _insert_returning(
    connection: Connection,
    table: Any,
    rows: list[dict[str, Any]],
    returning: list[str],
    *,
    unique: list[str] | None = None,
    among: str | None = None,
) -> list[tuple[Any, ...]]:
    """Insert `rows` in multi-row statements (skipping those whose `unique` key, in the
    index partial on `among`, is held); the `returning` columns of the rows inserted.

    On SQLite the statement is written out, its values bound through the columns'
    types: SQLAlchemy compiles a multi-row INSERT anew for every number of rows,
    which cost more than the extraction. Returned values are SQLite's own.
    """
    if not rows:
        return []
    result: list[tuple[Any, ...]] = []
    if connection.dialect.name != "sqlite":
        for chunk in _chunks(rows):
            statement = _dialect_insert(connection, table).values(chunk)
            if unique is not None:
                where = sql_text(among) if among else None
                statement = statement.on_conflict_do_nothing(
                    index_elements=unique, index_where=where
                )
            statement = statement.returning(*(table.c[name] for name in returning))
            result.extend(tuple(row) for row in connection.execute(statement))
        return result
    names = list(rows[0])
    processors = [bind_processor(table.c[name], connection.dialect) for name in names]
    conflict = ""
    if unique is not None:
        conflict = f" ON CONFLICT ({', '.join(unique)})"
        conflict += f" WHERE {among} DO NOTHING" if among else " DO NOTHING"
    one_row = "(" + ", ".join("?" * len(names)) + ")"
    for chunk in _chunks(rows):
        values: list[Any] = []
        for row in chunk:
            for name, process in zip(names, processors, strict=True):
                values.append(process(row[name]) if process else row[name])
        sql = (
            f"INSERT INTO {table.name} ({', '.join(names)}) VALUES "
            f"{', '.join([one_row] * len(chunk))}{conflict} RETURNING {', '.join(returning)}"
        )
        result.extend(tuple(row) for row in connection.exec_driver_sql(sql, tuple(values)))
    return result


def _dialect_insert(connection: Connection, table: Any) -> Any:
    dialect = connection.dialect.name
    if dialect == "postgresql":
        return postgresql.insert(table)
    if dialect == "sqlite":
        return sqlite.insert(table)
    raise NotImplementedError(f"set-based import on {dialect}")  # pragma: no cover


def _chunks(rows: list[dict[str, Any]]) -> Iterable[list[dict[str, Any]]]:
    if not rows:
        return
    size = max(1, _PARAMETERS // len(rows[0]))
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


# ---------------------------------------------------------------- near-duplicates


def suggest_near_duplicates(
    connection: Connection,
    new: Sequence[tuple[int, str, Sequence[Figure]]],
    *,
    excluding: Iterable[int] = (),
) -> dict[int, list[tuple[int, float]]]:
    """Record the near-duplicates of new claims (id, text, figures): for each, the
    candidates suggested and their similarity, in the order found.

    Candidates share a figure (indexed) or every proper noun (full text) with
    the claim, at most MATCH_CANDIDATES a claim, never one of `excluding` (the
    claims of the same document). A query or two find them for every claim, one
    reads their texts, one the figures of those whose score a shared figure
    decides, one INSERT stores the pairs not stored yet (another importer may
    have stored a pair: the unique pair decides).
    """
    skip = set(excluding) | {claim_id for claim_id, _, _ in new}
    found = _candidates(connection, new, skip)
    if not found:
        return {}
    texts = _texts(connection, {c for ids in found.values() for c in ids})
    # Whether two claims share a figure matters only to a score between the two
    # thresholds: only those candidates' figures are read.
    sure, never = sorted((match_threshold(True), match_threshold(False)), reverse=True)
    scored: list[tuple[int, int, float, list[Figure] | None]] = []  # None: suggested
    undecided: set[int] = set()
    for claim_id, text, figures in new:
        mine = [q for q in figures if q.low is not None]
        for other in found.get(claim_id, []):
            score = similarity(text, texts[other])
            if score >= sure or (not mine and score >= match_threshold(False)):
                scored.append((claim_id, other, score, None))
            elif mine and score >= never:
                scored.append((claim_id, other, score, mine))
                undecided.add(other)
    theirs = _figures(connection, undecided)
    pairs = [
        (claim_id, other, score)
        for claim_id, other, score, mine in scored
        if mine is None or score >= match_threshold(shares_figure(mine, theirs.get(other, [])))
    ]
    rows = [
        {
            "claim_id": min(claim_id, other),
            "candidate_id": max(claim_id, other),
            "similarity": score,
            "state": "suggested",
            "created_at": utcnow(),
        }
        for claim_id, other, score in pairs
    ]
    returned = _insert_returning(
        connection,
        suggested_matches,
        rows,
        ["claim_id", "candidate_id"],
        unique=["claim_id", "candidate_id"],
    )
    stored = {(low, high) for low, high in returned}
    result: dict[int, list[tuple[int, float]]] = {}
    for claim_id, other, score in pairs:
        if (min(claim_id, other), max(claim_id, other)) in stored:
            result.setdefault(claim_id, []).append((other, score))
    return result


def suggest_matches_of(session: Session, actor: str, claim_ids: Sequence[int]) -> int:
    """Suggest near-duplicates of stored claims (never claims of their own documents),
    audited; returns how many were suggested.

    The importer runs it again once an article is committed, for what other
    importers committed meanwhile (`importers.articles`).
    """
    session.flush()
    connection = session.connection()
    ids = sorted(set(claim_ids))
    details = _texts_and_figures(connection, set(ids))
    versions = dict(
        connection.execute(select(claims.c.id, claims.c.version).where(claims.c.id.in_(ids)))
        .tuples()
        .all()
    )
    own = [(claim_id, *details[claim_id]) for claim_id in claim_ids if claim_id in details]
    found = suggest_near_duplicates(
        connection, own, excluding=claims_in_documents_of(connection, ids)
    )
    now = utcnow()
    trail = [
        _event(actor, claim_id, versions[claim_id], "match.suggest", _suggested(other, score), now)
        for claim_id, _, _ in own
        for other, score in found.get(claim_id, [])
    ]
    if trail:
        connection.execute(insert(events), trail)
    return len(trail)


def _suggested(candidate: int, score: float) -> dict[str, Any]:
    return {"candidate": candidate, "similarity": round(score, 1)}


def _candidates(
    connection: Connection, new: Sequence[tuple[int, str, Sequence[Figure]]], skip: set[int]
) -> dict[int, list[int]]:
    """Each new claim's candidates, in the order the database gives them."""
    if connection.dialect.name == "sqlite":
        return _sqlite_candidates(connection, new, skip)
    parts = []
    for claim_id, text, figures in new:
        condition = _candidate_condition(text, figures, connection.dialect.name)
        if condition is None:
            continue
        inner = (
            select(Claim.id)
            .where(condition, Claim.merged_into_id.is_(None), Claim.id.not_in(sorted(skip)))
            .limit(MATCH_CANDIDATES)
            .subquery()
        )
        parts.append(select(literal(claim_id).label("claim_id"), inner.c.id).select_from(inner))
    found: dict[int, list[int]] = {}
    for start in range(0, len(parts), _CANDIDATE_TERMS):
        terms = parts[start : start + _CANDIDATE_TERMS]
        statement = terms[0] if len(terms) == 1 else union_all(*terms)
        for claim_id, candidate in connection.execute(statement):
            found.setdefault(claim_id, []).append(candidate)
    return found


def _sqlite_candidates(
    connection: Connection, new: Sequence[tuple[int, str, Sequence[Figure]]], skip: set[int]
) -> dict[int, list[int]]:
    """`_candidates` on SQLite: the same candidates, found per article rather than per claim.

    The per-claim query (`_candidate_condition`) walked the live claims in id order,
    testing each against its figure and full-text sets, until MATCH_CANDIDATES
    were found: each of its figures scanned the quantities (no index on figures),
    and a claim with few candidates walked every claim. Here one scan of the
    quantities tests every figure of the article, one full-text lookup per claim
    reads its first candidates in id order, and each claim keeps the
    MATCH_CANDIDATES lowest ids of their union: what the walk returned.
    """
    figures_of: dict[int, list[Figure]] = {}
    queries: dict[int, str | None] = {}
    for claim_id, text, figures in new:
        mine = [q for q in figures if q.low is not None]
        if mine:
            figures_of[claim_id] = mine
        nouns = proper_nouns(text)
        if len(nouns) >= 2:
            queries[claim_id] = fts_query(" ".join(sorted(nouns)))
    sets: dict[int, set[int]] = {}
    for claim_id, candidate in _figure_candidates(connection, figures_of):
        sets.setdefault(claim_id, set()).add(candidate)
    for claim_id, candidate in _text_candidates(connection, queries, skip):
        sets.setdefault(claim_id, set()).add(candidate)
    found: dict[int, list[int]] = {}
    for claim_id, _, _ in new:  # in the order of `new`, as the compound query gave them
        ids = sorted(sets.get(claim_id, set()) - skip)[:MATCH_CANDIDATES]
        if ids:
            found[claim_id] = ids
    return found


def _figure_candidates(
    connection: Connection, figures_of: dict[int, list[Figure]]
) -> list[tuple[int, int]]:
    """(claim, live claim holding the same figure, or the same figure in another unit),
    for every claim's figures, in one scan of the quantities."""
    if not figures_of:
        return []
    exact: dict[tuple[Any, Any], set[int]] = {}  # (low, high): the claims with that figure
    spans: dict[Any, list[tuple[float, float, int]]] = {}  # dimension: (from, to, claim)
    # Rows whose low is one of the figures', or in another unit's span: the figures
    # are told apart below. One IN list is cheaper for SQLite than a term a figure.
    lows: set[Any] = set()
    conditions: list[str] = []
    values: list[Any] = []
    for claim_id, figures in figures_of.items():
        for q in figures:
            lows.add(q.low)
            exact.setdefault((q.low, q.high), set()).add(claim_id)
            if q.si_low is not None:
                spread = abs(q.si_low) * FIGURE_TOLERANCE
                span = (q.si_low - spread, q.si_low + spread)
                dimension = _equal("quantities.dimension", q.dimension, values)
                values.extend(span)
                conditions.append(f"{dimension} AND quantities.si_low BETWEEN ? AND ?")
                spans.setdefault(q.dimension, []).append((*span, claim_id))
    conditions.insert(0, f"quantities.low IN ({', '.join('?' * len(lows))})")
    values[:0] = sorted(lows)
    rows = connection.exec_driver_sql(
        "SELECT quantities.claim_id, quantities.low, quantities.high, quantities.dimension,"
        " quantities.si_low FROM quantities CROSS JOIN claims ON claims.id = quantities.claim_id"
        f" WHERE claims.merged_into_id IS NULL AND ({' OR '.join(conditions)})",
        tuple(values),
    ).fetchall()
    pairs: list[tuple[int, int]] = []
    for candidate, low, high, dimension, si_low in rows:
        for claim_id in exact.get((low, high), ()):
            pairs.append((claim_id, candidate))
        if si_low is not None:
            for first, last, claim_id in spans.get(dimension, ()):
                if first <= si_low <= last:
                    pairs.append((claim_id, candidate))
    return pairs


def _text_candidates(
    connection: Connection, queries: dict[int, str | None], skip: set[int]
) -> list[tuple[int, int]]:
    """(claim, live claim naming every proper noun it names, or with a note that does):
    each claim's first MATCH_CANDIDATES in id order, read from the full-text indexes."""
    if not queries:
        return []
    excluded = ", ".join(str(int(claim_id)) for claim_id in sorted(skip)) or "NULL"
    live = f"claims.merged_into_id IS NULL AND claims.id NOT IN ({excluded})"
    parts: list[tuple[str, tuple[Any, ...]]] = []  # (SELECT, its values)
    for claim_id, query in queries.items():
        if query is None:  # no word to look for: any claim is a candidate
            parts.append(
                (
                    f"SELECT * FROM (SELECT {int(claim_id)}, claims.id FROM claims WHERE {live}"
                    f" ORDER BY claims.id LIMIT {MATCH_CANDIDATES})",
                    (),
                )
            )
            continue
        parts.append(
            (
                f"SELECT * FROM (SELECT {int(claim_id)}, claims.id FROM claims_fts CROSS JOIN"
                " claims ON claims.id = claims_fts.rowid WHERE claims_fts.claims_fts MATCH ?"
                f" AND {live} ORDER BY claims_fts.rowid LIMIT {MATCH_CANDIDATES})",
                (query,),
            )
        )
        parts.append(
            (
                f"SELECT {int(claim_id)}, notes.claim_id FROM notes CROSS JOIN claims"
                " ON claims.id = notes.claim_id WHERE notes.id IN (SELECT notes_fts.rowid"
                f" FROM notes_fts WHERE notes_fts.notes_fts MATCH ?) AND {live}",
                (query,),
            )
        )
    pairs: list[tuple[int, int]] = []
    for start in range(0, len(parts), _CANDIDATE_TERMS):  # SQLite: 500 terms a compound
        terms = parts[start : start + _CANDIDATE_TERMS]
        rows = connection.exec_driver_sql(
            " UNION ALL ".join(sql for sql, _ in terms),
            tuple(value for _, values in terms for value in values),
        ).fetchall()
        pairs.extend((claim_id, candidate) for claim_id, candidate in rows)
    return pairs


def _equal(column: str, value: Any, values: list[Any]) -> str:
    """`column = ?` (its value appended to `values`), or `column IS NULL` for None."""
    if value is None:
        return f"{column} IS NULL"
    values.append(value)
    return f"{column} = ?"


def _candidate_condition(
    text: str, figures: Sequence[Figure], dialect: str
) -> ColumnElement[bool] | None:
    """Shares a figure with the claim (or the same figure in another unit), or every proper noun."""
    conditions: list[ColumnElement[bool]] = []
    for q in figures:
        if q.low is None:
            continue
        same = [Quantity.low == q.low, Quantity.high == q.high]
        if q.si_low is not None:  # or the same figure in another unit ("5 miles", "8 km")
            spread = abs(q.si_low) * FIGURE_TOLERANCE
            converted = Quantity.si_low.between(q.si_low - spread, q.si_low + spread)
            same = [or_(and_(*same), and_(Quantity.dimension == q.dimension, converted))]
        conditions.append(Claim.id.in_(select(Quantity.claim_id).where(*same)))
    nouns = proper_nouns(text)
    if len(nouns) >= 2:
        conditions.append(matches(" ".join(sorted(nouns)), dialect))
    return or_(*conditions) if conditions else None


class _Figure(NamedTuple):  # a NamedTuple: hundreds are read per article
    low: float | None
    high: float | None
    dimension: str | None
    si_low: float | None
    si_high: float | None


def _texts_and_figures(
    connection: Connection, ids: set[int]
) -> dict[int, tuple[str, list[_Figure]]]:
    """Claims' texts with their figures."""
    figures = _figures(connection, ids)
    return {i: (text, figures.get(i, [])) for i, text in _texts(connection, ids).items()}


def _texts(connection: Connection, ids: set[int]) -> dict[int, str]:
    """The claims' texts, in one query."""
    if not ids:
        return {}
    wanted = sorted(ids)
    if connection.dialect.name == "sqlite":  # hundreds of rows an article: read raw, at once
        listed = ", ".join(str(int(i)) for i in wanted)
        rows: Sequence[Any] = connection.exec_driver_sql(
            f"SELECT id, text FROM claims WHERE id IN ({listed})"
        ).fetchall()
    else:
        rows = connection.execute(
            select(claims.c.id, claims.c.text).where(claims.c.id.in_(wanted))
        ).all()
    return dict(rows)


def _figures(connection: Connection, ids: set[int]) -> dict[int, list[_Figure]]:
    """The claims' figures (those with any), in the order stored, in one query."""
    if not ids:
        return {}
    wanted = sorted(ids)
    if connection.dialect.name == "sqlite":
        listed = ", ".join(str(int(i)) for i in wanted)
        rows: Sequence[Any] = connection.exec_driver_sql(
            "SELECT claim_id, low, high, dimension, si_low, si_high FROM quantities"
            f" WHERE claim_id IN ({listed}) ORDER BY claim_id, id"
        ).fetchall()
    else:
        rows = connection.execute(
            select(
                quantities.c.claim_id,
                quantities.c.low,
                quantities.c.high,
                quantities.c.dimension,
                quantities.c.si_low,
                quantities.c.si_high,
            )
            .where(quantities.c.claim_id.in_(wanted))
            .order_by(quantities.c.claim_id, quantities.c.id)
        ).all()
    figures: dict[int, list[_Figure]] = {}
    for claim_id, low, high, dimension, si_low, si_high in rows:
        figures.setdefault(claim_id, []).append(_Figure(low, high, dimension, si_low, si_high))
    return figures


def claims_in_documents_of(connection: Connection, claim_ids: Iterable[int]) -> set[int]:
    """Every claim appearing in a document where one of `claim_ids` appears."""
    ids = sorted(set(claim_ids))
    if not ids:
        return set()
    documents = select(appearances.c.document_id).where(appearances.c.claim_id.in_(ids))
    return set(
        connection.scalars(
            select(appearances.c.claim_id)
            .where(appearances.c.document_id.in_(documents))
            .distinct()
        )
    )
