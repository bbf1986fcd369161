"""The LSH sketch of a document: what ``add`` needs, without sentences or offsets.

``add`` only needs hashed feature sets, not sentences with offsets; this path
skips the Sentence/Token objects and caches per-word decisions, which makes
it ~4x faster than ``shingles.features`` (the benchmark's add() is dominated by it).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from . import shingles
from .shingles import (TOKEN_RE, Lexicon, content_unit, entity_key, load_lexicon, normalise, number_value,
                       shingle_hashes, token_hash)

_FAST_RE = re.compile(TOKEN_RE.pattern + r"|[.!?]|\n")


@dataclass(frozen=True)
class SketchFeatures:
    """What the LSH indexes need of a document (see ``DocFeatures`` for the full set)."""

    dup_key: str
    shingles: frozenset[int]
    units: tuple[int, ...]  # hashed content units (bigrams left out: a paraphrase keeps 0.18 of them)
    anchors: tuple[int, ...]  # hashed names and numbers


class Sketcher:
    """Sketches documents for the LSH indexes, remembering per-word decisions (one per index).

    The caches live on the instance, bounded by ``shingles.WORD_CACHE_SIZE``, so two
    indexes never share them and a long run does not grow them without end.
    """

    def __init__(self, lex: Lexicon | None = None) -> None:
        self.lex = lex or load_lexicon()
        self._units: dict[str, str | None] = {}
        self._numbers: dict[str, str | None] = {}

    def _remembered(self, cache: dict[str, str | None], compute, low: str) -> str | None:
        """``compute(low, lexicon)``, kept in ``cache`` (emptied at ``WORD_CACHE_SIZE`` words)."""
        got = cache.get(low, "")
        if got == "":
            if len(cache) >= shingles.WORD_CACHE_SIZE:
                cache.clear()
            got = cache[low] = compute(low, self.lex)
        return got

    def _unit(self, low: str) -> str | None:
        return self._remembered(self._units, content_unit, low)

    def _number(self, low: str) -> str | None:
        return self._remembered(self._numbers, number_value, low)

    def sketch(self, text: str) -> SketchFeatures:
        lex = self.lex
        raw = _FAST_RE.findall(normalise(text))
        words: list[str] = []
        lower: list[str] = []
        units: list[str] = []
        numbers: set[str] = set()
        capitalised: list[tuple[str, bool]] = []
        first = True
        known_unit = self._units.get  # ``_unit``'s look-up without a call a word (it is asked of every word)
        for w in raw:
            if w in ".!?\n":
                first = True
                continue
            low = w.lower()
            words.append(w)
            lower.append(low)
            u = known_unit(low, "")
            if u == "":
                u = self._unit(low)
            if u:
                units.append(u)
            if w[0].isdigit() or low in lex.number_words:
                if n := self._number(low):
                    numbers.add(n)
            elif w[0].isupper():
                capitalised.append((w, first))
            first = False
        return _sketch(lex, words, lower, units, numbers, capitalised)


def _sketch(lex: Lexicon, words: list[str], lower: list[str], units: list[str], numbers: set[str],
            capitalised: list[tuple[str, bool]]) -> SketchFeatures:
    lowercase_seen = {x for x, w in zip(lower, words) if w[0].islower()}
    names = {
        entity_key(w) for w, initial in capitalised
        if (not initial or w.lower() not in lowercase_seen)
        and w.lower().removesuffix("'s") not in lex.function_words
    }
    shingles = shingle_hashes(lower)
    return SketchFeatures(
        dup_key=hashlib.sha1(" ".join(lower).encode("utf-8")).hexdigest(),
        shingles=shingles,
        units=tuple(token_hash(u) for u in set(units)),
        anchors=tuple(token_hash("e:" + e) for e in names) + tuple(token_hash("n:" + n) for n in numbers),
    )
