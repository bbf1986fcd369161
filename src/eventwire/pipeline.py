"""The ingest run: read → clean → store → provenance → extract → fuse.

Each stage is built once and called per document.  Transactions are owned
here: one per new document, one for the provenance pass, one per extracted
document, one for fusion.  A document is marked ``extracted`` only in the
transaction that writes its mentions, so a run killed half-way is finished by
the next run and nothing is written twice.
"""
from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from sqlalchemy import select

from eventwire.errors import EventwireError
from eventwire.ingest.files import read_inputs
from eventwire.model import Document, IngestError, Provenance, PublishedDate
from eventwire.store import repository as repo
from eventwire.store.database import make_engine, make_sessionmaker
from eventwire.store.orm import DocumentRow

# a page date this many days after its story's earliest reliable member is a scrape date
STORY_DATE_CONFLICT_DAYS = 2
RELIABLE_DATE_SOURCES = ("metadata", "html")


@dataclass
class IngestSummary:
    read: int = 0
    new: int = 0
    duplicates: int = 0
    failed: int = 0
    errors: list[IngestError] = field(default_factory=list)
    events: int = 0

    def line(self) -> str:
        return (
            f"read {self.read} / new {self.new} / duplicates {self.duplicates} / failed {self.failed}"
            f" | {self.events} events in the database"
        )


class NullProgress:
    """Progress reporting off (tests, library use)."""

    @contextlib.contextmanager
    def task(self, description: str, total: int | None = None) -> Iterator[Callable[[int], None]]:
        yield lambda n=1: None


def _reliable(row: DocumentRow) -> bool:
    return row.page_date is not None and row.page_source in RELIABLE_DATE_SOURCES and not row.published_conflict


class Pipeline:
    def __init__(self, db_url: str, *, progress=None, extractor_factory=None, cleaner=None) -> None:
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

            self._cleaner = Cleaner()
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
            for item in read_inputs(inputs):
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
                    summary.errors.append(IngestError(item.source, str(exc)))
                    continue
                with self.Session.begin() as session:
                    if repo.existing_document(session, doc.content_hash, doc.url):
                        summary.duplicates += 1
                        continue
                    repo.add_document(session, doc)
                summary.new += 1
        self.update_provenance()
        self.extract_pending()
        summary.events = self.fuse()
        return summary

    def update_provenance(self) -> None:
        from eventwire.provenance import DocInfo, ProvenanceIndex

        with self.Session.begin() as session:
            rows = repo.all_documents(session)
            if not rows:
                return
            index = ProvenanceIndex()
            with self.progress.task("finding copies and stories", total=len(rows)) as advance:
                for row in rows:
                    index.add(
                        DocInfo(
                            id=row.id,
                            text=row.text,
                            published=row.page_date,
                            published_reliable=_reliable(row),
                            outlet=row.outlet,
                            language=row.language,
                            known_outlet=bool(row.outlet) and row.page_source in RELIABLE_DATE_SOURCES,
                        )
                    )
                    advance(1)
                assigned = index.assign()
            by_id = {r.id: r for r in rows}
            for row in rows:
                prov = assigned.get(row.id) or Provenance(row.id, f"s_{row.id[2:]}")
                repo.set_provenance(session, row, prov, self._story_date(row, prov, by_id, assigned))

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

    def extract_pending(self) -> int:
        with self.Session() as session:
            pending = list(session.scalars(select(DocumentRow.id).where(DocumentRow.stage != "extracted").order_by(DocumentRow.seq)))
        if not pending:
            return 0
        with self.progress.task("extracting events", total=len(pending)) as advance:
            for doc_id in pending:
                with self.Session.begin() as session:
                    row = repo.get_document(session, doc_id)
                    doc: Document = repo.row_to_document(row)
                    mentions = self.extractor.extract(doc, story=row.story)
                    repo.replace_mentions(session, doc_id, mentions)
                    row.stage = "extracted"
                advance(1)
        return len(pending)

    def fuse(self) -> int:
        from eventwire.fuse.events import fuse

        with self.Session.begin() as session:
            ranked = repo.all_mentions(session)
            stories = {r.id: r.story or r.id for r in repo.all_documents(session)}
            events = fuse(ranked, stories)
            repo.replace_events(session, events)
            return sum(1 for e in events if e.exportable)
