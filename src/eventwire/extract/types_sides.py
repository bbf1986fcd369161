"""Step 3 of ``extract.types``, for verbs and nouns of fighting: who the sides are.

A fight is a battle only between organised armed sides (ACLED's armed clash); between crowds it is mob
violence, between a crowd and the police a riot.  So a fighting word is typed by its sides: its doer, its
object and its 'with'/'between'/'against' phrases, never the arms it fights with.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.extract.types_base import CROWD_CLASH_WORDS, FIREARM_LEMMAS, GROUND
from eventwire.extract.vocab import words

PARTY_PREPOSITIONS = words("function_words", "party_prepositions")
COLLECTIVE_NOUNS = words("event_words", "bare_collective_nouns")
RIVAL_MODIFIERS = words("event_words", "rival_modifiers")
ONE_SIDED_CLASH_WORDS = words("event_words", "one_sided_clash_words")


class Sides:
    """The sides of a fight (mixed into ``extract.types.EventTypeClassifier`` with ``Arguments``)."""

    def _parties(self, tok: Token) -> list[list[Token]]:
        """The sides of a fight: its doer, its object and its 'with'/'between'/'against' phrases,
        each conjunct a side of its own ('between government troops and rebels' names two); a side
        called rival or warring is both sides ('rival gangs fought': they fought each other)."""
        agent = self._agent(tok)
        inside = {t.i for t in agent}
        heads = [t for t in agent if t.head.i not in inside or t.head.i == t.i]
        # "Somali troops and al Shabaab militants fought": each conjunct of the doer is a side of its own
        doers = [agent] if len(heads) != 1 or not heads[0].conjuncts else \
            [[x, *(m for m in x.children if m.dep_ in ("compound", "amod"))] for x in (heads[0], *heads[0].conjuncts)]
        parties = doers + self._named_parties(tok)
        return parties + [p for p in parties if any(
            m.dep_ == "amod" and m.lower_ in RIVAL_MODIFIERS for t in p for m in t.children)]

    def _named_parties(self, tok: Token) -> list[list[Token]]:
        """The sides a fight names besides its doer: its object and its 'with'/'between'/'against'
        phrases, each conjunct a side ('between government troops and rebels' names two)."""
        named = [g for g in tok.children if g.dep_ == "dobj"] + [
            g for c in tok.children if c.dep_ == "prep" and c.lower_ in PARTY_PREPOSITIONS
            for g in c.children if g.dep_ == "pobj" and not self._arms(g)]
        return [[x, *(m for m in x.children if m.dep_ in ("compound", "amod", "prep"))]
                for g in named for x in (g, *g.conjuncts)]

    def _arms(self, tok: Token) -> bool:
        """'Militias fought with heavy weapons', 'with rifles': what a side fights with is its arms, not
        another side (a weapon word of the interception lexicon, a firearm, or any typed weapon)."""
        lemma = tok.lemma_.lower()
        weapon = self._weapon_of(tok)  # the ground concept also lists fighters ('troops', 'rebels'): sides
        return lemma in self.weapon_nouns or lemma in FIREARM_LEMMAS or tok.lower_ in FIREARM_LEMMAS \
            or weapon is not None and self.instruments[weapon]["concept"] != GROUND

    def _armed_sides(self, tok: Token) -> bool:
        """'Troops fought militants', 'rebels fought with the army': a verb of fighting is a clash
        when a side other than its doer is named, every named side is a force or an armed group, and
        one is ("fought corruption", "fought the blaze" name none; a crowd's fight is typed apart)."""
        parties = [p for p in self._parties(tok) if p]
        if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.head.pos_ == "VERB":
            # "two militants were killed in an encounter with troops": who fell in it was a side
            parties += [list(c.subtree) for c in tok.head.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        elif tok.pos_ == "NOUN":
            # "an encounter between police and Maoists", "an encounter broke out between security forces and
            # militants": a fight named with its own sides, or with those of the verb it is the subject of
            told = self._named_parties(tok.head) if tok.dep_ == "nsubj" else []
            parties = [p for p in self._named_parties(tok) + told if p]
        elif tok.pos_ != "VERB":
            return False
        sides = [self._side(p) for p in parties]
        return len(parties) > 1 and all(s in ("state", "nonstate") for s in sides)

    def _clash_sides(self, tok: Token, sent: Span, text: str, key: str) -> tuple[str, str, str] | None:
        """Another type for a clash word whose sides are not two armed ones: crowds ('clashes between
        youths'), or civilians ambushed ('killed a doctor in an ambush'); None keeps the armed clash."""
        if key in CROWD_CLASH_WORDS:
            return self._crowd_clash(tok, sent, text)
        if key in ONE_SIDED_CLASH_WORDS:
            host = tok  # "killed a doctor in an ambush": the victims are the verb's the ambush is the setting of
            while host.pos_ != "VERB" and host.dep_ in ("pobj", "prep", "conj") and host.head is not host:
                host = host.head
            host = host if host.pos_ == "VERB" else tok
            if self._target(host, sent, self._agent(host)) == "civilian":
                return "Violence against civilians", "Attack", f"'{text}' on civilians"
        return None

    def _crowd_clash(self, tok: Token, sent: Span, text: str) -> tuple[str, str, str] | None:
        """'Clashes between Muslim and Christian youths', 'villagers and herders clashed': a fight
        between crowds, with no armed group or force among its sides and no firearm named, is mob
        violence (ACLED's armed clash needs organised armed groups on both sides).  A crowd that
        fights the police or troops ('youths fought running battles with police') riots: a violent
        demonstration, as 'clashed with police' is."""
        parties = self._parties(tok)
        sides = {self._side(p) for p in parties if p}
        if "nonstate" in sides:
            return None
        # civilians of any kind (traders, students) as well as crowds; "fighting by the group": a bare
        # group may be an armed one, so it alone does not make the fight a crowd's
        people = (self.actor_sets.get("crowd", set()) | self.actor_sets.get("civilian", set())) - COLLECTIVE_NOUNS
        if not any(self._is_crowd(p, people) for p in parties if p):
            return None
        if any(t.lemma_.lower() in FIREARM_LEMMAS or t.lower_ in FIREARM_LEMMAS for t in sent):
            return None
        if "state" in sides:
            return "Riots", "Violent demonstration", f"'{text}' between a crowd and the police or troops"
        return "Riots", "Mob violence", f"'{text}' between crowds"

    def _crowd_fight(self, tok: Token, sent: Span, text: str) -> tuple[str, str, str] | None:
        """'Rival gangs fought with machetes': a verb of fighting between two sides of people is a
        crowd clash when what it takes as object, if anything, is people or a force too ("fought a
        bitter campaign" fights no one; "youths fought police" fights the police)."""
        people = self.actor_sets.get("crowd", set()) | self.actor_sets.get("civilian", set())
        if tok.pos_ != "VERB" or len([p for p in self._parties(tok) if p]) < 2 \
                or any(c.dep_ == "dobj" and not (self._is_crowd([c], people) or self._side([c]) == "state")
                       for c in tok.children):
            return None
        return self._crowd_clash(tok, sent, text)
