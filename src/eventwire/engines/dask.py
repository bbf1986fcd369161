"""Cleaning and extraction on a Dask cluster (``ingest --engine dask``).

With ``--scheduler ADDRESS`` the work goes to a running cluster (its workers
need eventwire installed, same version); without, a LocalCluster of worker
processes on this machine.  Provenance, fusion and every database write stay
in the ingesting process, as with the other engines, so the database sees
the same documents in the same order.
"""
from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future

from eventwire.config import Limits
from eventwire.engines.local import Batched
from eventwire.errors import ConfigError, Errors

# seconds to wait for a named scheduler before giving up with a clear error
CONNECT_TIMEOUT_S = 10


class DaskCluster(Batched):
    name = "dask"

    def __init__(self, limits: Limits, *, scheduler: str | None = None, workers: int = 1,
                 cleaner=None, extractor_factory=None) -> None:
        super().__init__(limits, cleaner, extractor_factory)
        self.scheduler, self._local_workers = scheduler, workers
        self._client = self._cluster = None

    def _connect(self) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - a pinned dependency
            raise ConfigError(Errors.E013.format(why=exc)) from exc
        if self.scheduler:
            try:
                self._client = Client(self.scheduler, timeout=CONNECT_TIMEOUT_S)
            except (OSError, TimeoutError) as exc:
                raise ConfigError(Errors.E014.format(scheduler=self.scheduler, why=exc)) from exc
        else:
            # loopback only, no dashboard: a cluster for this run, gone with it
            self._cluster = LocalCluster(n_workers=self._local_workers, threads_per_worker=1, processes=True,
                                         host="127.0.0.1", dashboard_address=None)
            self._client = Client(self._cluster)
        # one batch in flight per worker thread, and one waiting
        self.workers = max(1, sum(self._client.nthreads().values()))

    def _submit(self, fn: Callable, chunk: list, *args) -> Future:
        if self._client is None:
            self._connect()
        # pure=False: the same batch sent twice (a re-run) is work to do again, not a cached key
        return self._client.submit(fn, chunk, *args, pure=False)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()
        self._client = self._cluster = None
