"""Writers for each export format; each takes dicts from shapes.py and a text stream."""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from eventwire.model import Event
from eventwire.serve.exports.shapes import event_dict

ACLED_COLUMNS = [
    "event_id", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "country", "admin1", "location",
    "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities",
    "claims_json", "contradiction",
]
# ACLED's numeric precision codes: 1 exact place/day, 2 nearby/week, 3 region/month
GEO_PRECISION_CODE = {"point": 1, "town": 1, "district": 2, "region": 3, "country": 3}
TIME_PRECISION_CODE = {"day": 1, "week": 2, "month": 3, "year": 3}


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
    writer = csv.DictWriter(out, fieldnames=list(rows[0].keys()))
    writer.writeheader()
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


def acled_row(ev: Event, outlets: dict[str, str]) -> dict[str, Any]:
    d = event_dict(ev)
    by_role: dict[str, list[str]] = {}
    for a in ev.actors:
        by_role.setdefault(a.role, []).append(a.name)
    loc = d["location"] or {}
    sources = sorted({outlets.get(doc, doc) for doc in ev.documents})
    first = ev.mentions[0].evidence.sentence if ev.mentions else ""
    return {
        "event_id": ev.id,
        "event_date": ev.date.start.isoformat() if ev.date else "",
        "year": ev.date.start.year if ev.date else "",
        "time_precision": TIME_PRECISION_CODE.get(ev.date.precision, 3) if ev.date else "",
        "event_type": ev.event_type,
        "sub_event_type": ev.sub_event_type,
        "actor1": "; ".join(by_role.get("actor1", [])[:1]),
        "assoc_actor_1": "; ".join(by_role.get("assoc_actor_1", []) + by_role.get("actor1", [])[1:]),
        "actor2": "; ".join(by_role.get("actor2", [])[:1]),
        "assoc_actor_2": "; ".join(by_role.get("assoc_actor_2", []) + by_role.get("actor2", [])[1:]),
        "country": loc.get("country") or "",
        "admin1": loc.get("admin1") or "",
        "location": loc.get("name") or "",
        "latitude": loc.get("lat") if loc.get("lat") is not None else "",
        "longitude": loc.get("lon") if loc.get("lon") is not None else "",
        "geo_precision": GEO_PRECISION_CODE.get(loc.get("precision"), 3) if loc else "",
        "source": "; ".join(s for s in sources if s),
        "source_scale": "Multiple" if len(sources) > 1 else "Single",
        "notes": first[:500],
        "fatalities": ev.fatalities.best,
        "claims_json": json.dumps(d["claims"], ensure_ascii=False),
        "contradiction": "; ".join(c.summary for c in ev.contradictions),
    }


def write_acled_csv(events: Iterable[Event], outlets: dict[str, str], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS)
    writer.writeheader()
    n = 0
    for ev in events:
        writer.writerow(acled_row(ev, outlets))
        n += 1
    return n
