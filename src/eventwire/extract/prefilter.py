"""Which sentences are worth parsing.

The parser is most of extraction's cost (measured: ~70% of the time), and in a
news article most sentences report no event and no claim.  A sentence is
parsed only when a cheap regular expression finds a word that could make it
matter: an event trigger, a weapon, a casualty or damage word, or a control
phrase.  (A sentence that only names a speaker is skipped: a later "he said"
then resolves to the last speaker the parsed sentences named.)
The words come from the same lexicons the extractor uses, with their
inflections, so the filter cannot drift from them.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from eventwire.data import load_json

# a rough sentence end: . ! ? (and closing quotes) followed by space and a capital, quote or digit
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")


def split_sentences(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) offsets of rough sentences; cheap, only for choosing what to parse."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(paragraph):
        spans.append((start, m.start()))
        start = m.end()
    if start < len(paragraph):
        spans.append((start, len(paragraph)))
    return [(a, b) for a, b in spans if paragraph[a:b].strip()]


def _forms(word: str, irregular: dict[str, list[str]]) -> set[str]:
    """The word and its regular inflections (-s, -es, -ed, -ing, -ies, doubled consonant)."""
    w = word.lower()
    out = {w, w + "s", w + "es", w + "ed", w + "d", w + "ing", w + "er", w + "ers"}
    if w.endswith("e"):
        out |= {w[:-1] + "ing", w[:-1] + "ed"}
    if w.endswith("y"):
        out |= {w[:-1] + "ies", w[:-1] + "ied"}
    if len(w) > 2 and w[-1] not in "aeiouwxy" and w[-2] in "aeiou" and w[-3] not in "aeiou":
        out |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    out |= set(irregular.get(w, ()))
    return out


class SentenceFilter:
    def __init__(self) -> None:
        types = load_json("lexicons", "event_types.json")
        claims = load_json("lexicons", "claims.json")
        irregular = load_json("lexicons", "irregular_forms.json")["forms"]
        words: set[str] = set()
        phrases: set[str] = set()

        def add(items: Iterable[str]) -> None:
            for item in items:
                item = item.strip().lower()
                if not item:
                    continue
                if " " in item or "-" in item:
                    phrases.add(item)
                    first = item.split()[0]
                    if len(first) > 3:
                        words.update(_forms(first, irregular))
                else:
                    words.update(_forms(item, irregular))

        for t in types["triggers"]:
            add(t.get("lemmas", []))
            add(t.get("phrases", []))
        for i in types["instruments"]:
            add(i.get("lemmas", []))
            add(i.get("phrases", []))
        for p in claims["properties"].values():
            add(p["lemmas"])
            add(p["phrases"])
        for stance in ("asserts", "denies"):
            add(claims["control"][stance])
        for phrases_of in claims["no_casualty_phrases"].values():
            add(phrases_of)
        words = {w for w in words if len(w) > 2}
        alternation = "|".join(sorted(map(re.escape, words | phrases), key=len, reverse=True))
        self._pattern = re.compile(r"\b(?:" + alternation + r")\b", re.IGNORECASE)

    def wanted(self, sentence: str) -> bool:
        return self._pattern.search(sentence) is not None
