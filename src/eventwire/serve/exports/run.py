"""One export, as the CLI and the API both write it: what x format x filter -> a text stream."""
from __future__ import annotations

from typing import IO

from sqlalchemy.orm import Session

from eventwire.serve.exports import acled, shapes, writers
from eventwire.store.event_index import EventFilter, find_events, load_events, updated_at
from eventwire.store.repository import document_labels, list_documents

WHATS = ("events", "documents", "claims")
FORMATS = ("jsonl", "csv", "geojson", "acled-csv", "acled-extras")
EVENTS_ONLY = ("geojson", "acled-csv", "acled-extras")


def write_export(session: Session, what: str, fmt: str, out: IO[str], filters: EventFilter | None = None) -> int:
    """Write one export to ``out``; how many rows (or features) were written.

    ``filters`` restricts events and claims (the desk's export buttons pass
    the view's filters); documents are always all of them.
    """
    evs = []
    if what != "documents":
        ids = [s.id for s in find_events(session, filters or EventFilter())]
        evs = load_events(session, ids)
    if what == "documents":
        rows = [shapes.document_dict(d) for d in list_documents(session)[1]]
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
    if fmt == "acled-extras":
        return acled.write_acled_extras(evs, out)
    labels = document_labels(session, [d for ev in evs for d in ev.documents])
    outlets = {doc: outlet or "" for doc, (outlet, _title) in labels.items()}
    return acled.write_acled_csv(evs, outlets, updated_at(session, [e.id for e in evs]), out)
