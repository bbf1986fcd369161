"""`make eval`: run the whole pipeline on each dev set and hold each score to its floors.

For every set (../shared/eval/dev, ../shared/eval/dev2) ingests its input.jsonl
into a fresh temporary database through the real CLI, exports events and
documents, runs the shared scorer and prints its score line prefixed by the
set's name.  The sets are scored apart on purpose: a change that helps one
and not the other is fitted to one of them.  Fails when any figure of any set
drops below its floors in tests/eval_baseline.json (floors only go up: raise
them when the score improves).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from pipeline_run import check_floors, ingest_and_export, run

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "tests" / "eval_baseline.json"
SETS = ("dev", "dev2")


def score_set(shared: Path, name: str, keep: Path | None, detail: bool) -> dict | None:
    """The scorer's figures for one set (None when the pipeline failed); prints its score line."""
    folder = shared / "eval" / name
    with tempfile.TemporaryDirectory() as tmp:
        out = keep / name if keep else Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        if not ingest_and_export(f"sqlite:///{Path(tmp) / 'dev.db'}", folder / "input.jsonl", out):
            return None
        score = [sys.executable, str(shared / "eval" / "score.py"), str(folder / "gold.json"),
                 str(out / "events.jsonl"), str(out / "documents.jsonl")]
        lines = run(score).stdout.rstrip().splitlines()
        for line in lines if detail else lines[-1:]:
            print(f"{name}: {line}")
        return json.loads(run(score + ["--json"]).stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--keep", help="folder to keep the exports in (one sub-folder per set)")
    ap.add_argument("--set", choices=SETS, action="append", help="score only this set (repeatable)")
    ap.add_argument("--detail", action="store_true", help="print the scorer's whole report, not only its score line")
    args = ap.parse_args()
    shared = Path(args.shared).resolve()
    floors = json.loads(BASELINE.read_text())
    failed = 0
    for name in args.set or SETS:
        figures = score_set(shared, name, Path(args.keep) if args.keep else None, args.detail)
        if figures is None:
            return 1
        failed |= check_floors(figures, floors.get(name, {}), f"{name}: ")
    return failed


if __name__ == "__main__":
    sys.exit(main())
