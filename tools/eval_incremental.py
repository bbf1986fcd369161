"""Does ingesting one article at a time give the events of one batch, and of a full re-fuse?

Fusion is incremental (fuse/incremental.py): each ingest fuses only the events
its new mentions can meet.  This ingests a corpus three ways in one process
(one spaCy model): every record on its own, in chunks, and all at once; then
re-fuses a copy of the one-at-a-time database from scratch (``refuse``), and
compares the events (ids and full payloads).  Exit 1 on any difference.

    python tools/eval_incremental.py --shared ../shared --corpus muc
"""
from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import select

from eventwire.pipeline import Pipeline
from eventwire.store.orm import EventRow
from pipeline_run import muc_input

ROOT = Path(__file__).resolve().parents[1]


def _records(shared: Path, corpus: str) -> list[str]:
    if corpus == "muc":
        out = muc_input(shared)
        if out is None:
            raise SystemExit("the MUC-4 conversion failed")
        return [line for line in out.splitlines() if line.strip()]
    dev = shared / "eval" / corpus
    lines = []
    for line in (dev / "input.jsonl").read_text("utf-8").splitlines():
        r = json.loads(line)
        if "file" in r:
            r["text"] = (dev / r.pop("file")).read_text("utf-8")
        lines.append(json.dumps(r))
    return lines


def _events(db: Path) -> dict[str, dict]:
    pipe = Pipeline(f"sqlite:///{db}")
    with pipe.Session() as s:
        return {r.id: r.payload for r in s.scalars(select(EventRow))}


def _ingest(db: Path, records: list[str], size: int, tmp: Path, extractor) -> float:
    pipe = Pipeline(f"sqlite:///{db}", extractor_factory=lambda: extractor)
    t0 = time.perf_counter()
    for i in range(0, len(records), size):
        f = tmp / f"batch{i}.jsonl"
        f.write_text("\n".join(records[i:i + size]) + "\n", encoding="utf-8")
        pipe.ingest([str(f)])
    return time.perf_counter() - t0


def _diff(name: str, a: dict, b: dict) -> int:
    for k in sorted(k for k in a.keys() & b.keys() if a[k] != b[k])[:3]:
        fields = sorted(f for f in a[k] if a[k][f] != b[k].get(f))
        inner = sorted({g for f in fields if isinstance(a[k][f], list) for x, y in zip(a[k][f], b[k][f])
                        if isinstance(x, dict) for g in x if x[g] != y.get(g)})
        print(f"  {k}: {', '.join(fields)}" + (f" ({', '.join(inner)})" if inner else ""))
    only_a, only_b = sorted(a.keys() - b.keys()), sorted(b.keys() - a.keys())
    differ = sorted(k for k in a.keys() & b.keys() if a[k] != b[k])
    ok = not (only_a or only_b or differ)
    print(f"{name}: {'same' if ok else 'DIFFERENT'} ({len(a)} vs {len(b)} events; only left {only_a[:5]}, "
          f"only right {only_b[:5]}, payload differs {differ[:5]})")
    return 0 if ok else 1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--corpus", default="muc", help="muc, dev or dev2")
    ap.add_argument("--chunk", type=int, default=10, help="records per ingest in the chunked run")
    args = ap.parse_args()
    from eventwire.extract.factory import build_extractor

    extractor = build_extractor()
    records = _records(Path(args.shared).resolve(), args.corpus)
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        dbs = {name: t / f"{name}.db" for name in ("one", "chunk", "all")}
        times = {name: _ingest(db, records, size, t, extractor)
                 for (name, db), size in zip(dbs.items(), (1, args.chunk, len(records)))}
        with sqlite3.connect(dbs["one"]) as src, sqlite3.connect(t / "refused.db") as dst:
            src.backup(dst)  # the write-ahead log too, which a file copy would miss
        Pipeline(f"sqlite:///{t / 'refused.db'}").refuse()
        ev = {name: _events(db) for name, db in dbs.items()}
        print(f"{args.corpus}: {len(records)} records; ingest seconds: one at a time {times['one']:.1f}, "
              f"{args.chunk} at a time {times['chunk']:.1f}, all at once {times['all']:.1f}")
        bad = _diff("one at a time vs all at once", ev["one"], ev["all"])
        bad += _diff(f"{args.chunk} at a time vs all at once", ev["chunk"], ev["all"])
        bad += _diff("one at a time vs refuse", ev["one"], _events(t / "refused.db"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
