"""The provenance index: add documents, then assign each a story, a copy link and drift.

Candidate pairs come from MinHash LSH, never from all pairs:

* a 5-shingle index finds near-duplicates (threshold NEAR_DUP_LSH_THRESHOLD);
* a content-unit index finds rewrites, whose shingles are mostly gone but
  whose content words are not (threshold REWRITE_LSH_THRESHOLD);
* a names+numbers index per language finds translation candidates (a
  document queries the other languages' indexes only);
* equal duplicate keys are paired directly.

Each document is queried against the documents added before it and then
inserted, so ``add`` is incremental; ``assign`` verifies the candidate pairs
(``stories.relate``), groups them into stories and runs the drift checks.
Features are recomputed in ``assign`` only for documents that have a
candidate, so memory stays at the LSH tables plus the texts.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..model import CopyLink, Provenance
from .drift import DriftDetector
from .fluency import spun_copies
from .shingles import DocFeatures, Lexicon, features, load_lexicon
from .sketcher import Sketcher
from .stories import (TEMPLATE_PRONE, Link, Member, choose_root, components, relate, story_id, unrelated_titles,
                      weakest)

# LSH thresholds are the Jaccard at which a pair becomes ~50% likely to be a
# candidate; set well below the verification thresholds so that recall is
# decided by the verification step, not by LSH banding.
# Near-duplicates with chrome measured 5-shingle Jaccard >= 0.65.
NEAR_DUP_LSH_THRESHOLD = 0.50
# Paraphrases measured content-unit Jaccard 0.42-0.47 (spun copies 0.68);
# unigrams only: adding bigrams pulled the paraphrase down to ~0.3.
REWRITE_LSH_THRESHOLD = 0.30
# Names and numbers survive translation; same-event reports share them too,
# which the sentence-level check in ``stories`` sorts out.
TRANSLATION_LSH_THRESHOLD = 0.40
# A unit-LSH candidate whose MinHash-estimated content-unit Jaccard is below
# this is dropped before the (costly) verification: the verification gate is
# 0.30 and the estimate's standard error at 128 permutations is ~0.04.
PREFILTER_UNIT_JACCARD = 0.22
# Documents with fewer features than this are too short to index reliably.
MIN_FEATURES = 3


def worth_verifying(a: np.ndarray | None, b: np.ndarray | None) -> bool:
    """The content units' MinHash signatures estimate a Jaccard high enough to verify the pair.

    A document with too few units has no signature (None): it is always verified.
    Both the in-memory index and the stored one (``stored.py``) decide by this.
    """
    if a is None or b is None:
        return True
    return float(np.mean(a == b)) >= PREFILTER_UNIT_JACCARD


@dataclass(frozen=True)
class DocInfo:
    """What provenance needs of a document; the pipeline builds it from a Document or DB rows."""

    id: str
    text: str
    published: date | None
    published_reliable: bool  # False when the date is missing or flagged as conflicting
    outlet: str | None
    language: str
    known_outlet: bool = False  # True when outlet came from record/page metadata, not a URL host guess
    title: str | None = None  # the headline: one body under unrelated headlines is a site template


@dataclass
class IndexStats:
    """Timings for the benchmark (seconds) and counts."""

    features_seconds: float = 0.0
    minhash_seconds: float = 0.0
    insert_seconds: float = 0.0
    query_seconds: float = 0.0
    verify_seconds: float = 0.0
    drift_seconds: float = 0.0
    documents: int = 0
    candidate_pairs: int = 0
    links: int = 0
    by_relation: dict[str, int] = field(default_factory=dict)
    candidates_by_kind: dict[str, int] = field(default_factory=dict)  # LSH hits before de-duplication


def _identity(x: int) -> int:
    return x


class ProvenanceIndex:
    """Incremental index of documents; ``assign`` returns a ``Provenance`` for every added document."""

    def __init__(self, *, num_perm: int = 128, lexicon: Lexicon | None = None,
                 drift_detector: DriftDetector | None = None) -> None:
        self.num_perm = num_perm
        self.lex = lexicon or load_lexicon()
        self._sketcher = Sketcher(self.lex)
        self._drift = drift_detector or DriftDetector(self.lex)
        self._docs: dict[str, DocInfo] = {}
        self._lsh = {
            "shingles": MinHashLSH(threshold=NEAR_DUP_LSH_THRESHOLD, num_perm=num_perm),
            "units": MinHashLSH(threshold=REWRITE_LSH_THRESHOLD, num_perm=num_perm),
        }
        # one names+numbers index per language: a monolingual corpus never queries them
        self._anchor_lsh: dict[str, MinHashLSH] = {}
        self._template = MinHash(num_perm=num_perm, seed=1, hashfunc=_identity)
        self._dup_first: dict[str, str] = {}
        self._candidates: set[tuple[str, str]] = set()
        self._strong: set[tuple[str, str]] = set()  # duplicate-key or shingle candidates: never prefiltered
        self._unit_sig: dict[str, np.ndarray] = {}  # 128 x uint32 per document (512 bytes)
        self.stats = IndexStats()

    # ------------------------------------------------------------------ add
    def _minhash(self, values) -> MinHash:
        m = MinHash(num_perm=self.num_perm, hashfunc=_identity, permutations=self._template.permutations,
                    scheme=self._template.scheme)
        m.update_batch(list(values))
        return m

    def add(self, doc: DocInfo) -> None:
        """Index a document; adding an id a second time does nothing."""
        if doc.id in self._docs:
            return
        self._docs[doc.id] = doc
        self.stats.documents += 1
        t0 = time.perf_counter()
        f = self._sketcher.sketch(doc.text)
        t1 = time.perf_counter()
        self.stats.features_seconds += t1 - t0

        first = self._dup_first.setdefault(f.dup_key, doc.id)
        if first != doc.id:
            self._candidates.add(tuple(sorted((first, doc.id))))
            self._strong.add(tuple(sorted((first, doc.id))))

        kinds = {"shingles": f.shingles, "units": f.units, "anchors": f.anchors}
        sketches = {k: self._minhash(v) for k, v in kinds.items() if len(v) >= MIN_FEATURES}
        t2 = time.perf_counter()
        self.stats.minhash_seconds += t2 - t1
        anchors = sketches.pop("anchors", None)
        found = [(kind, other) for kind, m in sketches.items() for other in self._lsh[kind].query(m)]
        if anchors is not None:
            found += [("anchors", other) for lang, lsh in sorted(self._anchor_lsh.items())
                      if lang != doc.language for other in lsh.query(anchors)]
        if "units" in sketches:
            self._unit_sig[doc.id] = sketches["units"].hashvalues
        for kind, other in found:
            pair = tuple(sorted((other, doc.id)))
            if kind == "units" and pair not in self._strong and not self._prefilter(other, doc.id):
                continue
            if kind != "units":
                self._strong.add(pair)
            self._candidates.add(pair)
            self.stats.candidates_by_kind[kind] = self.stats.candidates_by_kind.get(kind, 0) + 1
        t3 = time.perf_counter()
        self.stats.query_seconds += t3 - t2
        for kind, m in sketches.items():
            self._lsh[kind].insert(doc.id, m)
        if anchors is not None:
            if doc.language not in self._anchor_lsh:
                self._anchor_lsh[doc.language] = MinHashLSH(threshold=TRANSLATION_LSH_THRESHOLD, num_perm=self.num_perm)
            self._anchor_lsh[doc.language].insert(doc.id, anchors)
        self.stats.insert_seconds += time.perf_counter() - t3

    def _prefilter(self, a: str, b: str) -> bool:
        return worth_verifying(self._unit_sig.get(a), self._unit_sig.get(b))

    def __len__(self) -> int:
        return len(self._docs)

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self._docs

    # --------------------------------------------------------------- assign
    def assign(self) -> dict[str, Provenance]:
        """Story, copy_of and drift for every added document (deterministic for the same set)."""
        t0 = time.perf_counter()
        cache: dict[str, DocFeatures] = {}

        def feats(i: str) -> DocFeatures:
            if i not in cache:
                cache[i] = features(self._docs[i].text, self.lex)
            return cache[i]

        links = [link for a, b in sorted(self._candidates)
                 if (link := verify(self._docs[a], feats(a), self._docs[b], feats(b))) is not None]
        self.stats.candidate_pairs = len(self._candidates)
        self.stats.links = len(links)
        t1 = time.perf_counter()
        self.stats.verify_seconds = t1 - t0
        out, self.stats.by_relation = assign_groups(self._docs, links, feats, self._drift)
        self.stats.drift_seconds = time.perf_counter() - t1
        return out



def verify(da: DocInfo, fa: DocFeatures, db: DocInfo, fb: DocFeatures) -> Link | None:
    """The copy relation of a candidate pair (``stories.relate``), None when there is none.

    The same scraped box under two different headlines is two articles, not copies.
    """
    link = relate(da.id, fa, da.language, db.id, fb, db.language)
    if link is not None and link.relation in TEMPLATE_PRONE and unrelated_titles(da.title, db.title):
        return None
    return link


def _member(d: DocInfo) -> Member:
    return Member(d.id, d.published, d.published_reliable, d.known_outlet, d.language, len(d.text))


def assign_groups(docs: dict[str, DocInfo], links: list[Link], feats: Callable[[str], DocFeatures],
                  drift: DriftDetector) -> tuple[dict[str, Provenance], dict[str, int]]:
    """Story, copy_of and drift of ``docs`` given every verified link among them; and the count
    of copies per relation.  The stored index calls it on the stories a new document touches."""
    out: dict[str, Provenance] = {}
    by_pair = {(l.a, l.b): l for l in links}
    adjacency: dict[str, list[Link]] = {}
    for l in links:
        adjacency.setdefault(l.a, []).append(l)
        adjacency.setdefault(l.b, []).append(l)
    counts: dict[str, int] = {}
    for group in components(sorted(docs), links):
        if len(group) == 1:
            out[group[0]] = Provenance(document=group[0], story=story_id(group[0]))
            continue
        group_links = [l for i in group for l in adjacency.get(i, []) if l.a == i]
        spun = spun_copies([(l.a, l.b) for l in group_links if l.relation == "rewrite"], lambda i: feats(i).sentences,
                           [(l.a, l.b) for l in group_links if l.relation in TEMPLATE_PRONE])
        root = choose_root([_member(docs[i]) for i in group], group_links, spun)
        sid = story_id(root.id)
        out[root.id] = Provenance(document=root.id, story=sid)
        paths = _paths_from(root.id, adjacency)
        for i in group:
            if i != root.id:
                out[i] = _copy(docs[i], docs[root.id], sid, by_pair, paths[i], feats, drift)
                counts[out[i].copy_of.relation] = counts.get(out[i].copy_of.relation, 0) + 1
    return out, counts


def _copy(d: DocInfo, root: DocInfo, sid: str, by_pair: dict, path: list[Link],
          feats: Callable[[str], DocFeatures], drift: DriftDetector) -> Provenance:
    """A member's link to its story's root: direct, checked again, or the weakest on its path."""
    link = by_pair.get(tuple(sorted((d.id, root.id))))
    if link is None:
        link = relate(d.id, feats(d.id), d.language, root.id, feats(root.id), root.language)
    if link is None:  # linked only through other copies: weakest link on the path
        link = Link(d.id, root.id, weakest([l.relation for l in path]), min(l.similarity for l in path),
                    "via " + ", ".join(sorted({l.a for l in path} | {l.b for l in path})))
    changes = ()
    if link.relation in ("near-duplicate", "rewrite"):
        changes = drift(feats(d.id).sentences, feats(root.id).sentences)
    return Provenance(document=d.id, story=sid, copy_of=CopyLink(document=root.id, relation=link.relation,
                                                                  similarity=link.similarity), drift=changes)


def _paths_from(root: str, adjacency: dict[str, list[Link]]) -> dict[str, list[Link]]:
    """Breadth-first link paths from the root to every member (neighbours visited in id order)."""
    paths: dict[str, list[Link]] = {root: []}
    frontier = [root]
    while frontier:
        nxt = []
        for x in frontier:
            for l in sorted(adjacency.get(x, []), key=lambda l: (l.a, l.b)):
                y = l.b if l.a == x else l.a
                if y not in paths:
                    paths[y] = paths[x] + [l]
                    nxt.append(y)
        frontier = nxt
    return paths
