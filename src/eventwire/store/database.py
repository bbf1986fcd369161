"""Engine and sessions for SQLite (default) or PostgreSQL (by URL).

SQLite runs in WAL mode with a busy timeout so that `serve` can read while
`ingest` writes, and a second writer waits instead of failing with
"database is locked".
"""
from __future__ import annotations

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import sessionmaker

from eventwire.errors import ConfigError
from eventwire.store.orm import Base

SQLITE_BUSY_TIMEOUT_MS = 60_000


def _normalise(url: str) -> str:
    for scheme in ("postgresql://", "postgres://"):
        if url.startswith(scheme):
            return "postgresql+psycopg://" + url.removeprefix(scheme)
    if "://" not in url:  # a bare path is a SQLite file
        return f"sqlite:///{url}"
    return url


def make_engine(url: str) -> Engine:
    try:
        engine = create_engine(_normalise(url))
    except (ArgumentError, ImportError) as exc:
        raise ConfigError(f"cannot use database {url!r}: {exc}") from exc
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record):  # noqa: ANN001
            cur = dbapi_conn.cursor()
            cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

    try:
        Base.metadata.create_all(engine)
    except OperationalError as exc:
        # two processes opening a new SQLite file at once: the other one created the tables first
        if "already exists" not in str(exc):
            raise
        Base.metadata.create_all(engine)
    return engine


def make_sessionmaker(engine: Engine) -> sessionmaker:
    return sessionmaker(engine, expire_on_commit=False)
