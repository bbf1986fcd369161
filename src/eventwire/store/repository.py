"""Data access.  These functions never commit: the pipeline owns transactions,
so one document (or one fusion pass) is written whole or not at all.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, func, insert, or_, select, text, update
from sqlalchemy.orm import Session

from eventwire.model import Document, Event, Mention, Provenance, PublishedDate
from eventwire.store import event_index
from eventwire.store.batches import chunks
from eventwire.store.codec import from_jsonable, to_jsonable
from eventwire.store.orm import DocumentRow, EventRow, MentionRow, MetaRow


# PostgreSQL's advisory lock is keyed by two numbers: this constant ("evtw") and the schema's
# hash, so two eventwire stores in one database (one per schema) do not wait for each other
WRITE_LOCK_KEY = 0x6576_7477
# Mention rows per executemany: bounds the parameters built and held at once (a round number, not
# tuned: SQLite binds one row at a time, and SQLAlchemy pages PostgreSQL's multi-row VALUES itself)
MENTION_ROWS_PER_STATEMENT = 1000


def lock_for_writing(session: Session) -> None:
    """Hold the database-wide write lock until this transaction ends.

    The passes that read everything before writing (a new document's ingestion
    number, provenance, fusion) must see what another process wrote instead of
    racing it.  PostgreSQL lets many writers in, so they take an advisory lock.
    SQLite lets one writer in at a time, but Python's driver runs the reads before
    a transaction's first write outside it: a write that changes nothing, issued
    first, takes SQLite's write lock so those reads happen under it (another
    process waits up to the busy timeout).  Extraction, per document, needs only
    its row's lock.
    """
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key, hashtext(current_schema()))"), {"key": WRITE_LOCK_KEY})
    elif dialect == "sqlite":
        session.execute(text("UPDATE meta SET value = value WHERE key = '~write-lock'"))


# ------------------------------------------------------------------ documents
def documents_like(session: Session, content_hash: str, url: str | None) -> list[DocumentRow]:
    """Stored documents with this text or this URL."""
    cond = DocumentRow.content_hash == content_hash
    if url:
        cond = or_(cond, DocumentRow.url == url)
    return list(session.scalars(select(DocumentRow).where(cond)))


def url_keyed_id(content_hash: str, url: str | None) -> str:
    """Id of a document whose text another article already has: keyed by text and URL."""
    return "d_" + hashlib.sha256(f"{content_hash}\n{url or ''}".encode()).hexdigest()[:16]


def add_document(session: Session, doc: Document) -> None:
    seq = (session.scalar(select(func.max(DocumentRow.seq))) or 0) + 1
    session.add(
        DocumentRow(
            id=doc.id,
            content_hash=doc.content_hash,
            url=doc.url,
            external_id=doc.external_id,
            outlet=doc.outlet,
            title=doc.title,
            published_date=doc.published.date,
            published_source=doc.published.source,
            published_confidence=doc.published.confidence,
            published_conflict=doc.published.conflict,
            published_evidence=doc.published.evidence,
            published_reason=doc.published.reason,
            page_date=doc.published.date,
            page_source=doc.published.source,
            page_confidence=doc.published.confidence,
            page_conflict=doc.published.conflict,
            page_evidence=doc.published.evidence,
            language=doc.language,
            text=doc.text,
            removed=list(doc.removed),
            story=None,
            copy_of=None,
            drift=[],
            source=doc.source,
            stage="cleaned",
            seq=seq,
        )
    )


def not_extracted():
    """Documents awaiting extraction, as a condition an index can answer: ``stage != 'extracted'``
    written as two ranges, because neither SQLite nor PostgreSQL reads an index for ``!=`` (it
    scanned every document, texts and all, on each ingest)."""
    return or_(DocumentRow.stage < "extracted", DocumentRow.stage > "extracted")


def pending_ids(session: Session) -> list[str]:
    """Ids of the documents awaiting extraction, in ingestion order (sorted here: ordered by ``seq``
    in SQL, the planner walks the whole seq index instead of the stage one)."""
    rows = session.execute(select(DocumentRow.id, DocumentRow.seq).where(not_extracted())).all()
    return [r.id for r in sorted(rows, key=lambda r: r.seq)]


def row_to_document(row: DocumentRow) -> Document:
    return Document(
        id=row.id,
        content_hash=row.content_hash,
        external_id=row.external_id,
        url=row.url,
        outlet=row.outlet,
        title=row.title,
        published=PublishedDate(
            date=row.published_date,
            source=row.published_source,
            confidence=row.published_confidence,
            conflict=row.published_conflict,
            evidence=row.published_evidence,
            reason=row.published_reason,
        ),
        language=row.language,
        text=row.text,
        removed=tuple(row.removed or ()),
        source=row.source,
    )


def all_documents(session: Session) -> list[DocumentRow]:
    return list(session.scalars(select(DocumentRow).order_by(DocumentRow.seq)))


def get_document(session: Session, doc_id: str, *, for_update: bool = False) -> DocumentRow | None:
    """The row; ``for_update`` locks it until the transaction ends (PostgreSQL; SQLite locks the file)."""
    return session.get(DocumentRow, doc_id, with_for_update=for_update or None, populate_existing=for_update)


def page_published(row: DocumentRow) -> PublishedDate:
    """The date clean read from the page, as it gave it (the dating stage's input)."""
    confidence = row.page_confidence
    if confidence is None:  # a row stored before clean's evidence was kept beside the decided date
        confidence = row.published_confidence if row.published_source == row.page_source else 0.9 * bool(row.page_date)
    conflict = row.page_conflict if row.page_confidence is not None else None
    return PublishedDate(row.page_date, row.page_source, confidence, conflict, row.page_evidence)


def set_provenance(session: Session, row: DocumentRow, prov: Provenance) -> bool:
    """Write story, copy link and drift; True when anything changed."""
    copy = to_jsonable(prov.copy_of) if prov.copy_of else None
    drift = to_jsonable(list(prov.drift))
    changed = row.story != prov.story or row.copy_of != copy or row.drift != drift
    row.story, row.copy_of, row.drift = prov.story, copy, drift
    return changed


def set_published(session: Session, row: DocumentRow, published: PublishedDate) -> bool:
    """Write the decided date; a document whose date changed is extracted again (its relative dates
    resolve against it).  Clean's page date (``page_*``) is never touched.  True when anything changed."""
    old = (row.published_date, row.published_source, row.published_confidence, row.published_conflict,
           row.published_evidence, row.published_reason)
    new = (published.date, published.source, published.confidence, published.conflict, published.evidence,
           published.reason)
    if old == new:
        return False
    (row.published_date, row.published_source, row.published_confidence, row.published_conflict,
     row.published_evidence, row.published_reason) = new
    if old[:2] != new[:2] or (old[3] is None) != (new[3] is None):
        row.stage = "cleaned"  # extraction reads the date (and trusts it only without a conflict)
    return True


# ------------------------------------------------------------------- mentions
def replace_mentions(session: Session, doc_id: str, mentions: Sequence[Mention]) -> None:
    """The document's mentions, and the document marked for fusion (even with none: its old events change)."""
    from eventwire.store.index_tables import FusionDirtyRow

    session.execute(delete(MentionRow).where(MentionRow.document_id == doc_id))
    session.merge(FusionDirtyRow(document_id=doc_id))
    for m in mentions:
        session.add(
            MentionRow(
                document_id=doc_id,
                sentence_start=m.evidence.start,
                event_type=m.event_type,
                payload=to_jsonable(m),
            )
        )


def replace_mentions_many(session: Session, items: Sequence[tuple[str, Sequence[Mention]]]) -> None:
    """``replace_mentions`` for many documents in a few statements (executemany) instead of several
    per document through the ORM: one batch of 1,000 generated documents spent ~1.3 s of CPU on
    2,000 round trips (a delete and a ``merge``'s select per document) and the ORM's unit of work.

    The rows are the same, in the same order, with the same ids: a document that has mentions
    stored (extracted again) has them deleted at its own turn, after the earlier documents' rows are
    inserted, as the one-at-a-time path does (SQLite may hand a freed largest id out again).
    """
    from eventwire.store.index_tables import FusionDirtyRow

    items = list(items)
    ids = list(dict.fromkeys(doc_id for doc_id, _ in items))
    session.flush()  # what the ORM holds goes first, as it would at the first statement below
    conn = session.connection()
    stored, dirty = set(), set()
    for chunk in chunks(ids):
        stored.update(conn.scalars(select(MentionRow.document_id).where(MentionRow.document_id.in_(chunk)).distinct()))
        dirty.update(conn.scalars(select(FusionDirtyRow.document_id).where(FusionDirtyRow.document_id.in_(chunk))))
    new_dirty = [{"document_id": i} for i in ids if i not in dirty]
    for chunk in chunks(new_dirty):
        conn.execute(insert(FusionDirtyRow.__table__), chunk)
    rows: list[dict] = []
    for doc_id, mentions in items:
        if doc_id in stored:
            _insert_mentions(conn, rows)
            rows = []
            conn.execute(delete(MentionRow.__table__).where(MentionRow.document_id == doc_id))
        rows += [{"document_id": doc_id, "sentence_start": m.evidence.start, "event_type": m.event_type,
                  "payload": to_jsonable(m)} for m in mentions]
    _insert_mentions(conn, rows)


def _insert_mentions(conn, rows: list[dict]) -> None:
    for chunk in chunks(rows, MENTION_ROWS_PER_STATEMENT):
        conn.execute(insert(MentionRow.__table__), chunk)


def all_mentions(session: Session) -> list[tuple[int, Mention]]:
    """(ingestion rank, mention), ranked by document ingestion order then position."""
    rows = session.execute(
        select(MentionRow.payload, DocumentRow.seq, MentionRow.sentence_start)
        .join(DocumentRow, DocumentRow.id == MentionRow.document_id)
        .order_by(DocumentRow.seq, MentionRow.sentence_start, MentionRow.id)
    ).all()
    return [(i, from_jsonable(Mention, r.payload)) for i, r in enumerate(rows)]


# --------------------------------------------------------------------- events
def _event_values(ev: Event, payload: dict) -> dict:
    """Every column of the event's row; ``payload`` is ``to_jsonable(ev)`` (``write_events`` compares it first)."""
    return dict(
        id=ev.id,
        event_type=ev.event_type,
        sub_event_type=ev.sub_event_type,
        date_start=ev.date.start if ev.date else None,
        date_end=ev.date.end if ev.date else None,
        country=ev.location.country if ev.location else None,
        actors_text=" | ".join(a.name for a in ev.actors).lower(),
        exportable=ev.exportable,
        payload=payload,
    )


def sync_events(session: Session, events: Iterable[Event]) -> tuple[int, int, int]:
    """Make the events table equal ``events``, touching only rows that changed.

    Returns (added, changed, removed) counting exported events: a new document
    updates the events it joins and leaves every other row as it was.
    """
    wanted = {ev.id: ev for ev in events}
    stored = {r.id: (r.payload, r.exportable) for r in session.execute(
        select(EventRow.id, EventRow.payload, EventRow.exportable))}
    removed = [i for i in stored if i not in wanted]
    return write_events(session, wanted, stored, removed, rebuild_index=True)


def write_events(session: Session, wanted: dict[str, Event], stored: dict[str, tuple[dict, bool]],
                 removed: list[str], *, rebuild_index: bool = False) -> tuple[int, int, int]:
    """Delete ``removed``, write the ``wanted`` events whose payload differs from ``stored``, and keep
    the desk's index in step.  (added, changed, removed), counting exported events: context rows
    change silently.  ``rebuild_index``: also rebuild the index whole if it had fallen out of step."""
    for ids in chunks(removed):
        session.execute(delete(EventRow).where(EventRow.id.in_(ids)))
    added = changed = 0
    touched, rewritten = [], []
    for eid, ev in wanted.items():
        payload = to_jsonable(ev)
        if eid not in stored:
            session.add(EventRow(**_event_values(ev, payload)))
            added += ev.exportable
            touched.append(ev)
        elif stored[eid][0] != payload:
            rewritten.append(_event_values(ev, payload))
            changed += ev.exportable or stored[eid][1]
            touched.append(ev)
    session.flush()
    # every column of the changed rows, by primary key in one executemany: ``session.merge`` read each row
    # back first (~400 SELECTs a batch of 1,000 at 54k, each flushing the new rows added so far)
    if rewritten:
        session.execute(update(EventRow), rewritten)
    event_index.update_event_index(session, touched, removed)
    if rebuild_index and not event_index.index_is_current(session):
        event_index.rebuild_event_index(session)
    return added, changed, sum(1 for i in removed if stored[i][1])


def query_events(
    session: Session,
    *,
    event_type: str | None = None,
    since: date | None = None,
    until: date | None = None,
    country: str | None = None,
    actor: str | None = None,
    include_context: bool = False,
) -> list[Event]:
    """Whole events matching, newest first: the desk's index (``event_index.find_events``) picks them."""
    f = event_index.EventFilter(event_type=event_type, since=since, until=until, country=country, actor=actor,
                                include_context=include_context)
    return event_index.load_events(session, [s.id for s in event_index.find_events(session, f)])


def count_events(session: Session) -> int:
    """Exported events, counted in SQL (no payloads read).  ``count(*)``, not ``count(id)``: the same
    number (the id is the key, never null), but SQLite answers it from the ``exportable`` index alone,
    where ``count(id)`` read every event's row: 0.085 s -> 0.003 s at 96k events, most of what ingesting
    five articles cost more at 100k documents than at 10k (``bench/incremental_profile.py``)."""
    return session.scalar(select(func.count()).select_from(EventRow).where(EventRow.exportable.is_(True))) or 0


def get_event(session: Session, event_id: str) -> Event | None:
    row = session.get(EventRow, event_id)
    return from_jsonable(Event, row.payload) if row else None


# ----------------------------------------------------------------------- meta
def get_meta(session: Session, key: str) -> str | None:
    row = session.get(MetaRow, key)
    return row.value if row else None


def set_meta(session: Session, key: str, value: str) -> None:
    session.merge(MetaRow(key=key, value=value))


def fusion_pending(session: Session, watermark_key: str) -> bool:
    """True when fusion has not seen everything stored: a document awaiting extraction, one whose
    mentions or story changed (``fusion_dirty``), or a mention past fusion's watermark.  Index
    lookups only: nothing here counts a whole table."""
    from eventwire.store.index_tables import FusionDirtyRow

    if session.scalar(select(DocumentRow.id).where(not_extracted()).limit(1)) is not None:
        return True
    if session.scalar(select(FusionDirtyRow.document_id).limit(1)) is not None:
        return True
    mark = get_meta(session, watermark_key)
    if mark is None:
        return session.scalar(select(DocumentRow.id).limit(1)) is not None
    return (session.scalar(select(func.max(MentionRow.id))) or 0) > int(mark)


# ------------------------------------------------------- documents, for serve
@dataclass(frozen=True)
class StoredDocument:
    """A document as ``serve`` reads it: the cleaned document plus what later stages decided.

    ``copy_of`` and ``drift`` stay the plain JSON objects provenance stored
    (the public shape of OUTPUT.md); no ORM row leaves the store.
    """

    id: str
    external_id: str | None
    url: str | None
    outlet: str | None
    title: str | None
    published: PublishedDate  # the date the dating stage decided
    page: PublishedDate  # the page's own date, as clean read it
    language: str
    text: str
    removed: tuple[str, ...]
    story: str | None
    copy_of: dict | None
    drift: tuple[dict, ...]
    seq: int


def _stored(row: DocumentRow) -> StoredDocument:
    return StoredDocument(
        id=row.id, external_id=row.external_id, url=row.url, outlet=row.outlet, title=row.title,
        published=PublishedDate(date=row.published_date, source=row.published_source,
                                confidence=row.published_confidence, conflict=row.published_conflict,
                                evidence=row.published_evidence, reason=row.published_reason),
        page=page_published(row),
        language=row.language, text=row.text, removed=tuple(row.removed or ()), story=row.story,
        copy_of=dict(row.copy_of) if row.copy_of else None, drift=tuple(row.drift or ()), seq=row.seq,
    )


def read_document(session: Session, doc_id: str) -> StoredDocument | None:
    row = session.get(DocumentRow, doc_id)
    return _stored(row) if row is not None else None


def list_documents(session: Session, story: str | None = None, limit: int | None = None,
                   offset: int = 0) -> tuple[int, list[StoredDocument]]:
    """(how many match, one page of them) in ingestion order; paged in SQL."""
    cond = [DocumentRow.story == story] if story is not None else []
    total = session.scalar(select(func.count(DocumentRow.id)).where(*cond)) or 0
    q = select(DocumentRow).where(*cond).order_by(DocumentRow.seq).offset(offset)
    if limit is not None:
        q = q.limit(limit)
    return total, [_stored(r) for r in session.scalars(q)]


def document_labels(session: Session, ids: Iterable[str]) -> dict[str, tuple[str | None, str | None]]:
    """(outlet, title) per document id, read without the texts."""
    ids = list(dict.fromkeys(ids))
    rows = session.execute(select(DocumentRow.id, DocumentRow.outlet, DocumentRow.title).where(DocumentRow.id.in_(ids)))
    return {r.id: (r.outlet, r.title) for r in rows}
