"""`make eval-muc`: cross-outlet fusion on the MUC-4 multi-source incidents (issue #5).

Runs the whole pipeline on ../shared/corpus/muc4_multisource_incidents: the
shared scorer's `to-input` conversion, a fresh temporary database, `eventwire
ingest` through the real CLI, events and documents exported as JSONL, and the
scorer's `score` against the silver incident clusters.  Prints its score line
(pairwise precision and recall of "these two reports are the same incident").

`--verbose` adds a per-cluster diagnostic: for each silver cluster, each member
message and the exported events holding it (type, date, place, how many
documents, and which other members of the cluster share the event).
`--oracle` scores what perfect real-world fusion would get instead, built from
the messages' gold templates, so the run's figures can be read against an
honest ceiling: the silver clusters split one incident by location granularity
(country vs city) and put a message in only its first cluster.  It also scores
the run against the silver with those splits merged.

Nothing here is tuned to the corpus: it only runs the pipeline and the scorer.
"""
from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from pipeline_run import check_floors, ingest_and_export, muc_input, read_jsonl, run

ROOT = Path(__file__).resolve().parent.parent
# floors for the pairwise figures; the run fails below them (raise them when the figures rise)
BASELINE = ROOT / "tests" / "muc_baseline.json"
_FIGURES = re.compile(r"precision (?P<precision>[\d.]+) recall (?P<recall>[\d.]+)")
CORPUS = Path("corpus") / "muc4_multisource_incidents"


def score(scorer: Path, clusters: Path, events: Path, documents: Path) -> str:
    res = run([sys.executable, str(scorer), "score", str(clusters), str(events), str(documents)])
    if res.returncode:
        sys.stderr.write(res.stderr)
    return res.stdout.rstrip()


# ------------------------------------------------------------------- diagnostic
def _place(loc: dict | None) -> str:
    if not loc:
        return "-"
    return f"{loc.get('name')} ({loc.get('precision')}, {loc.get('country')})"


def _date(d: dict | None) -> str:
    if not d:
        return "-"
    start, end = d.get("start"), d.get("end")
    return f"{start}" if start == end else f"{start}..{end}"


def verbose(corpus: Path, events: list[dict], documents: list[dict]) -> None:
    """Per silver cluster, per member message: the exported events that hold it."""
    clusters = json.loads((corpus / "incident_clusters.json").read_text(encoding="utf-8"))
    messages = {m["id"]: m for m in read_jsonl(corpus / "messages.jsonl")}
    ext = {d["id"]: d.get("external_id") for d in documents}
    holding: dict[str, list[tuple[dict, set[str]]]] = defaultdict(list)
    for ev in events:
        ids = {ext.get(x) for x in ev.get("documents", [])} | {ext.get(m.get("document")) for m in ev.get("mentions", [])}
        ids.discard(None)
        for mid in ids:
            holding[mid].append((ev, ids))
    first: dict[str, int] = {}
    for i, c in enumerate(clusters):
        for mid in c["message_ids"]:
            first.setdefault(mid, i)
    for i, c in enumerate(clusters):
        key = c["cluster_key"]
        members = set(c["message_ids"])
        print(f"\n== cluster {i}: {key['incident_date']} | {key['incident_location']} | {key['incident_type']} "
              f"({len(members)} messages)")
        for mid in c["message_ids"]:
            m = messages.get(mid, {})
            also = f" [scored in cluster {first[mid]}]" if first[mid] != i else ""
            evs = holding.get(mid, [])
            print(f"  {mid} {m.get('source')} / {m.get('dateline')}: {len(evs)} events{also}")
            for ev, ids in evs:
                mates = sorted(x for x in ids if x in members and x != mid)
                strays = sorted(x for x in ids if x in first and x not in members)
                sub = ev.get("sub_event_type") or ev.get("event_type")
                line = (f"    {ev.get('id')} {sub} | {_date(ev.get('date'))} | {_place(ev.get('location'))}"
                        f" | {len(ev.get('documents', []))} docs")
                if mates:
                    line += f" | with {len(mates)} of this cluster"
                if strays:
                    line += f" | with {len(strays)} of other clusters"
                print(line)
                own = [x for x in ev.get("mentions", []) if ext.get(x.get("document")) == mid]
                if own:
                    text = " ".join(str((own[0].get("evidence") or {}).get("sentence") or own[0].get("sentence") or "").split())
                    print(f"      \"{text[:140]}\"")


# ----------------------------------------------------------------------- oracle
_LEVEL = re.compile(r"\s*\([^)]*\)\s*")


def _levels(location: str) -> tuple[str, ...]:
    return tuple(_LEVEL.sub("", part).strip() for part in location.split(":") if part.strip())


def _day(date: str) -> str:
    """The last day a MUC date names ("- 22 NOV 89": on or before; "20 SEP 89 - 22 SEP 89"), zero-padded."""
    m = re.findall(r"(\d{1,2}) ([A-Z]{3}) (\d{2})", date)
    return f"{int(m[-1][0]):02d} {m[-1][1]} {m[-1][2]}" if m else ""


def _incidents(message: dict, top: int) -> set[tuple]:
    out = set()
    for t in message.get("gold_templates", []):
        day = _day(" ".join(t.get("INCIDENT: DATE", [])))
        for loc in t.get("INCIDENT: LOCATION", []) or ["-"]:
            for kind in t.get("INCIDENT: TYPE", []) or ["-"]:
                if day and loc != "-":
                    out.add((day, _levels(loc)[:top], kind))
    return out


def _same(a: tuple, b: tuple, with_type: bool) -> bool:
    """One incident: same day, one location inside the other, and (optionally) the same type."""
    inside = a[1][: len(b[1])] == b[1] or b[1][: len(a[1])] == a[1]
    return a[0] == b[0] and inside and (not with_type or a[2] == b[2])


def oracle(corpus: Path, scorer: Path, tmp: Path, run_events: Path, run_documents: Path) -> None:
    """Score fusions built from the gold templates: ceilings for a pipeline that fuses perfectly.

    Also scores this run against the silver clusters with their granularity splits merged, the
    reading of the silver that the ceiling's second line takes.
    """
    clusters_path = corpus / "incident_clusters.json"
    clusters = json.loads(clusters_path.read_text(encoding="utf-8"))
    messages = {m["id"]: m for m in read_jsonl(corpus / "messages.jsonl")}
    docs = tmp / "oracle_documents.jsonl"
    docs.write_text("".join(json.dumps({"id": mid, "external_id": mid}) + "\n" for mid in messages), encoding="utf-8")

    def write(name: str, groups: list[list[str]]) -> Path:
        path = tmp / f"oracle_{name}.jsonl"
        path.write_text("".join(json.dumps({"documents": g}) + "\n" for g in groups if len(g) > 1), encoding="utf-8")
        return path

    variants = {"the silver clusters themselves": [c["message_ids"] for c in clusters]}
    # one real incident split into two silver clusters by location granularity ("EL SALVADOR" vs
    # "EL SALVADOR: SAN SALVADOR (CITY)"): merged when their keys agree on day and type and one place holds the other
    keys = [(_day(c["cluster_key"]["incident_date"]), _levels(c["cluster_key"]["incident_location"]),
             c["cluster_key"]["incident_type"]) for c in clusters]
    group = list(range(len(clusters)))
    for i, j in itertools.combinations(range(len(clusters)), 2):
        if _same(keys[i], keys[j], True):
            gi, gj = group[i], group[j]
            group = [gi if g == gj else g for g in group]
    merged = defaultdict(list)
    for i, g in enumerate(group):
        merged[g].append(i)
    joined = [ids for ids in merged.values() if len(ids) > 1]
    variants[f"silver clusters, granularity splits merged: {' '.join('+'.join(map(str, j)) for j in joined)}"] = [
        sorted({m for i in ids for m in clusters[i]["message_ids"]}) for ids in merged.values()]
    for top, with_type, label in ((2, True, "gold incidents, same day, nested place (top 2 levels), same type"),
                                  (2, False, "gold incidents, same day, nested place (top 2 levels), any type"),
                                  (1, True, "gold incidents, same day, same country, same type")):
        inc = {mid: _incidents(m, top) for mid, m in messages.items()}
        pairs = [[a, b] for a, b in itertools.combinations(sorted(messages), 2)
                 if any(_same(x, y, with_type) for x in inc[a] for y in inc[b])]
        variants[label] = pairs
    for label, groups in variants.items():
        print(f"oracle ({label}): {score(scorer, clusters_path, write(str(len(label)), groups), docs)}")
    # each message counts in its first cluster (as the scorer reads the silver), then in that cluster's group
    first: dict[str, int] = {}
    for i, c in enumerate(clusters):
        for mid in c["message_ids"]:
            first.setdefault(mid, i)
    regrouped = [{"cluster_key": clusters[min(ids)]["cluster_key"],
                  "message_ids": [mid for mid, i in first.items() if group[i] == g]}
                 for g, ids in sorted(merged.items(), key=lambda kv: min(kv[1]))]
    merged_path = tmp / "silver_merged.json"
    merged_path.write_text(json.dumps(regrouped), encoding="utf-8")
    print(f"this run against the silver with its granularity splits merged: "
          f"{score(scorer, merged_path, run_events, run_documents)}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--keep", help="folder to keep the input, exports and database in")
    ap.add_argument("--verbose", action="store_true", help="per silver cluster: each message's events")
    ap.add_argument("--oracle", action="store_true", help="also score fusions built from the gold templates")
    args = ap.parse_args()
    shared = Path(args.shared).resolve()
    corpus = shared / CORPUS
    scorer = shared / "eval" / "muc_score.py"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(args.keep).resolve() if args.keep else Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        inp = out / "muc.jsonl"
        converted = muc_input(shared)
        if converted is None:
            return 1
        inp.write_text(converted, encoding="utf-8")
        db_file = out / "muc.db"
        db_file.unlink(missing_ok=True)
        if not ingest_and_export(f"sqlite:///{db_file}", inp, out):
            return 1
        line = score(scorer, corpus / "incident_clusters.json", out / "events.jsonl", out / "documents.jsonl")
        print(line)
        if args.verbose:
            verbose(corpus, read_jsonl(out / "events.jsonl"), read_jsonl(out / "documents.jsonl"))
        if args.oracle:
            oracle(corpus, scorer, Path(tmp), out / "events.jsonl", out / "documents.jsonl")
    return below_floors(line)


def below_floors(line: str) -> int:
    """1 (and a BELOW FLOOR line per figure) when the score line falls under tests/muc_baseline.json."""
    m = _FIGURES.search(line)
    if m is None:
        print("BELOW FLOOR: no score line", file=sys.stderr)
        return 1
    floors = json.loads(BASELINE.read_text(encoding="utf-8"))
    return check_floors({k: float(v) for k, v in m.groupdict().items()}, floors)


if __name__ == "__main__":
    sys.exit(main())
