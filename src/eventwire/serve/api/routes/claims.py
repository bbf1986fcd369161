"""GET /api/claims: claims as made, with their claimants and evidence, one row each."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from eventwire.serve.api.deps import PagingDep, SessionDep
from eventwire.serve.api.schemas import ClaimRow, Page
from eventwire.serve.exports.shapes import claim_rows
from eventwire.store.repository import get_event, query_events

router = APIRouter(prefix="/api/claims", tags=["claims"])


@router.get("", response_model=Page[ClaimRow], summary="Claims of one event, or of every exported event",
            responses={404: {"description": "no such event"}})
def list_claims(
    session: SessionDep,
    paging: PagingDep,
    event: Annotated[str | None, Query(min_length=1, description="only this event's claims (e_…)")] = None,
    property: Annotated[str | None, Query(min_length=1, description="only this property, e.g. fatalities")] = None,
) -> dict:
    if event is not None:
        ev = get_event(session, event)
        if ev is None:
            raise HTTPException(status_code=404, detail=f"no event {event!r}")
        evs = [ev]
    else:
        evs = query_events(session)
    rows = [c for ev in evs for c in claim_rows(ev)]
    if property is not None:
        rows = [c for c in rows if c["property"] == property.lower()]
    return paging.page(rows)
