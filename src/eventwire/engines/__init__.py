"""Where the per-document work (clean, extract) runs: see local.py and dask.py."""
from __future__ import annotations

from eventwire.config import Limits
from eventwire.errors import ConfigError, Errors

ENGINES = ("local", "dask")


def build_engine(kind: str, *, workers: int, limits: Limits, cleaner, extractor_factory,
                 in_process_cleaner, in_process_extractor, scheduler: str | None = None):
    """The engine for ``--engine kind``: one worker on the local engine means this process."""
    from eventwire.engines.local import InProcess, ProcessPool

    if kind not in ENGINES:
        raise ConfigError(Errors.E010.format(kind=kind, choices=", ".join(ENGINES)))
    if workers < 1:
        raise ConfigError(Errors.E011.format(workers=workers))
    if scheduler and kind != "dask":
        raise ConfigError(Errors.E012)
    if kind == "dask":
        from eventwire.engines.dask import DaskCluster

        return DaskCluster(limits, scheduler=scheduler, workers=workers, cleaner=cleaner, extractor_factory=extractor_factory)
    if workers == 1:
        return InProcess(in_process_cleaner, in_process_extractor)
    return ProcessPool(workers, limits, in_process_cleaner, extractor_factory)
