"""Summarise a hand review of exported events (one JSON judgment per line).

A judgment, as an ACLED reviewer would give it:

    {"event": "e_…", "real": true, "type": true, "place": false, "date": true,
     "actor1": true, "fatalities": true, "duplicate_of": null, "why": "short reason"}

``real`` says whether the record reports a real, concrete event; the field
verdicts are given for real events only (null otherwise).  A duplicate (another
exported record of the same event) is counted real but never "right in every
field".  With ``--events`` (the events export that was reviewed) the script
also counts events placed outside Europe and in the United States, and checks
that every exported event has a judgment.

    python bench/hoot_review/summarise.py bench/hoot_review/before.jsonl [--events events.jsonl] [--halves]

A judgment may also say which ``half`` its event comes from: ``samples``, ``tune`` (an article
on an even line of the hoot articles.jsonl, the first line being 1) or ``check`` (odd); ``--halves``
prints the figures of each and of the hoot articles alone.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

FIELDS = ("type", "place", "date", "actor1", "fatalities")
# rough bounding box of Europe (with European Russia to the Urals and the Caucasus): an event of the
# Russia-Ukraine war outside it is misplaced
EUROPE = {"lat": (34.0, 72.0), "lon": (-25.0, 60.0)}


def load(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def summary(judgments: list[dict]) -> list[str]:
    n = len(judgments)
    real = [j for j in judgments if j["real"]]
    dups = [j for j in real if j.get("duplicate_of")]
    perfect = [j for j in real if not j.get("duplicate_of") and all(j.get(f) for f in FIELDS)]
    out = [f"events {n}; real {len(real)} ({len(real) / n:.0%}); duplicates {len(dups)}; "
           f"right in every field {len(perfect)} ({len(perfect) / n:.0%})"]
    parts = []
    for f in FIELDS:
        judged = [j for j in real if j.get(f) is not None]
        ok = sum(1 for j in judged if j[f])
        parts.append(f"{f} {ok}/{len(judged)}" + (f" ({ok / len(judged):.0%})" if judged else ""))
    out.append("among real events: " + ", ".join(parts))
    return out


def placement(events: list[dict]) -> str:
    outside = us = 0
    for e in events:
        loc = e.get("location") or {}
        lat, lon = loc.get("lat"), loc.get("lon")
        if lat is None or lon is None:
            continue
        if not (EUROPE["lat"][0] <= lat <= EUROPE["lat"][1] and EUROPE["lon"][0] <= lon <= EUROPE["lon"][1]):
            outside += 1
        us += loc.get("country") == "US"
    return f"placed outside Europe {outside} of {len(events)}; in the US {us}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("judgments", type=Path)
    ap.add_argument("--events", type=Path, help="the reviewed events export (jsonl)")
    ap.add_argument("--halves", action="store_true",
                    help="also per half: the judgments' 'half' (samples, tune: even article lines, check: odd)")
    args = ap.parse_args()
    judgments = load(args.judgments)
    if not judgments:
        print("no judgments", file=sys.stderr)
        return 2
    print("\n".join(summary(judgments)))
    if args.halves:
        groups = {"hoot only": [j for j in judgments if j.get("half") in ("tune", "check")]}
        for half in ("tune", "check", "samples"):
            groups[half] = [j for j in judgments if j.get("half") == half]
        for name, group in groups.items():
            if group:
                print(f"-- {name}: " + "; ".join(summary(group)))
    if args.events:
        events = load(args.events)
        print(placement(events))
        missing = {e["id"] for e in events} - {j["event"] for j in judgments}
        if missing:
            print(f"{len(missing)} exported events have no judgment", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
