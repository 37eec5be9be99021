"""Export every claim as JSON Lines in the import schema (`importers/records.py`).

Export → import into an empty database → export gives the same bytes: the
output carries only what the import reads back, in a fixed key order, claims
by id. Claims are read a batch at a time, so memory stays flat.
"""

from __future__ import annotations

import json
from typing import TextIO

from sqlalchemy.orm import Session

from claimtrack.queries import claim_batches, own_id_prefix
from claimtrack.serialise import export_record


def export_jsonl(session: Session, out: TextIO) -> int:
    """Write every (unmerged) claim as one JSON object per line; returns how many."""
    count = 0
    prefix = own_id_prefix(session)
    for batch in claim_batches(session):
        for claim in batch:
            out.write(json.dumps(export_record(claim, prefix), ensure_ascii=False) + "\n")
        count += len(batch)
    return count
