"""Decide how two candidate documents are related, group copies into stories and pick each story's original.

The cascade in ``relate`` runs cheapest first and stops at the first relation
that holds:

1. duplicate       - equal text after normalisation (case, punctuation, spacing);
2. near-duplicate  - the shorter text's 5-shingles are almost all in the longer
                     (chrome such as navigation or captions added around one text);
3. rewrite         - few shared shingles but many shared content words, names and
                     numbers, *and* most sentences of the shorter text restate a
                     sentence of the other one-to-one (what separates a spun copy or
                     a paraphrase from an independent report of the same event,
                     which shares names, numbers and quotes but not its sentences);
4. translation     - different languages, sentence after sentence carrying the
                     same names and numbers.

Before 2-4 are accepted, ``_is_expansion`` rules out a later article that
embeds an earlier one after new leading material: that is a new article
reusing text, not a copy (an excerpt copy matches the *top* of its source).

Stories are connected components of the accepted links; the original is the
member that is not a spun rewrite (``fluency.spun_copies``: of two rewrites of
each other, the one whose own wording is markedly rarer; a content farm's
copy often carries a date of its own, so fluency comes before dates), then
the earliest reliable date, then the highest fidelity (mean similarity to the
members it was linked with), then a known outlet over a site guessed from a
URL, then the smallest id, so the choice is deterministic.
"""
from __future__ import annotations

import re

from dataclasses import dataclass
from datetime import date

from eventwire.data import lexicon_words as words

from .align import MIN_SENTENCE_UNITS, restated_pairs
from .shingles import DocFeatures, containment, jaccard

# --- near-duplicates ------------------------------------------------------
# Share of the shorter text's 5-shingles found in the longer.  A copy with
# chrome keeps ~1.0 (measured: 1.00 for a page embedding another verbatim);
# independent reports of one event share at most 0.27 (a common quotation)
# in a 48-article news sample and 0.09 on the dev set.
NEAR_DUP_CONTAINMENT = 0.80

# --- rewrites --------------------------------------------------------------
# Jaccard of content units (stems through synonym groups).  Measured: spun
# copy 0.68, paraphrase 0.42-0.47, independent reports of the same event
# 0.21-0.37, unrelated articles on the same war <= 0.25.  Only a gate: the
# restated share below does the separating.
REWRITE_MIN_UNIT_JACCARD = 0.30
# Share of the shorter text's sentences that restate a sentence of the other
# one-to-one.  Measured: spun copy 0.85, paraphrase 0.59-0.65; independent
# reports of the same event 0.12-0.33 (shared quotes and attributions).
REWRITE_MIN_RESTATED_SHARE = 0.50
# ... and at least this many restated sentences (a two-line blurb proves nothing).
REWRITE_MIN_RESTATED = 3
# Jaccard of names (loose keys) when both texts name at least
# ``MIN_NAMES_FOR_CHECK`` things; a rewrite keeps its cast (measured 0.53-0.83).
REWRITE_MIN_NAME_JACCARD = 0.30
MIN_NAMES_FOR_CHECK = 4

# --- translations ----------------------------------------------------------
# Share of the shorter text's sentences whose names+numbers match a sentence
# of the other one-to-one (Jaccard >= TRANSLATION_SENTENCE_ANCHORS).  Not
# calibrated on real translations (none in the dev data): set conservatively.
TRANSLATION_MIN_SHARE = 0.60
TRANSLATION_SENTENCE_ANCHORS = 0.60
TRANSLATION_MIN_SENTENCES = 3

# --- expansions ------------------------------------------------------------
# A longer text whose first restated sentence starts after this many
# characters and after this share of its length embeds the shorter one after
# new material.  Chrome above a copied text is rarely more than a few lines.
EXPANSION_MIN_LEAD_CHARS = 600
EXPANSION_MIN_LEAD_SHARE = 0.20
# ... unless the longer text is mostly restated anyway.
EXPANSION_MAX_COVERAGE = 0.80

RELATION_RANK = {"duplicate": 0, "near-duplicate": 1, "rewrite": 2, "translation": 3}


@dataclass(frozen=True)
class Link:
    a: str
    b: str
    relation: str
    similarity: float
    reason: str


@dataclass(frozen=True)
class Member:
    """What root selection needs of a document."""

    id: str
    published: date | None
    published_reliable: bool
    known_outlet: bool
    language: str
    text_length: int


def _is_expansion(fa: DocFeatures, fb: DocFeatures, pairs) -> bool:
    """True when the longer text restates the shorter only after a long new lead (see module doc)."""
    len_a = sum(len(s.text) for s in fa.sentences)
    len_b = sum(len(s.text) for s in fb.sentences)
    longer, idx = (fa, 0) if len_a >= len_b else (fb, 1)
    if not pairs:
        return False
    matched = [p[idx] for p in pairs]
    long_sents = [s for s in longer.sentences if len(s.units) >= MIN_SENTENCE_UNITS]
    if long_sents and len(matched) / len(long_sents) >= EXPANSION_MAX_COVERAGE:
        return False
    first = min(s.start for s in matched)
    total = max(1, longer.sentences[-1].end if longer.sentences else 1)
    return first >= EXPANSION_MIN_LEAD_CHARS and first / total >= EXPANSION_MIN_LEAD_SHARE


def relate(a: str, fa: DocFeatures, lang_a: str, b: str, fb: DocFeatures, lang_b: str) -> Link | None:
    """The relation between two documents, or None when neither is a copy of the other."""
    if fa.dup_key == fb.dup_key:
        return Link(a, b, "duplicate", 1.0, "same text after normalisation")
    if lang_a != lang_b:
        return _translation(a, fa, b, fb)
    c5 = containment(fa.shingles, fb.shingles)
    if c5 >= NEAR_DUP_CONTAINMENT:
        pairs = restated_pairs(fa.sentences, fb.sentences)
        if _is_expansion(fa, fb, pairs):
            return None
        j5 = jaccard(fa.shingles, fb.shingles)
        return Link(a, b, "near-duplicate", round(c5, 3), f"5-shingle containment {c5:.2f}, Jaccard {j5:.2f}")
    u = jaccard(fa.units, fb.units)
    if u < REWRITE_MIN_UNIT_JACCARD:
        return None
    if len(fa.entities) >= MIN_NAMES_FOR_CHECK and len(fb.entities) >= MIN_NAMES_FOR_CHECK:
        if jaccard(fa.entities, fb.entities) < REWRITE_MIN_NAME_JACCARD:
            return None
    pairs = restated_pairs(fa.sentences, fb.sentences)
    na = sum(1 for s in fa.sentences if len(s.units) >= MIN_SENTENCE_UNITS)
    nb = sum(1 for s in fb.sentences if len(s.units) >= MIN_SENTENCE_UNITS)
    if not na or not nb:
        return None
    share = len(pairs) / min(na, nb)
    if share < REWRITE_MIN_RESTATED_SHARE or len(pairs) < REWRITE_MIN_RESTATED:
        return None
    if _is_expansion(fa, fb, pairs):
        return None
    n = jaccard(fa.numbers, fb.numbers)
    return Link(
        a, b, "rewrite", round(share, 3),
        f"{len(pairs)} sentences restated ({share:.2f} of the shorter text); content-word Jaccard {u:.2f}, "
        f"5-shingle Jaccard {jaccard(fa.shingles, fb.shingles):.2f}, numbers Jaccard {n:.2f}",
    )


def _anchors(s) -> frozenset[str]:
    return frozenset(n.lower()[:5] for n in s.entities) | s.numbers


def _translation(a: str, fa: DocFeatures, b: str, fb: DocFeatures) -> Link | None:
    """Cheap translation check: sentences in order carry the same names and numbers."""
    sa = [x for s in fa.sentences if len(x := _anchors(s)) >= 2]
    sb = [x for s in fb.sentences if len(x := _anchors(s)) >= 2]
    if min(len(sa), len(sb)) < TRANSLATION_MIN_SENTENCES:
        return None
    used: set[int] = set()
    hits = 0
    for x in sa:
        for j, y in enumerate(sb):
            if j not in used and jaccard(x, y) >= TRANSLATION_SENTENCE_ANCHORS:
                used.add(j)
                hits += 1
                break
    share = hits / min(len(sa), len(sb))
    if share < TRANSLATION_MIN_SHARE or hits < TRANSLATION_MIN_SENTENCES:
        return None
    return Link(a, b, "translation", round(share, 3), f"{hits} sentences carry the same names and numbers")


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


def components(ids: list[str], links: list[Link]) -> list[list[str]]:
    """Connected components over the links, each sorted by id, in order of their first id."""
    uf = _UnionFind()
    for i in ids:
        uf.find(i)
    for link in links:
        uf.union(link.a, link.b)
    groups: dict[str, list[str]] = {}
    for i in sorted(ids):
        groups.setdefault(uf.find(i), []).append(i)
    return list(groups.values())


def fidelity(member: str, links: list[Link]) -> float:
    """Mean similarity of a member's links: the original is what every copy resembles most."""
    sims = [l.similarity for l in links if member in (l.a, l.b)]
    return sum(sims) / len(sims) if sims else 0.0


def choose_root(members: list[Member], links: list[Link], spun: frozenset[str] = frozenset()) -> Member:
    """Not a spun rewrite, then earliest reliable date, fidelity, a known outlet, id (see module doc)."""
    def key(m: Member):
        dated = m.published is not None and m.published_reliable
        return (
            1 if m.id in spun else 0,
            0 if dated else 1,
            m.published.toordinal() if dated else 0,
            -round(fidelity(m.id, links), 6),
            0 if m.known_outlet else 1,
            m.id,
        )
    return min(members, key=key)


def story_id(root_id: str) -> str:
    """"s_" + the root's id without its "d_" prefix: stable as long as the root is."""
    return "s_" + (root_id[2:] if root_id.startswith("d_") else root_id)


def weakest(relations: list[str]) -> str:
    return max(relations, key=lambda r: RELATION_RANK[r])


# relations a scraper's template (a site's standard box captured instead of the article) can fake
TEMPLATE_PRONE = ("duplicate", "near-duplicate")
_TITLE_WORD = re.compile(r"[^\W\d_]{4,}")

# headline words that say nothing of a story (data/lexicons/function_words.json)
TITLE_STOP = words("function_words", "headline_stop_words")


def unrelated_titles(a: str | None, b: str | None) -> bool:
    """Two headlines that share no content word: different articles, whatever their bodies say.

    A content farm's copy keeps the original headline inside its spam one, so
    copies still share words; only missing or unrelated headlines are told apart.
    """
    if not a or not b:
        return False
    wa = {w.lower() for w in _TITLE_WORD.findall(a)} - TITLE_STOP
    wb = {w.lower() for w in _TITLE_WORD.findall(b)} - TITLE_STOP
    return bool(wa) and bool(wb) and not (wa & wb)

