"""The ingest run: read → clean → store → provenance → extract → fuse.

Each stage is built once and called per document.  Transactions are owned
here: one per new document, one for the provenance pass, one per extracted
document, one for fusion.  A document is marked ``extracted`` only in the
transaction that writes its mentions, so a run killed half-way is finished by
the next run and nothing is written twice.
"""
from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError

from eventwire.config import Limits
from eventwire.errors import EventwireError
from eventwire.ingest.files import read_inputs
from eventwire.model import Document, IngestError, Provenance, PublishedDate
from eventwire.store import repository as repo
from eventwire.store.database import make_engine, make_sessionmaker
from eventwire.store.orm import DocumentRow

# a page date this many days after its story's earliest reliable member is a scrape date
STORY_DATE_CONFLICT_DAYS = 2
RELIABLE_DATE_SOURCES = ("metadata", "html")
# a page dated this many days after every event its text dates carries a scrape or update date
STALE_PAGE_DATE_DAYS = 7
STALE_MIN_DATED = 2
# an explicit date names its year, or pins its day with a weekday ("Monday, December 26")
_EXPLICIT_DATE = re.compile(r"\b(1[89]|20)\d\d\b|\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? +\w+ +\d|\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? +\d")
# SQLite waits busy_timeout for a lock; a transaction that still finds the database
# locked (another process's long write) is tried again this many times, backing off
LOCKED_RETRIES = 5
LOCKED_BACKOFF_SECONDS = 0.5
# meta key: the stored provenance index holds every document (a database made before it did not)
PROVENANCE_INDEXED = "provenance_indexed"


def _unexpected(stage: str, exc: BaseException) -> str:
    """A reason for a failure no stage raised on purpose: which stage, what went wrong."""
    detail = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
    return f"unexpected error in {stage} ({exc.__class__.__name__}{': ' + detail if detail else ''})"


def _is_locked(exc: OperationalError) -> bool:
    text = str(exc.orig if exc.orig is not None else exc).lower()
    return "locked" in text or "busy" in text


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


def _stale_page_date(doc: Document, mentions) -> str | None:
    """A conflict note when the page's own date is later than every event its text dates, else None.

    Only explicit dates count ("on 26 December 2022", "Monday, December 26"): a
    relative one ("on Tuesday") was resolved against the page date itself and
    proves nothing.  Needs at least ``STALE_MIN_DATED`` explicitly dated mentions.
    """
    pub = doc.published
    if pub.date is None or pub.conflict or pub.source not in RELIABLE_DATE_SOURCES:
        return None
    dated = [m.date for m in mentions if m.date is not None and m.date.text]
    explicit = [d for d in dated if _EXPLICIT_DATE.search(d.text)]
    if len(explicit) < STALE_MIN_DATED or len(explicit) != len(dated):
        return None
    latest = max(d.end for d in explicit)
    if (pub.date - latest).days <= STALE_PAGE_DATE_DAYS:
        return None
    return f"page says {pub.date.isoformat()}; the latest event the text dates is {latest.isoformat()}"


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
    return row.page_date is not None and row.page_source in RELIABLE_DATE_SOURCES and not row.published_conflict


class Pipeline:
    def __init__(self, db_url: str, *, progress=None, extractor_factory=None, cleaner=None, limits: Limits | None = None) -> None:
        self.limits = limits or Limits.from_env()
        self.engine = make_engine(db_url)
        self.Session = make_sessionmaker(self.engine)
        self.progress = progress or NullProgress()
        self._extractor_factory = extractor_factory
        self._extractor = None
        self._cleaner = cleaner

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
        summary = IngestSummary()
        with self.progress.task("reading and cleaning") as advance:
            for item in read_inputs(inputs, self.limits):
                summary.read += 1
                advance(1)
                if isinstance(item, IngestError):
                    summary.failed += 1
                    summary.errors.append(item)
                    continue
                try:
                    doc = self.cleaner.clean(item)
                except EventwireError as exc:
                    summary.failed += 1
                    summary.errors.append(IngestError(item.source, str(exc).removeprefix(f"{item.source}: ")))
                    continue
                except Exception as exc:  # noqa: BLE001 - one document's bug must not end the run
                    summary.failed += 1
                    summary.errors.append(IngestError(item.source, _unexpected("clean", exc)))
                    continue
                try:
                    stored = _retry_locked(lambda: self._store_new(doc))
                except IntegrityError:
                    stored = False  # another process stored the same document between our check and insert
                except OperationalError as exc:
                    summary.failed += 1
                    summary.errors.append(IngestError(item.source, _unexpected("store", exc)))
                    continue
                if stored:
                    summary.new += 1
                else:
                    summary.duplicates += 1
        if summary.new or self._stale():
            _retry_locked(self.update_provenance, conflicts=True)  # another ingest indexed the same document first
            self.extract_pending(summary)
            summary.events, summary.changes = _retry_locked(self.fuse, conflicts=True)
        else:  # nothing new since the last complete run: provenance and events stand as they are
            summary.events = self.count_events()
        return summary

    def _stale(self) -> bool:
        """True when a document awaits extraction or anything changed since the last fusion (a killed run)."""
        with self.Session() as session:
            pending = session.scalar(select(DocumentRow.id).where(DocumentRow.stage != "extracted").limit(1))
            return pending is not None or repo.get_meta(session, "fused_state") != repo.content_state(session)

    def count_events(self) -> int:
        with self.Session() as session:
            return repo.count_events(session)

    def _store_new(self, doc: Document) -> bool:
        """One transaction: the document, unless it is stored already.

        Already stored means the same URL, or the same text under a related (or
        missing) headline.  The same text under an unrelated headline at another
        URL is a scraper's template, so it is kept as a document of its own
        (keyed by text and URL) for provenance to judge.
        """
        from eventwire.provenance.stories import unrelated_titles

        with self.Session.begin() as session:
            same = repo.documents_like(session, doc.content_hash, doc.url)
            if any(r.url and r.url == doc.url for r in same):
                return False
            if any(not unrelated_titles(r.title, doc.title) for r in same if r.content_hash == doc.content_hash):
                return False
            if same:
                doc = replace(doc, id=repo.url_keyed_id(doc.content_hash, doc.url))
                if repo.get_document(session, doc.id) is not None:
                    return False
            repo.add_document(session, doc)
        return True

    def update_provenance(self) -> None:
        """Find the copies of the documents no provenance pass has seen, by lookup in the stored
        index (provenance/stored.py), and re-decide only the stories they touch."""
        from eventwire.provenance.stored import StoredIndex
        from eventwire.store import fusion_index, provenance_index

        with self.Session.begin() as session:
            rows = provenance_index.unindexed_documents(session)
            if repo.get_meta(session, PROVENANCE_INDEXED) is None:  # made before the stored index: index all once
                rows = repo.all_documents(session)
            if not rows:
                return
            index = StoredIndex(session, lambda ids: [_doc_info(r) for r in provenance_index.documents(session, ids)])
            with self.progress.task("finding copies and stories", total=len(rows)) as advance:
                for row in rows:
                    index.add(_doc_info(row))
                    advance(1)
            assigned = index.assign()
            by_id = {r.id: r for r in provenance_index.documents(session, assigned)}
            moved = [i for i, p in assigned.items() if by_id[i].story is not None and by_id[i].story != p.story]
            for doc_id, prov in assigned.items():
                row = by_id[doc_id]
                repo.set_provenance(session, row, prov, self._story_date(row, prov, by_id, assigned))
            fusion_index.mark_dirty(session, moved)  # their events count sources by story: fused again
            repo.set_meta(session, PROVENANCE_INDEXED, "1")

    @staticmethod
    def _story_date(row: DocumentRow, prov: Provenance, by_id, assigned) -> PublishedDate:
        """The document's own date, or its story's when it has none or a later scrape date."""
        own = PublishedDate(row.published_date, row.published_source, row.published_confidence,
                            row.published_conflict, row.published_evidence)
        if row.published_source == "story":  # inherited earlier: start again from the page's own date
            own = PublishedDate(row.page_date, row.page_source, 0.9 if row.page_date else 0.0, None, row.published_evidence)
        members = [by_id[d] for d, p in assigned.items() if p.story == prov.story and d in by_id and d != row.id]
        dated = sorted((m.page_date for m in members if _reliable(m)))
        if not dated:
            return own
        earliest = dated[0]
        if own.date is None:
            return PublishedDate(earliest, "story", 0.6, None, f"story {prov.story}")
        if (own.date - earliest).days > STORY_DATE_CONFLICT_DAYS:
            note = f"page says {own.date.isoformat()}; story says {earliest.isoformat()}"
            return PublishedDate(earliest, "story", 0.5, note, own.evidence)
        return own

    def extract_pending(self, summary: IngestSummary | None = None) -> int:
        """Extract every document not yet ``extracted``; one that fails is reported and left for the next run."""
        with self.Session() as session:
            pending = list(session.scalars(select(DocumentRow.id).where(DocumentRow.stage != "extracted").order_by(DocumentRow.seq)))
        if not pending:
            return 0
        self._not_english = 0
        with self.progress.task("extracting events", total=len(pending)) as advance:
            for doc_id in pending:
                try:
                    _retry_locked(lambda: self._extract_one(doc_id))
                except Exception as exc:  # noqa: BLE001 - the document stays 'cleaned'; the run goes on
                    if summary is not None:
                        summary.failed += 1
                        summary.errors.append(IngestError(self._source_of(doc_id), _unexpected("extract", exc) + "; left for the next run"))
                advance(1)
        if summary is not None:
            summary.not_english += self._not_english
        return len(pending)

    def _extract_one(self, doc_id: str) -> None:
        with self.Session.begin() as session:
            row = repo.get_document(session, doc_id)
            if row is None or row.stage == "extracted":
                return  # another process got there first
            doc: Document = repo.row_to_document(row)
            if doc.language != "en":
                self._not_english += 1
            mentions = self.extractor.extract(doc, story=row.story)
            stale = _stale_page_date(doc, mentions)
            if stale is not None:
                # the page date is later than every event the text dates: a scrape or update date.
                # Flag it, trust it less, and extract again without it.
                row.published_conflict, row.published_confidence = stale, max(0.1, row.published_confidence - 0.4)
                doc = repo.row_to_document(row)
                mentions = self.extractor.extract(doc, story=row.story)
            repo.replace_mentions(session, doc_id, mentions)
            row.stage = "extracted"

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
            stats = fuse_new(session)
            return repo.count_events(session), stats.changes

    def refuse(self) -> tuple[int, tuple[int, int, int]]:
        """Fuse every mention from scratch (after a change of rules), rebuilding the fusion index."""
        from eventwire.fuse.incremental import refuse

        def work():
            with self.Session.begin() as session:
                stats = refuse(session)
                return repo.count_events(session), stats.changes

        return _retry_locked(work, conflicts=True)
