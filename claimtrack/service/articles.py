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
- near-duplicates of the new claims (`suggest_near_duplicates`): on SQLite two
  queries for every claim's candidates by figure (the same figure, the same
  converted value) and one or two by name, with the candidates' texts (and one
  asking whether any claim has a note), one for the texts of candidates found
  by figure alone, one for the figures of those a shared figure would decide
  and one executemany INSERT of the pairs (read back only if some were held
  already); on PostgreSQL one query for the candidates, one for their texts,
  one for the figures, one INSERT;
- the audit trail: one INSERT of every event, in the order the events were
  written one at a time (create, its follow-ups, its suggestions; claim by claim).

Claims of the same document are never suggested as matches of each other: a
page's own lines (a headline and its body, a site's boilerplate) are one
reviewer's read, not a duplicate to decide. "Of the same document" is any
claim appearing in it, a repeat of one stored before included.

On SQLite the statements whose shape changes with the article (the multi-row
INSERTs) are written as text: compiling them through SQLAlchemy for every
article cost several times the extraction. The reads are fixed statements
taking their keys as one JSON array (`json_each`), which SQLite prepares once
per connection: a statement whose text changed with the number of keys was
prepared anew for every article.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import Connection, and_, case, literal, or_, select, union_all, update
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
    similarities,
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
from claimtrack.search import WORD, fts_query, matches, starts_a_token
from claimtrack.service import (
    MATCH_CANDIDATES,
    _require_text,
    choice,
    date_values,
    event_row,
    quantity_values,
)
from claimtrack.service.deadlines import deadline_checks, is_deadline_followup
from claimtrack.service.driver import insert_many, insert_returning

__all__ = [
    "Occurrence",
    "Prepared",
    "StoredClaims",
    "prepare",
    "store_article_claims",
    "suggest_matches_of",
    "suggest_near_duplicates",
]

# Terms of one compound candidate query (PostgreSQL's; SQLite reads per article instead).
_CANDIDATE_TERMS = 400

claims = Claim.__table__
quantities = Quantity.__table__
date_refs = DateRef.__table__
appearances = Appearance.__table__
followups = FollowUp.__table__
events = Event.__table__
suggested_matches = SuggestedMatch.__table__


@dataclass(frozen=True, slots=True)
class Prepared:
    """What storing a found claim needs that the claim alone decides (`prepare`)."""

    text: str  # as stored: its whitespace collapsed
    normalized: str  # the key one claim is told by (`normalise_claim_text`)
    values: dict[str, Any] | None  # its claims row but version and times; None: refused
    quantities: list[dict[str, Any]]  # its quantities' rows, but for the claim id
    dates: list[dict[str, Any]]
    deadlines: list[tuple[dt.date, str]]  # `deadline_checks` of its own text


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One sentence of an article to store, in reading order.

    `found` is the claim extracted there: stored, or an appearance of the claim
    with its text. `restates` instead names the earlier occurrence (a body
    claim) that this headline or bullet restates: only an appearance of it.
    `prepared`: what `prepare` worked out for `found` ahead of the writer, if it ran.
    """

    sentence: str
    start: int
    end: int
    found: ExtractedClaim | None = None
    restates: int | None = None
    prepared: Prepared | None = None


def prepare(occurrences: Iterable[Occurrence]) -> list[Occurrence]:
    """The occurrences with what storing their claims needs worked out (`Prepared`).

    The import's worker processes run it (`cli_import`), so the one writer does
    not. What the writer refuses (a claim without text; as a new claim, one
    scored outside 0..1 or of an unknown kind) it still refuses, where it did.
    """
    done = []
    for o in occurrences:
        if o.found is not None and o.prepared is None:
            with suppress(InvalidInput):
                # Built, not `replace`d: replace reads the fields anew for every occurrence.
                o = Occurrence(o.sentence, o.start, o.end, o.found, o.restates, _prepare(o.found))
        done.append(o)
    return done


def _prepared(occurrence: Occurrence) -> Prepared:
    """The occurrence's `Prepared` (worked out now if no worker did)."""
    if occurrence.prepared is not None:
        return occurrence.prepared
    assert occurrence.found is not None
    return _prepare(occurrence.found)


def _prepare(found: ExtractedClaim) -> Prepared:
    text = _require_text(found.text, "claim text")
    normalized = normalise_claim_text(text)
    try:
        values: dict[str, Any] | None = _claim_values(text, found, normalized)
    except InvalidInput:
        values = None  # refused when stored as a new claim (`_insert_claims`)
    return Prepared(
        text,
        normalized,
        values,
        [quantity_values(q) for q in found.quantities],
        [date_values(d) for d in found.dates],
        deadline_checks(text, found.dates),
    )


def _claim_values(
    text: str, found: ExtractedClaim, normalized: str | None = None
) -> dict[str, Any]:
    """A new claim's row (but version and times), or InvalidInput (`normalized`: the
    text's key, if worked out already)."""
    if not 0.0 <= found.score <= 1.0:
        raise InvalidInput(f"score {found.score} is outside 0..1")
    speaker = found.speaker
    return {
        "text": text,
        "normalized": normalise_claim_text(text) if normalized is None else normalized,
        "kind": _choice_value(Kind, found.kind),
        "score": found.score,
        "speaker": speaker.name if speaker else None,
        "speaker_role": speaker.role if speaker else None,
        "speaker_type": _choice_value(SpeakerType, speaker.kind)
        if speaker and speaker.kind
        else None,
        "status": Status.NEW.value,
        "external_id": None,
    }


@cache  # a few kinds, thousands of claims
def _choice_value(enum: type[Enum], value: str) -> Any:
    """`choice(enum, value).value`: a refused value raises each time (never cached)."""
    return choice(enum, value).value


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
    prepared: Prepared
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
    occurrences = prepare(occurrences)  # as a worker does; at once if none did
    texts = {_prepared(o).normalized for o in occurrences if o.found is not None}
    # Only a claim seen with a resolved deadline may gain a follow-up: only theirs are read.
    dated = {
        _prepared(o).normalized
        for o in occurrences
        if o.found is not None and any(d.role == "deadline" and d.date for d in o.found.dates)
    }
    known = _known_claims(connection, texts, dated)
    plan = _plan(occurrences, known)
    taken = _insert_claims(connection, plan.new, plan.steps)
    if taken:  # another importer stored these texts a moment ago: theirs they are
        known.update(_known_claims(connection, taken, dated))
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
    insert_many(connection, events, _events(actor, plan, followup_ids, versions, suggestions, now))
    _forget_known(session, plan)
    result.claims = len(plan.new)
    result.appearances = plan.repeat_appearances
    result.followups = len(followup_ids)
    result.suggested = sum(len(found) for found in suggestions.values())
    result.new_claims = [n.id for n in plan.new]
    result.in_trash = sorted({s.known.id for s in plan.slots if s.known and s.known.in_trash})
    return result


# ---------------------------------------------------------------- reading the article


def _known_claims(
    connection: Connection, texts: Iterable[str], dated: set[str] | None = None
) -> dict[str, _Known]:
    """The live claim holding each text (the lowest id, as `service.same_claim`), with its
    deadline follow-ups if its text is one of `dated` (None: every text)."""
    wanted = sorted(set(texts))
    if not wanted:
        return {}
    sqlite = connection.dialect.name == "sqlite"  # there, raw: compiling cost more than running
    if sqlite:
        # A fixed statement (the texts one JSON array), prepared once per connection.
        rows: Sequence[Any] = connection.exec_driver_sql(
            "SELECT id, normalized, text, version, deleted_at IS NOT NULL FROM claims"
            " WHERE normalized IN (SELECT value FROM json_each(?))"
            # `+`: not by the index of merged claims, which walks every live claim in id
            # order (no sort to do) and cost 3 ms an article at 8,000 claims, growing
            " AND +merged_into_id IS NULL ORDER BY id",
            (_json(wanted),),
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
    if dated is None:
        dated = set(known)
    if dated & known.keys():
        by_id = {k.id: k for normalized, k in known.items() if normalized in dated}
        ids = sorted(by_id)
        if sqlite:
            scheduled: Sequence[Any] = connection.exec_driver_sql(
                "SELECT claim_id, due, text FROM followups"
                " WHERE claim_id IN (SELECT value FROM json_each(?))",
                (_json_ids(ids),),
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
        prepared = _prepared(occurrence)
        normalized = prepared.normalized
        slot = by_text.get(normalized)  # type: ignore[assignment]
        if slot is None:
            holder = known.get(normalized)
            if holder is not None:
                slot = _Slot(holder.text, None, holder, set(holder.deadline_dues))
            else:
                claim_id = (inserted or {}).get(normalized, 0)
                new = _NewClaim(prepared.text, normalized, found, prepared, claim_id)
                slot = _Slot(prepared.text, new, None, set())
                plan.new.append(new)
                by_text[normalized] = slot
                plan.slots.append(slot)
                slot_of[number] = slot
                _place(plan, placed, slot, occurrence)
                plan.steps.append(("create", slot, _deadlines(slot, found.dates, prepared)))
                continue
            by_text[normalized] = slot
            plan.slots.append(slot)
        slot_of[number] = slot
        if _place(plan, placed, slot, occurrence):
            plan.repeat_appearances += 1
            # An earlier, undated appearance could not resolve the deadlines this one sets.
            added = _deadlines(slot, found.dates, prepared)
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


def _deadlines(
    slot: _Slot, dates: Iterable[DateMention], prepared: Prepared
) -> list[tuple[dt.date, str]]:
    """The deadline follow-ups `dates` give the claim that it has not got (as
    `service.add_deadline_followups` words and orders them)."""
    # Worded from the claim's text: the one prepared, unless a stored claim words it.
    checks = prepared.deadlines if slot.text == prepared.text else deadline_checks(slot.text, dates)
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
        values = claim.prepared.values
        if values is None:  # refused: say why
            values = _claim_values(claim.text, claim.found)
        version = versions.get(id(claim), 1)
        rows.append({**values, "created_at": now, "updated_at": now, "version": version})
    returned = insert_returning(
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
    figures = [{"claim_id": claim.id, **q} for claim in plan.new for q in claim.prepared.quantities]
    dates = [{"claim_id": claim.id, **d} for claim in plan.new for d in claim.prepared.dates]
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
        insert_many(connection, table, rows)


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
    returned = insert_returning(connection, followups, rows, ["id", "claim_id", "due"])
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
            kind = _choice_value(Kind, slot.new.found.kind)  # type: ignore[union-attr]
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
    claims of the same document). A query or two find them for every claim (on
    SQLite, with their texts), one more reads the texts not read yet, one the
    figures of those whose score a shared figure decides; the pairs not stored
    yet are stored (another importer may have stored a pair: the unique pair
    decides).
    """
    skip = set(excluding) | {claim_id for claim_id, _, _ in new}
    texts: dict[int, str] = {}  # the candidates' texts, where the candidate query read them
    found = _candidates(connection, new, skip, texts)
    if not found:
        return {}
    wanted = {c for ids in found.values() for c in ids}
    texts.update(_texts(connection, wanted - texts.keys()))
    lowered: dict[int, str] = {}  # each candidate's text lower-cased once, not once a pair
    # Whether two claims share a figure matters only to a score between the two
    # thresholds: only those candidates' figures are read.
    sure, never = sorted((match_threshold(True), match_threshold(False)), reverse=True)
    scored: list[tuple[int, int, float, list[Figure] | None]] = []  # None: suggested
    undecided: set[int] = set()
    for claim_id, text, figures in new:
        mine = [q for q in figures if q.low is not None]
        others = found.get(claim_id, [])
        if not others:
            continue
        choices = [
            lowered.get(other) or lowered.setdefault(other, texts[other].lower())
            for other in others
        ]
        # Below `never` no candidate is suggested, whatever it shares: not scored further.
        for index, score in similarities(text, choices, never):
            other = others[index]
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
    now = utcnow()
    rows = [
        {
            "claim_id": min(claim_id, other),
            "candidate_id": max(claim_id, other),
            "similarity": score,
            "state": "suggested",
            "created_at": now,
        }
        for claim_id, other, score in pairs
    ]
    stored = _insert_pairs(connection, rows)
    result: dict[int, list[tuple[int, float]]] = {}
    for claim_id, other, score in pairs:
        if (min(claim_id, other), max(claim_id, other)) in stored:
            result.setdefault(claim_id, []).append((other, score))
    return result


def _insert_pairs(connection: Connection, rows: list[dict[str, Any]]) -> set[tuple[int, int]]:
    """Store the suggested pairs not stored yet (the unique pair decides); those stored.

    On SQLite the pairs go in one executemany: a multi-row INSERT … RETURNING of
    hundreds of pairs an article cost more to build, bind and read back than to
    run. A pair held already is skipped by the unique pair; only then, when
    fewer rows went in than were sent, are those this call stored read back:
    the newest rows, as SQLite numbers rows in the order they go in and the
    write transaction holds the database. The import's pairs are of claims it
    has just created, so that read is rare.
    """
    if not rows:
        return set()
    if connection.dialect.name != "sqlite":
        returned = insert_returning(
            connection,
            suggested_matches,
            rows,
            ["claim_id", "candidate_id"],
            unique=["claim_id", "candidate_id"],
        )
        return {(low, high) for low, high in returned}
    sent = {(row["claim_id"], row["candidate_id"]) for row in rows}
    done = insert_many(connection, suggested_matches, rows, unique=["claim_id", "candidate_id"])
    if done == len(rows):
        return sent
    mine = connection.exec_driver_sql(
        f"SELECT claim_id, candidate_id FROM suggested_matches ORDER BY id DESC LIMIT {int(done)}"
    )
    return sent & {(claim_id, candidate_id) for claim_id, candidate_id in mine}


def suggest_matches_of(
    session: Session, actor: str, claim_ids: Sequence[int], *, excluding: Iterable[int] = ()
) -> int:
    """Suggest near-duplicates of stored claims (never claims of their own documents,
    nor `excluding`), audited; returns how many were suggested.

    The importer runs it again once an article is committed, for what other
    importers committed meanwhile (`importers.articles`, `cli_import`).
    """
    session.flush()
    connection = session.connection()
    ids = sorted(set(claim_ids))
    details = _texts_and_figures(connection, set(ids))
    versions: dict[int, int] = {
        claim_id: version
        for claim_id, version in connection.execute(
            select(claims.c.id, claims.c.version).where(claims.c.id.in_(ids))
        )
    }
    own = [(claim_id, *details[claim_id]) for claim_id in claim_ids if claim_id in details]
    skip = claims_in_documents_of(connection, ids) | set(excluding)
    found = suggest_near_duplicates(connection, own, excluding=skip)
    now = utcnow()
    trail = [
        _event(actor, claim_id, versions[claim_id], "match.suggest", _suggested(other, score), now)
        for claim_id, _, _ in own
        for other, score in found.get(claim_id, [])
    ]
    insert_many(connection, events, trail)
    return len(trail)


def _suggested(candidate: int, score: float) -> dict[str, Any]:
    return {"candidate": candidate, "similarity": round(score, 1)}


def _candidates(
    connection: Connection,
    new: Sequence[tuple[int, str, Sequence[Figure]]],
    skip: set[int],
    texts: dict[int, str] | None = None,
) -> dict[int, list[int]]:
    """Each new claim's candidates, in the order the database gives them (`texts`
    gains the texts of candidates the queries read them with)."""
    if connection.dialect.name == "sqlite":
        return _sqlite_candidates(connection, new, skip, {} if texts is None else texts)
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
    connection: Connection,
    new: Sequence[tuple[int, str, Sequence[Figure]]],
    skip: set[int],
    texts: dict[int, str],
) -> dict[int, list[int]]:
    """`_candidates` on SQLite: the same candidates, found per article rather than per claim.

    A claim's candidates are the MATCH_CANDIDATES lowest ids of the live claims
    sharing one of its figures or naming its proper nouns. Each of those lowest
    ids is among the MATCH_CANDIDATES lowest of the one figure or lookup that
    found it, so each figure and each lookup reads no more than that, in id
    order, from an index: the cost of a claim stays flat as the database grows,
    however many claims hold its figure. Every lookup reads each candidate's row
    anyway: its text comes with it (`texts`).
    """
    figures_of: dict[int, list[Figure]] = {}
    queries: dict[int, str] = {}  # each claim's proper nouns, as `matches` takes them
    for claim_id, text, figures in new:
        mine = [q for q in figures if q.low is not None]
        if mine:
            figures_of[claim_id] = mine
        nouns = proper_nouns(text)
        if len(nouns) >= 2:
            queries[claim_id] = " ".join(sorted(nouns))
    sets: dict[int, set[int]] = {}
    for claim_id, candidate, text in _figure_candidates(connection, figures_of, skip):
        sets.setdefault(claim_id, set()).add(candidate)
        texts[candidate] = text
    for claim_id, candidate, text in _text_candidates(connection, queries, skip):
        sets.setdefault(claim_id, set()).add(candidate)
        texts[candidate] = text
    found: dict[int, list[int]] = {}
    for claim_id, _, _ in new:  # in the order of `new`, as PostgreSQL's compound query gives them
        ids = sorted(sets.get(claim_id, set()))[:MATCH_CANDIDATES]
        if ids:
            found[claim_id] = ids
    return found


def _figure_candidates(
    connection: Connection, figures_of: dict[int, list[Figure]], skip: set[int]
) -> list[tuple[int, int, str]]:
    """(claim, live claim holding the same figure, or the same figure in another unit,
    its text): for each figure of the claims, the MATCH_CANDIDATES lowest ids holding it.

    Two fixed statements: one looks up each distinct figure, walking the figure
    index in claim order (migration 0013), the other each converted value's span
    in its dimension (migration 0012).
    """
    asking: dict[tuple[Any, ...], set[int]] = {}  # a term's key: the claims it is for
    for claim_id, figures in figures_of.items():
        for q in figures:
            if not all(math.isfinite(v) for v in (q.low, q.high, q.si_low) if v is not None):
                continue  # JSON has no infinity; no claim shares one worth suggesting
            asking.setdefault(("same", q.low, q.high), set()).add(claim_id)
            if q.si_low is not None:
                spread = abs(q.si_low) * FIGURE_TOLERANCE
                span = ("span", q.dimension, q.si_low - spread, q.si_low + spread)
                asking.setdefault(span, set()).add(claim_id)
    skipped = _json_ids(skip)
    same = [key for key in asking if key[0] == "same"]
    spans = [key for key in asking if key[0] == "span"]
    found: list[tuple[set[int], int, str]] = []
    for sql, keys in ((_SAME_FIGURE, same), (_SAME_SPAN, spans)):
        if keys:
            values = _json([list(key[1:]) for key in keys])
            rows = connection.exec_driver_sql(sql, (values, skipped, MATCH_CANDIDATES)).fetchall()
            found.extend((asking[keys[index]], candidate, text) for index, candidate, text in rows)
    return [
        (claim_id, candidate, text) for claimed, candidate, text in found for claim_id in claimed
    ]


# The candidate lookups are fixed statements, whatever the article: SQLite prepares
# each once per connection (a statement whose text changed with the number of
# figures was prepared anew for every article, which cost more than running it).
# The keys come as one JSON array (`json_each`), and each key's lookup is a
# correlated subquery reading at most MATCH_CANDIDATES (?3) ids from an index.
_LIVE = "claims.merged_into_id IS NULL AND claims.id NOT IN (SELECT value FROM json_each(?2))"


def _by_figure(condition: str) -> str:
    """The fixed lookup of each key's first ?3 live claims whose figure meets `condition`,
    with their texts (read with the row: no second query for them)."""
    return (
        "SELECT k.key, c.id, c.text FROM json_each(?1) AS k CROSS JOIN claims AS c WHERE c.id IN"
        " (SELECT DISTINCT quantities.claim_id FROM quantities"
        " CROSS JOIN claims ON claims.id = quantities.claim_id"
        f" WHERE {condition} AND {_LIVE} ORDER BY quantities.claim_id LIMIT ?3)"
    )


_SAME_FIGURE = _by_figure(
    "quantities.low = json_extract(k.value, '$[0]')"
    " AND quantities.high IS json_extract(k.value, '$[1]')"
)
_SAME_SPAN = _by_figure(
    "quantities.dimension IS json_extract(k.value, '$[0]')"
    " AND quantities.si_low BETWEEN json_extract(k.value, '$[1]') AND json_extract(k.value, '$[2]')"
)


def _json_ids(ids: Iterable[int]) -> str:
    """Ids as one JSON array, for a fixed statement's `json_each`."""
    return _json(sorted(int(i) for i in ids))


def _json(values: Any) -> str:
    """Keys as one JSON parameter; text as is, not as \\u escapes (no surrogate pairs
    for SQLite to read back). Floats survive: Python writes the shortest exact repr."""
    return json.dumps(values, ensure_ascii=False)


# Rows a full-text lookup reads when it leaves one-letter terms to Python (`_text_candidates`).
_SHORT_TERM_ROWS = 2 * MATCH_CANDIDATES


def _text_candidates(
    connection: Connection, queries: dict[int, str], skip: set[int]
) -> list[tuple[int, int, str]]:
    """(claim, live claim naming every proper noun it names, or with a note that does,
    its text): each claim's first MATCH_CANDIDATES in id order, read from the
    full-text indexes.

    A one-letter prefix ("Ukraine's" is "ukraine"* "s"*) makes FTS5 merge the
    lists of every word it begins: 0.7 ms a claim, most of the search. Such a
    term is left out of the lookup, which reads a few more rows, and checked on
    them in Python (`search.starts_a_token`); a claim whose rows cannot tell is
    looked up again with every term, as are the notes.
    """
    if not queries:
        return []
    skipped = _json_ids(skip)
    # Only when some claim has a note: each lookup of the empty index cost 40 µs.
    noted = connection.exec_driver_sql("SELECT EXISTS (SELECT 1 FROM notes)").scalar()
    shorts: dict[int, list[str]] = {}  # a claim's one-letter terms, checked in Python
    anyone: list[int] = []  # claims with no word to look for: any claim is a candidate
    names: list[tuple[int, str | None]] = []  # (claim, full-text query)
    without_short: list[tuple[int, str | None]] = []  # the same, one-letter terms left out
    notes: list[tuple[int, str | None]] = []
    for claim_id, nouns in queries.items():
        query = fts_query(nouns)
        if query is None:
            anyone.append(claim_id)
            continue
        words = WORD.findall(nouns)
        short = sorted({w for w in words if len(w) == 1 and w.isascii() and w.isalnum()})
        long = [w for w in words if w not in short]
        if short and long:
            shorts[claim_id] = short
            without_short.append((claim_id, fts_query(" ".join(long))))
        else:
            names.append((claim_id, query))
        if noted:
            notes.append((claim_id, query))
    rows = _by_name(connection, names, skipped, MATCH_CANDIDATES)
    rows += _by_name(connection, without_short, skipped, _SHORT_TERM_ROWS)
    if notes:
        rows += connection.exec_driver_sql(_NOTES, (_json(notes), skipped)).fetchall()
    if anyone:
        first = connection.exec_driver_sql(_ANY_CLAIM, (skipped, MATCH_CANDIDATES)).fetchall()
        rows.extend((claim_id, *row, 0) for claim_id in anyone for row in first)
    pairs: list[tuple[int, int, str]] = []
    read: dict[int, list[tuple[int, str, str | None]]] = {}  # to check: claims' own rows
    for claim_id, candidate, text, speaker, by_note in rows:
        if claim_id in shorts and not by_note:
            read.setdefault(claim_id, []).append((candidate, text, speaker))
        else:
            pairs.append((claim_id, candidate, text))
    again: list[tuple[int, str | None]] = []
    for claim_id, short in shorts.items():
        kept = _with_every_term(read.get(claim_id, []), short)
        if kept is None:
            again.append((claim_id, fts_query(queries[claim_id])))
        else:
            pairs.extend((claim_id, candidate, text) for candidate, text in kept)
    found = _by_name(connection, again, skipped, MATCH_CANDIDATES)
    pairs.extend((c, candidate, text) for c, candidate, text, _, _ in found)
    return pairs


def _by_name(
    connection: Connection, keys: list[tuple[int, str | None]], skipped: str, limit: int
) -> list[Any]:
    """(claim, candidate, its text, its speaker, 0): each claim's first `limit` live
    claims matching its full-text query, in one fixed statement."""
    if not keys:
        return []
    return list(connection.exec_driver_sql(_FTS, (_json(keys), skipped, limit)).fetchall())


# A claim's first ?3 candidates by full text, in a fixed statement (`_SAME_FIGURE`):
# the keys are [claim, query] pairs.
_FTS = (
    "SELECT json_extract(k.value, '$[0]'), c.id, c.text, c.speaker, 0"
    " FROM json_each(?1) AS k CROSS JOIN claims AS c WHERE c.id IN"
    " (SELECT claims_fts.rowid FROM claims_fts CROSS JOIN claims ON claims.id = claims_fts.rowid"
    " WHERE claims_fts.claims_fts MATCH json_extract(k.value, '$[1]')"
    f" AND {_LIVE} ORDER BY claims_fts.rowid LIMIT ?3)"
)
_NOTES = (
    "SELECT json_extract(k.value, '$[0]'), notes.claim_id, claims.text, claims.speaker, 1"
    " FROM json_each(?1) AS k CROSS JOIN notes CROSS JOIN claims ON claims.id = notes.claim_id"
    " WHERE notes.id IN (SELECT notes_fts.rowid FROM notes_fts"
    " WHERE notes_fts.notes_fts MATCH json_extract(k.value, '$[1]'))"
    f" AND {_LIVE}"
)
_ANY_CLAIM = (
    "SELECT claims.id, claims.text, claims.speaker FROM claims"
    f" WHERE {_LIVE.replace('?2', '?1')} ORDER BY claims.id LIMIT ?2"
)


def _with_every_term(
    rows: list[tuple[int, str, str | None]], short: list[str]
) -> list[tuple[int, str]] | None:
    """The first MATCH_CANDIDATES of `rows` (the lookup without the one-letter terms)
    holding every one of `short`; None when the rows cannot tell (too few read, or a
    row undecided)."""
    kept: list[tuple[int, str]] = []
    for candidate, text, speaker in sorted(rows):
        found = [starts_a_token((text, speaker), letter) for letter in short]
        if None in found:
            return None
        if all(found):
            kept.append((candidate, text))
            if len(kept) == MATCH_CANDIDATES:
                return kept
    return kept if len(rows) < _SHORT_TERM_ROWS else None


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
    if connection.dialect.name == "sqlite":  # hundreds of rows an article: read raw, at once
        rows: Sequence[Any] = connection.exec_driver_sql(
            "SELECT id, text FROM claims WHERE id IN (SELECT value FROM json_each(?))",
            (_json_ids(ids),),
        ).fetchall()
    else:
        rows = connection.execute(
            select(claims.c.id, claims.c.text).where(claims.c.id.in_(sorted(ids)))
        ).all()
    return dict(rows)


def _figures(connection: Connection, ids: set[int]) -> dict[int, list[_Figure]]:
    """The claims' figures (those with any), in the order stored, in one query."""
    if not ids:
        return {}
    if connection.dialect.name == "sqlite":
        rows: Sequence[Any] = connection.exec_driver_sql(
            "SELECT claim_id, low, high, dimension, si_low, si_high FROM quantities"
            " WHERE claim_id IN (SELECT value FROM json_each(?)) ORDER BY claim_id, id",
            (_json_ids(ids),),
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
            .where(quantities.c.claim_id.in_(sorted(ids)))
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
