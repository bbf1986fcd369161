"""All-caps copy: case no longer tells a name from a word, so a case-folded match needs support.

Used for wire copy (MUC-4): a match is kept when the text marks it as a place (a locative
preposition, a place noun, a dateline, a list of places) or its country agrees with the places
the text names for sure, with population floors calibrated on MUC-4 (bench/caps_places_eval.py).
"""
from __future__ import annotations

from eventwire import datelines
from eventwire.extract.gazetteer import ADMIN1, CITY, COUNTRY, FEATURE
from eventwire.extract.places_base import (
    _CAPS_GLUE,
    _CAPS_LIST_GAP,
    _CAPS_NEXT,
    _CAPS_PARA_START,
    _CAPS_PREV,
    _given_names,
    _Match,
    CAPS_AGREE_POP,
    CAPS_ALONE_POP,
    CAPS_NAMING_NOUNS,
    CAPS_PLACE_NOUNS,
    CAPS_PREP_POP,
    CAPS_PREPS,
    CAPS_STRONG_PREPS,
    CAPS_TITLES,
)
from eventwire.model import Place


class CapsMode:
    """All-caps copy: case no longer tells a name from a word, so a case-folded match needs support."""

    # ------------------------------------------------------------ all-caps mode
    def _find_upper(self, text: str, matches: list[_Match]) -> list[Place]:
        """Steps 3-4 for all-capitals text, where every word is a candidate.

        a. Mark each match (``_caps_marks``): ordinary English word(s),
           locative support, dateline, part of a person's name.
        b. Drop people's names (one sense per text: a name once a person's is
           a person's throughout) and English words without locative support,
           before they can vote in resolution.
        c. Resolve; keep by ``_caps_keep`` against the countries the text
           itself names (country names, datelines, qualifiers).
        d. Resolve again with only the kept matches voting, and keep again.
        """
        persons = self._caps_marks(text, matches)
        kept = [m for m in matches if (m.group not in persons and (not m.common or m.prep))
                or m.dateline or m.qualifier or m.named_as]
        result: list[tuple[_Match, int, str]] = []
        for _ in range(2):
            if not kept:
                return []
            choice, why = self._resolve(kept)
            anchors = self._caps_anchors(kept, choice)
            result = []
            for m in kept:
                ok, keep_why = self._caps_keep(m, choice[id(m)], anchors)
                if ok:
                    result.append((m, choice[id(m)], f"{why[id(m)][0]}; {keep_why}"))
            kept = [m for m, _, _ in result]
        return [self._place(text, m, i, reason, True) for m, i, reason in result]

    def _caps_marks(self, text: str, ms: list[_Match]) -> set[str]:
        """Set ``common``/``prep``/``dateline`` on each match; return the groups used as people's names."""
        from .truecase import is_common_word, is_english_word

        g = self.gaz
        given = _given_names()
        spans = [(m.start, m.end) for m in ms]

        def in_match(pos: int) -> bool:
            return any(a <= pos < b for a, b in spans)

        def name_like(m: _Match) -> bool:  # a one-word match that may be part of a person's name
            return " " not in m.key and not any(g.kind[i] == COUNTRY for i in m.ids) \
                and not is_common_word(m.key)

        persons: set[str] = set()
        # two one-word matches side by side with no place word between ("DIANA MONTOYA"): a name
        for a, b in zip(ms, ms[1:]):
            if name_like(a) and name_like(b) and _CAPS_GLUE.fullmatch(text, a.end, b.start):
                persons |= {a.group, b.group}
        prev_m: _Match | None = None
        for m in ms:
            words = m.key.lower().split()
            country = any(g.kind[i] == COUNTRY for i in m.ids)
            m.common = not country and (all(is_common_word(w) for w in words)
                                        or len(words) == 1 and words[0] in g.stopnames)
            pw = _CAPS_PREV.search(text, max(0, m.start - 60), m.start)
            nw = _CAPS_NEXT.match(text, m.end)
            prev = pw.group(1).lower() if pw else ""
            nxt = nw.group(1).lower() if nw else ""
            prev2 = _CAPS_PREV.search(text, max(0, pw.start() - 60), pw.start(1)) if pw else None
            m.dateline = bool(_CAPS_PARA_START.search(text, max(0, m.start - 10), m.start) or not text[:m.start].strip()) \
                and bool(datelines.WIRE_TAIL.match(text, m.end))
            listed = prev_m is not None and prev_m.prep and bool(_CAPS_LIST_GAP.fullmatch(text, prev_m.end, m.start))
            m.strong_prep = prev in CAPS_STRONG_PREPS
            m.named_as = nxt if nxt in CAPS_NAMING_NOUNS and not m.common else ""
            m.prep = (prev in CAPS_PREPS or nxt in CAPS_PLACE_NOUNS or listed
                      or prev == "of" and prev2 is not None and prev2.group(1).lower() in CAPS_PLACE_NOUNS)
            prev_m = m
            if country or len(words) > 1 and not (prev in given or prev in CAPS_TITLES):
                continue
            # a person's name: after a given name or title ("ALFREDO CRISTIANI", "PRESIDENT BUSH"),
            # a given name before a name ("LUIS CARLOS GALAN"), or next to a word no dictionary
            # knows ("OQUELI COLINDRES") that is no place itself
            person = prev in given or prev in CAPS_TITLES or (
                prev2 is not None and prev2.group(1).lower() in given and not is_common_word(prev))
            if not person and words[0] in given and nw is not None:
                person = nxt in given or not is_common_word(nxt) and nxt not in CAPS_PLACE_NOUNS
            if not person and pw is not None and prev not in CAPS_PREPS and not in_match(pw.start(1)):
                person = not is_english_word(prev)
            if not person and nw is not None and not in_match(nw.start(1)) and nxt not in CAPS_PLACE_NOUNS:
                person = not is_english_word(nxt)
            if person:
                persons.add(m.group)
        return persons

    def _caps_anchors(self, ms: list[_Match], choice: dict[int, int]) -> dict[str, set[str]]:
        """Countries the text names for sure (country names, datelines, qualifiers, regions after a preposition),
        each with the groups that name it (a match never agrees with itself)."""
        g = self.gaz
        out: dict[str, set[str]] = {}
        for m in ms:
            i = choice[id(m)]
            if g.cc[i] and (g.kind[i] == COUNTRY or m.dateline or m.qualifier
                            or g.kind[i] == ADMIN1 and m.prep and not m.common):
                out.setdefault(g.cc[i], set()).add(m.group)
        return out

    def _caps_keep(self, m: _Match, i: int, anchors: dict[str, set[str]]) -> tuple[bool, str]:
        """Is a case-folded match a place?  It needs support, more the more ordinary its words."""
        g = self.gaz
        k = g.kind[i]
        agree = bool(anchors.get(g.cc[i], set()) - {m.group})
        named = {c for c, groups in anchors.items() if groups - {m.group}}  # countries other matches name
        if m.qualifier:
            return True, "qualified"
        if m.dateline:
            return True, "dateline"
        if m.named_as and (agree or not named):  # "ESCALON NEIGHBORHOOD" of a Salvadoran story is not in the US
            return True, f"named as a {m.named_as}"
        if k == COUNTRY:
            return True, "country name"
        if m.common:  # "IN FRONT OF", "AT DAWN", "TO ARREST": words first
            if m.strong_prep and agree and (k != CITY or g.pop[i] >= CAPS_AGREE_POP):
                return True, "English word, but after 'in/at/near' and in a country the text names"
            return False, "an English word in all-caps text"
        if k == FEATURE and " " in m.key:  # hand-listed: "LATIN AMERICA", "CARIBBEAN SEA"
            return True, "multi-word feature name"
        if k != CITY:
            if agree or m.prep:
                return True, f"{k} name, " + ("in a country the text names" if agree else "after a preposition")
            return False, f"{k} name without support in all-caps text"
        pop = g.pop[i]
        if " " in m.key:
            # a small namesake abroad ("SAN ANTONIO ABAD" read in Spain by a Salvadoran story) needs
            # the text to name no country at all
            if agree or pop >= CAPS_PREP_POP or m.prep and not named:
                return True, "multi-word name, " + ("in a country the text names" if agree else
                                                    "after a preposition" if m.prep else "large town")
            return False, "multi-word name without support in all-caps text"
        if agree and (m.prep or pop >= CAPS_AGREE_POP):
            return True, "in a country the text names, " + ("after a preposition" if m.prep else "large town")
        if m.prep and pop >= CAPS_PREP_POP:
            return True, "large town after a preposition"
        if not named and pop >= CAPS_ALONE_POP:
            return True, "very large town"
        return False, "one-word town without support in all-caps text"
