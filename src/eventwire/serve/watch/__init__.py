"""``eventwire watch``: poll feeds, each on its own schedule, and ingest what is new.

Each feed has a state row in the database (``store.feed_state``): the validators
of its last good poll, its interval, its failures in a row and when it is due
next.  The loop polls every feed that is due, one log line per poll, then
sleeps until the next is due.  A poll that fails backs that feed off (see
``poll.backoff``); the others carry on.  A restarted watcher picks up each
feed's schedule and validators where the last one left them.

``stop`` (a ``threading.Event``, set by SIGTERM in the CLI) ends the loop
after the poll under way; Ctrl-C ends it at once, and the poll under way is
rolled back document by document as a killed ``ingest`` would be; its items
are not marked seen, so the next run reads them again.
"""
from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from eventwire.errors import Errors, InputError, reason, uncoded
from eventwire.pipeline import IngestSummary, Pipeline
from eventwire.serve.watch.feedlist import MIN_INTERVAL_SECONDS, FeedSpec
from eventwire.serve.watch import poll
from eventwire.store import feed_state as state_repo

DEFAULT_INTERVAL_SECONDS = 300.0  # feeds rarely change faster; polite to the servers that publish them
MIN_WAIT_SECONDS = 0.05  # the loop never spins: it sleeps at least this long between rounds


@dataclass(frozen=True)
class PollOutcome:
    """What one poll did, for the log line and the totals."""

    feed: str
    status: str  # "new" | "unchanged" | "not modified" | "failed"
    items: int = 0
    new_items: int = 0
    summary: IngestSummary | None = None
    error: str | None = None
    next_in: float = 0.0
    failures: int = 0

    def line(self) -> str:
        stamp = datetime.now().strftime("%H:%M:%S")
        then = f"next poll in {self.next_in:.0f} s"
        if self.status == "failed":
            return f"[{stamp}] {self.feed}: failed ({self.error}); {self.failures} in a row, {then}"
        if self.status == "not modified":
            return f"[{stamp}] {self.feed}: not modified; {then}"
        if self.summary is None:
            return f"[{stamp}] {self.feed}: {self.items} items, none new; {then}"
        return f"[{stamp}] {self.feed}: {self.items} items, {self.new_items} new: {self.summary.line()}; {then}"


@dataclass
class WatchTotals:
    """Sums over every finished poll; ``events`` is the count after the last ingest."""

    polls: int = 0
    new_items: int = 0
    new_documents: int = 0
    failed_polls: int = 0
    failed_items: int = 0
    events: int = 0
    interrupted: bool = False

    @property
    def failed(self) -> int:
        return self.failed_polls + self.failed_items

    def add(self, outcome: PollOutcome) -> None:
        self.polls += 1
        self.new_items += outcome.new_items
        self.failed_polls += outcome.status == "failed"
        if outcome.summary is not None:
            self.new_documents += outcome.summary.new
            self.failed_items += outcome.summary.failed
            self.events = outcome.summary.events

    def line(self) -> str:
        stopped = " (interrupted)" if self.interrupted else ""
        return (
            f"watched {self.polls} poll{'s' if self.polls != 1 else ''}{stopped}: {self.new_items} new items /"
            f" {self.new_documents} new documents / {self.failed_polls} failed polls / {self.failed_items} failed items"
            f" | {self.events} events in the database"
        )


class Watcher:
    def __init__(
        self,
        pipeline: Pipeline,
        feeds: list[FeedSpec | str],
        *,
        interval: float = DEFAULT_INTERVAL_SECONDS,
        report: Callable[[str, PollOutcome], None] | None = None,
        stop: threading.Event | None = None,
        rng: random.Random | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if interval < MIN_INTERVAL_SECONDS:
            raise ValueError(Errors.E540.format(minimum=MIN_INTERVAL_SECONDS, interval=interval))
        self.pipeline = pipeline
        self.feeds = [f if isinstance(f, FeedSpec) else FeedSpec(f) for f in feeds]
        self.interval = interval
        self.report = report or (lambda _line, _outcome: None)
        self.stop = stop or threading.Event()
        self.rng = rng or random.Random()
        self.clock = clock

    # ------------------------------------------------------------- state
    def _state(self, spec: FeedSpec) -> state_repo.FeedState:
        with self.pipeline.Session() as session:
            found = state_repo.get_feed_state(session, spec.url)
        return self._effective(spec, found)

    def _states(self) -> list[state_repo.FeedState]:
        """Every feed's state, read in one query (the loop's schedule)."""
        with self.pipeline.Session() as session:
            found = state_repo.get_feed_states(session, [spec.url for spec in self.feeds])
        return [self._effective(spec, found.get(spec.url)) for spec in self.feeds]

    def _effective(self, spec: FeedSpec, found: state_repo.FeedState | None) -> state_repo.FeedState:
        interval = spec.interval or self.interval
        if found is None:
            return state_repo.FeedState(url=spec.url, interval_seconds=interval)
        if found.failures == 0 and found.last_poll is not None:  # an interval changed since: it applies now
            return replace(found, interval_seconds=interval, next_poll=min(found.next_poll, found.last_poll + interval))
        return replace(found, interval_seconds=interval)  # a failing feed keeps its backoff across restarts

    def _save(self, state: state_repo.FeedState) -> None:
        with self.pipeline.Session.begin() as session:
            state_repo.save_feed_state(session, state)

    # -------------------------------------------------------------- poll
    def poll(self, spec: FeedSpec) -> PollOutcome:
        """Poll one feed now, ingest its new items, and schedule its next poll."""
        state = self._state(spec)
        now = self.clock()
        try:
            outcome = self._fetch_and_ingest(spec.url, state)
        except Exception as exc:  # noqa: BLE001 - one feed's trouble backs that feed off; the watcher lives on
            failures = state.failures + 1
            wait = poll.backoff(state.interval_seconds, failures, self.rng)
            why = (reason(str(exc), spec.url) if isinstance(exc, InputError)
                   else f"unexpected error ({exc.__class__.__name__}: {str(exc)[:200]})")
            self._save(replace(state, failures=failures, next_poll=now + wait, last_poll=now, last_status=why))
            return PollOutcome(spec.url, "failed", error=why, next_in=wait, failures=failures)
        return outcome

    def _fetch_and_ingest(self, url: str, state: state_repo.FeedState) -> PollOutcome:
        now, limits = self.clock(), self.pipeline.limits
        fetched = poll.fetch_feed(url, state.etag, state.last_modified, limits)
        ok = replace(state, failures=0, next_poll=now + state.interval_seconds, last_poll=now)
        if fetched.data is None:
            self._save(replace(ok, last_status="not modified"))
            return PollOutcome(url, "not modified", next_in=state.interval_seconds)
        feed = poll.parse(url, fetched)
        keys = [poll.seen_key(item) for item in feed.items]
        with self.pipeline.Session() as session:
            fresh = state_repo.unseen(session, url, keys)
        new = [(n, item) for n, (item, is_new) in enumerate(zip(feed.items, fresh), 1) if is_new]
        summary = None
        if new:
            records = poll.records_for(url, feed, new, limits)
            summary = self.pipeline.ingest_records(records)
            retry = {e.source for e in summary.errors if uncoded(e.reason).startswith("unexpected error")}
            done = [poll.seen_key(item) for (n, item), r in zip(new, records) if r.source not in retry]
            with self.pipeline.Session.begin() as session:
                state_repo.mark_seen(session, url, done, now)
        self._save(replace(ok, etag=fetched.etag, last_modified=fetched.last_modified,
                           last_status=f"{len(feed.items)} items, {len(new)} new"))
        return PollOutcome(url, "new" if new else "unchanged", items=len(feed.items), new_items=len(new),
                           summary=summary, next_in=state.interval_seconds)

    # -------------------------------------------------------------- loop
    def _due(self) -> list[tuple[float, FeedSpec]]:
        states = self._states()
        return sorted(((state.next_poll, spec) for state, spec in zip(states, self.feeds)), key=lambda pair: pair[0])

    def _poll_and_report(self, spec: FeedSpec, totals: WatchTotals) -> None:
        outcome = self.poll(spec)
        totals.add(outcome)
        self.report(outcome.line(), outcome)

    def run(self, *, once: bool = False) -> WatchTotals:
        """Poll until ``stop`` is set or Ctrl-C; with ``once``, every feed once, whatever its schedule."""
        totals = WatchTotals()
        try:
            if once:
                for spec in self.feeds:
                    self._poll_and_report(spec, totals)
                return totals
            while not self.stop.is_set():
                for due_at, spec in self._due():
                    if self.stop.is_set() or due_at > self.clock():
                        break
                    self._poll_and_report(spec, totals)
                soonest = self._due()[0][0] if self.feeds else self.clock() + self.interval
                if self.stop.wait(max(MIN_WAIT_SECONDS, soonest - self.clock())):
                    break  # True as soon as stop is set: no full sleep
        except KeyboardInterrupt:
            totals.interrupted = True
        if totals.polls:
            totals.events = self.pipeline.count_events()
        return totals
