"""One batch of 1,000 generated documents into a database of SIZE: where is the memory while the
clusterer runs (a tracemalloc snapshot at the end of ``Clusterer.run``, by file and by line)?

    python bench/memory_peak.py 15000 3000 /tmp/peak.db [FRAMES]
"""
import sys
import tracemalloc
from pathlib import Path
sys.path.insert(0, str(Path(__file__).parent))
from incremental_bench import World, store_generated, copy_db
from eventwire.pipeline import Pipeline
from eventwire.fuse import cluster, incremental as inc


n, size, db = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
frames = int(sys.argv[4]) if len(sys.argv) > 4 else 1
world, pipe = World(11, n), Pipeline(f"sqlite:///{db}")
done = 0
while done < size:
    store_generated(pipe, [world.document(done + i) for i in range(1000)])
    pipe.fuse(); done += 1000
print("built", done, flush=True)
store_generated(pipe, [world.document(done + i) for i in range(1000)])
orig = cluster.Clusterer.run
snaps = []
def run(self, ranked, context=()):
    out = orig(self, ranked, context)
    snaps.append(tracemalloc.take_snapshot())
    return out
cluster.Clusterer.run = run
tracemalloc.start(frames)
with pipe.Session.begin() as s:
    st = inc.fuse_new(s)
cur, peak = tracemalloc.get_traced_memory()
print("stats", st, "traced now", cur >> 20, "peak", peak >> 20)
snap = snaps[-1].filter_traces([tracemalloc.Filter(False, tracemalloc.__file__)])
print("at end of run: total MB", sum(s.size for s in snap.statistics("filename")) >> 20)
for s in snap.statistics("filename")[:8]:
    print(" ", s)
for s in snap.statistics("lineno" if frames == 1 else "traceback")[:25]:
    print(" ", s)
    if frames > 1:
        for l in s.traceback.format()[-2*frames:]:
            print("     ", l)
