"""Long id lists and row lists cut into statements the database accepts: the store's one batching rule.

A ``WHERE id IN (...)`` binds one variable per id.  SQLite refuses a statement
with more bound variables than its build allows (999 before 3.32, 32,766
since), and the Python sqlite3 module may be linked against either; PostgreSQL
takes 65,535.  Every read or write of many ids or rows goes through ``chunks``.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

from sqlalchemy import select

T = TypeVar("T")

# Bound variables per statement: under the 999 of the oldest SQLite builds, with room for
# the few other parameters a statement binds beside its IN list.
SQL_VARIABLES_PER_STATEMENT = 900


def chunks(values: Iterable[T], size: int | None = None) -> Iterator[list[T]]:
    """``values`` in order, ``size`` (default ``SQL_VARIABLES_PER_STATEMENT``) at a time."""
    size = size or SQL_VARIABLES_PER_STATEMENT  # read at call time: a test may lower it
    items = list(values)  # a set or a generator is read once, first
    for i in range(0, len(items), size):
        yield items[i:i + size]


def values_where_in(session: Any, column: Any, key: Any, ids: Iterable[Any]) -> set[Any]:
    """The distinct non-null values of ``column`` in the rows whose ``key`` is one of ``ids``,
    one statement a chunk (the store's common 'which X belong to these Y' read)."""
    out: set[Any] = set()
    for chunk in chunks(ids):
        out.update(v for v in session.scalars(select(column).where(key.in_(chunk))) if v is not None)
    return out
