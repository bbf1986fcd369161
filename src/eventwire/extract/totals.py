"""Totals are not events: a war-wide or period count is nobody's fatalities.

"Over 20,000 civilians have been killed since the invasion", "the UN has
documented 2,345 civilian deaths", "the ministry said 1,351 soldiers have been
killed in combat": these count the victims of many events over a period.
Read as one event's dead they make a single shelling the deadliest of the
war.  A casualty claim is a total when its sentence

* names a period or a country-wide scope ("since the start of", "to date",
  "across the country"; phrases in data/lexicons/totals.json), or counts
  deeds ("136 attacks on hospitals ... leaving 73 dead"), or
* is a tally by a monitoring body or a tallying verb ("documented",
  "identified", "verified") of a figure of TALLY_MIN or more, or
* gives a figure of TOTAL_MIN or more, or a weak period word ("so far",
  "overall") with one of WEAK_TOTAL_MIN or more,

unless it ties the figure to one deed ("killed in the attack", "by the blast").
A total keeps its figure and evidence, with the property ``period_total``:
fusion counts only ``fatalities`` and ``injuries``, so the event's dead are
never a total, and the claim stays visible for an analyst.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import replace

from spacy.tokens import Span, Token

from eventwire.data import load_json
from eventwire.extract.types_base import clause_verb
from eventwire.phrases import alternation
from eventwire.model import Claim

CASUALTIES = ("fatalities", "injuries")
TOTAL = "period_total"
# no single attack in the conflicts eventwire follows counts this many dead or wounded in one report's first days
TOTAL_MIN = 1000
# a tally verb or body with a figure this large counts many events ("police identified 1,084 bodies")
TALLY_MIN = 100
# "so far"/"overall" also close a running count of one event ("14 killed so far"): a total only when large
WEAK_TOTAL_MIN = 100


# "since 2014", "since February", "since Russia invaded", "since the offensive began on Wednesday": a count over a
# period that opens at a date, an invasion or the start of a campaign
SINCE_PERIOD = re.compile(r"\bsince (?:\d{4}|(?:" + "|".join(calendar.month_name[1:]).lower() + r")\b|(?:\w+ )?invaded\b"
                          r"|(?:the |its |their )?(?:\w+ ){1,3}(?:began|started|erupted|broke out)\b)")


def _phrases(words: list[str]) -> re.Pattern:
    return re.compile(r"\b(?:" + alternation(words) + r")\b")


class TotalsDetector:
    def __init__(self) -> None:
        lex = load_json("lexicons", "totals.json")
        self.period = _phrases(lex["period_phrases"])
        self.weak = _phrases(lex["weak_period_phrases"])
        self.bodies = _phrases(lex["tally_bodies"])
        self.single = _phrases(lex["single_deed_phrases"])
        self.tally = set(lex["tally_lemmas"])
        deeds = "|".join(re.escape(w) for w in lex["counted_deeds"])
        large = alternation(lex["large_count_words"])
        self.counted = re.compile(r"\b(?:\d[\d,]*|" + large + r")\s+(?:of\s+)?(?:\w+\s+)?(?:" + deeds + r")\b")

    def why(self, sentence: str, lemmas: set[str], value: float, largest: bool = True) -> str | None:
        """Why a casualty figure of this sentence is a total, or None when it may be one event's.

        ``largest``: the figure is the sentence's largest; a period phrase makes only that one a
        total ("killed three on Monday, bringing the toll since the invasion to 1,200").
        """
        low = sentence.lower()
        if self.single.search(low) or value < 2:
            return None  # one person's count sums up no deeds ("in recent weeks, ... debris injured a woman")
        if largest and (m := self.period.search(low) or SINCE_PERIOD.search(low)):
            return f"'{m.group(0)}': a count over a period"
        if largest and (m := self.counted.search(low)):
            return f"'{m.group(0)}': the victims of many deeds"
        if value >= TALLY_MIN and (lemmas & self.tally or self.bodies.search(low)):
            return f"a tally of {value:g}: many events' victims"
        if value >= TOTAL_MIN:
            return f"{value:g} is a count of many events"
        if value >= WEAK_TOTAL_MIN and (m := self.weak.search(low)):
            return f"'{m.group(0)}' with {value:g}: a running total"
        return None

    def mark(self, claims: list[Claim], sentence: str, lemmas: set[str]) -> list[Claim]:
        """The claims with each casualty total turned into a ``period_total`` claim (reason says why)."""
        out = []
        figures = [float(c.value) for c in claims if c.property in CASUALTIES and isinstance(c.value, (int, float))]
        for c in claims:
            why = None
            if c.property in CASUALTIES and isinstance(c.value, (int, float)):
                why = self.why(sentence, lemmas, float(c.value), float(c.value) >= max(figures))
            out.append(replace(c, property=TOTAL, reason=f"{c.reason}; {c.property} total: {why}") if why else c)
        return out


def counted_deeds(hits: list, claims: list[Claim], words: list[int | None], sent: Span) -> list:
    """The hits a sentence's totals leave standing: a deed told in a clause of its own beside the count
    ("police fired tear gas at protesters in the capital on Thursday, and at least 25 people were killed in
    clashes across the country": the capital's protest is one deed, the country's dead many).  A hit in the
    total's clause, or any hit when the total's word is unknown, is a deed the count sums up ("police have
    identified 1,084 civilians killed"), and goes, unless a figure of the sentence is one event's own."""
    if not any(c.property == TOTAL for c in claims) or any(c.property in CASUALTIES for c in claims):
        return hits
    clauses = []
    for claim, i in zip(claims, words):
        if claim.property != TOTAL:
            continue
        verb = clause_verb(sent.doc[i]) if i is not None else None
        if verb is None:
            return []
        clauses.append(verb)
    return [h for h in hits if all(_coordinated_apart(h.trigger, verb) for verb in clauses)]


def _coordinated_apart(tok: Token, verb: Token) -> bool:
    """Whether ``tok`` is in a clause coordinated with ``verb``'s ('X happened, and 25 were killed'), not in
    the count's own clause nor in one that frames it ('a spike in unrest in June when 282 were killed')."""
    if _in_clause(tok, verb):
        return False
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and _in_clause(tok, verb.head):
        return True
    return any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.is_ancestor(tok) for c in verb.children)


def _in_clause(tok: Token, verb: Token) -> bool:
    """Whether ``tok`` is in ``verb``'s clause: below it, and not below a clause coordinated with it."""
    for t in (tok, *tok.ancestors):
        if t.i == verb.i:
            return True
        if t.dep_ == "conj" and t.head.i == verb.i and t.pos_ in ("VERB", "AUX"):
            return False
    return False
