"""The typed values that pass between pipeline stages.

Stages hand each other these frozen dataclasses and nothing else (no dicts,
ORM rows or spaCy objects) so that a stage can be tested on values written in
a test, and so that a field that drifts is a type error rather than a silent
KeyError three stages later.  Every extracted field carries the evidence it
came from and a short ``reason``: an analyst must be able to ask "why?".
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


# --------------------------------------------------------------------- ingest
@dataclass(frozen=True)
class Record:
    """One input item as a source gave it, fields normalised to OUTPUT.md names."""

    source: str  # where it came from: "path", "path:line" or a URL; for error messages
    external_id: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None  # as the source claims it, unparsed
    language: str | None = None
    text: str | None = None
    html: str | None = None
    # a feed item's teaser, kept with the article page fetched for it: the text when the page yields none
    summary: str | None = None
    # when a web archive captured the page (ISO 8601): the publication date cannot be later
    captured: str | None = None


@dataclass(frozen=True)
class IngestError:
    """An input that could not be read; reported with where and why, then skipped."""

    source: str
    reason: str


# ---------------------------------------------------------------------- clean
@dataclass(frozen=True)
class PublishedDate:
    date: date | None
    source: str  # metadata | html | text | story | ingest | none
    confidence: float
    conflict: str | None = None
    evidence: str | None = None  # the string the date was read from
    reason: str | None = None  # why this date stands (set when dating chose it over the page's own)


@dataclass(frozen=True)
class Document:
    id: str  # "d_" + first 16 hex digits of content_hash
    content_hash: str  # sha256 of the normalised cleaned text
    external_id: str | None
    url: str | None
    outlet: str | None
    title: str | None
    published: PublishedDate
    language: str
    text: str
    removed: tuple[str, ...] = ()
    source: str = ""


# ----------------------------------------------------------------- provenance
@dataclass(frozen=True)
class CopyLink:
    document: str
    relation: str  # duplicate | near-duplicate | rewrite | translation
    similarity: float


@dataclass(frozen=True)
class Drift:
    kind: str  # agent | number | negation | entity | place | date
    original: str
    copy: str
    note: str


@dataclass(frozen=True)
class Provenance:
    document: str
    story: str
    copy_of: CopyLink | None = None
    drift: tuple[Drift, ...] = ()


# -------------------------------------------------------------------- extract
@dataclass(frozen=True)
class Evidence:
    document: str
    sentence: str
    start: int  # character offsets of the sentence in the document text
    end: int


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None  # ISO 3166-1 alpha-2
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: str  # point | town | district | region | country
    geonames_id: int | None = None
    start: int = 0  # offsets of the toponym in the text it was found in
    end: int = 0
    surface: str = ""  # the toponym as written
    reason: str = ""
    feature: str = ""  # what kind of mention: "" for a toponym, "demonym" for "Russian", "Ukrainian", "locality"
    # for a region standing for a village the gazetteer does not know (its name in surface)


@dataclass(frozen=True)
class DateSpan:
    start: date
    end: date
    precision: str  # day | week | month | year
    text: str = ""  # the expression it was read from
    reason: str = ""
    span: tuple[int, int] = (0, 0)  # offsets of the expression in the text it was found in
    # the day a speaker told of the deed ("activists said on Saturday"), its own day untold: fusion prefers a
    # report's own day ("stormed the village on Friday"); not part of what the date is (equality, hashing)
    spoken: bool = field(default=False, compare=False)


@dataclass(frozen=True)
class ActorRef:
    name: str
    role: str  # actor1 | actor2 | assoc_actor_1 | assoc_actor_2
    id: str | None = None
    alias: str = ""  # the words in the text
    inter: int | None = None  # ACLED inter code
    reason: str = ""


@dataclass(frozen=True)
class Claim:
    property: str  # fatalities | injuries | captured | damage | control | responsibility | occurred
    value: float | str | None
    qualifier: str | None  # at least | about | more than | up to | None
    subject: str | None  # whose losses: civilians, soldiers, attackers, people
    claimant: str | None
    stance: str  # asserts | denies
    hedged: bool
    evidence: Evidence
    reason: str = ""


# the words ``Mention.doubt`` carries when its sentence says its report was denied (extract.deeds)
DENIED_DOUBT = "denied in its own sentence"


@dataclass(frozen=True)
class Mention:
    """One sentence's report of one happening."""

    document: str
    evidence: Evidence
    event_type: str
    sub_event_type: str
    trigger: str
    date: DateSpan | None
    place: Place | None
    actors: tuple[ActorRef, ...] = ()
    claims: tuple[Claim, ...] = ()
    story: str | None = None
    reason: str = ""
    # True when the sentence only uses the happening to date something else ("arrived two days
    # before the offensive"): it may link to the event, but its document is no source of it
    landmark: bool = False
    # the weapon concept the sub-type was read from ("planted explosives"), "" when the trigger alone
    # decided it (a bare "explosion"): a named weapon outranks a default when reports disagree
    weapon: str = ""
    # why extract.deeds doubts that the sentence reports a concrete deed ("" when it does not):
    # an event all of whose mentions are doubted goes out with lower confidence and this reason
    doubt: str = ""
    # on a live page, the stamp of the entry the sentence is in ("22 Apr 2022 - 08:01 GMT"); "" elsewhere:
    # each entry is its own report
    entry: str = ""


# ----------------------------------------------------------------------- fuse
@dataclass(frozen=True)
class Fatalities:
    best: int | None
    low: int | None
    high: int | None


@dataclass(frozen=True)
class Contradiction:
    property: str
    claims: tuple[int, ...]  # indices into Event.claims
    summary: str


@dataclass(frozen=True)
class Update:
    """A claimant revising its own figure: shown as an update, never as a contradiction."""

    property: str
    claims: tuple[int, int]  # indices into Event.claims: earlier, later
    summary: str


@dataclass(frozen=True)
class Event:
    id: str
    event_type: str
    sub_event_type: str
    date: DateSpan | None
    location: Place | None
    actors: tuple[ActorRef, ...]
    fatalities: Fatalities
    claims: tuple[Claim, ...]
    contradictions: tuple[Contradiction, ...]
    mentions: tuple[Mention, ...]
    documents: tuple[str, ...]
    confidence: float
    confidence_reasons: tuple[str, ...] = field(default=())
    updates: tuple[Update, ...] = field(default=())
    # landmark mentions that name this event to date something else: linked, but not sources
    references: tuple[Mention, ...] = field(default=())

    @property
    def only_talk(self) -> bool:
        """Every report of it only talks about a deed: ``extract.deeds`` doubted each one for want of
        a date, place, participant or count in its sentence.  A report the sentence says was denied is
        one side's word against the other's, not talk, and keeps the event."""
        return bool(self.mentions) and all(m.doubt and DENIED_DOUBT not in m.doubt for m in self.mentions)

    @property
    def exportable(self) -> bool:
        """OUTPUT.md: an event needs a region-or-better place and a month-or-better date; and (precision
        first) a report that tells the deed concretely: one that is only talk stays in the database as
        context, as vaguer mentions do."""
        return (
            not self.only_talk
            and self.location is not None
            and self.location.precision in ("point", "town", "district", "region")
            and self.location.lat is not None
            and self.date is not None
            and self.date.precision in ("day", "week", "month")
        )
