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
     overtake; "after X pulled out" is a non-violent transfer; an attempt took
     nothing), in ``types_territory``;
   * argument triggers need their object: "seized weapons" (Disrupted weapons
     use), "set up an observation post" (base established);
   * killing and wounding ("harm") report an attack only with a weapon or an
     armed agent;
   * fighting words are typed by their sides (``types_sides``): armed sides
     clash, crowds make mob violence, a crowd against the police a riot.
4. The sentence as a whole: weak triggers ("fighting", "deployed", "killed")
   count only when no other trigger fired; a protest is re-typed by its
   outcome (``protest_outcomes``: protesters' violence, lethal force,
   intervention) and absorbs the arrests, clashes and tear gas that belong to it;
   an earlier deed recalled (``background``: "came a week after police shot...")
   is no outcome of it.

``classify`` returns every hit in token order (the whole-article extractor
makes one mention per hit); ``best`` picks the one most salient hit.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Span, Token

from eventwire.data import load_json
from eventwire.extract.background import BackgroundReader, answered
from eventwire.extract.lemma_phrases import LowerLemmaMatcher, parsed_once
from eventwire.extract.number_kinds import NumberKinds
from eventwire.extract.types_arguments import Arguments
from eventwire.extract.types_base import (
    _key,
    ARMED_CLASH,
    CROWD_CLASH_WORDS,
    GATHERING_NOUNS,
    GROUND,
    LOOTING,
    PEACEFUL,
    RIOTS,
    SPEECH_LEMMAS,
    TERRITORY_TYPES,
    REMOTE,
    TypeHit,
    backdrop, beside_deed, restated_in, sister_of, timed_apart, to_death, won_by,
)
from eventwire.extract.types_blocking import Blocking
from eventwire.extract.types_protests import Protests
from eventwire.extract.types_purposes import Purposes
from eventwire.extract.types_sides import Sides
from eventwire.extract.types_territory import Territory
from eventwire.extract.vocab import words

OCCASION_PREPOSITIONS = words("function_words", "occasion_prepositions")
PROTEST_POLICING = words("event_words", "protest_policing")
DYING_LEMMAS = words("event_words", "dying_verbs")
RECIPROCAL_PRONOUNS = words("function_words", "reciprocal_pronouns")
BATTLES = "Battles"
DISRUPTED = "Disrupted weapons use"
# the types whose deeds are political violence: a strategic development told as how one went is part of it
VIOLENT_EVENT_TYPES = frozenset({BATTLES, "Violence against civilians", REMOTE})
# phrase patterns are read for their lemmas only: the model's entity recogniser runs last and sets none,
# so it is left out of their lemmatising (~480 short docs at every start-up)
PHRASE_UNUSED = ("ner",)


def _hyphenated(lemmas: list[str]) -> list[str]:
    """Lemma entries with a hyphen ("sit-in", "tear-gas"): the tokenizer splits them into three
    tokens, so no single token has them as its lemma; they are matched as phrases instead."""
    return [w for w in lemmas if "-" in w.strip("-")]


def _to_death(tok: Token) -> bool:
    """'Beat a man to death', 'was stoned to death', 'beat two men, one of whom died': the verb tells a
    killing, by its 'to death' or by a dying told inside its own phrase (its object's relative clause)."""
    return to_death(tok) or any(t.lemma_.lower() in DYING_LEMMAS and t.pos_ == "VERB"
                                for t in tok.subtree if t is not tok)


def _named_only(hit: TypeHit) -> bool:
    """The hit's words are all nouns ("air strikes", "artillery fire"): a deed named, not told with its verb."""
    t = hit.trigger
    return all(w.pos_ in ("NOUN", "PROPN", "ADJ") for w in t.doc[t.i : t.i + len(hit.trigger_text.split())])


def _reciprocal(tok: Token) -> bool:
    """"Threw grenades at each other", "fired at one another": each side aims at the other."""
    return any(" ".join(w.lower_ for w in p.subtree) in RECIPROCAL_PRONOUNS
               for c in tok.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj")


def _read_checks(t: dict) -> None:
    """A trigger concept's argument checks as sets under '_' keys (phrases as lemma keys), read once."""
    t["_needs_instrument"] = {_key(x) for x in t.get("needs_instrument", ())}
    t["_ground"] = {_key(x) for x in t.get("ground_lemmas", ())}
    t["_weak"] = {_key(x) for x in t.get("weak", ())}
    t["_objects"] = set(t.get("objects", ()))
    t["_missile_preps"] = set(t.get("missile_prepositions", ()))
    t["_purposes"] = set(t.get("purposes", ()))
    t["_gatherers"] = set(t.get("gatherers", ()))
    t["_parties"] = set(t.get("parties", ()))
    t["_needs_weapon"] = set(t.get("needs_weapon", ()))
    t["_needs_object"] = set(t.get("needs_object", ()))
    t["_needs_armed"] = {_key(x) for x in t.get("needs_armed_instrument", ())}
    t["_needs_weapon_object"] = set(t.get("needs_weapon_object", ()))
    t["_needs_agent"] = {_key(x) for x in t.get("needs_agent", ())}
    t["_needs_opponent"] = {_key(x) for x in t.get("needs_opponent", ())}
    t["_needs_death"] = {_key(x) for x in t.get("needs_death", ())}
    t["_phrase_needs_object"] = {_key(x) for x in t.get("phrase_needs_object", ())}
    t["_armed_verbs"] = set(t.get("armed_verbs", ()))
    t["_explodes_object"] = {_key(x) for x in t.get("explodes_its_object", ())}
    t["_explodes_subject"] = {_key(x) for x in t.get("explodes_its_subject", ())}
    t["_projectile_subject"] = set(t.get("needs_projectile_subject", ()))
    t["_verb_only"] = set(t.get("verb_only", ()))
    t["_no_object"] = set(t.get("no_object", ()))
    t["_no_modifier"] = set(t.get("no_modifier", ()))


class EventTypeClassifier(Blocking, Arguments, Sides, Protests, Purposes, Territory):
    """Built once with the shared nlp; call ``classify(sentence)`` per sentence."""

    def __init__(self, nlp: Language) -> None:
        lex = load_json("lexicons", "event_types.json")
        self.kinds = NumberKinds()
        self.triggers = lex["triggers"]
        self._trigger_of = {t["concept"]: t for t in self.triggers}
        self.instruments = lex["instruments"]
        self._read_cues(lex["not_event_cues"])
        actors = lex.get("actors", {})
        self.actor_sets = {k: set(v) for k, v in actors.items() if not k.startswith("_")}
        # trigger_lemmas: lemma -> its first concept (kept for callers); _lemma_concepts: every concept
        self.trigger_lemmas: dict[str, int] = {}
        self._lemma_concepts: dict[str, list[int]] = {}
        for i, t in enumerate(self.triggers):
            for lemma in t["lemmas"]:
                self.trigger_lemmas.setdefault(lemma, i)
                self._lemma_concepts.setdefault(lemma, []).append(i)
        # a fight's concepts: a crowd's fight at a protest is the protest's own violence (types_protests)
        self.clash_concepts = {t["concept"] for t in self.triggers if t.get("sub_event_type") == ARMED_CLASH}
        self.protest_lemmas = {lemma for t in self.triggers if t.get("sub_event_type") == PEACEFUL for lemma in t["lemmas"]}
        self.instrument_lemmas: dict[str, int] = {}
        for i, t in enumerate(self.instruments):
            for lemma in t["lemmas"]:
                self.instrument_lemmas.setdefault(lemma, i)
        outcomes = lex.get("protest_outcomes", {})
        patterned = self.triggers + self.instruments + [outcomes[k] for k in outcomes.get("order", ())]
        docs = parsed_once(nlp, [p for t in patterned for p in t["phrases"] + _hyphenated(t["lemmas"])], PHRASE_UNUSED)
        self.trigger_phrases = LowerLemmaMatcher(nlp)
        self.instrument_phrases = LowerLemmaMatcher(nlp)
        # phrase patterns are lemmatised by the same pipeline that reads articles; one key per phrase
        # so the resolver knows which phrase fired ("blow up" needs a weapon, "open fire" is a ground attack)
        self._phrase_of: dict[str, tuple[int, str]] = {}
        for i, t in enumerate(self.triggers):
            patterns = t["phrases"] + _hyphenated(t["lemmas"])
            for phrase, pdoc in zip(patterns, [docs[p] for p in patterns]):
                key = f"t{i}:{phrase}"
                self._phrase_of[key] = (i, _key(phrase))
                self.trigger_phrases.add(key, [pdoc])
        for i, t in enumerate(self.instruments):
            self.instrument_phrases.add(str(i), [docs[p] for p in t["phrases"] + _hyphenated(t["lemmas"])])
        for t in self.triggers:
            _read_checks(t)
        harm = next((t for t in self.triggers if t["kind"] == "harm"), {})
        self.violent_settings = set(harm.get("violent_settings", ()))
        self.not_violent_modifiers = set(harm.get("not_violent_modifiers", ()))
        self.weapon_nouns = set()
        for t in self.triggers:  # weapons found or seized, not the drones and missiles destroyed in flight
            if t["kind"] == "argument" and t.get("sub_event_type") == "Disrupted weapons use" \
                    and t.get("weapon_words", True):
                self.weapon_nouns |= t["_objects"]
        # protest outcomes: cue lemmas and phrases per sub-type, checked in order
        self.outcome_order = list(outcomes.get("order", ()))
        self.outcomes = {k: outcomes[k] for k in self.outcome_order}
        self.outcome_lemmas = {k: set(v["lemmas"]) for k, v in self.outcomes.items()}
        self.outcome_doer_lemmas = {k: set(v.get("doer_lemmas", ())) for k, v in self.outcomes.items()}
        self.protest_participants = set(outcomes.get("participants", ()))
        self.participant_verbs = set(outcomes.get("participant_verbs", ()))
        self.demonstrators = self.protest_participants - set(outcomes.get("any_crowd", ()))
        self.symbolic_objects = set(outcomes.get("symbolic_objects", ()))
        self.outcome_harmed_lemmas = {k: set(v.get("harmed_lemmas", ())) for k, v in self.outcomes.items()}
        self.outcome_phrases = LowerLemmaMatcher(nlp)
        for k, v in self.outcomes.items():
            self.outcome_phrases.add(k, [docs[p] for p in v["phrases"] + _hyphenated(v["lemmas"])])
        self.vocab = nlp.vocab

    def _read_cues(self, cues: dict) -> None:
        """The words that block or qualify a trigger (``not_event_cues`` of event_types.json)."""
        self.modal = set(cues["modal_lemmas"])
        self.plan = set(cues["plan_lemmas"])
        self.meeting = set(cues["meeting_lemmas"])
        self.judgement = set(cues.get("judgement_lemmas", ()))
        self.generic_det = set(cues.get("generic_determiners", ()))
        self.habitual = set(cues["habitual_adverbs"])
        self.speculative = set(cues["speculative_adverbs"])
        self.repel = set(cues["repel_lemmas"])
        self.foil = set(cues.get("foil_lemmas", ()))
        self.attribution = set(cues.get("attribution_lemmas", ()))
        self.claim = set(cues.get("claim_lemmas", ()))
        self.background = BackgroundReader(SPEECH_LEMMAS)  # earlier deeds recalled are no protest's outcome
        self.plan_prep = {verb: {p} if isinstance(p, str) else set(p)
                          for verb, p in cues.get("plan_with_preposition", {}).items()}
        self.unasserted = set(cues.get("unasserted_modifiers", ()))
        self.figurative = {w.lower() for w in cues.get("figurative_modifiers", ())}
        self.figurative_objects = {w.lower() for w in cues.get("figurative_objects", ())}
        self.figurative_instruments = {w.lower() for w in cues.get("figurative_instruments", ())}
        self.figurative_governors = set(cues.get("figurative_governors", ()))
        judged = cues.get("judged_deeds", {})
        self.judging_verbs, self.judged_preps = set(judged.get("verbs", ())), set(judged.get("prepositions", ()))
        self.remembrance_heads = set(cues.get("remembered_deeds", {}).get("heads", ()))
        self.onset_verbs = set(cues.get("campaign_onsets", {}).get("verbs", ()))
        undone = cues.get("undone_agreements", {})
        self.agreement_nouns, self.undoing_words = set(undone.get("nouns", ())), set(undone.get("governors", ()))
        held = cues.get("held_people", {})
        self.held_nouns, self.taking_verbs = set(held.get("nouns", ())), set(held.get("taking_verbs", ()))
        self.non_event_heads = set(cues.get("non_event_heads", ()))
        self.setting_heads = set(cues.get("setting_heads", ()))
        self.accident = set(cues.get("accident_context", ()))
        self.accident_verbs = set(cues.get("accident_verbs", ()))
        self.disaster = set(cues.get("disaster_nouns", ()))
        self.crime = set(cues.get("crime_context", ()))
        # "arrested ... linked with political crimes": the bare word 'crime' does not make an arrest policing
        self.crime_arrest = (self.crime - {"crime"}) | set(cues.get("crime_arrest_context", ()))
        self.diplomatic = set(cues.get("diplomatic_context", ()))
        self.topic_preps = set(cues.get("protest_topic_preps", ()))
        self.topic_verbs = set(cues.get("protest_topic_verbs", ()))

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
    def _candidates(self, sent: Span) -> list[tuple[int, int, int, str]]:
        """(token index in sent, trigger idx, length, phrase key) for every trigger phrase and word."""
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
        return candidates + self._ousting(sent)  # "pushed Russian forces out of the village"

    def classify(self, sent: Span) -> list[TypeHit]:
        candidates = self._candidates(sent)
        if not candidates:
            return []
        instrument, deeds = self._instrument(sent), self._deeds_apart(sent, candidates)
        accident = instrument is None and self._accident_setting(sent)
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
            if head.pos_ in ("NOUN", "PROPN") and key in trig["_verb_only"]:
                continue  # "the target revealed by Rogozin": the noun names what is aimed at, not the act
            if key in trig["_no_modifier"] and head.dep_ in ("compound", "amod") and head.head.pos_ == "NOUN":
                continue  # "destroying fighting positions", "battle tanks": a kind of thing, no fight
            kind = trig["kind"]
            if kind != "territory" and head.dep_ == "dobj" and head.head.lemma_.lower() in self.claim:
                continue  # "the group claimed the attack": who did a deed, not its report ("claimed the capture" is)
            if (crime and kind in ("strike", "harm") or crime and trig.get("event_type") == "Violence against civilians") \
                    and not self._named_crowd(self._agent(head)):
                continue  # a robbery, a gang: crime, not a conflict event (a mob that kills a thief is mob violence)
            if trig.get("sub_event_type") == "Arrests" and self._context(sent, self.crime_arrest):
                continue  # "arrested for robbery", "held with cocaine": policing of crime, not a conflict event
            if diplomatic:
                continue  # sanctions over an attack, a crackdown, a capture: diplomacy, not the deed's report
            if kind in ("strike", "harm") or trig.get("sub_event_type") == "Armed clash":
                phrase_toks = set(range(tok.i, tok.i + n))
                if not instrument and any(t.lemma_.lower() in self.disaster for t in head.subtree if t.i not in phrase_toks):
                    continue  # "the battle to contain wildfires"
            weapon, resolved = self._weapon_for(sent, head, instrument, deeds), None
            if kind == "strike":
                resolved = self._strike(head, sent, trig, text, key, weapon, accident, n)
            elif kind == "harm":
                if key in trig["_needs_death"] and not _to_death(head):
                    continue  # "beat the champions", "stoned" alone: only 'beat ... to death' is a killing
                resolved = self._harm(head, sent, text, weapon)
            elif kind == "territory":
                resolved = self._territory(head, sent, trig, text)
            elif kind == "argument":
                if key in trig["_needs_agent"] and (head.dep_ == "amod" or self._side(self._agent(head)) is None):
                    continue  # "dozens of homes were burned" in a battle report: its damage; "burned cars" a state
                resolved = (trig["event_type"], trig["sub_event_type"], f"'{text}' with its object ({trig['concept']})") \
                    if self._argument(head, trig, text, phrase, sent) else None
                if resolved and trig["sub_event_type"] == "Disrupted weapons use":
                    resolved = self._struck_by_weapon(head, text) or resolved
            else:
                if key in trig["_no_object"] and head.pos_ == "VERB" and any(c.dep_ == "dobj" for c in head.children):
                    continue  # "cases demonstrating the range of severity": shows, does not protest
                if key in trig["_needs_agent"] and self._side(self._agent(head)) is None:
                    continue  # "houses were set on fire" in a battle report: damage, not a separate act
                if key in trig["_needs_opponent"] and not self._armed_sides(head):
                    # "fought corruption", "fought the fire", "villagers fought with police": no two armed
                    # sides; "rival gangs fought with machetes": two sides, crowds, no firearm
                    resolved = self._crowd_fight(head, sent, text) if key in CROWD_CLASH_WORDS else None
                elif trig["_needs_weapon"] and key in trig["_needs_weapon"] and instrument is None \
                        and not self._context(sent, self.weapon_nouns):
                    continue  # "the interception of this individual"
                else:
                    resolved = (trig["event_type"], trig["sub_event_type"], f"trigger '{text}' ({trig['concept']})")
                    # "most were intercepted": the rest of the salvo got through, so the strike is the deed
                    weak = weak or resolved[1] == DISRUPTED and self._partly_stopped(head)
                    if resolved[1] == ARMED_CLASH:
                        resolved = self._clash_sides(head, sent, text, key) or resolved
            if resolved is None:
                continue
            etype, sub, why = resolved
            if etype == REMOTE and _reciprocal(head):
                etype, sub, why = BATTLES, ARMED_CLASH, f"{why}; aimed at each other: an exchange of fire is a clash"
            hits.append(TypeHit(tok, text, etype, sub, trig["concept"], why, weak,
                                weapon[0] if weapon and weapon[1] == sub and weapon[0] != GROUND else ""))
        return self._sentence_hits(hits, sent)

    def _deed_apart_from_protest(self, sent: Span, others: list[TypeHit]) -> bool:
        """Whether the sentence tells a deed of its own at the protest it names ('a bomb exploded at a
        rally'), not the protest's policing: arrests at a protest, and force used by police or troops
        and by no one else ('police opened fire during the demonstration, killing two'), are what
        happened to the protest (ACLED: intervention, excessive force).  Force is read from every
        word of striking or harming (resolved or not: 'fired at a march'), other deeds from the hits."""
        if any(h.event_type != "Protests" and not self._force(self._trigger_of[h.concept])
               and h.sub_event_type not in PROTEST_POLICING for h in others):
            return True
        force_sides = {self._side(self._agent(t)) for t in sent for i in self._lemma_concepts.get(t.lemma_.lower(), ())
                       if self._force(self.triggers[i])}
        force_sides |= {self._side(self._agent(h.trigger)) for h in others if self._force(self._trigger_of[h.concept])}
        return bool(force_sides) and force_sides - {None} != {"state"}

    @staticmethod
    def _force(trig: dict) -> bool:
        """A concept of striking, harming or attacking people ('fired', 'killed', 'shot dead')."""
        return trig["kind"] in ("strike", "harm") or trig.get("sub_event_type") == "Attack"

    def _sentence_hits(self, hits: list[TypeHit], sent: Span) -> list[TypeHit]:
        """The sentence's hits taken together: weak ones only alone, one per sub-type and clause, a verb retelling
        its subject's act dropped, a gathering that is only a setting dropped (before the weak ones are judged:
        'mob injures policemen during protest' has its weak 'injures' only), a deed answered judged apart."""
        if 0 < len(answers := [h for h in hits if answered(h.trigger) is not None or timed_apart(h, hits)]) < len(hits):
            own = self._sentence_hits([h for h in hits if h not in answers], sent)
            return sorted(own + self._sentence_hits(answers, sent), key=lambda h: h.trigger.i)
        # "an attack at a rally": the rally is where something else happened
        settings = [h for h in hits if h.event_type == "Protests" and h.trigger.dep_ == "pobj"
                    and h.trigger.head.lower_ in OCCASION_PREPOSITIONS and h.trigger.lemma_.lower() in GATHERING_NOUNS]
        if settings and self._deed_apart_from_protest(sent, [h for h in hits if h not in settings]):
            hits = [self._demonstrating(h, True) for h in hits if h not in settings]
        else:
            hits = [self._demonstrating(h, False) for h in hits]
        if any(not h.weak for h in hits):
            # "setting fire to houses and killing a man": a killing told beside destruction is the deed, not weak
            razed = {h.trigger.i for h in hits if not h.weak and h.sub_event_type == LOOTING}
            only_razed = all(h.trigger.i in razed for h in hits if not h.weak)
            hits = [h for h in hits if not h.weak or only_razed and h.event_type in VIOLENT_EVENT_TYPES
                    and sister_of(h.trigger, razed)]
        # the violent deeds' words, also those the next step folds into one (destruction goes with any of them)
        told_violent = {h.trigger.i for h in hits if h.event_type in VIOLENT_EVENT_TYPES}
        # one hit per sub-type and clause: a second one counts only when neither governs the other
        # ("the attack comes after drones tried to strike the Kremlin earlier this month": two events)
        unique: list[TypeHit] = []
        for h in hits:
            same = [u for u in unique if (u.event_type, u.sub_event_type) == (h.event_type, h.sub_event_type)]
            if not same or all(not (u.trigger.is_ancestor(h.trigger) or h.trigger.is_ancestor(u.trigger)
                                    or u.trigger.head == h.trigger or h.trigger.head == u.trigger
                                    or u.trigger.head == h.trigger.head) for u in same):
                unique.append(h)
        # "militants stormed the base before dawn, the army said, in a rare assault on the capital": a deed noun of
        # the verb's own concept in an 'in' phrase over that verb names the verb's deed again, whose clause
        # (objects, day) decides its sub-type
        unique = [h for h in unique if not any(restated_in(h.trigger, u.trigger) for u in unique
                                               if u is not h and u.concept == h.concept)]
        # "the bombings hit two cities", "shelling struck the market": the verb tells its subject's act again
        # (but "protesters fought with police": what a protest's doers did is its outcome, kept for it)
        told = {h.trigger.i for h in unique if h.sub_event_type != PEACEFUL}
        protesting = {h.trigger.i for h in unique if h.sub_event_type == PEACEFUL}
        hits = [h for h in unique if not any(c.dep_ == "nsubj" and (c.i in told or c.i in protesting
                                                                     and h.sub_event_type not in self.outcome_order)
                                             for c in h.trigger.children)]
        # "air strikes and artillery fire keep the enemy from advancing", "grenade fighting": weapons
        # named beside a ground fight are its means, and ACLED codes a fight with artillery as one clash
        # ("killed five militants in a gun battle and seized their rifles": a find in a fight told with a word of
        # fighting is its spoils; one in a raid that found no fight is not)
        if any(h.sub_event_type == ARMED_CLASH and not backdrop(h.trigger, [u.trigger for u in hits]) for h in hits):
            fought = any(h.concept in self.clash_concepts for h in hits)
            hits = [h for h in hits if not (h.event_type == REMOTE and _named_only(h)
                                            or fought and self._trigger_of[h.concept].get("spoils_of_a_fight"))]
        # "supporters threw stones and set fire to three buses": what a rioting crowd destroys is its riot's
        # (ACLED codes looting or destruction on its own only when no riot is told)
        if any(h.event_type == RIOTS for h in hits):
            hits = [h for h in hits if h.sub_event_type != LOOTING]
        # "insurgents stormed a village, beheading seven and burning dozens of homes": destruction told as how a
        # violent deed went is that deed's (ACLED codes the attack, not a second, strategic event beside it)
        if any(h.event_type in VIOLENT_EVENT_TYPES for h in hits):  # ... also when told by a verb beside the deed's
            hits = [h for h in hits if not (h.sub_event_type == LOOTING and beside_deed(h.trigger, told_violent))]
        # "rebels took control of the town after a day of heavy fighting": the fight is how the ground was taken
        taken = {h.trigger.i for h in hits if h.sub_event_type in TERRITORY_TYPES}
        if taken:  # ... and the weapons its takers seized are its spoils ("overran the positions and seized weapons")
            hits = [h for h in hits if not (h.concept in self.clash_concepts and (w := won_by(h.trigger)) is not None
                                            and w.i in taken or self._trigger_of[h.concept].get("spoils_of_a_fight"))]
        # "the protest came a week after police shot two students": an earlier deed recalled is no outcome of it
        recalled = frozenset(h.trigger.i for h in hits if h.sub_event_type != PEACEFUL and self.background.cue(h.trigger, sent)) \
            if any(h.sub_event_type == PEACEFUL for h in hits) else frozenset()
        return self._protest(hits, [sent], recalled)
