"""The work a worker does: clean a record, extract a document's mentions.

Plain functions over picklable values, so that the same code runs in the
ingesting process, in a pool of worker processes and on Dask workers.  Each
process builds its cleaner and extractor once (the spaCy model and the
gazetteer take seconds and hundreds of MB) and keeps them for every batch.
Nothing here touches the database: the pipeline reads the jobs and writes
the results.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from eventwire.config import Limits
from eventwire.errors import EventwireError, reason
from eventwire.model import Document, IngestError, Mention, Record

# components built in this process, by what builds them: one model per worker
_BUILT: dict[object, object] = {}
# how often a pool worker checks that the ingesting process still exists
PARENT_CHECK_SECONDS = 1.0


@dataclass(frozen=True)
class ExtractJob:
    """A document to extract, with the story provenance gave it."""

    doc: Document
    story: str | None


@dataclass(frozen=True)
class Extracted:
    """What extraction found for one document, or why it failed.

    The document's date was decided before extraction (``eventwire.dating``), so a
    document is extracted once.
    """

    doc_id: str
    job: ExtractJob
    mentions: tuple[Mention, ...] = ()
    error: str | None = None


def unexpected(stage: str, exc: BaseException) -> str:
    """A reason for a failure no stage raised on purpose: which stage, what went wrong."""
    detail = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
    return f"unexpected error in {stage} ({exc.__class__.__name__}{': ' + detail if detail else ''})"


def _default_extractor():
    from eventwire.extract.factory import build_extractor

    return build_extractor()


def built(factory: Callable[[], object]) -> object:
    """The component ``factory`` makes, made once in this process."""
    if factory not in _BUILT:
        _BUILT[factory] = factory()
    return _BUILT[factory]


def clean_record(cleaner, item: Record) -> Document | IngestError:
    """The cleaned document, or the reason it was refused."""
    try:
        return cleaner.clean(item)
    except EventwireError as exc:
        return IngestError(item.source, reason(str(exc), item.source))
    except Exception as exc:  # noqa: BLE001 - one document's bug must not end the run
        return IngestError(item.source, unexpected("clean", exc))


def extract_document(extractor, job: ExtractJob) -> Extracted:
    """Mentions of one document, whose date the dating stage decided before extraction."""
    try:
        return Extracted(job.doc.id, job, tuple(extractor.extract(job.doc, story=job.story)))
    except Exception as exc:  # noqa: BLE001 - the document stays 'cleaned'; the run goes on
        return Extracted(job.doc.id, job, error=unexpected("extract", exc))


def clean_batch(items: Sequence[Record], limits: Limits, cleaner=None) -> list[Document | IngestError]:
    """Worker entry point: clean records with this process's cleaner (or the one given)."""
    if cleaner is None:
        cleaner = built(_cleaner_factory(limits))
    return [clean_record(cleaner, r) for r in items]


def extract_batch(jobs: Sequence[ExtractJob], factory: Callable[[], object] | None = None) -> list[Extracted]:
    """Worker entry point: extract documents with this process's extractor, the batch's pieces parsed
    together where the extractor can (``Extractor.extract_many``: the same mentions, less of the parse)."""
    extractor = built(factory or _default_extractor)
    many = getattr(extractor, "extract_many", None)
    if many is None or len(jobs) < 2:
        return [extract_document(extractor, j) for j in jobs]
    try:
        found = many([(j.doc, j.story) for j in jobs])
    except Exception:  # noqa: BLE001 - one document's failure: each is extracted alone, for its own result or error
        return [extract_document(extractor, j) for j in jobs]
    return [Extracted(j.doc.id, j, tuple(mentions)) for j, mentions in zip(jobs, found)]


def warm(factory: Callable[[], object] | None = None) -> int:
    """Worker entry point: build the extractor before the first document needs it; the worker's pid."""
    import os

    built(factory or _default_extractor)
    return os.getpid()


def watch_parent(pid: int, interval: float = PARENT_CHECK_SECONDS) -> None:
    """Pool initializer: end this worker when the ingesting process ``pid`` is gone.

    A pool's workers wait on a queue whose both ends they hold, so a parent
    killed with ``kill -9`` would leave them waiting, each holding its model,
    forever.  A daemon thread checks every ``interval`` seconds.
    """
    import os
    import threading
    import time

    def check() -> None:
        while True:
            time.sleep(interval)
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                os._exit(0)
            except PermissionError:  # a new process under another user took the pid: ours is gone
                os._exit(0)

    threading.Thread(target=check, name="eventwire-parent-watch", daemon=True).start()


@dataclass(frozen=True)
class _cleaner_factory:  # noqa: N801 - used like a function; hashable, so built() keys on the limits
    limits: Limits

    def __call__(self):
        from eventwire.clean import Cleaner

        return Cleaner(limits=self.limits)
