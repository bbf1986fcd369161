"""Step 3 of ``extract.types``: the sub-type from the trigger's arguments.

Strike triggers take the weapon named in the sentence (most specific first); a ground attack is
typed by who acts and who is hit; argument triggers need their object; harm reports an attack only
with a weapon or an armed agent.  Territory triggers are read in ``types_territory``.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.extract.types_base import (
    _definite,
    _key,
    ACCIDENT_PRONE,
    ARMED_BOMB_LEMMAS,
    EXPLOSIVE_SUBJECTS,
    GROUND,
    REMOTE,
    SPEECH_LEMMAS,
    STRIKE_DEFAULTS,
    TERRITORY_NOUNS,
    WEAK_STRIKE_LEMMAS,
)
from eventwire.extract.types_weapons import Weapons
from eventwire.data import country_words
from eventwire.extract.vocab import table, words

OBJECT_PREPOSITIONS = words("function_words", "object_prepositions")
AIMED_PREPOSITIONS = words("function_words", "aimed_prepositions")
UNNAMED_WEAPON_STRIKES = table("event_words", "unnamed_weapon_strikes")
# the same nouns with no weapon named are never a ground fight ("killed 19 militants in the strike")
REMOTE_ONLY_NOUNS = frozenset(UNNAMED_WEAPON_STRIKES)
HARMING_VERBS = words("event_words", "harming_verbs")
SETTING_PREPOSITIONS = words("function_words", "setting_prepositions")
PLACE_PREPOSITIONS = words("function_words", "place_prepositions")
COLLECTIVE_NOUNS = words("event_words", "bare_collective_nouns")
CHEMICAL_USE_OBJECTS = words("event_words", "chemical_use_objects")
PARTIAL_QUANTIFIERS = words("event_words", "partial_quantifiers")
FURTHER_DEVICE_WORDS = words("event_words", "further_device_words")
AIR_CAMPAIGN_COUNTRIES = words("event_words", "air_campaign_countries")
COUNTRY_WORDS = country_words()  # "israeli", "israel" -> IL
CAMPAIGN_FORCES = words("event_words", "campaign_force_nouns")


def _aimed_harm(tok: Token) -> bool:
    """'A strike on a residential building killed five', 'Israeli strikes killed three': a strike noun
    aimed at something ('on', 'at'), or told as a nation's or a force's ('Israeli', "Russia's"), that is
    the subject of a verb of harm."""
    return tok.pos_ == "NOUN" and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in HARMING_VERBS \
        and any(c.dep_ == "prep" and c.lower_ in AIMED_PREPOSITIONS or c.dep_ in ("amod", "compound", "poss")
                and c.is_title and c.pos_ in ("ADJ", "PROPN") for c in tok.children)


def _stopped(tok: Token) -> list[Token]:
    """What an interception or a find stopped: its object, passive subject or 'of' object."""
    return [c for c in (*tok.children, *(g for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children))
            if c.dep_ in ("dobj", "nsubjpass", "pobj")]


def _told_before(t: Token) -> bool:
    """"The group carried out 60 attacks": a bare collective after "the" points back at an organisation the
    article named, not at a crowd ("a group of men", "the group of villagers" say who is in it)."""
    return t.lower_ in COLLECTIVE_NOUNS and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children) \
        and not any(c.dep_ in ("prep", "amod", "compound") for c in t.children)

class Arguments(Weapons):
    """Step 3 of ``extract.types``: the sub-type from the trigger's arguments."""

    # ------------------------------------------------------------------ parts
    @staticmethod
    def _args(tok: Token, prepositions: bool = True) -> list[Token]:
        """The trigger's object-like arguments, with their conjuncts and 'of' complements; without
        ``prepositions``, only its objects ("seized a truck at a checkpoint": the truck, not the checkpoint)."""
        out: list[Token] = []
        for c in tok.children:
            if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd"):
                out.append(c)
            elif c.dep_ == "prep" and c.lower_ in OBJECT_PREPOSITIONS and prepositions:
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
            if t is not tok and t.lemma_.lower() in SPEECH_LEMMAS:
                break  # "..., local officials said, with clashes reported near the town": who told, no side
            subj = [c for c in t.children if c.dep_ == "nsubj"]
            agent = [g for c in t.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            poss = [c for c in t.children if c.dep_ == "poss"] if t.pos_ == "NOUN" else []
            by = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children if g.dep_ == "pobj"]
            found = agent or subj or by or poss
            if found:
                return [x for f in found for x in f.subtree]
            if t.dep_ == "acl" and t.tag_ == "VBN" and any(c.dep_ == "conj" and c.tag_ == "VBD" for c in t.children):
                # "a crowd set upon a man and beat him": a participle joined to a past verb is a main verb the
                # parse hung on its subject
                return [x for x in t.head.subtree if x.i < t.i]
            if t.dep_ == "acl" and t.tag_ == "VBG" and t.head.pos_ in ("NOUN", "PROPN"):
                # "residents set upon two thieves, beating one to death": the noun a present participle
                # describes does what it tells ("gunmen firing on the crowd")
                return [x for x in t.head.subtree if x.i < t.i]
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
        if self._is_crowd(toks):
            return "crowd"
        return None

    def _is_crowd(self, toks: list[Token], crowd: set[str] | None = None) -> bool:
        """The phrase's head is a crowd word ("a mob of villagers", "angry residents").

        Only the head counts: "militants ... killing several people" are militants, not people; a
        count or a collective ("thousands of protesters") is made of what its "of" phrase names.
        """
        crowd = self.actor_sets.get("crowd", set()) if crowd is None else crowd
        inside = {t.i for t in toks}
        heads = [t for t in toks if t.head.i not in inside or t.head.i == t.i]
        # "thousands of protesters", "a mob of villagers": the people a count or a collective is made of
        heads += [g for t in heads for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj"]
        # "the Islamic State group", "human rights groups": a collective named by what it is is an organisation
        heads = [t for t in heads if not (t.lower_ in COLLECTIVE_NOUNS and any(c.dep_ == "compound" for c in t.children))
                 and not _told_before(t)]
        return any(t.lemma_.lower() in crowd or t.lower_ in crowd or t.lower_.removesuffix("s") in crowd
                   for t in heads)

    def _named_crowd(self, toks: list[Token]) -> bool:
        """A crowd named by who is in it ('villagers', 'a mob', 'residents'), not a bare 'group'."""
        return self._is_crowd(toks, self.actor_sets.get("crowd", set()) - COLLECTIVE_NOUNS)

    def _target(self, tok: Token, sent: Span, agent: list[Token]) -> str | None:
        """'civilian' or 'military' for the target of a ground attack."""
        args = self._args(tok)
        civ, mil = self.actor_sets.get("civilian", set()), self.actor_sets.get("military", set())
        # "gunmen killed 18 villagers in a raid, police said": who tells the deed is not its target
        told_by = {t.i for v in sent if v.lemma_.lower() in SPEECH_LEMMAS and v.pos_ in ("VERB", "AUX")
                   for c in v.children if c.dep_ == "nsubj" for t in c.subtree}
        # the trigger's own arguments one by one in their order ("fired on a minibus at a checkpoint": what was
        # fired on is the target, where it stood comes after), then the sentence's other nouns together
        for arg in sorted(args, key=lambda t: t.i):
            lemma = arg.lemma_.lower()
            # "a gendarmerie training school", "an army hospital": a force's own site, whatever the site is
            if any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in mil for c in arg.children):
                return "military"
            if lemma in mil or lemma in civ:
                return "military" if lemma in mil else "civilian"
        # nor is what describes the doer ("the attackers, believed to be members of a militia, stormed a mine")
        doer = {t.i for a in agent for t in a.subtree}
        rest = {t.lemma_.lower() for t in sent if t.i not in doer and t.pos_ in ("NOUN", "PROPN") and t.i not in told_by}
        if rest & mil:
            return "military"
        if rest & civ:
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
        if any(a.lemma_.lower() in self.actor_sets.get("demonstrating", ()) for a in self._args(tok)):
            return None  # "opened fire on protesters": force against a demonstration (types_protests), no fight
        target = self._target(tok, sent, agent)
        if target == "civilian":
            return "Violence against civilians", "Attack", f"ground attack '{text}' on civilians"
        return "Battles", "Armed clash", f"ground attack '{text}'" + (" on armed men" if target else "")

    def _struck_by_weapon(self, tok: Token, text: str) -> tuple[str, str, str] | None:
        """'Its aircraft destroyed an ammunition depot': weapons destroyed by a weapon (aircraft, artillery,
        a drone as the doer) were struck, the strike's sub-type; by troops or sappers they are disrupted."""
        for t in self._agent(tok):
            idx = self._weapon_of(t)
            if idx is not None and self.instruments[idx]["concept"] != GROUND:
                return REMOTE, self.instruments[idx]["sub_event_type"], f"'{text}' by {t.text}: a strike on weapons"
        return None

    @staticmethod
    def _partly_stopped(tok: Token) -> bool:
        """'Most were intercepted', 'shot down 18 of the 20 missiles': what was stopped is a part of the
        salvo, so the rest got through and the strike told beside it, not its interception, is the deed.  A
        salvo described within what was stopped ('35 of 40 drones launched by Russia') is no strike told
        beside it: there the interception is the news."""
        stopped = _stopped(tok)
        return not any(t.dep_ == "acl" and t.pos_ == "VERB" for c in stopped for t in c.subtree) and any(
            c.lower_ in PARTIAL_QUANTIFIERS or c.tag_ == "CD" and any(g.dep_ == "prep" and g.lower_ == "of" for g in c.children)
            for c in stopped)

    @staticmethod
    def further_device(tok: Token) -> bool:
        """'Experts later found a second device': a device found or stopped beside one that went off.  A
        snippet telling both is about the attack (a find of its own, elsewhere, stays an event)."""
        return any(g.dep_ in ("amod", "det") and g.lower_ in FURTHER_DEVICE_WORDS for c in _stopped(tok) for g in c.children)

    def _argument(self, tok: Token, trig: dict, text: str, phrase: bool, sent: Span) -> bool:
        """Whether an argument trigger has the object it needs ("seized weapons", "set up a post")."""
        if phrase and _key(text) not in trig["_phrase_needs_object"]:
            # "arms cache" names its object; "set up", "handed over" need theirs; "explosions at an arms depot":
            # a store named as where something else happened is a place, not weapons found, and one that
            # does something ("an ammunition depot exploded") is no find either
            # nor does one that another verb acts on ("the strikes targeted weapons depots", "drones hit an arms
            # depot"): the target of that deed; finding it is done by the concept's own verbs ("found an arms cache")
            acted_on = tok.dep_ == "dobj" and tok.head.pos_ == "VERB" and tok.head.lemma_.lower() not in trig["lemmas"]
            return not (tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPOSITIONS or tok.dep_ == "nsubj" or acted_on)
        if trig["_purposes"]:
            return self._purpose(tok, trig)
        args = self._args(tok) + [g for c in tok.children if c.dep_ == "prep" and c.lower_ in trig["_missile_preps"]
                                  for g in c.children if g.dep_ == "pobj"]
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

    def _deed_noun(self, tok: Token) -> bool:
        """An event word that names a deed, not a weapon ('an offensive', 'attacks'; not 'a bomb', 'shells')."""
        lemma = tok.lemma_.lower()
        return lemma in self._lemma_concepts and lemma not in ARMED_BOMB_LEMMAS and lemma not in EXPLOSIVE_SUBJECTS \
            and self._weapon_of(tok) is None

    def _bomb_side(self, head: Token, lemma: str) -> str | None:
        """The side of a bombing's doer: its verb's subject or its noun's owner or 'by' agent ("the militants'
        bombing"), or a country qualifying the noun ("Russian bombing of the theatre": a state's)."""
        if lemma not in ARMED_BOMB_LEMMAS:
            return None
        side = self._side(self._agent(head)) if head.pos_ == "VERB" or any(
            c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "by" for c in head.children) else None
        return side or ("state" if any(c.dep_ in ("amod", "compound", "poss") and c.lower_ in COUNTRY_WORDS
                                       for c in head.children) else None)

    def _strike(self, head, sent, trig, text, key, instrument, accident, n) -> tuple[str, str, str] | None:
        lemma = head.lemma_.lower() if n == 1 else key
        if head.pos_ == "NOUN" and head.dep_ in ("nsubjpass", "dobj") and head.head.lemma_.lower() in self.repel:
            # "the attack was repelled": a ground assault fought off, or weapons intercepted
            if instrument and (instrument[0] == "aircraft and drones" or instrument[0] != GROUND
                               and head.head.lemma_.lower() in self.foil):
                # drones shot down, a bomb attack foiled: weapons stopped before they did harm
                return "Strategic developments", "Disrupted weapons use", f"'{text}' {head.head.text}"
            return "Battles", "Armed clash", f"'{text}' {head.head.text}"
        if lemma in trig["_projectile_subject"] and not any(  # "two mortar rounds fell": the projectile's own name
                c.dep_ == "nsubj" and any(x.lemma_.lower() in EXPLOSIVE_SUBJECTS for x in (c, *c.children)
                                          if x is c or x.dep_ == "compound") for c in head.children):
            return None  # "the plane landed", "prices fell": no projectile came down
        if lemma in trig["_needs_object"] and any(c.dep_ == "dobj" and c.pos_ == "NOUN" and self._deed_noun(c)
                                                  for c in head.children):
            return None  # "launched a cross-border offensive", "launched an attack": the object tells the deed
        if lemma in trig["_needs_object"] and not any(c.dep_ == "dobj" for c in head.children) \
                and not any(c.dep_ == "nsubjpass" for c in head.children) | (head.dep_ == "acl"):
            return None  # "launched from the region": where it came from, not what was hit
        if lemma in trig["_needs_object"] and any(c.dep_ == "prep" and c.lower_ == "from" for c in head.children) \
                and not any(c.dep_ == "prep" and c.lower_ in AIMED_PREPOSITIONS for c in head.children):
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
                    o.lemma_.lower() in CHEMICAL_USE_OBJECTS for o in objs):
                return None
        if instrument and instrument[0] != GROUND:
            return REMOTE, instrument[1], f"trigger '{text}' with weapon ({instrument[0]})"
        if lemma in STRIKE_DEFAULTS:
            return REMOTE, STRIKE_DEFAULTS[lemma], f"trigger '{text}'"
        side = self._bomb_side(head, lemma)
        if side == "state":
            # "the military bombed a village": a state's forces drop their bombs from aircraft
            return REMOTE, "Air/drone strike", f"trigger '{text}' by a state's forces"
        if lemma in ARMED_BOMB_LEMMAS and (instrument or side == "nonstate" or side is None and _aimed_harm(head)):
            # "terrorists' bombings", "guerrillas bombed a pipeline", "a bombing at a mosque killed 80" (no doer
            # named): a bombing not flown is a planted charge, not a ground assault
            return REMOTE, "Remote explosive/landmine/IED", f"trigger '{text}': a charge set off, not flown"
        if head.lemma_.lower() in UNNAMED_WEAPON_STRIKES and ((flown := _forces_country(head) in AIR_CAMPAIGN_COUNTRIES)
                                                              or _aimed_harm(head)):  # "strike on" is a phrase key
            if flown or _doer_country(head) in AIR_CAMPAIGN_COUNTRIES:
                return REMOTE, "Air/drone strike", f"'{text}' aimed at a target: a flown strike's country"
            return REMOTE, UNNAMED_WEAPON_STRIKES[head.lemma_.lower()], \
                f"'{text}' aimed at a target, and it harmed: its weapon unnamed"
        if head.pos_ == "NOUN" and lemma in REMOTE_ONLY_NOUNS:
            return None  # "killed 19 militants in the strike": a blow from afar told again, no ground fight
        if instrument or key in trig["_ground"] or lemma in trig["_ground"]:
            # "the judge was shot": the verb itself names the firearm
            armed = instrument is not None or head.pos_ == "VERB" and bool({lemma, key} & trig["_armed_verbs"])
            resolved = self._ground(head, sent, text, armed=armed)
            # a bare "attack" by an army names no weapon: only a crowd's attack is typed without one, and a
            # force's attack on armed men's posts ("Russian forces attacked Ukrainian positions"): a battle
            if resolved and not instrument and (key in trig["_needs_armed"] or lemma in trig["_needs_armed"]) \
                    and resolved[1] != "Mob violence" and not self._force_on_armed(head):
                return None
            return resolved
        if key in trig["_explodes_subject"]:
            # "a bomb went off" ("the alarm went off" tells no explosion)
            if not any(c.dep_ == "nsubj" and c.lemma_.lower() in EXPLOSIVE_SUBJECTS for c in head.children):
                return None
            return REMOTE, "Remote explosive/landmine/IED", f"'{text}': an explosive went off"
        if key in trig["_explodes_object"] and any(c.dep_ in ("dobj", "nsubjpass") for c in head.children):
            # "blew up a bridge", "two bank branches were blown up" ("the row blew up" has no object)
            return REMOTE, "Remote explosive/landmine/IED", f"'{text}' with its object"
        if (key in trig["_needs_instrument"] or lemma in trig["_needs_instrument"]) and n == 1 \
                and self._armed_doer_aims(head):
            # "saboteurs fired at a car": armed men aiming at something are the weapon the verb needs
            return self._ground(head, sent, text, armed=True)
        if key in trig["_needs_instrument"] or lemma in trig["_needs_instrument"] or lemma in WEAK_STRIKE_LEMMAS or n == 1:
            return None
        return REMOTE, "Remote explosive/landmine/IED", f"trigger '{text}'"

    def _force_on_armed(self, head: Token) -> bool:
        """A force or an armed group attacking what only armed men hold (positions, a base, a patrol),
        named as the verb's object: both sides armed, so a battle whatever weapon it took."""
        if head.pos_ != "VERB" or self._side(self._agent(head)) not in ("state", "nonstate"):
            return False
        military = self.actor_sets.get("military", set())
        return any(c.dep_ == "dobj" and c.lemma_.lower() in military for c in head.children)

    def _armed_doer_aims(self, head: Token) -> bool:
        """An armed force's verb aimed 'at'/'on' people, a vehicle or a post: a shot fired at close range.

        Aimed at a place ("fired on the town", "at the region's infrastructure")
        the same verb tells shelling, which a weapon word must name: no rule here.
        """
        if head.pos_ != "VERB" or self._side(self._agent(head)) not in ("state", "nonstate"):
            return False
        aims = [g for c in head.children if c.dep_ == "prep" and c.lower_ in AIMED_PREPOSITIONS
                for g in c.children if g.dep_ == "pobj"]
        military = self.actor_sets.get("military", set())
        civilian = self.actor_sets.get("civilian", set()) - TERRITORY_NOUNS  # people and vehicles, not a village
        return any((a.lemma_.lower() in military or a.lemma_.lower() in civilian)
                   and a.ent_type_ not in ("GPE", "LOC", "FAC") for a in aims)

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
        """'killed in an ambush', 'wounded during the attack', 'attacked the village, killing 20': the
        harm happened in an armed act.

        A bare "attack" names no weapon and stands for nothing alone ("a verbal
        attack"); someone killed or wounded in one was attacked with arms.  A
        definite one ("injured in the attack", "in this raid") is the event told
        before: the harm is its outcome, not a new event.
        """
        if head.dep_ in ("advcl", "conj") and head.head.pos_ == "VERB" \
                and head.head.lemma_.lower() in self.violent_settings:
            return head.head  # "herdsmen attacked the village, killing 20": the killing is the attack's
        # "killed 23 people in attacks on villages": the parser may hang the setting on the object
        objects = [c for c in head.children if c.dep_ == "dobj"]
        for prep in [*head.children, *(g for o in objects for g in o.children)]:
            if prep.dep_ != "prep" or prep.lower_ not in SETTING_PREPOSITIONS:
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


def _doer_country(noun: Token) -> str | None:
    """The country a strike noun's own words give it: 'an Israeli strike', 'Israel's strike', 'a strike by Israel'."""
    for c in noun.children:
        if c.dep_ in ("amod", "compound", "poss") and c.lower_ in COUNTRY_WORDS:
            return COUNTRY_WORDS[c.lower_]
        if c.dep_ == "prep" and c.lower_ == "by":
            by = next((g for g in c.children if g.dep_ == "pobj"), None)
            if by is not None and by.lower_ in COUNTRY_WORDS:
                return COUNTRY_WORDS[by.lower_]
    return None



def _forces_country(noun: Token) -> str | None:
    """The country whose forces carried out the strike noun on a target ('United States forces carried out
    strikes on Houthi targets', 'Israel launched strikes against Hezbollah sites'): its verb's subject is a
    country or a force noun qualified by one, and the noun is aimed 'on' or 'against' something that is no
    time ('unions staged strikes on Monday' is a labour strike)."""
    if noun.dep_ != "dobj" or not any(c.dep_ == "prep" and c.lower_ in ("on", "against") and any(
            g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME") for g in c.children) for c in noun.children):
        return None
    subj = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ not in COUNTRY_WORDS and subj.lemma_.lower() not in CAMPAIGN_FORCES:
        return None
    said = " " + " ".join(t.lower_ for t in subj.subtree) + " "
    return next((code for name, code in COUNTRY_WORDS.items() if f" {name} " in said), None)
