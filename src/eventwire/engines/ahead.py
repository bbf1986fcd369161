"""Extraction started ahead: documents go to the pool's workers as soon as they are stored.

An ingest cleans and stores every record, links copies into stories and
decides dates (provenance, dating), and only then extracts, since a document's
mentions depend on its decided date.  Meanwhile the workers, once their model is
loaded, would wait: through the rest of the cleaning and the whole provenance
pass.  Here each stored document is extracted at once with the date it was
stored with, and its result is used only if the document the pipeline later
asks for is *equal* to the one extracted (same id, text, date and its
evidence, language, ...).  ``Extractor.extract(doc, story)`` reads the story
only to write it into each mention (``Mention.story``), so a result got without
a story becomes the result with one by setting that field.  A document whose
date provenance changed (a copy dated by its story) is extracted again, as
before: same mentions either way, in the same order.

Bounded: at most ``AHEAD_MAX`` documents are held ahead at once (their text and
mentions stay in memory until used); the rest of a long ingest is extracted as
before.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import replace
from itertools import islice

from eventwire.engines.work import ExtractJob, Extracted

# documents extracted ahead and not yet used, at most: their texts and mentions are held in this
# process (~10 KB a 900-word article); a feed's batch fits, a million-document backfill does not need to
AHEAD_MAX = 512
# jobs the pipeline asks for, read at a time when results extracted ahead are mixed with new ones: the
# new ones of a window go to the workers together (a window is at most the pipeline's READ_PAGE)
WINDOW = 256


class Ahead:
    """Documents stored, sent to the workers in batches once they can take them; their results by id."""

    def __init__(self, batch: int) -> None:
        self.batch = batch
        self._lock = threading.Lock()
        self._waiting: list[ExtractJob] = []  # stored before the workers were ready
        self._submit: Callable[[list[ExtractJob]], Future] | None = None
        self._results: dict[str, tuple[ExtractJob, Future, int]] = {}  # doc id -> (job, its batch, place)

    def add(self, job: ExtractJob) -> None:
        """A document just stored (``story`` None): extract it now, or as soon as the workers are up."""
        with self._lock:
            if len(self._results) + len(self._waiting) >= AHEAD_MAX:
                return
            self._waiting.append(job)
            if self._submit is not None and len(self._waiting) >= self.batch:
                self._send()

    def ready(self, submit: Callable[[list[ExtractJob]], Future]) -> None:
        """The workers are up: send what waits, and from now on each full batch as it fills."""
        with self._lock:
            self._submit = submit
            self._send()

    def flush(self) -> None:
        """No more documents for now (cleaning is over): send a last, short batch."""
        with self._lock:
            if self._submit is not None:
                self._send()

    def _send(self) -> None:
        while self._waiting:
            chunk, self._waiting = self._waiting[: self.batch], self._waiting[self.batch :]
            future = self._submit(chunk)
            for place, job in enumerate(chunk):
                self._results[job.doc.id] = (job, future, place)

    def take(self) -> dict[str, tuple[ExtractJob, Future, int]]:
        """Every result sent so far, handed over; what is stored from now on starts afresh (``watch``'s next round)."""
        with self._lock:
            self._waiting = []
            out, self._results = self._results, {}
        return out


def merged(jobs: Iterable[ExtractJob], ahead: dict[str, tuple[ExtractJob, Future, int]],
           submit: Callable[[list[ExtractJob]], Future], batch: int) -> Iterator[Extracted]:
    """One result per job, in the jobs' order: the one extracted ahead when its document is equal to the
    job's, else extracted now (each window's new jobs sent together, in batches)."""
    source = iter(jobs)
    while True:
        window = list(islice(source, WINDOW))
        if not window:
            return
        usable = [_usable(job, ahead.pop(job.doc.id, None)) for job in window]
        fresh = [job for job, hit in zip(window, usable) if hit is None]
        futures = [submit(fresh[i : i + batch]) for i in range(0, len(fresh), batch)]
        fresh_results = (r for f in futures for r in f.result())
        for job, hit in zip(window, usable):
            yield next(fresh_results) if hit is None else _as_job(hit, job, submit)


def _usable(job: ExtractJob, entry: tuple[ExtractJob, Future, int] | None):
    if entry is None:
        return None
    early, future, place = entry
    if early.doc != job.doc:
        return None  # its date (or anything else) changed since it was stored: extracted again
    return future, place


def _as_job(hit: tuple[Future, int], job: ExtractJob, submit: Callable[[list[ExtractJob]], Future]) -> Extracted:
    """The result extracted ahead, with the job's story; a failure ahead is tried again now, as before."""
    future, place = hit
    early = future.result()[place] if future.exception() is None else None
    if early is None or early.error is not None:
        return submit([job]).result()[0]
    return Extracted(job.doc.id, job, tuple(replace(m, story=job.story) for m in early.mentions))
