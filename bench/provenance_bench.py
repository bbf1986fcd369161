"""Provenance benchmark: LSH insert/query time, assign() throughput and planted-copy recall.

Generates N word-salad articles from a synthetic Zipf vocabulary (with
capitalised names and numbers, so every feature kind is exercised), then
plants copies of some of them: near-duplicates (chrome lines added, one word
changed) and rewrites (a quarter of the words replaced, one sentence dropped,
two sentences swapped).  Recall is the share of planted copies that end up in
their source's story; false links count unplanted documents put in a story
with anything else.

    python bench/provenance_bench.py --n 100000
    python bench/provenance_bench.py --n 10000 --out bench/results/provenance.json
"""
from __future__ import annotations

import argparse
import json
import platform
import random
import sys
import time
from pathlib import Path

import numpy as np

from eventwire.provenance import DocInfo, ProvenanceIndex
from eventwire.provenance.shingles import load_lexicon

SYLLABLES = "ka lo mi ne ru sa ti vo be da fe go hu ji ke li mo na pe ri so tu va we xa yo ze bra dre kri plo stu tra".split()
CHROME = ["Home | World | Politics", "Share this article", "Sign up for our newsletter", "Related stories", "Advertisement"]


def vocabulary(rng: random.Random, size: int) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


class Generator:
    def __init__(self, seed: int, vocab_size: int = 30000, names: int = 3000) -> None:
        self.rng = random.Random(seed)
        # As in real text, the most frequent words are function words; the
        # long Zipf tail is made-up content words.
        function_words = sorted(load_lexicon().function_words)
        self.rng.shuffle(function_words)
        self.vocab = function_words + vocabulary(self.rng, vocab_size - len(function_words))
        self.names = [w.capitalize() for w in vocabulary(self.rng, names)]
        ranks = np.arange(1, vocab_size + 1)
        p = 1.0 / ranks
        self.cum = np.cumsum(p / p.sum())
        self.np_rng = np.random.default_rng(seed)

    def sentence(self) -> str:
        n = self.rng.randint(10, 22)
        idx = np.searchsorted(self.cum, self.np_rng.random(n))
        words = [self.vocab[min(i, len(self.vocab) - 1)] for i in idx]
        for _ in range(self.rng.randint(1, 3)):
            words[self.rng.randrange(1, n)] = self.rng.choice(self.names)
        if self.rng.random() < 0.4:
            words[self.rng.randrange(1, n)] = str(self.rng.randint(2, 999))
        return words[0].capitalize() + " " + " ".join(words[1:]) + "."

    def article(self) -> list[str]:
        return [self.sentence() for _ in range(self.rng.randint(6, 12))]

    def near_duplicate(self, sents: list[str]) -> list[str]:
        out = list(sents)
        i = self.rng.randrange(len(out))
        words = out[i].split()
        words[self.rng.randrange(len(words))] = self.rng.choice(self.vocab)
        out[i] = " ".join(words)
        return [self.rng.choice(CHROME)] + out + [self.rng.choice(CHROME)]

    def rewrite(self, sents: list[str]) -> list[str]:
        out = []
        for s in sents:
            words = s.rstrip(".").split()
            for j in range(1, len(words)):
                if self.rng.random() < 0.25 and not words[j][:1].isupper():
                    words[j] = self.rng.choice(self.vocab)
            out.append(" ".join(words) + ".")
        if len(out) > 4:
            del out[self.rng.randrange(1, len(out))]
            i = self.rng.randrange(1, len(out) - 1)
            out[i], out[i + 1] = out[i + 1], out[i]
        return out


def run(n: int, copy_share: float, seed: int, num_perm: int, clean_sample: int = 10_000) -> dict:
    gen = Generator(seed)
    t0 = time.perf_counter()
    docs: list[DocInfo] = []
    planted: dict[str, str] = {}  # copy id -> source id
    n_copies = int(n * copy_share)
    n_sources = n - n_copies
    originals: list[list[str]] = []
    for i in range(n_sources):
        sents = gen.article()
        originals.append(sents)
        docs.append(DocInfo(id=f"d_{i:07d}", text="\n\n".join(sents), published=None,
                            published_reliable=False, outlet=None, language="en"))
    kinds = {"near-duplicate": 0, "rewrite": 0}
    for k in range(n_copies):
        src = gen.rng.randrange(n_sources)
        kind = "near-duplicate" if k % 2 == 0 else "rewrite"
        sents = gen.near_duplicate(originals[src]) if kind == "near-duplicate" else gen.rewrite(originals[src])
        cid = f"d_c{k:06d}"
        planted[cid] = f"d_{src:07d}"
        kinds[kind] += 1
        docs.append(DocInfo(id=cid, text="\n\n".join(sents), published=None,
                            published_reliable=False, outlet=None, language="en"))
    gen.rng.shuffle(docs)
    generate_s = time.perf_counter() - t0

    # the clean stage on a sample of the same texts (it runs per document, so a sample gives its rate)
    from eventwire.clean import Cleaner
    from eventwire.model import Record

    cleaner = Cleaner()
    sample = docs[: min(len(docs), clean_sample)]
    tc = time.perf_counter()
    for d in sample:
        cleaner.clean(Record(source=d.id, text=d.text))
    clean_rate = len(sample) / (time.perf_counter() - tc) if sample else 0.0

    index = ProvenanceIndex(num_perm=num_perm)
    t1 = time.perf_counter()
    for d in docs:
        index.add(d)
    add_s = time.perf_counter() - t1
    t2 = time.perf_counter()
    result = index.assign()
    assign_s = time.perf_counter() - t2

    found = {"near-duplicate": 0, "rewrite": 0}
    for k, (cid, src) in enumerate(sorted(planted.items())):
        if result[cid].story == result[src].story:
            found["near-duplicate" if int(cid[3:]) % 2 == 0 else "rewrite"] += 1
    story_sizes: dict[str, int] = {}
    for p in result.values():
        story_sizes[p.story] = story_sizes.get(p.story, 0) + 1
    planted_ids = set(planted) | set(planted.values())
    false_links = sum(1 for i, p in result.items() if i not in planted_ids and story_sizes[p.story] > 1)
    s = index.stats
    total_chars = sum(len(d.text) for d in docs)
    return {
        "n_documents": n,
        "planted_copies": kinds,
        "mean_chars_per_doc": round(total_chars / n),
        "num_perm": num_perm,
        "seconds": {
            "generate": round(generate_s, 2),
            "add_total": round(add_s, 2),
            "features": round(s.features_seconds, 2),
            "minhash": round(s.minhash_seconds, 2),
            "lsh_insert": round(s.insert_seconds, 2),
            "lsh_query": round(s.query_seconds, 2),
            "assign_total": round(assign_s, 2),
            "assign_verify": round(s.verify_seconds, 2),
            "assign_drift": round(s.drift_seconds, 2),
        },
        "throughput_docs_per_s": {
            "clean": round(clean_rate),
            "clean_sample": len(sample),
            "add": round(n / add_s),
            "assign": round(n / assign_s),
            "end_to_end": round(n / (add_s + assign_s)),
            "clean_plus_provenance": round(1 / (1 / clean_rate + (add_s + assign_s) / n)) if clean_rate else None,
        },
        "candidate_pairs": s.candidate_pairs,
        "candidates_by_kind": s.candidates_by_kind,
        "links": s.links,
        "recall": {k: round(found[k] / kinds[k], 4) if kinds[k] else None for k in kinds},
        "recall_all": round(sum(found.values()) / max(1, sum(kinds.values())), 4),
        "false_links": false_links,
        "python": platform.python_version(),
        "machine": platform.machine(),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=100_000, help="number of documents (default 100000)")
    ap.add_argument("--copy-share", type=float, default=0.05, help="share of documents that are planted copies")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--num-perm", type=int, default=128)
    ap.add_argument("--clean-sample", type=int, default=10_000, help="documents cleaned to time the clean stage")
    ap.add_argument("--out", default=str(Path(__file__).parent / "results" / "provenance.json"))
    args = ap.parse_args(argv)
    result = run(args.n, args.copy_share, args.seed, args.num_perm, args.clean_sample)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    json.dump(result, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
