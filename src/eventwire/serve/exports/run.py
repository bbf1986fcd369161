"""One export, as the CLI and the API both write it: what x format -> a text stream."""
from __future__ import annotations

from typing import IO

from sqlalchemy.orm import Session

from eventwire.serve.exports import shapes, writers
from eventwire.store.repository import all_documents, query_events

WHATS = ("events", "documents", "claims")
FORMATS = ("jsonl", "csv", "geojson", "acled-csv")
EVENTS_ONLY = ("geojson", "acled-csv")


def write_export(session: Session, what: str, fmt: str, out: IO[str]) -> int:
    """Write one export to ``out``; how many rows (or features) were written."""
    evs = query_events(session) if what != "documents" else []
    if what == "documents":
        rows = [shapes.document_dict(r) for r in all_documents(session)]
    elif what == "claims":
        rows = [c for ev in evs for c in shapes.claim_rows(ev)]
    else:
        rows = [shapes.event_dict(e) for e in evs]
    if fmt == "jsonl":
        return writers.write_jsonl(rows, out)
    if fmt == "csv":
        return writers.write_csv(rows, out)
    if fmt == "geojson":
        return writers.write_geojson(evs, out)
    outlets = {r.id: r.outlet or "" for r in all_documents(session)}
    return writers.write_acled_csv(evs, outlets, out)
