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
from functools import cache
from typing import Any


def to_jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _convert(tp: Any, raw: Any) -> Any:
    if raw is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        for option in options:
            if option in (str, int, float, bool) and isinstance(raw, option):
                return raw
            if option is float and isinstance(raw, int) and not isinstance(raw, bool):
                return raw  # 70 stays 70: a count written as an int reads back as one
        for option in options:
            try:
                return _convert(option, raw)
            except (TypeError, ValueError, KeyError):
                continue
        return raw
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], v) for v in raw)
        return tuple(_convert(a, v) for a, v in zip(args, raw))
    if tp is date:
        return date.fromisoformat(raw)
    if dataclasses.is_dataclass(tp):
        return from_jsonable(tp, raw)
    if tp is float and isinstance(raw, int):
        return float(raw)
    return raw


def from_jsonable(cls: type, data: dict[str, Any]) -> Any:
    hints = _hints(cls)
    kwargs = {f.name: _convert(hints[f.name], data[f.name]) for f in dataclasses.fields(cls) if f.name in data}
    return cls(**kwargs)
