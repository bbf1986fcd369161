"""The desk's event index: filtering, ordering and paging in SQL, free text by FTS5.

``events`` keeps each event's full payload; ``event_index`` (orm.EventIndexRow)
holds the columns a list filters and sorts by, and on SQLite an FTS5 table
``events_fts`` holds each event's words (types, place, actors, claimants and
its sentences) under the same row number.  A page of 50 reads 50 payloads,
whatever the database holds.  PostgreSQL searches ``search_text`` with its own
full text (a GIN index over ``to_tsvector('simple', …)``, orm.py) instead of
FTS5.  Actor names are kept once each (``actor_names``) with the events that
name them (``event_actors``), so the actor filter matches names, not events.

``update_event_index`` is called by ``repository.sync_events`` for the events
it writes; ``ensure_event_index`` rebuilds the whole index when it does not
match the events table (a database from before the index, or a crash).
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone

from sqlalchemy import Engine, delete, exists, func, insert, or_, select, text
from sqlalchemy import Integer, column, literal_column
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from eventwire.model import Event
from eventwire.store.batches import chunks
from eventwire.store.codec import from_jsonable
from eventwire.store.orm import (
    OLD_EVENT_INDEXES, PG_TEXT_CONFIG, ActorNameRow, EventActorRow, EventDocumentRow, EventIndexRow, EventRow, MetaRow,
)

log = logging.getLogger("eventwire.store")

FTS_TABLE = "events_fts"
MAX_SEARCH_WORDS = 12  # more words than this add nothing a reader could mean, only work
# a page of an actor or words filter matching at most this many events reads them from the set and sorts them,
# rather than walking the list newest first until the page is full: at 100k events a set of 0-2,000 events
# is sorted in under 2 ms, while the walk past 100k index entries to find them took 20 ms (desk_bench.py)
SORT_SET_BELOW = 2000
# the index's layout; a database whose meta row says otherwise is re-indexed once when served
INDEX_VERSION_KEY, INDEX_VERSION = "event_index_version", "3"  # 2: actor names table; 3: covering indexes
INDEXES_ONLY_SINCE = {"2"}  # layouts whose rows are current: only the indexes are replaced, no rebuild


@dataclass(frozen=True)
class EventFilter:
    """What a list, a map, a timeline or an export is restricted to; None means no restriction."""

    event_type: str | None = None  # an ACLED type or sub-type, any case
    sub_event_type: str | None = None
    since: date | None = None  # events ending on or after
    until: date | None = None  # events starting on or before
    country: str | None = None
    admin1: str | None = None
    actor: str | None = None  # part of an actor's name
    text: str | None = None  # free text: every word must occur
    contradicted: bool = False  # only events with a contradiction
    min_confidence: float | None = None
    include_context: bool = False  # also events without a usable place or date


@dataclass(frozen=True)
class EventSummary:
    """One line of the desk's list and one marker of its map, read from the index alone."""

    id: str
    event_type: str
    sub_event_type: str
    date_start: date | None
    date_end: date | None
    country: str | None
    admin1: str | None
    place: str | None
    lat: float | None
    lon: float | None
    fatalities: int | None
    contradicted: bool
    confidence: float


# ------------------------------------------------------------------- writing
def _search_body(ev: Event) -> str:
    loc = ev.location
    words = [ev.event_type, ev.sub_event_type]
    if loc:
        words += [loc.name, loc.admin1 or "", loc.country or ""]
    words += [a.name for a in ev.actors] + [a.alias for a in ev.actors]
    words += [c.claimant or "" for c in ev.claims]
    words += [m.evidence.sentence for m in ev.mentions]
    return " ".join(w for w in words if w)


def _values(ev: Event, now: datetime, fts: bool) -> dict:
    loc = ev.location
    return {
        "id": ev.id, "event_type": ev.event_type, "sub_event_type": ev.sub_event_type,
        "date_start": ev.date.start if ev.date else None, "date_end": ev.date.end if ev.date else None,
        "country": (loc.country or "").upper() or None if loc else None,
        "admin1": loc.admin1 if loc else None, "place": loc.name if loc else None,
        "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
        "actors_text": " | ".join(a.name for a in ev.actors).lower(),
        "fatalities": ev.fatalities.best, "claims": len(ev.claims), "contradicted": bool(ev.contradictions),
        "confidence": ev.confidence, "exportable": ev.exportable,
        # with FTS5 the words live in events_fts; a copy here would make every row scan read them
        "search_text": "" if fts else _search_body(ev).lower(), "updated_at": now,
    }


def _has_fts(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def _create_fts(session: Session) -> None:
    if _has_fts(session):
        session.execute(text(f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(body, "
                             "tokenize = 'unicode61 remove_diacritics 2')"))


def _actor_names(ev: Event) -> list[str]:
    return list(dict.fromkeys(a.name.lower() for a in ev.actors if a.name))


def _name_keys(session: Session, names: set[str]) -> dict[str, int]:
    """The key of each name, new names added."""
    wanted = sorted(names)
    keys: dict[str, int] = {}
    for part in chunks(wanted):
        keys.update(session.execute(select(ActorNameRow.name, ActorNameRow.k).where(ActorNameRow.name.in_(part))).all())
    new = [{"name": n} for n in wanted if n not in keys]
    if new:
        session.execute(insert(ActorNameRow), new)
        for part in chunks(v["name"] for v in new):
            keys.update(session.execute(select(ActorNameRow.name, ActorNameRow.k).where(ActorNameRow.name.in_(part))).all())
    return keys


def _delete_rows(session: Session, ids: list[str]) -> None:
    rows = list(session.scalars(select(EventIndexRow.n).where(EventIndexRow.id.in_(ids))))
    for part in chunks(rows):
        ns = [int(n) for n in part]
        session.execute(delete(EventActorRow).where(EventActorRow.n.in_(ns)))
        if _has_fts(session):
            session.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({','.join(map(str, ns))})"))
    session.execute(delete(EventIndexRow).where(EventIndexRow.id.in_(ids)))


def update_event_index(session: Session, events: Iterable[Event], removed: Iterable[str]) -> None:
    """Index rows for ``events`` (new or changed) written afresh; those of ``removed`` ids deleted."""
    events = list(events)
    gone = [*removed, *(ev.id for ev in events)]
    _create_fts(session)
    if session.get(MetaRow, INDEX_VERSION_KEY) is None and session.scalar(select(EventIndexRow.n).limit(1)) is None:
        session.merge(MetaRow(key=INDEX_VERSION_KEY, value=INDEX_VERSION))  # a new index starts in this layout
    for ids in chunks(gone):
        _delete_rows(session, ids)
        session.execute(delete(EventDocumentRow).where(EventDocumentRow.event_id.in_(ids)))
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    for batch in chunks(events):
        values = [_values(ev, now, _has_fts(session)) for ev in batch]
        session.execute(insert(EventIndexRow), values)
        links = [{"event_id": ev.id, "document_id": d} for ev in batch for d in dict.fromkeys(ev.documents)]
        if links:
            session.execute(insert(EventDocumentRow), links)
        ns = dict(session.execute(select(EventIndexRow.id, EventIndexRow.n)
                                  .where(EventIndexRow.id.in_([v["id"] for v in values]))).all())
        keys = _name_keys(session, {n for ev in batch for n in _actor_names(ev)})
        pairs = [{"k": keys[name], "n": ns[ev.id]} for ev in batch for name in _actor_names(ev)]
        if pairs:
            session.execute(insert(EventActorRow), pairs)
        if _has_fts(session):
            session.execute(text(f"INSERT INTO {FTS_TABLE}(rowid, body) VALUES (:n, :body)"),
                            [{"n": ns[ev.id], "body": _search_body(ev).lower()} for ev in batch])


def rebuild_event_index(session: Session) -> int:
    """The whole index rebuilt from the events table; how many events it holds."""
    _create_fts(session)
    if _has_fts(session):
        session.execute(text(f"DELETE FROM {FTS_TABLE}"))
    session.execute(delete(EventIndexRow))
    session.execute(delete(EventDocumentRow))
    session.execute(delete(EventActorRow))
    ids = list(session.scalars(select(EventRow.id)))  # read first: no cursor stays open across the writes
    for batch in chunks(ids):
        update_event_index(session, load_events(session, batch), ())
    session.merge(MetaRow(key=INDEX_VERSION_KEY, value=INDEX_VERSION))
    return len(ids)


def index_is_current(session: Session) -> bool:
    """The index holds every event, in this version's layout (an empty database is current)."""
    indexed = session.scalar(select(func.count(EventIndexRow.n))) or 0
    if indexed != (session.scalar(select(func.count(EventRow.id))) or 0):
        return False
    version = session.get(MetaRow, INDEX_VERSION_KEY)
    return indexed == 0 or (version is not None and version.value == INDEX_VERSION)


def _replace_indexes(session: Session) -> None:
    """Indexes of earlier layouts dropped, this layout's made: ``create_all`` makes tables, not their new indexes."""
    conn = session.connection()
    for name in OLD_EVENT_INDEXES:
        conn.execute(text(f"DROP INDEX IF EXISTS {name}"))
    for index in EventIndexRow.__table__.indexes:
        index.create(conn, checkfirst=True)
    version = session.get(MetaRow, INDEX_VERSION_KEY)
    if version is not None and version.value in INDEXES_ONLY_SINCE:
        version.value = INDEX_VERSION


def ensure_event_index(engine: Engine) -> None:
    """Build the index if it does not match the events table (committed here: it is derived data)."""
    try:
        with Session(engine) as session:
            _create_fts(session)
            _replace_indexes(session)
            if not index_is_current(session):
                n = rebuild_event_index(session)
                log.info("event index rebuilt: %d events", n)
            session.commit()
    except SQLAlchemyError as exc:  # a read-only or locked file: lists fall back to what is indexed
        log.warning("event index not checked: %s", exc)


# ------------------------------------------------------------------- reading
def like_escape(value: str) -> str:
    """``value`` as a LIKE pattern matching itself: % _ and the escape character escaped."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _fts_query(words: Sequence[str]) -> str:
    return " ".join(f'"{w}"*' for w in words)


def _conditions(session: Session, f: EventFilter, whole: bool = False) -> list:
    """The filter in SQL.  ``whole``: for a count or a sum over every match, not a page of them.

    A page walks the list index newest first and stops after the page; an
    actor is tested there event by event (EXISTS), not by building the set of
    every event naming it first (at 100k events, 0.2 ms against 8 ms).  A
    count over an actor or words filter instead reads the set those name and
    looks each row up (33k actor rows: 15 ms, against 45 ms testing all 100k
    index entries against the set), so on SQLite the ``exportable`` term is
    written in a form the planner cannot take an index for.
    """
    c = EventIndexRow
    from_set = whole and _has_fts(session) and _has_set(f)
    cond = [] if f.include_context else [
        (literal_column("+event_index.exportable") == 1) if from_set else c.exportable.is_(True)]
    if f.event_type:
        t = f.event_type.lower()
        cond.append(or_(func.lower(c.event_type) == t, func.lower(c.sub_event_type) == t))
    if f.sub_event_type:
        cond.append(func.lower(c.sub_event_type) == f.sub_event_type.lower())
    if f.since:
        cond.append(c.date_end >= f.since)
    if f.until:
        cond.append(c.date_start <= f.until)
    if f.country:
        cond.append(c.country == f.country.upper())
    if f.admin1:
        cond.append(func.lower(c.admin1) == f.admin1.lower())
    if f.actor:
        names = select(ActorNameRow.k).where(ActorNameRow.name.like(f"%{like_escape(f.actor.lower())}%", escape="\\"))
        if whole:
            cond.append(c.n.in_(select(EventActorRow.n).where(EventActorRow.k.in_(names))))
        else:
            cond.append(exists().where(EventActorRow.n == c.n, EventActorRow.k.in_(names)))
    if f.contradicted:
        cond.append(c.contradicted.is_(True))
    if f.min_confidence is not None:
        cond.append(c.confidence >= f.min_confidence)
    words = re.findall(r"\w+", (f.text or "").lower())[:MAX_SEARCH_WORDS]
    if words and _has_fts(session):
        fts = text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q").bindparams(q=_fts_query(words))
        cond.append(c.n.in_(fts.columns(column("rowid", Integer))))
    elif words:
        cond.append(_pg_words(words))
    return cond


def _has_set(f: EventFilter) -> bool:
    """The filter names a set of events (an actor's, or those holding some words) rather than column values."""
    return bool(f.actor or re.search(r"\w", f.text or ""))


def _pg_words(words: Sequence[str]):
    """PostgreSQL's match for every word as a word start, as FTS5's ``"w"*`` (the GIN index's expression)."""
    terms = [t for w in words for t in re.findall(r"[^\W_]+", w)]
    if not terms:
        return text("false")
    query = func.to_tsquery(PG_TEXT_CONFIG, " & ".join(f"{t}:*" for t in terms))
    return func.to_tsvector(PG_TEXT_CONFIG, EventIndexRow.search_text).op("@@")(query)


def _summary(r: EventIndexRow) -> EventSummary:
    return EventSummary(id=r.id, event_type=r.event_type, sub_event_type=r.sub_event_type, date_start=r.date_start,
                        date_end=r.date_end, country=r.country, admin1=r.admin1, place=r.place, lat=r.lat, lon=r.lon,
                        fatalities=r.fatalities, contradicted=r.contradicted, confidence=r.confidence)


def count_matching(session: Session, f: EventFilter) -> int:
    return session.scalar(select(func.count(EventIndexRow.n)).where(*_conditions(session, f, whole=True))) or 0


def find_events(session: Session, f: EventFilter, limit: int | None = None, offset: int = 0,
                total: int | None = None) -> list[EventSummary]:
    """Matching events, newest first (then by id), one page of them.

    ``total``, when the caller has counted the matches (``count_matching``),
    lets a small set be read from the set and sorted (SORT_SET_BELOW).
    """
    small = total is not None and total <= SORT_SET_BELOW and _has_set(f)
    q = (select(EventIndexRow).where(*_conditions(session, f, whole=small))
         .order_by(EventIndexRow.date_start.desc(), EventIndexRow.id).offset(offset))
    if limit is not None:
        q = q.limit(limit)
    return [_summary(r) for r in session.scalars(q)]


def counted_page(session: Session, f: EventFilter, limit: int, offset: int = 0) -> tuple[int, list[EventSummary]]:
    """(how many events match, one page of them): the count first, so that a small set is sorted whole
    (``find_events``' ``total``)."""
    total = count_matching(session, f)
    return total, find_events(session, f, limit, offset, total)


def load_events(session: Session, ids: Sequence[str]) -> list[Event]:
    """The full events for ``ids``, in that order."""
    by_id = {}
    for batch in chunks(ids):
        rows = session.execute(select(EventRow.id, EventRow.payload).where(EventRow.id.in_(batch)))
        by_id.update({r.id: r.payload for r in rows})
    return [from_jsonable(Event, by_id[i]) for i in ids if i in by_id]


def day_counts(session: Session, f: EventFilter) -> list[tuple[date, int]]:
    """Matching events per start day, oldest first (the timeline)."""
    q = (select(EventIndexRow.date_start, func.count(EventIndexRow.n)).where(*_conditions(session, f, whole=True))
         .where(EventIndexRow.date_start.is_not(None)).group_by(EventIndexRow.date_start)
         .order_by(EventIndexRow.date_start))
    return [(d if isinstance(d, date) else date.fromisoformat(str(d)), n) for d, n in session.execute(q)]


def updated_at(session: Session, ids: Sequence[str]) -> dict[str, datetime]:
    """When each event's row was last written (ACLED's ``timestamp``)."""
    out: dict[str, datetime] = {}
    for batch in chunks(ids):
        q = select(EventIndexRow.id, EventIndexRow.updated_at).where(EventIndexRow.id.in_(batch))
        out.update(dict(session.execute(q).all()))
    return out


def events_of_document(session: Session, document_id: str) -> list[EventSummary]:
    """The events a document is a source of, newest first."""
    q = (select(EventIndexRow).join(EventDocumentRow, EventDocumentRow.event_id == EventIndexRow.id)
         .where(EventDocumentRow.document_id == document_id)
         .order_by(EventIndexRow.date_start.desc(), EventIndexRow.id))
    return [_summary(r) for r in session.scalars(q)]


def claim_page(session: Session, f: EventFilter, limit: int, offset: int) -> tuple[int, list[tuple[str, int]]]:
    """(claims in all matching events, [(event id, index of its first claim on the page)]).

    Claims are numbered event by event in list order.  The claim counts are
    read in that order from the covering index and summed until the page is
    covered, so no payload outside the page is read and page 1 stops after a
    few rows.
    """
    cond = _conditions(session, f)
    total = session.scalar(select(func.coalesce(func.sum(EventIndexRow.claims), 0))
                           .where(*_conditions(session, f, whole=True))) or 0
    q = (select(EventIndexRow.id, EventIndexRow.claims).where(*cond, EventIndexRow.claims > 0)
         .order_by(EventIndexRow.date_start.desc(), EventIndexRow.id).execution_options(yield_per=1000))
    spans: list[tuple[str, int]] = []
    seen = 0
    for eid, k in session.execute(q):
        if seen + k > offset:
            spans.append((eid, max(0, offset - seen)))
        seen += k
        if seen >= offset + limit:
            break
    return total, spans
