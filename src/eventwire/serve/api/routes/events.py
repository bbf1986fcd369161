"""GET /api/events (filtered, paged) and GET /api/events/{id}."""
from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from eventwire.serve.api.deps import PagingDep, SessionDep
from eventwire.serve.api.errors import invalid
from eventwire.serve.api.schemas import EventPublic, Page
from eventwire.serve.exports.shapes import event_dict
from eventwire.store.repository import get_event, query_events

router = APIRouter(prefix="/api/events", tags=["events"])


@router.get("", response_model=Page[EventPublic], summary="List events, newest first")
def list_events(
    session: SessionDep,
    paging: PagingDep,
    type: Annotated[str | None, Query(description="ACLED event type or sub-event type, any case", examples=["Battles"])] = None,
    since: Annotated[date | None, Query(description="events ending on or after this date (YYYY-MM-DD)")] = None,
    until: Annotated[date | None, Query(description="events starting on or before this date (YYYY-MM-DD)")] = None,
    country: Annotated[str | None, Query(min_length=2, max_length=3, description="ISO country code, e.g. RU")] = None,
    actor: Annotated[str | None, Query(min_length=1, description="part of an actor's name, any case")] = None,
    include_context: Annotated[bool, Query(description="also events without a usable place or date (never exported)")] = False,
) -> dict:
    if since and until and since > until:
        raise invalid("since", f"must not be after until ({until.isoformat()})", since.isoformat())
    evs = query_events(session, event_type=type, since=since, until=until, country=country, actor=actor,
                       include_context=include_context)
    page = paging.page(evs)
    page["items"] = [event_dict(e) for e in page["items"]]
    return page


@router.get("/{event_id}", response_model=EventPublic, summary="One event with its claims, contradictions and evidence",
            responses={404: {"description": "no such event"}})
def read_event(session: SessionDep, event_id: str) -> dict:
    ev = get_event(session, event_id)
    if ev is None:
        raise HTTPException(status_code=404, detail=f"no event {event_id!r}")
    return event_dict(ev)
