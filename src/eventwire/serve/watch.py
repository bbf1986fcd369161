"""``eventwire watch``: poll feeds and ingest what is new, pass after pass.

A pass is one ``Pipeline.ingest`` over every feed: the readers fetch and parse
each feed, and the pipeline stores only documents it has not seen (by content
hash and URL), so re-reading a feed costs a fetch and a look-up per item.
Between passes the watcher sleeps ``interval`` seconds; ``stop`` (a
``threading.Event``, set by SIGTERM in the CLI) ends it after the current pass,
and Ctrl-C ends it at once: the pass under way is rolled back document by
document, as a killed ``ingest`` would be, and the next run finishes it.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from eventwire.pipeline import IngestSummary, Pipeline

DEFAULT_INTERVAL_SECONDS = 300.0  # feeds rarely change faster; polite to the servers that publish them
MIN_INTERVAL_SECONDS = 1.0


@dataclass
class WatchTotals:
    """Sums over every finished pass; ``events`` is the count after the last one."""

    passes: int = 0
    read: int = 0
    new: int = 0
    duplicates: int = 0
    failed: int = 0
    events: int = 0
    interrupted: bool = False

    def add(self, summary: IngestSummary) -> None:
        self.passes += 1
        self.read += summary.read
        self.new += summary.new
        self.duplicates += summary.duplicates
        self.failed += summary.failed
        self.events = summary.events

    def line(self) -> str:
        stopped = " (interrupted)" if self.interrupted else ""
        return (
            f"watched {self.passes} pass{'es' if self.passes != 1 else ''}{stopped}: "
            f"read {self.read} / new {self.new} / duplicates {self.duplicates} / failed {self.failed}"
            f" | {self.events} events in the database"
        )


class Watcher:
    def __init__(
        self,
        pipeline: Pipeline,
        feeds: list[str],
        *,
        interval: float = DEFAULT_INTERVAL_SECONDS,
        report: Callable[[str, IngestSummary], None] | None = None,
        stop: threading.Event | None = None,
    ) -> None:
        if interval < MIN_INTERVAL_SECONDS:
            raise ValueError(f"interval must be at least {MIN_INTERVAL_SECONDS} s, not {interval}")
        self.pipeline = pipeline
        self.feeds = list(feeds)
        self.interval = interval
        self.report = report or (lambda _line, _summary: None)
        self.stop = stop or threading.Event()

    def run_once(self) -> IngestSummary:
        return self.pipeline.ingest(self.feeds)

    def run(self, *, once: bool = False) -> WatchTotals:
        """Pass after pass until ``stop`` is set, Ctrl-C, or after one pass with ``once``."""
        totals = WatchTotals()
        try:
            while True:
                summary = self.run_once()
                totals.add(summary)
                stamp = datetime.now().strftime("%H:%M:%S")
                self.report(f"[{stamp}] pass {totals.passes}: {summary.line()}", summary)
                if once or self.stop.wait(self.interval):  # True as soon as stop is set: no full sleep
                    break
        except KeyboardInterrupt:
            totals.interrupted = True
        return totals
