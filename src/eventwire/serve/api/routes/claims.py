"""GET /api/claims: claims as made, with their claimants and evidence, one row each."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from eventwire.errors import Errors
from eventwire.serve.api.deps import MAX_NAME, FilterDep, PagingDep, SessionDep
from eventwire.serve.api.errors import shown
from eventwire.serve.api.schemas import ClaimRow, Page
from eventwire.serve.exports.shapes import claim_rows
from eventwire.store.event_index import claim_page, find_events, load_events
from eventwire.store.repository import get_event

router = APIRouter(prefix="/api/claims", tags=["claims"])


@router.get("", response_model=Page[ClaimRow], summary="Claims of one event, or of every matching event",
            responses={404: {"description": "no such event"}})
def list_claims(
    session: SessionDep,
    paging: PagingDep,
    filters: FilterDep,
    event: Annotated[str | None, Query(min_length=1, max_length=64, description="only this event's claims (e_…)")] = None,
    property: Annotated[str | None, Query(min_length=1, max_length=MAX_NAME,
                                          description="only this property, e.g. fatalities")] = None,
) -> dict:
    if event is not None:
        ev = get_event(session, event)
        if ev is None:
            raise HTTPException(status_code=404, detail=Errors.E502.format(event=shown(event)))
        rows = claim_rows(ev)
    elif property is None:  # paged in SQL: only the events holding this page's claims are read
        total, spans = claim_page(session, filters, paging.limit, paging.offset)
        evs = load_events(session, [eid for eid, _ in spans])
        skip = spans[0][1] if spans else 0
        rows = [c for ev in evs for c in claim_rows(ev)][skip : skip + paging.limit]
        return paging.wrap(total, rows)
    else:  # one property: every matching event is read (no per-property count is indexed)
        ids = [s.id for s in find_events(session, filters)]
        rows = [c for ev in load_events(session, ids) for c in claim_rows(ev)]
    if property is not None:
        rows = [c for c in rows if c["property"] == property.lower()]
    return paging.page(rows)
