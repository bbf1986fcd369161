"""`make eval-wiki`: how many exported events a real attack article supports (WikiEvents).

The dev sets judge whole events but are small and were read while tuning.
WikiEvents (../shared/corpus/wikievents_attack_news, 35 news and reference
articles on bombings, drone strikes and raids that no rule was written from)
annotates every event mention of every sentence, so it can say of each
exported event whether its article tells a violent deed where the event says:
an event is *supported* when one of its mentions' sentences holds a gold
violent mention (Conflict.Attack, Life.Die, Life.Injure; for an Arrests event
also Justice.ArrestJailDetain).  Unsupported events are the precision loss
the issue is about: campaigns, history, hypotheticals, doubts and talk read
as deeds.  It is a proxy and measures precision only: a supported event may
still be misdated or mis-typed, and WikiEvents has no event coreference, so a
second record of an article's main attack ("after the explosion, the minister
...") counts as supported, though for an analyst it is a duplicate.

The articles carry no page date; every record gets one fixed date
(``PAGE_DATE``) so that relative dates resolve and events are exported at all.
Documents are split by their order in docs.jsonl into a tuning half (even) and
a checking half (odd), as for CASE: a rule that helps only the tuning half is
fitted to it.  Prints one line per half; fails below tests/wiki_events_baseline.json.
``--show`` lists the unsupported events of the tuning half.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

from pipeline_run import check_floors, ingest_and_export, read_jsonl

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "tests" / "wiki_events_baseline.json"
CORPUS = Path("corpus") / "wikievents_attack_news" / "docs.jsonl"
PAGE_DATE = "2020-01-15"  # any fixed day: the scorer reads sentences, not dates
VIOLENT = ("Conflict.Attack.", "Life.Die.", "Life.Injure.")
ARREST = "Justice.ArrestJailDetain."
HALVES = ("tune", "check")


def pipeline_input(gold: list[dict]) -> str:
    return "".join(json.dumps({"id": d["doc_id"], "text": d["text"], "published": PAGE_DATE}) + "\n" for d in gold)


def supports(gold_mention: dict, sub_type: str) -> bool:
    kind = gold_mention["type"]
    return kind.startswith(VIOLENT) or (sub_type == "Arrests" and kind.startswith(ARREST))


def _spans(text: str, sentence: str) -> list[tuple[int, int]]:
    """Where an exported sentence sits in the raw article: the cleaner may have tidied its spacing."""
    words = sentence.split()
    if not words:
        return []
    pattern = r"\s+".join(re.escape(w) for w in words)
    return [(x.start(), x.end()) for x in re.finditer(pattern, text)]


def supported(event: dict, article: dict) -> bool:
    """True when one of the event's sentences, found in the raw article, holds a gold mention that supports it."""
    for m in event["mentions"]:
        for start, end in _spans(article["text"], m["sentence"]):
            if any(start <= g["trigger_span"][0] < end and supports(g, event["sub_event_type"])
                   for g in article["event_mentions"]):
                return True
    return False


def score(gold: list[dict], events: list[dict], documents: list[dict], show: bool = False) -> dict[str, float]:
    half = {d["doc_id"]: HALVES[i % 2] for i, d in enumerate(gold)}
    article = {d["doc_id"]: d for d in gold}
    external = {d["id"]: d["external_id"] for d in documents}
    tally = {h: [0, 0] for h in HALVES}  # supported, all
    for ev in events:
        key = external[ev["mentions"][0]["document"]]
        ok = supported(ev, article[key])
        tally[half[key]][0] += ok
        tally[half[key]][1] += 1
        if show and not ok and half[key] == "tune":
            print(f"unsupported: {key} {ev['sub_event_type']} | {ev['mentions'][0]['sentence'][:200]}")
    figures = {}
    for h in HALVES:
        ok, n = tally[h]
        figures[f"{h}_precision"] = ok / n if n else 0.0
        print(f"wiki events {h}: events {n} supported {ok} precision {figures[f'{h}_precision']:.3f}")
    return figures


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--show", action="store_true", help="list the tuning half's unsupported events")
    args = ap.parse_args()
    path = Path(args.shared).resolve() / CORPUS
    if not path.exists():
        print(f"no WikiEvents data at {path}", file=sys.stderr)
        return 2
    gold = read_jsonl(path)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "input.jsonl"
        src.write_text(pipeline_input(gold), encoding="utf-8")
        if not ingest_and_export(f"sqlite:///{tmp}/wiki.db", src, Path(tmp)):
            return 1
        figures = score(gold, read_jsonl(Path(tmp) / "events.jsonl"), read_jsonl(Path(tmp) / "documents.jsonl"),
                        args.show)
    floors = json.loads(BASELINE.read_text()) if BASELINE.exists() else {}
    return check_floors(figures, floors)


if __name__ == "__main__":
    sys.exit(main())
