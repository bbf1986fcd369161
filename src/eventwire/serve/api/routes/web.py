"""The HTML pages: / (event table), /events/{id}, /documents/{id}.  Not part of the API schema."""
from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from eventwire.serve.api import render
from eventwire.serve.api.deps import SessionDep
from eventwire.serve.exports.shapes import document_dict, event_dict
from eventwire.store.repository import all_documents, get_document, get_event, query_events

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

INDEX_ROWS = 500  # the page lists the newest events; the API pages through all of them


@router.get("/")
def index(session: SessionDep) -> HTMLResponse:
    evs = query_events(session)
    return HTMLResponse(render.index([event_dict(e) for e in evs[:INDEX_ROWS]], len(evs)))


@router.get("/events/{event_id}")
def event_page(session: SessionDep, event_id: str) -> HTMLResponse:
    ev = get_event(session, event_id)
    if ev is None:
        return HTMLResponse(render.not_found("event", event_id), status_code=404)
    outlets = {}
    for doc_id in ev.documents:
        row = get_document(session, doc_id)
        outlets[doc_id] = (row.outlet or row.title or doc_id) if row is not None else doc_id
    return HTMLResponse(render.event_page(event_dict(ev), outlets))


@router.get("/documents/{document_id}")
def document_page(session: SessionDep, document_id: str) -> HTMLResponse:
    row = get_document(session, document_id)
    if row is None:
        return HTMLResponse(render.not_found("document", document_id), status_code=404)
    members = [{"id": r.id, "outlet": r.outlet} for r in all_documents(session) if row.story and r.story == row.story]
    return HTMLResponse(render.document_page(document_dict(row), members))
