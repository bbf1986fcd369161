"""Clean + extract throughput on generated ~600-word conflict articles, one process.

Articles are assembled from sentence templates written here (event sentences
with places, dates, actors and casualty claims, mixed with background and
quote sentences), so the benchmark needs no outside text.  Each run cleans and
extracts every article once; the figure is the median of ``--runs`` runs.
Run it on an idle machine: other processes on the two cores halve it.

    python bench/extract_bench.py --n 200 --runs 3
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
from datetime import date
from pathlib import Path

from eventwire.clean import Cleaner
from eventwire.errors import EmptyDocument
from eventwire.extract.factories import build_extractor
from eventwire.model import Record

PLACES = ["Kharkiv", "Odesa", "Belgorod", "Kursk", "Sumy", "Kherson", "Zaporizhzhia", "Bryansk", "Lgov", "Shebekino"]
WEAPONS = ["drones", "missiles", "artillery shells", "rockets", "glide bombs"]
SIDES = ["Russian forces", "Ukrainian forces", "the army", "militants"]
DAYS = ["on Monday", "on Tuesday", "overnight", "early on Wednesday", "yesterday", "on 12 March"]
EVENT = [
    "{side} struck {place} with {weapon} {day}, killing {n} people, the regional governor said.",
    "At least {n} civilians were injured when {weapon} hit a residential area of {place} {day}, officials said.",
    "Air defences shot down {n} drones over the {place} region {day}, the defence ministry said.",
    "{side} clashed with border guards near {place} {day}, according to the local administration.",
]
FILLER = [
    "The city has been without power for several hours, and repair crews are working through the night.",
    "Residents described hearing a series of loud noises before the sirens sounded across the district.",
    "Schools in the area moved lessons online for the rest of the week as a precaution.",
    "The mayor thanked emergency workers and asked people to stay indoors until further notice.",
    "Analysts say the pattern of recent weeks points to a wider effort to exhaust air defences.",
    "Local media published photographs of damaged cars and broken windows along the main road.",
    "The governor said a full assessment of the damage would take several days to complete.",
    "Officials urged residents to follow the warnings on the regional emergency channel.",
]


def article(rng: random.Random, words: int = 600) -> str:
    paras, count = [], 0
    while count < words:
        sents = []
        for _ in range(rng.randint(2, 4)):
            if rng.random() < 0.35:
                s = rng.choice(EVENT).format(side=rng.choice(SIDES), place=rng.choice(PLACES),
                                             weapon=rng.choice(WEAPONS), day=rng.choice(DAYS), n=rng.randint(1, 9))
                s = s[0].upper() + s[1:]
            else:
                s = rng.choice(FILLER)
            sents.append(s)
            count += len(s.split())
        paras.append(" ".join(sents))
    return "\n\n".join(paras)


def _cleans(cleaner: Cleaner, text: str) -> bool:
    try:
        cleaner.clean(Record(source="check", text=text, published="2024-03-14"))
    except EmptyDocument:
        return False
    return True


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jsonl", help="real articles instead of generated ones: one JSON object per line with "
                                    "'text' or 'body' (e.g. ../shared/corpus/hoot_russia_ukraine_apr2022/articles.jsonl)")
    ap.add_argument("--out", default=None, help="default: results/extract.json, or results/extract_real.json with --jsonl")
    args = ap.parse_args()
    if args.jsonl:
        rows = [json.loads(line) for line in Path(args.jsonl).read_text(encoding="utf-8").splitlines() if line.strip()]
        texts = [t for r in rows if (t := r.get("text") or r.get("body"))]
        args.n = len(texts)
    else:
        rng = random.Random(7)
        texts = [article(rng) for _ in range(args.n)]
    args.out = args.out or str(Path(__file__).parent / "results" / ("extract_real.json" if args.jsonl else "extract.json"))
    words = sum(len(t.split()) for t in texts)
    t0 = time.perf_counter()
    cleaner, extractor = Cleaner(), build_extractor()
    startup = time.perf_counter() - t0
    # a page that is all boilerplate (a placeholder body) has no article to extract: left out, and counted
    kept = [t for t in texts if _cleans(cleaner, t)]
    skipped, texts, args.n = len(texts) - len(kept), kept, len(kept)
    words = sum(len(t.split()) for t in texts)
    extractor.extract(cleaner.clean(Record(source="warm", text=texts[0], published="2024-03-14")))
    rates, mentions = [], 0
    for _ in range(args.runs):
        t = time.perf_counter()
        mentions = 0
        for i, text in enumerate(texts):
            doc = cleaner.clean(Record(source=f"bench{i}", text=text, published=date(2024, 3, 14).isoformat()))
            mentions += len(extractor.extract(doc))
        rates.append(args.n / (time.perf_counter() - t))
    result = {
        "input": args.jsonl or "generated",
        "articles": args.n,
        "skipped_empty_after_cleaning": skipped,
        "words_per_article": round(words / args.n),
        "runs": args.runs,
        "articles_per_second_median": round(statistics.median(rates), 2),
        "words_per_second_median": round(statistics.median(rates) * words / args.n),
        "all_runs": [round(r, 2) for r in rates],
        "mentions_per_run": mentions,
        "startup_seconds": round(startup, 2),
        "load_average_at_end": os.getloadavg(),
        "python": platform.python_version(),
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
