"""``codec.to_jsonable`` takes a dataclass's field names once per class and lets plain values through
first: the JSON must be what the walk over ``dataclasses.fields`` gave."""
from __future__ import annotations

import dataclasses
from datetime import date

from eventwire.fuse.events import fuse
from eventwire.model import Mention
from eventwire.store.codec import from_jsonable, to_jsonable

from test_repository import mention  # noqa: E402  (tests/store is on the path, as pytest runs it)


def _walk(value):
    """The codec's rule before session 14, field by field through ``dataclasses.fields``."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _walk(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_walk(v) for v in value]
    if isinstance(value, dict):
        return {k: _walk(v) for k, v in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    return value


class _Text(str):
    """A str subclass: not a plain value, and not a dataclass either."""


def test_mentions_and_events_encode_as_the_field_walk_did():
    ms = [mention(f"d_{i:016d}", date(2024, 3, 1 + i % 20), country=("RU", "UA", "SY")[i % 3]) for i in range(30)]
    events = fuse(list(enumerate(ms)), {})
    for value in ms + events:
        assert to_jsonable(value) == _walk(value)
        assert list(to_jsonable(value)) == list(_walk(value))  # keys in field order
    assert to_jsonable(ms[0]) != to_jsonable(ms[1])  # the check can tell two mentions apart
    assert from_jsonable(Mention, to_jsonable(ms[3])) == ms[3]


def test_odd_values_encode_as_the_field_walk_did():
    for value in (Mention, None, True, 3, 2.5, _Text("x"), {"a": (1, date(2024, 1, 2))}, [_Text("y"), None]):
        assert to_jsonable(value) == _walk(value)
    assert to_jsonable(Mention) is Mention  # a dataclass itself, not an instance: left as it is
