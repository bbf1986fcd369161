"""One batch of generated documents added to a kept database: how long does its fusion take, and how
much does it decide again?  Where ``incremental_bench.py --scale`` shows the growth, this shows one
batch's rounds (``FusionStats``), to compare two versions of the code on the same database:

    PYTHONPATH=OLD/src python bench/incremental_batch.py --db KEEP/db_10000.db --size 10000 --docs 50
    python bench/incremental_batch.py --db KEEP/db_10000.db --size 10000 --docs 50

The database is one ``incremental_bench.py --sizes N --keep KEEP`` built (seed 11); the batch continues
its ``World`` past its last document, through store and provenance, then ``fuse_new`` is timed alone
on a copy (the kept file is not changed).
"""
from __future__ import annotations

import argparse
import cProfile
import json
import os
import resource
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path


sys.path.insert(0, str(Path(__file__).parent))
from incremental_bench import World, copy_db, store_generated  # noqa: E402

from eventwire.fuse.incremental import fuse_new  # noqa: E402
from eventwire.pipeline import Pipeline  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--size", type=int, required=True, help="documents the database was built with")
    ap.add_argument("--docs", type=int, default=50)
    ap.add_argument("--world", type=int, nargs=2, metavar=("SEED", "TOTAL"), default=None,
                    help="the generator of the database: 11 SIZE for --sizes (default), 13 TOTAL for --scale TOTAL")
    ap.add_argument("--profile", help="file for a cProfile of fuse_new")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "batch.db"
        copy_db(Path(args.db), db)
        seed, total = args.world or (11, args.size)
        world, pipe = World(seed, total), Pipeline(f"sqlite:///{db}")
        store_generated(pipe, [world.document(args.size + i) for i in range(args.docs)])
        prof = cProfile.Profile() if args.profile else None
        t = time.perf_counter()
        with pipe.Session.begin() as s:
            if prof:
                prof.enable()
            stats = fuse_new(s)
            if prof:
                prof.disable()
                prof.dump_stats(args.profile)
        seconds = round(time.perf_counter() - t, 2)
        pipe.engine.dispose()
    print(json.dumps({"documents_added": args.docs, "database_documents": args.size, "fuse_seconds": seconds,
                      **asdict(stats), "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                      "load_average": list(os.getloadavg())}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
