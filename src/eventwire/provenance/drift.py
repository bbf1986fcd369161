"""Meaning changes between a copy and its original, sentence by sentence.

A spinner or a careless paraphrase keeps the shape of a sentence and changes
what it says: who fired, how many died, whether a side denied something.
These checks run only on aligned sentence pairs (see ``align``), so they
compare like with like; each returns a ``Drift`` that quotes both sentences
exactly as written, so an analyst can judge it.

Kinds:
  agent     the doer of an attack verb changed ("a Russian missile hit" -> "Zelensky fired")
  number    a figure changed, was added or was dropped
  negation  polarity flipped; a denial verb inverts ("has not said it was involved" vs
            "has not denied involvement")
  entity    a name added or replaced; also a clause that asserts something new about a
            named actor with no support in the original (an added claim)
  place     a place name replaced or added
  date      a date expression changed or added

Synonym swaps are not drift: content words are compared through the synonym
groups of the lexicon, and only names, numbers, dates, polarity and agents
are reported.  The agent check is a word-order heuristic (nearest name
before the verb, outside prepositional phrases and reporting frames; the
"by" phrase for passives) rather than a parse: it is cheap and it only has
to notice a change, not to extract the agent correctly.
"""
from __future__ import annotations

import re

from ..data import lexicon_words
from ..model import Drift
from .align import Pair, align
from .shingles import TOKEN_RE, Lexicon, Sentence, Token, content_unit, load_lexicon, normalise, stem

# A clause of a copy sentence is an *added claim* when it names an actor and
# at most this share of its other content units occurs anywhere in the
# original.  Calibrated on a paraphrase: restated clauses had >= 0.33 of
# their units supported (through synonym groups); invented clauses 0.0.
ADDED_CLAIM_MAX_SUPPORT = 0.25
# ... and has at least this many content units besides the names.
ADDED_CLAIM_MIN_UNITS = 2
# How far back from an attack verb the agent may be (tokens).
AGENT_WINDOW = 8
# How many tokens after "according to" a source's name may reach ("the regional governor Oleh Kiper").
SOURCE_WINDOW = 6

_CLAUSE_SPLIT_RE = re.compile(r"\s*[,;:\u2013\u2014]\s*|\s+-\s+|\s+\(|\)\s*")
_YEAR_RE = re.compile(r"(19|20)\d\d")  # a year, as a whole token
_PREPOSITIONS = lexicon_words("function_words", "phrase_prepositions")
# words that open a reported clause ("said that ..."): where an added attribution ends
CLAUSE_OPENERS = lexicon_words("function_words", "clause_openers")
_CLAUSE_BREAKS = frozenset(",;:()\u2013\u2014\"")


def _same_name(a: str, b: str) -> bool:
    """Names match when one is a prefix of the other or they share a long prefix (Russia ~ Russian)."""
    a, b = entity_key_full(a), entity_key_full(b)
    if a == b or a.startswith(b) or b.startswith(a):
        return True
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n >= 5 and n >= 0.7 * min(len(a), len(b))


def entity_key_full(word: str) -> str:
    w = word.lower()
    return w[:-2] if w.endswith("'s") else w


def _names(s: Sentence, common: frozenset[str]) -> list[str]:
    """Names of a sentence, minus capitalised common nouns ("Airport" when "airport" is used elsewhere)."""
    return [n for n in s.entities if entity_key_full(n) not in common and stem(n) not in common]


def _in_any(name: str, names: list[str]) -> bool:
    return any(_same_name(name, m) for m in names)


def _is_place(s: Sentence, name: str, lex: Lexicon) -> bool:
    toks = [t.text for t in s.tokens]
    for i, t in enumerate(toks):
        if t != name:
            continue
        before = [x.lower() for x in toks[max(0, i - 2):i]]
        after = toks[i + 1:i + 3]
        if any(b in lex.place_prepositions for b in before) or any(a.lower() in lex.area_words for a in after):
            return True
    return False


def _date_terms(s: Sentence, lex: Lexicon) -> set[str]:
    toks = [t.text.lower() for t in s.tokens]
    out: set[str] = set()
    for i, t in enumerate(toks):
        if t in lex.months and (t != "may" or s.tokens[i].text == "May"):
            out.add(t[:3])
            for j in (i - 1, i + 1):
                if 0 <= j < len(toks) and toks[j].isdigit() and len(toks[j]) <= 2:
                    out.add(f"{t[:3]} {int(toks[j])}")
        elif t in lex.weekdays:
            out.add(t)
        elif _YEAR_RE.fullmatch(t):
            out.add(t)
    joined = " " + " ".join(toks) + " "
    for phrase in lex.relative_dates:
        p = " ".join(phrase)
        if f" {p} " in joined:
            out.add(p)
    # keep only the most specific relative phrases ("earlier this month" over "this month")
    return {d for d in out if not any(d != e and f" {d} " in f" {e} " for e in out)}


def _date_numbers(s: Sentence, lex: Lexicon) -> set[str]:
    """Numbers that belong to a date (years, day of month): reported as date drift, not number drift."""
    toks = [t.text for t in s.tokens]
    out = set()
    for i, t in enumerate(toks):
        if _YEAR_RE.fullmatch(t):
            out.add(t)
        if t.isdigit() and len(t) <= 2:
            near = [x.lower() for x in toks[max(0, i - 1):i + 2]]
            if any(x in lex.months for x in near):
                out.add(t)
    return out


def _numbers(s: Sentence, lex: Lexicon) -> set[str]:
    return set(s.numbers) - _date_numbers(s, lex)


def polarity(s: Sentence, lex: Lexicon) -> int:
    """Count of negation cues plus denial verbs (idioms like "not only" excluded); odd = negative."""
    toks = [t.text.lower() for t in s.tokens]
    skip: set[int] = set()
    for idiom in lex.non_negating_idioms:
        n = len(idiom)
        for i in range(len(toks) - n + 1):
            if tuple(toks[i:i + n]) == idiom:
                skip.update(range(i, i + n))
    count = 0
    for phrase in lex.negation_phrases:
        n = len(phrase)
        for i in range(len(toks) - n + 1):
            if tuple(toks[i:i + n]) == phrase and not skip.intersection(range(i, i + n)):
                count += 1
                skip.update(range(i, i + n))
    for i, t in enumerate(toks):
        if i in skip:
            continue
        if t in lex.negation_cues or t.endswith("n't") or t in lex.denial_verbs:
            count += 1
    return count


def _capitalised_word(w: str, lex: Lexicon) -> bool:
    """A capitalised word that may be a subject name even at the start of a sentence ("Zelensky fired")."""
    return w[:1].isupper() and w.lower() not in lex.function_words and w.lower() not in lex.reporting_verbs


def agent(s: Sentence, lex: Lexicon) -> tuple[str, str] | None:
    """(attack verb, its doer) for the first attack verb with a findable doer, else None."""
    toks: tuple[Token, ...] = s.tokens
    names = set(s.entities)
    text = s.text
    for v, tok in enumerate(toks):
        low = tok.text.lower()
        if low not in lex.attack_verbs or tok.text in names:
            continue
        prev = [t.text.lower() for t in toks[max(0, v - 2):v]]
        if any(p in lex.passive_markers for p in prev):
            for j in range(v + 1, min(len(toks), v + 4)):
                if toks[j].text.lower() == "by":
                    for k in range(j + 1, min(len(toks), j + 5)):
                        if toks[k].text in names:
                            return low, toks[k].text
                    break
            continue
        candidate = None
        for j in range(v - 1, max(-1, v - 1 - AGENT_WINDOW), -1):
            t = toks[j]
            gap = text[t.end - s.start:toks[j + 1].start - s.start]
            if any(c in _CLAUSE_BREAKS for c in gap):
                break
            w = t.text.lower()
            if w in lex.reporting_verbs or w in CLAUSE_OPENERS:
                break
            if w in _PREPOSITIONS:
                candidate = None  # names seen so far sat inside a prepositional phrase
                continue
            if candidate is None and (t.text in names or _capitalised_word(t.text, lex)):
                candidate = t.text
        if candidate:
            return low, candidate
    return None


def speakers(s: Sentence, lex: Lexicon) -> list[str]:
    """Names standing just before a reporting verb ("Mayor Ihor Terekhov said") or after "according to"
    (the last word of the name: "according to Mayor Ihor Terekhov, ...")."""
    toks = s.tokens
    names = set(s.entities)
    out = []
    for v, tok in enumerate(toks):
        if tok.text.lower() in lex.reporting_verbs:
            for j in range(v - 1, max(-1, v - 3), -1):
                if toks[j].text in names or _capitalised_word(toks[j].text, lex):
                    out.append(toks[j].text)
                    break
        if tok.text.lower() == "according" and v + 1 < len(toks) and toks[v + 1].text.lower() == "to":
            last = None
            for t in toks[v + 2:v + 2 + SOURCE_WINDOW]:
                if t.text in names or _capitalised_word(t.text, lex):
                    last = t.text
                elif last is not None:
                    break  # the name ended
            if last is not None:
                out.append(last)
    return out


class DriftDetector:
    """Compares a copy with its original; built once, called per copy."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lex = lexicon or load_lexicon()

    def __call__(self, copy: tuple[Sentence, ...], original: tuple[Sentence, ...]) -> tuple[Drift, ...]:
        pairs = align(copy, original)
        common = frozenset(
            x for doc in (copy, original) for s in doc for t in s.tokens if t.text[:1].islower()
            for x in (t.text.lower(), stem(t.text))
        )
        # any capitalised word of the original counts as "seen" (sentence-initial names included)
        orig_names_all = sorted({t.text for s in original for t in s.tokens if t.text[:1].isupper()})
        orig_units_all = frozenset(u for s in original for u in s.units)
        by_orig: dict[int, list[Sentence]] = {}
        for p in pairs:
            if p.original is not None:
                by_orig.setdefault(p.original.index, []).append(p.copy)
        out: list[Drift] = []
        for p in pairs:
            if p.original is None:
                out.extend(self._unaligned(p, pairs, common, orig_names_all, orig_units_all))
                continue
            near = [o for o in original if abs(o.index - p.original.index) <= 1]
            siblings = [c for c in copy if abs(c.index - p.copy.index) <= 1] + by_orig[p.original.index]
            first_copy = by_orig[p.original.index][0] is p.copy
            out.extend(self._pair(p, near, siblings, common, orig_names_all, orig_units_all, first_copy))
        return tuple(out)

    # ------------------------------------------------------------ checks
    def _pair(self, p: Pair, near, siblings, common, orig_names_all, orig_units_all, first_copy: bool) -> list[Drift]:
        lex = self.lex
        c, o = p.copy, p.original
        assert o is not None
        found: list[Drift] = []

        def add(kind: str, note: str) -> None:
            found.append(Drift(kind=kind, original=o.text, copy=c.text, note=note))

        # agent
        ac, ao = agent(c, lex), agent(o, lex)
        if ac and ao and not _same_name(ac[1], ao[1]):
            add("agent", f"doer of the attack changed: {ao[1]} ({ao[0]}) -> {ac[1]} ({ac[0]})")
        elif ac and ao is None and any(_same_name(ac[1], sp) for sp in speakers(o, lex)):
            # "Terekhov said the missile hit the clinic" -> "Terekhov fired a missile at the clinic"
            add("agent", f"the speaker became the doer: {ac[1]} reported the attack in the original, "
                         f"{ac[1]} {ac[0]} it in the copy")
        # negation
        if polarity(c, lex) % 2 != polarity(o, lex) % 2:
            add("negation", "polarity changed (a negation or denial was added or removed)")
        # numbers
        near_nums = set().union(*(_numbers(x, lex) for x in near))
        sib_nums = set().union(*(_numbers(x, lex) for x in siblings))
        added = sorted(_numbers(c, lex) - near_nums, key=_num_key)
        # a dropped figure is reported once per original sentence, on its first copy sentence
        dropped = sorted(_numbers(o, lex) - sib_nums, key=_num_key) if first_copy else []
        if added or dropped:
            parts = []
            if added and dropped:
                parts.append(f"{', '.join(dropped)} -> {', '.join(added)}")
            else:
                if added:
                    parts.append(f"added {', '.join(added)}")
                if dropped:
                    parts.append(f"dropped {', '.join(dropped)}")
            add("number", "; ".join(parts))
        # dates
        dc, do = _date_terms(c, lex), _date_terms(o, lex)
        near_dates = set().union(*(_date_terms(x, lex) for x in near))
        new_dates = dc - near_dates
        if new_dates:
            note = f"{', '.join(sorted(do))} -> {', '.join(sorted(dc))}" if do else f"added {', '.join(sorted(new_dates))}"
            add("date", note)
        # names and places
        near_names = [n for x in near for n in _names(x, common)]
        sib_names = [n for x in siblings for n in _names(x, common)]
        new = [n for n in dict.fromkeys(_names(c, common)) if not _in_any(n, near_names)]
        lost = [n for n in dict.fromkeys(_names(o, common)) if not _in_any(n, sib_names)]
        for kind in ("place", "entity"):
            new_k = [n for n in new if _is_place(c, n, lex) == (kind == "place")]
            lost_k = [n for n in lost if _is_place(o, n, lex) == (kind == "place")]
            unseen = [n for n in new_k if not _in_any(n, orig_names_all)]
            if new_k and lost_k:
                add(kind, f"{' '.join(lost_k)} -> {' '.join(new_k)}")
            elif unseen:
                add(kind, f"added {' '.join(unseen)} (not in the original)")
        # added claims inside an otherwise aligned sentence
        claim = self._added_claim(c, o, common, orig_units_all)
        if claim and not any(d.kind == "entity" for d in found):
            add("entity", claim)
        return found

    def _unaligned(self, p: Pair, pairs, common, orig_names_all, orig_units_all) -> list[Drift]:
        """A copy sentence that restates nothing: report it if it asserts something new about a name."""
        c = p.copy
        names = _names(c, common)
        if not names:
            return []
        units = [u for u in c.units if not any(u == content_unit(n, self.lex) for n in names)]
        if len(units) < ADDED_CLAIM_MIN_UNITS:
            return []
        support = sum(1 for u in units if u in orig_units_all) / len(units)
        unseen = [n for n in dict.fromkeys(names) if not _in_any(n, orig_names_all)]
        if support > ADDED_CLAIM_MAX_SUPPORT and not unseen:
            return []
        note = (
            f"added claim about {' '.join(dict.fromkeys(names))}: no sentence of the original restates it"
            if not unseen else f"new sentence naming {' '.join(unseen)} (not in the original)"
        )
        return [Drift(kind="entity", original="", copy=c.text, note=note)]

    def _added_claim(self, c: Sentence, o: Sentence, common, orig_units_all) -> str | None:
        """A clause of an aligned copy sentence that names an actor and says something the original never says."""
        lex = self.lex
        names = set(_names(c, common))
        if not names:
            return None
        for clause in _CLAUSE_SPLIT_RE.split(c.text):
            words = [m.group(0) for m in TOKEN_RE.finditer(normalise(clause))]
            clause_names = [w for w in words if w in names]
            if not clause_names:
                continue
            units = [u for w in words if w not in names and (u := content_unit(w, lex))]
            if len(units) < ADDED_CLAIM_MIN_UNITS or len(units) >= len(c.units):
                continue  # the whole sentence: handled by the sentence-level checks
            support = sum(1 for u in units if u in o.units or u in orig_units_all) / len(units)
            if support <= ADDED_CLAIM_MAX_SUPPORT:
                return f"added claim about {' '.join(dict.fromkeys(clause_names))}: \"{clause.strip()}\" has no counterpart in the original"
        return None


def _num_key(n: str) -> tuple[float, str]:
    try:
        return (float(n.replace(",", "").replace(":", ".")), n)
    except ValueError:
        return (0.0, n)
