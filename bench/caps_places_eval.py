"""Place finding on all-capitals wire copy, measured against MUC-4 answer keys.

    python bench/caps_places_eval.py [--corpus PATH/messages.jsonl] [--verbose] [--out FILE]

The MUC-4 multi-source messages are 1989-90 Latin American wire reports in
capitals; each carries its official answer-key templates, whose
``INCIDENT: LOCATION`` reads "COUNTRY: PLACE (KIND): ..." ("EL SALVADOR: SAN
SALVADOR (CITY)").  The keys are used only to *measure* the finder here:

* **country hit** — a found place lies in the country of a gold location;
* **place hit** — for gold locations with a second level, a found place is
  that place (its surface or its resolved name equals the gold name, accents
  and case aside);
* **plausible share** — of all places found (demonyms aside), the share in a
  country some gold location of the message names.  Wire stories do name
  other countries (the US, Nicaragua), so this is a lower bound on precision;
  *plausible-or-a-country* also counts country names (nearly always right),
  and the list of the most frequent implausible surfaces (country names
  aside) shows what is wrong.

Prints one summary line (and per message lines with ``--verbose``); writes
the figures as JSON with ``--out``.  Nothing here feeds back into the finder.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DEFAULT = ROOT.parent / "shared" / "corpus" / "muc4_multisource_incidents" / "messages.jsonl"
_KIND = re.compile(r"\s*\([^()]*\)\s*$")


def gold_locations(templates: list[dict]) -> list[list[str]]:
    """Each gold location as its levels, kinds stripped: [["EL SALVADOR", "SAN SALVADOR"], ...]."""
    out = []
    for t in templates:
        for loc in t.get("INCIDENT: LOCATION", []):
            for alt in loc.split(" / "):  # "(COLOMBIA: MEDELLIN (CITY)) / (COLOMBIA)"
                alt = alt.strip()
                if alt.startswith("(") and alt.endswith(")"):
                    alt = alt[1:-1]
                levels = [_KIND.sub("", x).strip() for x in alt.split(":")]
                levels = [x for x in levels if x and x not in ("-", "*")]
                if levels:
                    out.append(levels)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(DEFAULT))
    ap.add_argument("--verbose", action="store_true", help="one line per message")
    ap.add_argument("--out", help="write the figures as JSON here")
    a = ap.parse_args()

    from eventwire.extract.gazetteer import COUNTRY, fold, load
    from eventwire.extract.places import PlaceFinder

    gaz = load()
    finder = PlaceFinder(gaz)

    def country_iso(name: str) -> str | None:
        ids = [i for i in gaz.lookup_folded(name) if gaz.kind[i] == COUNTRY]
        return gaz.cc[ids[0]] if ids else None

    def key(s: str) -> str:
        return fold(s).casefold().replace(".", "").strip()

    msgs = [json.loads(line) for line in open(a.corpus, encoding="utf-8") if line.strip()]
    n_country = n_country_hit = n_place = n_place_hit = 0
    found_total = plausible_total = named_total = 0
    wrong: Counter = Counter()
    per_msg = []
    t0 = time.perf_counter()
    for msg in msgs:
        golds = gold_locations(msg.get("gold_templates") or [])
        places = [p for p in finder.find(msg["text"]) if p.feature != "demonym"]
        isos = {c for g in golds if (c := country_iso(g[0]))}
        seconds = {key(g[1]) for g in golds if len(g) > 1}
        found_cc = {p.country for p in places}
        found_names = {key(p.surface) for p in places} | {key(p.name) for p in places}
        c_hit = bool(isos & found_cc) if isos else None
        p_hit = bool(seconds & found_names) if seconds else None
        plausible = [p for p in places if p.country in isos]
        named = [p for p in places if p.country in isos or p.precision == "country"]
        for p in places:
            if p.country not in isos and p.precision != "country":
                wrong[f"{p.surface} -> {p.name} ({p.country})"] += 1
        if c_hit is not None:
            n_country += 1
            n_country_hit += c_hit
        if p_hit is not None:
            n_place += 1
            n_place_hit += p_hit
        if isos:
            found_total += len(places)
            plausible_total += len(plausible)
            named_total += len(named)
        row = dict(id=msg["id"], gold=[": ".join(g) for g in golds], country_hit=c_hit, place_hit=p_hit,
                   found=[f"{p.surface}={p.name}/{p.country}" for p in places],
                   plausible=len(plausible), n_found=len(places))
        per_msg.append(row)
        if a.verbose:
            flag = {True: "+", False: "-", None: "."}
            print(f"{row['id']:<16} country {flag[c_hit]} place {flag[p_hit]}  "
                  f"{len(plausible)}/{len(places)} plausible  gold {sorted(set(row['gold']))}  found {row['found']}")
    secs = time.perf_counter() - t0
    summary = dict(
        messages=len(msgs),
        country_recall=round(n_country_hit / n_country, 3) if n_country else None,
        place_recall=round(n_place_hit / n_place, 3) if n_place else None,
        plausible_share=round(plausible_total / found_total, 3) if found_total else None,
        plausible_or_country_share=round(named_total / found_total, 3) if found_total else None,
        found=found_total, places_per_message=round(found_total / max(1, len(msgs)), 2),
        seconds=round(secs, 2),
        top_implausible=wrong.most_common(25),
    )
    print(f"caps places: messages {len(msgs)}  gold-country recall {summary['country_recall']} "
          f"({n_country_hit}/{n_country})  gold-place recall {summary['place_recall']} ({n_place_hit}/{n_place})  "
          f"plausible {summary['plausible_share']} ({plausible_total}/{found_total})  "
          f"plausible-or-a-country {summary['plausible_or_country_share']}  {secs:.1f}s")
    print("most frequent implausible (countries aside):", ", ".join(f"{k} x{v}" for k, v in wrong.most_common(25)))
    if a.out:
        Path(a.out).write_text(json.dumps(dict(summary=summary, messages=per_msg), indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
