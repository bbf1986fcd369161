"""Where a change acts: the sentence-level decisions of extraction over every corpus, to diff two versions.

A rule written for one article should be judged by every place it fires,
not only by the article it was written for.  This tool runs the type
classifier and the actor finder over each sentence of every text set in
../shared (the hoot corpus, WikiEvents, MUC-4, the boilerplate pages, dev,
dev2 and the CASE snippets: about 13,000 sentences) and writes one line per
decision (corpus, sentence, trigger, type, sub-type, actors with roles).
Run it for the code before and after a change and compare (``--mentions``
writes what the whole extract stage reports instead, per sentence that
reports anything: after the deed judge, the background reader and dating):

    PYTHONPATH=<old>/src python tools/decisions.py --shared ../shared -o /tmp/before.jsonl
    python tools/decisions.py --shared ../shared -o /tmp/after.jsonl
    python tools/decisions.py --diff /tmp/before.jsonl /tmp/after.jsonl

The diff lists the sentences whose decisions differ, each with both sides,
so a reviewer reads every place the change fired (and how often) before
trusting a score that moved on one document.  CASE's snippets are split into
its two halves (``case-tune``, ``case-check``, as ``tools/eval_case.py``); the
checking half's changed sentences are only counted, so that tuning never
reads them (``--show-hidden`` prints them).
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def texts(shared: Path):
    """(corpus, text) for every text of the shared sets; all-caps wire copy is lowered as ingest would."""
    for corpus, text, _published in dated_texts(shared):
        yield corpus, text


def dated_texts(shared: Path):
    """(corpus, text, page date or None): the hoot articles' published dates and MUC-4's datelines, which
    ingest reads too (a rule about dates acts through them: MUC-4's relative dates resolve only against its
    datelines); the other sets are read undated, as eval_roles.py reads WikiEvents."""
    from datetime import date

    from eventwire.clean.dates import dateline_date

    hoot = shared / "corpus" / "hoot_russia_ukraine_apr2022" / "articles.jsonl"
    for line in hoot.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        published = row.get("published_date") or ""
        yield "hoot", row.get("body") or "", date.fromisoformat(published[:10]) if published[:10] else None
    wiki = shared / "corpus" / "wikievents_attack_news" / "docs.jsonl"
    for line in wiki.read_text(encoding="utf-8").splitlines():
        yield "wikievents", json.loads(line).get("text") or "", None
    muc = shared / "corpus" / "muc4_multisource_incidents" / "messages.jsonl"
    for line in muc.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        dated = dateline_date((row.get("dateline") or "").split(",", 1)[-1])
        yield "muc4", (row.get("text") or "").lower().capitalize(), dated
    for line in (shared / "eval" / "boilerplate" / "input.jsonl").read_text(encoding="utf-8").splitlines():
        yield "boilerplate", json.loads(line)["text"], None
    for name in ("dev", "dev2"):
        for path in sorted((shared / "eval" / name / "docs").glob("*.txt")):
            yield name, path.read_text(encoding="utf-8"), None
    with (shared / "eval" / "case2021_dev.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            # the halves of tools/eval_case.py: even ids tune the rules, odd ids check them
            half = "check" if row["id"].isdigit() and int(row["id"]) % 2 else "tune"
            yield f"case-{half}", row["EventSnippet"], None


def write_decisions(shared: Path, out: Path) -> int:
    from eventwire.extract.actors import ActorFinder
    from eventwire.extract.claims import ClaimExtractor
    from eventwire.extract.nlp import load_nlp
    from eventwire.extract.types import EventTypeClassifier

    nlp = load_nlp()
    classifier, finder, claims = EventTypeClassifier(nlp), ActorFinder(nlp), ClaimExtractor()
    n = 0
    with out.open("w", encoding="utf-8") as f:
        for corpus, text in texts(shared):
            for sent in nlp(text[:100_000]).sents:
                hits = classifier.classify(sent)
                speech = claims.speech_heads(sent) if hits else set()  # a speaker is no doer, as in extraction
                decided = []
                for h in hits:
                    actors = sorted(f"{a.name}:{a.role}" for a in finder.find(sent, h.trigger, speech,
                                                                              trigger_text=h.trigger_text))
                    decided.append([h.trigger_text, h.event_type, h.sub_event_type, actors])
                f.write(json.dumps({"corpus": corpus, "sentence": sent.text.strip(), "decisions": decided}) + "\n")
                n += 1
    return n


def write_mentions(shared: Path, out: Path) -> int:
    """``--mentions``: what the whole extract stage reports per sentence, after the deed judge, the
    background reader and the dating (type, trigger, date, place, actors, landmark, doubt, claims with their
    claimants), so a change to a later component than the classifier and the actor finder shows where it
    acts too.
    Texts are read with the page dates ``dated_texts`` gives (hoot's, MUC-4's datelines), others undated."""
    from eventwire.extract.factories import build_extractor
    from eventwire.model import Document, PublishedDate

    extractor = build_extractor()
    n = 0
    with out.open("w", encoding="utf-8") as f:
        for k, (corpus, text, day) in enumerate(dated_texts(shared)):
            published = PublishedDate(day, "metadata", 0.9) if day else PublishedDate(None, "none", 0.0)
            doc = Document(id=f"d{k}", content_hash=f"d{k}", external_id=None, url=None, outlet=None, title=None,
                           published=published, language="en", text=text[:100_000])
            by_sentence: dict[str, list] = defaultdict(list)
            for m in extractor.extract(doc):
                when = f"{m.date.start}..{m.date.end}" if m.date else None
                by_sentence[m.evidence.sentence.strip()].append(
                    [m.trigger, m.sub_event_type, when, m.place.name if m.place else None,
                     sorted(f"{a.name}:{a.role}" for a in m.actors), "landmark" if m.landmark else "",
                     "doubted" if m.doubt else "",
                     sorted(f"{c.property}={c.value}/{c.subject}@{c.claimant}" for c in m.claims)])
            for sentence, decided in by_sentence.items():
                f.write(json.dumps({"corpus": corpus, "sentence": sentence, "decisions": decided}) + "\n")
                n += 1
    return n


# corpora whose changed sentences --diff counts but does not print: CASE's checking half is read only
# as a score, or it stops being a check (--show-hidden prints them anyway)
HIDDEN_CORPORA = frozenset({"case-check"})


def diff(before: Path, after: Path, hidden: frozenset[str] = HIDDEN_CORPORA) -> int:
    """Print the sentences whose decisions differ (those of ``hidden`` corpora only counted); return how many."""
    def load(path: Path) -> dict[tuple[str, str], list]:
        seen: dict[tuple[str, str], list] = defaultdict(list)
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            seen[(row["corpus"], row["sentence"])].append(row["decisions"])
        return seen

    a, b = load(before), load(after)
    changed = [key for key in sorted(set(a) | set(b)) if a.get(key) != b.get(key)]
    by_corpus: dict[str, int] = defaultdict(int)
    for corpus, sentence in changed:
        by_corpus[corpus] += 1
        if corpus in hidden:
            continue
        print(f"[{corpus}] {sentence[:300]}")
        print(f"    before: {a.get((corpus, sentence))}")
        print(f"    after:  {b.get((corpus, sentence))}")
    print(f"{len(changed)} sentences changed: " + ", ".join(
        f"{c} {n}" + (" (not shown)" if c in hidden else "") for c, n in sorted(by_corpus.items())))
    return len(changed)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("-o", "--out", help="write the decisions here (JSON lines)")
    ap.add_argument("--diff", nargs=2, metavar=("BEFORE", "AFTER"), help="compare two decision files")
    ap.add_argument("--mentions", action="store_true",
                    help="write the whole extract stage's mentions per sentence (deeds, dates, places too)")
    ap.add_argument("--show-hidden", action="store_true",
                    help="with --diff, also print CASE's checking-half sentences (otherwise only counted)")
    args = ap.parse_args()
    if args.diff:
        diff(Path(args.diff[0]), Path(args.diff[1]), frozenset() if args.show_hidden else HIDDEN_CORPORA)
        return 0
    if not args.out:
        ap.error("give -o FILE to write decisions, or --diff BEFORE AFTER")
    n = (write_mentions if args.mentions else write_decisions)(Path(args.shared).resolve(), Path(args.out))
    print(f"{n} sentences written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
