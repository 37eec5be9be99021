"""Bulk import of claim records from JSON Lines or CSV.

A record (one JSON object per line, or one CSV row):

    {"id": "afp-2026-0113",              # optional external id; the upsert key
     "text": "Ukraine will produce 600-800 interceptor drones per day",   # required
     "kind": "quantity", "score": 0.8, "speaker": "Volodymyr Zelensky",
     "speaker_type": "person",           # or "organisation"; optional
     "status": "concluded", "verdict": "half_true", "summary": "…",
     "outcome": null, "assignee": "marc", "tags": ["drones"],
     "document": {"url": "https://…", "title": "…", "published": "2025-11-03", "outlet": "…"},
     "sources": [{"url": "https://…", "title": "…", "publisher": "…", "stance": "refutes",
                  "reliability": "credible", "excerpt": "…"}],
     "followups": [{"text": "Check the monthly figures", "due": "2026-01-31",
                    "repeat": "monthly", "done": false}]}

CSV has one column per scalar field (`id,text,kind,score,speaker,speaker_type,
status,verdict,summary,outcome,assignee`), `tags` separated by `;`, `document_url`,
`document_title`, `document_published`, `document_outlet`, and `sources` /
`followups` as JSON arrays. Only `text` is required.

Each record is read and validated once, in one pass that writes valid records a
batch at a time; an invalid record is reported as `file:line: reason`. By
default one invalid record means nothing is written (the transaction is rolled
back, and the rest of the file only validated, so every bad record is named);
`skip_invalid` imports the valid ones. All writes of a file happen in one
transaction, through the service layer, so each change is audited.

Records are matched by external id, or — when a record has none — by the
claim's normalised text among claims without an external id. Importing the
same file twice therefore changes nothing the second time.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import math
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, get_args

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from claimtrack import service
from claimtrack.collector import older_objects_frozen
from claimtrack.db import Database
from claimtrack.errors import ClaimtrackError
from claimtrack.extract import normalise_claim_text
from claimtrack.extract.types import Precision
from claimtrack.importers.record_limits import (
    LineTooLong,
    bounded_lines,
    check_strings,
    load_json,
    strings_need_checking,
)
from claimtrack.models import Claim, Document
from claimtrack.queries import document_id_for_text, own_claim_id, own_id_prefix
from claimtrack.scale import (
    Kind,
    Outcome,
    Reliability,
    SpeakerType,
    Stance,
    Status,
    Verdict,
    is_rated,
    parse_choice,
)
from claimtrack.service.factchecks import flag_already_checked
from claimtrack.service.records import Record, TagIds, insert_claims
from claimtrack.wording import count

FORMATS = ("jsonl", "csv")
BATCH = 1000  # records looked up and inserted together; the session is cleared after each

FIELDS = (
    "id",
    "text",
    "kind",
    "score",
    "speaker",
    "speaker_type",
    "status",
    "verdict",
    "summary",
    "outcome",
    "assignee",
    "tags",
    "document",
    "sources",
    "followups",
    "quantities",
    "dates",
    "appearances",
    "notes",
)
CSV_SCALARS: tuple[str, ...]
CSV_SCALARS = ("id", "text", "kind", "score", "speaker", "speaker_type", "status", "verdict")
CSV_SCALARS += ("summary", "outcome", "assignee")
CSV_DOCUMENT = ("document_url", "document_title", "document_published", "document_outlet")
CSV_COLUMNS = (*CSV_SCALARS, "tags", *CSV_DOCUMENT, "sources", "followups")
SOURCE_FIELDS = ("url", "title", "publisher", "stance", "reliability", "excerpt", "accessed")
FOLLOWUP_FIELDS = ("text", "due", "repeat", "done", "assignee")
DOCUMENT_FIELDS = ("url", "title", "published", "outlet")
NOTE_FIELDS = ("text", "author", "at")
# An export carries the article itself too: a reference with its text recreates it.
DOCUMENT_EXTRA = ("author", "text")
QUANTITY_FIELDS: tuple[str, ...] = ("low", "high", "unit", "per", "approximate", "text")
QUANTITY_FIELDS += ("dimension", "si_low", "si_high", "ambiguous")
DATE_FIELDS: tuple[str, ...] = ("text", "date", "role", "precision", "year_inferred")
DATE_FIELDS += ("first_day", "last_day", "ambiguous")
PRECISIONS = get_args(Precision)
PERIODS = ("second", "minute", "hour", "day", "week", "month", "quarter", "year")
# Column widths (models.py): PostgreSQL refuses a longer value, so the import checks first.
LIMITS = {
    "id": 200,
    "speaker": 300,
    "assignee": 100,
    "tag": 100,
    "url": 2000,
    "title": 500,
    "publisher": 300,
    "outlet": 200,
    "unit": 200,
    "dimension": 20,
    "quantity text": 500,
    "date text": 300,
    "repeat": 500,
}


_FIELD_SET = frozenset(FIELDS)
# An http(s) URL with a host of plain characters and no spaces round it: the
# common case `service.check_url` accepts as it stands (anything else goes to it).
_PLAIN_WEB_URL = re.compile(r"https?://[A-Za-z0-9][A-Za-z0-9.:@_~%!$&'()*+,;=-]*(?:[/?#]\S*)?\Z")


class RecordError(ValueError):
    """Why one record cannot be imported."""


@dataclass
class RecordSummary:
    """What an import did (or, on a dry run, would do)."""

    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    invalid: int = 0
    errors: list[str] = field(default_factory=list)
    written: bool = False
    dry_run: bool = False
    checked: int = 0  # new claims found already checked (service.factchecks)

    @property
    def ok(self) -> bool:
        """No record was invalid."""
        return not self.errors

    def line(self) -> str:
        verb = "would be " if self.dry_run else ""
        return (
            f"{self.inserted} {verb}inserted, {self.updated} {verb}updated, "
            f"{self.unchanged} unchanged, {self.invalid} invalid"
        ) + (f", {count(self.checked, 'claim')} already checked" if self.checked else "")


# ---------------------------------------------------------------- reading


def _decode(raw: Iterable[bytes | str | LineTooLong]) -> Iterator[tuple[int, str, str | None]]:
    """(line number, text, error) for each line; a non-UTF-8 or too long line carries an error."""
    for number, raw_line in enumerate(raw, 1):
        error = None
        if isinstance(raw_line, LineTooLong):
            yield number, "\n", raw_line.reason()
            continue
        if isinstance(raw_line, bytes):
            try:
                line = raw_line.decode("utf-8")
            except UnicodeDecodeError as exc:
                error = f"not UTF-8 (byte 0x{raw_line[exc.start]:02x} at column {exc.start + 1})"
                line = raw_line.decode("utf-8", errors="replace")
        else:
            line = raw_line
        if number == 1:
            line = line.removeprefix("\ufeff")
        yield number, line, error


def _jsonl_records(lines: Iterable[tuple[int, str, str | None]]) -> Iterator[tuple[int, Any]]:
    """(line, parsed value or RecordError) for every non-blank line."""
    for number, text, error in lines:
        if error:  # before the blank test: a line too long to read is kept as a blank
            yield number, RecordError(error)
            continue
        if not text.strip():
            continue
        try:
            yield number, _strings_checked(load_json(text), text)
        except json.JSONDecodeError as exc:
            yield number, RecordError(f"invalid JSON ({exc.msg} at column {exc.colno})")
        except ValueError as exc:  # a limit (claimtrack/limits.py): digits, depth, range
            yield number, RecordError(str(exc))


def _csv_records(lines: Iterable[tuple[int, str, str | None]]) -> Iterator[tuple[int, Any]]:
    bad: dict[int, str] = {}

    def texts() -> Iterator[str]:
        for number, text, error in lines:
            if error:
                bad[number] = error
            yield text if text.endswith("\n") else text + "\n"

    reader = csv.reader(texts(), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        yield 1, RecordError(f"unreadable CSV header ({exc})")
        return
    if 1 in bad:
        yield 1, RecordError(bad[1])
        return
    header = [h.strip() for h in header]
    unknown = [h for h in header if h not in CSV_COLUMNS]
    if "text" not in header:
        yield 1, RecordError("missing column 'text' in the CSV header")
        return
    if unknown:
        yield 1, RecordError(f"unknown column {unknown[0]!r} (columns: {', '.join(CSV_COLUMNS)})")
        return
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield start, RecordError(f"unreadable CSV ({exc})")
            return
        errors = [bad[n] for n in range(start, reader.line_num + 1) if n in bad]
        if errors:
            yield start, RecordError(errors[0])
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield start, RecordError(f"{len(row)} cells where the header has {len(header)} columns")
            continue
        record = _csv_to_record(dict(zip(header, row, strict=True)))
        yield start, _strings_checked(record, "".join(row))


def _strings_checked(value: Any, text: str) -> Any:
    """A record read from `text`, or RecordError if one of its strings (keys too) is too
    long or holds what no column stores (a lone surrogate, NUL)."""
    if isinstance(value, dict) and strings_need_checking(text):
        try:
            check_strings(value)
        except ValueError as error:
            return RecordError(str(error))
    return value


def _csv_to_record(row: dict[str, str]) -> dict[str, Any] | RecordError:
    record: dict[str, Any] = {k: (row[k] or None) for k in CSV_SCALARS if k in row}
    if record.get("score") is not None:
        try:
            record["score"] = float(record["score"])
        except ValueError:
            return RecordError(f"score must be a number, not {row['score'][:40]!r}")
    if "tags" in row:
        record["tags"] = [t.strip() for t in row["tags"].split(";") if t.strip()]
    document = {k.removeprefix("document_"): row[k] for k in CSV_DOCUMENT if row.get(k)}
    if document:
        record["document"] = document
    for name in ("sources", "followups"):
        if row.get(name, "").strip():
            try:
                record[name] = load_json(row[name])
            except json.JSONDecodeError as exc:
                return RecordError(f"{name} is not a JSON array ({exc.msg})")
            except ValueError as exc:  # a limit: digits, depth, range
                return RecordError(f"{name}: {exc}")
    return record


# ---------------------------------------------------------------- validating


def _optional_str(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise RecordError(f"{key} must be a string, not {type(value).__name__}")
    return value.strip() or None


def _enum(record: dict[str, Any], key: str, enum: Any) -> str | None:
    value = _optional_str(record, key)
    if value is None:
        return None
    if value in enum._value2member_map_:  # as written in an export: nothing to read
        return value
    try:
        return str(parse_choice(enum, value).value)
    except ValueError:  # named by the field, so "speaker_type", not the enum's class name
        choices = ", ".join(member.value for member in enum)
        raise RecordError(f"unknown {key} {value!r} (choose from {choices})") from None


def _date(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise RecordError(f"{what} must be a YYYY-MM-DD string")
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise RecordError(f"{what} {value!r} is not a YYYY-MM-DD date") from None


@cache
def _field_set(fields: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fields)


def _objects(record: dict[str, Any], key: str, fields: tuple[str, ...]) -> list[dict[str, Any]]:
    allowed = _field_set(fields)
    value = record.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise RecordError(f"{key} must be a list, not {type(value).__name__}")
    for number, item in enumerate(value, 1):
        if not isinstance(item, dict):
            raise RecordError(f"{key}[{number}] must be an object")
        if not allowed.issuperset(item):
            extra = sorted(set(item) - allowed)
            raise RecordError(f"{key}[{number}]: unknown field {extra[0]!r}")
    return value


def validate(value: Any, line: int) -> Record:
    """A record checked and normalised, or RecordError saying what is wrong.

    `value` is as the readers give it, its strings already checked (`_strings_checked`).
    """
    if isinstance(value, RecordError):
        raise value
    if not isinstance(value, dict):
        raise RecordError(f"a record must be a JSON object, not {type(value).__name__}")
    if not _FIELD_SET.issuperset(value):
        extra = sorted(set(value) - _FIELD_SET)
        raise RecordError(f"unknown field {extra[0]!r}")
    text = value.get("text")
    if text is None or (isinstance(text, str) and not text.strip()):
        raise RecordError("missing text")
    if not isinstance(text, str):
        raise RecordError(f"text must be a string, not {type(text).__name__}")
    external = value.get("id")
    if external is not None and (isinstance(external, bool) or not isinstance(external, str | int)):
        raise RecordError(f"id must be a string or an integer, not {type(external).__name__}")
    score = value.get("score")
    if score is not None and (
        isinstance(score, bool) or not isinstance(score, int | float) or not 0 <= score <= 1
    ):
        raise RecordError("score must be a number from 0 to 1")
    tags = value.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(t, str) and t.strip() for t in tags):
        raise RecordError("tags must be a list of non-empty strings")
    kind = _enum(value, "kind", Kind)
    status = _enum(value, "status", Status)
    verdict = _enum(value, "verdict", Verdict)
    outcome = _enum(value, "outcome", Outcome)
    if outcome and not Kind(kind or Kind.OTHER).has_outcome:
        raise RecordError("outcome is for commitment and prediction claims; set kind")
    if status == Status.CONCLUDED and not is_rated(kind, verdict, outcome):
        raise RecordError("status concluded needs a verdict (or an outcome)")
    speaker_type = _enum(value, "speaker_type", SpeakerType)
    if speaker_type and "speaker" in value and not _optional_str(value, "speaker"):
        raise RecordError("speaker_type needs a speaker")
    documents: list[dict[str, Any]] = []
    if value.get("document") is not None:
        documents.append(_document_ref(value["document"], "document"))
    appearances = value.get("appearances")
    if appearances is not None and not isinstance(appearances, list):
        raise RecordError("appearances must be a list of document references")
    for number, item in enumerate(appearances or [], 1):
        documents.append(_document_ref(item, f"appearances[{number}]"))
    sources = []
    for number, item in enumerate(_objects(value, "sources", SOURCE_FIELDS), 1):
        where = f"sources[{number}]"
        url = item.get("url")
        if not isinstance(url, str):
            raise RecordError(f"{where}: url must be a string")
        source = {
            "url": _bounded(_web_url(url, f"{where}.url"), "url", where),
            "title": _bounded(_optional_str(item, "title"), "title", where),
            "publisher": _bounded(_optional_str(item, "publisher"), "publisher", where),
            "stance": _enum(item, "stance", Stance) or Stance.CONTEXT.value,
            "reliability": _enum(item, "reliability", Reliability) or Reliability.UNKNOWN.value,
            "excerpt": _optional_str(item, "excerpt"),
            "accessed": _date(item["accessed"], f"{where}.accessed")
            if item.get("accessed")
            else None,
        }
        sources.append(source)
    followups = []
    for number, item in enumerate(_objects(value, "followups", FOLLOWUP_FIELDS), 1):
        where = f"followups[{number}]"
        if not isinstance(item.get("text"), str) or not item["text"].strip():
            raise RecordError(f"{where}: missing text")
        if item.get("done") is not None and not isinstance(item["done"], bool):
            raise RecordError(f"{where}: done must be true or false")
        repeat = _bounded(_optional_str(item, "repeat"), "repeat", where)
        due = _date(item.get("due"), f"{where}.due")
        if repeat:
            from claimtrack.schedule import parse_recurrence

            try:
                parse_recurrence(repeat, dt.date.fromisoformat(due))
            except ValueError as exc:
                raise RecordError(f"{where}: {exc}") from None
        followups.append(
            {
                "text": " ".join(item["text"].split()),
                "due": due,
                "repeat": repeat,
                "done": bool(item.get("done")),
                "assignee": _bounded(_optional_str(item, "assignee"), "assignee", where),
            }
        )
    tags = [_bounded(t.strip().lower(), "tag", "tags") for t in tags]
    text = " ".join(text.split())
    return Record(
        line=line,
        text=text,
        normalized=normalise_claim_text(text),
        present=frozenset(value),
        external_id=_bounded(str(external).strip() or None, "id") if external is not None else None,
        kind=kind,
        score=float(score) if score is not None else None,
        speaker=_bounded(_optional_str(value, "speaker"), "speaker"),
        speaker_type=speaker_type,
        status=status,
        verdict=verdict,
        summary=_optional_str(value, "summary"),
        outcome=outcome,
        assignee=_bounded(_optional_str(value, "assignee"), "assignee"),
        tags=tuple(tags),
        documents=tuple(documents),
        sources=tuple(sources),
        followups=tuple(followups),
        quantities=_quantities(value) if value.get("quantities") is not None else None,
        dates=_dates(value) if value.get("dates") is not None else None,
        notes=_notes(value),
    )


def _notes(record: dict[str, Any]) -> tuple[dict[str, Any], ...]:
    """A reviewer's notes: each a text, with its author and time if known (as exported)."""
    notes = []
    for number, item in enumerate(_objects(record, "notes", NOTE_FIELDS), 1):
        where = f"notes[{number}]"
        text = item.get("text")
        if not isinstance(text, str) or not text.strip():
            raise RecordError(f"{where} needs a text")
        at = item.get("at")
        try:
            when = dt.datetime.fromisoformat(at) if at is not None else None
        except (TypeError, ValueError):
            raise RecordError(f"{where}.at is not an ISO date and time: {at!r}") from None
        if when is not None and when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
        author = _bounded(_optional_str(item, "author"), "assignee", where)
        notes.append({"text": text.strip(), "author": author, "at": when})
    return tuple(notes)


def _bounded(value: str | None, limit: str, where: str = "") -> str | None:
    if value is not None and len(value) > LIMITS[limit]:
        prefix = f"{where}: " if where else ""
        raise RecordError(f"{prefix}{limit} is longer than {LIMITS[limit]} characters")
    return value


def _document_ref(ref: Any, where: str) -> dict[str, Any]:
    """A reference to the article a claim appeared in: a url, or a title and published."""
    if not isinstance(ref, dict):
        raise RecordError(f"{where} must be an object with url, or title and published")
    extra = sorted(set(ref) - set(DOCUMENT_FIELDS) - set(DOCUMENT_EXTRA))
    if extra:
        raise RecordError(f"{where}: unknown field {extra[0]!r}")
    for key in (*DOCUMENT_FIELDS, *DOCUMENT_EXTRA):
        if ref.get(key) is not None and not isinstance(ref[key], str):
            raise RecordError(f"{where}.{key} must be a string")
    text = ref.get("text") if isinstance(ref.get("text"), str) and ref["text"].strip() else None
    if not ref.get("url") and not (ref.get("title") and ref.get("published")) and not text:
        raise RecordError(f"{where} needs a url, or a title and published, or its text")
    author = ref.get("author")
    ref = {k: ref[k].strip() for k in DOCUMENT_FIELDS if ref.get(k)}
    if author and author.strip():
        ref["author"] = _bounded(author.strip(), "publisher", where)
    if text is not None:
        ref["text"] = text  # as written: its digest identifies the article
    if "url" in ref:
        _bounded(_web_url(ref["url"], f"{where}.url"), "url", where)
    _bounded(ref.get("title"), "title", where)
    _bounded(ref.get("outlet"), "outlet", where)
    if "published" in ref:
        ref["published"] = _date(ref["published"], f"{where}.published")
    return ref


def _number(item: dict[str, Any], key: str, where: str) -> float | None:
    value = item.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RecordError(f"{where}.{key} must be a number or null")
    if not math.isfinite(value) or abs(value) > 1e300:
        raise RecordError(f"{where}.{key} must be a finite number")
    return float(value)


def _flag(item: dict[str, Any], key: str, where: str) -> bool:
    value = item.get(key, False)
    if not isinstance(value, bool):
        raise RecordError(f"{where}.{key} must be true or false")
    return value


def _quantities(record: dict[str, Any]) -> tuple[dict[str, Any], ...]:
    quantities = []
    for number, item in enumerate(_objects(record, "quantities", QUANTITY_FIELDS), 1):
        where = f"quantities[{number}]"
        low, high = _number(item, "low", where), _number(item, "high", where)
        if low is not None and high is not None and low > high:
            raise RecordError(f"{where}: low {low:g} is above high {high:g}")
        per = _optional_str(item, "per")
        if per is not None and per not in PERIODS:
            raise RecordError(f"{where}.per must be one of {', '.join(PERIODS)}")
        text = _optional_str(item, "text")
        if text is None:
            raise RecordError(f"{where}: missing text")
        quantities.append(
            {
                "low": low,
                "high": high,
                "unit": _bounded(_optional_str(item, "unit"), "unit", where),
                "per": per,
                "approximate": _flag(item, "approximate", where),
                "text": _bounded(text, "quantity text", where),
                "dimension": _bounded(_optional_str(item, "dimension"), "dimension", where),
                "si_low": _number(item, "si_low", where),
                "si_high": _number(item, "si_high", where),
                "ambiguous": _flag(item, "ambiguous", where),
            }
        )
    return tuple(quantities)


def _dates(record: dict[str, Any]) -> tuple[dict[str, Any], ...]:
    dates = []
    for number, item in enumerate(_objects(record, "dates", DATE_FIELDS), 1):
        where = f"dates[{number}]"
        text = _optional_str(item, "text")
        if text is None:
            raise RecordError(f"{where}: missing text")
        role = item.get("role", "mentioned")
        if role not in ("deadline", "mentioned"):
            raise RecordError(f"{where}.role must be deadline or mentioned")
        precision = item.get("precision", "day")
        if precision not in PRECISIONS:
            raise RecordError(f"{where}.precision must be one of {', '.join(PRECISIONS)}")
        dates.append(
            {
                "text": _bounded(text, "date text", where),
                "date": _date(item["date"], f"{where}.date") if item.get("date") else None,
                "role": role,
                "precision": precision,
                "year_inferred": _flag(item, "year_inferred", where),
                "first_day": _optional_date(item, "first_day", where),
                "last_day": _optional_date(item, "last_day", where),
                "ambiguous": _flag(item, "ambiguous", where),
            }
        )
    return tuple(dates)


def _optional_date(item: dict[str, Any], key: str, where: str) -> str | None:
    return _date(item[key], f"{where}.{key}") if item.get(key) else None


def _web_url(url: str, what: str) -> str:
    if _PLAIN_WEB_URL.match(url):  # what check_url accepts, without parsing it
        return url
    try:
        return service.check_url(url)
    except ClaimtrackError:
        raise RecordError(f"{what} is not an http(s) URL: {url!r}") from None


# ---------------------------------------------------------------- writing


def _find_claim(session: Session, record: Record, own_prefix: str = "") -> Claim | None:
    if record.external_id is not None:
        found = session.scalar(select(Claim).where(Claim.external_id == record.external_id))
        own = own_claim_id(own_prefix, record.external_id) if own_prefix else None
        if found is None and own is not None:
            # This database's own export: the id is the claim's, whatever its text now says.
            mine = session.get(Claim, own)
            return mine if mine is not None and mine.external_id is None else None
        return found
    return service.same_claim(session, record.text, without_external_id=True)


class DocumentIds:
    """Document ids by reference, remembered for the whole import."""

    def __init__(self, session: Session, actor: str) -> None:
        self.session, self.actor = session, actor
        self.known: dict[tuple[str | None, ...], int] = {}

    def __call__(self, ref: dict[str, Any]) -> int:
        key: tuple[str | None, ...]
        if ref.get("text"):
            key = ("text", hashlib.sha256(ref["text"].encode("utf-8")).hexdigest())
        elif ref.get("url"):
            key = (ref.get("url"),)
        else:
            key = (ref["title"], ref.get("published"))
        if key not in self.known:
            self.known[key] = self._find_or_add(ref)
        return self.known[key]

    def _find_or_add(self, ref: dict[str, Any]) -> int:
        session = self.session
        published = dt.date.fromisoformat(ref["published"]) if ref.get("published") else None
        found = document_id_for_text(session, ref["text"]) if ref.get("text") else None
        if found is None and ref.get("url"):
            found = session.scalar(
                select(Document.id).where(Document.url == ref["url"]).order_by(Document.id).limit(1)
            )
        elif found is None and ref.get("title") and published is not None:
            found = session.scalar(
                select(Document.id)
                .where(Document.title == ref["title"], Document.published == published)
                .order_by(Document.id)
                .limit(1)
            )
        if found is not None:
            return found
        # A reference to an article not in the database: the article, if the
        # reference carries its text (an export does), or else a stub that names it.
        stub_text = "\n".join(str(ref[k]) for k in DOCUMENT_FIELDS if ref.get(k))
        document, _ = service.add_document(
            session,
            self.actor,
            text=ref.get("text") or stub_text,
            title=ref.get("title") or ref.get("url"),
            url=ref.get("url"),
            outlet=ref.get("outlet"),
            author=ref.get("author"),
            published=published,
            origin="import",
        )
        return document.id


def _update(
    session: Session, actor: str, claim: Claim, record: Record, documents: DocumentIds
) -> bool:
    """Bring an existing claim in line with the record; True if anything changed."""
    before = claim.version, len(claim.sources), len(claim.followups)
    added = False
    present = record.present
    have = {t.name for t in claim.tags}
    service.update_claim(
        session,
        actor,
        claim.id,
        text=record.text,
        kind=record.kind if "kind" in present and record.kind else None,
        speaker=(record.speaker or "") if "speaker" in present else None,
        speaker_type=(record.speaker_type or "") if "speaker_type" in present else None,
        assignee=(record.assignee or "") if "assignee" in present else None,
        add_tags=[n for n in record.tags if n not in have] if "tags" in present else (),
        remove_tags=sorted(have - set(record.tags)) if "tags" in present else (),
    )
    seen = {a.document_id for a in claim.appearances}
    for ref in record.documents:
        document_id = documents(ref)
        if document_id not in seen:
            place = service.Placement(document_id, record.text, 0, len(record.text))
            service.add_appearance(session, claim, place)
            seen.add(document_id)
            added = True
    known_sources = {(s.url, s.stance) for s in claim.sources}
    for source in record.sources:
        if (source["url"], source["stance"]) not in known_sources:
            accessed = source["accessed"]
            service.add_source(
                session,
                actor,
                claim.id,
                source["url"],
                title=source["title"],
                publisher=source["publisher"],
                stance=source["stance"],
                reliability=source["reliability"],
                excerpt=source["excerpt"],
                accessed=dt.date.fromisoformat(accessed) if accessed else None,
            )
            known_sources.add((source["url"], source["stance"]))
    known_notes = {(n.author, n.text) for n in claim.notes}
    for note in record.notes:
        if (note["author"] or actor, note["text"]) not in known_notes:
            service.add_note(session, note["author"] or actor, claim.id, note["text"])
            known_notes.add((note["author"] or actor, note["text"]))
            added = True
    for item in record.followups:
        due = dt.date.fromisoformat(item["due"])
        existing = next(
            (f for f in claim.followups if f.text == item["text"] and f.due == due), None
        )
        if existing is None:
            existing = service.add_followup(
                session,
                actor,
                claim.id,
                item["text"],
                due,
                recurrence=item["repeat"],
                assignee=item["assignee"],
            )
        if item["done"] and not existing.done:
            service.complete_followup(session, actor, existing.id)
    # Verdict, outcome and status last: the sources above are the evidence they rest on.
    service.update_claim(
        session,
        actor,
        claim.id,
        verdict=record.verdict if "verdict" in present else service.UNSET,
        summary=(record.summary or "") if "summary" in present else None,
        force=True,
        outcome=record.outcome if "outcome" in present and record.outcome else None,
        status=record.status or None,
    )
    after = claim.version, len(claim.sources), len(claim.followups)
    return added or after != before


def _read_lines(
    source: Iterable[str] | Iterable[bytes] | str | Path,
) -> Iterator[bytes | LineTooLong]:
    """The input's lines, read once: a file, a binary stream (stdin), or lines in memory."""
    if isinstance(source, str | Path):
        with Path(source).open("rb") as handle:
            yield from bounded_lines(handle)
        return
    if isinstance(source, io.BufferedIOBase | io.RawIOBase):
        yield from bounded_lines(source)  # type: ignore[arg-type]
        return
    # Lines in memory (tests, `read_text_lines`) go through a spool, so that the
    # line limit and the splitting into lines are those of a file.
    with tempfile.TemporaryFile() as spool:
        for line in source:
            spool.write(line.encode("utf-8") if isinstance(line, str) else line)
        spool.seek(0)
        yield from bounded_lines(spool)


def import_records(
    database: Database,
    actor: str,
    source: Iterable[str] | Iterable[bytes] | str | Path,
    fmt: str = "jsonl",
    *,
    dry_run: bool = False,
    skip_invalid: bool = False,
    name: str | None = None,
    progress: Callable[[int, int | None], None] | None = None,
) -> RecordSummary:
    """Import claim records from a path or an iterable of lines (e.g. stdin).

    One pass: each record is read and validated once, and valid records are
    written a batch at a time, all in one transaction. Errors read `name:line:
    reason`. With any invalid record nothing is written unless `skip_invalid`:
    the rest of the input is only validated, to report every bad record, and
    the transaction is rolled back. The transaction opens when the first batch
    is written, so a short bad file never touches the database. `dry_run` runs
    the whole import and rolls it back. `progress` is called with the records
    applied so far and the number of valid records (None until it is known).
    """
    if fmt not in FORMATS:
        raise ClaimtrackError(f"unknown record format {fmt!r} (choose from jsonl, csv)")
    label = name or (str(source) if isinstance(source, str | Path) else "-")
    parse = _jsonl_records if fmt == "jsonl" else _csv_records
    invalid = RecordSummary(dry_run=dry_run)  # the records that failed validation
    try:
        with ExitStack() as stack, older_objects_frozen():
            writer: _Writer | None = None

            def write(batch: list[Record]) -> None:
                nonlocal writer
                if writer is None:
                    session = stack.enter_context(database.transaction())
                    writer = _Writer(session, actor, label, skip_invalid)
                writer.apply(batch)

            valid = done = 0
            batch: list[Record] = []
            refused: _RecordFailed | None = None
            for line, value in parse(_decode(_read_lines(source))):
                try:
                    record = validate(value, line)
                except RecordError as error:
                    invalid.invalid += 1
                    invalid.errors.append(f"{label}:{line}: {error}")
                    continue
                valid += 1
                if refused or (invalid.errors and not skip_invalid):
                    continue  # nothing will be written: only look for more invalid records
                batch.append(record)
                if len(batch) == BATCH:
                    try:
                        write(batch)
                    except _RecordFailed as error:
                        refused = error
                    done += len(batch)
                    batch = []
                    if progress and not refused:
                        progress(done, None)
            if valid == 0 and not invalid.errors:
                invalid.errors.append(f"{label}:1: the file holds no records")
            if not valid or (invalid.errors and not skip_invalid):
                raise _RollBack(invalid)
            if refused is None:
                try:
                    write(batch)
                except _RecordFailed as error:
                    refused = error
            if refused is not None:  # what the database refused; nothing written
                raise _RollBack(RecordSummary(dry_run=dry_run, invalid=1, errors=[refused.error]))
            assert writer is not None  # there was a valid record
            if progress:
                progress(done + len(batch), valid)
            counts = writer.counts
            counts.dry_run = dry_run
            counts.invalid += invalid.invalid
            counts.errors[:0] = invalid.errors  # the invalid records first, in file order
            if dry_run:
                raise _RollBack(counts)
    except _RollBack as rolled_back:
        return rolled_back.summary
    counts.written = True
    return counts


class _RollBack(Exception):
    """Leaves the transaction rolled back: a dry run, or an input not to be written."""

    def __init__(self, summary: RecordSummary) -> None:
        super().__init__()
        self.summary = summary


class _RecordFailed(Exception):
    """A record the service refused, with skip_invalid off: the file is rolled back."""

    def __init__(self, error: str) -> None:
        super().__init__(error)
        self.error = error


class _Writer:
    """Applies batches of valid records: new claims set-based, existing ones field by field."""

    def __init__(self, session: Session, actor: str, label: str, skip_invalid: bool) -> None:
        self.session, self.actor, self.label = session, actor, label
        self.counts = RecordSummary()
        self.skip_invalid = skip_invalid
        self.documents = DocumentIds(session, actor)
        self.tags = TagIds()
        # Ids of this database's own export name its claims (queries.own_id_prefix).
        self.own_prefix = own_id_prefix(session)

    def apply(self, batch: list[Record]) -> None:
        if not batch:
            return
        existing = self._existing_keys(batch)
        new: dict[tuple[str, str], Record] = {}
        later: list[Record] = []
        for record in batch:
            if record.key in existing or record.key in new:
                later.append(record)  # an update, or the same claim twice in one batch
            else:
                new[record.key] = record
        self._insert(list(new.values()))
        for record in later:
            self._update_one(record)
        self.session.flush()
        self.session.expunge_all()

    def _existing_keys(self, batch: list[Record]) -> set[tuple[str, str]]:
        ids = {r.external_id for r in batch if r.external_id is not None}
        texts = {r.key[1] for r in batch if r.external_id is None}
        keys: set[tuple[str, str]] = set()
        if ids:
            found = self.session.scalars(
                select(Claim.external_id).where(Claim.external_id.in_(ids))
            )
            keys |= {("id", external_id) for external_id in found if external_id}
            own = {
                own_claim_id(self.own_prefix, external_id): external_id
                for external_id in ids - {key[1] for key in keys}
            }
            own.pop(None, None)
            if own:
                mine = self.session.scalars(
                    select(Claim.id).where(Claim.id.in_(own), Claim.external_id.is_(None))
                )
                keys |= {("id", own[claim_id]) for claim_id in mine}
        if texts:
            found_texts = self.session.scalars(
                select(Claim.normalized).where(
                    Claim.normalized.in_(texts),
                    Claim.external_id.is_(None),
                    Claim.merged_into_id.is_(None),
                )
            )
            keys |= {("text", normalized) for normalized in found_texts}
        return keys

    def _insert(self, records: list[Record]) -> None:
        if not records:
            return
        try:
            with self.session.begin_nested():
                ids = insert_claims(
                    self.session,
                    self.actor,
                    records,
                    label=self.label,
                    tags=self.tags,
                    document_id=self.documents,
                )
        except SQLAlchemyError as error:
            if len(records) == 1:
                self._fail(records[0], _database_reason(error))
                return
            # Find the record the database refused: one savepoint each.
            for record in records:
                self._insert([record])
            return
        self.counts.inserted += len(records)
        self.counts.checked += flag_already_checked(self.session, self.actor, ids)

    def _update_one(self, record: Record) -> None:
        session = self.session
        savepoint = session.begin_nested() if self.skip_invalid else None
        try:
            claim = _find_claim(session, record, self.own_prefix)
            if claim is None:
                raise ClaimtrackError("the claim disappeared during the import")
            if claim.merged_into_id is not None:
                raise ClaimtrackError(
                    f"claim {record.external_id} was merged into claim {claim.merged_into_id}"
                )
            changed = _update(session, self.actor, claim, record, self.documents)
        except ClaimtrackError as error:
            if savepoint is not None:
                savepoint.rollback()
            self._fail(record, str(error))
            return
        if savepoint is not None:
            savepoint.commit()
        if changed:
            self.counts.updated += 1
        else:
            self.counts.unchanged += 1

    def _fail(self, record: Record, reason: str) -> None:
        error = f"{self.label}:{record.line}: {reason}"
        self.counts.invalid += 1
        self.counts.errors.append(error)
        if not self.skip_invalid:
            raise _RecordFailed(error)


def _database_reason(error: SQLAlchemyError) -> str:
    detail = str(getattr(error, "orig", error)).splitlines()[0]
    return f"refused by the database ({detail})"


def read_text_lines(text: str) -> list[str]:
    """Split an in-memory text into lines for `import_records` (tests, stdin)."""
    return io.StringIO(text).readlines()
