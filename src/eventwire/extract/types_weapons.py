"""Step 3 of ``extract.types``, its weapon: the most specific weapon a sentence names for a deed.

A thrown explosive is a grenade, a mine a pit where it is dug, a weapon word that describes another weapon
as its load names what that one carries, and a clause of another happening (told for its time, or
coordinated with its own subject) keeps its weapon to itself.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.extract.background import ANSWER_NOUNS, ANSWER_VERBS
from eventwire.extract.types_base import FUEL_MODIFIERS, GROUND, INSTRUMENT_PRECEDENCE
from eventwire.extract.vocab import load_json, words

MINING_MODIFIERS = words("event_words", "mining_modifiers")
MINING_HEADS = words("event_words", "mining_heads")
PIT_VERBS = frozenset(load_json("lexicons", "event_words.json")["pit_place_words"]["verbs"])
PIT_PREPOSITIONS = frozenset(load_json("lexicons", "event_words.json")["pit_place_words"]["prepositions"])
THROWING_VERBS = words("event_words", "throwing_verbs")
THROWN_EXPLOSIVES = words("event_words", "thrown_explosives")
SEQUENCE_MARKS = words("function_words", "sequence_marks")
LOAD_WORDS = words("event_words", "load_words")
TARGET_PREPOSITIONS = frozenset({"at", "on", "against"})  # "fired at a car carrying fighters"
PERSONAL_RELATIVES = frozenset({"who", "whom", "whose"})  # English asks 'who' of people only


def _thrown(tok: Token) -> bool:
    """'Hurled a crude bomb at the house', 'an explosive device thrown over the wall', 'a bomb was
    lobbed into the crowd': an explosive thrown by hand, not a petrol bomb (fuel burns, ACLED's
    grenade explodes)."""
    if tok.lemma_.lower() not in THROWN_EXPLOSIVES and tok.lower_ not in THROWN_EXPLOSIVES:
        return False
    if any(c.dep_ in ("amod", "compound") and c.lower_ in FUEL_MODIFIERS for c in tok.children):
        return False
    thrower = tok.head if tok.dep_ in ("dobj", "nsubjpass") else None
    thrower = thrower or next((c for c in tok.children if c.dep_ in ("acl", "relcl")), None)
    return thrower is not None and thrower.lemma_.lower() in THROWING_VERBS


def _pit(tok: Token) -> bool:
    """'A gas explosion at a coal mine', 'a mine collapse', 'gunmen stormed the mine': a mine named by what
    it digs for, by what only a pit has, or as a place entered or stood at, is a pit, not a landmine."""
    return tok.lemma_.lower() == "mine" and (any(
        c.dep_ in ("compound", "amod", "nmod") and c.lower_ in MINING_MODIFIERS for c in tok.children)
        or tok.dep_ == "compound" and tok.head.lemma_.lower() in MINING_HEADS
        or tok.dep_ == "dobj" and tok.head.lemma_.lower() in PIT_VERBS
        or tok.dep_ == "pobj" and tok.head.lower_ in PIT_PREPOSITIONS)


def _sequence_parts(sent: Span, head: Token, deeds: frozenset[int]) -> set[int]:
    """Positions of the sentence outside ``head``'s own part that tell another deed (hold a position of
    ``deeds``): the subtrees of every clause or phrase that a sequence word opens ("after ...",
    "following ...") or that names a deed answered ("in retaliation for ..."), and of every later clause of
    a coordination of clauses ("..., and drones struck a depot"), that do not hold ``head``; and when ``head`` stands inside one, everything outside the
    innermost such part that holds it.  A part that tells no deed keeps its weapon for the sentence's: "a
    gas smelling of chlorine spread after barrel bombs were dropped" is one chemical attack."""
    parts = []
    for t in sent:
        if t.lower_ in SEQUENCE_MARKS and t.dep_ == "mark":
            root = t.head  # "after [air strikes killed three]": the clause's verb
        elif t.lower_ in SEQUENCE_MARKS and t.dep_ == "prep":
            root = t  # "following [the bombing]"
        elif t.dep_ == "pobj" and t.head.head.lower_ in ANSWER_NOUNS or t.lemma_.lower() in ANSWER_VERBS:
            root = t  # "in retaliation for [an air strike]", "to [avenge the massacre]": the deed answered
        elif t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") and t.head.pos_ in ("VERB", "AUX") \
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            root = t  # "[and drones struck a depot]": a clause with its own subject
        else:
            continue
        parts.append(range(root.left_edge.i, root.right_edge.i + 1))
    if not parts:
        return set()
    inside = [p for p in parts if head.i in p]
    own = min(inside, key=len) if inside else range(sent.start, sent.end)
    apart = [set(p) for p in parts if head.i not in p and p.start >= own.start and p.stop <= own.stop]
    apart.append(set(range(sent.start, sent.end)) - set(own) - set().union(*apart))
    return set().union(*(p for p in apart if p & (deeds - {head.i})))


def _target_clauses(head: Token) -> frozenset[int]:
    """Positions of the clauses that describe what the deed ``head`` is done to: "targeted operatives who
    were preparing to launch rockets", "struck a building used by Ukrainian troops".  They tell what the
    target does or holds, so a weapon or fighters named there are not the deed's instrument."""
    if head.pos_ != "VERB":
        return frozenset()  # "the bombing of a police academy that killed 20": the clause is the deed's
    targets = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    targets += [g for c in head.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPOSITIONS
                for g in c.children if g.dep_ == "pobj"]
    aside: set[int] = set()
    for target in targets:
        for clause in target.children:
            if clause.lower_ in LOAD_WORDS:
                continue  # "rammed a car packed with explosives": the object is the weapon, its load the charge
            if clause.dep_ == "relcl" or clause.dep_ == "acl" and clause.tag_ == "VBN":
                aside.update(range(clause.left_edge.i, clause.right_edge.i + 1))
    return frozenset(aside)


class Weapons:
    """The weapon parts of ``types_arguments.Arguments`` (its instrument tables are the classifier's)."""

    def _instrument(self, sent: Span, head: Token | None = None, deeds: frozenset[int] = frozenset(),
                    aside: frozenset[int] = frozenset()) -> tuple[str, str] | None:
        """(concept, sub-type) of the most specific weapon named in the sentence; for the deed ``head``, in
        its own part of the sentence: a clause or phrase of another happening told for its time ("fired
        rockets hours after air strikes killed three"), or another clause of a coordination ("shelling
        killed two, and drones struck a depot"), holds that happening's weapon, not this one's."""
        named: dict[int, list[Token]] = {}  # instrument -> the words (phrase roots) naming it
        masked: set[int] = set()  # document positions: the matcher on a span answers in them, as tok.i does
        for match_id, s, e in self.instrument_phrases(sent):
            idx = int(self.vocab.strings[match_id])
            if self.instruments[idx].get("sub_event_type") is None:
                masked.update(range(s, e))  # "stun grenade", "tear gas": crowd control, not a weapon attack
            else:
                root = sent.doc[s:e].root
                if root.i in aside:
                    continue
                named.setdefault(self.instrument_lemmas["grenade"] if _thrown(root) else idx, []).append(root)
        for tok in sent:
            if tok.i in masked or tok.i in aside or _pit(tok):
                continue
            idx = self._weapon_of(tok)
            if _thrown(tok):  # "hurled a crude bomb": ACLED's grenade is any explosive thrown
                idx = self.instrument_lemmas["grenade"]
            if idx is not None:
                named.setdefault(idx, []).append(tok)
        if head is not None:
            apart = _sequence_parts(sent, head, deeds)
            named = {idx: kept for idx, toks in named.items() if (kept := [t for t in toks if t.i not in apart])}
        found = {idx for idx, toks in named.items() if not all(self._payload_of_weapon(t, idx) for t in toks)}
        found = found or set(named)
        if not found:
            return None
        concepts = {self.instruments[i]["concept"]: self.instruments[i] for i in found}
        for concept in INSTRUMENT_PRECEDENCE:
            if concept in concepts:
                return concept, concepts[concept]["sub_event_type"]
        return None

    @staticmethod
    def _deeds_apart(sent: Span, candidates: list) -> frozenset[int] | None:
        """Where the sentence's event words stand, when it has parts that may keep a weapon to themselves
        (a sequence word, a coordinated verb), else None: read once a sentence, not once a deed."""
        if not any(t.lower_ in SEQUENCE_MARKS or t.dep_ == "conj" and t.pos_ in ("VERB", "AUX")
                   or t.lower_ in ANSWER_NOUNS or t.lemma_.lower() in ANSWER_VERBS for t in sent):
            return None
        return frozenset(sent.start + c[0] for c in candidates)

    def _weapon_for(self, sent: Span, head: Token, instrument: tuple[str, str] | None,
                    deeds: frozenset[int] | None) -> tuple[str, str] | None:
        """The weapon of the deed ``head``: a clause of another happening ("hours after air strikes killed
        three", "..., and drones struck a depot") keeps its weapon to itself; a deed whose own part names
        none still takes the sentence's ("three servicemen were killed following a drone attack": the
        harm the strike did; "the attack comes after two drones attempted to strike": this article's
        attack, told by its likeness.  Taking none was tried: dev lost its Engels deaths, 1.000 -> 0.981)."""
        if instrument is None:
            return None
        aside = _target_clauses(head)
        if aside:
            instrument = self._instrument(sent, aside=aside)
        if instrument is None or deeds is None:
            return instrument
        return self._instrument(sent, head, deeds, aside) or instrument

    def _payload_of_weapon(self, tok: Token, idx: int) -> bool:
        """A weapon word that only describes another weapon as its load names what it carries, not the
        weapon used: "explosive-laden drones" are drones, as "an explosive-laden car" is a car bomb;
        "an unexploded shell" is still a shell's blast."""
        head, loaded = tok, tok.lower_ in LOAD_WORDS
        while head.dep_ in ("amod", "compound") and head.head.i != head.i:
            head = head.head  # "explosive" of "explosive-laden" hangs from "laden", which hangs from "drones"
            loaded = loaded or head.lower_ in LOAD_WORDS
        weapon = self._weapon_of(head) if head.i != tok.i and loaded else None
        weapon = weapon if weapon is not None else self._carrier_of(tok)
        return weapon is not None and weapon != idx

    def _carrier_of(self, tok: Token) -> int | None:
        """The weapon that carries ``tok`` when the load is told in a clause of its own: "drones carrying
        explosives", "a truck packed with explosives", "boats loaded with bombs" (the load verb's subject,
        or the noun its participle describes)."""
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        if tok.dep_ not in ("dobj", "pobj") or verb.lower_ not in LOAD_WORDS:
            return None
        carrier = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if carrier is None and verb.dep_ in ("acl", "amod"):
            carrier = verb.head
        return self._weapon_of(carrier) if carrier is not None else None

    def _weapon_of(self, tok: Token) -> int | None:
        """The instrument this word names (by lemma, else by form) when it is a weapon with a sub-type; a
        word a 'who' clause tells of is a person ("the bomber, who was in his late teens": not a plane),
        which names only armed men ("narcoterrorists who perpetrated an attack")."""
        idx = self.instrument_lemmas.get(tok.lemma_.lower())
        if idx is None:
            idx = self.instrument_lemmas.get(tok.lower_)
        if idx is None or not self.instruments[idx].get("sub_event_type"):
            return None
        if self.instruments[idx]["concept"] != GROUND and any(
                c.dep_ == "relcl" and any(g.lower_ in PERSONAL_RELATIVES for g in c.children) for c in tok.children):
            return None
        return idx
