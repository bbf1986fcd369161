"""`make eval`: run the whole pipeline on each dev set and hold each score to its floors.

For every set (../shared/eval/dev, ../shared/eval/dev2) ingests its input.jsonl
into a fresh temporary database through the real CLI, exports events and
documents, runs the shared scorer and prints its score line prefixed by the
set's name.  The sets are scored apart on purpose: a change that helps one
and not the other is fitted to one of them.  Fails when any figure of any set
drops below its floors in tests/eval_baseline.json (floors only go up: raise
them when the score improves).

Each set is also scored with every record's page date withheld (``published``
dropped from its input), as many scraped or forwarded articles come: then the
dates come from the URL, the text and the story, and a rule that only works
when the publisher's date is given shows up as a drop.
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


NO_PAGE_DATES = "without page dates"


def _withheld(folder: Path, tmp: Path) -> Path:
    """A copy of the set's input.jsonl without page dates, its files named by absolute path."""
    path = tmp / "input-no-dates.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for line in (folder / "input.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                record.pop("published", None)
                if "file" in record:
                    record["file"] = str((folder / record["file"]).resolve())
                out.write(json.dumps(record) + "\n")
    return path


def score_set(shared: Path, name: str, keep: Path | None, detail: bool, no_dates: bool = False) -> dict | None:
    """The scorer's figures for one set (None when the pipeline failed); prints its score line."""
    folder = shared / "eval" / name
    label = f"{name} {NO_PAGE_DATES}" if no_dates else name
    with tempfile.TemporaryDirectory() as tmp:
        out = keep / label.replace(" ", "_") if keep else Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        source = _withheld(folder, Path(tmp)) if no_dates else folder / "input.jsonl"
        if not ingest_and_export(f"sqlite:///{Path(tmp) / 'dev.db'}", source, out):
            return None
        score = [sys.executable, str(shared / "eval" / "score.py"), str(folder / "gold.json"),
                 str(out / "events.jsonl"), str(out / "documents.jsonl")]
        lines = run(score).stdout.rstrip().splitlines()
        for line in lines if detail else lines[-1:]:
            print(f"{label}: {line}")
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
        for no_dates in (False, True):
            figures = score_set(shared, name, Path(args.keep) if args.keep else None, args.detail, no_dates)
            if figures is None:
                return 1
            label = f"{name} {NO_PAGE_DATES}" if no_dates else name
            failed |= check_floors(figures, floors.get(label, {}), f"{label}: ")
    return failed


if __name__ == "__main__":
    sys.exit(main())
