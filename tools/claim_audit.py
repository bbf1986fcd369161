"""Casualty sentences that hold a count and yield no casualty claim, across the real corpora.

No gold marks casualty figures sentence by sentence, so this finds the
candidates where a claim is most likely missed: a sentence with a casualty
word ("killed", "wounded", "dead", ...) and a count ("14", "two", "dozens")
from which ``extract.claims`` makes no fatalities or injuries claim. Some are
right to yield none (war-wide totals, "his mother died"); the list is read by
hand, and the counts per corpus and half (tune: even article numbers, check:
odd) show whether a change helps text it was not written from.

    python tools/claim_audit.py --shared ../shared [--list]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASUALTY = re.compile(r"\b(killed|injured|wounded|dead|died|hurt|killing|injuring|wounding)\b", re.I)
COUNT = re.compile(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|scores)\b",
                   re.I)


def texts(shared: Path):
    """(corpus, article number, text) for hoot, WikiEvents and the dev sets."""
    hoot = shared / "corpus" / "hoot_russia_ukraine_apr2022" / "articles.jsonl"
    for n, line in enumerate(hoot.read_text(encoding="utf-8").splitlines(), 1):
        yield "hoot", n, json.loads(line).get("body") or ""
    wiki = shared / "corpus" / "wikievents_attack_news" / "docs.jsonl"
    for n, line in enumerate(wiki.read_text(encoding="utf-8").splitlines(), 1):
        yield "wiki", n, json.loads(line)["text"]
    for name in ("dev", "dev2"):
        for f in sorted((shared / "eval" / name / "docs").glob("*.txt")):
            yield name, int(f.stem), f.read_text(encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--list", action="store_true", help="print each sentence without a claim")
    args = ap.parse_args(argv)

    from eventwire.extract.claims import ClaimExtractor, SpeakerMemory
    from eventwire.extract.nlp import load_nlp

    nlp, claims = load_nlp(), ClaimExtractor()
    seen: dict[str, int] = {}
    missed: dict[str, int] = {}
    for corpus, n, text in texts(Path(args.shared)):
        key = f"{corpus}/{'tune' if n % 2 == 0 else 'check'}"
        memory = SpeakerMemory()
        for sent in nlp(text).sents:
            who, why = claims.claimant(sent, memory)
            found = claims.extract(sent, "d", sent.start_char, who, why)
            if not (CASUALTY.search(sent.text) and COUNT.search(sent.text)):
                continue
            seen[key] = seen.get(key, 0) + 1
            if not any(c.property in ("fatalities", "injuries") for c in found):
                missed[key] = missed.get(key, 0) + 1
                if args.list:
                    print(f"{key}\t{n}\t{' '.join(sent.text.split())[:240]}")
    for key in sorted(seen):
        print(f"{key}: {missed.get(key, 0)} of {seen[key]} casualty sentences with a count give no claim")
    return 0


if __name__ == "__main__":
    sys.exit(main())
