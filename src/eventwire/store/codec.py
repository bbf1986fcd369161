"""Dataclasses to JSON and back, by their type hints.

Mentions and events are stored as JSON beside a few indexed columns; this
codec is the single place that knows how, so a new field in model.py needs
no change here.
"""
from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date
from collections.abc import Callable
from functools import cache
from typing import Any


_PLAIN = frozenset((str, int, float, bool, type(None)))


def to_jsonable(value: Any) -> Any:
    cls = type(value)
    if cls in _PLAIN:  # most values: the checks below would all fail for them, one at a time
        return value
    names = _names(cls)
    if names is not None:
        return {name: to_jsonable(getattr(value, name)) for name in names}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    return value


@cache
def _names(cls: type) -> tuple[str, ...] | None:
    """A dataclass's field names, once per class (``dataclasses.fields`` builds them again each call);
    None for any other type, and for a dataclass itself (a class, not an instance)."""
    if not dataclasses.is_dataclass(cls) or issubclass(cls, type):
        return None
    return tuple(f.name for f in dataclasses.fields(cls))


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _union(tp: Any) -> Callable[[Any], Any]:
    options = [a for a in typing.get_args(tp) if a is not type(None)]
    plain = tuple(o for o in options if o in (str, int, float, bool))
    int_as_float = float in plain  # 70 stays 70: a count written as an int reads back as one
    others = [_converter(o) for o in options]

    def conv(raw: Any) -> Any:
        if raw is None:
            return None
        if plain and isinstance(raw, plain):
            return raw
        if int_as_float and isinstance(raw, int) and not isinstance(raw, bool):
            return raw
        for other in others:
            try:
                return other(raw)
            except (TypeError, ValueError, KeyError):
                continue
        return raw

    return conv


@cache
def _converter(tp: Any) -> Callable[[Any], Any]:
    """A function turning JSON into a value of ``tp``, built once per type (decoding a page of
    events is then plain calls, not a walk through type hints per value)."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        return _union(tp)
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _converter(args[0])
            return lambda raw: None if raw is None else tuple(item(v) for v in raw)
        items = [_converter(a) for a in args]
        return lambda raw: None if raw is None else tuple(c(v) for c, v in zip(items, raw))
    if tp is date:
        return lambda raw: None if raw is None else date.fromisoformat(raw)
    if dataclasses.is_dataclass(tp):
        return lambda raw: None if raw is None else from_jsonable(tp, raw)
    if tp is float:
        return lambda raw: float(raw) if isinstance(raw, int) else raw
    return _same


def _same(raw: Any) -> Any:
    return raw


def _convert(tp: Any, raw: Any) -> Any:
    return _converter(tp)(raw)


@cache
def _fields(cls: type) -> tuple[tuple[str, Callable[[Any], Any] | None], ...]:
    """(name, converter) per field; None where JSON already is the value (str, int, bool)."""
    hints = _hints(cls)
    convs = ((f.name, _converter(hints[f.name])) for f in dataclasses.fields(cls))
    return tuple((name, None if conv is _same else conv) for name, conv in convs)


def from_jsonable(cls: type, data: dict[str, Any]) -> Any:
    return cls(**{name: data[name] if conv is None else conv(data[name]) for name, conv in _fields(cls) if name in data})
