"""`make eval`: run the whole pipeline on the dev set and hold the score to its floors.

Ingests ../shared/eval/dev/input.jsonl into a fresh temporary database through
the real CLI, exports events and documents, runs the shared scorer and prints
its score line.  Fails when any figure drops below tests/eval_baseline.json
(floors only go up: raise them when the score improves).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "tests" / "eval_baseline.json"


def run(cmd: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--keep", help="folder to keep the exports in")
    args = ap.parse_args()
    shared = Path(args.shared).resolve()
    dev = shared / "eval" / "dev"
    exe = str(Path(sys.executable).parent / "eventwire")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(args.keep) if args.keep else Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        db = f"sqlite:///{Path(tmp) / 'dev.db'}"
        ing = run([exe, "--db", db, "ingest", str(dev / "input.jsonl")])
        sys.stderr.write(ing.stderr[-2000:])
        if ing.returncode not in (0, 2):
            print("ingest crashed", file=sys.stderr)
            return 1
        for what in ("events", "documents"):
            ex = run([exe, "--db", db, "export", "--what", what, "--format", "jsonl", "-o", str(out / f"{what}.jsonl")])
            if ex.returncode:
                sys.stderr.write(ex.stderr)
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
