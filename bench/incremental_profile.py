"""Where does the time of ingesting the five samples into a kept database go?  ``incremental_bench.py``
times whole ingests; this times ``fuse_new`` inside each one too, counts the garbage collector's
full (generation 2) passes and their pauses, and with ``--profile`` keeps a cProfile of the last run.

    python bench/incremental_profile.py --db KEEP/db_10000.db --runs 5 [--profile /tmp/ingest.prof]

The database is one ``incremental_bench.py --sizes N --keep KEEP`` built; each run ingests into a fresh
copy, in one process (one spaCy model), as the bench does.
"""
from __future__ import annotations

import argparse
import cProfile
import gc
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from incremental_bench import ROOT, copy_db  # noqa: E402

from eventwire.fuse import incremental as inc  # noqa: E402
from eventwire.pipeline import Pipeline  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--profile", help="file for a cProfile of the last run")
    args = ap.parse_args()
    from eventwire.extract.factory import build_extractor

    extractor = build_extractor()
    fuse_seconds: list[float] = []
    real = inc.fuse_new

    def timed(session, **kw):
        t = time.perf_counter()
        try:
            return real(session, **kw)
        finally:
            fuse_seconds.append(round(time.perf_counter() - t, 3))

    inc.fuse_new = timed  # pipeline.fuse imports it at call time
    pauses: list[float] = []
    started: list[float] = []

    def full_pass(phase: str, info: dict) -> None:
        if info["generation"] == 2:
            if phase == "start":
                started.append(time.perf_counter())
            else:
                pauses.append(round(time.perf_counter() - started[-1], 3))

    gc.callbacks.append(full_pass)
    ingest_seconds: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        five = Path(tmp) / "five.jsonl"
        five.write_text("\n".join((ROOT / "samples" / "articles.jsonl").read_text("utf-8").splitlines()[:5]) + "\n")
        for i in range(args.runs):
            copy_db(Path(args.db), Path(tmp) / "run.db")
            pipe = Pipeline(f"sqlite:///{Path(tmp) / 'run.db'}", extractor_factory=lambda: extractor)
            prof = cProfile.Profile() if args.profile and i == args.runs - 1 else None
            t = time.perf_counter()
            if prof:
                prof.enable()
            pipe.ingest([str(five)])
            if prof:
                prof.disable()
                prof.dump_stats(args.profile)
            ingest_seconds.append(round(time.perf_counter() - t, 3))
            pipe.engine.dispose()
    print(json.dumps({"db": args.db, "ingest_seconds": ingest_seconds, "fuse_seconds": fuse_seconds,
                      "full_gc_pauses": pauses, "load_average": [round(x, 2) for x in os.getloadavg()]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
