"""Flat-text cleaning on the probe news pages written for the project (tests/clean/probe_pages).

    python tools/probe_boilerplate.py [--check] [--verbose]

Each page there is a naive scrape of a news article as such sites lay it out
(menus, bylines, share bars, captions, related lists, appeals, comment
threads, live-blog stamps), written by us with invented content: no sentence
comes from a real page.  The first line is ``url: ...``; every other line
starts with ``K `` (article text: must stay, in the text or as the title),
``D `` (furniture: must go) or ``. `` (either way: a standfirst, a live
page's entry stamp).

``--check`` scores the pages of tests/clean/probe_pages_check instead: written
all at once before the cleaning changes they were to confirm, and read only to
confirm them (as the checking half of eval/boilerplate), never to find errors.

The pages are no training data: the line model never reads them, so they
measure what the cleaner does on news sites it has never seen.  A line is
judged whole: a ``D`` line is left when a paragraph of the cleaned text is
that line (or holds it, for lines of ``MIN_INSIDE_CHARS`` or more, unless the
paragraph holds a ``K`` line: a short "Share" inside a sentence is no share
button, and a pull quote's words stand in the paragraph it quotes); a ``K`` line is kept when it
sits in the text or the title.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eventwire.clean.cleaner import Cleaner
from eventwire.model import Record

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "clean" / "probe_pages"
CHECK_PAGES = ROOT / "tests" / "clean" / "probe_pages_check"
# Drop lines at least this long are also left when they sit inside a kept paragraph.
MIN_INSIDE_CHARS = 25


def norm(text: str) -> str:
    return " ".join(text.split())


def read_page(path: Path) -> dict:
    """id, url, the flat text, and its keep and drop lines."""
    lines = path.read_text(encoding="utf-8").splitlines()
    url = lines[0].removeprefix("url:").strip()
    body, keep, drop = [], [], []
    for line in lines[1:]:
        mark, _, text = line.partition(" ")
        body.append(text)
        {"K": keep, "D": drop}.get(mark, []).append(norm(text))
    return {"id": path.stem, "url": url, "text": "\n".join(body), "keep": keep, "drop": drop}


def read_pages(folder: Path = PAGES) -> list[dict]:
    return [read_page(p) for p in sorted(folder.glob("*.txt"))]


def failures(page: dict, text: str, title: str | None) -> tuple[list[str], list[str]]:
    """(keep lines lost, drop lines left) of one cleaned page."""
    paragraphs = [norm(p) for p in text.split("\n\n")]
    headed = norm(title or "") + " \n " + norm(text)
    lost = [k for k in page["keep"] if k not in headed]
    # a pull quote repeats words of a kept paragraph: inside a paragraph holding a keep line it is that line's
    other = [p for p in paragraphs if not any(k in p for k in page["keep"])]
    left = [d for d in page["drop"] if d in paragraphs or any(len(d) >= MIN_INSIDE_CHARS and d in p for p in other)]
    return lost, left


def score(pages: list[dict], cleaner: Cleaner) -> tuple[dict, list[tuple[str, str, str]]]:
    """Micro keep-recall, drop-rate and F1 over every probe line, and each failure (page, LOST|LEFT, line)."""
    kept = keep_total = removed = drop_total = 0
    failed = []
    for page in pages:
        doc = cleaner.clean(Record(source=page["id"], external_id=page["id"], url=page["url"], text=page["text"]))
        lost, left = failures(page, doc.text, doc.title)
        kept += len(page["keep"]) - len(lost)
        keep_total += len(page["keep"])
        removed += len(page["drop"]) - len(left)
        drop_total += len(page["drop"])
        failed += [(page["id"], "LOST", k) for k in lost] + [(page["id"], "LEFT", d) for d in left]
    k, d = kept / (keep_total or 1), removed / (drop_total or 1)
    return {"keep": k, "drop": d, "f1": 2 * k * d / ((k + d) or 1), "pages": len(pages)}, failed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="the confirming pages (probe_pages_check)")
    ap.add_argument("--verbose", action="store_true", help="list the lines that fail")
    args = ap.parse_args()
    figures, failed = score(read_pages(CHECK_PAGES if args.check else PAGES), Cleaner())
    if args.verbose:
        for page, kind, line in failed:
            print(f"  {kind} {page}: {line[:90]}")
    print(f"probe {'check ' if args.check else ''}pages: keep {figures['keep']:.3f} drop {figures['drop']:.3f} f1 {figures['f1']:.3f} pages {figures['pages']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
