"""The HTML pages: / (the desk), /events/{id}, /documents/{id}.  Not part of the API schema.

The desk's filters are the URL's query (``/?type=Battles&country=UA``), read
leniently: an empty form field means no filter, and a value that cannot be
read is named on the page instead of failing it.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from eventwire.model import Event
from eventwire.serve.api import render
from eventwire.serve.api.deps import FILTER_FIELDS, MAX_NAME, MAX_TEXT, SessionDep
from eventwire.serve.exports.shapes import document_dict, event_dict, headline, summary_dict, summary_of
from eventwire.serve.web import missing_assets
from eventwire.serve.web.diff import side_by_side
from eventwire.serve.web.home import home
from eventwire.store.event_index import EventFilter, counted_page, events_of_document
from eventwire.store.repository import document_labels, get_event, list_documents, read_document

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

PAGE_ROWS = 50  # headline rows per page of the desk


def _read_filters(params: dict[str, str]) -> tuple[EventFilter, list[str]]:
    """The desk's filters from the URL, and what could not be read (shown on the page)."""
    problems: list[str] = []
    f = EventFilter()
    for key, raw in params.items():
        value = raw.strip()
        limit = MAX_TEXT if key == "q" else MAX_NAME
        if len(value) > limit:
            problems.append(f"{key} is longer than {limit} characters; ignored")
            continue
        try:
            if key in ("since", "until"):
                f = replace(f, **{key: date.fromisoformat(value)})
            elif key == "min_confidence":
                f = replace(f, min_confidence=min(1.0, max(0.0, float(value))))
            elif key == "contradicted":
                f = replace(f, contradicted=value.lower() in ("true", "1", "on", "yes"))
            else:
                f = replace(f, **{FILTER_FIELDS[key]: value})
        except ValueError:
            problems.append(f"{key} {value[:40]!r} cannot be read; ignored")
    return f, problems


@router.get("/")
def index(session: SessionDep, request: Request,
          offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> HTMLResponse:
    params = {k: v for k, v in request.query_params.items() if k in FILTER_FIELDS and v.strip()}
    filters, problems = _read_filters(params)
    params = {k: v for k, v in params.items() if not any(p.startswith(k + " ") for p in problems)}  # links drop them
    total, page = counted_page(session, filters, PAGE_ROWS, offset)
    rows = [summary_dict(s) for s in page]
    html = home(params, rows, total, PAGE_ROWS, offset, missing_assets())
    if problems:
        note = "".join(f"<li>{render.esc(p)}</li>" for p in problems)
        html = html.replace("<h1>Events</h1>", f'<h1>Events</h1><ul class="warn">{note}</ul>', 1)
    return HTMLResponse(html)


def evidence_anchors(ev: Event) -> dict[str, tuple]:
    """Where the event's date, place and each actor were read: (document, span) of the first mention holding it."""
    out: dict[str, tuple] = {}
    for m in ev.mentions:
        where = (m.document, (m.evidence.start, m.evidence.end))
        if ev.date and m.date and (m.date.start, m.date.end) == (ev.date.start, ev.date.end):
            out.setdefault("date", where)
        if ev.location and m.place and m.place.name == ev.location.name:
            out.setdefault("place", where)
        for a in m.actors:
            out.setdefault("actor:" + a.name, where)
    return out


@router.get("/events/{event_id}")
def event_page(session: SessionDep, event_id: str) -> HTMLResponse:
    ev = get_event(session, event_id[:64])
    if ev is None:
        return HTMLResponse(render.not_found("event", event_id[:64]), status_code=404)
    labels = document_labels(session, ev.documents)
    outlets = {d: (labels[d][0] or labels[d][1] or d) if d in labels else d for d in ev.documents}
    return HTMLResponse(render.event_page(event_dict(ev), outlets, evidence_anchors(ev), headline(summary_of(ev))))


@router.get("/documents/{document_id}")
def document_page(session: SessionDep, document_id: str,
                  s: Annotated[str | None, Query(max_length=40)] = None) -> HTMLResponse:
    doc = read_document(session, document_id[:64])
    if doc is None:
        return HTMLResponse(render.not_found("document", document_id[:64]), status_code=404)
    members = []
    if doc.story:
        members = [{"id": d.id, "outlet": d.outlet} for d in list_documents(session, doc.story)[1]]
    span = re.fullmatch(r"(\d{1,9})-(\d{1,9})", s or "")
    highlight = (int(span[1]), int(span[2])) if span else None
    diff_html = ""
    original = read_document(session, doc.copy_of["document"]) if doc.copy_of else None
    if original is not None:
        diff_html = side_by_side(original.text, doc.text, doc.drift)
    events = [summary_dict(e) for e in events_of_document(session, doc.id)]
    return HTMLResponse(render.document_page(document_dict(doc), members, events, highlight, diff_html))
