"""Events and documents as the plain dicts OUTPUT.md specifies.

The one place that knows the public field names; every writer (JSONL, CSV,
GeoJSON, the API) goes through it so they cannot drift apart.
"""
from __future__ import annotations

from typing import Any

from eventwire.model import Event, Mention
from eventwire.store.orm import DocumentRow


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


def document_dict(row: DocumentRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "external_id": row.external_id,
        "url": row.url,
        "outlet": row.outlet,
        "title": row.title,
        "published": {
            "date": row.published_date.isoformat() if row.published_date else None,
            "source": row.published_source,
            "confidence": row.published_confidence,
            "conflict": row.published_conflict,
            "evidence": row.published_evidence,
            "reason": row.published_reason,
        },
        # the page's own date as clean read it; differs from "published" when the story's date won
        "page": {
            "date": row.page_date.isoformat() if row.page_date else None,
            "source": row.page_source,
            "evidence": row.page_evidence,
        },
        "language": row.language,
        "text": row.text,
        "removed": list(row.removed or []),
        "story": row.story,
        "copy_of": row.copy_of,
        "drift": list(row.drift or []),
    }


def claim_rows(ev: Event) -> list[dict[str, Any]]:
    base = event_dict(ev)
    return [{"event_id": ev.id, **c} for c in base["claims"]]
