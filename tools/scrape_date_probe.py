"""How often the dating stage catches a scrape date: real articles re-stamped later than they were published.

Each article of a news-please-style JSONL file (default: the hoot corpus) is
given a page date SHIFT days after its true one, then dated twice by
``eventwire.dating``: alone (only the dates its own text names can show the
page date is wrong) and in a story with an exact copy that carries the true
date.  Also counts the articles whose true page date would be overruled
(false alarms).  Prints one line per shift.

    python tools/scrape_date_probe.py --shared ../shared [--shift 30 --shift 365]
"""
from __future__ import annotations

import argparse
import json
from datetime import date, timedelta
from pathlib import Path

from eventwire.dating import DatingInput, decide_dates
from eventwire.dating.named import mentions_relative
from eventwire.model import PublishedDate

ROOT = Path(__file__).resolve().parent.parent


def page(day: date) -> PublishedDate:
    return PublishedDate(day, "metadata", 0.9, None, day.isoformat())


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--input", help="JSONL with published_date and body (default: the hoot corpus)")
    ap.add_argument("--shift", type=int, action="append", help="days added to the true page date")
    args = ap.parse_args()
    path = Path(args.input or Path(args.shared) / "corpus" / "hoot_russia_ukraine_apr2022" / "articles.jsonl")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [(date.fromisoformat(r["published_date"][:10]), r["body"]) for r in rows if r.get("published_date") and r.get("body")]
    true_kept = sum(decide_dates([DatingInput("d", "s", page(d), t)])["d"].date == d for d, t in rows)
    plain = sum(not mentions_relative(t) for _, t in rows)
    print(f"{len(rows)} articles: true page date kept {true_kept}; texts without relative day words {plain}")
    for shift in args.shift or [30, 365]:
        alone = story = 0
        for d, t in rows:
            late = d + timedelta(days=shift)
            alone += decide_dates([DatingInput("c", "s", page(late), t)])["c"].date != late
            story += decide_dates([DatingInput("c", "s", page(late), t), DatingInput("o", "s", page(d), t)])["c"].date == d
        print(f"scrape date +{shift} days: caught alone {alone}/{len(rows)}, with the dated original in its story {story}/{len(rows)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
