"""Reads behind the document screen: one article with its claims."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimtrack.errors import NotFound
from claimtrack.models import Appearance, Claim, Document, live_claims
from claimtrack.queries import in_trash
from claimtrack.views.claim import label
from claimtrack.views.passages import Passage, clip, locate, paragraphs
from claimtrack.wording import count


@dataclass(frozen=True, slots=True)
class DocumentClaim:
    """A claim as it sits in a document: where, and what it says."""

    claim_id: int
    start: int
    end: int
    paragraph: int  # index into DocumentView.paragraphs
    status: str
    verdict: str | None
    text: str

    def describe(self) -> str:
        return (
            f"#{self.claim_id} · {label(self.status)} · verdict {label(self.verdict)} · {self.text}"
        )


@dataclass(frozen=True, slots=True)
class DocumentView:
    """An article split into paragraphs, its claims highlighted, in reading order."""

    id: int
    title: str
    meta: str
    paragraphs: list[Passage]
    bounds: list[tuple[int, int]]  # each paragraph's offsets in the article
    claims: list[DocumentClaim]

    def with_current(self, index: int | None) -> list[Passage]:
        """The paragraphs, with claim `index` drawn as the one the reader is on."""
        if index is None or not self.claims:
            return self.paragraphs
        current = self.claims[index]
        passages = list(self.paragraphs)
        passage = passages[current.paragraph]
        spans = clip([(current.start, current.end)], *self.bounds[current.paragraph])
        passages[current.paragraph] = Passage(
            passage.text, passage.spans, passage.heading, spans[0] if spans else None
        )
        return passages


def load_document_view(session: Session, document_id: int) -> DocumentView:
    """Read an article and where each of its live claims sits; NotFound if it is gone."""
    document = session.get(Document, document_id)
    if document is None:
        raise NotFound(f"no document {document_id}")
    if document.deleted_at is not None:
        raise NotFound(in_trash("document", document_id, purged=document.purged_at is not None))
    text = document.text
    statement = (
        select(Appearance, Claim.status, Claim.verdict, Claim.text)
        .join(Claim, Claim.id == Appearance.claim_id)
        .where(Appearance.document_id == document_id, live_claims())
        .order_by(Appearance.start, Appearance.id)
    )
    bounds = paragraphs(text) or [(0, len(text))]
    placed: list[tuple[int, int, int, str, str | None, str]] = []
    for appearance, status, verdict, claim_text in session.execute(statement):
        where = locate(text, appearance.sentence, appearance.start, appearance.end)
        if where is not None:
            placed.append((*where, appearance.claim_id, status, verdict, claim_text))
    placed.sort()
    claims = [
        DocumentClaim(
            claim_id,
            start,
            end,
            _paragraph_of(bounds, start),
            status,
            verdict,
            " ".join(claim_text.split()),
        )
        for start, end, claim_id, status, verdict, claim_text in placed
    ]
    spans = [(c.start, c.end) for c in claims]
    passages = [Passage(text[s:e], clip(spans, s, e)) for s, e in bounds]
    parts = [
        document.outlet,
        document.author,
        document.published and document.published.isoformat(),
        document.url,
    ]
    meta = " · ".join(p for p in parts if p) or "—"
    distinct = len({c.claim_id for c in claims})
    meta += f" · {count(distinct, 'claim')}, {count(len(claims), 'mention')}"
    return DocumentView(document.id, document.title, meta, passages, bounds, claims)


def _paragraph_of(bounds: list[tuple[int, int]], offset: int) -> int:
    # The paragraph holding the offset, or the first one after it (a span may start on a break).
    for index, (_, end) in enumerate(bounds):
        if offset < end:
            return index
    return len(bounds) - 1
