"""A document's ``DocFeatures`` worked out only as far as the pair checks ask (``stories.relate``).

``relate`` reads a pair's normalised-text keys, then its 5-shingles, then its content units, and
stops there unless the shingles make it a near-duplicate, the languages differ, or the units meet
``REWRITE_MIN_UNIT_JACCARD``; only then does it read sentences, names and numbers.  The stored
index (``stored.StoredIndex``) verified ~2,000 documents a batch of 1,000 generated documents into
the 46k --scale database (the batch's and ~1,000 stored candidates), yet only ~170-180 of them
were in a pair that got past the units, or in a story ``assign`` re-decides (session 22, two
batches).  ``shingles.features`` builds a ``Token`` for every word and asks ``is_name`` of every
capitalised one; the first three fields need neither.

``PairFeatures`` works out ``dup_key``, ``shingles`` and ``units`` by ``surface``: the same
sentence spans, the same token expression over the same normalised text and the same per-word
facts as ``shingles._sentences``, so the same values (tests/provenance/test_pair_features.py
compares them with ``features`` over varied texts).  Any other field makes the whole
``features`` once, kept, and read from there.
"""
from __future__ import annotations

from .shingles import (TOKEN_RE, DocFeatures, Lexicon, duplicate_key, features, normalise, shingle_hashes,
                       split_sentences, word_facts)


def surface(text: str, lex: Lexicon) -> tuple[str, frozenset[int], frozenset[str]]:
    """(``dup_key``, ``shingles``, ``units``) of ``features(text, lex)``, without sentences, tokens or names:
    ``_sentences``'s words, span by span (a token never crosses a span's ends, so the words matched
    inside each span are those ``finditer`` finds there), and each word's facts."""
    norm = normalise(text)
    cache, findall = lex.word_cache, TOKEN_RE.findall
    units: set[str] = set()
    lowered: list[str] = []
    for s, e in split_sentences(text):
        for w in findall(norm, s, e):
            unit, _number, low = cache.get(w) or word_facts(w, lex)
            lowered.append(low)
            if unit:
                units.add(unit)
    return duplicate_key(text), shingle_hashes(lowered), frozenset(units)


class PairFeatures:
    """``DocFeatures`` of one text for the pair checks: the surface fields at once, the rest on demand."""

    __slots__ = ("dup_key", "shingles", "units", "_text", "_lex", "_whole")

    def __init__(self, text: str, lex: Lexicon) -> None:
        self.dup_key, self.shingles, self.units = surface(text, lex)
        self._text, self._lex = text, lex
        self._whole: DocFeatures | None = None

    def whole(self) -> DocFeatures:
        """``features`` of the text, worked out once (the text is then no longer held)."""
        if self._whole is None:
            self._whole = features(self._text, self._lex)
            self._text = None
        return self._whole

    @property
    def bigrams(self) -> frozenset[str]:
        return self.whole().bigrams

    @property
    def entities(self) -> frozenset[str]:
        return self.whole().entities

    @property
    def numbers(self) -> frozenset[str]:
        return self.whole().numbers

    @property
    def sentences(self) -> tuple:
        return self.whole().sentences
