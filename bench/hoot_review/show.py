"""Print exported events one per block, with what a reviewer needs to judge them.

Reads an events export and a documents export (jsonl) and prints, per event:
id, type, date, place, actors, fatalities, confidence, and each mention's
sentence with its document's outlet, title and page date.  The output is for
reading on screen; it is not stored (the judgments are).

    python bench/hoot_review/show.py events.jsonl documents.jsonl
"""
from __future__ import annotations

import json
import sys
from pathlib import Path


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    events = [json.loads(x) for x in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines() if x.strip()]
    docs = {d["id"]: d for d in (json.loads(x) for x in Path(sys.argv[2]).read_text(encoding="utf-8").splitlines()
                                 if x.strip())}
    for e in events:
        loc = e.get("location") or {}
        d = e.get("date") or {}
        acts = "; ".join(f"{a['role']}={a['name']}" for a in e.get("actors", []))
        fat = (e.get("fatalities") or {}).get("best")
        print(f"== {e['id']} {e['sub_event_type']} | {d.get('start')}..{d.get('end')} ({d.get('precision')}) | "
              f"{loc.get('name')}, {loc.get('admin1')}, {loc.get('country')} | {acts} | dead {fat} | "
              f"conf {e.get('confidence')}")
        for m in e.get("mentions", []):
            doc = docs.get(m["document"], {})
            pub = (doc.get("published") or {}).get("date")
            print(f"   [{doc.get('outlet')} {pub} | {(doc.get('title') or '')[:60]}] {m['sentence'][:300]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
