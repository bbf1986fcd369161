"""Where extraction's CPU goes, component by component, on the ingest bench's articles.

The end-to-end figure (``ingest_bench.py``) says how fast; this says what to
make faster.  One process builds the extractor (start-up is timed apart), cleans
the articles, then extracts them with every component of the reader and the
parser timed by CPU time (``time.process_time``: a neighbour's load does not
inflate it).  The parser's components are run one after another over each
document's pieces, as ``nlp.pipe`` would run them, so the mentions found are the
same as in ``ingest`` (the count is printed as a check).

    python bench/extract_profile.py --jsonl ../shared/corpus/hoot_russia_ukraine_apr2022/articles.jsonl --n 50
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from ingest_bench import recombine  # noqa: E402


class TimedPipeline:
    """Stands in for a spaCy ``Language`` in the extractor: the same components, each one timed."""

    def __init__(self, nlp, prefix: str, cpu: dict[str, float]) -> None:
        self.nlp, self.prefix, self.cpu = nlp, prefix, cpu

    def __getattr__(self, name):
        return getattr(self.nlp, name)

    def _run(self, docs: list, disable=()) -> list:
        for name, proc in self.nlp.pipeline:
            if name in disable:
                continue
            t = time.process_time()
            docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
            self.cpu[self.prefix + name] += time.process_time() - t
        return docs

    def __call__(self, text: str):
        t = time.process_time()
        doc = self.nlp.make_doc(text)
        self.cpu[self.prefix + "tokenizer"] += time.process_time() - t
        return self._run([doc])[0]

    def pipe(self, docs, batch_size: int = 64, disable=()):
        return self._run(list(docs), disable)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--jsonl", type=Path, required=True, help="hoot articles.jsonl to recombine")
    ap.add_argument("--n", type=int, default=50)
    args = ap.parse_args()
    t0 = time.process_time()
    from eventwire.clean import Cleaner
    from eventwire.engines.work import _default_extractor
    from eventwire.ingest.jsonl import read_jsonl

    extractor = _default_extractor()
    startup = time.process_time() - t0
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in recombine(args.jsonl, args.n)), encoding="utf-8")
        t = time.process_time()
        docs = [Cleaner().clean(r) for r in read_jsonl(path)]
        cleaning = time.process_time() - t
    cpu: dict[str, float] = defaultdict(float)
    extractor.reader = TimedPipeline(extractor.reader, "reader:", cpu)
    extractor.nlp = TimedPipeline(extractor.nlp, "parser:", cpu)
    t = time.process_time()
    mentions = sum(len(extractor.extract(d)) for d in docs)
    total = time.process_time() - t
    print(f"{len(docs)} articles, {mentions} mentions; CPU seconds: start-up (imports, model, gazetteer) {startup:.2f}, "
          f"cleaning {cleaning:.2f}, extraction {total:.2f} ({1000 * total / len(docs):.0f} ms an article)")
    for name, seconds in sorted(cpu.items(), key=lambda kv: -kv[1]):
        print(f"  {name:32s} {seconds:6.2f}  {100 * seconds / total:4.1f}%")
    rest = total - sum(cpu.values())
    print(f"  {'(the rest: piece tokenizing, dates of unparsed sentences, mentions)':32s} {rest:6.2f}  {100 * rest / total:4.1f}%")


if __name__ == "__main__":
    main()
