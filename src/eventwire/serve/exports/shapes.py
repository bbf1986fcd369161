"""Events and documents as the plain dicts OUTPUT.md specifies.

The one place that knows the public field names; every writer (JSONL, CSV,
GeoJSON, the API) goes through it so they cannot drift apart.
"""
from __future__ import annotations

from typing import Any

from eventwire.model import Event, Mention
from eventwire.store.event_index import EventSummary
from eventwire.store.repository import StoredDocument


def _mention(m: Mention) -> dict[str, Any]:
    """A sentence that tells the event, with where it stands and why it was read so."""
    return {
        "document": m.document,
        "sentence": m.evidence.sentence,
        "span": [m.evidence.start, m.evidence.end],
        "reason": m.reason,
    }


def event_dict(ev: Event) -> dict[str, Any]:
    loc = ev.location
    return {
        "id": ev.id,
        "event_type": ev.event_type,
        "sub_event_type": ev.sub_event_type,
        "date": {
            "start": ev.date.start.isoformat(),
            "end": ev.date.end.isoformat(),
            "precision": ev.date.precision,
        } if ev.date else None,
        "location": {
            "name": loc.name,
            "admin1": loc.admin1,
            "country": loc.country,
            "lat": loc.lat,
            "lon": loc.lon,
            "precision": loc.precision,
            "geonames_id": loc.geonames_id,
        } if loc else None,
        "actors": [
            {"name": a.name, "role": a.role, "id": a.id, "aliases_seen": [x for x in a.alias.split("; ") if x]}
            for a in ev.actors
        ],
        "fatalities": {"best": ev.fatalities.best, "low": ev.fatalities.low, "high": ev.fatalities.high},
        "claims": [
            {
                "property": c.property,
                "value": c.value,
                "qualifier": c.qualifier,
                "subject": c.subject,
                "claimant": c.claimant,
                "stance": c.stance,
                "hedged": c.hedged,
                "document": c.evidence.document,
                "sentence": c.evidence.sentence,
                "span": [c.evidence.start, c.evidence.end],
            }
            for c in ev.claims
        ],
        "contradictions": [
            {"property": x.property, "claims": list(x.claims), "summary": x.summary} for x in ev.contradictions
        ],
        "updates": [{"property": u.property, "claims": list(u.claims), "summary": u.summary} for u in ev.updates],
        "mentions": [_mention(m) for m in ev.mentions],
        # sentences that name the event only to date something else: links, not sources
        "references": [_mention(m) for m in ev.references],
        "documents": list(ev.documents),
        "confidence": ev.confidence,
        "confidence_reasons": list(ev.confidence_reasons),
    }


def document_dict(doc: StoredDocument) -> dict[str, Any]:
    pub = doc.published
    return {
        "id": doc.id,
        "external_id": doc.external_id,
        "url": doc.url,
        "outlet": doc.outlet,
        "title": doc.title,
        "published": {
            "date": pub.date.isoformat() if pub.date else None,
            "source": pub.source,
            "confidence": pub.confidence,
            "conflict": pub.conflict,
            "evidence": pub.evidence,
            "reason": pub.reason,
        },
        # the page's own date as clean read it; differs from "published" when the story's date won
        "page": {
            "date": doc.page.date.isoformat() if doc.page.date else None,
            "source": doc.page.source,
            "evidence": doc.page.evidence,
        },
        "language": doc.language,
        "text": doc.text,
        "removed": list(doc.removed),
        "story": doc.story,
        "copy_of": doc.copy_of,
        "drift": list(doc.drift),
    }


def claim_rows(ev: Event) -> list[dict[str, Any]]:
    base = event_dict(ev)
    return [{"event_id": ev.id, **c} for c in base["claims"]]


def headline(s: EventSummary) -> str:
    """One readable line: "Air/drone strike, Kherson, 2024-06-03 — 12 killed (disputed)"."""
    when = s.date_start.isoformat() if s.date_start else "date unknown"
    if s.date_end and s.date_start and s.date_end != s.date_start:
        when += f" to {s.date_end.isoformat()}"
    parts = [s.sub_event_type or s.event_type, s.place or "place unknown", when]
    tail = ""
    if s.fatalities:
        tail = f" — {s.fatalities} killed"
    if s.contradicted:
        tail += " (disputed)"
    return ", ".join(parts) + tail


def summary_dict(s: EventSummary) -> dict[str, Any]:
    """An event as the desk lists it (from the index alone; the full event is at /api/events/{id})."""
    return {
        "id": s.id, "headline": headline(s), "event_type": s.event_type, "sub_event_type": s.sub_event_type,
        "date_start": s.date_start.isoformat() if s.date_start else None,
        "date_end": s.date_end.isoformat() if s.date_end else None,
        "country": s.country, "admin1": s.admin1, "place": s.place, "lat": s.lat, "lon": s.lon,
        "fatalities": s.fatalities, "contradicted": s.contradicted, "confidence": s.confidence,
    }


def summary_of(ev: Event) -> EventSummary:
    """The index's view of one event, for its headline on pages that hold the whole event."""
    loc = ev.location
    return EventSummary(
        id=ev.id, event_type=ev.event_type, sub_event_type=ev.sub_event_type,
        date_start=ev.date.start if ev.date else None, date_end=ev.date.end if ev.date else None,
        country=loc.country if loc else None, admin1=loc.admin1 if loc else None, place=loc.name if loc else None,
        lat=loc.lat if loc else None, lon=loc.lon if loc else None, fatalities=ev.fatalities.best,
        contradicted=bool(ev.contradictions), confidence=ev.confidence,
    )
