"""`make eval-case`: ACLED sub-type classification on the CASE 2021 dev snippets.

Converts ../shared/eval/case2021_dev.tsv to {"id","text"} JSONL, runs the real
`eventwire classify` CLI on it, scores the predictions with the shared
case_score.py and prints its score line.

`--half tune|check` keeps only the snippets with even|odd ids (the split used
while tuning the lexicons: rules were tuned on the even half only and checked
on the odd half).  `--detail` prints the per-label lines as well; `--errors`
lists the wrong predictions of the selected half (use it on `tune` only).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HALVES = {"tune": 0, "check": 1}


def read_tsv(path: Path) -> list[tuple[str, str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 3 or parts[0] == "id":
            continue
        rows.append((parts[0], parts[1], parts[2]))
    return rows


def _label_names(scorer: Path) -> dict[str, str]:
    """The scorer's own table of CASE codes to ACLED sub-types (codes it lacks are non-events)."""
    scope: dict = {}
    source = scorer.read_text(encoding="utf-8")
    exec(source[source.index("CASE = {"):source.index("}", source.index("CASE = {")) + 1], scope)
    return scope["CASE"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--half", choices=sorted(HALVES), help="score only the even (tune) or odd (check) ids")
    ap.add_argument("--detail", action="store_true", help="print the per-label lines too")
    ap.add_argument("--errors", action="store_true", help="list wrong predictions (tuning half only)")
    args = ap.parse_args()
    shared = Path(args.shared).resolve()
    tsv = shared / "eval" / "case2021_dev.tsv"
    scorer = shared / "eval" / "case_score.py"
    rows = read_tsv(tsv)
    if args.half:
        rows = [r for r in rows if r[0].isdigit() and int(r[0]) % 2 == HALVES[args.half]]
    if args.errors and args.half != "tune":
        print("--errors is only for the tuning half (--half tune)", file=sys.stderr)
        return 2
    exe = str(Path(sys.executable).parent / "eventwire")
    with tempfile.TemporaryDirectory() as tmp:
        gold = Path(tmp) / "gold.tsv"
        gold.write_text("id\tEventSnippet\tSubType\n" + "".join(f"{i}\t{t}\t{l}\n" for i, t, l in rows), encoding="utf-8")
        inp = Path(tmp) / "case.jsonl"
        inp.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t, _ in rows), encoding="utf-8")
        cls = subprocess.run([exe, "classify", str(inp)], capture_output=True, text=True)
        if cls.returncode:
            sys.stderr.write(cls.stderr[-2000:])
            print("classify failed", file=sys.stderr)
            return 1
        pred = Path(tmp) / "pred.jsonl"
        pred.write_text(cls.stdout, encoding="utf-8")
        score = subprocess.run([sys.executable, str(scorer), str(gold), str(pred)], capture_output=True, text=True)
        if score.returncode:
            sys.stderr.write(score.stderr)
            return 1
        lines = score.stdout.rstrip().splitlines()
        print("\n".join(lines if args.detail else lines[-1:]))
        if args.errors:
            got = {str(r["id"]): r.get("sub_event_type") for r in map(json.loads, cls.stdout.splitlines()) if r}
            names = _label_names(scorer)
            for i, text, label in rows:
                if names.get(label) != got.get(i):  # an unmapped label (a non-event) against any answer
                    print(f"{i}\t{label}\t{got.get(i)}\t{text[:400]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
