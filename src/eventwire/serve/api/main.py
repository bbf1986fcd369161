"""The application factory: ``create_app(db_url)``.

One engine per application (SQLite in WAL mode with a busy timeout, see
``store.database``), one session per request (``deps.SessionDep``).  The API is
read-only: ingesting stays in the CLI (``eventwire ingest`` / ``watch``), which
may run against the same database while this serves it.
"""
from __future__ import annotations

from fastapi import FastAPI
from fastapi.responses import Response
from starlette.requests import Request

from eventwire import __version__
from eventwire.serve.api import errors
from eventwire.serve.api.routes import claims, documents, events, exports, health, web
from eventwire.store.database import make_engine, make_sessionmaker

DESCRIPTION = """\
Read-only access to the eventwire database: ACLED-style events fused across
outlets, the claims each source made (with claimant, stance and evidence
sentence), contradictions between them, and documents with their provenance
(story, copy_of, drift). Shapes are those of `eventwire export` (OUTPUT.md).
"""

# the HTML pages load nothing from anywhere: no scripts at all, styles only inline
CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"


def create_app(db_url: str) -> FastAPI:
    engine = make_engine(db_url)
    app = FastAPI(title="eventwire", version=__version__, description=DESCRIPTION,
                  docs_url="/docs", redoc_url=None, openapi_url="/openapi.json")
    app.state.engine = engine
    app.state.sessionmaker = make_sessionmaker(engine)
    errors.install(app)
    for module in (events, documents, claims, exports, health, web):
        app.include_router(module.router)

    @app.middleware("http")
    async def _safety_headers(request: Request, call_next) -> Response:  # noqa: ANN001
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        if response.headers.get("content-type", "").startswith("text/html") and not request.url.path.startswith("/docs"):
            response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
            response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    return app
