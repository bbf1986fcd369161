"""Which sentences are worth parsing.

The parser is most of extraction's cost (measured: ~70% of the time), and in a
news article most sentences report no event and no claim.  A sentence is
parsed only when a cheap regular expression finds a word that could make it
matter: an event trigger, a control phrase or a claim of responsibility, or a
casualty or damage word with a number beside it.  (A sentence that only names a speaker is skipped: a later "he said"
then resolves to the last speaker the parsed sentences named.)
The words come from the same lexicons the extractor uses, with their
inflections, so the filter cannot drift from them.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from eventwire.data import load_json
from eventwire.extract.number_kinds import YEAR
from eventwire.extract.vocab import titles

# a rough sentence end: . ! ? (and closing quotes) followed by space and a capital, quote or digit
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
# a period that ends an abbreviation before a capital, not a sentence: an initialism ("the U.S. Central
# Command", "U.N. figures") or a title before a name ("Lt. Col. Smith"); where it did end one, the parser
# still splits there, so the cost of not splitting is a longer run parsed, not a deed cut off from its tail
# how far back from a period its abbreviation can start (the longest title, "Commissioner.", with room to spare):
# the test reads only that much, not the paragraph up to every period
ABBREVIATION_REACH = 24
_ABBREVIATION_END = re.compile(r"(?:\b(?:[A-Z]\.){2,}|\b(?:" + "|".join(sorted(titles("before_names"))) + r")\.)$")


def split_sentences(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) offsets of rough sentences; cheap, only for choosing what to parse."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(paragraph):
        if _ABBREVIATION_END.search(paragraph, max(0, m.start() - ABBREVIATION_REACH), m.start()):
            continue
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
        # an event word or a control phrase is enough; a casualty or damage word needs a number beside it
        strong = _Words(irregular)
        for t in types["triggers"]:
            strong.add(t.get("lemmas", []))
            strong.add(t.get("phrases", []))
        for stance in ("asserts", "denies"):
            strong.add(claims["control"][stance])
        for phrases_of in claims["no_casualty_phrases"].values():
            strong.add(phrases_of)
        # who claims or denies a deed ("the TTP claimed responsibility") or blames another ("a medical group
        # blamed the RSF"): a claim of its own, read by the parser
        resp = claims["responsibility"]
        strong.add(resp["claims_own"] + resp["denies_own"] + resp["blames_read_alone"])
        counted = _Words(irregular)
        for p in claims["properties"].values():
            counted.add(p["lemmas"])
            counted.add(p["phrases"])
        self._strong = strong.compile()
        self._counted = counted.compile()
        # "pushed Russian forces out of the village": a verb of ousting with its 'out' a few words on
        ousting = sorted({f for w in load_json("lexicons", "event_words.json")["ousting_verbs"]["words"]
                          for f in _forms(w, irregular)}, key=len, reverse=True)
        self._ousting = re.compile(r"\b(?:" + "|".join(ousting) + r")\b[^.;]{0,60}?\bout\b", re.IGNORECASE)
        numbers = [re.escape(w) for w in claims["number_words"] if len(w) > 2]
        units = "|".join(re.escape(u) for u in claims["not_counts"]["units_after"] if u[0].isalpha())
        # a number, unless it measures time, distance or money ("several days", "50 km") or is a year:
        # the claim extractor would not read those as counts either
        self._number = re.compile(
            r"(?:(?<![\d,.])(?>\d+(?:[.,]\d+)*)|\b(?:" + "|".join(numbers) + r")\b)(?![ \t]+(?:" + units + r")\b)",
            re.IGNORECASE)

    def wanted(self, sentence: str) -> bool:
        words = _WORD.findall(sentence.lower())
        if self._strong.hit(words, sentence) or self._ousting.search(sentence):
            return True
        return self._counted.hit(words, sentence) and any(
            not YEAR.fullmatch(m.group()) for m in self._number.finditer(sentence))


_WORD = re.compile(r"[a-z][a-z'’-]*")


class _Words:
    """Lemmas and phrases with their inflections, compiled into one alternation."""

    def __init__(self, irregular: dict[str, list[str]]) -> None:
        self.irregular = irregular
        self.words: set[str] = set()
        self.phrases: set[str] = set()

    def add(self, items: Iterable[str]) -> None:
        for item in items:
            item = item.strip().lower()
            if not item:
                continue
            if " " in item or "-" in item:
                # the extractor matches phrases by lemma, so "repel an attack" also reads "repelled an
                # attack": inflect the first word; later words inflect at their end, which a substring
                # test already covers ("burst into flame" in "burst into flames")
                first, _, rest = item.partition(" ")
                if rest:
                    self.phrases.update(f"{form} {rest}" for form in _forms(first, self.irregular))
                self.phrases.add(item)
            else:
                self.words.update(_forms(item, self.irregular))

    def compile(self) -> "_Words":
        """Freeze into sets: single words by membership, phrases by their first word, then a substring test."""
        self.single = frozenset(w for w in self.words if len(w) > 2)
        self.by_first: dict[str, list[str]] = {}
        for p in self.phrases:
            self.by_first.setdefault(p.split()[0].split("-")[0], []).append(p)
        return self

    def hit(self, words: list[str], sentence: str) -> bool:
        """Linear in the sentence: a word lookup per token (a huge regex alternation was a third of extraction)."""
        low = None
        for w in words:
            if w in self.single:
                return True
            phrases = self.by_first.get(w)
            if phrases:
                low = low or sentence.lower()
                if any(p in low for p in phrases):
                    return True
        return False
