"""`make eval-boilerplate`: flat-text cleaning on the 78 real pages of ../shared/eval/boilerplate.

Ingests the pages into a fresh temporary database through the real CLI,
exports the documents, runs the shared ``boilerplate_score.py`` and prints its
score line (``boilerplate: keep … drop … f1 … pages N``).  Fails when a figure
drops below tests/boilerplate_baseline.json (floors only go up: raise them when
the score improves).

``--half tune|check`` scores only the pages of one half of the sites (a hash of
the registrable domain, see ``site_half``): the line model of
``clean/linemodel.py`` was trained and its threshold chosen on the ``tune``
half only, so ``check`` is the honest figure for pages from sites it never saw.
Without ``--half`` the whole set is scored and also each half's line is
printed.  Floors apply to the whole set only.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlparse

from pipeline_run import check_floors, ingest_and_export, read_jsonl, run

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "tests" / "boilerplate_baseline.json"
HALVES = ("tune", "check")
# Second-level labels under which a registrable domain has three labels (bbc.co.uk).
SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu"})


def site(url: str | None, page_id: str) -> str:
    """The registrable domain of a page (its id when it has no url)."""
    host = (urlparse(url or "").hostname or "").lower().removeprefix("www.")
    if not host:
        return page_id
    labels = host.split(".")
    keep = 3 if len(labels) >= 3 and labels[-2] in SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


def site_half(url: str | None, page_id: str) -> str:
    """ "tune" or "check": a stable hash of the site, so one site's pages share a half."""
    digest = hashlib.sha256(site(url, page_id).encode("utf-8")).digest()
    return HALVES[digest[0] % 2]


def halves(input_path: Path) -> dict[str, str]:
    """Page id -> half, for every page of the input file."""
    return {r["id"]: site_half(r.get("url"), r["id"]) for r in read_jsonl(input_path)}


def score(scorer: Path, gold: list[dict], docs: Path, tmp: Path, name: str) -> tuple[str, dict]:
    path = tmp / f"gold-{name}.jsonl"
    path.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold), encoding="utf-8")
    text = run([sys.executable, str(scorer), str(path), str(docs)]).stdout.rstrip()
    figures = json.loads(run([sys.executable, str(scorer), str(path), str(docs), "--json"]).stdout)
    return text, figures


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--half", choices=HALVES, help="score only one half of the sites")
    ap.add_argument("--docs", help="score this documents export instead of ingesting afresh")
    ap.add_argument("--keep", help="write the documents export here")
    args = ap.parse_args()
    folder = Path(args.shared).resolve() / "eval" / "boilerplate"
    scorer = folder.parent / "boilerplate_score.py"
    gold = read_jsonl(folder / "gold.jsonl")
    half_of = halves(folder / "input.jsonl")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        docs = Path(args.docs) if args.docs else Path(args.keep or tmp / "documents.jsonl")
        if not args.docs and not ingest_and_export(f"sqlite:///{tmp / 'bp.db'}", folder / "input.jsonl", files={"documents": docs}):
            return 1
        if args.half:
            text, _ = score(scorer, [g for g in gold if half_of.get(g["id"]) == args.half], docs, tmp, args.half)
            print(f"{args.half} half: {text.splitlines()[-1]}")
            return 0
        for half in HALVES:
            text, _ = score(scorer, [g for g in gold if half_of.get(g["id"]) == half], docs, tmp, half)
            print(f"{half} half: {text.splitlines()[-1]}")
        text, figures = score(scorer, gold, docs, tmp, "all")
        print(text)
    floors = json.loads(BASELINE.read_text())
    return check_floors(figures, floors)


if __name__ == "__main__":
    sys.exit(main())
