"""Data access for incremental provenance (tables in ``index_tables``).  Never commits.

Each read goes through an index (band, dup key, document id, sketch key,
link end); none reads every document.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from sqlalchemy import insert, or_, select
from sqlalchemy.orm import Session

from eventwire.store.batches import chunks, values_where_in
from eventwire.store.index_tables import ProvBandRow, ProvLinkRow, ProvRecentBandRow, ProvSketchRow
from eventwire.store.orm import DocumentRow
from eventwire.store.repository import get_meta, set_meta

LANGUAGES = "provenance_languages"  # meta key: languages with names-and-numbers bands, as JSON
# BAND_ORDER: a batch's ~94,000 bands are written and looked up sorted by band.  Band hashes are spread
# evenly over the whole key range, so in the order documents give them each one lands on a page of
# ``prov_bands``' B-tree far from the last (a batch touches nearly every page of the 5M-row table at 54k
# documents) and SQLite's page cache (2 MB by default) has evicted it since; in key order the pages come
# one after another, each read once.  Measured at 54k (sqlite3 alone, 94k random rows, 100k lookups):
# inserts 0.59 -> 0.22 CPU s, lookups 0.19 -> 0.07 CPU s.


# RECENT_BANDS: even in band order, a batch's ~94,000 bands land on nearly every page of ``prov_bands``
# (22,467 pages of 4 KB, 5.1M rows at 54k documents), so SQLite wrote the whole table through the WAL
# every batch and the checkpoint wrote it back (208 MB written by one batch's provenance at 54k);
# PostgreSQL's WAL took 149 MB.  So new bands go to the small ``prov_bands_recent``, lookups read both
# tables, and once it holds ``RECENT_BANDS_MERGE_ROWS`` rows it is merged into ``prov_bands`` in band
# order (the big table rewritten once a merge, not once a batch).  A merge writes about the big table;
# a batch writes about the recent table, which grows by a batch's bands until the merge, so merging
# every K batches costs a batch ~ big/K + K/2 x one batch's bands.  Set by measurement (sqlite3 alone on
# a copy of the 54k database, 94k random bands a batch): one batch into ``prov_bands`` 93 MB of WAL;
# into the recent table 1.8 MB per 94k rows it holds; a merge of 12 batches 137 MB: ~23 MB a batch
# amortised for K from 8 to 12, flat there; 1,000,000 rows is ~11 batches of 1,000 documents.  Through
# the pipeline at 54k: 226 -> 76 MB written a batch over a merge cycle (bench/README.md, session 15).
# A pass of a few documents (``eventwire watch``) adds a few hundred rows: the limit is in rows, not passes.
RECENT_BANDS_MERGE_ROWS = 1_000_000
_BAND_TABLES = (ProvBandRow.__tablename__, ProvRecentBandRow.__tablename__)


def band_hits(session: Session, bands: Iterable[int]) -> dict[int, set[int]]:
    """The keys of the documents holding each of ``bands`` (one statement a chunk and table, for every
    kind of band), in the merged and the recent bands (``RECENT_BANDS``: a band is in one of them).

    Asked in band order (``BAND_ORDER``): the answer is a set per band, whatever the order."""
    out: dict[int, set[int]] = {}
    conn = session.connection()
    mark = _mark(conn)
    asked = sorted(set(bands))
    for table in _BAND_TABLES:
        for chunk in chunks(asked):  # through the driver, as ``add_bands_many`` writes them
            sql = f"SELECT band, doc_key FROM {table} WHERE band IN ({', '.join([mark] * len(chunk))})"
            for band, key in conn.exec_driver_sql(sql, tuple(chunk)):
                out.setdefault(band, set()).add(key)
    return out


def _mark(conn) -> str:
    """The driver's placeholder for one parameter (SQLite's ``?``, psycopg's ``%s``)."""
    return "?" if conn.dialect.paramstyle == "qmark" else "%s"


def add_bands_many(session: Session, keyed: Iterable[tuple[int, Iterable[int]]]) -> None:
    """Store each document's bands, (sketch key, bands) each, in the recent bands (``RECENT_BANDS``):
    core executemany (the ORM's bulk path cost more than the rows, ~94 a document), in (band, key)
    order (``BAND_ORDER``): the table is its primary key, so the same rows whatever the order they go in."""
    rows = sorted({(b, key) for key, bands in keyed for b in bands})
    conn = session.connection()
    # straight to the driver's executemany as tuples: SQLAlchemy's per-row parameter processing of
    # ~94,000 rows cost about what SQLite's inserts did (nothing to convert: two integers)
    mark = _mark(conn)
    sql = f"INSERT INTO {ProvRecentBandRow.__tablename__} (band, doc_key) VALUES ({mark}, {mark})"
    for chunk in chunks(rows):
        conn.exec_driver_sql(sql, chunk)


def merge_recent_bands(session: Session) -> bool:
    """Move the recent bands into ``prov_bands`` in band order if there are ``RECENT_BANDS_MERGE_ROWS``
    or more; whether it did.  Call under the write lock: two merges at once would both insert."""
    main, recent = _BAND_TABLES
    conn = session.connection()
    if conn.exec_driver_sql(f"SELECT COUNT(*) FROM {recent}").scalar_one() < RECENT_BANDS_MERGE_ROWS:
        return False
    conn.exec_driver_sql(f"INSERT INTO {main} (band, doc_key) "
                         f"SELECT band, doc_key FROM {recent} ORDER BY band, doc_key")
    conn.exec_driver_sql(f"DELETE FROM {recent}")
    return True


def add_sketches(session: Session, sketches: list[tuple[str, str, bytes | None]]) -> dict[str, int]:
    """Store (document id, dup key, units) sketches in order by executemany; {document id: key}.  The
    keys, which name the documents in the bands, come out as one insert each would give them: in
    order, after every stored one."""
    rows = [{"document_id": i, "dup_key": k, "units": u} for i, k, u in sketches]
    for chunk in chunks(rows):
        session.connection().execute(insert(ProvSketchRow.__table__), chunk)
    out: dict[str, int] = {}
    for chunk in chunks([i for i, _, _ in sketches]):
        out.update((r.document_id, r.key) for r in session.execute(
            select(ProvSketchRow.key, ProvSketchRow.document_id).where(ProvSketchRow.document_id.in_(chunk))))
    return out


def sketched_ids(session: Session, doc_ids: Iterable[str]) -> set[str]:
    """Those of ``doc_ids`` that have a sketch stored (a statement a page)."""
    return values_where_in(session, ProvSketchRow.document_id, ProvSketchRow.document_id, doc_ids)


def first_with_dup_keys(session: Session, dup_keys: Iterable[str]) -> dict[str, str]:
    """{dup key: the first document indexed with this normalised text}, for those of ``dup_keys`` stored."""
    first: dict[str, tuple[int, str]] = {}
    for chunk in chunks(dup_keys):
        for r in session.execute(select(ProvSketchRow.dup_key, ProvSketchRow.key, ProvSketchRow.document_id)
                                 .where(ProvSketchRow.dup_key.in_(chunk))):
            if r.dup_key not in first or r.key < first[r.dup_key][0]:
                first[r.dup_key] = (r.key, r.document_id)
    return {k: doc_id for k, (_, doc_id) in first.items()}


def unit_sketches(session: Session, doc_ids: Iterable[str]) -> dict[str, bytes | None]:
    out: dict[str, bytes | None] = {}
    for chunk in chunks(doc_ids):
        out.update((r.document_id, r.units) for r in session.execute(
            select(ProvSketchRow.document_id, ProvSketchRow.units).where(ProvSketchRow.document_id.in_(chunk))))
    return out


def ids_of_keys(session: Session, keys: Iterable[int]) -> dict[int, str]:
    out: dict[int, str] = {}
    for chunk in chunks(sorted(keys)):  # the rowid B-tree, in its order (``BAND_ORDER``)
        out.update((r.key, r.document_id) for r in session.execute(
            select(ProvSketchRow.key, ProvSketchRow.document_id).where(ProvSketchRow.key.in_(chunk))))
    return out


def documents(session: Session, doc_ids: Iterable[str]) -> list[DocumentRow]:
    out: list[DocumentRow] = []
    for chunk in chunks(doc_ids):
        out += session.scalars(select(DocumentRow).where(DocumentRow.id.in_(chunk)))
    return sorted(out, key=lambda r: r.seq)


def languages(session: Session) -> list[str]:
    raw = get_meta(session, LANGUAGES)
    return json.loads(raw) if raw else []


def add_language(session: Session, language: str) -> None:
    langs = languages(session)
    if language not in langs:
        set_meta(session, LANGUAGES, json.dumps(sorted([*langs, language])))


# ------------------------------------------------------------------ links
def add_link(session: Session, a: str, b: str, relation: str, similarity: float, reason: str) -> None:
    session.merge(ProvLinkRow(a=a, b=b, relation=relation, similarity=similarity, reason=reason))


def add_links(session: Session, links: Sequence) -> None:
    """``add_link`` for each of ``links`` (objects with ``a``, ``b``, ``relation``, ``similarity``,
    ``reason``), in order: the new ones by one executemany, in the order given (so SQLite gives them
    the rowids, and ``links_of`` the order, that one ``add_link`` each would); a link stored
    already is merged as ``add_link`` merges it.  A pair given twice keeps its last values."""
    wanted: dict[tuple[str, str], object] = {}
    for link in links:
        wanted[(link.a, link.b)] = link
    if not wanted:
        return
    session.flush()
    stored: set[tuple[str, str]] = set()
    for chunk in chunks(sorted({a for a, _ in wanted})):
        stored.update((r.a, r.b) for r in session.execute(select(ProvLinkRow.a, ProvLinkRow.b).where(ProvLinkRow.a.in_(chunk))))
    rows = [{"a": l.a, "b": l.b, "relation": l.relation, "similarity": l.similarity, "reason": l.reason}
            for k, l in wanted.items() if k not in stored]
    for chunk in chunks(rows):
        session.connection().execute(insert(ProvLinkRow.__table__), chunk)
    for k in stored & wanted.keys():
        l = wanted[k]
        add_link(session, l.a, l.b, l.relation, l.similarity, l.reason)


def links_of(session: Session, doc_ids: Iterable[str]) -> list[ProvLinkRow]:
    """Every stored link with an end among ``doc_ids``."""
    out: dict[tuple[str, str], ProvLinkRow] = {}
    for chunk in chunks(doc_ids):
        for r in session.scalars(select(ProvLinkRow).where(or_(ProvLinkRow.a.in_(chunk), ProvLinkRow.b.in_(chunk)))):
            out[(r.a, r.b)] = r
    return list(out.values())


def unindexed_documents(session: Session) -> list[DocumentRow]:
    """Documents provenance has not seen: no story yet (new), in ingestion order."""
    return list(session.scalars(select(DocumentRow).where(DocumentRow.story.is_(None)).order_by(DocumentRow.seq)))
