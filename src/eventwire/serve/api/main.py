"""The application factory: ``create_app(db_url, allowed_hosts=())``.

One engine per application (SQLite in WAL mode with a busy timeout, see
``store.database``), one session per request (``deps.SessionDep``).  The API is
read-only: ingesting stays in the CLI (``eventwire ingest`` / ``watch``), which
may run against the same database while this serves it.  ``guards.Guards``
checks the Host header, answers HEAD and sets the safety headers.
"""
from __future__ import annotations

from collections.abc import Iterable

from fastapi import FastAPI

from eventwire import __version__
from eventwire.serve.api import errors
from eventwire.serve.api.guards import Guards
from eventwire.serve.api.routes import assets, claims, desk, documents, events, exports, health, web
from eventwire.store.database import make_engine, make_sessionmaker
from eventwire.store.event_index import ensure_event_index

DESCRIPTION = """\
Read-only access to the eventwire database: ACLED-style events fused across
outlets, the claims each source made (with claimant, stance and evidence
sentence), contradictions between them, and documents with their provenance
(story, copy_of, drift). Shapes are those of `eventwire export` (OUTPUT.md).
"""


def create_app(db_url: str, allowed_hosts: Iterable[str] = ()) -> FastAPI:
    """The app for one database; ``allowed_hosts`` are Host names served besides loopback."""
    engine = make_engine(db_url)
    ensure_event_index(engine)  # a database written before the index existed gets it now
    app = FastAPI(title="eventwire", version=__version__, description=DESCRIPTION,
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")
    app.state.engine = engine
    app.state.sessionmaker = make_sessionmaker(engine)
    errors.install(app)
    for module in (events, documents, claims, desk, exports, health, web, assets):
        app.include_router(module.router)
    app.add_middleware(Guards, allowed_hosts=tuple(allowed_hosts))
    return app
