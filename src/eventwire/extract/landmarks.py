"""Is an event word reported, or only used as a time landmark for something else?

News dates things by the events everyone knows: "the priest had arrived two
days before the guerrillas launched their offensive", "the visit had been
scheduled since before the offensive".  Such a sentence does not report the
offensive; it uses it to date the arrival or the visit.  Counting it as a
report makes every article that dates anything by a famous event a source of
that event, and fusion then pairs unrelated articles through it.

The rule, from the parse: walking up from the event word, the first temporal
marker met (``landmarks`` in ``time_expressions.json``) — a preposition
("before the offensive", "since the past weekend, when fighting broke out")
or the conjunction of an adverbial clause ("after the offensive began") —
makes the event a landmark of the predicate the adjunct hangs on (its
*host*), with these exceptions, where the event itself is the news:

* ``concurrent`` markers ("during", "amid"): the host happens inside the
  event, so when the host is itself violent or a toll ("nine people were
  wounded during the offensive", "rebels attacked the palace during the
  offensive") it is part of the report; "prices rose amid the fighting" is not.
* ``toll`` markers ("since"): a toll counted from the event is the event's
  toll ("since the attack began, 40 people have died").
* for both, a casualty claim in the sentence reads the same way.

"Before/after/until/following/prior to/ahead of" always make a landmark: the
host is another happening placed in time by it ("two days after the bombing,
rebels attacked a checkpoint" reports the attack; the bombing is its landmark).
A speech verb as host ("…, the Red Cross reported") stands for what it reports.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.data import load_json

CASUALTY_PROPERTIES = ("fatalities", "injuries")


class LandmarkReader:
    """Built once; ``reason(trigger, sent, ...)`` is None for a reporting mention."""

    def __init__(self, trigger_lemmas: set[str], speech_lemmas: set[str]) -> None:
        lex = load_json("lexicons", "time_expressions.json")["landmarks"]
        self.sequence = set(lex["sequence"])
        self.concurrent = set(lex["concurrent"])
        self.toll = set(lex["toll"])
        self.toll_lemmas = set(lex["toll_lemmas"])
        self.markers = self.sequence | self.concurrent
        self.trigger_lemmas = trigger_lemmas
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
        """The predicate the adjunct dates: its head, past stacked markers ("since before") and speech verbs."""
        host = adjunct.head
        while host.dep_ == "prep" and host.lower_ in self.markers and host.head is not host:
            host = host.head
        if host.lemma_.lower() in self.speech:
            said = next((c for c in host.children if c.dep_ in ("ccomp", "parataxis") and c is not adjunct), None)
            if said is not None:
                host = said
        return host

    def _toll(self, host: Token) -> bool:
        """The host states a toll: 'have died', 'sustained 20 casualties', 'the death toll rose'."""
        words = [host, *(c for c in host.children if c.dep_ in ("dobj", "nsubj", "nsubjpass", "attr"))]
        return any(w.lemma_.lower() in self.toll_lemmas or w.lower_ in self.toll_lemmas for w in words)

    def _violent(self, host: Token) -> bool:
        return self._toll(host) or host.lemma_.lower() in self.trigger_lemmas

    def reason(self, trigger: Token, sent: Span, casualty_claims: bool = False, text: str = "") -> str | None:
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
            if marker in self.concurrent and (self._violent(host) or casualty_claims):
                return None  # "wounded during the offensive": part of the event
            if marker in self.toll and (self._toll(host) or casualty_claims):
                return None  # "since the attack, 40 people have died": the event's toll
            if any(t is not trigger and (t.lemma_.lower() in self.toll_lemmas or t.lower_ in self.toll_lemmas)
                   for t in trigger.subtree):
                return None  # "following the attack that left 10 dead": the sentence tells its toll
            clause = adjunct if adjunct.pos_ in ("VERB", "AUX") else below
            if clause is not None and clause.pos_ in ("VERB", "AUX") and clause.tag_ in ("VBG", "VBN") and not any(
                    c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
                return None  # "released hours after being taken hostage": one subject's own story, told in order
            return f"time landmark: '{marker} … {text or trigger.text}' dates '{host.text}'"
        return None
