"""The desk's data: list rows with headlines, events per day, map points; all from the event index.

These read only ``event_index`` columns (no event payload), so the home
page's list, map and timeline cost the same at 100k events as at 100.
"""
from __future__ import annotations

from fastapi import APIRouter

from eventwire.serve.api.deps import FilterDep, PagingDep, SessionDep
from eventwire.serve.exports.shapes import headline, summary_dict
from eventwire.store.event_index import counted_page, day_counts

router = APIRouter(prefix="/api/desk", tags=["desk"])

MAX_POINTS = 5000  # markers on the map: the newest this many (the page says when more match)


@router.get("/rows", summary="Matching events as headline rows, newest first, paged")
def rows(session: SessionDep, paging: PagingDep, filters: FilterDep) -> dict:
    total, page = counted_page(session, filters, paging.limit, paging.offset)
    return paging.wrap(total, [summary_dict(s) for s in page])


@router.get("/days", summary="Matching events per start day (the timeline)")
def days(session: SessionDep, filters: FilterDep) -> dict:
    counts = day_counts(session, filters)
    return {"days": [d.isoformat() for d, _ in counts], "counts": [n for _, n in counts]}


@router.get("/points", summary="Map points of matching events: [id, lat, lon, type, fatalities, headline]")
def points(session: SessionDep, filters: FilterDep) -> dict:
    total, page = counted_page(session, filters, MAX_POINTS)
    found = [s for s in page if s.lat is not None and s.lon is not None]
    return {"total": total, "shown": len(found),
            "points": [[s.id, s.lat, s.lon, s.event_type, s.fatalities or 0, headline(s)] for s in found]}
