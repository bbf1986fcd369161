"""Incremental cost: does a new article cost the same in a big database as in an empty one?

Two measurements, one process each:

``--sizes 1000 10000 100000``: builds a database of generated documents up
to each size, then ingests the same 5 real-style articles (samples/, the
full pipeline with the parser) into a copy of the empty database and of
each built one, alternating, ``--runs`` times; medians and ratios to empty.

``--scale 1000000``: pushes generated documents through provenance and
fusion in batches and records time and peak RSS at 10k, 100k, 1M (or
wherever ``--minutes`` runs out), so the growth is visible.

The databases are built without the parser: generated documents (Zipf word
salad with names and numbers, 5% near-duplicates of recent ones, as in
``provenance_bench``) are stored with ``repository.add_document``, pass
through the real ``Pipeline.update_provenance`` (the stored LSH index), get
1-2 generated mentions each (``replace_mentions``: ``DOCS_PER_DAY`` documents
a day in date order, each database ending the day before the sample articles,
ten countries, six families, a third dated only by their article, 30% with
the place borrowed), and the real ``Pipeline.fuse`` (incremental) fuses them.
Each size is grown on its own; ``--keep DIR`` keeps the built databases and a
later run reuses them (``--runs 0``: build only).

    python bench/incremental_bench.py --sizes 1000 10000 100000 --runs 3 --keep /tmp/eventwire-dbs
    python bench/incremental_bench.py --scale 1000000 --minutes 55
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).parent))
from provenance_bench import Generator  # noqa: E402

from eventwire.model import DateSpan, Document, Evidence, Mention, Place, PublishedDate  # noqa: E402
from eventwire.pipeline import Pipeline  # noqa: E402
from eventwire.store import repository as repo  # noqa: E402
from eventwire.store.orm import DocumentRow  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).parent / "results"
TYPES = [("Explosions/Remote violence", "Air/drone strike", "struck"),
         ("Explosions/Remote violence", "Shelling/artillery/missile attack", "shelled"),
         ("Battles", "Armed clash", "clashed"), ("Violence against civilians", "Attack", "murdered"),
         ("Protests", "Peaceful protest", "protested"), ("Strategic developments", "Arrests", "arrested")]
COUNTRIES = {"UA": (48.5, 32.0), "RU": (52.0, 38.0), "SY": (35.0, 38.0), "ML": (15.0, -3.0), "NG": (10.0, 8.0),
             "SD": (14.0, 30.0), "MM": (20.0, 96.0), "AF": (34.0, 66.0), "YE": (15.5, 47.5), "SO": (5.0, 46.0)}
# A feed's documents arrive in date order at a steady rate: the database covers more days as it
# grows, as a month of a live feed or a year's archive would.  A database of N documents starts
# N / DOCS_PER_DAY days before END, so that every one ends where the five new articles begin.
# (Until session 6 the documents were dated backwards, each batch older than all stored: every
# stored reference of the 90 days after a new mention could name it and was decided again, so
# each batch of 1,000 re-fused the whole window, ~140 s at 10k.  An archive loaded newest first
# does cost that; a feed does not.)
END = date(2024, 3, 10)
DOCS_PER_DAY = 100
TARGETS = ["the power station", "a school", "the bridge", "an oil depot", "the market", "a checkpoint", "the port"]


class World:
    """Generated documents and their mentions, reproducible from a seed."""

    def __init__(self, seed: int, total: int) -> None:
        self.start = END - timedelta(days=-(-total // DOCS_PER_DAY))
        self.gen = Generator(seed)
        self.rng = random.Random(seed + 1)
        self.places = [Place(f"Town{c}{i}", c, f"{c}-{i % 8}", lat + self.rng.uniform(-3, 3),
                             lon + self.rng.uniform(-3, 3), "town", hash((c, i)) % 10**8, surface=f"Town{c}{i}")
                       for c, (lat, lon) in COUNTRIES.items() for i in range(60)]
        self.recent: list[str] = []

    def document(self, n: int) -> tuple[Document, list[Mention]]:
        if self.recent and self.rng.random() < 0.05:
            text = "Share this article\n\n" + self.rng.choice(self.recent)
        else:
            text = "\n\n".join(self.gen.article())
        self.recent = (self.recent + [text])[-50:]
        h = hashlib.sha256(f"{n}:{text}".encode()).hexdigest()
        day = self.start + timedelta(days=n // DOCS_PER_DAY)
        doc = Document(id="d_" + h[:16], content_hash=h, external_id=str(n), url=None, outlet=None, title=None,
                       published=PublishedDate(day, "metadata", 0.9, None, None), language="en", text=text,
                       removed=(), source="bench")
        return doc, [self._mention(doc.id, day, k) for k in range(self.rng.randint(1, 2))]

    def _mention(self, doc: str, published: date, k: int) -> Mention:
        etype, sub, verb = self.rng.choice(TYPES)
        place = self.rng.choice(self.places)
        what = self.rng.choice(TARGETS)
        if self.rng.random() < 0.33:  # dated by its article only
            when, day = DateSpan(published, published, "day", ""), published
        else:
            day = published - timedelta(days=self.rng.randrange(3))
            when = DateSpan(day, day, "day", f"on {day:%d %B}")
        named = self.rng.random() < 0.7
        text = f"Forces {verb} {what}" + (f" in {place.surface}" if named else "") + f" on {day:%d %B}."
        return Mention(doc, Evidence(doc, text, k * 200, k * 200 + len(text)), etype, sub, verb, when, place)


def store_generated(pipe: Pipeline, made: list) -> None:
    """Store generated (document, mentions) pairs as extraction would: documents, provenance, mentions."""
    with pipe.Session.begin() as s:
        for doc, _ms in made:
            repo.add_document(s, doc)
    pipe.update_provenance()
    with pipe.Session.begin() as s:
        rows = {r.id: r for r in s.scalars(select(DocumentRow).where(DocumentRow.id.in_([d.id for d, _ in made])))}
        for doc, ms in made:
            repo.replace_mentions(s, doc.id, ms)
            rows[doc.id].stage = "extracted"


def grow(pipe: Pipeline, world: World, count: int, batch: int, done: int) -> int:
    """Add ``count`` generated documents through store, provenance and fusion, ``batch`` at a time."""
    while count > 0:
        k = min(batch, count)
        store_generated(pipe, [world.document(done + i) for i in range(k)])
        pipe.fuse()
        done, count = done + k, count - k
    return done


def copy_db(src: Path, dst: Path) -> None:
    dst.unlink(missing_ok=True)
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build_databases(sizes: list[int], batch: int, tmp: Path, keep: Path | None) -> dict[int, float]:
    """db_0 .. db_N in ``tmp``, each grown on its own so that it ends at END; with ``keep``, built
    ones are kept there and reused by a later run (the same seed and size give the same database)."""
    home = keep or tmp
    Pipeline(f"sqlite:///{home / 'db_0.db'}")  # the empty database, tables made
    build = {}
    for n in sorted(sizes):
        if (home / f"db_{n}.db").exists():
            continue
        world, pipe, done = World(11, n), Pipeline(f"sqlite:///{tmp / f'grow_{n}.db'}"), 0
        t = time.perf_counter()
        while done < n:  # a progress line every ten batches
            done = grow(pipe, world, min(batch * 10, n - done), batch, done)
            print({"documents": done, "seconds": round(time.perf_counter() - t, 1), "peak_rss_mb": round(rss_mb(), 1)},
                  flush=True)
        build[n] = round(time.perf_counter() - t, 1)
        pipe.engine.dispose()
        copy_db(tmp / f"grow_{n}.db", home / f"db_{n}.db")
    if home != tmp:
        for n in [0, *sizes]:
            copy_db(home / f"db_{n}.db", tmp / f"db_{n}.db")
    return build


def sizes_run(sizes: list[int], runs: int, batch: int, tmp: Path, keep: Path | None = None) -> dict:
    from eventwire.extract.factory import build_extractor

    build = build_databases(sizes, batch, tmp, keep)
    if runs == 0:  # building (and keeping) only
        return {"build_seconds": build}
    extractor = build_extractor()
    lines = (ROOT / "samples" / "articles.jsonl").read_text("utf-8").splitlines()[:5]
    articles = tmp / "five.jsonl"
    articles.write_text("\n".join(lines) + "\n", encoding="utf-8")
    times: dict[int, list[float]] = {n: [] for n in [0, *sorted(sizes)]}
    for _ in range(runs):
        for n in times:  # alternating: every size once per round
            copy_db(tmp / f"db_{n}.db", tmp / "run.db")
            run = Pipeline(f"sqlite:///{tmp / 'run.db'}", extractor_factory=lambda: extractor)
            t = time.perf_counter()
            summary = run.ingest([str(articles)])
            times[n].append(round(time.perf_counter() - t, 2))
            assert summary.new == 5, summary.line()
    med = {n: statistics.median(v) for n, v in times.items()}
    return {"articles": 5, "runs": runs, "build_seconds": build, "seconds": times,
            "median_seconds": med, "ratio_to_empty": {n: round(med[n] / med[0], 2) for n in med}}


def scale_run(total: int, batch: int, minutes: float, tmp: Path, out: Path) -> dict:
    world, pipe = World(13, total), Pipeline(f"sqlite:///{tmp / 'scale.db'}")
    marks = [m for m in (10_000, 100_000, 1_000_000) if m <= total] or [total]
    t0, done, points = time.perf_counter(), 0, []
    result = {"target_documents": total, "batch": batch, "points": points}
    for mark in marks:
        while done < mark and time.perf_counter() - t0 < minutes * 60:
            t = time.perf_counter()
            done = grow(pipe, world, min(batch * 10, mark - done), batch, done)
            points.append({"documents": done, "seconds": round(time.perf_counter() - t0, 1),
                           "docs_per_second_last": round(min(batch * 10, done) / (time.perf_counter() - t), 1),
                           "peak_rss_mb": round(rss_mb(), 1),
                           "db_mb": round((tmp / "scale.db").stat().st_size / 2**20, 1)})
            out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")  # progress survives a kill
            print(points[-1], flush=True)
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="*", default=[])
    ap.add_argument("--scale", type=int, default=0)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--minutes", type=float, default=55)
    ap.add_argument("--tmp", help="folder for the databases (default: a temporary one)")
    ap.add_argument("--keep", help="folder where built databases are kept and reused (--sizes)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(dir=args.tmp) as tmp:
        if args.sizes:
            result = sizes_run(args.sizes, args.runs, args.batch, Path(tmp), Path(args.keep) if args.keep else None)
            out = RESULTS / "incremental.json"
        else:
            out = RESULTS / "scale.json"
            result = scale_run(args.scale, args.batch, args.minutes, Path(tmp), out)
    result.update(load_average_at_end=list(os.getloadavg()), python=platform.python_version(),
                  peak_rss_mb=round(rss_mb(), 1))
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    json.dump(result, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
