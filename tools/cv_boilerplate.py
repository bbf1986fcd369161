"""Site-grouped cross-validation of the boilerplate line model on the tuning half.

    python tools/cv_boilerplate.py --shared ../shared [--seeds 4] [--folds 5] [--C 0.03] [--threshold 0.575] [--verbose]

The shipped model was fitted on the tuning half, so its score there is a score
on pages it has seen.  Here each tuning page is cleaned by a model fitted on
the other folds of tuning sites (plus dev), never on its own site: the score is
that of sites the model never saw, yet no page of the checking half is read or
fitted.  Use it to design a change (``--verbose`` lists the gold strings that
fail, with how many fold draws they failed in), and the checking half only to
accept or reject it.  Sites are dealt to folds after a shuffle seeded by the
draw's number, so every run gives the same figures.
"""
from __future__ import annotations

import argparse
import random
import re
from collections import Counter
from pathlib import Path

from eval_boilerplate import site
from train_boilerplate import fit, line, load_pages, matrix, scorer_module, with_threshold

from eventwire.clean.cleaner import Cleaner
from eventwire.clean.lexicon import load_lexicon
from eventwire.model import Record

ROOT = Path(__file__).resolve().parent.parent
# The shipped model's settings (its README): regularisation and threshold.
DEFAULT_C = 0.03
DEFAULT_THRESHOLD = 0.575


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def failures(pages: list[dict], docs: list[dict]) -> list[tuple[str, str, str]]:
    """(LOST|LEFT, page id, gold string) for every gold string the cleaned pages fail."""
    by_id = {d["external_id"]: d for d in docs}
    out = []
    for p in pages:
        d = by_id[p["id"]]
        body = norm(d["text"])
        headed = norm(d.get("title") or "") + " " + body
        out += [("LOST", p["id"], k) for k in p["keep"] if norm(k) not in headed]
        out += [("LEFT", p["id"], k) for k in p["drop"] if norm(k) in body]
    return out


def one_draw(tune: list[dict], others: list[dict], seed: int, folds: int, C: float, threshold: float, lex) -> list[dict]:
    """Every tuning page cleaned by a model fitted without its site's fold."""
    sites = sorted({site(p["url"], p["id"]) for p in tune})
    random.Random(seed).shuffle(sites)
    fold_of = {s: i % folds for i, s in enumerate(sites)}
    docs = []
    for k in range(folds):
        held = [p for p in tune if fold_of[site(p["url"], p["id"])] == k]
        train = [p for p in tune if fold_of[site(p["url"], p["id"])] != k] + others
        X, y, _, weights = matrix(train, lex)
        cleaner = Cleaner(line_model=with_threshold(fit(X, y, C, weights), threshold))
        for p in held:
            doc = cleaner.clean(Record(source=p["id"], external_id=p["id"], url=p["url"], text=p["text"]))
            docs.append({"external_id": p["id"], "text": doc.text, "title": doc.title})
    return docs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--seeds", type=int, default=4, help="fold draws (each a different dealing of sites)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--C", type=float, default=DEFAULT_C)
    ap.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    ap.add_argument("--verbose", action="store_true", help="list the failing gold strings")
    args = ap.parse_args()
    shared = Path(args.shared).resolve()
    lex = load_lexicon()
    scorer = scorer_module(shared)
    pages = [p for p in load_pages(shared) if p["half"] == "tune"]
    tune = [p for p in pages if p["set"] == "boilerplate"]
    others = [p for p in pages if p["set"] != "boilerplate"]
    gold = [{"id": p["id"], "keep": p["keep"], "drop": p["drop"]} for p in tune]
    results, failed = [], Counter()
    for seed in range(args.seeds):
        docs = one_draw(tune, others, seed, args.folds, args.C, args.threshold, lex)
        results.append(scorer.score(gold, docs))
        failed.update(failures(tune, docs))
        print(line(f"draw {seed}", results[-1]))
    if args.verbose:
        for (kind, page, text), n in sorted(failed.items(), key=lambda f: (f[0][1], f[0][0])):
            print(f"  {n}/{args.seeds} {kind} {page}: {text[:80]}")
    mean = {k: sum(r[k] for r in results) / len(results) for k in ("keep", "drop", "f1")}
    print(line("tune half, site-grouped CV (mean)", {**mean, "pages": len(tune)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
