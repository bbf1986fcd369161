"""`make eval-roles`: who did what to whom, scored on WikiEvents attack news.

Gold: ../shared/corpus/wikievents_attack_news/docs.jsonl (35 documents, event
mentions with argument roles).  eventwire's extract stage (the same Extractor
the pipeline builds) reads each document's text as is; no fusion, so every
gold mention is compared with the mentions of its own sentence.

Which gold mentions count: the violent ones eventwire is meant to report
(Conflict.Attack.*, Life.Die.*, Life.Injure.*).  A gold mention is *found* when
an eventwire mention's sentence span contains the gold trigger; when several
eventwire mentions share that sentence, the one whose trigger word overlaps
the gold trigger is taken, else the first.

Roles compared on found mentions:
- attacker: gold Attacker/Killer/Injurer/Perpetrator args vs eventwire's actor1;
- victim/target: gold Target/Victim args vs eventwire's actor2.
Pronoun args ("he", "they") are left out of the gold: no actor name can match
them.  A predicted actor matches a gold arg when their content words overlap
(the actor's words in the text, its catalogue name or the gold text; "the
Taliban" ~ "Taliban", "gunmen" ~ "two gunmen").  Per role: tp = predicted and
matching, fp = predicted and not matching any gold arg, fn = gold args present
and nothing matching predicted.  Prints one score line; fails below
tests/roles_baseline.json.  `--verbose` lists every compared mention.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from pipeline_run import check_floors

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "tests" / "roles_baseline.json"
VIOLENT = ("Conflict.Attack.", "Life.Die.", "Life.Injure.")
ATTACKER_ROLES = {"Attacker", "Killer", "Injurer", "Perpetrator"}
VICTIM_ROLES = {"Target", "Victim"}
PRONOUNS = {"he", "she", "it", "they", "them", "him", "her", "who", "whom", "which", "that", "we", "us", "i",
            "you", "his", "its", "their", "himself", "themselves", "itself", "one", "this", "these", "those"}
STOP = {"the", "a", "an", "of", "and", "s", "'s", "in", "at", "on", "for", "to"}
_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> set[str]:
    """Content words, with a crude plural fold ("gunmen"/"gunman" stay apart; "forces" -> "force")."""
    out = set()
    for w in _WORD.findall(text.lower()):
        if w in STOP:
            continue
        out.add(w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w)
    return out


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: list[set[str]], gold: list[set[str]]) -> str:
        """Count one mention's role; returns 'tp', 'fp', 'fn', 'fp+fn' or '' (nothing either side)."""
        hit = [p for p in predicted if any(p & g for g in gold)]
        marks = []
        if hit:
            self.tp += 1
            marks.append("tp")
        elif predicted:
            self.fp += 1
            marks.append("fp")
        if gold and not hit:
            self.fn += 1
            marks.append("fn")
        return "+".join(marks)

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def gold_args(mention: dict, roles: set[str]) -> list[set[str]]:
    out = []
    for role, _eid, text in mention["args"]:
        if role in roles and text.lower() not in PRONOUNS and words(text):
            out.append(words(text))
    return out


def actor_words(mention, role: str) -> list[set[str]]:
    return [words(a.alias) | words(a.name) for a in mention.actors if a.role == role]


def pick(found: list, gold: dict):
    """The eventwire mention of the gold trigger's sentence (trigger overlap first), or None."""
    t0, t1 = gold["trigger_span"]
    same = [m for m in found if m.evidence.start <= t0 and t1 <= m.evidence.end]
    if not same:
        return None
    trig = words(gold["trigger"])
    return next((m for m in same if words(m.trigger) & trig), same[0])


def documents(path: Path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            yield json.loads(line)


def extract_all(docs: list[dict]):
    from eventwire.extract.factories import build_extractor
    from eventwire.model import Document, PublishedDate

    ex = build_extractor()
    for d in docs:
        doc = Document(id=d["doc_id"], content_hash=d["doc_id"], external_id=d["doc_id"], url=None, outlet=None,
                       title=None, published=PublishedDate(None, "none", 0.0), language="en", text=d["text"])
        yield d, ex.extract(doc)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--verbose", action="store_true", help="one line per compared gold mention")
    args = ap.parse_args()
    path = Path(args.shared).resolve() / "corpus" / "wikievents_attack_news" / "docs.jsonl"
    if not path.exists():
        print(f"no WikiEvents data at {path}", file=sys.stderr)
        return 2
    attacker, victim = Tally(), Tally()
    n_gold = n_found = 0
    for d, mentions in extract_all(list(documents(path))):
        for g in d["event_mentions"]:
            if not g["type"].startswith(VIOLENT):
                continue
            n_gold += 1
            m = pick(mentions, g)
            if m is None:
                continue
            n_found += 1
            a = attacker.add(actor_words(m, "actor1"), gold_args(g, ATTACKER_ROLES))
            v = victim.add(actor_words(m, "actor2"), gold_args(g, VICTIM_ROLES))
            if args.verbose:
                acts = "; ".join(f"{x.role}={x.name}[{x.alias}]" for x in m.actors)
                gold = "; ".join(f"{r}={t}" for r, _e, t in g["args"] if r in ATTACKER_ROLES | VICTIM_ROLES)
                print(f"{d['doc_id']}\t{g['trigger']}\tA:{a or '-'} V:{v or '-'}\tgold: {gold}\tours: {acts}")
    ap_, ar, af = attacker.prf()
    vp, vr, vf = victim.prf()
    figures = {"attacker_f1": af, "victim_f1": vf, "attacker_precision": ap_, "victim_precision": vp}
    print(f"roles: found {n_found}/{n_gold} gold mentions; attacker P {ap_:.3f} R {ar:.3f} F1 {af:.3f} "
          f"(tp {attacker.tp} fp {attacker.fp} fn {attacker.fn}); victim/target P {vp:.3f} R {vr:.3f} F1 {vf:.3f} "
          f"(tp {victim.tp} fp {victim.fp} fn {victim.fn})")
    floors = json.loads(BASELINE.read_text()) if BASELINE.exists() else {}
    return check_floors(figures, floors)


if __name__ == "__main__":
    sys.exit(main())
