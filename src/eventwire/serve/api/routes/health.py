"""GET /api/health: the server is up and its database can be read."""
from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from eventwire import __version__
from eventwire.serve.api.deps import SessionDep
from eventwire.serve.api.schemas import Health

router = APIRouter(prefix="/api", tags=["health"])


@router.get("/health", response_model=Health, summary="Liveness and database check",
            responses={503: {"model": Health, "description": "the database cannot be read"}})
def health(session: SessionDep):
    try:
        session.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0][:200]
        body = Health(status="unavailable", version=__version__, database=reason)
        return JSONResponse(status_code=503, content=body.model_dump())
    return Health(status="ok", version=__version__, database="ok")
