"""A digest of everything the pipeline exports, to prove a refactor changed nothing.

Ingests each set through the real CLI into a fresh temporary SQLite database,
exports its events and documents, and prints one sha256 per set and kind over
the records in canonical JSON (keys sorted, records sorted), with the record
count.  CASE is digested from `eventwire classify` output on the CASE 2021
dev snippets.  Run it before and after a change: identical lines mean
identical output.  `--keep DIR` leaves the canonical records there, one
file per set and kind, so two runs can be diffed record by record.

Sets: dev, dev2 (eval inputs), hoot (the Russia/Ukraine corpus), muc (the
MUC-4 messages as tools/eval_muc.py converts them), case.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path

from eval_case import read_tsv
from pipeline_run import EXE, ingest_and_export, muc_input, run

ROOT = Path(__file__).resolve().parent.parent
SETS = ("dev", "dev2", "muc", "case", "hoot")


def canonical(lines: list[str]) -> list[str]:
    """Each JSON record re-dumped with sorted keys, the records sorted."""
    return sorted(json.dumps(json.loads(x), sort_keys=True, ensure_ascii=False) for x in lines if x.strip())


def digest(records: list[str]) -> str:
    return hashlib.sha256("\n".join(records).encode("utf-8")).hexdigest()


def source(name: str, shared: Path, tmp: Path) -> Path | None:
    """The input file of a set (MUC and CASE converted into tmp first)."""
    if name in ("dev", "dev2"):
        return shared / "eval" / name / "input.jsonl"
    if name == "hoot":
        return shared / "corpus" / "hoot_russia_ukraine_apr2022" / "articles.jsonl"
    if name == "muc":
        converted = muc_input(shared)
        if converted is None:
            return None
        out = tmp / "muc.jsonl"
        out.write_text(converted, encoding="utf-8")
        return out
    rows = read_tsv(shared / "eval" / "case2021_dev.tsv")
    out = tmp / "case.jsonl"
    out.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t, _ in rows), encoding="utf-8")
    return out


def outputs(name: str, inp: Path, tmp: Path) -> dict[str, list[str]] | None:
    """Canonical records per kind for one set."""
    if name == "case":
        cls = run([EXE, "classify", str(inp)])
        if cls.returncode:
            sys.stderr.write(cls.stderr[-2000:])
            return None
        return {"classify": canonical(cls.stdout.splitlines())}
    out = tmp / name
    out.mkdir()
    if not ingest_and_export(f"sqlite:///{out / 'db.sqlite'}", inp, out):
        return None
    return {k: canonical((out / f"{k}.jsonl").read_text(encoding="utf-8").splitlines()) for k in ("events", "documents")}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--sets", default=",".join(SETS), help=f"comma-separated, of {', '.join(SETS)}")
    ap.add_argument("--keep", help="write the canonical records of each set and kind to this folder")
    args = ap.parse_args()
    shared = Path(args.shared).resolve()
    keep = Path(args.keep) if args.keep else None
    if keep:
        keep.mkdir(parents=True, exist_ok=True)
    failed = 0
    for name in args.sets.split(","):
        with tempfile.TemporaryDirectory() as t:
            tmp = Path(t)
            inp = source(name, shared, tmp)
            got = outputs(name, inp, tmp) if inp else None
            if got is None:
                print(f"{name}: FAILED", flush=True)
                failed = 1
                continue
            for kind, records in got.items():
                print(f"{name} {kind} n={len(records)} sha256={digest(records)}", flush=True)
                if keep:
                    (keep / f"{name}.{kind}.jsonl").write_text("".join(r + "\n" for r in records), encoding="utf-8")
    return failed


if __name__ == "__main__":
    sys.exit(main())
