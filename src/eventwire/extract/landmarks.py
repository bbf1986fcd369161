"""Is an event word reported, or only used as a time landmark for something else?

News dates things by the events everyone knows: "the priest had arrived two
days before the guerrillas launched their offensive", "the visit had been
scheduled since before the offensive".  Such a sentence does not report the
offensive; it uses it to date the arrival or the visit.  Counting it as a
report makes every article that dates anything by a famous event a source of
that event, and fusion then pairs unrelated articles through it.

The rule, from the parse: walking up from the event word, the first temporal
marker met (``landmarks`` in ``time_expressions.json``) — a preposition
("before the offensive") or the conjunction of an adverbial clause ("before
the guerrillas launched their offensive") — makes the event a landmark of the
predicate the adjunct hangs on (its *host*).  Only markers that put the event
*after* its host count ("before", "prior to", "ahead of"): what follows or
accompanies an event may be its consequence, and news reports events that
way all the time ("two people died after a drone hit their car", "power was
cut during the shelling").  Exceptions, where the event is still the news: a
toll told in the event's own phrase, and one subject's deeds told in order
("hours before being freed, the hostages were moved").  A speech verb as host
("…, the Red Cross reported") stands for what it reports.
"""
from __future__ import annotations

from spacy.tokens import Token

from eventwire.data import load_json


class LandmarkReader:
    """Built once; ``reason(trigger)`` is None for a reporting mention."""

    def __init__(self, speech_lemmas: set[str]) -> None:
        lex = load_json("lexicons", "time_expressions.json")["landmarks"]
        self.markers = set(lex["sequence"])
        self.toll_lemmas = set(lex["toll_lemmas"])
        self.speech = speech_lemmas

    def _marker(self, tok: Token) -> tuple[str, Token] | None:
        """(marker words, the adjunct's head token) when ``tok`` heads a temporal adjunct."""
        if tok.dep_ == "prep":
            one = tok.lower_
            prev = tok.doc[tok.i - 1].lower_ if tok.i > tok.sent.start else ""
            two = f"{prev} {one}"
            if two in self.markers:
                return two, tok
            if one in self.markers:
                return one, tok
        if tok.pos_ in ("VERB", "AUX"):
            for c in tok.children:
                if c.dep_ == "mark" and c.lower_ in self.markers:
                    return c.lower_, tok
        return None

    def _host(self, adjunct: Token) -> Token:
        """The predicate the adjunct dates: its head, past stacked markers and speech verbs."""
        host = adjunct.head
        while host.dep_ == "prep" and host.lower_ in self.markers and host.head is not host:
            host = host.head
        if host.lemma_.lower() in self.speech:
            said = next((c for c in host.children if c.dep_ in ("ccomp", "parataxis") and c is not adjunct), None)
            if said is not None:
                host = said
        return host

    def reason(self, trigger: Token, text: str = "") -> str | None:
        """Why this event word (``text``: its whole phrase) is only a time landmark here, or None when reported."""
        below = None
        for tok in [trigger, *trigger.ancestors]:
            found = self._marker(tok)
            if found is None:
                below = tok
                continue
            marker, adjunct = found
            if adjunct.head is adjunct:
                return None  # the marker heads the sentence ("After the attack." as a fragment): nothing else to date
            host = self._host(adjunct)
            if host is trigger or trigger.is_ancestor(host):
                return None
            if any(t is not trigger and (t.lemma_.lower() in self.toll_lemmas or t.lower_ in self.toll_lemmas)
                   for t in trigger.subtree):
                return None  # "following the attack that left 10 dead": the sentence tells its toll
            clause = adjunct if adjunct.pos_ in ("VERB", "AUX") else below
            if clause is not None and clause.pos_ in ("VERB", "AUX") and clause.tag_ in ("VBG", "VBN") and not any(
                    c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
                return None  # "released hours after being taken hostage": one subject's own story, told in order
            return f"time landmark: '{marker} … {text or trigger.text}' dates '{host.text}'"
        return None
