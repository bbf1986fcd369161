"""ACLED event type and sub-type of a sentence, from trigger lexicons and the trigger's arguments.

The cascade, per sentence:

1. Triggers: lemmas and lemma phrases from ``event_types.json``, grouped by
   concept ("attack", "clash", "take control", "seize" ...).  "March 2024"
   is a month, not a march.
2. Not an event: a trigger under a modal, a plan or threat verb ("threatened
   more attacks", "could divert resources"), negated ("did not attack"), an
   infinitive of purpose, habitual, inside a press conference or a claim of
   responsibility / accusation, "alleged" or "foiled"; explosions and fires in
   accident or disaster settings (a boiler, a wildfire) and attacks in
   robberies are not conflict events.
3. Sub-type from the trigger's arguments:
   * strike triggers take the weapon named in the sentence (``instruments``,
     most specific first); a ground attack is an Attack on civilians when its
     target is civilian, an Armed clash when it is armed;
   * territory triggers ask who took it (state forces regain, non-state groups
     overtake; "after X pulled out" is a non-violent transfer);
   * argument triggers need their object: "seized weapons" (Disrupted weapons
     use), "set up an observation post" (base established);
   * killing and wounding ("harm") report an attack only with a weapon or an
     armed agent.
4. The sentence as a whole: weak triggers ("fighting", "deployed", "killed")
   count only when no other trigger fired; a protest is re-typed by its
   outcome (``protest_outcomes``: protesters' violence, lethal force,
   intervention) and absorbs the arrests, clashes and tear gas that belong to it.

``classify`` returns every hit in token order (the whole-article extractor
makes one mention per hit); ``best`` picks the one most salient hit.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Span, Token

from eventwire.data import load_json
from eventwire.extract.number_kinds import NumberKinds
from eventwire.extract.vocab import table, words

REMOTE = "Explosions/Remote violence"
PEACEFUL = "Peaceful protest"
# Instrument concepts in order of precedence when a sentence names several:
# the most specific weapon decides ("a suicide bomber detonated an explosive").
INSTRUMENT_PRECEDENCE = (
    "suicide bombing",
    "chemical weapons",
    "grenades",
    "planted explosives",
    "aircraft and drones",
    "artillery, rockets and missiles",
    "guns and ground assault",
)
GROUND = "guns and ground assault"
# Fallback sub-types for strike triggers with no instrument in the sentence.
STRIKE_DEFAULTS = table("event_words", "strike_defaults")
# bombs with no weapon named: a planted charge when an armed group is named, else unknown (air or ground)
ARMED_BOMB_LEMMAS = words("event_words", "armed_bomb_lemmas")
# explosions that may be accidents: need a weapon or an armed agent when the setting is industrial
ACCIDENT_PRONE = words("event_words", "accident_prone")
# kept for callers of the old module: strike triggers too generic to stand alone
WEAK_STRIKE_LEMMAS = words("event_words", "weak_strike_lemmas")


def _doers_deed(tok: Token) -> bool:
    """'Those who massacred six priests': a past deed told of the people who did it, so it was done."""
    return tok.dep_ == "relcl" and tok.tag_ == "VBD" and any(c.dep_ == "nsubj" and c.lower_ == "who" for c in tok.children)


def _definite(tok: Token) -> bool:
    """'The attack', 'this raid': a determiner that points at one known act."""
    return any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in tok.children)


def _past_event(verb: Token) -> bool:
    """A simple past ("were used", "launched"): a report of something done, not a habit or a plan."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and bool(auxes) and all(a.tag_ == "VBD" for a in auxes)


# "the attack", "this raid": an act already told
DEFINITE_DETERMINERS = words("function_words", "definite_determiners")
# "the same day the senator was assassinated": a clause on a time word dates, it does not point back
TIME_NOUNS = words("event_words", "time_nouns")
# "after the assassination, the government ordered...": what the plan follows has happened
AFTER_PREPOSITIONS = words("function_words", "after_prepositions")
# "information on the murder", "an inquiry into the attack": what a noun or verb is about
TOPIC_PREPOSITIONS = words("function_words", "topic_prepositions")
# gatherings that are often only the setting of another event ("a bomb exploded at a rally")
GATHERING_NOUNS = words("event_words", "gathering_nouns")
# "tried to strike" reports an attempt that happened; "used to strike" does not
ATTEMPT_LEMMAS = words("event_words", "attempt_lemmas")
FUTURE_AUX = words("function_words", "future_auxiliaries")
# places a territory trigger takes (else a proper-noun place)
TERRITORY_NOUNS = words("place_words", "territory_nouns")
# territory triggers that need an object to be territorial ("seized weapons" is not territory)
TERRITORY_NEEDS_OBJECT = words("event_words", "territory_needs_object")
WITHDRAW_LEMMAS = words("event_words", "withdraw_lemmas")
# how salient a sub-type is when one snippet holds several: specific beats generic
SPECIFIC = table("event_words", "subtype_salience")
# hits that a protest in the same sentence (or snippet) absorbs: they are its outcome
PROTEST_PARTS = words("event_words", "protest_parts")


@dataclass(frozen=True)
class TypeHit:
    trigger: Token
    trigger_text: str
    event_type: str
    sub_event_type: str
    concept: str
    reason: str
    weak: bool = False
    weapon: str = ""  # the instrument concept that gave the sub-type, if one did


def _key(text: str) -> str:
    return text.lower()


class EventTypeClassifier:
    """Built once with the shared nlp; call ``classify(sentence)`` per sentence."""

    def __init__(self, nlp: Language) -> None:
        lex = load_json("lexicons", "event_types.json")
        self.kinds = NumberKinds()
        self.triggers = lex["triggers"]
        self.instruments = lex["instruments"]
        cues = lex["not_event_cues"]
        self.modal = set(cues["modal_lemmas"])
        self.plan = set(cues["plan_lemmas"])
        self.meeting = set(cues["meeting_lemmas"])
        self.judgement = set(cues.get("judgement_lemmas", ()))
        self.generic_det = set(cues.get("generic_determiners", ()))
        self.habitual = set(cues["habitual_adverbs"])
        self.speculative = set(cues["speculative_adverbs"])
        self.repel = set(cues["repel_lemmas"])
        self.attribution = set(cues.get("attribution_lemmas", ()))
        self.claim = set(cues.get("claim_lemmas", ()))
        self.plan_prep = dict(cues.get("plan_with_preposition", {}))
        self.unasserted = set(cues.get("unasserted_modifiers", ()))
        self.figurative = {w.lower() for w in cues.get("figurative_modifiers", ())}
        self.non_event_heads = set(cues.get("non_event_heads", ()))
        self.accident = set(cues.get("accident_context", ()))
        self.disaster = set(cues.get("disaster_nouns", ()))
        self.crime = set(cues.get("crime_context", ()))
        self.diplomatic = set(cues.get("diplomatic_context", ()))
        self.topic_preps = set(cues.get("protest_topic_preps", ()))
        self.topic_verbs = set(cues.get("protest_topic_verbs", ()))
        actors = lex.get("actors", {})
        self.actor_sets = {k: set(v) for k, v in actors.items() if not k.startswith("_")}
        # trigger_lemmas: lemma -> its first concept (kept for callers); _lemma_concepts: every concept
        self.trigger_lemmas: dict[str, int] = {}
        self._lemma_concepts: dict[str, list[int]] = {}
        for i, t in enumerate(self.triggers):
            for lemma in t["lemmas"]:
                self.trigger_lemmas.setdefault(lemma, i)
                self._lemma_concepts.setdefault(lemma, []).append(i)
        self.instrument_lemmas: dict[str, int] = {}
        for i, t in enumerate(self.instruments):
            for lemma in t["lemmas"]:
                self.instrument_lemmas.setdefault(lemma, i)
        self.trigger_phrases = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self.instrument_phrases = PhraseMatcher(nlp.vocab, attr="LEMMA")
        # phrase patterns are lemmatised by the same pipeline that reads articles; one key per phrase
        # so the resolver knows which phrase fired ("blow up" needs a weapon, "open fire" is a ground attack)
        self._phrase_of: dict[str, tuple[int, str]] = {}
        for i, t in enumerate(self.triggers):
            for phrase, pdoc in zip(t["phrases"], nlp.pipe(t["phrases"])):
                key = f"t{i}:{phrase}"
                self._phrase_of[key] = (i, _key(phrase))
                self.trigger_phrases.add(key, [pdoc])
        for i, t in enumerate(self.instruments):
            self.instrument_phrases.add(str(i), list(nlp.pipe(t["phrases"])))
        for t in self.triggers:
            t["_needs_instrument"] = {_key(x) for x in t.get("needs_instrument", ())}
            t["_ground"] = {_key(x) for x in t.get("ground_lemmas", ())}
            t["_weak"] = {_key(x) for x in t.get("weak", ())}
            t["_objects"] = set(t.get("objects", ()))
            t["_needs_weapon"] = set(t.get("needs_weapon", ()))
            t["_needs_object"] = set(t.get("needs_object", ()))
            t["_needs_armed"] = {_key(x) for x in t.get("needs_armed_instrument", ())}
            t["_needs_weapon_object"] = set(t.get("needs_weapon_object", ()))
            t["_needs_agent"] = {_key(x) for x in t.get("needs_agent", ())}
            t["_armed_verbs"] = set(t.get("armed_verbs", ()))
            t["_explodes_object"] = {_key(x) for x in t.get("explodes_its_object", ())}
            t["_verb_only"] = set(t.get("verb_only", ()))
        harm = next((t for t in self.triggers if t["kind"] == "harm"), {})
        self.violent_settings = set(harm.get("violent_settings", ()))
        self.not_violent_modifiers = set(harm.get("not_violent_modifiers", ()))
        self.weapon_nouns = set()
        for t in self.triggers:
            if t["kind"] == "argument" and t.get("sub_event_type") == "Disrupted weapons use":
                self.weapon_nouns |= t["_objects"]
        # protest outcomes: cue lemmas and phrases per sub-type, checked in order
        outcomes = lex.get("protest_outcomes", {})
        self.outcome_order = list(outcomes.get("order", ()))
        self.outcomes = {k: outcomes[k] for k in self.outcome_order}
        self.outcome_lemmas = {k: set(v["lemmas"]) for k, v in self.outcomes.items()}
        self.outcome_phrases = PhraseMatcher(nlp.vocab, attr="LEMMA")
        for k, v in self.outcomes.items():
            self.outcome_phrases.add(k, list(nlp.pipe(v["phrases"])))
        self.vocab = nlp.vocab

    # ------------------------------------------------------------------ parts
    def _instrument(self, sent: Span) -> tuple[str, str] | None:
        """(concept, sub-type) of the most specific weapon named in the sentence."""
        found: set[int] = set()
        masked: set[int] = set()  # document positions: the matcher on a span answers in them, as tok.i does
        for match_id, s, e in self.instrument_phrases(sent):
            idx = int(self.vocab.strings[match_id])
            if self.instruments[idx].get("sub_event_type") is None:
                masked.update(range(s, e))  # "stun grenade", "tear gas": crowd control, not a weapon attack
            else:
                found.add(idx)
        for tok in sent:
            if tok.i in masked:
                continue
            idx = self.instrument_lemmas.get(tok.lemma_.lower())
            if idx is None:
                idx = self.instrument_lemmas.get(tok.lower_)
            if idx is not None and self.instruments[idx].get("sub_event_type"):
                found.add(idx)
        if not found:
            return None
        concepts = {self.instruments[i]["concept"]: self.instruments[i] for i in found}
        for concept in INSTRUMENT_PRECEDENCE:
            if concept in concepts:
                return concept, concepts[concept]["sub_event_type"]
        return None

    def _blocked(self, tok: Token) -> str | None:
        """Why this trigger does not report a happened event, or None."""
        for child in tok.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
                return f"negated trigger '{tok.text}'"
            if child.dep_ in ("amod", "compound") and child.lower_ in self.unasserted:
                return f"'{child.text} {tok.text}': not asserted to have happened"
            if child.dep_ in ("amod", "compound") and child.lower_ in self.figurative:
                return f"'{child.text} {tok.text}': a figure of speech, not fighting"
        if tok.dep_ in ("compound", "amod") and tok.head.lower_ in self.non_event_heads:
            return f"'{tok.text} {tok.head.text}': names a kind of thing, not an event"
        if tok.text[:1].isupper() and not tok.text.isupper() and tok.i != tok.sent.start and tok.pos_ == "PROPN":
            return f"'{tok.text}' is a name here"
        if tok.lemma_.lower() == "shell" and tok.tag_ == "NN":
            return "'shell' (one casing, or a figure of speech) does not report shelling"
        if tok.dep_ == "relcl" and any(c.dep_ == "auxpass" for c in tok.children) \
                and tok.head.lemma_.lower() not in TIME_NOUNS \
                and any(d.lower_ in ("the", "that", "this") for d in tok.head.children if d.dep_ == "det"):
            return f"'the {tok.head.text} that was {tok.text}': points back to an event told elsewhere"
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children):
            return f"conditional '{tok.text}': may never happen"
        guess = next((c for a in (tok, *tok.ancestors) for c in a.children
                      if c.dep_ == "advmod" and c.lower_ in self.speculative), None)
        if guess is not None:
            return f"'{guess.text}': a guess, not a report"
        if any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children) and tok.head.lemma_.lower() not in ATTEMPT_LEMMAS:
            return f"infinitive '{tok.text}': purpose or plan, not a report"
        verb = tok if tok.pos_ in ("VERB", "AUX") else next((a for a in tok.ancestors if a.pos_ == "VERB"), None)
        if tok.pos_ == "NOUN":
            clause = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
            # "the car bomb attack on the headquarters is the bloodiest ever": a judgement of one known deed
            # "similar to the assassination of the priests perpetrated on 16 November": a done deed, compared
            definite = tok.tag_ == "NN" and _definite(tok) and (
                tok.dep_ == "nsubj" and clause is not None and tok.head.i == clause.i
                or any(t.dep_ == "acl" and t.tag_ == "VBN" for t in tok.subtree))
            if not definite and clause is not None and clause.tag_ in ("VBZ", "VBP") \
                    and (clause.lemma_ == "be" or clause.lemma_.lower() in self.trigger_lemmas) \
                    and clause.dep_ in ("ccomp", "ROOT", "advcl", "relcl") and not any(
                        c.dep_ in ("expl", "aux", "auxpass") for c in clause.children):
                # "strikes on energy targets are legitimate responses": a judgement, not a report
                return f"'{tok.text}' in a present-tense statement ('{clause.text}')"
        if verb is not None and verb != tok and tok.dep_ == "dobj" and tok.head == verb \
                and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children) \
                and verb.head.lemma_.lower() not in ATTEMPT_LEMMAS and not _past_event(verb.head):
            # "the base has been used to carry out strikes": a use, not one strike ("drones were used to ..." is)
            return f"'to {verb.text} {tok.text}': purpose or plan, not a report"
        for t in (tok, verb):
            if t is None:
                continue
            for child in t.children:
                if child.dep_ in ("aux", "auxpass") and child.lemma_.lower() in FUTURE_AUX:
                    return f"modal or future '{child.text} {t.text}'"
                if child.dep_ == "advmod" and child.lower_ in self.habitual:
                    return f"habitual '{child.text}': a pattern, not one event"
                if child.dep_ in ("npadvmod", "advmod", "dobj") and child.lower_ in ("times", "occasions") and any(
                        g.lower_ in ("many", "several", "numerous", "multiple", "countless") for g in child.children):
                    return f"'{' '.join(x.text for x in child.subtree)}': a pattern, not one event"
                if child.dep_ == "prep" and child.lower_ == "since" and t.tag_ in ("VBN",) and any(
                        a.lower_ in ("has", "have") for a in t.children if a.dep_ == "aux"):
                    return "'has been … since': an ongoing pattern, not one event"
                if child.dep_ == "neg" and t is verb and t is not tok and (tok.dep_ in ("dobj", "nsubjpass", "nsubj")
                                                                            or tok.dep_ == "pobj" and tok.head.head == verb):
                    return f"negated '{t.text}' of '{tok.text}'"
        if tok.tag_ in ("VBP", "VBZ", "VB") and tok.dep_ == "ccomp" and not any(c.dep_ in ("aux", "auxpass") for c in tok.children) \
                and any(c.dep_ == "nsubj" for c in tok.children):
            return f"present tense '{tok.text}' in reported speech: a general statement"
        if tok.head.lemma_.lower() in self.claim and tok.dep_ == "dobj":
            return f"claimed '{tok.text}': attribution of responsibility"
        for depth, anc in enumerate(tok.ancestors):
            lemma = anc.lemma_.lower()
            if lemma in self.attribution and depth < 6:
                return f"under '{anc.text}': attribution or accusation"
            if depth >= 3:
                continue
            if (lemma in self.plan or lemma in self.plan_prep and any(
                    c.dep_ == "prep" and c.lower_ == self.plan_prep[lemma] for c in anc.children)) \
                    and not self._known_topic(tok):
                return f"under plan/threat verb '{anc.text}'"
            if lemma in self.meeting:
                return f"inside '{anc.text}'"
            if lemma in self.judgement and not self._judged_deed(tok, anc):
                return f"inside '{anc.text}'"
        return None

    def _known_topic(self, tok: Token) -> bool:
        """'Offered a reward for information on the assassination of the Jesuits': a definite deed
        that is the topic of a noun is already done, whatever is planned or offered about it
        (unless it is itself the plan: "warned about the attack planned for Friday")."""
        if any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in self.plan for c in tok.children):
            return False
        if _doers_deed(tok):
            return True  # "we want to punish those who massacred the priests": they did
        if tok.dep_ == "pobj" and tok.head.lower_ in AFTER_PREPOSITIONS:
            return True  # "after the assassination of the senator, the government ordered an offensive"
        return tok.pos_ == "NOUN" and tok.tag_ == "NN" and tok.dep_ == "pobj" \
            and (tok.head.head.pos_ == "NOUN" or tok.head.lower_ in TOPIC_PREPOSITIONS) and _definite(tok)

    def _judged_deed(self, tok: Token, judge: Token) -> bool:
        """'We condemn the murders of the priests': a definite deed, judged after it was done.

        The trigger must be a noun the judgement names ("the murders", "this
        attack", "their killing"), not a generic one ("attacks on civilians",
        "any attack"), and the judgement must itself be asserted: "would
        condemn", "will denounce" speak of a deed that may never happen.
        """
        if _doers_deed(tok):
            return True  # "we condemn those who this morning massacred six priests"
        if tok.pos_ not in ("NOUN", "PROPN") and tok.tag_ != "VBG":
            return False
        dets = [c for c in tok.children if c.dep_ in ("det", "poss", "predet")]
        if not dets or any(d.lower_ in self.generic_det for d in dets):
            return False
        return not any(c.dep_ in ("aux", "auxpass") and c.lemma_.lower() in self.modal | FUTURE_AUX
                       for c in judge.children)

    @staticmethod
    def _args(tok: Token) -> list[Token]:
        """The trigger's object-like arguments, with their conjuncts and 'of' complements."""
        out: list[Token] = []
        for c in tok.children:
            if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd"):
                out.append(c)
            elif c.dep_ == "prep" and c.lower_ in ("of", "on", "at", "against", "into", "over", "in"):
                out.extend(g for g in c.children if g.dep_ == "pobj")
            elif c.dep_ == "prt":
                out.extend(g for g in c.children if g.dep_ == "pobj")
        if tok.dep_ in ("amod", "compound") and tok.head.pos_ in ("NOUN", "PROPN"):
            out.append(tok.head)  # "the seized weapons", "weapons seizure"
        more = []
        for a in out:
            more.extend(x for x in a.conjuncts)
            more.extend(x for x in a.children if x.dep_ in ("compound", "amod"))
            for p in a.children:
                if p.dep_ == "prep" and p.lower_ == "of":
                    more.extend(g for g in p.children if g.dep_ == "pobj")
                    for g in p.children:
                        more.extend(g.conjuncts)
        return out + more

    def _agent(self, tok: Token) -> list[Token]:
        """Who acts: the subject (or 'by' agent) of the trigger or of the verb it hangs from."""
        cands = [tok]
        # a passive names its agent with "by" or not at all: the subject of the verb it hangs from
        # is the victim ("Galan died after having been shot")
        passive = tok.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in tok.children)
        if not passive and (tok.pos_ != "VERB" or not any(c.dep_ in ("nsubj", "agent") for c in tok.children)):
            cands += [a for a in list(tok.ancestors)[:3]]
        for t in cands:
            subj = [c for c in t.children if c.dep_ == "nsubj"]
            agent = [g for c in t.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            poss = [c for c in t.children if c.dep_ == "poss"] if t.pos_ == "NOUN" else []
            by = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children if g.dep_ == "pobj"]
            found = agent or subj or by or poss
            if found:
                return [x for f in found for x in f.subtree]
            if t.dep_ not in ("conj", "advcl", "xcomp", "acl", "relcl", "pcomp", "pobj", "prep", "dobj"):
                break
        return []

    def _side(self, toks: list[Token]) -> str | None:
        """'nonstate', 'state', 'crowd' or None for a span of actor tokens."""
        lem = {t.lemma_.lower() for t in toks} | {t.lower_ for t in toks}
        if lem & self.actor_sets.get("nonstate", set()):
            return "nonstate"
        if lem & self.actor_sets.get("state", set()):
            return "state"
        if lem & self.actor_sets.get("crowd", set()):
            return "crowd"
        return None

    def _target(self, tok: Token, sent: Span, agent: list[Token]) -> str | None:
        """'civilian' or 'military' for the target of a ground attack."""
        args = self._args(tok)
        civ, mil = self.actor_sets.get("civilian", set()), self.actor_sets.get("military", set())
        for pool in (args, [t for t in sent if t not in agent and t.pos_ in ("NOUN", "PROPN")]):
            lem = {t.lemma_.lower() for t in pool}
            if lem & mil:
                return "military"
            if lem & civ:
                return "civilian"
        return None

    def _ground(self, tok: Token, sent: Span, text: str, armed: bool) -> tuple[str, str, str] | None:
        """A ground attack: on civilians (Attack), on armed men (Armed clash), by a crowd (Mob violence)."""
        agent = self._agent(tok)
        side = self._side(agent)
        if side == "crowd" and not armed:
            return "Riots", "Mob violence", f"'{text}' by a crowd"
        if side is None and not armed:
            return None
        target = self._target(tok, sent, agent)
        if target == "civilian":
            return "Violence against civilians", "Attack", f"ground attack '{text}' on civilians"
        return "Battles", "Armed clash", f"ground attack '{text}'" + (" on armed men" if target else "")

    def _territory(self, tok: Token, sent: Span, trig: dict, text: str) -> tuple[str, str, str] | None:
        key = _key(text) if " " in text else tok.lemma_.lower()
        args = self._args(tok)
        if key in TERRITORY_NEEDS_OBJECT:
            lem = {a.lemma_.lower() for a in args}
            placed = any(a.ent_type_ in ("GPE", "LOC", "FAC") for a in args) or bool(lem & TERRITORY_NOUNS)
            if not placed:
                return None
        if key in ("fall to", "fell to", "fall into the hand"):
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

    def _argument(self, tok: Token, trig: dict, text: str, phrase: bool, sent: Span) -> bool:
        """Whether an argument trigger has the object it needs ("seized weapons", "set up a post")."""
        if phrase and text.lower() not in ("set up",):
            return True
        args = self._args(tok)
        lem = {a.lemma_.lower() for a in args} | {a.lower_.rstrip("s") for a in args} | {a.lower_ for a in args}
        hit = lem & trig["_objects"]
        if not hit:
            return False
        if lem & set(trig.get("object_exclude", ())):
            return False
        need = trig.get("object_modifiers_required", {})
        if hit and all(h in need for h in hit):
            words = {t.lemma_.lower() for t in sent}
            if not any(words & set(need[h]) for h in hit):
                return False
        return True

    @staticmethod
    def _atrocity(tok: Token) -> bool:
        """'A war crime', 'crimes against humanity': the gravest conflict events, not common crime."""
        return tok.lemma_.lower() == "crime" and any(
            c.lower_ == "war" and c.dep_ in ("compound", "amod", "nmod") or c.dep_ == "prep" and c.lower_ == "against"
            for c in tok.children)

    def _context(self, sent: Span, words: set[str]) -> bool:
        return any(t.lemma_.lower() in words or t.lower_ in words for t in sent)

    def _topic(self, t: Token) -> bool:
        """Whether a cue is what a protest is about ("to decry the arrests", "against police violence")."""
        prev = t
        for n, a in enumerate([t, *t.ancestors]):
            if n >= 6:
                break
            if a.dep_ == "pobj" and a.head.lower_ in self.topic_preps:
                return True
            if a is not t and any(c.dep_ == "aux" and c.tag_ == "TO" for c in a.children) and a.dep_ in ("advcl", "xcomp", "acl"):
                return True
            if a is not t and a.lemma_.lower() in self.topic_verbs and prev.dep_ in ("dobj", "prep", "ccomp", "xcomp"):
                return True
            prev = a
        return False

    def protest_outcome(self, sents) -> tuple[str, str, str] | None:
        """(event type, sub-type, cue) of a protest from the cues in these sentences, or None when peaceful."""
        for sub in self.outcome_order:
            lemmas = self.outcome_lemmas[sub]
            not_after = set(self.outcomes[sub].get("not_after", ()))
            for sent in sents:
                doc = sent.as_doc() if isinstance(sent, Span) else sent
                masked = set()
                for match_id, s, e in self.instrument_phrases(doc):
                    if self.instruments[int(self.vocab.strings[match_id])].get("sub_event_type") is None:
                        masked.update(range(s, e))
                for match_id, s, e in self.outcome_phrases(doc):
                    if self.vocab.strings[match_id] == sub:
                        return self.outcomes[sub]["event_type"], sub, doc[s:e].text
                for t in doc:
                    if (t.lemma_.lower() in lemmas or t.lower_ in lemmas) and not self.kinds.is_calendar(t):
                        if sub != "Protest with intervention" and t.i in masked:
                            continue
                        if t.i > 0 and doc[t.i - 1].lower_ in not_after:
                            continue
                        if any(c.dep_ == "neg" for c in t.children) or self._blocked(t) or self._topic(t):
                            continue
                        return self.outcomes[sub]["event_type"], sub, t.text
        return None

    def is_topic_noun(self, tok: Token) -> bool:
        """A noun a deed can be the topic of ('the investigation of', 'his involvement in'): no event
        word of the lexicon, and no time word ('the day the senator was killed' dates the deed)."""
        return tok.pos_ == "NOUN" and tok.lemma_.lower() not in TIME_NOUNS \
            and tok.lemma_.lower() not in self._lemma_concepts and tok.lower_ not in self._lemma_concepts

    def candidate_tokens(self, sent: Span, other_than: str | None = None) -> list[Token]:
        """Tokens of the sentence that are event words of a fixed type (other than ``other_than``).

        Words whose type depends on the weapon ("attack", "killed") can belong to any
        event, so they are left out: "debris injured a woman in Lgov" places the strike.
        """
        out = []
        for t in sent:
            concepts = self._lemma_concepts.get(t.lemma_.lower(), ())
            if any(self.triggers[i]["kind"] in ("strike", "harm") for i in concepts):
                continue  # typed by their weapon or victims: they can belong to any event
            types = {self.triggers[i].get("event_type") for i in concepts}
            if types and None not in types and (other_than is None or other_than not in types):
                out.append(t)
        return out

    # ------------------------------------------------------------------ public
    def classify(self, sent: Span) -> list[TypeHit]:
        candidates: list[tuple[int, int, int, str]] = []  # (token index in sent, trigger idx, length, phrase key)
        for match_id, s, e in self.trigger_phrases(sent):  # on the span itself: document positions
            idx, phrase = self._phrase_of[self.vocab.strings[match_id]]
            candidates.append((s - sent.start, idx, e - s, phrase))
        covered = {i for s, _c, n, _p in candidates for i in range(s, s + n)}
        for tok in sent:
            i = tok.i - sent.start
            lemma = tok.lemma_.lower()
            idxs = self._lemma_concepts.get(lemma)
            if idxs is None and tok.tag_ != "VBG":  # surface forms the lemmatiser gets wrong ("raped" -> "rap")
                lemma = tok.lower_
                idxs = self._lemma_concepts.get(lemma)
            # "March 2024" is a month, not a march
            if idxs and i not in covered and tok.pos_ in ("VERB", "NOUN", "ADJ", "PROPN") \
                    and not (self.kinds.is_calendar(tok) and (tok.pos_ == "PROPN" or tok.is_title)):
                candidates.extend((i, idx, 1, lemma) for idx in idxs)
        if not candidates:
            return []
        instrument = self._instrument(sent)
        accident = instrument is None and self._context(sent, self.accident)
        crime = any((t.lemma_.lower() in self.crime or t.lower_ in self.crime) and not self._atrocity(t) for t in sent)
        diplomatic = self._context(sent, self.diplomatic)
        hits: list[TypeHit] = []
        # longest phrase first at a position, so "blow themselves up" is read before "blow up"
        for i, idx, n, key in sorted(candidates, key=lambda c: (c[0], -c[2])):
            tok = sent[i]
            # for phrases, the syntactic head of the phrase carries negation and modals
            head = min(sent[i : i + n], key=lambda t: len(list(t.ancestors)))
            trig = self.triggers[idx]
            text = sent[i : i + n].text
            phrase = n > 1 or " " in key
            weak = key in trig["_weak"]
            if self._blocked(head):
                continue
            if head.pos_ == "NOUN" and key in trig["_verb_only"]:
                continue  # "the target revealed by Rogozin": the noun names what is aimed at, not the act
            kind = trig["kind"]
            if crime and kind in ("strike", "harm") or crime and trig.get("event_type") == "Violence against civilians":
                continue  # a robbery, a gang: crime, not a conflict event
            if diplomatic and kind in ("strike", "harm"):
                continue  # sanctions over an attack: diplomacy, not the attack's report
            if kind in ("strike", "harm") or trig.get("sub_event_type") == "Armed clash":
                phrase_toks = set(range(tok.i, tok.i + n))
                if not instrument and any(t.lemma_.lower() in self.disaster for t in head.subtree if t.i not in phrase_toks):
                    continue  # "the battle to contain wildfires"
            resolved: tuple[str, str, str] | None
            if kind == "strike":
                resolved = self._strike(head, sent, trig, text, key, instrument, accident, n)
            elif kind == "harm":
                resolved = self._harm(head, sent, text, instrument)
            elif kind == "territory":
                resolved = self._territory(head, sent, trig, text)
            elif kind == "argument":
                resolved = (trig["event_type"], trig["sub_event_type"], f"'{text}' with its object ({trig['concept']})") \
                    if self._argument(head, trig, text, phrase, sent) else None
            else:
                if key in trig["_needs_agent"] and self._side(self._agent(head)) is None:
                    continue  # "houses were set on fire" in a battle report: damage, not a separate act
                if trig["_needs_weapon"] and key in trig["_needs_weapon"] and instrument is None \
                        and not self._context(sent, self.weapon_nouns):
                    continue  # "the interception of this individual"
                resolved = (trig["event_type"], trig["sub_event_type"], f"trigger '{text}' ({trig['concept']})")
            if resolved is None:
                continue
            etype, sub, why = resolved
            weapon = instrument[0] if instrument and instrument[1] == sub and instrument[0] != GROUND else ""
            hits.append(TypeHit(tok, text, etype, sub, trig["concept"], why, weak, weapon))
        if any(not h.weak for h in hits):
            hits = [h for h in hits if not h.weak]
        # one hit per sub-type and clause: a second one counts only when neither governs the other
        # ("the attack comes after drones tried to strike the Kremlin earlier this month": two events)
        unique: list[TypeHit] = []
        for h in hits:
            same = [u for u in unique if (u.event_type, u.sub_event_type) == (h.event_type, h.sub_event_type)]
            if not same or all(not (u.trigger.is_ancestor(h.trigger) or h.trigger.is_ancestor(u.trigger)
                                    or u.trigger.head == h.trigger or h.trigger.head == u.trigger
                                    or u.trigger.head == h.trigger.head) for u in same):
                unique.append(h)
        # "the bombings hit two cities", "shelling struck the market": the verb tells its subject's act again
        told = {h.trigger.i for h in unique}
        hits = [h for h in unique if not any(c.dep_ == "nsubj" and c.i in told for c in h.trigger.children)]
        # "an attack at a rally": the rally is where something else happened
        settings = [h for h in hits if h.event_type == "Protests" and h.trigger.dep_ == "pobj"
                    and h.trigger.head.lower_ in ("at", "during") and h.trigger.lemma_.lower() in GATHERING_NOUNS]
        if settings and any(self.triggers[i]["kind"] in ("strike", "harm") or self.triggers[i].get("event_type")
                            not in (None, "Protests")
                            for t in sent for i in self._lemma_concepts.get(t.lemma_.lower(), ())):
            hits = [h for h in hits if h not in settings]
        return self._protest(hits, [sent])

    def _strike(self, head, sent, trig, text, key, instrument, accident, n) -> tuple[str, str, str] | None:
        lemma = head.lemma_.lower() if n == 1 else key
        repelled = head.pos_ == "NOUN" and head.dep_ in ("nsubjpass", "dobj") and head.head.lemma_.lower() in self.repel
        if repelled:
            # "the attack was repelled": a ground assault fought off, or weapons intercepted
            if instrument and instrument[0] == "aircraft and drones":
                return "Strategic developments", "Disrupted weapons use", f"'{text}' {head.head.text}"
            return "Battles", "Armed clash", f"'{text}' {head.head.text}"
        if lemma in trig["_needs_object"] and not any(c.dep_ == "dobj" for c in head.children) \
                and not any(c.dep_ == "nsubjpass" for c in head.children) | (head.dep_ == "acl"):
            return None  # "launched from the region": where it came from, not what was hit
        if lemma in trig["_needs_object"] and any(c.dep_ == "prep" and c.lower_ == "from" for c in head.children) \
                and not any(c.dep_ == "prep" and c.lower_ in ("at", "on", "against", "into") for c in head.children):
            return None
        if accident and (lemma in ACCIDENT_PRONE or key in ACCIDENT_PRONE or head.lemma_.lower() in ACCIDENT_PRONE) and self._side(self._agent(head)) is None:
            return None  # a boiler or a warehouse exploded: an accident
        if lemma in trig["_needs_weapon_object"]:
            # "chlorine was used", "gas used by terrorists": the weapon must be what is used
            objs = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")] + ([head.head] if head.dep_ == "acl" else [])
            objs += [x for o in objs for x in o.children if x.dep_ in ("compound", "amod")]
            hit = {self.instrument_lemmas.get(o.lemma_.lower()) for o in objs} | {self.instrument_lemmas.get(o.lower_) for o in objs}
            concepts = {self.instruments[i]["concept"] for i in hit if i is not None and self.instruments[i].get("sub_event_type")}
            # only chemical weapons are reported this way; "used drones to strike" is told by its own trigger
            if not instrument or instrument[0] != "chemical weapons" or instrument[0] not in concepts and not any(
                    o.lemma_.lower() in ("gas", "weapon") for o in objs):
                return None
        if instrument and instrument[0] != GROUND:
            return REMOTE, instrument[1], f"trigger '{text}' with weapon ({instrument[0]})"
        if lemma in STRIKE_DEFAULTS:
            return REMOTE, STRIKE_DEFAULTS[lemma], f"trigger '{text}'"
        if instrument and lemma in ARMED_BOMB_LEMMAS:
            # "terrorists' bombings": an armed group's bombing is a planted charge, not a ground assault
            return REMOTE, "Remote explosive/landmine/IED", f"trigger '{text}' by armed men"
        if instrument or key in trig["_ground"] or lemma in trig["_ground"]:
            # "the judge was shot": the verb itself names the firearm
            armed = instrument is not None or head.pos_ == "VERB" and bool({lemma, key} & trig["_armed_verbs"])
            resolved = self._ground(head, sent, text, armed=armed)
            # a bare "attack" by an army names no weapon: only a crowd's attack is typed without one
            if resolved and not instrument and (key in trig["_needs_armed"] or lemma in trig["_needs_armed"]) \
                    and resolved[1] != "Mob violence":
                return None
            return resolved
        if key in trig["_explodes_object"] and any(c.dep_ in ("dobj", "nsubjpass") for c in head.children):
            # "blew up a bridge", "two bank branches were blown up" ("the row blew up" has no object)
            return REMOTE, "Remote explosive/landmine/IED", f"'{text}' with its object"
        if key in trig["_needs_instrument"] or lemma in trig["_needs_instrument"] or lemma in WEAK_STRIKE_LEMMAS or n == 1:
            return None
        return REMOTE, "Remote explosive/landmine/IED", f"trigger '{text}'"

    def _harm(self, head, sent, text, instrument) -> tuple[str, str, str] | None:
        """'killed', 'injured': an attack only when a weapon or an armed agent is named."""
        if instrument and instrument[0] != GROUND:
            return REMOTE, instrument[1], f"'{text}' by weapon ({instrument[0]})"
        agent = self._agent(head)
        side = self._side(agent)
        if side in ("state", "nonstate"):
            return self._ground(head, sent, text, armed=True)
        if side == "crowd":
            return "Riots", "Mob violence", f"'{text}' by a crowd"
        setting = self._violent_setting(head)
        if setting is not None:
            return self._ground(head, sent, text, armed=True)
        return None

    def _violent_setting(self, head: Token) -> Token | None:
        """'killed in an ambush', 'wounded during the attack': the harm happened in an armed act.

        A bare "attack" names no weapon and stands for nothing alone ("a verbal
        attack"); someone killed or wounded in one was attacked with arms.  A
        definite one ("injured in the attack", "in this raid") is the event told
        before: the harm is its outcome, not a new event.
        """
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "during"):
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj" or obj.lemma_.lower() not in self.violent_settings:
                    continue
                if _definite(obj) or any(c.dep_ == "poss" for c in obj.children):
                    continue
                if not any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in self.not_violent_modifiers
                           for c in obj.children):
                    return obj
        return None

    def _protest(self, hits: list[TypeHit], sents) -> list[TypeHit]:
        """A protest takes its sub-type from its outcome and absorbs the hits that are that outcome."""
        protest = next((h for h in hits if h.sub_event_type == PEACEFUL), None)
        if protest is None:
            return hits
        outcome = self.protest_outcome(sents)
        if outcome is not None:
            etype, sub, cue = outcome
            protest = TypeHit(protest.trigger, protest.trigger_text, etype, sub, protest.concept,
                              f"{protest.reason}; outcome '{cue}'", protest.weak)
        out, placed = [], False
        for h in hits:
            if h.sub_event_type == PEACEFUL or h.sub_event_type in PROTEST_PARTS:
                if not placed:
                    out.append(protest)
                    placed = True
                continue
            out.append(h)
        return out

    def best(self, hits: list[TypeHit]) -> TypeHit | None:
        """The most salient hit: most specific sub-type, then main clause, then first."""
        if not hits:
            return None
        return max(hits, key=lambda h: (not h.weak, SPECIFIC.get(h.sub_event_type, 1),
                                        -len(list(h.trigger.ancestors)), -h.trigger.i))

    def best_of(self, per_sentence: list[tuple[Span, list[TypeHit]]]) -> TypeHit | None:
        """The most salient hit of a short text (several sentences): its protest re-typed by all of them."""
        flat = [h for _s, hs in per_sentence for h in hs]
        if not flat:
            return None
        sents = [s for s, _h in per_sentence]
        if any(h.sub_event_type == PEACEFUL for h in flat):
            flat = self._protest(flat, sents)
        order = {id(h): n for n, (_s, hs) in enumerate(per_sentence) for h in hs}
        return max(flat, key=lambda h: (not h.weak, SPECIFIC.get(h.sub_event_type, 1), -order.get(id(h), 0),
                                        -len(list(h.trigger.ancestors))))
