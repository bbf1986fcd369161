"""Train the boilerplate line model (src/eventwire/data/models/boilerplate_lines.json).

    python tools/train_boilerplate.py --shared ../shared [--train tune|all] [--write]

Labels come from gold strings, never from hand-labelled lines:
  * ../shared/eval/boilerplate: a unit holding (or held in) a 'keep' string is
    content (0), one holding a 'drop' string is boilerplate (1);
  * ../shared/eval/dev and dev2: a unit holding a gold 'content' string is 0,
    one holding a 'boilerplate' string is 1.
Features are ``clean.linefeatures`` over each page's units, with the line
rules' verdicts as input (the model judges what the rules kept).

Against overfitting, the boilerplate pages are split by site into a tuning
and a checking half (``eval_boilerplate.site_half``).  With ``--train tune``
(the default) the model and its threshold are fitted on the tuning half plus
dev; the checking half and dev2 are never seen, and the script prints the
shared scorer's figures for both halves, cleaning each page with the real
``Cleaner``.  ``--train all`` fits on every labelled unit with the settings
the split chose (threshold included; pass it with ``--threshold``).
``--write`` stores the model (plain JSON: no pickle).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

from eval_boilerplate import site_half
from pipeline_run import read_jsonl

from eventwire.clean.blocks import split_units
from eventwire.clean.boilerplate import judge_all
from eventwire.clean.cleaner import Cleaner
from eventwire.clean.lexicon import load_lexicon
from eventwire.clean.linefeatures import FEATURE_NAMES, page_features
from eventwire.clean.linemodel import LineModel
from eventwire.model import Record

ROOT = Path(__file__).resolve().parent.parent
MODEL_PATH = ROOT / "src" / "eventwire" / "data" / "models" / "boilerplate_lines.json"
# A unit shorter than this is not labelled by being inside a gold string:
# "Share" sits inside many sentences.
MIN_INSIDE_CHARS = 25
# Regularisation strength of the logistic regression (sklearn's C); the grid
# the tuning half chooses from by site-grouped cross-validation.
C_GRID = (0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
THRESHOLDS = tuple(round(0.5 + 0.025 * i, 3) for i in range(19))
# Precision first: a threshold may cost at most this much keep-recall against
# the rules alone on the tuning half.
MAX_KEEP_LOSS = 0.01
# Positional labels (--weak): units this far before the article's first keep
# string, of at most this many words, count as furniture; they weigh WEAK_WEIGHT.
WEAK_LEAD = 10
WEAK_SHORT_WORDS = 5
WEAK_WEIGHT = 0.3


def norm(text: str) -> str:
    return " ".join(text.split())


def unit_label(unit: str, keep: list[str], drop: list[str]) -> int | None:
    u = norm(unit)

    def hit(gold: list[str]) -> bool:
        return any(g in u or (len(u) >= MIN_INSIDE_CHARS and u in g) for g in gold)

    k, d = hit(keep), hit(drop)
    if k == d:
        return None
    return 0 if k else 1


def weak_labels(labels: list[int | None], texts: list[str], rule_drops: list[bool]) -> list[int | None]:
    """Labels by position for the units no gold string touches (``--weak``).

    Between the first and last unit holding a keep string lies the article:
    a unit there the rules kept is content.  Short units (a few words) after
    the last keep unit, or more than ``WEAK_LEAD`` units before the first, are
    page furniture.
    """
    keeps = [i for i, label in enumerate(labels) if label == 0]
    if not keeps:
        return [None] * len(labels)
    first, last = keeps[0], keeps[-1]
    out: list[int | None] = [None] * len(labels)
    for i, (label, text, dropped) in enumerate(zip(labels, texts, rule_drops)):
        if label is not None or dropped:
            continue
        if first < i < last:
            out[i] = 0
        elif (i > last or i < first - WEAK_LEAD) and len(text.split()) <= WEAK_SHORT_WORDS:
            out[i] = 1
    return out


def page_rows(text: str, keep: list[str], drop: list[str], lex, weak: bool = False):
    """Features, gold labels and (with ``weak``) positional labels of one page's units."""
    units = split_units(text)
    verdicts = judge_all(units, lex)
    texts = [u.text for u in units]
    drops = [not v.keep for v in verdicts]
    feats = page_features(texts, drops, lex)
    labels = [unit_label(t, keep, drop) for t in texts]
    return feats, labels, (weak_labels(labels, texts, drops) if weak else [None] * len(labels))


def load_pages(shared: Path) -> list[dict]:
    """Every labelled page: id, group (site), half, text, keep, drop."""
    pages = []
    folder = shared / "eval" / "boilerplate"
    gold = {g["id"]: g for g in read_jsonl(folder / "gold.jsonl")}
    for rec in read_jsonl(folder / "input.jsonl"):
        g = gold.get(rec["id"], {})
        pages.append({"id": rec["id"], "set": "boilerplate", "half": site_half(rec.get("url"), rec["id"]),
                      "url": rec.get("url"), "text": rec["text"],
                      "keep": [norm(k) for k in g.get("keep", [])], "drop": [norm(k) for k in g.get("drop", [])]})
    for name, half in (("dev", "tune"), ("dev2", "check")):
        dev = shared / "eval" / name
        gold_docs = json.loads((dev / "gold.json").read_text(encoding="utf-8"))["docs"]
        for rec in read_jsonl(dev / "input.jsonl"):
            g = gold_docs.get(rec["id"], {})
            text = (dev / rec["file"]).read_text(encoding="utf-8")
            pages.append({"id": f"{name}-{rec['id']}", "set": name, "half": half, "url": rec.get("url"), "text": text,
                          "keep": [norm(k) for k in g.get("content", [])],
                          "drop": [norm(k) for k in g.get("boilerplate", [])]})
    return pages


def matrix(pages: list[dict], lex, weak: bool = False):
    """Rows, labels, page ids (the CV groups) and weights (1 for gold labels, WEAK_WEIGHT for positional ones)."""
    X, y, groups, weights = [], [], [], []
    for p in pages:
        feats, labels, weak_ones = page_rows(p["text"], p["keep"], p["drop"], lex, weak)
        for f, label, guess in zip(feats, labels, weak_ones):
            if label is not None or guess is not None:
                X.append(f)
                y.append(label if label is not None else guess)
                groups.append(p["id"])
                weights.append(1.0 if label is not None else WEAK_WEIGHT)
    return X, y, groups, weights


def fit(X, y, C: float, weights=None) -> LineModel:
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(X)
    clf = LogisticRegression(C=C, class_weight="balanced", max_iter=5000).fit(scaler.transform(X), y, sample_weight=weights)
    return LineModel(features=FEATURE_NAMES, mean=tuple(scaler.mean_), scale=tuple(scaler.scale_),
                     coef=tuple(clf.coef_[0]), intercept=float(clf.intercept_[0]), threshold=0.5)


def choose_C(X, y, groups) -> float:
    """Site-grouped cross-validation on the training rows: log-loss decides."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold, cross_val_score
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    best, best_score = C_GRID[0], -1e9
    for C in C_GRID:
        pipe = make_pipeline(StandardScaler(), LogisticRegression(C=C, class_weight="balanced", max_iter=5000))
        s = cross_val_score(pipe, X, y, groups=groups, cv=GroupKFold(n_splits=5), scoring="neg_log_loss").mean()
        print(f"  C={C}: cross-validated log-loss {-s:.4f}", file=sys.stderr)
        if s > best_score:
            best, best_score = C, s
    return best


def scorer_module(shared: Path):
    spec = importlib.util.spec_from_file_location("boilerplate_score", shared / "eval" / "boilerplate_score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def page_score(pages: list[dict], model: LineModel | None, scorer) -> dict:
    """The shared scorer's figures for these pages, each cleaned by the real Cleaner."""
    cleaner = Cleaner(line_model=model or False)
    docs, gold = [], []
    for p in pages:
        doc = cleaner.clean(Record(source=p["id"], external_id=p["id"], url=p["url"], text=p["text"]))
        docs.append({"external_id": p["id"], "text": doc.text, "title": doc.title})
        gold.append({"id": p["id"], "keep": p["keep"], "drop": p["drop"]})
    return scorer.score(gold, docs)


def with_threshold(model: LineModel, t: float) -> LineModel:
    return LineModel(model.features, model.mean, model.scale, model.coef, model.intercept, t)


def choose_threshold(model: LineModel, pages: list[dict], scorer) -> float:
    base = page_score(pages, None, scorer)["keep"]
    best, best_f1 = THRESHOLDS[-1], -1.0
    for t in THRESHOLDS:
        r = page_score(pages, with_threshold(model, t), scorer)
        ok = r["keep"] >= base - MAX_KEEP_LOSS
        print(f"  threshold {t}: keep {r['keep']:.3f} drop {r['drop']:.3f} f1 {r['f1']:.3f}{'' if ok else ' (keep loss)'}",
              file=sys.stderr)
        if ok and r["f1"] > best_f1:
            best, best_f1 = t, r["f1"]
    return best


def line(name: str, r: dict) -> str:
    return f"{name}: keep {r['keep']:.3f} drop {r['drop']:.3f} f1 {r['f1']:.3f} pages {r['pages']}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--train", choices=("tune", "check", "all"), default="tune",
                    help="check: the mirror run (fit and choose on the checking half, score the tuning half)")
    ap.add_argument("--threshold", type=float, help="with --train all: the threshold the split chose")
    ap.add_argument("--weak", action="store_true", help="add positional labels (see weak_labels)")
    ap.add_argument("--C", type=float, help="regularisation; default: chosen by grouped CV")
    ap.add_argument("--write", action="store_true", help=f"write {MODEL_PATH.relative_to(ROOT)}")
    args = ap.parse_args()
    shared = Path(args.shared).resolve()
    lex = load_lexicon()
    scorer = scorer_module(shared)
    pages = load_pages(shared)
    train = [p for p in pages if args.train == "all" or p["half"] == args.train]
    X, y, groups, weights = matrix(train, lex, args.weak)
    print(f"training rows: {len(y)} ({sum(y)} boilerplate) from {len(train)} pages", file=sys.stderr)
    C = args.C or choose_C(X, y, groups)
    model = fit(X, y, C, weights)
    bp_tune = [p for p in pages if p["set"] == "boilerplate" and p["half"] == "tune"]
    bp_check = [p for p in pages if p["set"] == "boilerplate" and p["half"] == "check"]
    if args.train != "all":
        chosen_on = bp_tune if args.train == "tune" else bp_check
        threshold = args.threshold or choose_threshold(model, chosen_on, scorer)
    elif args.threshold is None:
        ap.error("--train all needs --threshold (the one the tuning run chose)")
    else:
        threshold = args.threshold
    model = with_threshold(model, threshold)
    print(f"C {C} threshold {threshold}")
    for name, subset in (("tune half", bp_tune), ("check half", bp_check), ("all 78", bp_tune + bp_check)):
        print(line(f"rules only, {name}", page_score(subset, None, scorer)))
        print(line(f"with model, {name}", page_score(subset, model, scorer)))
    if args.write:
        MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
        weights = dict(zip(model.features, (round(c, 4) for c in model.coef)))
        MODEL_PATH.write_text(json.dumps({
            "what": "boilerplate line model: standardised logistic regression, see clean/linemodel.py",
            "trained_on": args.train, "weak_labels": args.weak, "C": C, "rows": len(y), "boilerplate_rows": sum(y),
            "features": list(model.features), "mean": list(model.mean), "scale": list(model.scale),
            "coef": list(model.coef), "intercept": model.intercept, "threshold": model.threshold,
            "weights_by_feature": weights,
        }, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
