"""Step 3 of ``extract.types``, for triggers whose argument is a purpose, not an object.

"Hundreds of women gathered outside parliament to demand justice" is a protest though no protest
word is said; "both sides agreed to withdraw heavy weapons" is an agreement though no agreement
word is.  The verb alone ("gathered", "agreed") says little: its infinitive of purpose, and who
does it, make the event.  The purposes and the doers are data (``purposes``, ``gatherers``,
``parties`` of the trigger in event_types.json).
"""
from __future__ import annotations

from spacy.tokens import Token

from eventwire.extract.types_base import _past_event


class Purposes:
    """Step 3 of ``extract.types`` for a trigger that needs an infinitive of purpose."""

    def _purpose(self, tok: Token, trig: dict) -> bool:
        """Whether the trigger has its purpose and its doer (the kind of trigger says which doer)."""
        if not _has_purpose(tok, trig["_purposes"]) or not _done(tok):
            return False
        if trig["_gatherers"]:
            return self._gathered_to_demand(tok, trig)
        agent = self._agent(tok)  # the parties: forces or armed groups, states, or words for sides
        return self._side(agent) in ("state", "nonstate") \
            or any(t.lemma_.lower() in trig["_parties"] or t.ent_type_ in ("GPE", "NORP") for t in agent)

    def _gathered_to_demand(self, tok: Token, trig: dict) -> bool:
        """'Hundreds of women gathered outside parliament to demand justice': a gathering whose
        purpose is a demand, of people who may protest (a crowd, a count of people, ordinary people),
        in the past.  The argument is the infinitive, not an object."""
        agent = self._agent(tok)
        who = {t.lemma_.lower() for t in agent} | {t.lower_ for t in agent}
        return self._side(agent) not in ("state", "nonstate") \
            and bool(who & (trig["_gatherers"] | self.actor_sets.get("crowd", set())))


def _has_purpose(tok: Token, purposes: set[str]) -> bool:
    """An infinitive of purpose among the verb's clauses ('to demand', 'to withdraw')."""
    return any(c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in purposes
               and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children) for c in tok.children)


def _done(tok: Token) -> bool:
    """In the past, or a bare participle: a main verb the tagger took for one ('women gathered')."""
    bare_participle = tok.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)
    return _past_event(tok) or bare_participle
