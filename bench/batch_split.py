"""One batch of generated documents into a copy of a kept ``--scale`` database, store, provenance and
fusion timed apart (wall and CPU seconds: CPU time moves less with the shared machine's load), with
an optional cProfile of each and a dump of every event (members and whole row) to diff two versions:

    PYTHONHASHSEED=0 PYTHONPATH=OLD/src python bench/batch_split.py --db KEEP/scale_81000.db --size 81000 --out old.txt
    PYTHONHASHSEED=0 python bench/batch_split.py --db KEEP/scale_81000.db --size 81000 --out new.txt --profile new.prof
    cmp old.txt new.txt

``--batches N`` runs N consecutive batches into the one copy, a line each; each stage also gives the bytes
the process wrote during it (``/proc/self/io``: ``wchar``, ``write_bytes``).

The batch continues the ``World(13, 1000000)`` that ``incremental_bench.py --scale`` builds with, past
the database's last document, as ``incremental_batch.py --world 13 1000000`` does; the kept file is
only read.  Session 11 (bench/README.md).

The batch is the one the --scale run would have added next: the database's ``--size`` documents are
generated (and dropped) first, ~6.5 CPU s at 46k, untimed (the same ids: checked against the kept 46k
database).  ``--copied-texts`` skips that, as every run before session 23 did: a fresh ``World`` draws its
texts from the start of its seeded sequence, so each new document is a text copy of one of the
database's first 1,000 and provenance verifies ~1,000 stored candidates a batch, where the --scale run
itself verifies ~90 (session 22; the figures in bench/README.md before session 22 measured such batches).
"""
from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import os
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).parent))
from incremental_bench import World, copy_db  # noqa: E402

from eventwire.fuse.incremental import fuse_new  # noqa: E402
from eventwire.pipeline import Pipeline  # noqa: E402
from eventwire.store import repository as repo  # noqa: E402
from eventwire.store.orm import DocumentRow  # noqa: E402


def _io() -> dict[str, int]:
    """This process's I/O counters (Linux): ``wchar``, bytes handed to write(), counts the WAL and the
    checkpoint's writes whatever the page cache does; ``write_bytes``, those sent towards the disk."""
    try:
        return {k: int(v) for k, v in (line.split(": ") for line in Path("/proc/self/io").read_text().splitlines())}
    except OSError:
        return {}


def _timed(out: dict, name: str, fn, profile: str | None):
    prof = cProfile.Profile() if profile else None
    io, wall, cpu = _io(), time.perf_counter(), time.process_time()
    if prof:
        prof.enable()
    result = fn()
    if prof:
        prof.disable()
        prof.dump_stats(f"{profile}.{name}")
    out[name], out[f"{name}_cpu"] = round(time.perf_counter() - wall, 2), round(time.process_time() - cpu, 2)
    after = _io()
    for k in ("wchar", "write_bytes"):
        if k in io:
            out[f"{name}_{k}_mb"] = round((after[k] - io[k]) / 1e6, 1)
    return result


def _dump(db: Path, path: Path) -> str:
    """Every event's members and whole row, sorted, to ``path``; their digest."""
    with sqlite3.connect(db) as c:
        members: dict = {}
        for e, m in c.execute("SELECT event_id, mention_id FROM fusion_members"):
            members.setdefault(e, []).append(m)
        rows = c.execute("SELECT * FROM events").fetchall()
    lines = sorted(f"{e} {sorted(v)}" for e, v in members.items())
    rows_ = sorted(f"{r[0]} {hashlib.sha1(repr(r).encode()).hexdigest()}" for r in rows)
    path.write_text("\n".join(lines) + "\n=====\n" + "\n".join(rows_) + "\n")
    return hashlib.sha1(("\n".join(lines) + "".join(rows_)).encode()).hexdigest()


def _batch(pipe: Pipeline, made: list, profile: str | None) -> dict:
    """Store ``made``'s documents, run provenance, store their mentions, fuse: each timed apart."""
    out: dict = {}

    def store_documents():
        with pipe.Session.begin() as s:
            for doc, _ms in made:
                repo.add_document(s, doc)

    def store_mentions():
        with pipe.Session.begin() as s:
            rows = {r.id: r for r in s.scalars(select(DocumentRow).where(DocumentRow.id.in_([d.id for d, _ in made])))}
            for doc, _ms in made:
                rows[doc.id].stage = "extracted"
            repo.replace_mentions_many(s, [(doc.id, ms) for doc, ms in made])

    def fuse():
        with pipe.Session.begin() as s:
            return fuse_new(s)

    _timed(out, "store_docs", store_documents, profile)
    _timed(out, "provenance", pipe.update_provenance, profile)
    _timed(out, "store_mentions", store_mentions, profile)
    out["stats"] = str(_timed(out, "fuse", fuse, profile))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--size", type=int, required=True, help="documents the database was built with")
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--batches", type=int, default=1, help="consecutive batches into the one copy, a line each")
    ap.add_argument("--out", help="file for the dump of every event (after the last batch)")
    ap.add_argument("--profile", help="prefix of the cProfile files (.store_docs, .provenance, .store_mentions, .fuse)")
    ap.add_argument("--tmp", help="folder for the copy (default: the system's)")
    ap.add_argument("--copied-texts", action="store_true",
                    help="skip generating the database's documents first: the batch copies its first 1,000 texts")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(dir=args.tmp) as tmp:
        db = Path(tmp) / "batch.db"
        copy_db(Path(args.db), db)
        world, pipe = World(13, 1000000), Pipeline(f"sqlite:///{db}")
        if not args.copied_texts:
            for n in range(args.size):
                world.document(n)
        for b in range(args.batches):
            start = args.size + b * args.docs
            made = [world.document(start + i) for i in range(args.docs)]
            out: dict = {"documents_added": args.docs, "database_documents": start}
            out.update(_batch(pipe, made, args.profile))
            wal = db.with_name(db.name + "-wal")
            out["wal_file_mb"] = round(wal.stat().st_size / 1e6, 1) if wal.exists() else 0.0
            last = b == args.batches - 1
            if last:
                pipe.engine.dispose()
            out.update(peak_rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
                       load_average=[round(x, 2) for x in os.getloadavg()])
            if last and args.out:
                out["events_digest"] = _dump(db, Path(args.out))
            print(json.dumps(out), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
