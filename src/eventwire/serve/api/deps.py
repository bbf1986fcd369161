"""Request dependencies: one database session per request, closed when it ends.

The API only reads, so a session never commits; SQLite's WAL mode (see
``store.database``) lets these reads run while an ``ingest`` writes.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Query, Request
from sqlalchemy.orm import Session


def get_session(request: Request) -> Iterator[Session]:
    with request.app.state.sessionmaker() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


MAX_LIMIT = 1000  # items per page; a client wanting everything uses /api/export


class Paging:
    """``limit`` and ``offset`` query parameters, shared by every list."""

    def __init__(
        self,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="at most this many items")] = 100,
        offset: Annotated[int, Query(ge=0, description="skip this many items first")] = 0,
    ) -> None:
        self.limit = limit
        self.offset = offset

    def page(self, items: list) -> dict:
        return {"total": len(items), "limit": self.limit, "offset": self.offset,
                "items": items[self.offset : self.offset + self.limit]}


PagingDep = Annotated[Paging, Depends()]
