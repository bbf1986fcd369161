"""Data access for incremental fusion (tables in ``index_tables``).  Never commits.

Every read here goes through an index: by cell, by mention id, by event id or
by document id; none reads all mentions or all events.
"""
from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator, Sequence

from sqlalchemy import Text, cast, delete, func, insert, select
from sqlalchemy.orm import Session

from eventwire.model import Event, Mention
from eventwire.store.batches import chunks, values_where_in
from eventwire.store.codec import from_jsonable
from eventwire.store.index_tables import FusionCellRow, FusionDirtyRow, FusionMemberRow
from eventwire.store.orm import DocumentRow, EventRow, MentionRow
from eventwire.store.repository import write_events

# a stored mention with what fusion needs: (rank, mention id, mention, its document)
Ranked = tuple[tuple[int, int, int], int, Mention, str]


# How many decoded mentions one process keeps (``_decoded``).  A 1,000-document batch into the 27k
# ``--scale`` database reads ~42-45k stored mentions, so this keeps about four such batches' reach.  An
# entry costs ~2.5 KB (1.7 KB decoded, measured with tracemalloc over that database's 40,559 mentions,
# + ~0.8 KB its stored text), so the cache stays under ~0.5 GB.  Set by that arithmetic, not tuned.
MENTION_CACHE_LIMIT = 200_000


class _Decoded:
    """Stored mentions already decoded in this process, by mention id, each with the JSON it came from.

    A batch of a long-running ingest reads again most of the stored mentions the batch before read
    (the same places and events): reading them was 3.6-4.6 CPU s of a ~26-30 s fusion.  An entry is
    used only when the stored JSON is the very text it was decoded from, so a mention stored again
    under a reused id (SQLite may hand out a deleted row's id) or in another database is decoded
    afresh: the cache cannot change what is read.  Mentions are frozen, so sharing one between
    batches is safe.  The least recently used entries go past ``MENTION_CACHE_LIMIT``.
    """

    def __init__(self, limit: int = MENTION_CACHE_LIMIT):
        self.limit = limit
        self.entries: dict[int, tuple[str, Mention]] = {}

    def get(self, mid: int, raw: str) -> Mention:
        entries = self.entries
        hit = entries.pop(mid, None)
        if hit is not None and hit[0] == raw:
            entries[mid] = hit
            return hit[1]
        mention = from_jsonable(Mention, json.loads(raw))
        entries[mid] = (raw, mention)
        if len(entries) > self.limit:
            for old in list(itertools.islice(entries, len(entries) - self.limit)):
                del entries[old]
        return mention

    def clear(self) -> None:
        self.entries.clear()


_decoded = _Decoded()


def _ranked(session: Session, cond) -> list[Ranked]:
    # the payload read as its stored text (no driver or SQLAlchemy decoding) for ``_decoded`` to compare
    rows = session.execute(
        select(MentionRow.id, cast(MentionRow.payload, Text).label("raw"), MentionRow.document_id, DocumentRow.seq,
               MentionRow.sentence_start)
        .join(DocumentRow, DocumentRow.id == MentionRow.document_id).where(cond)
    ).all()
    get = _decoded.get
    return [((r.seq, r.sentence_start, r.id), r.id, get(r.id, r.raw), r.document_id) for r in rows]


def _driver_rows(session: Session, head: str, column: str, keys: Iterable) -> Iterator[tuple]:
    """The rows of ``{head} WHERE {column} IN (...)`` for ``keys``, a statement a chunk, as the driver's own
    cursor gives them (plain tuples, each chunk's at once), in the session's transaction: fusion reads ~3x10^5
    rows a batch by key, and SQLAlchemy's result rows cost about as much again as the reads (235,490 rows
    of ``mentions_by_cell``: 0.37 CPU s through ``exec_driver_sql``, 0.23 so; session 18).  Each statement
    is the one SQLAlchemy compiles for these reads, in the same words, so the same rows come in the same
    order.  The session is flushed first, as its ``execute`` would (autoflush)."""
    if session.autoflush:
        session.flush()
    conn = session.connection()
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"  # SQLite's placeholder, psycopg's
    cursor = conn.connection.cursor()
    try:
        for chunk in chunks(keys):
            cursor.execute(f"{head} WHERE {column} IN ({', '.join([mark] * len(chunk))})", tuple(chunk))
            yield from cursor.fetchall()
    finally:
        cursor.close()


_M, _D, _F = MentionRow.__tablename__, DocumentRow.__tablename__, FusionMemberRow.__tablename__
_MENTIONS = (f"SELECT {_M}.id, CAST({_M}.payload AS TEXT) AS raw, {_M}.document_id, {_D}.seq, {_M}.sentence_start "
             f"FROM {_M} JOIN {_D} ON {_D}.id = {_M}.document_id")
_MEMBERS = f"SELECT {_F}.mention_id, {_F}.event_id FROM {_F}"


def mentions_by_id(session: Session, ids: Iterable[int]) -> list[Ranked]:
    """``_ranked`` of the mentions ``ids``, read through the driver (``_driver_rows``): a batch reads ~33k
    stored mentions by id (0.30 -> 0.12 CPU s for 31,515 of them, their decoding cached; session 18)."""
    get = _decoded.get
    return [((seq, start, mid), mid, get(mid, raw), doc)
            for mid, raw, doc, seq, start in _driver_rows(session, _MENTIONS, f"{_M}.id", ids)]


def mentions_of_documents(session: Session, doc_ids: Iterable[str]) -> list[Ranked]:
    out: list[Ranked] = []
    for chunk in chunks(doc_ids):
        out += _ranked(session, MentionRow.document_id.in_(chunk))
    return out


def documents_with_mentions_after(session: Session, mention_id: int) -> set[str]:
    """Documents with a mention stored after ``mention_id`` (new or extracted again)."""
    return set(session.scalars(select(MentionRow.document_id).where(MentionRow.id > mention_id).distinct()))


def max_mention_id(session: Session) -> int:
    return session.scalar(select(func.max(MentionRow.id))) or 0


def stories_of(session: Session, doc_ids: Iterable[str]) -> dict[str, str]:
    return {i: story or i for i, story in _driver_rows(session, f"SELECT {_D}.id, {_D}.story FROM {_D}", f"{_D}.id",
                                                       doc_ids)}


# ------------------------------------------------------------------ cells
def mentions_in_cells(session: Session, cells: Iterable[int]) -> set[int]:
    return values_where_in(session, FusionCellRow.mention_id, FusionCellRow.cell, set(cells))


def mentions_by_cell(session: Session, cells: Iterable[int]) -> dict[int, list[int]]:
    """The mentions registered in each of ``cells`` (a cell holding none is left out), for a reader
    that keeps them by cell (``fuse.incremental._Pool.in_cells``).

    The rows come from the driver as plain tuples (``_driver_rows``): a batch reads ~250k (cell, mention)
    pairs, and SQLAlchemy's result rows cost about as much again as the database's read (0.64 -> 0.34 CPU s,
    one batch into the 54k --scale database, session 14; the driver's own cursor since session 18)."""
    out: dict[int, list[int]] = {}
    for cell, mid in _driver_rows(session, f"SELECT cell, mention_id FROM {FusionCellRow.__tablename__}", "cell",
                                  set(cells)):
        out.setdefault(cell, []).append(mid)
    return out


def add_cells(session: Session, pairs: Iterable[tuple[int, int]]) -> None:
    """Register (cell, mention id) pairs; a pair stored already is left as it is."""
    rows = [{"cell": c, "mention_id": m} for c, m in set(pairs)]
    for chunk in chunks(rows):
        session.execute(insert(FusionCellRow).prefix_with("OR IGNORE") if session.bind.dialect.name == "sqlite"
                        else insert(FusionCellRow), chunk)


# ---------------------------------------------------------------- members
def events_of_mentions(session: Session, mention_ids: Iterable[int]) -> dict[int, str | None]:
    return dict(_driver_rows(session, _MEMBERS, f"{_F}.mention_id", mention_ids))


def events_of_documents(session: Session, doc_ids: Iterable[str]) -> set[str]:
    return {e for e in values_where_in(session, FusionMemberRow.event_id, FusionMemberRow.document_id, doc_ids) if e}


def members_of_events(session: Session, event_ids: Iterable[str]) -> set[int]:
    return values_where_in(session, FusionMemberRow.mention_id, FusionMemberRow.event_id, event_ids)


def members_by_event(session: Session, event_ids: Iterable[str]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for mid, eid in _driver_rows(session, _MEMBERS, f"{_F}.event_id", event_ids):
        out.setdefault(eid, []).append(mid)
    return out


def set_members(session: Session, members: dict[int, tuple[str | None, str]], forget_documents: Iterable[str]) -> None:
    """Record each mention's event (mention id -> (event id or None, document)); rows of
    ``forget_documents`` whose mentions are gone (extracted again) are dropped."""
    docs = list(forget_documents)
    for chunk in chunks(docs):
        session.execute(delete(FusionMemberRow).where(FusionMemberRow.document_id.in_(chunk)))
    for chunk in chunks(members):
        session.execute(delete(FusionMemberRow).where(FusionMemberRow.mention_id.in_(chunk)))
    rows = [{"mention_id": m, "event_id": e, "document_id": d} for m, (e, d) in members.items()]
    for chunk in chunks(rows):
        session.execute(insert(FusionMemberRow), chunk)


# ------------------------------------------------------------------ dirty
def mark_dirty(session: Session, doc_ids: Iterable[str]) -> None:
    ids = set(doc_ids)
    if not ids:
        return
    for chunk in chunks(ids):
        session.execute(delete(FusionDirtyRow).where(FusionDirtyRow.document_id.in_(chunk)))
    for chunk in chunks([{"document_id": d} for d in ids]):
        session.execute(insert(FusionDirtyRow), chunk)


def dirty_documents(session: Session) -> set[str]:
    return set(session.scalars(select(FusionDirtyRow.document_id)))


def clear_dirty(session: Session) -> None:
    session.execute(delete(FusionDirtyRow))


def clear_index(session: Session) -> None:
    """Forget the fusion index (before a full re-fuse rebuilds it)."""
    for table in (FusionCellRow, FusionMemberRow, FusionDirtyRow):
        session.execute(delete(table))


# ----------------------------------------------------------------- events
def stored_payloads(session: Session, event_ids: Iterable[str]) -> dict[str, tuple[dict, bool]]:
    out: dict[str, tuple[dict, bool]] = {}
    for chunk in chunks(event_ids):
        out.update((r.id, (r.payload, r.exportable)) for r in session.execute(
            select(EventRow.id, EventRow.payload, EventRow.exportable).where(EventRow.id.in_(chunk))))
    return out


def replace_events(session: Session, old_ids: Sequence[str], events: Sequence[Event]) -> tuple[int, int, int]:
    """Make the events ``old_ids`` into ``events``, touching only rows that changed.

    Returns (added, changed, removed) counting exported events, as ``repository.sync_events``.
    """
    wanted = {ev.id: ev for ev in events}
    stored = stored_payloads(session, set(old_ids) | set(wanted))
    removed = [i for i in old_ids if i not in wanted and i in stored]
    return write_events(session, wanted, stored, removed)
