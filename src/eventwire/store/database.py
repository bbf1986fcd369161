"""Engine and sessions for SQLite (default) or PostgreSQL (by URL).

SQLite runs in WAL mode with a busy timeout so that `serve` can read while
`ingest` writes, and a second writer waits instead of failing with
"database is locked".
"""
from __future__ import annotations

import time

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.orm import sessionmaker

from eventwire.errors import ConfigError, Errors
from eventwire.store import index_tables  # noqa: F401 - registers the incremental indexes' tables
from eventwire.store.orm import Base

SQLITE_BUSY_TIMEOUT_MS = 60_000


def _normalise(url: str) -> str:
    for scheme in ("postgresql://", "postgres://"):
        if url.startswith(scheme):
            return "postgresql+psycopg://" + url.removeprefix(scheme)
    if "://" not in url:  # a bare path is a SQLite file
        return f"sqlite:///{url}"
    return url


# how often table creation is retried when another process creates the same tables at that moment: each
# retry finds more of them made, and a schema of a few dozen tables and indexes settles in two or three
CREATE_ATTEMPTS = 10
# pause before retry n (times n): the other process's schema takes tens of milliseconds to write
CREATE_RETRY_PAUSE_S = 0.05


def make_engine(url: str) -> Engine:
    try:
        engine = create_engine(_normalise(url))
    except (ArgumentError, ImportError) as exc:
        raise ConfigError(Errors.E401.format(url=url, why=exc)) from exc
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record):  # noqa: ANN001
            cur = dbapi_conn.cursor()
            cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

    for attempt in range(CREATE_ATTEMPTS):
        try:
            Base.metadata.create_all(engine)
            _add_missing_columns(engine)
            break
        except OperationalError as exc:
            # two processes opening a new SQLite file at once (`serve` and `watch`): the other one made a
            # table or index between our check and our CREATE, or held the lock while it switched the new
            # file to WAL (SQLite answers that switch "locked" at once, without waiting out the busy
            # timeout); each retry sees what it made so far
            racing = "already exists" in str(exc) or "database is locked" in str(exc)
            if not racing or attempt == CREATE_ATTEMPTS - 1:
                raise
            time.sleep(CREATE_RETRY_PAUSE_S * (attempt + 1))
    return engine


def _add_missing_columns(engine: Engine) -> None:
    """Columns added to a table since a database file was made, added to it (nullable, so old rows stay valid).

    ``create_all`` makes missing tables only; without this a database written by
    an earlier version would fail on its first query.
    """
    found = inspect(engine)
    for table in Base.metadata.sorted_tables:
        if not found.has_table(table.name):
            continue
        have = {c["name"] for c in found.get_columns(table.name)}
        missing = [c for c in table.columns if c.name not in have and c.nullable]
        if not missing:
            continue
        for column in missing:
            kind = column.type.compile(dialect=engine.dialect)
            try:
                with engine.begin() as conn:
                    conn.execute(text(f'ALTER TABLE "{table.name}" ADD COLUMN "{column.name}" {kind}'))
            except DBAPIError as exc:  # another process opening the same file added it first
                if "duplicate" not in str(exc).lower() and "already exists" not in str(exc).lower():
                    raise


def make_sessionmaker(engine: Engine) -> sessionmaker:
    return sessionmaker(engine, expire_on_commit=False)
