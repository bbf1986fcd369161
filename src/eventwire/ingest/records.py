"""One place that turns a loose mapping into a Record.

JSONL lines come in our field names or news-please's; values may be of the
wrong type.  Normalising here means no later stage sees a dict.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from eventwire.errors import Errors, InputError
from eventwire.model import Record

# news-please and other common exporters, mapped onto OUTPUT.md names
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "external_id": ("id", "external_id"),
    "url": ("url",),
    "outlet": ("outlet", "source_domain", "source"),
    "title": ("title",),
    "published": ("published", "date_publish", "published_date", "date_published", "datePublished", "pubDate", "date"),
    "language": ("language",),
    "text": ("text", "maintext", "body", "content"),
    "html": ("html",),
}


def _as_text(value: Any, field: str, source: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or isinstance(value, (dict, list)):
        raise InputError(Errors.E210.format(source=source, field=field, kind=type(value).__name__))
    if isinstance(value, (int, float)):
        return str(value)
    if not isinstance(value, str):
        raise InputError(Errors.E210.format(source=source, field=field, kind=type(value).__name__))
    value = value.replace("\x00", "")
    return value if value.strip() else None


def record_from_mapping(obj: Mapping[str, Any], source: str, **overrides: str | None) -> Record:
    """Build a Record; raise InputError naming the field when a value is unusable."""
    if not isinstance(obj, Mapping):
        raise InputError(Errors.E211.format(source=source, kind=type(obj).__name__))
    values: dict[str, str | None] = {}
    for name, keys in FIELD_ALIASES.items():
        for key in keys:
            if key in obj and obj[key] is not None:
                values[name] = _as_text(obj[key], key, source)
                break
    values.update({k: v for k, v in overrides.items() if v is not None})
    return Record(source=source, **values)
