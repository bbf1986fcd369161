"""Leave one group of the event lexicon out: how the answers of CASE's two halves move.

    python tools/case_ablation.py --shared ../shared [--only concepts|checks|cues|outcomes]

Each group of ``lexicons/event_types.json`` (a trigger concept's words, each of its argument
checks, each not-event cue list, each protest-outcome list) is emptied in turn, the type
classifier rebuilt and every CASE snippet classified again by the rules alone (the model is
not asked; parses are cached).  Per group that moves any answer: the weighted F1 change on the
tuning half (even ids) and on the checking half (odd ids), and how many answers changed on each.
A group that moves tuning answers and no checking one, or checking ones the wrong way, fits the
tuning half rather than English.  Checking snippets are counted, never printed.
"""
from __future__ import annotations

import argparse
import copy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("concepts", "checks", "cues", "outcomes")
WORDS = ("lemmas", "phrases")  # a concept's own words: emptied together, as the concept


def groups(lex: dict, only: str | None = None):
    """(kind, name, path) of every group of the lexicon; a path is the keys down to the list."""
    for i, t in enumerate(lex["triggers"]):
        if only in (None, "concepts"):
            yield "concepts", f"concept[{t['concept']}]", ("triggers", i, WORDS)
        if only in (None, "checks"):
            for k, v in t.items():
                if isinstance(v, list) and k not in WORDS:
                    yield "checks", f"concept[{t['concept']}].{k}", ("triggers", i, k)
    if only in (None, "cues"):
        for k, v in lex["not_event_cues"].items():
            if not k.startswith("_") and isinstance(v, (list, dict)):
                yield "cues", f"not_event_cues.{k}", ("not_event_cues", k)
    if only in (None, "outcomes"):
        outcomes = lex["protest_outcomes"]
        for sub in outcomes["order"]:
            for k, v in outcomes[sub].items():
                if isinstance(v, list):
                    yield "outcomes", f"outcome[{sub}].{k}", ("protest_outcomes", sub, k)
        for k, v in outcomes.items():
            if isinstance(v, list) and k != "order" and not k.startswith("_"):
                yield "outcomes", f"outcome.{k}", ("protest_outcomes", k)


def emptied(lex: dict, path: tuple) -> dict:
    """A copy of the lexicon with the group at ``path`` emptied (the original is left as it is)."""
    out = copy.deepcopy(lex)
    node = out
    for key in path[:-1]:
        node = node[key]
    for key in path[-1] if isinstance(path[-1], tuple) else (path[-1],):
        node[key] = [] if isinstance(node[key], list) else {}
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--only", choices=KINDS, help="one kind of group")
    args = ap.parse_args()

    import eventwire.extract.types as types_module
    from eval_case import HALVES, read_tsv
    from eventwire.data import load_json
    from eventwire.extract.snippets import SnippetClassifier
    from train_event_types import label_of, weighted_f1

    rows = read_tsv(Path(args.shared) / "eval" / "case2021_dev.tsv")
    halves = {h: [(t, label_of(lab)) for i, t, lab in rows if i.isdigit() and int(i) % 2 == k and label_of(lab)]
              for h, k in HALVES.items()}
    clf = SnippetClassifier(use_model=False)
    nlp, parsed = clf.nlp, {}
    clf.nlp = lambda text: parsed.get(text) or parsed.setdefault(text, nlp(text))

    def answers() -> dict[str, list]:
        return {h: [b.sub_event_type if (b := clf.hit(t)) else None for t, _l in rs] for h, rs in halves.items()}

    def f1(h: str, got: list) -> float:
        return weighted_f1([lab for _t, lab in halves[h]], got)[0]

    base = answers()
    print("rules alone: " + ", ".join(f"{h} weighted F1 {f1(h, base[h]):.3f}" for h in halves))
    lex = load_json("lexicons", "event_types.json")
    for _kind, name, path in groups(lex, args.only):
        types_module.load_json = lambda *a, _l=emptied(lex, path): _l if a == ("lexicons", "event_types.json") else load_json(*a)
        clf.types = types_module.EventTypeClassifier(nlp)
        got = answers()
        moved = {h: sum(a != b for a, b in zip(base[h], got[h])) for h in halves}
        if any(moved.values()):
            print(f"{name[:70]:70s} " + "  ".join(f"{h} {f1(h, got[h]) - f1(h, base[h]):+.3f} ({moved[h]} moved)"
                                                  for h in halves), flush=True)
    types_module.load_json = load_json
    return 0


if __name__ == "__main__":
    sys.exit(main())
