"""Request dependencies: one database session per request, paging, and the event filters.

The API only reads, so a session never commits; SQLite's WAL mode (see
``store.database``) lets these reads run while an ``ingest`` writes.  Every
text parameter has a length bound: a 50,000-character ``actor`` is a 422 with
a short message, not a query SQLite refuses to plan.
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Annotated

from fastapi import Depends, Query, Request
from sqlalchemy.orm import Session

from eventwire.errors import Errors
from eventwire.serve.api.errors import invalid
from eventwire.store.event_index import EventFilter


def get_session(request: Request) -> Iterator[Session]:
    with request.app.state.sessionmaker() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


MAX_LIMIT = 1000  # items per page; a client wanting everything uses /api/export
MAX_NAME = 200  # characters in a name-like parameter (actor, admin1, type): longer than any real one
MAX_TEXT = 300  # characters of free text


class Paging:
    """``limit`` and ``offset`` query parameters, shared by every list."""

    def __init__(
        self,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="at most this many items")] = 100,
        offset: Annotated[int, Query(ge=0, le=10_000_000, description="skip this many items first")] = 0,
    ) -> None:
        self.limit = limit
        self.offset = offset

    def page(self, items: list) -> dict:
        return {"total": len(items), "limit": self.limit, "offset": self.offset,
                "items": items[self.offset : self.offset + self.limit]}

    def wrap(self, total: int, items: list) -> dict:
        """A page already cut in SQL."""
        return {"total": total, "limit": self.limit, "offset": self.offset, "items": items}


PagingDep = Annotated[Paging, Depends()]


# the URL's filter names and the EventFilter field each sets: the API and the desk's pages read the same names
FILTER_FIELDS = {"since": "since", "until": "until", "type": "event_type", "sub_type": "sub_event_type",
                 "country": "country", "admin1": "admin1", "actor": "actor", "q": "text",
                 "contradicted": "contradicted", "min_confidence": "min_confidence"}


def event_filter(
    type: Annotated[str | None, Query(max_length=MAX_NAME, description="ACLED event type or sub-event type, any case",
                                      examples=["Battles"])] = None,
    sub_type: Annotated[str | None, Query(max_length=MAX_NAME, description="ACLED sub-event type, any case")] = None,
    since: Annotated[date | None, Query(description="events ending on or after this date (YYYY-MM-DD)")] = None,
    until: Annotated[date | None, Query(description="events starting on or before this date (YYYY-MM-DD)")] = None,
    country: Annotated[str | None, Query(min_length=2, max_length=3, description="ISO country code, e.g. RU")] = None,
    admin1: Annotated[str | None, Query(max_length=MAX_NAME, description="first-level region, any case")] = None,
    actor: Annotated[str | None, Query(min_length=1, max_length=MAX_NAME,
                                       description="part of an actor's name, any case (% and _ are plain characters)")] = None,
    q: Annotated[str | None, Query(max_length=MAX_TEXT, description="free text: every word (or word start) must occur")] = None,
    contradicted: Annotated[bool, Query(description="only events whose sources contradict each other")] = False,
    min_confidence: Annotated[float | None, Query(ge=0, le=1, description="only events at least this confident")] = None,
    include_context: Annotated[bool, Query(description="also events without a usable place or date (never exported)")] = False,
) -> EventFilter:
    if since and until and since > until:
        raise invalid("since", Errors.E520.format(until=until.isoformat()), since.isoformat())
    given = {"type": type, "sub_type": sub_type, "since": since, "until": until, "country": country, "admin1": admin1,
             "actor": actor, "q": q, "contradicted": contradicted, "min_confidence": min_confidence}
    return EventFilter(**{FILTER_FIELDS[k]: v for k, v in given.items() if v not in (None, "")},
                       include_context=include_context)


FilterDep = Annotated[EventFilter, Depends(event_filter)]
