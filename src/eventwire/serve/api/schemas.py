"""Response models: the public shapes of ``serve.exports.shapes`` written as types.

They exist for the OpenAPI document; the values themselves always come from
``shapes.event_dict`` / ``shapes.document_dict``.  Models allow extra fields, so
a field added to shapes.py still reaches clients unchanged before it is
described here; tests/serve/test_api.py fails until it is.
"""
from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

# a claim's value: a count (int, kept as int), a measure (float) or a word ("Kozinka")
ClaimValue = int | float | str | None


class _Shape(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)


# ---------------------------------------------------------------------- events
class EventDate(_Shape):
    start: str = Field(description="ISO date", examples=["2023-05-24"])
    end: str = Field(description="ISO date", examples=["2023-05-24"])
    precision: str = Field(description="day | week | month | year")


class EventLocation(_Shape):
    name: str
    admin1: str | None
    country: str | None = Field(description="ISO 3166-1 alpha-2")
    lat: float | None
    lon: float | None
    precision: str = Field(description="point | town | district | region | country")
    geonames_id: int | None


class EventActor(_Shape):
    name: str
    role: str = Field(description="actor1 | actor2 | assoc_actor_1 | assoc_actor_2")
    id: str | None
    aliases_seen: list[str]


class EventFatalities(_Shape):
    best: int | None
    low: int | None
    high: int | None


class EventClaim(_Shape):
    property: str = Field(description="fatalities | injuries | captured | damage | control | responsibility | occurred")
    value: ClaimValue
    qualifier: str | None
    subject: str | None
    claimant: str | None
    stance: str = Field(description="asserts | denies")
    hedged: bool
    document: str
    sentence: str
    span: list[int] = Field(description="[start, end] character offsets of the sentence in the document text")


class EventContradiction(_Shape):
    property: str
    claims: list[int] = Field(description="indices into the event's claims")
    summary: str


class EventUpdate(_Shape):
    property: str
    claims: list[int] = Field(description="indices into the event's claims: the earlier figure, then the later")
    summary: str


class EventMention(_Shape):
    document: str
    sentence: str
    span: list[int] = Field(description="[start, end] character offsets of the sentence in the document text")
    reason: str


class EventPublic(_Shape):
    id: str
    event_type: str
    sub_event_type: str
    date: EventDate | None
    location: EventLocation | None
    actors: list[EventActor]
    fatalities: EventFatalities
    claims: list[EventClaim]
    contradictions: list[EventContradiction]
    updates: list[EventUpdate] = Field(description="a claimant revising its own figure (not a contradiction)")
    mentions: list[EventMention]
    references: list[EventMention] = Field(
        description="sentences that name the event only to date something else ('arrived two days before the "
                    "offensive'): linked for the analyst, but their documents are not sources of the event")
    documents: list[str]
    confidence: float
    confidence_reasons: list[str]


class ClaimRow(EventClaim):
    """One claim with the event it belongs to (as ``export --what claims``)."""

    event_id: str


# ------------------------------------------------------------------- documents
class PublishedInfo(_Shape):
    date: str | None
    source: str = Field(description="metadata | html | text | story | ingest | none")
    confidence: float
    conflict: str | None
    evidence: str | None = Field(description="what the date was read from")
    reason: str | None = Field(description="why the story's date stands instead of the page's own")


class PageDate(_Shape):
    date: str | None
    source: str = Field(description="metadata | html | text | none: where clean found the page's own date")
    evidence: str | None


class CopyOf(_Shape):
    document: str
    relation: str = Field(description="duplicate | near-duplicate | rewrite | translation")
    similarity: float


class DriftItem(_Shape):
    kind: str = Field(description="agent | number | negation | entity | place | date")
    original: str = Field(description="the sentence in the document this one copies")
    copy_: str = Field(alias="copy", description="the sentence here")
    note: str


class DocumentPublic(_Shape):
    id: str
    external_id: str | None
    url: str | None
    outlet: str | None
    title: str | None
    published: PublishedInfo
    page: PageDate = Field(description="the page's own date as clean read it; 'published' is the decided one")
    language: str
    text: str
    removed: list[str]
    story: str | None
    copy_of: CopyOf | None
    drift: list[DriftItem]


# ----------------------------------------------------------------------- misc
T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    total: int = Field(description="how many match, before limit and offset")
    limit: int
    offset: int
    items: list[T]


class Health(BaseModel):
    status: str = Field(examples=["ok"])
    version: str
    database: str = Field(description="ok, or why it cannot be read")
