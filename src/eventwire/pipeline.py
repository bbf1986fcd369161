"""The ingest run: read → clean → store → provenance → extract → fuse.

Each stage is built once and called per document.  Transactions are owned
here: one per new document, one for the provenance pass, one per extracted
document, one for fusion.  A document is marked ``extracted`` only in the
transaction that writes its mentions, so a run killed half-way is finished by
the next run and nothing is written twice.
"""
from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError

from eventwire.config import Limits
from eventwire.dating import RELIABLE_DATE_SOURCES, DatingInput, decide_dates, reliable
from eventwire.engines import build_engine
from eventwire.engines.work import ExtractJob, Extracted
from eventwire.engines.work import unexpected as _unexpected
from eventwire.ingest.files import read_inputs
from eventwire.model import Document, IngestError, Provenance, Record
from eventwire.store import repository as repo
from eventwire.store.batches import chunks
from eventwire.store.database import make_engine, make_sessionmaker
from eventwire.store.orm import DocumentRow

# SQLite waits busy_timeout for a lock; a transaction that still finds the database
# locked (another process's long write) is tried again this many times, backing off
LOCKED_RETRIES = 5
LOCKED_BACKOFF_SECONDS = 0.5
# meta key: the stored provenance index holds every document (a database made before it did not)
PROVENANCE_INDEXED = "provenance_indexed"


# extracted documents written per transaction: one commit (an fsync) per 16 documents
# instead of one each, short enough that another process waiting to write barely notices
WRITE_BATCH = 16
# pending documents read from the database at a time (their text goes to the workers)
READ_PAGE = 256
# Documents a provenance pass indexes together: its lookups are asked a page at a time (a round number:
# a batch of the bench is 1,000 documents; a first pass over a whole database is cut into pages)
PROVENANCE_PAGE = 1000
# a document whose date or story provenance changed while it was being extracted is done
# again; this many passes over what is still pending, at most
EXTRACT_PASSES = 3


def _is_locked(exc: OperationalError) -> bool:
    """SQLite's busy or locked database; PostgreSQL's deadlock or serialisation failure (try again)."""
    text = str(exc.orig if exc.orig is not None else exc).lower()
    return any(w in text for w in ("locked", "busy", "deadlock detected", "could not serialize"))


def _retry_locked(work: Callable[[], object], *, conflicts: bool = False) -> object:
    """Run one transaction, again after a pause while another process holds the database.

    ``conflicts``: also try again on IntegrityError.  Fusion reads mentions and documents in
    separate statements; with another ingest writing in between, it can see two states at
    once and build clashing event ids.  Read again, it sees one.
    """
    for attempt in range(LOCKED_RETRIES + 1):
        try:
            return work()
        except OperationalError as exc:
            if not _is_locked(exc) or attempt == LOCKED_RETRIES:
                raise
        except IntegrityError:
            if not conflicts or attempt == LOCKED_RETRIES:
                raise
        time.sleep(LOCKED_BACKOFF_SECONDS * (attempt + 1))
    raise AssertionError("unreachable")


@dataclass
class IngestSummary:
    read: int = 0
    new: int = 0
    duplicates: int = 0
    failed: int = 0
    errors: list[IngestError] = field(default_factory=list)
    events: int = 0
    not_english: int = 0  # stored, but not extracted
    changes: tuple[int, int, int] = (0, 0, 0)  # events added, changed, removed (merged) by this run

    def line(self) -> str:
        added, changed, removed = self.changes
        extra = f" ({self.not_english} not in English: stored, not extracted)" if self.not_english else ""
        delta = f" (+{added} new, {changed} updated, {removed} merged)" if any(self.changes) else ""
        return (
            f"read {self.read} / new {self.new} / duplicates {self.duplicates} / failed {self.failed}{extra}"
            f" | {self.events} events in the database{delta}"
        )


class NullProgress:
    """Progress reporting off (tests, library use)."""

    @contextlib.contextmanager
    def task(self, description: str, total: int | None = None) -> Iterator[Callable[[int], None]]:
        yield lambda n=1: None


def _doc_info(row: DocumentRow):
    from eventwire.provenance import DocInfo

    return DocInfo(
        id=row.id,
        text=row.text,
        published=row.page_date,
        published_reliable=_reliable(row),
        outlet=row.outlet,
        language=row.language,
        known_outlet=bool(row.outlet) and row.page_source in RELIABLE_DATE_SOURCES,
        title=row.title,
    )


def _reliable(row: DocumentRow) -> bool:
    return reliable(repo.page_published(row))


class Pipeline:
    def __init__(self, db_url: str, *, progress=None, extractor_factory=None, cleaner=None, limits: Limits | None = None,
                 workers: int = 1, engine: str = "local", scheduler: str | None = None) -> None:
        """``workers``/``engine``/``scheduler``: where cleaning and extraction run (eventwire.engines).

        With more than one worker, or on Dask, a custom ``extractor_factory`` or
        ``cleaner`` must be picklable: it is sent to the workers.
        """
        self.limits = limits or Limits.from_env()
        self.engine = make_engine(db_url)
        self.Session = make_sessionmaker(self.engine)
        self.progress = progress or NullProgress()
        self._extractor_factory = extractor_factory
        self._extractor = None
        self._cleaner = cleaner
        self.runner = build_engine(engine, workers=workers, limits=self.limits, scheduler=scheduler,
                                   cleaner=cleaner, extractor_factory=extractor_factory,
                                   in_process_cleaner=lambda: self.cleaner, in_process_extractor=lambda: self.extractor)

    def close(self) -> None:
        """Stop the worker processes or cluster connection, if any."""
        self.runner.close()

    # ------------------------------------------------------------- components
    @property
    def cleaner(self):
        if self._cleaner is None:
            from eventwire.clean import Cleaner

            self._cleaner = Cleaner(limits=self.limits)
        return self._cleaner

    @property
    def extractor(self):
        if self._extractor is None:
            if self._extractor_factory is not None:
                self._extractor = self._extractor_factory()
            else:
                from eventwire.extract.factory import build_extractor

                self._extractor = build_extractor()
        return self._extractor

    # -------------------------------------------------------------------- run
    def ingest(self, inputs: list[str]) -> IngestSummary:
        return self.ingest_records(read_inputs(inputs, self.limits))

    def ingest_records(self, items: Iterable[Record | IngestError]) -> IngestSummary:
        """Clean, store, link, extract and fuse records read elsewhere (``watch`` reads its feeds itself)."""
        summary = IngestSummary()
        with self.progress.task("reading and cleaning") as advance:
            for item, doc in self.runner.clean(items):
                summary.read += 1
                advance(1)
                if isinstance(doc, IngestError):
                    summary.failed += 1
                    summary.errors.append(doc)
                    continue
                try:
                    stored = _retry_locked(lambda: self._store_new(doc))
                except IntegrityError:
                    stored = None  # another process stored the same document between our check and insert
                except OperationalError as exc:
                    summary.failed += 1
                    summary.errors.append(IngestError(item.source, _unexpected("store", exc)))
                    continue
                if stored is not None:
                    summary.new += 1
                    self.runner.stored(ExtractJob(stored, None))  # workers that are up extract it ahead
                else:
                    summary.duplicates += 1
            self.runner.cleaned()
        if summary.new or self._stale():
            _retry_locked(self.update_provenance, conflicts=True)  # another ingest indexed the same document first
            warming = self._warm_fusion()
            self.extract_pending(summary)
            if warming is not None:
                warming.join()
            summary.events, summary.changes = _retry_locked(self.fuse, conflicts=True)
        else:  # nothing new since the last complete run: provenance and events stand as they are
            summary.events = self.count_events()
        return summary

    def _warm_fusion(self) -> threading.Thread | None:
        """Load what fusion needs (its modules and the English word tables of data/english: ~0.1 s) while
        the workers extract, in a thread of this otherwise waiting process; after the last document it would
        run with the workers done.  Not when extraction runs here: the thread would only take its turns."""
        if getattr(self.runner, "workers", 1) < 2:
            return None

        def load() -> None:
            try:
                import eventwire.fuse.incremental  # noqa: F401
                from eventwire.extract.truecase import english_words

                english_words()
            except Exception:  # noqa: BLE001 - fusion itself will say what is missing
                pass

        thread = threading.Thread(target=load, name="eventwire-warm-fusion", daemon=True)
        thread.start()
        return thread

    def _stale(self) -> bool:
        """True when a document awaits extraction or anything changed since the last fusion (a killed run)."""
        from eventwire.fuse.incremental import WATERMARK

        with self.Session() as session:
            return repo.fusion_pending(session, WATERMARK)

    def count_events(self) -> int:
        with self.Session() as session:
            return repo.count_events(session)

    def _store_new(self, doc: Document) -> Document | None:
        """One transaction: the document, unless it is stored already (then None); the document as stored.

        Already stored means the same URL, or the same text under a related (or
        missing) headline.  The same text under an unrelated headline at another
        URL is a scraper's template, so it is kept as a document of its own
        (keyed by text and URL) for provenance to judge.
        """
        from eventwire.provenance.stories import unrelated_titles

        with self.Session.begin() as session:
            repo.lock_for_writing(session)  # PostgreSQL: one ingestion number per document
            same = repo.documents_like(session, doc.content_hash, doc.url)
            if any(r.url and r.url == doc.url for r in same):
                return None
            if any(not unrelated_titles(r.title, doc.title) for r in same if r.content_hash == doc.content_hash):
                return None
            if same:
                doc = replace(doc, id=repo.url_keyed_id(doc.content_hash, doc.url))
                if repo.get_document(session, doc.id) is not None:
                    return None
            repo.add_document(session, doc)
        return doc

    def update_provenance(self) -> None:
        """Find the copies of the documents no provenance pass has seen, by lookup in the stored
        index (provenance/stored.py), and re-decide only the stories they touch."""
        from eventwire.gcpause import collector_paused

        with collector_paused():  # the pass keeps ~1M objects to its end
            self._index_provenance()

    def _index_provenance(self) -> None:
        """``update_provenance``'s pass, a function of its own so that its ~1M objects (the index, the rows)
        are freed by reference counting when it returns, before ``collector_paused``'s collection: left
        alive in the caller's frame they were walked by it, 0.2-0.4 CPU s of every batch at 54k (bench/README.md,
        session 15: batchgrowth)."""
        from eventwire.provenance.stored import StoredIndex
        from eventwire.store import fusion_index, provenance_index

        with self.Session.begin() as session:
            repo.lock_for_writing(session)
            if repo.get_meta(session, PROVENANCE_INDEXED) is None:  # made before the stored index: index all once
                rows = repo.all_documents(session)
            else:
                rows = provenance_index.unindexed_documents(session)
            if not rows:
                return
            index = StoredIndex(session, lambda ids: [_doc_info(r) for r in provenance_index.documents(session, ids)])
            with self.progress.task("finding copies and stories", total=len(rows)) as advance:
                for page in chunks(rows, PROVENANCE_PAGE):
                    index.add_all([_doc_info(row) for row in page])
                    advance(len(page))
            provenance_index.merge_recent_bands(session)  # every ~11 batches of 1,000 (RECENT_BANDS)
            assigned = index.assign()
            members = provenance_index.documents(session, assigned)
            by_id = {r.id: r for r in members}
            moved = [i for i, p in assigned.items() if by_id[i].story is not None and by_id[i].story != p.story]
            for doc_id, prov in assigned.items():
                repo.set_provenance(session, by_id[doc_id], prov)
            self._date_documents(session, members)  # the dating stage, over whole touched stories
            fusion_index.mark_dirty(session, moved)  # their events count sources by story: fused again
            repo.set_meta(session, PROVENANCE_INDEXED, "1")

    @staticmethod
    def _date_documents(session, rows: list[DocumentRow]) -> None:
        """The dating stage (``eventwire.dating``): each document's date from its page and its story, before extraction."""
        decided = decide_dates([DatingInput(r.id, r.story or r.id, repo.page_published(r), r.text) for r in rows])
        for row in rows:
            repo.set_published(session, row, decided[row.id])

    def extract_pending(self, summary: IngestSummary | None = None) -> int:
        """Extract every document not yet ``extracted``; one that fails is reported and left for the next run.

        The engine extracts (here or in workers); this process writes the results,
        ``WRITE_BATCH`` documents per transaction.  A document whose date or story
        changed meanwhile (another ingest's provenance pass) is done again.
        """
        failed: set[str] = set()
        done = 0
        self._not_english = 0
        for _ in range(EXTRACT_PASSES):
            pending = self._pending_ids(failed)
            if not pending:
                break
            done += len(pending)
            with self.progress.task("extracting events", total=len(pending)) as advance:
                batch: list[Extracted] = []
                for result in self.runner.extract(self._jobs(pending)):
                    batch.append(result)
                    if len(batch) >= WRITE_BATCH:
                        self._write_batch(batch, summary, failed)
                        advance(len(batch))
                        batch = []
                self._write_batch(batch, summary, failed)
                advance(len(batch))
        if summary is not None:
            summary.not_english += self._not_english
        return done

    def _pending_ids(self, skip: set[str]) -> list[str]:
        with self.Session() as session:
            return [i for i in repo.pending_ids(session) if i not in skip]

    def _jobs(self, ids: list[str]) -> Iterator[ExtractJob]:
        """The documents to extract, read ``READ_PAGE`` at a time (skipping any another process finished)."""
        for start in range(0, len(ids), READ_PAGE):
            page = ids[start : start + READ_PAGE]
            with self.Session() as session:
                rows = {r.id: r for r in session.scalars(select(DocumentRow).where(DocumentRow.id.in_(page)))}
                for doc_id in page:
                    row = rows.get(doc_id)
                    if row is not None and row.stage != "extracted":
                        yield ExtractJob(repo.row_to_document(row), row.story)

    def _write_batch(self, batch: list[Extracted], summary: IngestSummary | None, failed: set[str]) -> None:
        ok = [r for r in batch if r.error is None]
        for r in batch:
            if r.error is not None:
                failed.add(r.doc_id)
                if summary is not None:
                    summary.failed += 1
                    summary.errors.append(IngestError(self._source_of(r.doc_id), r.error + "; left for the next run"))
        if not ok:
            return
        try:
            self._not_english += _retry_locked(lambda: self._write_extracted(ok))
        except Exception as exc:  # noqa: BLE001 - the batch stays 'cleaned'; the run goes on
            for r in ok:
                failed.add(r.doc_id)
                if summary is not None:
                    summary.failed += 1
                    summary.errors.append(IngestError(self._source_of(r.doc_id), _unexpected("store", exc) + "; left for the next run"))

    def _write_extracted(self, results: list[Extracted]) -> int:
        """One transaction: mentions of each document, marked ``extracted``; returns how many were not English.

        A row another process extracted meanwhile is left alone; one whose date or
        story changed since it was read stays pending for the next pass.
        """
        not_english = 0
        with self.Session.begin() as session:
            found = []
            for r in results:
                row = repo.get_document(session, r.doc_id, for_update=True)
                if row is None or row.stage == "extracted":
                    continue  # another process got there first
                now = repo.row_to_document(row)
                if (now.published, now.language, row.story) != (r.job.doc.published, r.job.doc.language, r.job.story):
                    continue
                found.append((r.doc_id, r.mentions))
                row.stage = "extracted"
                not_english += row.language != "en"
            repo.replace_mentions_many(session, found)
        return not_english

    def _source_of(self, doc_id: str) -> str:
        try:
            with self.Session() as session:
                row = repo.get_document(session, doc_id)
                return f"{row.source or doc_id} ({doc_id})" if row is not None else doc_id
        except Exception:  # noqa: BLE001 - only naming the input; the id will do
            return doc_id

    def fuse(self) -> tuple[int, tuple[int, int, int]]:
        """Fuse the mentions stored since the last run into the events they touch (fuse/incremental.py);
        write only the events that changed.  (exportable events, changes)."""
        from eventwire.fuse.incremental import fuse_new

        with self.Session.begin() as session:
            repo.lock_for_writing(session)
            stats = fuse_new(session)
            return repo.count_events(session), stats.changes

    def refuse(self) -> tuple[int, tuple[int, int, int]]:
        """Fuse every mention from scratch (after a change of rules), rebuilding the fusion index."""
        from eventwire.fuse.incremental import refuse

        def work():
            with self.Session.begin() as session:
                repo.lock_for_writing(session)
                stats = refuse(session)
                return repo.count_events(session), stats.changes

        return _retry_locked(work, conflicts=True)
