"""Train the snippet event-type model (src/eventwire/data/models/event_types.json).

    python tools/train_event_types.py --shared ../shared [--C 0.3] [--write]

Data: the CASE 2021 snippets of ``eval/case2021_dev.tsv`` with even ids (the
tuning half of ``tools/eval_case.py``); the odd ids are never read for
fitting or for choosing a setting, only scored at the end.  CASE labels become
ACLED sub-types; the five that are not conflict events (crime, disasters,
diplomacy, attribution) become one "no event" class; OTHER is left out.

Features are ``type_model.snippet_features``: content lemmas and the rules'
verdicts (``SnippetClassifier``).  The regularisation C and the three
thresholds are chosen on out-of-fold probabilities of the tuning half
(5 folds, fixed seed): the grid point with the best weighted F1, provided the
non-event rejection is not below the rules' own on that half; ties go to the
highest thresholds (the model speaks least).  The printed figures use the same
rules as the shared scorer (``eval/case_score.py``): weighted F1 over
sub-types and "no event", and rejection.  Deterministic: same data, same file.
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold

from eval_case import HALVES, read_tsv

from eventwire.extract.snippets import SnippetClassifier
from eventwire.extract.type_model import NO_EVENT, Thresholds, TypeModel
from eventwire.serve.api import create_app  # noqa: F401  (loads the web package in its own order)
from eventwire.serve.web.home import EVENT_TYPES  # ACLED's sub-types per event type

ROOT = Path(__file__).resolve().parent.parent
MODEL_PATH = ROOT / "src" / "eventwire" / "data" / "models" / "event_types.json"
CASE_LABELS = {
    "ABDUCT_DISSAP": "Abduction/forced disappearance", "AGREEMENT": "Agreement", "AIR_STRIKE": "Air/drone strike",
    "ARMED_CLASH": "Armed clash", "ARREST": "Arrests", "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "ATTACK": "Attack", "CHANGE_TO_GROUP_ACT": "Change to group/activity", "CHEM_WEAP": "Chemical weapon",
    "DISR_WEAP": "Disrupted weapons use", "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "GOV_REGAINS_TERIT": "Government regains territory", "GRENADE": "Grenade",
    "HQ_ESTABLISHED": "Headquarters or base established", "MOB_VIOL": "Mob violence",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory", "OTHER": "Other",
    "PEACE_PROTEST": "Peaceful protest", "PROPERTY_DISTRUCT": "Looting/property destruction",
    "PROTEST_WITH_INTER": "Protest with intervention", "REM_EXPLOS": "Remote explosive/landmine/IED",
    "SEX_VIOL": "Sexual violence", "SUIC_BOMB": "Suicide bomb", "VIOL_DEMONSTR": "Violent demonstration",
}
C_GRID = (0.1, 0.3, 1.0, 3.0, 10.0)
GRID = tuple(round(0.3 + 0.05 * i, 2) for i in range(14)) + (1.01,)  # 1.01: never
NEVER = Thresholds(1.01, 1.01, 1.01)  # the rules alone
# The model gets a say only when its out-of-fold weighted F1 on the tuning half beats the rules' by at least
# this much (about two of its 160 snippets): a gain of one snippet is noise, and the rules were themselves
# tuned on this half, so their figure there is already optimistic.
MIN_GAIN = 0.012
FOLDS = 5
SEED = 13
# a lemma feature seen in fewer training snippets than this is dropped (one snippet's words do not generalise)
MIN_SNIPPETS = 2


def label_of(case_label: str) -> str | None:
    sub = CASE_LABELS.get(case_label)
    return None if sub == "Other" else (sub or NO_EVENT)


def featurise(rows: list[tuple[str, str, str]]) -> list[tuple[str | None, frozenset[str]]]:
    """(rules' sub-type, features) per snippet, from the real snippet classifier."""
    clf = SnippetClassifier(use_model=False)
    out = []
    for n, (_i, text, _l) in enumerate(rows):
        rule, hits = clf.rule_view(text)
        out.append((rule, hits))
        if n % 50 == 0:
            print(f"  parsed {n}/{len(rows)}", file=sys.stderr)
    return out


def weighted_f1(gold: list[str], pred: list[str | None]) -> tuple[float, float]:
    """Weighted F1 and non-event rejection, scored as the shared CASE scorer does."""
    tp, fp, fn = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred):
        p = NO_EVENT if p in (None, "Other") and g == NO_EVENT else (p or NO_EVENT)
        if p == g:
            tp[g] += 1
        else:
            fn[g] += 1
            fp[p] += 1

    def f1(c: str) -> float:
        prec = tp[c] / (tp[c] + fp[c]) if tp[c] + fp[c] else 0.0
        rec = tp[c] / (tp[c] + fn[c]) if tp[c] + fn[c] else 0.0
        return 2 * prec * rec / (prec + rec) if prec + rec else 0.0

    support = Counter(gold)
    none = support[NO_EVENT]
    return sum(f1(c) * n for c, n in support.items()) / len(gold), tp[NO_EVENT] / none if none else 1.0


def vocabulary(feats: list[frozenset[str]]) -> list[str]:
    df = Counter(f for fs in feats for f in fs)
    return sorted(f for f, n in df.items() if not f.startswith("w:") or n >= MIN_SNIPPETS)


def fit(feats: list[frozenset[str]], labels: list[str], C: float) -> TypeModel:
    vocab = vocabulary(feats)
    index = {f: j for j, f in enumerate(vocab)}
    X = np.zeros((len(feats), len(vocab)))
    for r, fs in enumerate(feats):
        for f in fs:
            if f in index:
                X[r, index[f]] = 1.0
    lr = LogisticRegression(C=C, max_iter=5000, random_state=SEED).fit(X, labels)
    classes = tuple(str(c) for c in lr.classes_)
    weights = {f: tuple(round(float(w), 5) for w in lr.coef_[:, j]) for f, j in index.items()}
    event_types = {sub: etype for etype, subs in EVENT_TYPES.items() for sub in subs}
    return TypeModel(classes, tuple(round(float(b), 5) for b in lr.intercept_), weights, NEVER, event_types)


def with_thresholds(model: TypeModel, t: Thresholds) -> TypeModel:
    return TypeModel(model.classes, model.intercept, model.weights, t, model.event_types)


def decisions(rules: list[str | None], probs: list[dict[str, float]], t: Thresholds) -> list[str | None]:
    """What ``TypeModel.decide`` answers for each snippet, from probabilities already computed."""
    out = []
    for rule, p in zip(rules, probs):
        best = max(p, key=lambda c: (p[c], c))
        if rule is None:
            out.append(best if best != NO_EVENT and p[best] >= t.accept else None)
        elif p[NO_EVENT] >= t.reject:
            out.append(None)
        elif best not in (NO_EVENT, rule) and p[best] >= t.override:
            out.append(best)
        else:
            out.append(rule)
    return out


# labelled sentences besides CASE, added to every fit (never scored): see --extra
EXTRA: list[tuple[frozenset[str], str]] = []


def out_of_fold(feats: list[frozenset[str]], labels: list[str], C: float) -> list[dict[str, float]]:
    probs: list[dict[str, float]] = [{} for _ in feats]
    for train, test in KFold(FOLDS, shuffle=True, random_state=SEED).split(feats):
        m = fit([feats[i] for i in train] + [f for f, _l in EXTRA], [labels[i] for i in train] + [lab for _f, lab in EXTRA], C)
        for i in test:
            probs[i] = m.probabilities(feats[i])
    # a class absent from a fold's training rows has probability 0 there
    return [{c: p.get(c, 0.0) for c in set(labels) | set(p)} for p in probs]


def choose(rules: list[str | None], feats: list[frozenset[str]], labels: list[str],
           C_grid: tuple[float, ...]) -> tuple[float, Thresholds, Thresholds]:
    """(C, best grid thresholds, thresholds shipped): the best grid point whose rejection is not below the
    rules', shipped only when it beats the rules alone by ``MIN_GAIN`` out of fold."""
    _f1_rules, floor = weighted_f1(labels, rules)
    best: tuple[tuple[float, float], float, Thresholds] | None = None
    for C in C_grid:
        probs = out_of_fold(feats, labels, C)
        for r, o, a in itertools.product(GRID, GRID, GRID):
            t = Thresholds(r, o, a)
            f1, rej = weighted_f1(labels, decisions(rules, probs, t))
            key = (round(f1, 6), r + o + a)
            if rej >= floor and (best is None or key > best[0]):
                best = (key, C, t)
        print(f"  C {C}: best so far out-of-fold F1 {best[0][0]:.3f} at C {best[1]} {best[2]}", file=sys.stderr)
    assert best is not None  # thresholds of 1.01 reproduce the rules, which meet the floor
    f1_rules = weighted_f1(labels, rules)[0]
    gain = best[0][0] - f1_rules
    print(f"best grid point: C {best[1]}, {best[2]}, out-of-fold weighted F1 {best[0][0]:.3f} "
          f"({gain:+.3f} against the rules alone)")
    if gain < MIN_GAIN:
        print(f"gain below {MIN_GAIN}: the shipped thresholds leave the rules to decide alone")
        return best[1], best[2], NEVER
    return best[1], best[2], best[2]


def report(name: str, labels: list[str], rules: list[str | None], model_says: list[str | None]) -> None:
    f_r, j_r = weighted_f1(labels, rules)
    f_m, j_m = weighted_f1(labels, model_says)
    changed = sum(a != b for a, b in zip(rules, model_says))
    print(f"{name}: rules alone F1 {f_r:.3f} rejection {j_r:.3f} | with model F1 {f_m:.3f} "
          f"rejection {j_m:.3f} ({changed} of {len(labels)} snippets changed)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--C", type=float, help="skip the search of C (thresholds are still chosen)")
    ap.add_argument("--write", action="store_true", help=f"store the model in {MODEL_PATH.relative_to(ROOT)}")
    ap.add_argument("--extra", type=Path, help="more labelled sentences (TSV: sub_event_type or None, status, text), "
                                               "added to every fit and never scored, e.g. tests/extract/data/acled_sentences.tsv")
    args = ap.parse_args()
    if args.extra:
        lines = [ln.split("\t") for ln in args.extra.read_text(encoding="utf-8").splitlines()[1:] if ln.strip()]
        extra_rows = [("", text, "") for _sub, _status, text in lines]
        EXTRA[:] = [(f, sub if sub != "None" else NO_EVENT)
                    for (_r, f), (sub, _s, _t) in zip(featurise(extra_rows), lines)]
    rows = read_tsv(Path(args.shared) / "eval" / "case2021_dev.tsv")
    halves = {h: [r for r in rows if r[0].isdigit() and int(r[0]) % 2 == k and label_of(r[2])]
              for h, k in HALVES.items()}
    seen = {h: featurise(rs) for h, rs in halves.items()}
    labels = {h: [label_of(r[2]) or "" for r in rs] for h, rs in halves.items()}
    rules = {h: [s[0] for s in seen[h]] for h in halves}
    feats = {h: [s[1] for s in seen[h]] for h in halves}
    C, t_best, t = choose(rules["tune"], feats["tune"], labels["tune"], (args.C,) if args.C else C_GRID)
    fitted = fit(feats["tune"] + [f for f, _l in EXTRA], labels["tune"] + [lab for _f, lab in EXTRA], C)
    model = with_thresholds(fitted, t)
    for name, m in (("best grid point", with_thresholds(fitted, t_best)), ("shipped", model)):
        for h in ("tune", "check"):
            says = [m.decide(r, f)[0] for r, f in zip(rules[h], feats[h])]
            seen_in_fitting = " (seen in fitting)" if h == "tune" else ""
            report(f"{name}, {h} half{seen_in_fitting}", labels[h], rules[h], says)
    if args.write:
        MODEL_PATH.write_text(json.dumps(model.to_json(C, len(halves["tune"])), indent=1, sort_keys=True) + "\n",
                              encoding="utf-8")
        print(f"wrote {MODEL_PATH.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
