"""Step 3 of ``extract.types`` for territory triggers: who took the ground, and whether ground it was.

A verb of taking ground types by its taker (state forces regain, a non-state group overtakes); ground
given up first ("took over the town after the troops withdrew") changed hands without a fight; what
was taken must be a place ("seized a truck" is not territory, "seized a local chief" took a person);
and an attempt ("tried to retake") changed nothing.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.extract.types_base import (
    _key,
    ATTEMPT_LEMMAS,
    TERRITORY_NEEDS_OBJECT,
    TERRITORY_NOUNS,
    WITHDRAW_LEMMAS,
)
from eventwire.data import load_json
from eventwire.extract.vocab import words

FALL_TO_PHRASES = words("event_words", "fall_to_phrases")
OUSTING_VERBS = words("event_words", "ousting_verbs")
OUSTED = "drive out"  # the phrase key an ousting verb's candidate carries
SEIZED_PEOPLE = words("event_words", "seized_people")
# "dozens of women", "30 passengers of the bus": the claims' number words, which count what their 'of' names
NUMBER_WORDS = frozenset(k for k in load_json("lexicons", "claims.json")["number_words"] if not k.startswith("_"))


def _counted(tok: Token) -> Token:
    """'Seized dozens of Yazidi women': a number's 'of' object is what was taken, the number only its count."""
    if tok.tag_ == "CD" or tok.lower_ in NUMBER_WORDS:
        return next((g for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                     for g in p.children if g.dep_ == "pobj"), tok)
    return tok


def _place_before(tok: Token) -> bool:
    """A place named earlier in the trigger's sentence, which an 'it' after it stands for: a named place
    or a territory noun ('the town')."""
    return any(t.ent_type_ in ("GPE", "LOC", "FAC") or t.pos_ == "NOUN" and t.lemma_.lower() in TERRITORY_NOUNS
               for t in tok.sent if t.i < tok.i)



class Territory:
    """Mixin of ``EventTypeClassifier``: reads sides with ``Arguments``' ``_side``, ``_agent`` and ``_args``."""

    def _ousting(self, sent: Span) -> list[tuple[int, int, int, str]]:
        """Candidates (as ``_candidates`` gives them) for ground taken by driving its holders out: 'pushed
        Russian forces out of the village of Krynky', 'drove the militants out of the town' (a verb of
        ``OUSTING_VERBS`` with 'out' and an 'of' or 'from' phrase); typed as a taking of ground, whose
        sub-type the doer's side decides."""
        out = []
        for tok in sent:
            outs = [c for c in tok.children if c.dep_ in ("prt", "prep") and c.lower_ == "out"]
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in OUSTING_VERBS or not outs:
                continue  # "out" is read as a particle or as a preposition heading "of the town"
            ousted = [t for c in tok.children if c.dep_ == "dobj" for t in c.subtree]
            if self._side(ousted) not in ("state", "nonstate"):
                continue  # "forced the protesters out of the square", "floods forced people out of their homes"
            if any(c.dep_ == "prep" and c.lower_ in ("of", "from") and any(g.dep_ == "pobj" for g in c.children)
                   for c in (*tok.children, *(g for o in outs for g in o.children))):
                regain = next(i for i, t in enumerate(self.triggers) if t.get("sub_event_type") == "Government regains territory")
                out.append((tok.i - sent.start, regain, 1, OUSTED))
        return out

    def _people_taken(self, tok: Token, trig: dict, text: str) -> tuple[str, str, str] | None:
        """'Gunmen seized a local chief from his farm': a verb of taking ground whose object is a
        civilian took a person, an abduction by an armed group ('police seized the editor': an
        arrest by state forces).  Fighters taken ('captured two soldiers') stay out: in battle that
        is part of the fight."""
        taken = [_counted(c) for c in tok.children if c.dep_ == "dobj"] if tok.pos_ == "VERB" else []
        if not taken or taken[0].lemma_.lower() not in SEIZED_PEOPLE or taken[0].ent_type_ in ("GPE", "LOC", "FAC"):
            return None
        side = self._side(self._agent(tok)) or trig.get("default_actor")
        if side == "state":
            return "Strategic developments", "Arrests", f"'{text}' a civilian, by state forces"
        return "Violence against civilians", "Abduction/forced disappearance", f"'{text}' a civilian, by an armed group"

    def _territory(self, tok: Token, sent: Span, trig: dict, text: str) -> tuple[str, str, str] | None:
        key = _key(text) if " " in text else tok.lemma_.lower()
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ATTEMPT_LEMMAS:
            return None  # "tried to retake positions": an attempt is fighting, no ground changed hands
        args = self._args(tok)
        if key in TERRITORY_NEEDS_OBJECT:
            # "seized a truck at a checkpoint": a direct object is what was taken, the 'at' phrase where
            if any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children):
                args = self._args(tok, prepositions=False)
            lem = {a.lemma_.lower() for a in args}
            placed = any(a.ent_type_ in ("GPE", "LOC", "FAC") for a in args) or bool(lem & TERRITORY_NOUNS) \
                or "it" in lem and _place_before(tok)  # "celebrated in the town after it was recaptured"
            if not placed:
                return self._people_taken(tok, trig, text)
        if key in FALL_TO_PHRASES:
            # "the town fell to the rebels": the subject is the place, the 'to' object the taker
            verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
            subj = [c for c in verb.children if c.dep_ == "nsubj"]
            if not subj or not (subj[0].ent_type_ in ("GPE", "LOC", "FAC") or subj[0].lemma_.lower() in TERRITORY_NOUNS):
                return None
            taker = [g for c in verb.children if c.dep_ == "prep" for g in c.subtree]
            side = self._side(taker) or trig.get("default_actor")
            if side == "state":
                return "Battles", "Government regains territory", f"'{text}' state forces"
            return "Battles", "Non-state actor overtakes territory", f"'{text}' a non-state group"
        for t in tok.subtree:
            if t is not tok and t.lemma_.lower() in WITHDRAW_LEMMAS | {"pull"} and (t.lemma_.lower() != "pull" or
                                                                                     any(c.lower_ == "out" for c in t.children)):
                return "Strategic developments", "Non-violent transfer of territory", f"'{text}' after '{t.text}'"
        side = self._side(self._agent(tok)) or trig.get("default_actor")
        if side == "nonstate":
            return "Battles", "Non-state actor overtakes territory", f"'{text}' by a non-state group"
        return "Battles", "Government regains territory", f"'{text}' by state forces"
