"""Fusion time for many mentions, one process.

Fusion re-clusters every stored mention after each ingest, comparing each
mention with the events built so far, so its cost grows faster than the
number of mentions.  This benchmark generates mentions the way extraction
would hand them over (four per article: a dated report, a report dated by
its article, a placeless reference back and a casualty sentence), over a
year and a few dozen towns, and times ``fuse`` on them.  No model is loaded.

    python bench/fuse_bench.py --n 8000 --runs 3
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from eventwire.fuse.events import fuse
from eventwire.model import DateSpan, Evidence, Mention, Place

TYPES = [
    ("Explosions/Remote violence", "Air/drone strike", "drones struck"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "shelled"),
    ("Battles", "Armed clash", "clashed"),
    ("Violence against civilians", "Attack", "murdered"),
]
VICTIMS = ["six journalists", "a judge", "two farmers", "the mayor", "three aid workers", "a priest", "nine miners"]
TARGETS = ["the power station", "a school", "the bridge", "an oil depot", "the market", "a checkpoint", "the port"]


def towns(k: int, rng: random.Random) -> list[Place]:
    return [Place(f"Town{i}", "UA", f"Region{i % 8}", 46 + rng.random() * 6, 30 + rng.random() * 8, "town", 10_000 + i,
                  surface=f"Town{i}") for i in range(k)]


def mentions(n: int, seed: int = 7) -> list[Mention]:
    rng = random.Random(seed)
    places = towns(40, rng)
    start = date(2024, 1, 1)
    out: list[Mention] = []
    doc = 0
    while len(out) < n:
        doc += 1
        d = f"d_{doc}"
        etype, sub, verb = rng.choice(TYPES)
        place = rng.choice(places)
        day = start + timedelta(days=rng.randrange(365))
        what = rng.choice(VICTIMS if sub == "Attack" else TARGETS)
        told = day + timedelta(days=rng.randrange(3))
        lines = [
            (f"Attackers {verb} {what} in {place.name} on {day:%d %B}.", DateSpan(day, day, "day", f"on {day:%d %B}"), place),
            (f"Officials said the {verb} {what} caused heavy damage.", DateSpan(told, told, "day", ""), place),
            (f"Rights groups condemned the attack on {what} and asked for an inquiry.", DateSpan(told, told, "day", ""), None),
            (f"At least {rng.randrange(1, 20)} people were hurt, the governor said.", DateSpan(told, told, "day", ""), place),
        ]
        for i, (text, when, where) in enumerate(lines):
            ev = Evidence(d, text, i * 100, i * 100 + len(text))
            out.append(Mention(d, ev, etype, sub, verb.split()[-1], when, where))
    return out[:n]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=8000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--out", default=str(Path(__file__).parent / "results" / "fuse.json"))
    args = ap.parse_args()
    ms = mentions(args.n)
    ranked = list(enumerate(ms))
    times, events = [], 0
    for _ in range(args.runs):
        t = time.perf_counter()
        events = len(fuse(ranked, {}))
        times.append(round(time.perf_counter() - t, 2))
    result = {
        "mentions": len(ms),
        "documents": len({m.document for m in ms}),
        "events": events,
        "runs": args.runs,
        "seconds_median": statistics.median(times),
        "all_runs": times,
        "load_average_at_end": list(os.getloadavg()),
        "python": platform.python_version(),
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    json.dump(result, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
