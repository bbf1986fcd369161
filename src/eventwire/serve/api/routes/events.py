"""GET /api/events (filtered, ordered and paged in SQL) and GET /api/events/{id}."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path
from fastapi.responses import JSONResponse

from eventwire.errors import Errors
from eventwire.serve.api.deps import FilterDep, PagingDep, SessionDep
from eventwire.serve.api.errors import shown
from eventwire.serve.api.schemas import EventPublic, Page
from eventwire.serve.exports.shapes import event_dict
from eventwire.store.event_index import counted_page, load_events
from eventwire.store.repository import get_event

router = APIRouter(prefix="/api/events", tags=["events"])

EventId = Annotated[str, Path(max_length=64, description="an event id, e_…")]


@router.get("", response_model=Page[EventPublic], summary="List events, newest first")
def list_events(session: SessionDep, paging: PagingDep, filters: FilterDep) -> JSONResponse:
    # returned as built: event_dict is the public shape (schemas.py documents it; tests/serve/test_api.py
    # holds the two together), so re-validating 50 events per page would only cost time
    total, page = counted_page(session, filters, paging.limit, paging.offset)
    items = [event_dict(e) for e in load_events(session, [s.id for s in page])]
    return JSONResponse(paging.wrap(total, items))


@router.get("/{event_id}", response_model=EventPublic, summary="One event with its claims, contradictions and evidence",
            responses={404: {"description": "no such event"}})
def read_event(session: SessionDep, event_id: EventId) -> JSONResponse:
    ev = get_event(session, event_id)
    if ev is None:
        raise HTTPException(status_code=404, detail=Errors.E502.format(event=shown(event_id)))
    return JSONResponse(event_dict(ev))
