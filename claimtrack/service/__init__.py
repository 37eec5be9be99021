"""The service layer: the only code that writes.

Every function takes the open write session (from `Database.transaction()`)
and the acting reviewer, changes the model, and records an `Event`. Callers
that loaded a claim pass `expected_version`; if the claim moved on since, a
`Conflict` names what changed and nothing is written. The CLI, the TUI and
the importers all call these same functions, so a change leaves the same
audit trail whichever door it came through.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from enum import Enum
from typing import Any, Literal, ParamSpec, TypeVar
from urllib.parse import urlparse

from sqlalchemy import func, select
from sqlalchemy import text as sql_text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from claimtrack import limits
from claimtrack.errors import Conflict, InvalidInput, NotFound, WorkflowError
from claimtrack.extract import extract_claims, normalise_claim_text
from claimtrack.extract.types import DateMention
from claimtrack.extract.types import Quantity as QuantityValue
from claimtrack.history import describe_change
from claimtrack.models import (
    UNIQUE_TEXT_AMONG,
    Appearance,
    Claim,
    DateRef,
    Document,
    Event,
    FollowUp,
    Note,
    Quantity,
    Setting,
    Source,
    SuggestedMatch,
    Tag,
    utcnow,
)
from claimtrack.queries import fetch, get_claim
from claimtrack.retry import ConcurrentWrite
from claimtrack.scale import (
    Kind,
    Outcome,
    Reliability,
    SpeakerType,
    Stance,
    Status,
    Verdict,
    can_transition,
    is_rated,
    transition_path,
)
from claimtrack.schedule import next_occurrence, parse_recurrence
from claimtrack.serialise import followup_record, note_record, source_record, verdict_record
from claimtrack.service.driver import insert_many, insert_returning
from claimtrack.service.once import insert_once
from claimtrack.team import Action, require

SECOND_REVIEWER = "require_second_reviewer"
# The team settings there are, each with what reading it shows while unset
# (None: nothing). `setting` and `set_setting` refuse any other key.
SETTINGS: dict[str, str | None] = {
    SECOND_REVIEWER: "false",  # "true": whoever proposed the verdict cannot conclude
    "organisation": None,  # the author of ClaimReview: required to publish, no default
    "site_url": None,  # the url of ClaimReview reports
}


# The batch the events being written belong to, and the event they undo: set
# by `batch()` and by `undo`, read by `_record` (and by bulk's set-based insert).
_BATCH: ContextVar[str | None] = ContextVar("claimtrack_event_batch", default=None)
_UNDOES: ContextVar[int | None] = ContextVar("claimtrack_event_undoes", default=None)
P = ParamSpec("P")
R = TypeVar("R")


@contextmanager
def batch() -> Iterator[str]:
    """Group the events written inside into one batch, undone together; nested calls join it."""
    current = _BATCH.get()
    if current is not None:
        yield current
        return
    name = uuid.uuid4().hex
    token = _BATCH.set(name)
    try:
        yield name
    finally:
        _BATCH.reset(token)


def batched(function: Callable[P, R]) -> Callable[P, R]:
    """A service function whose events (a verdict and the status move it makes) are one batch."""

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with batch():
            return function(*args, **kwargs)

    return wrapper


@contextmanager
def undoing(event_id: int) -> Iterator[None]:
    """Mark the events written inside as the undoing of `event_id` (service.undo uses it)."""
    token = _UNDOES.set(event_id)
    try:
        yield
    finally:
        _UNDOES.reset(token)


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a claim appears: a document and the sentence's offsets in it."""

    document_id: int
    sentence: str
    start: int
    end: int


# ---------------------------------------------------------------- helpers


def last_event_id(session: Session) -> int:
    """The newest audit event's id (0 with none): what a caller compares to see what it wrote."""
    return session.scalar(select(func.max(Event.id))) or 0


# Changes that add to a claim without touching its own fields. They move its
# version (so they show in its history) but never make a stale caller conflict:
# a note saved a moment ago does not invalidate the status a reviewer read.
UNRELATED_TO_FIELDS = frozenset(
    {"note", "source.add", "followup.add", "tag", "match.suggest", "document.add"}
)


def check_version(session: Session, claim: Claim, expected: int | None) -> None:
    """Refuse (Conflict) a change to `claim` if it moved on since version `expected`.

    On PostgreSQL it first locks the claim's row and rereads it, so writers of
    one claim queue (as SQLite's BEGIN IMMEDIATE makes them) and a writer who
    named no version never fails on a change saved a moment before.
    """
    lock_claim(session, claim)
    if expected is None or claim.version == expected:
        return
    later = session.scalars(
        select(Event)
        .where(Event.claim_id == claim.id, Event.claim_version > expected)
        .order_by(Event.id)
    ).all()
    if expected < claim.version and all(e.action in UNRELATED_TO_FIELDS for e in later):
        return  # only additions since: the fields the caller saw are still the claim's
    raise Conflict(claim.id, expected, claim.version, [describe_change(e) for e in later])


def lock_claim(session: Session, claim: Claim) -> None:
    """Lock `claim`'s row for this transaction and reload it (PostgreSQL; once per session).

    FOR NO KEY UPDATE: notes, sources and follow-ups inserted meanwhile (which
    take a key-share lock through their foreign key) do not wait for it.
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    locked: set[int] = session.info.setdefault("claimtrack_locked_claims", set())
    if claim.id in locked:
        return
    session.refresh(claim, with_for_update={"key_share": True})
    locked.add(claim.id)


def _record(
    session: Session,
    claim: Claim | None,
    actor: str,
    action: str,
    old: Any = None,
    new: Any = None,
    *,
    document_id: int | None = None,
    bump: bool = True,
) -> Event:
    """Bump the claim's version (any change to it is a change) and append an Event."""
    if claim is not None and bump:
        # Read these before the flush: after a failed flush the session is unusable.
        claim_id, loaded_version = claim.id, claim.version
        claim.updated_at = utcnow()
        try:
            session.flush()
        except StaleDataError:
            # Another writer committed between our read and our write (a race the
            # version check cannot see; on SQLite, BEGIN IMMEDIATE rules it out, on
            # PostgreSQL lock_claim). Run again, the work reads the new version.
            raise ConcurrentWrite(claim_id, loaded_version) from None
    event = Event(
        **event_row(
            actor,
            action,
            claim_id=claim.id if claim else None,
            claim_version=claim.version if claim else None,
            document_id=document_id,
            old=old,
            new=new,
        )
    )
    session.add(event)
    session.flush()
    return event


def event_row(
    actor: str,
    action: str,
    *,
    claim_id: int | None = None,
    claim_version: int | None = None,
    document_id: int | None = None,
    old: Any = None,
    new: Any = None,
    at: dt.datetime | None = None,
) -> dict[str, Any]:
    """One audit event's columns: what `_record` stores, and set-based writers insert."""
    return {
        "claim_id": claim_id,
        "document_id": document_id,
        "actor": actor,
        "action": action,
        "old": old,
        "new": new,
        "claim_version": claim_version,
        "undoes_id": _UNDOES.get(),  # set by `undoing` while service.undo runs
        "batch": _BATCH.get(),
        "at": at or utcnow(),
    }


def choice(enum: Any, value: str | Any) -> Any:
    """The member of `enum` a user's value names, or InvalidInput listing the choices."""
    from claimtrack.scale import parse_choice

    try:
        return parse_choice(enum, str(value))
    except ValueError as error:
        raise InvalidInput(str(error)) from None


def _require_text(value: str | None, what: str) -> str:
    text = " ".join((value or "").split())
    if not text:
        raise InvalidInput(f"{what} must not be empty")
    return text


def check_url(url: str) -> str:
    url = url.strip()
    parsed = urlparse(url)
    # Only web links: a javascript: or data: URL would become live in an HTML report.
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise InvalidInput(f"not an http(s) URL: {url!r}")
    return url


# ---------------------------------------------------------------- documents and claims


def add_document(
    session: Session,
    actor: str,
    *,
    text: str,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    author: str | None = None,
    published: dt.date | None = None,
    origin: str | None = None,
) -> tuple[Document, bool]:
    """Store an article; returns (document, created). The same text twice is a no-op."""
    document_id, created = store_document(
        session,
        actor,
        text=text,
        title=title,
        url=url,
        outlet=outlet,
        author=author,
        published=published,
        origin=origin,
    )
    return session.get_one(Document, document_id), created


def store_document(
    session: Session,
    actor: str,
    *,
    text: str,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    author: str | None = None,
    published: dt.date | None = None,
    origin: str | None = None,
) -> tuple[int, bool]:
    """`add_document` without loading the document: (its id, created), audited.

    Core statements only: the article importer stores thousands of documents,
    and building each as an ORM object cost more than extracting its claims.
    """
    if not text.strip():
        raise InvalidInput("the document is empty")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    table = Document.__table__
    session.flush()  # the ORM's pending rows first, so the SQL below sees them
    connection = session.connection()
    if connection.dialect.name == "sqlite":  # raw: compiling cost more than running
        sql = "SELECT id FROM documents WHERE sha256 = ?"
        existing = connection.exec_driver_sql(sql, (digest,)).scalar()
    else:
        existing = connection.execute(select(table.c.id).where(table.c.sha256 == digest)).scalar()
    if existing is not None:
        return existing, False
    values = {
        "text": text,
        "sha256": digest,
        "title": (title or text.strip().splitlines()[0])[:500],
        "url": url,
        "outlet": outlet,
        "author": author,
        "published": published,
        "origin": origin,
    }
    # Another importer may be storing the same text right now: the unique hash decides.
    values["imported_at"] = utcnow()
    stored = insert_returning(connection, table, [values], ["id"], unique=["sha256"])
    if not stored:
        taken = connection.execute(select(table.c.id).where(table.c.sha256 == digest)).scalar_one()
        return taken, False
    document_id = stored[0][0]
    added = event_row(
        actor, "document.add", document_id=document_id, new={"title": values["title"]}
    )
    insert_many(connection, Event.__table__, [added])
    return document_id, True


def date_values(d: DateMention) -> dict[str, Any]:
    """A found date mention's stored columns (one place, for the ORM and set-based writes)."""
    return {
        "text": d.text,
        "date": d.date,
        "role": d.role,
        "precision": d.precision,
        "year_inferred": d.year_inferred,
        "first_day": d.first_day,
        "last_day": d.last_day,
        "ambiguous": d.ambiguous,
    }


def quantity_values(q: QuantityValue) -> dict[str, Any]:
    """A found quantity's stored columns (one place, for the ORM and set-based writes)."""
    return {
        "low": q.low,
        "high": q.high,
        "unit": q.unit,
        "per": q.per,
        "approximate": q.approximate,
        "text": q.text,
        "dimension": q.dimension,
        "si_low": q.si_low,
        "si_high": q.si_high,
        "ambiguous": q.ambiguous,
    }


def date_ref(d: DateMention) -> DateRef:
    """A found date mention as the stored row (for claims and re-dated documents)."""
    return DateRef(**date_values(d))


def add_claim(
    session: Session,
    actor: str,
    text: str,
    *,
    kind: str = Kind.OTHER,
    score: float = 0.5,
    speaker: str | None = None,
    speaker_role: str | None = None,
    speaker_type: str | None = None,
    quantities: Iterable[QuantityValue] = (),
    dates: Iterable[DateMention] = (),
    placements: Iterable[Placement] = (),
    external_id: str | None = None,
) -> Claim:
    """Create a claim with its structured parts and where it appeared.

    `speaker_type` is "person" or "organisation", None when unknown.
    """
    text = _require_text(text, "claim text")
    if not 0.0 <= score <= 1.0:
        raise InvalidInput(f"score {score} is outside 0..1")
    values = {
        "text": text,
        "normalized": normalise_claim_text(text),
        "kind": choice(Kind, kind).value,
        "score": score,
        "speaker": speaker,
        "speaker_role": speaker_role,
        "speaker_type": choice(SpeakerType, speaker_type).value if speaker_type else None,
        "status": Status.NEW.value,
        "external_id": external_id,
    }
    if external_id is None:
        # One claim per normalised text (migration 0009), whoever stores it first.
        claim_id = insert_once(
            session,
            Claim.__table__,
            values,
            key=["normalized"],
            where=sql_text(UNIQUE_TEXT_AMONG),
        )
        if claim_id is None:
            raise DuplicateClaim(_holding_text(session, values["normalized"]))
        claim = session.get_one(Claim, claim_id)
    else:
        claim = Claim(**values)
    claim.quantities = [Quantity(**quantity_values(q)) for q in quantities]
    claim.dates = [date_ref(d) for d in dates]
    session.add(claim)
    session.flush()
    for place in placements:
        add_appearance(session, claim, place)
    _record(session, claim, actor, "create", None, {"text": text, "kind": claim.kind}, bump=False)
    return claim


class DuplicateClaim(InvalidInput):
    """A claim with the same normalised text exists (`claim`): the text is stored once."""

    def __init__(self, claim: Claim) -> None:
        self.claim = claim
        super().__init__(f"claim {claim.id} already says this; add to it or merge instead")


def _holding_text(session: Session, normalized: str) -> Claim:
    """The claim the unique index over normalised text (0009) gave `normalized` to."""
    return session.scalars(
        select(Claim).where(Claim.normalized == normalized, sql_text(UNIQUE_TEXT_AMONG))
    ).one()


def add_appearance(session: Session, claim: Claim, place: Placement) -> Appearance | None:
    """Attach one more place the claim was seen; None if it is already recorded."""
    duplicate = session.scalar(
        select(Appearance.id).where(
            Appearance.claim_id == claim.id,
            Appearance.document_id == place.document_id,
            Appearance.start == place.start,
        )
    )
    if duplicate is not None:
        return None
    appearance = Appearance(
        claim_id=claim.id,
        document_id=place.document_id,
        sentence=place.sentence,
        start=place.start,
        end=place.end,
    )
    session.add(appearance)
    session.flush()
    return appearance


# ---------------------------------------------------------------- workflow


def check_setting_key(key: str) -> str:
    """`key` if it names a team setting (see SETTINGS) or a limit (`limit.NAME`), else InvalidInput."""
    if key not in SETTINGS and key not in limits.SETTING_DEFAULTS:
        raise InvalidInput(
            f"unknown setting {key!r}; known settings: {', '.join(SETTINGS)}, "
            f"{limits.SETTING_PREFIX}NAME (NAME one of {', '.join(limits.NAMES)})"
        )
    return key


def setting(session: Session, key: str) -> str | None:
    """A team setting kept in the database, or its default while unset; unknown keys are refused."""
    row = session.get(Setting, check_setting_key(key))
    return row.value if row else SETTINGS.get(key, limits.SETTING_DEFAULTS.get(key))


def set_setting(session: Session, actor: str, key: str, value: str) -> None:
    """Change a team setting (e.g. require_second_reviewer=true), audited."""
    require(session, Action.SETTINGS)
    row = session.get(Setting, check_setting_key(key))
    if key == SECOND_REVIEWER and value not in ("true", "false"):
        # Anything but "true" would silently switch the rule off.
        raise InvalidInput(f"{key} is true or false, not {value!r}")
    if key.startswith(limits.SETTING_PREFIX):
        limits.parse_value(key.removeprefix(limits.SETTING_PREFIX), value)
    old = row.value if row else None
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
    _record(session, None, actor, "setting", {key: old}, {key: value})


def set_status(
    session: Session,
    actor: str,
    claim_id: int,
    status: str,
    *,
    expected_version: int | None = None,
) -> Claim:
    """Move a claim along the workflow; transitions not in scale.TRANSITIONS are refused."""
    claim = get_claim(session, claim_id)
    check_version(session, claim, expected_version)
    new = choice(Status, status)
    old = Status(claim.status)
    if new == old:
        return claim
    if not can_transition(old, new):
        from claimtrack.scale import TRANSITIONS

        allowed = ", ".join(sorted(s.value for s in TRANSITIONS[old]))
        raise WorkflowError(
            f"claim {claim.id}: cannot move {old.value} → {new.value} (allowed: {allowed})"
        )
    if Status.CONCLUDED in (old, new):
        require(session, Action.CONCLUDE)
    if new == Status.CONCLUDED:
        _check_can_conclude(session, claim, actor)
    claim.status = new.value
    _record(session, claim, actor, "status", old.value, new.value)
    return claim


def _check_can_conclude(session: Session, claim: Claim, actor: str) -> None:
    if not is_rated(claim.kind, claim.verdict, claim.outcome):
        raise WorkflowError(f"claim {claim.id}: rule a verdict (or an outcome) before concluding")
    if setting(session, SECOND_REVIEWER) == "true" and claim.verdict_by == actor:
        raise WorkflowError(
            f"claim {claim.id}: {actor} proposed the verdict; the team requires a "
            "second reviewer to conclude"
        )


@batched
def set_verdict(
    session: Session,
    actor: str,
    claim_id: int,
    verdict: str | None,
    summary: str | None = None,
    *,
    force: bool = False,
    expected_version: int | None = None,
) -> Claim:
    """Rule (or clear, with None) a verdict; most verdicts need a source unless forced."""
    claim = get_claim(session, claim_id)
    check_version(session, claim, expected_version)
    new = choice(Verdict, verdict) if verdict is not None else None
    if claim.status in (Status.CONCLUDED, Status.DISMISSED):
        raise WorkflowError(
            f"claim {claim.id} is {claim.status}; reopen it (status in_progress) to change the verdict"
        )
    if new is not None and new.needs_evidence and not claim.sources and not force:
        raise WorkflowError(
            f"claim {claim.id}: a verdict of {new.value} needs at least one source; "
            "add one first (sources add) or force it"
        )
    old = verdict_record(claim)
    if claim.status == Status.NEW:
        set_status(session, actor, claim.id, Status.IN_PROGRESS)
    if (new.value if new else None) != claim.verdict:
        # Only ruling the verdict makes you its proposer; editing the summary does not.
        claim.verdict_by = actor if new else None
    claim.verdict = new.value if new else None
    if summary is not None:
        claim.verdict_summary = summary.strip() or None
    _record(
        session,
        claim,
        actor,
        "verdict",
        old,
        verdict_record(claim),
    )
    return claim


def set_outcome(
    session: Session,
    actor: str,
    claim_id: int,
    outcome: str,
    *,
    expected_version: int | None = None,
) -> Claim:
    """Rate a commitment or prediction on the promise-tracker scale; every revision is kept."""
    claim = get_claim(session, claim_id)
    check_version(session, claim, expected_version)
    if not Kind(claim.kind).has_outcome:
        raise WorkflowError(
            f"claim {claim.id} is a {claim.kind} claim; outcomes rate commitments and predictions"
        )
    new = choice(Outcome, outcome)
    old = claim.outcome
    claim.outcome = new.value
    _record(session, claim, actor, "outcome", old, new.value)
    return claim


def edit_claim(
    session: Session,
    actor: str,
    claim_id: int,
    *,
    text: str | None = None,
    kind: str | None = None,
    speaker: str | None = None,
    speaker_type: str | None = None,
    expected_version: int | None = None,
) -> Claim:
    """Correct a claim's wording, kind or speaker ("" clears the speaker or its type).

    A new speaker without a `speaker_type` leaves the type unknown: the old
    one described someone else.
    """
    claim = get_claim(session, claim_id)
    check_version(session, claim, expected_version)
    changes: dict[str, tuple[Any, Any]] = {}
    if text is not None and _require_text(text, "claim text") != claim.text:
        changes["text"] = (claim.text, _require_text(text, "claim text"))
        normalized = normalise_claim_text(changes["text"][1])
        if claim.external_id is None and claim.merged_into_id is None:
            holder = session.scalar(
                select(Claim).where(
                    Claim.normalized == normalized,
                    Claim.id != claim.id,
                    sql_text(UNIQUE_TEXT_AMONG),
                )
            )
            if holder is not None:
                raise DuplicateClaim(holder)
        claim.text = changes["text"][1]
        claim.normalized = normalized
    if kind is not None and choice(Kind, kind).value != claim.kind:
        changes["kind"] = (claim.kind, choice(Kind, kind).value)
        claim.kind = changes["kind"][1]
    if speaker is not None and (speaker.strip() or None) != claim.speaker:
        changes["speaker"] = (claim.speaker, speaker.strip() or None)
        claim.speaker = changes["speaker"][1]
        if speaker_type is None:
            speaker_type = ""
    if speaker_type is not None:
        wanted = choice(SpeakerType, speaker_type).value if speaker_type.strip() else None
        if wanted != claim.speaker_type:
            changes["speaker_type"] = (claim.speaker_type, wanted)
            claim.speaker_type = wanted
    if changes:
        _record(
            session,
            claim,
            actor,
            "edit",
            {k: v[0] for k, v in changes.items()},
            {k: v[1] for k, v in changes.items()},
        )
    return claim


def assign(
    session: Session,
    actor: str,
    claim_id: int,
    assignee: str | None,
    *,
    expected_version: int | None = None,
) -> Claim:
    """Give the claim to a reviewer (None to unassign)."""
    claim = get_claim(session, claim_id)
    check_version(session, claim, expected_version)
    new = (assignee or "").strip() or None
    if new != claim.assignee:
        old, claim.assignee = claim.assignee, new
        _record(session, claim, actor, "assign", old, new)
    return claim


def tag(
    session: Session, actor: str, claim_id: int, name: str, *, expected_version: int | None = None
) -> Claim:
    """Label a claim; tags are created on first use.

    Like a note, a tag is added to the claim whatever changed in it since the
    caller loaded it: `expected_version` is accepted and not checked.
    """
    claim = get_claim(session, claim_id)
    lock_claim(session, claim)
    name = _require_text(name, "tag").lower()
    if any(t.name == name for t in claim.tags):
        return claim
    claim.tags.append(_tag_named(session, name))
    _record(session, claim, actor, "tag", None, name)
    return claim


def _tag_named(session: Session, name: str) -> Tag:
    """The tag called `name`, created if needed; a concurrent creator's tag is reused."""
    existing = session.scalar(select(Tag).where(Tag.name == name))
    if existing is not None:
        return existing
    try:
        with session.begin_nested():
            created = Tag(name=name)
            session.add(created)
        return created
    except IntegrityError:
        return session.scalars(select(Tag).where(Tag.name == name)).one()


def untag(
    session: Session, actor: str, claim_id: int, name: str, *, expected_version: int | None = None
) -> Claim:
    """Remove a label from a claim."""
    claim = get_claim(session, claim_id)
    check_version(session, claim, expected_version)
    name = name.strip().lower()
    found = [t for t in claim.tags if t.name == name]
    if not found:
        raise NotFound(f"claim {claim.id} has no tag {name!r}")
    claim.tags.remove(found[0])
    _record(session, claim, actor, "untag", name, None)
    return claim


# ---------------------------------------------------------------- one update, in order


class _Unset(Enum):
    UNSET = "unset"


UNSET = _Unset.UNSET  # "leave as it is", where None means "clear" (a verdict)


@batched
def update_claim(
    session: Session,
    actor: str,
    claim_id: int,
    *,
    expected_version: int | None = None,
    text: str | None = None,
    kind: str | None = None,
    speaker: str | None = None,
    speaker_type: str | None = None,
    assignee: str | None = None,
    add_tags: Iterable[str] = (),
    remove_tags: Iterable[str] = (),
    verdict: str | _Unset | None = UNSET,
    summary: str | None = None,
    force: bool = False,
    outcome: str | None = None,
    status: str | None = None,
) -> Claim:
    """Apply several changes to one claim in the order the workflow needs, as one batch.

    The one way the command line, the records importer and the demo change a
    claim. None leaves a field as it is; "" clears a speaker, its type, the
    assignee or the verdict summary; `verdict=None` clears the verdict. The
    order: wording, tags, assignee, verdict (a concluded or dismissed claim is
    reopened first), outcome, then the status, walked step by step along the
    workflow (each step audited, each step's rules applied: concluding needs a
    verdict or an outcome, and a second reviewer when the team requires one).
    """
    claim = get_claim(session, claim_id)
    check_version(session, claim, expected_version)
    if any(value is not None for value in (text, kind, speaker, speaker_type)):
        edit_claim(
            session,
            actor,
            claim.id,
            text=text,
            kind=kind,
            speaker=speaker,
            speaker_type=speaker_type,
        )
    for name in add_tags:
        tag(session, actor, claim.id, name)
    for name in remove_tags:
        untag(session, actor, claim.id, name)
    if assignee is not None:
        assign(session, actor, claim.id, assignee)
    new_verdict = claim.verdict if verdict is UNSET else verdict
    new_summary = claim.verdict_summary if summary is None else summary.strip() or None
    rules = new_verdict is not None or claim.verdict is not None  # a summary needs a verdict
    if rules and (new_verdict, new_summary) != (claim.verdict, claim.verdict_summary):
        if claim.status in (Status.CONCLUDED, Status.DISMISSED):
            _walk(session, actor, claim, Status.IN_PROGRESS)
        set_verdict(session, actor, claim.id, new_verdict, summary, force=force)
    if outcome is not None and outcome != claim.outcome:
        set_outcome(session, actor, claim.id, outcome)
    if status is not None:
        _walk(session, actor, claim, choice(Status, status))
    return claim


def _walk(session: Session, actor: str, claim: Claim, target: Status) -> None:
    """Move the claim to `target` along the workflow's shortest path, one audited step at a time."""
    steps = transition_path(Status(claim.status), target) or [target]
    for step in steps:
        set_status(session, actor, claim.id, step)


# ---------------------------------------------------------------- evidence and notes


def add_source(
    session: Session,
    actor: str,
    claim_id: int,
    url: str,
    *,
    title: str | None = None,
    publisher: str | None = None,
    stance: str = Stance.CONTEXT,
    reliability: str = Reliability.UNKNOWN,
    excerpt: str | None = None,
    accessed: dt.date | None = None,
    expected_version: int | None = None,
) -> Source:
    """Attach a piece of evidence to a claim (`expected_version`: see `add_note`)."""
    claim = get_claim(session, claim_id)
    lock_claim(session, claim)
    source = Source(
        url=check_url(url),
        title=title,
        publisher=publisher,
        stance=choice(Stance, stance).value,
        reliability=choice(Reliability, reliability).value,
        excerpt=excerpt,
        accessed=accessed or dt.date.today(),
        added_by=actor,
    )
    claim.sources.append(source)
    session.flush()
    _record(session, claim, actor, "source.add", None, source_record(source))
    return source


def remove_source(
    session: Session, actor: str, source_id: int, *, expected_version: int | None = None
) -> Claim:
    """Detach a source; its details stay in the audit trail."""
    source = fetch(session, Source, source_id, "source")
    snapshot = source_record(source)
    return _detach(session, actor, source, "sources", "source.remove", snapshot, expected_version)


def _detach(
    session: Session,
    actor: str,
    part: Source | Note | FollowUp,
    collection: Literal["sources", "notes", "followups"],
    action: str,
    snapshot: dict[str, Any],
    expected_version: int | None,
) -> Claim:
    """Remove a source, note or follow-up from its claim; `snapshot` keeps it in the history."""
    claim = get_claim(session, part.claim_id)
    check_version(session, claim, expected_version)
    getattr(claim, collection).remove(part)
    _record(session, claim, actor, action, snapshot, None)
    return claim


def add_note(
    session: Session, actor: str, claim_id: int, text: str, *, expected_version: int | None = None
) -> Note:
    """Add a reviewer's note to a claim.

    Adding never conflicts: only changes to the claim's own fields are checked
    against the version the caller loaded, so `expected_version` is accepted
    (callers pass what they hold) and not checked. The claim's version still
    moves on, so the note shows in its history; it never makes a later change
    of the claim's fields conflict (UNRELATED_TO_FIELDS).
    """
    claim = get_claim(session, claim_id)
    lock_claim(session, claim)
    _require_text(text, "note")  # an empty note is refused
    # A note keeps its line breaks (written in the workbench's editor); each line is tidied.
    tidy = "\n".join(" ".join(line.split()) for line in text.strip().splitlines())
    note = Note(author=actor, text=tidy)
    claim.notes.append(note)
    session.flush()
    _record(session, claim, actor, "note", None, note_record(note))
    return note


# ---------------------------------------------------------------- follow-ups


def add_followup(
    session: Session,
    actor: str,
    claim_id: int,
    text: str,
    due: dt.date,
    *,
    recurrence: str | None = None,
    assignee: str | None = None,
    expected_version: int | None = None,
) -> FollowUp:
    """Schedule something to check later; `recurrence` is daily|weekly|… or an RRULE.

    `expected_version` is not checked: see `add_note`.
    """
    claim = get_claim(session, claim_id)
    lock_claim(session, claim)
    rule = None
    if recurrence:
        try:
            rule = parse_recurrence(recurrence, due)
        except ValueError as error:
            raise InvalidInput(str(error)) from None
    followup = FollowUp(
        text=_require_text(text, "follow-up"),
        due=due,
        rrule=rule,
        assignee=assignee,
        created_by=actor,
    )
    claim.followups.append(followup)
    session.flush()
    _record(
        session,
        claim,
        actor,
        "followup.add",
        None,
        {"id": followup.id, "text": followup.text, "due": due.isoformat(), "rrule": rule},
    )
    return followup


@batched
def complete_followup(
    session: Session, actor: str, followup_id: int, *, expected_version: int | None = None
) -> FollowUp | None:
    """Mark a follow-up done; a recurring one schedules its next occurrence (returned)."""
    followup = fetch(session, FollowUp, followup_id, "follow-up")
    claim = get_claim(session, followup.claim_id)
    check_version(session, claim, expected_version)
    if followup.done:
        raise WorkflowError(f"follow-up {followup_id} is already done")
    followup.done, followup.done_at, followup.done_by = True, utcnow(), actor
    following = None
    if followup.rrule:
        anchor = _recurrence_anchor(session, followup)
        next_due = next_occurrence(followup.rrule, anchor, followup.due)
        if next_due is not None:
            following = FollowUp(
                text=followup.text,
                due=next_due,
                rrule=followup.rrule,
                assignee=followup.assignee,
                created_by=actor,
            )
            claim.followups.append(following)
            session.flush()
    _record(
        session,
        claim,
        actor,
        "followup.done",
        {"id": followup.id, "due": followup.due.isoformat()},
        {
            "next_id": following.id if following else None,
            "next_due": following.due.isoformat() if following else None,
        },
    )
    return following


def _recurrence_anchor(session: Session, followup: FollowUp) -> dt.date:
    # The rule is anchored at the first occurrence, so "monthly" from Jan 31 stays on month ends.
    first = session.scalar(
        select(FollowUp.due)
        .where(
            FollowUp.claim_id == followup.claim_id,
            FollowUp.rrule == followup.rrule,
            FollowUp.text == followup.text,
        )
        .order_by(FollowUp.due)
        .limit(1)
    )
    return first or followup.due


# ---------------------------------------------------------------- merging


@batched
def merge_claims(
    session: Session,
    actor: str,
    survivor_id: int,
    merged_id: int,
    *,
    expected_version: int | None = None,
    keep_text: str = "auto",
    keep_speaker: str = "auto",
) -> Claim:
    """Fold one claim into another: appearances, sources, follow-ups, notes and tags move.

    `expected_version` is the survivor's, the claim the reviewer is looking at.
    `keep_text` and `keep_speaker` ("auto", "survivor" or "merged") say whose
    wording and speaker the survivor keeps; "auto" takes the better (a named
    speaker, a text that does not open with a pronoun). A follow-up the
    survivor already has is dropped rather than moved (service.keeping).
    """
    from claimtrack.service.keeping import kept_wording, twin_followups

    if survivor_id == merged_id:
        raise InvalidInput("cannot merge a claim into itself")
    require(session, Action.MERGE)
    survivor = get_claim(session, survivor_id)
    check_version(session, survivor, expected_version)
    merged = get_claim(session, merged_id)
    lock_claim(session, merged)
    for appearance in list(merged.appearances):
        placement = Placement(
            appearance.document_id, appearance.sentence, appearance.start, appearance.end
        )
        merged.appearances.remove(appearance)
        session.flush()
        add_appearance(session, survivor, placement)
    wording = kept_wording(survivor, merged, text=keep_text, speaker=keep_speaker)
    twins = twin_followups(session, survivor, merged)
    for twin in twins:
        merged.followups.remove(twin)  # an orphan: deleted, its details in the merge event
    # Re-parenting through the back-reference moves each row; removing it from
    # one list and appending to the other would look like an orphan to delete.
    items: list[Source | FollowUp | Note] = [*merged.sources, *merged.followups, *merged.notes]
    for item in items:
        item.claim = survivor
    for label in merged.tags:
        if label not in survivor.tags:
            survivor.tags.append(label)
    merged.merged_into_id = survivor.id
    _record(session, merged, actor, "merged", None, {"into": survivor.id})
    dropped = [followup_record(twin) for twin in twins]
    _record(
        session,
        survivor,
        actor,
        "merge",
        None,
        {"from": merged.id, "text": merged.text}
        | ({"dropped_followups": dropped} if dropped else {}),
    )
    if wording:
        edit_claim(
            session,
            actor,
            survivor.id,
            text=wording.get("text"),
            speaker=wording.get("speaker"),
            speaker_type=wording.get("speaker_type"),
        )
    return survivor


def same_claim(session: Session, text: str, *, without_external_id: bool = False) -> Claim | None:
    """The live claim (not merged away) whose normalised text is `text`'s: the duplicate rule.

    `without_external_id` leaves out claims a records import identifies by their id.
    """
    statement = select(Claim).where(
        Claim.normalized == normalise_claim_text(text), Claim.merged_into_id.is_(None)
    )
    if without_external_id:
        statement = statement.where(Claim.external_id.is_(None))
    return session.scalar(statement.order_by(Claim.id).limit(1))


def add_claim_from_text(
    session: Session,
    actor: str,
    text: str,
    *,
    kind: str | None = None,
    speaker: str | None = None,
    published: dt.date | None = None,
) -> Claim:
    """Add a hand-typed claim, its structure read by the extractor; given values win."""
    text = _require_text(text, "claim text")
    found = extract_claims(text, published, include_all=True)
    best = max(found, key=lambda c: c.score, default=None)
    return add_claim(
        session,
        actor,
        text,
        kind=kind or (best.kind if best else Kind.OTHER),
        score=best.score if best else 0.5,
        speaker=speaker or (best.speaker.name if best and best.speaker else None),
        speaker_role=best.speaker.role if best and best.speaker and not speaker else None,
        speaker_type=best.speaker.kind if best and best.speaker and not speaker else None,
        quantities=[q for c in found for q in c.quantities],
        dates=[d for c in found for d in c.dates],
    )


# ---------------------------------------------------------------- suggested matches

MATCH_CANDIDATES = 200


def suggest_matches(session: Session, actor: str, claim: Claim) -> int:
    """Record near-duplicates of `claim` for a reviewer; returns how many were suggested.

    Claims appearing in a document where `claim` appears are never suggested
    (a page's own lines are not duplicates to decide): see `service.articles`.
    """
    from claimtrack.service.articles import suggest_matches_of

    return suggest_matches_of(session, actor, [claim.id])


def decide_match(
    session: Session,
    actor: str,
    match_id: int,
    *,
    confirm: bool,
    expected_version: int | None = None,
    keep_text: str = "auto",
    keep_speaker: str = "auto",
) -> SuggestedMatch:
    """Confirm (merge the newer claim into the older) or reject a suggested match.

    `expected_version` is that of the claim the match was suggested for;
    `keep_text` and `keep_speaker` as for `merge_claims`.
    """
    match = fetch(session, SuggestedMatch, match_id, "suggested match")
    check_version(session, get_claim(session, match.claim_id), expected_version)
    if match.state != "suggested":
        raise WorkflowError(f"match {match_id} was already {match.state}")
    match.state = "confirmed" if confirm else "rejected"
    match.decided_by = actor
    if confirm:
        merge_claims(
            session,
            actor,
            match.claim_id,
            match.candidate_id,
            keep_text=keep_text,
            keep_speaker=keep_speaker,
        )
    else:
        claim = get_claim(session, match.claim_id)
        _record(session, claim, actor, "match.reject", None, {"candidate": match.candidate_id})
    return match


# ---------------------------------------------------------------- taking changes back
#
# Undo in the TUI never rewrites history: each of these is a change of its own,
# with its own event, and the details of what went stay in the audit trail.


def remove_note(
    session: Session, actor: str, note_id: int, *, expected_version: int | None = None
) -> Claim:
    """Delete a note; its author and text stay in the audit trail."""
    note = fetch(session, Note, note_id, "note")
    snapshot = note_record(note)
    return _detach(session, actor, note, "notes", "note.remove", snapshot, expected_version)


def remove_followup(
    session: Session, actor: str, followup_id: int, *, expected_version: int | None = None
) -> Claim:
    """Cancel a follow-up: it goes from the agenda, its details stay in the audit trail."""
    followup = fetch(session, FollowUp, followup_id, "follow-up")
    snapshot = followup_record(followup)
    return _detach(
        session, actor, followup, "followups", "followup.remove", snapshot, expected_version
    )


@batched
def reopen_followup(
    session: Session, actor: str, followup_id: int, *, expected_version: int | None = None
) -> Claim:
    """Mark a done follow-up open again.

    If completing it scheduled the next occurrence of a recurring follow-up and
    that one is still open, it goes: the series continues from the reopened one.
    """
    followup = fetch(session, FollowUp, followup_id, "follow-up")
    if not followup.done:
        raise WorkflowError(f"follow-up {followup_id} is not done")
    claim = get_claim(session, followup.claim_id)
    check_version(session, claim, expected_version)
    old = {"id": followup.id, "done_by": followup.done_by}
    next_id = _scheduled_by(session, followup)
    following = session.get(FollowUp, next_id) if next_id is not None else None
    removed = None
    if following is not None and not following.done:
        removed = following.id
        claim.followups.remove(following)
    followup.done, followup.done_at, followup.done_by = False, None, None
    _record(
        session,
        claim,
        actor,
        "followup.reopen",
        old,
        {"id": followup.id, "removed_next_id": removed},
    )
    return claim


def _scheduled_by(session: Session, followup: FollowUp) -> int | None:
    """The follow-up that the last completion of `followup` scheduled, if any."""
    # A claim's events are few; reading them beats a JSON query that differs per dialect.
    done_events = session.scalars(
        select(Event)
        .where(Event.claim_id == followup.claim_id, Event.action == "followup.done")
        .order_by(Event.id.desc())
    )
    for event in done_events:
        if event.old and event.old.get("id") == followup.id:
            return (event.new or {}).get("next_id")
    return None


def clear_outcome(
    session: Session, actor: str, claim_id: int, *, expected_version: int | None = None
) -> Claim:
    """Take the outcome rating off a claim (back to unrated)."""
    claim = get_claim(session, claim_id)
    check_version(session, claim, expected_version)
    if claim.outcome is not None:
        old, claim.outcome = claim.outcome, None
        _record(session, claim, actor, "outcome", old, None)
    return claim


def reopen_match(
    session: Session, actor: str, match_id: int, *, expected_version: int | None = None
) -> SuggestedMatch:
    """Put a rejected match back among the suggestions; a confirmed one was a merge and stays."""
    match = fetch(session, SuggestedMatch, match_id, "suggested match")
    if match.state != "rejected":
        raise WorkflowError(f"match {match_id} is {match.state}, not rejected")
    claim = get_claim(session, match.claim_id)
    check_version(session, claim, expected_version)
    match.state, match.decided_by = "suggested", None
    _record(session, claim, actor, "match.reopen", None, {"candidate": match.candidate_id})
    return match


# The trash and late dates build on the functions above; imported last, as undo is.
from claimtrack.service.deadlines import (  # noqa: E402
    DEADLINE_FOLLOWUP as DEADLINE_FOLLOWUP,
)
from claimtrack.service.deadlines import (  # noqa: E402
    Redated as Redated,
)
from claimtrack.service.deadlines import (  # noqa: E402
    add_deadline_followups as add_deadline_followups,
)
from claimtrack.service.deadlines import (  # noqa: E402
    set_document_published as set_document_published,
)
from claimtrack.service.trash import TrashEmptied as TrashEmptied  # noqa: E402
from claimtrack.service.trash import delete_claim as delete_claim  # noqa: E402
from claimtrack.service.trash import delete_document as delete_document  # noqa: E402
from claimtrack.service.trash import empty_trash as empty_trash  # noqa: E402
from claimtrack.service.trash import restore_claim as restore_claim  # noqa: E402
from claimtrack.service.trash import restore_document as restore_document  # noqa: E402

# Undo replays the functions above; imported last, once the package holds them.
from claimtrack.service.undo import undo as undo  # noqa: E402
