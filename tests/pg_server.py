"""A real PostgreSQL server for the tests: one fresh schema per test.

The server comes from EVENTWIRE_TEST_PG_URL (``.ci/run`` starts one with
``.ci/postgres`` and exports it), else the role and database that script
creates on 127.0.0.1.  Outside CI a server that cannot be reached skips the
PostgreSQL half of the tests with the reason printed in the summary; under
CI=true it fails them instead.
"""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import quote

import pytest

DEFAULT_PG_URL = "postgresql://eventwire:eventwire@127.0.0.1:5432/eventwire"
CONNECT_TIMEOUT_S = 3
UNREACHABLE: list[str] = []  # reasons, printed in the terminal summary


def server_url() -> str:
    return os.environ.get("EVENTWIRE_TEST_PG_URL") or DEFAULT_PG_URL


def _connect(autocommit: bool = True):
    import psycopg

    return psycopg.connect(server_url(), autocommit=autocommit, connect_timeout=CONNECT_TIMEOUT_S)


def require_server() -> None:
    """Skip (fail under CI) when no server answers."""
    try:
        with _connect() as con:
            con.execute("SELECT 1")
    except Exception as exc:  # noqa: BLE001 - any failure to reach the server means the same
        detail = " ".join(str(exc).split())[:160]
        reason = f"PostgreSQL not reachable at {server_url()} ({exc.__class__.__name__}: {detail})"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason + "; under CI the server must run (see .ci/postgres)")
        UNREACHABLE.append(reason)
        pytest.skip(reason)


@contextmanager
def fresh_schema() -> Iterator[str]:
    """A database URL whose search_path is a new, empty schema, dropped afterwards."""
    require_server()
    name = f"t_{uuid.uuid4().hex[:12]}"
    with _connect() as con:
        con.execute(f"CREATE SCHEMA {name}")
    sep = "&" if "?" in server_url() else "?"
    try:
        yield f"{server_url()}{sep}options={quote(f'-csearch_path={name}')}"
    finally:
        with _connect() as con:
            con.execute("SET lock_timeout = '10s'")
            con.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")
