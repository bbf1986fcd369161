"""Writers for each export format; each takes dicts from shapes.py and a text stream."""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from eventwire.model import Event
from eventwire.serve.exports.shapes import event_dict

# OWASP's CSV-injection rule: a cell a spreadsheet would read as a formula starts with one of these
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula, prefixed with ' so it shows as text.

    Article text is written by strangers: ``=HYPERLINK(…)`` or ``=cmd|' /C calc'!A0``
    in a title must reach the analyst as words.  Numbers stay numbers.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class _SafeWriter:
    """csv.DictWriter whose every cell goes through ``neutralise``."""

    def __init__(self, out: TextIO, columns: list[str]) -> None:
        self._writer = csv.DictWriter(out, fieldnames=columns)
        self._writer.writeheader()

    def writerow(self, row: dict[str, Any]) -> None:
        self._writer.writerow({k: neutralise(v) for k, v in row.items()})


def safe_writer(out: TextIO, columns: list[str]) -> _SafeWriter:
    """A CSV writer (header already written) that neutralises formula cells: every CSV export uses it."""
    return _SafeWriter(out, columns)


def write_jsonl(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return n


def _flat(value: Any) -> Any:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return value


def write_csv(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    rows = list(rows)
    if not rows:
        return 0
    writer = safe_writer(out, list(rows[0].keys()))
    for row in rows:
        writer.writerow({k: _flat(v) for k, v in row.items()})
    return len(rows)


def write_geojson(events: Iterable[Event], out: TextIO) -> int:
    features = []
    for ev in events:
        d = event_dict(ev)
        loc = d["location"]
        if not loc or loc["lat"] is None:
            continue
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]},
                "properties": {k: v for k, v in d.items() if k not in ("mentions", "references")},
            }
        )
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")
    return len(features)
