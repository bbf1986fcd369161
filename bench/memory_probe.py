"""Where memory goes while ``incremental_bench`` builds a database, batch by batch.

After each batch (store, provenance, ``fuse_new``): current and peak RSS, anonymous memory, glibc
malloc's arena (in use / free), SQLite's own allocations, the sizes of fuse/match.py's caches,
the objects the collector tracks, and what ``fuse_new`` fused (rounds, events, mentions, and per
clustering the pool's and the context's mentions).  ``--trace``: tracemalloc's current and peak
per batch (slow); ``--trim``: RSS after ``malloc_trim``; ``--types``: object types gained.

    python bench/memory_probe.py --n 15000 --batch 1000
"""
from __future__ import annotations

import argparse
import gc
import json
import sys
import time
import tracemalloc
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from incremental_bench import World, store_generated  # noqa: E402

from eventwire.fuse import match  # noqa: E402
from eventwire.pipeline import Pipeline  # noqa: E402


def status() -> dict:
    out = {}
    for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
        k, _, v = line.partition(":")
        if k in ("Anonymous",):
            out[k] = round(int(v.split()[0]) / 1024, 1)
    for line in Path("/proc/self/status").read_text().splitlines():
        k, _, v = line.partition(":")
        if k in ("VmRSS", "VmHWM"):
            out[k] = round(int(v.split()[0]) / 1024, 1)
    return out


import ctypes
_libc = ctypes.CDLL("libc.so.6")
_sq = ctypes.CDLL("libsqlite3.so.0")
_sq.sqlite3_memory_used.restype = ctypes.c_int64
_sq.sqlite3_memory_highwater.restype = ctypes.c_int64


class MallInfo2(ctypes.Structure):
    _fields_ = [(n, ctypes.c_size_t) for n in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks",
                                               "uordblks", "fordblks", "keepcost")]


_libc.mallinfo2.restype = MallInfo2


def cstats() -> dict:
    mi = _libc.mallinfo2()
    return {"sqlite_mb": round(_sq.sqlite3_memory_used() / 2**20, 1),
            "sqlite_hw_mb": round(_sq.sqlite3_memory_highwater(0) / 2**20, 1),
            "malloc_arena_mb": round(mi.arena / 2**20, 1), "malloc_inuse_mb": round(mi.uordblks / 2**20, 1),
            "malloc_free_mb": round(mi.fordblks / 2**20, 1), "mmap_mb": round(mi.hblkhd / 2**20, 1)}


def types() -> Counter:
    return Counter(type(o).__name__ for o in gc.get_objects())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--db", default="/tmp/memory_probe.db")
    ap.add_argument("--trace", action="store_true")
    ap.add_argument("--types", action="store_true")
    ap.add_argument("--trim", action="store_true")
    ap.add_argument("--frames", type=int, default=1)
    ap.add_argument("--diff", action="store_true")
    args = ap.parse_args()
    Path(args.db).unlink(missing_ok=True)
    for s in ("-wal", "-shm"):
        Path(args.db + s).unlink(missing_ok=True)
    world, pipe = World(11, args.n), Pipeline(f"sqlite:///{args.db}")
    if args.trace:
        tracemalloc.start(args.frames)
    done, t0, prev_types, prev_snap = 0, time.perf_counter(), None, None
    while done < args.n:
        store_generated(pipe, [world.document(done + i) for i in range(args.batch)])
        from eventwire.fuse import incremental as inc
        ctx = []
        orig = inc._fuse
        def spy(ranked, stories, pool=None):
            ctx.append((len(ranked), len(pool.context_ranked) if pool is not None else 0))
            return orig(ranked, stories, pool)
        inc._fuse = spy
        with pipe.Session.begin() as s:
            st = inc.fuse_new(s)
        inc._fuse = orig
        done += args.batch
        gc.collect()
        row = {"docs": done, "s": round(time.perf_counter() - t0, 1), **status(),
               "caches": {f: getattr(match, f).cache_info().currsize for f in ("content_words", "telling_words", "_reference")},
               "gc_objects": len(gc.get_objects())}
        row.update(cstats())
        row["stats"] = [st.rounds, st.events_touched, st.mentions_fused, ctx]
        if args.trim:
            _libc.malloc_trim(0)
            row["rss_after_trim"] = status()["VmRSS"]
        print(json.dumps(row), flush=True)
        if args.types:
            now = types()
            if prev_types is not None:
                print("  types+", (now - prev_types).most_common(12), flush=True)
            prev_types = now
        if args.trace:
            snap = tracemalloc.take_snapshot()
            print("  traced MB", round(tracemalloc.get_traced_memory()[0] / 2**20, 1),
                  "peak", round(tracemalloc.get_traced_memory()[1] / 2**20, 1), flush=True)
            if prev_snap is not None and args.diff:
                for st in snap.compare_to(prev_snap, "traceback")[:6]:
                    print("  ", st, flush=True)
                    for line in st.traceback.format()[-8:]:
                        print("     ", line, flush=True)
            prev_snap = snap
            tracemalloc.reset_peak()


if __name__ == "__main__":
    main()
