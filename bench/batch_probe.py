"""Consecutive batches as ``batch_split.py --batches`` runs them, a JSON line each, with what grows between
them: the cycle collector's CPU seconds in each stage (``gc.callbacks``) and its full collections, RSS after
each stage and the batch, the objects the collector tracks, and the size of each remembered cache.

    PYTHONHASHSEED=0 PYTHONPATH=SRC python bench/batch_probe.py 54000 12 KEEP/scale_54000.db

The kept file is only read (copied first).  Session 15, batchgrowth (bench/README.md).
"""
from __future__ import annotations

import gc
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import batch_split as bs  # noqa: E402
from incremental_bench import World, copy_db  # noqa: E402

from eventwire.fuse import blocks, match  # noqa: E402
from eventwire.pipeline import Pipeline  # noqa: E402
from eventwire.provenance import fluency  # noqa: E402
from eventwire.store import fusion_index  # noqa: E402

_gc = {"t": 0.0, "full": 0, "start": 0.0}


def _count(phase: str, info: dict) -> None:
    """The collector's CPU time and its full collections, summed (a gc callback)."""
    if phase == "start":
        _gc["start"] = time.process_time()
        return
    _gc["t"] += time.process_time() - _gc["start"]
    _gc["full"] += info["generation"] == 2


def _rss() -> int:
    """Resident memory now, MB (peak RSS only rises: this shows what a batch leaves behind)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS"):
            return int(line.split()[1]) // 1024
    return 0


def _timed(out: dict, name: str, fn, profile):
    """``batch_split._timed`` plus the collector's share of the stage and RSS after it."""
    t, full = _gc["t"], _gc["full"]
    result = _plain_timed(out, name, fn, profile)
    out[f"{name}_gc"], out[f"{name}_full"] = round(_gc["t"] - t, 2), _gc["full"] - full
    out[f"{name}_rss"] = _rss()
    return result


def _caches() -> dict[str, int]:
    """How many entries each remembered cache holds (decoded mentions, and the fuse/provenance lru_caches)."""
    out = {"decoded": len(fusion_index._decoded.entries)}
    for mod in (match, blocks, fluency):
        for name, fn in vars(mod).items():
            if hasattr(fn, "cache_info"):
                out[f"{mod.__name__.split('.')[-1]}.{name}"] = fn.cache_info().currsize
    return out


_plain_timed = bs._timed


def main() -> int:
    size, batches, kept = int(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
    gc.callbacks.append(_count)
    bs._timed = _timed
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "batch.db"
        copy_db(kept, db)
        world, pipe = World(13, 1000000), Pipeline(f"sqlite:///{db}")
        for b in range(batches):
            start = size + b * 1000
            made = [world.document(start + i) for i in range(1000)]
            out = bs._batch(pipe, made, None)
            del made
            out.update(rss_end=_rss(), peak=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
                       tracked=len(gc.get_objects()), load=round(os.getloadavg()[0], 2), **_caches())
            print(json.dumps(out), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
