"""The provenance index kept in the database: a new document finds its copies by lookup.

``ProvenanceIndex`` holds every document's LSH tables in memory and assigns
every story at once; this keeps the same MinHash bands in an indexed table
(``prov_bands``; the newest in ``prov_bands_recent`` until merged), the
content-unit signature and the normalised-text key of each document
(``prov_sketches``) and every verified copy link (``prov_links``).  Adding a document:

1. sketches it (``sketcher.Sketcher``, datasketch ``MinHash``) and cuts each
   signature into the bands ``MinHashLSH`` would use for the same threshold;
2. looks its bands up: documents sharing one are candidates, as are earlier
   documents with the same normalised text; names-and-numbers bands are
   looked up in the other languages only;
3. verifies each candidate (``index.verify``) and stores the links found.

A pass indexes its documents a page at a time (``add_all``): the page's lookups
of what was stored before it are asked together, each document also meets the
page's earlier ones, and the pairs are verified once the page is indexed; the
candidates, keys and links are those of adding one document at a time.

``assign`` then re-decides only the stories the new documents touch: the
components of the stored links that hold a new document, by the same
``assign_groups`` the in-memory index uses, so stories and copy links are
the same as a full pass would give.  Nothing reads every document.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from datasketch import MinHash
from datasketch.lsh import _optimal_param
from sqlalchemy.orm import Session

from ..model import Provenance
from ..store import provenance_index as px
from .drift import DriftDetector
from .index import (MIN_FEATURES, NEAR_DUP_LSH_THRESHOLD, REWRITE_LSH_THRESHOLD,
                    TRANSLATION_LSH_THRESHOLD, DocInfo, _identity, assign_groups, verify, worth_verifying)
from .shingles import DocFeatures, Lexicon, features, load_lexicon
from .sketcher import Sketcher
from .stories import Link

THRESHOLDS = {"shingles": NEAR_DUP_LSH_THRESHOLD, "units": REWRITE_LSH_THRESHOLD, "anchors": TRANSLATION_LSH_THRESHOLD}
# MinHashLSH's defaults: false positives and false negatives weigh the same
FALSE_POSITIVE_WEIGHT = FALSE_NEGATIVE_WEIGHT = 0.5


class StoredIndex:
    """Provenance over the database in ``session``; one instance per provenance pass."""

    def __init__(self, session: Session, load: Callable[[list[str]], list[DocInfo]], *, num_perm: int = 128,
                 lexicon: Lexicon | None = None, drift_detector: DriftDetector | None = None) -> None:
        self.session, self._load, self.num_perm = session, load, num_perm
        self.lex = lexicon or load_lexicon()
        self._sketcher = Sketcher(self.lex)
        self._drift = drift_detector or DriftDetector(self.lex)
        self._template = MinHash(num_perm=num_perm, seed=1, hashfunc=_identity)
        self._ranges = {kind: _band_ranges(t, num_perm) for kind, t in THRESHOLDS.items()}
        self._docs: dict[str, DocInfo] = {}  # the documents this pass has read
        self._features: dict[str, DocFeatures] = {}  # ... and the features of those it verified
        self._new: list[str] = []
        self._languages: list[str] | None = None  # read once a pass (the pass holds the write lock)
        self.candidates = 0

    def _minhash(self, values) -> MinHash:
        m = MinHash(num_perm=self.num_perm, hashfunc=_identity, permutations=self._template.permutations,
                    scheme=self._template.scheme)
        m.update_batch(list(values))
        return m

    def _bands(self, kind: str, m: MinHash, language: str = "") -> list[int]:
        tag = f"{kind}:{language}:".encode()
        return [_fold(tag + str(i).encode() + b":" + m.hashvalues[a:b].tobytes())
                for i, (a, b) in enumerate(self._ranges[kind])]

    def add(self, doc: DocInfo) -> None:
        """Index a new document and store the links to its copies (documents come in ingestion order)."""
        self.add_all([doc])

    def add_all(self, docs: list[DocInfo]) -> None:
        """``add`` each of ``docs`` in order, with the page's lookups asked together.

        A document's candidates are the stored documents sharing a band or its normalised text, and
        the documents of this page before it.  So the page is sketched first, what was stored before
        it is looked up in a few statements (the bands of every document, then their owners), each
        document then finds its candidates there and among the page's earlier documents (kept here,
        written at the end of the page), in order: the same candidates, sketch keys and rows as adding
        one at a time, which cost ~6 statements a document (6,000 a batch of 1,000).
        """
        sketched = px.sketched_ids(self.session, [d.id for d in docs])
        todo, seen = [], set(self._docs) | sketched
        for d in docs:  # each id once, as ``add`` one at a time would skip a repeated one
            if d.id not in seen:
                seen.add(d.id)
                todo.append(d)
        if not todo:
            return
        page = _Page([self._sketch(d) for d in todo])
        page.stored_first = px.first_with_dup_keys(self.session, {s.dup_key for s in page.sketches})
        self._look_up(page, [b for s in page.sketches for b in self._lookup_bands(s)])
        found = [self._candidates(page, s) for s in page.sketches]
        weak_stored = {o for strong, weak in found for o in weak - strong if o not in page.units}
        sigs = px.unit_sketches(self.session, weak_stored) if weak_stored else {}
        pairs = []
        for s, (strong, weak) in zip(page.sketches, found):
            if weak - strong:
                weak = {o for o in weak - strong if _prefilter(s.units, page.units[o] if o in page.units else sigs.get(o))}
            self.candidates += len(strong | weak)
            pairs.append((s.doc.id, sorted(strong | weak)))
        keys = px.add_sketches(self.session, [(s.doc.id, s.dup_key, s.units_bytes) for s in page.sketches])
        px.add_bands_many(self.session, [(keys[s.doc.id], s.stored_bands) for s in page.sketches])
        self._verify(pairs)

    def _sketch(self, doc: DocInfo) -> _Sketched:
        """What indexing ``doc`` needs: its sketches, and each kind's bands worked out once."""
        f = self._sketcher.sketch(doc.text)
        kinds = {"shingles": f.shingles, "units": f.units, "anchors": f.anchors}
        sketches = {k: self._minhash(v) for k, v in kinds.items() if len(v) >= MIN_FEATURES}
        own = {k: self._bands(k, sketches[k]) for k in ("shingles", "units") if k in sketches}
        units = sketches["units"].hashvalues if "units" in sketches else None
        return _Sketched(doc, f.dup_key, sketches, own, units,
                         units.astype(np.uint32).tobytes() if units is not None else None)

    def _lookup_bands(self, s: _Sketched) -> list[int]:
        return [b for bs in s.own.values() for b in bs] + self._anchor_lookups(s)

    def _anchor_lookups(self, s: _Sketched) -> list[int]:
        """Names and numbers: looked up in the other languages only (those known now)."""
        if "anchors" not in s.sketches:
            return []
        return [b for lang in self._langs() if lang != s.doc.language
                for b in self._bands("anchors", s.sketches["anchors"], lang)]

    def _look_up(self, page: _Page, bands: list[int]) -> None:
        """The stored owners of those of ``bands`` not asked yet (stored before the page: unchanged)."""
        ask = set(bands) - page.asked
        if not ask:
            return
        page.asked |= ask
        hits = px.band_hits(self.session, ask)
        ids = px.ids_of_keys(self.session, {k for keys in hits.values() for k in keys})
        for band, keys in hits.items():
            page.stored_hits[band] = {ids[k] for k in keys if k in ids}

    def _candidates(self, page: _Page, s: _Sketched) -> tuple[set[str], set[str]]:
        """(candidates never prefiltered, content-unit candidates to prefilter), as document ids; then
        ``s`` joins the page's documents that later ones look up (its bands, text key, languages)."""
        doc = s.doc
        first = page.stored_first.get(s.dup_key) or page.first.get(s.dup_key)
        strong = {first} if first else set()
        bands: dict[str, list[int]] = dict(s.own)
        if "anchors" in s.sketches:
            bands["anchors"] = self._anchor_lookups(s)
            self._look_up(page, bands["anchors"])  # a language a document of this page added
        found = {k: {i for b in bs for i in (*page.stored_hits.get(b, ()), *page.bands.get(b, ()))}
                 for k, bs in bands.items()}
        strong |= {i for k in ("shingles", "anchors") for i in found.get(k, ())}
        weak = set(found.get("units", ()))
        s.stored_bands = [b for k in ("shingles", "units") if k in s.own for b in s.own[k]]
        if "anchors" in s.sketches:
            s.stored_bands += self._bands("anchors", s.sketches["anchors"], doc.language)
            if doc.language not in self._langs():
                px.add_language(self.session, doc.language)
                self._languages = px.languages(self.session)
        self._docs[doc.id] = doc
        self._new.append(doc.id)
        page.first.setdefault(s.dup_key, doc.id)
        for b in s.stored_bands:
            page.bands.setdefault(b, []).append(doc.id)
        page.units[doc.id] = s.units_bytes
        return strong - {doc.id}, weak - {doc.id}

    def _langs(self) -> list[str]:
        if self._languages is None:
            self._languages = px.languages(self.session)
        return self._languages

    def _feats(self, i: str) -> DocFeatures:
        if i not in self._features:
            self._features[i] = features(self._docs[i].text, self.lex)
        return self._features[i]

    def _read(self, ids) -> None:
        missing = [i for i in ids if i not in self._docs]
        if missing:
            self._docs.update((d.id, d) for d in self._load(missing))

    def _verify(self, pairs: list[tuple[str, list[str]]]) -> None:
        """Verify each new document against its candidates and store the links found.

        Done for a page of documents once they are all indexed, not document by document: what a
        document's candidates are does not depend on links, so the pairs and links are the same, and
        the candidates are read in one statement a page (one a document: 0.9 s of a profiled batch of
        1,000) and the links written by one executemany (an ORM ``merge`` each, a select apiece:
        1.3 s), in the order they were found, as before.
        """
        self._read(sorted({o for _, others in pairs for o in others}))
        links = []
        for new, others in pairs:
            for o in others:
                a, b = sorted((new, o))
                link = verify(self._docs[a], self._feats(a), self._docs[b], self._feats(b))
                if link is not None:
                    links.append(link)
        px.add_links(self.session, links)

    def assign(self) -> dict[str, Provenance]:
        """Story, copy_of and drift of every document in a story a new document touches."""
        group, links = set(self._new), {}
        frontier = set(self._new)
        while frontier:  # the stored links' components that hold a new document
            found = px.links_of(self.session, frontier)
            links.update(((r.a, r.b), Link(r.a, r.b, r.relation, r.similarity, r.reason)) for r in found)
            frontier = {x for r in found for x in (r.a, r.b)} - group
            group |= frontier
        self._read(sorted(group))
        out, _counts = assign_groups({i: self._docs[i] for i in group}, list(links.values()), self._feats, self._drift)
        return out


@dataclass
class _Sketched:
    """One document of a page, sketched; ``stored_bands`` are those it is stored under."""

    doc: DocInfo
    dup_key: str
    sketches: dict[str, MinHash]
    own: dict[str, list[int]]  # shingles and units bands: looked up and stored
    units: np.ndarray | None  # the content-unit signature (prefilter)
    units_bytes: bytes | None  # ... as stored
    stored_bands: list[int] = field(default_factory=list)


@dataclass
class _Page:
    """A page of documents being indexed: what was stored before it, as looked up, and its own
    documents so far (``first``, ``bands``, ``units``), which the stored index does not hold yet."""

    sketches: list[_Sketched]
    stored_first: dict[str, str] = field(default_factory=dict)  # dup key -> first stored document
    stored_hits: dict[int, set[str]] = field(default_factory=dict)  # band -> stored documents
    asked: set[int] = field(default_factory=set)  # bands looked up in the store
    first: dict[str, str] = field(default_factory=dict)
    bands: dict[int, list[str]] = field(default_factory=dict)
    units: dict[str, bytes | None] = field(default_factory=dict)


@lru_cache(maxsize=None)
def _band_ranges(threshold: float, num_perm: int) -> tuple[tuple[int, int], ...]:
    """The (start, end) of each band MinHashLSH would use; worked out once per process (a numerical
    integration that took 0.4 s of every ingest)."""
    bands, rows = _optimal_param(threshold, num_perm, FALSE_POSITIVE_WEIGHT, FALSE_NEGATIVE_WEIGHT)
    return tuple((i * rows, (i + 1) * rows) for i in range(bands))


def _fold(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big", signed=True)


def _prefilter(mine: np.ndarray | None, theirs: bytes | None) -> bool:
    """``index.worth_verifying`` on a signature read back from the store (stored as uint32)."""
    return worth_verifying(mine, None if theirs is None else np.frombuffer(theirs, dtype=np.uint32))
