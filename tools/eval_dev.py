"""`make eval`: run the whole pipeline on the dev set and hold the score to its floors.

Ingests ../shared/eval/dev/input.jsonl into a fresh temporary database through
the real CLI, exports events and documents, runs the shared scorer and prints
its score line.  Fails when any figure drops below tests/eval_baseline.json
(floors only go up: raise them when the score improves).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from pipeline_run import ingest_and_export, run

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "tests" / "eval_baseline.json"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--keep", help="folder to keep the exports in")
    args = ap.parse_args()
    shared = Path(args.shared).resolve()
    dev = shared / "eval" / "dev"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(args.keep) if args.keep else Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        if not ingest_and_export(f"sqlite:///{Path(tmp) / 'dev.db'}", dev / "input.jsonl", out):
            return 1
        score = [sys.executable, str(shared / "eval" / "score.py"), str(dev / "gold.json"),
                 str(out / "events.jsonl"), str(out / "documents.jsonl")]
        detail = run(score)
        print(detail.stdout.rstrip())
        figures = json.loads(run(score + ["--json"]).stdout)
    floors = json.loads(BASELINE.read_text())
    failed = [f"{k} {figures.get(k, 0):.3f} < floor {v}" for k, v in floors.items()
              if k != "duplicate_events_max" and figures.get(k, 0) + 1e-9 < v]
    if "duplicate_events_max" in floors and figures["duplicate_events"] > floors["duplicate_events_max"]:
        failed.append(f"duplicate_events {figures['duplicate_events']} > {floors['duplicate_events_max']}")
    for f in failed:
        print(f"BELOW FLOOR: {f}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
