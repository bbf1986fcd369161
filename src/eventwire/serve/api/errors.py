"""Error bodies a client can act on.

* 404: ``{"detail": "no event 'e_…'"}``
* 422: FastAPI's usual ``{"detail": [ {loc, msg, type, input}, … ]}`` plus a
  ``message`` that says in one line which parameter is wrong and what it got
  (a long value is cut to its first ``ECHO_CHARS`` characters, never echoed whole).
* 503: the database could not be read (locked past its busy timeout, missing);
  ``Retry-After`` tells the client to try again.
"""
from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError

log = logging.getLogger("eventwire.api")
RETRY_AFTER_SECONDS = 2
ECHO_CHARS = 40  # of a bad value shown back: enough to recognise it, never a 100 KB body


def shown(value: Any) -> Any:
    """A client's value as an error message may repeat it: long strings cut to ``ECHO_CHARS``."""
    if isinstance(value, str) and len(value) > ECHO_CHARS:
        return f"{value[:ECHO_CHARS]}… ({len(value)} characters)"
    if isinstance(value, (list, tuple)) and len(value) > 3:
        return [shown(v) for v in value[:3]] + [f"… ({len(value)} values)"]
    return value


def _shortened(err: dict) -> dict:
    err = {k: v for k, v in err.items() if k != "url"}
    if "input" in err:
        err["input"] = shown(err["input"])
    if isinstance(err.get("ctx"), dict):
        err["ctx"] = {k: shown(v) for k, v in err["ctx"].items()}
    return err


def invalid(param: str, message: str, value: Any = None, where: str = "query") -> RequestValidationError:
    """A 422 for a check FastAPI cannot express by type (``since`` after ``until`` …)."""
    return RequestValidationError([{"loc": (where, param), "msg": message, "type": "value_error", "input": value}])


def _one_line(err: dict) -> str:
    loc = [str(p) for p in err.get("loc", ())]
    where, name = (loc[0], ".".join(loc[1:])) if len(loc) > 1 else ("request", ".".join(loc))
    text = f"{where} parameter {name!r}: {err.get('msg', 'invalid')}"
    if "input" in err and err["input"] is not None and where in ("query", "path"):
        text += f" (got {err['input']!r})"
    return text


async def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = [_shortened(e) for e in exc.errors()]
    return JSONResponse(
        status_code=422,
        content={"detail": jsonable_encoder(errors), "message": "; ".join(_one_line(e) for e in errors)},
    )


async def _database_error(request: Request, exc: OperationalError) -> JSONResponse:
    log.warning("database error on %s: %s", request.url.path, exc.orig if exc.orig is not None else exc)
    return JSONResponse(
        status_code=503,
        content={"detail": "the database cannot be read right now; try again shortly"},
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
    )


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(OperationalError, _database_error)
