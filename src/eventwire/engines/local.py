"""Where cleaning and extraction run: in this process, or in a pool of worker processes.

An engine takes the records or extraction jobs in order and gives back one
result per item, in the same order, so that the documents are stored and
numbered exactly as a single process would.  Work goes out in batches (a
worker keeps its model between them), with a few batches in flight at once
so that no worker waits while the pipeline writes.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import TypeVar

from eventwire.config import Limits
from eventwire.engines.ahead import Ahead, merged
from eventwire.engines.work import ExtractJob, Extracted, clean_batch, clean_record, extract_batch, extract_document, warm, watch_parent
from eventwire.model import Document, IngestError, Record

T = TypeVar("T")
R = TypeVar("R")

# documents per batch sent to a worker: large enough that sending costs nothing beside
# the ~0.1-0.5 s a document takes to extract, small enough that both workers get work
# on a 20-article feed
EXTRACT_BATCH = 4
# cleaning takes a few ms per record (trafilatura on HTML more): bigger batches
CLEAN_BATCH = 16
# batches in flight per worker: one running, one waiting, so no worker idles
IN_FLIGHT_PER_WORKER = 2
# what the fork server imports before it forks any worker: the default extractor, built once there
PRELOAD = ["eventwire.engines.preload"]


def default_workers() -> int:
    """The machine's cores (those this process may use)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def start_fork_server() -> None:
    """Start the process pool's fork server now, so that it loads the model and gazetteer (~2.3 CPU s)
    while this process is still importing and opening the database.

    The pool starts it when cleaning begins, and the ingest command reached that point only after ~0.6 s
    of its own imports (the pipeline, SQLAlchemy) with the other core idle.  The server is one per
    process and is reused by every pool made later with the same preload (``ProcessPool._context``), so
    the workers are forked from this one, holding the same extractor.  No-op where there is no fork server.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return
    from multiprocessing import forkserver

    multiprocessing.get_context("forkserver").set_forkserver_preload(PRELOAD)
    forkserver.ensure_running()


def ordered(submit: Callable[[list[T]], Future], items: Iterable[T], batch: int, in_flight: int) -> Iterator[R]:
    """Results of ``submit`` over batches of ``items``, in input order, ``in_flight`` batches ahead."""
    source = iter(items)
    pending: deque[Future] = deque()
    while True:
        while len(pending) < in_flight:
            chunk = list(islice(source, batch))
            if not chunk:
                break
            pending.append(submit(chunk))
        if not pending:
            return
        yield from pending.popleft().result()


class InProcess:
    """Everything in the ingesting process, one document at a time (the reference)."""

    name = "in-process"

    def __init__(self, cleaner: Callable[[], object], extractor: Callable[[], object]) -> None:
        self._cleaner, self._extractor = cleaner, extractor

    def clean(self, items: Iterable[Record | IngestError]) -> Iterator[tuple[Record | IngestError, Document | IngestError]]:
        for item in items:
            yield item, item if isinstance(item, IngestError) else clean_record(self._cleaner(), item)

    def extract(self, jobs: Iterable[ExtractJob]) -> Iterator[Extracted]:
        for job in jobs:
            yield extract_document(self._extractor(), job)

    def stored(self, job: ExtractJob) -> None:
        """A document was stored: one process has no one to extract it ahead."""

    def cleaned(self) -> None:
        """Cleaning is over."""

    def close(self) -> None:
        pass


class Batched:
    """Shared by the pool and Dask engines: records and jobs go out in batches through ``_submit``."""

    workers = 1

    def __init__(self, limits: Limits, cleaner=None, extractor_factory=None) -> None:
        self.limits, self._custom_cleaner, self._factory = limits, cleaner, extractor_factory

    def _submit(self, fn: Callable, chunk: list, *args) -> Future:
        raise NotImplementedError

    def clean(self, items: Iterable[Record | IngestError]) -> Iterator[tuple[Record | IngestError, Document | IngestError]]:
        """(item, cleaned) in input order; read errors pass through without a trip to a worker."""
        window: deque[Record | IngestError] = deque()

        def records() -> Iterator[Record]:
            for item in items:
                window.append(item)
                if not isinstance(item, IngestError):
                    yield item

        def submit(chunk: list[Record]) -> Future:
            return self._submit(clean_batch, chunk, self.limits, self._custom_cleaner)

        for cleaned in ordered(submit, records(), CLEAN_BATCH, self.workers * IN_FLIGHT_PER_WORKER):
            while isinstance(window[0], IngestError):
                failed = window.popleft()
                yield failed, failed
            yield window.popleft(), cleaned
        while window:  # read errors after the last record
            failed = window.popleft()
            yield failed, failed

    def extract(self, jobs: Iterable[ExtractJob]) -> Iterator[Extracted]:
        yield from ordered(self._submit_extract, jobs, EXTRACT_BATCH, self.workers * IN_FLIGHT_PER_WORKER)

    def _submit_extract(self, chunk: list[ExtractJob]) -> Future:
        return self._submit(extract_batch, chunk, self._factory)

    def stored(self, job: ExtractJob) -> None:
        """A document was stored (engines/ahead.py: only the process pool extracts ahead)."""

    def cleaned(self) -> None:
        """Cleaning is over."""


class ProcessPool(Batched):
    """A pool of worker processes on this machine, each with its own model.

    Cleaning (milliseconds a record) stays in this process while the pool starts
    in the background (loading the model takes seconds); extraction goes to the
    workers.  As with any multiprocessing, a script that uses it must guard its
    entry point with ``if __name__ == "__main__":``.
    """

    name = "process pool"

    def __init__(self, workers: int, limits: Limits, cleaner: Callable[[], object], extractor_factory=None) -> None:
        super().__init__(limits, None, extractor_factory)
        self.workers = workers
        self._cleaner = cleaner
        self._pool: ProcessPoolExecutor | None = None
        self._starter: threading.Thread | None = None
        self._start_error: BaseException | None = None
        self._ahead = Ahead(EXTRACT_BATCH)

    def clean(self, items: Iterable[Record | IngestError]) -> Iterator[tuple[Record | IngestError, Document | IngestError]]:
        self._warm_up()
        for item in items:
            yield item, item if isinstance(item, IngestError) else clean_record(self._cleaner(), item)

    def _warm_up(self) -> None:
        """Start the workers and build their extractors now, beside the cleaning, not after it."""
        if self._starter is None:
            self._starter = threading.Thread(target=self._start, name="eventwire-pool-start", daemon=True)
            self._starter.start()

    def _start(self) -> None:
        try:
            pool = ProcessPoolExecutor(self.workers, mp_context=self._context(),
                                       initializer=watch_parent, initargs=(os.getpid(),))
            for f in [pool.submit(warm, self._factory) for _ in range(self.workers)]:
                f.result()
            self._pool = pool
            self._ahead.ready(lambda chunk: pool.submit(extract_batch, chunk, self._factory))
        except BaseException as exc:  # noqa: BLE001 - raised again in the thread that submits work
            self._start_error = exc

    def stored(self, job: ExtractJob) -> None:
        """A document was stored: its workers extract it as soon as they are up (engines/ahead.py)."""
        self._ahead.add(job)

    def cleaned(self) -> None:
        self._ahead.flush()

    def extract(self, jobs: Iterable[ExtractJob]) -> Iterator[Extracted]:
        """Results extracted ahead where the document is still the one stored, the rest extracted now."""
        self._warm_up()
        self._starter.join()
        ahead = self._ahead.take()
        if not ahead:
            yield from super().extract(jobs)
            return
        yield from merged(jobs, ahead, self._submit_extract, EXTRACT_BATCH)

    def _submit(self, fn: Callable, chunk: list, *args) -> Future:
        self._warm_up()
        self._starter.join()
        if self._start_error is not None:
            raise self._start_error
        return self._pool.submit(fn, chunk, *args)

    def _context(self):
        """Workers forked from a fork server that has built the default extractor (engines/preload.py).

        Never a fork of this process, which holds database connections and a
        progress bar's thread.  A custom extractor is built in each worker instead.
        """
        if "forkserver" not in multiprocessing.get_all_start_methods():
            return multiprocessing.get_context("spawn")
        ctx = multiprocessing.get_context("forkserver")
        if self._factory is None:
            ctx.set_forkserver_preload(PRELOAD)
        return ctx

    def close(self) -> None:
        if self._starter is not None:
            self._starter.join()
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
        self._pool = self._starter = None
        self._start_error = None
        self._ahead = Ahead(EXTRACT_BATCH)
