"""Step 2 of ``extract.types``: is an event word reported, or only planned, threatened, denied or named?

A trigger under a modal, a plan or threat verb, negated, an infinitive of purpose, habitual, inside a press
conference or a claim of responsibility, "alleged" or "foiled", or the topic of a noun that is no event word,
reports no event; explosions in accident settings are no conflict events; "a fire" counted is a blaze; a deed
remembered ("the anniversary of the massacre") or judged in court is told after the fact.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.extract.types_base import (
    _definite, _doers_deed, _headline_present, _past_event, ACCIDENT_PRONE, AFTER_PREPOSITIONS, ATTEMPT_LEMMAS,
    FUEL_MODIFIERS, FUTURE_AUX, TIME_NOUNS, TOPIC_PREPOSITIONS, aux_host, content_clause, enacting,
    bare_plural, class_described, first_conjunct, hypothetical_subject, in_month_or_year, open_period, every_time,
    kind_characterised, shared_modal
)
from eventwire.extract.past_forms import past_beside_past
from eventwire.extract.types_figures import caused_not_detonated, characterised_by
from eventwire.data import load_json
from eventwire.extract.vocab import words

POINTING_DETERMINERS = words("function_words", "pointing_determiners")
CONDITIONAL_MARKS = words("function_words", "conditional_marks")
SERIES_NOUNS = words("event_words", "series_nouns")
SERIES_PLACE_WORDS = words("event_words", "series_place_words")
MULTITUDE_WORDS = words("function_words", "multitude_words")
REPETITION_NOUNS = words("event_words", "repetition_nouns")
FLIGHT_VERBS = words("event_words", "flight_verbs")
TALLYING_VERBS = words("event_words", "tallying_verbs")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "agent")
# "dozens of hostages", "a number of hostages": a noun that counts the held people is no deed done to them
COUNT_NOUNS = frozenset(load_json("lexicons", "claims.json")["number_words"]) | words("event_words", "count_nouns")
NO_TOPIC_NOUNS = TIME_NOUNS | COUNT_NOUNS  # nouns no deed is the topic of (``Blocking.is_topic_noun``)
VIRTUAL_PLACES = words("event_words", "virtual_places")
ADDRESSEE_PREPOSITIONS = words("function_words", "addressee_prepositions")
CESSATION_NOUNS = words("event_words", "cessation_nouns")
# how far above a deed word a verb of stopping may stand ("stop [using] [ammunition] [against] protesters"): the
# longest such chain in the sentences written for the rule, set by hand
STOP_VERB_REACH = 5
DENIAL_LEMMAS = words("event_words", "denial_lemmas") | words("event_words", "questioning_verbs")  # and probes
DENIED_OBJECTS = words("event_words", "denied_objects")
DISPOSAL_MODIFIERS = words("event_words", "disposal_modifiers")
TEST_MODIFIERS = words("event_words", "test_modifiers")
INDEFINITE_ARTICLES = words("function_words", "indefinite_articles")
PROTEST_ACT_VERBS = words("event_words", "protest_act_verbs")
DISPERSAL_VERBS = words("event_words", "dispersal_verbs")
OCCASION_PREPOSITIONS = words("function_words", "occasion_prepositions")
BLAZE_WHEN_COUNTED = words("event_words", "blaze_when_counted")
FORCE_OBJECT_VERBS = words("event_words", "force_object_verbs")
NON_FORCE_OBJECTS = words("event_words", "non_force_objects")


class Blocking:
    """Step 2 of ``extract.types``: is an event word reported, or only planned, threatened, denied or named?"""

    def _blocked(self, tok: Token) -> str | None:
        """Why this trigger does not report a happened event, or None."""
        own = self._own_word_block(tok)
        if own is not None:
            return own
        if self._negated_any(tok):
            return f"'any {tok.text}' under a negation: none happened"
        told_before = self._told_before(tok)
        if told_before is not None:
            return told_before
        enacted = enacting(tok)
        if enacted is not None:
            return f"'{enacted.text} … {tok.text}': acted out in an exercise or a show, not done"
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in self.figurative_governors:
            return f"'{tok.head.text} … {tok.text}': a figure of speech, not fighting"
        characterised = characterised_by(tok)
        if characterised is not None:
            return f"'{characterised.text} … {tok.text}': what was told, named in a speaker's words"
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in self.setting_heads:
            return f"'{tok.head.head.text} of {tok.text}': names where fighting is, not a deed"
        series = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
        if series is not None and series.lemma_.lower() in SERIES_NOUNS and series.dep_ == "pobj" \
                and series.head.lower_ == "in" and series.head.head.lower_ in SERIES_PLACE_WORDS:
            return f"'{series.head.head.text} in a {series.text} of {tok.text}': the news placed in a pattern"
        if tok.dep_ in ("compound", "amod") and tok.head.lower_ in self.non_event_heads:
            return f"'{tok.text} {tok.head.text}': names a kind of thing, not an event"
        if tok.text[:1].isupper() and not tok.text.isupper() and tok.i != tok.sent.start and tok.pos_ == "PROPN":
            return f"'{tok.text}' is a name here"
        if tok.lemma_.lower() == "shell" and tok.tag_ == "NN":
            return "'shell' (one casing, or a figure of speech) does not report shelling"
        if tok.lemma_.lower() == "shell" and tok.tag_ == "NNS" and tok.dep_ not in ("nsubj", "nsubjpass"):
            # "short of shells", "supplied millions of shells": ammunition; "shells hit the school" tells a strike
            return "'shells' named as ammunition, not as what hit: no shelling"
        if class_described(tok):
            return f"'{tok.text}' describes a class of people in a present-tense statement, not a deed told"
        if tok.dep_ == "relcl" and any(c.dep_ == "auxpass" for c in tok.children) \
                and tok.head.lemma_.lower() not in TIME_NOUNS \
                and any(d.lower_ in POINTING_DETERMINERS for d in tok.head.children if d.dep_ == "det"):
            return f"'the {tok.head.text} that was {tok.text}': points back to an event told elsewhere"
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in tok.children):
            return f"conditional '{tok.text}': may never happen"
        hypothetical = hypothetical_subject(tok)
        if hypothetical is not None:
            return hypothetical
        guess = next((c for a in (tok, *tok.ancestors) for c in a.children
                      if c.dep_ == "advmod" and c.lower_ in self.speculative), None)
        if guess is not None:
            return f"'{guess.text}': a guess, not a report"
        if any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children) and tok.head.lemma_.lower() not in ATTEMPT_LEMMAS \
                and not self._done_to_protest(tok) and not self._dispersal_done(tok):
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
                    and (clause.lemma_ == "be" or clause.lemma_.lower() in self.trigger_lemmas
                         and not self._dated(clause) and not (tok.dep_ == "dobj" and tok.head.i == clause.i)) \
                    and clause.dep_ in ("ccomp", "ROOT", "advcl", "relcl") and not any(
                        c.dep_ in ("expl", "aux", "auxpass") for c in clause.children) \
                    and not (clause.lemma_ != "be" and _headline_present(clause)):
                # "strikes on energy targets are legitimate responses": a judgement, not a report (but
                # "shelling hits hospital": a headline's present tells a done deed)
                return f"'{tok.text}' in a present-tense statement ('{clause.text}')"
        if verb is not None and verb != tok and tok.dep_ == "dobj" and tok.head == verb \
                and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children) \
                and verb.head.lemma_.lower() not in ATTEMPT_LEMMAS and not _past_event(verb.head):
            # "the base has been used to carry out strikes": a use, not one strike ("drones were used to ..." is)
            return f"'to {verb.text} {tok.text}': purpose or plan, not a report"
        pattern = self._pattern_block(tok, verb)
        if pattern is not None:
            return pattern
        if tok.tag_ in ("VBP", "VBZ", "VB") and tok.dep_ == "ccomp" and not any(c.dep_ in ("aux", "auxpass") for c in tok.children) \
                and any(c.dep_ == "nsubj" for c in tok.children) and not _headline_present(tok) and not past_beside_past(tok):
            return f"present tense '{tok.text}' in reported speech: a general statement"
        return self._governor_block(tok)

    def _own_word_block(self, tok: Token) -> str | None:
        """Why a word of the trigger's own (a negation, a modifier, its object) blocks it, or None."""
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in BLAZE_WHEN_COUNTED and (tok.tag_ == "NNS" or any(
                c.dep_ == "det" and c.lower_ in INDEFINITE_ARTICLES for c in tok.children)):
            return f"'{tok.text}' counted: a blaze, not shooting"
        if tok.lemma_.lower() in FORCE_OBJECT_VERBS and any(
                c.dep_ == "dobj" and c.lemma_.lower() in NON_FORCE_OBJECTS for c in tok.children):
            return f"'{tok.text}' experts, aid or weapons: no change to an armed force"
        holders = (tok, tok.head) if tok.dep_ == "nsubj" else (tok,)  # "protesters gathered online"
        online = next((c for w in holders for c in w.children if c.dep_ == "advmod" and c.lower_ in VIRTUAL_PLACES), None)
        if online is not None:
            return f"'{online.head.text} {online.text}': done online, not in a place"
        if kind_characterised(tok):
            return f"'{tok.text} … {tok.head.text}': deeds of a kind described, not one deed told"
        for child in tok.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
                return f"negated trigger '{tok.text}'"
            if child.dep_ in ("amod", "compound") and child.lower_ in self.unasserted:
                return f"'{child.text} {tok.text}': not asserted to have happened"
            if child.dep_ in ("amod", "compound") and child.lower_ in self.figurative:
                return f"'{child.text} {tok.text}': a figure of speech, not fighting"
            if child.dep_ == "advmod" and child.lower_.endswith("ly") and child.lower_[:-2] in self.figurative:
                return f"'{child.text} {tok.text}': a figure of speech, not fighting"  # "verbally attacked"
            if child.dep_ == "dobj" and child.lemma_.lower() in self.figurative_objects:
                return f"'{tok.text} … {child.text}': a figure of speech, not fighting"
            if child.dep_ == "dobj" and caused_not_detonated(tok, child, self.weapon_nouns):
                return f"'{tok.text} off … {child.text}': caused, not detonated"
            if child.dep_ == "prep" and child.lower_ == "with" and any(
                    g.dep_ == "pobj" and g.lemma_.lower() in self.figurative_instruments for g in child.children):
                return f"'{tok.text} with …': a figure of speech, not fighting"  # "bombarded with questions"
            if child.dep_ in ("amod", "compound") and child.lower_ in DISPOSAL_MODIFIERS:
                return f"'{child.text} {tok.text}': explosives disposed of, not an attack"
            if child.dep_ in ("amod", "compound") and child.lower_ in FUEL_MODIFIERS and tok.lemma_.lower() in ACCIDENT_PRONE \
                    and not self._context(tok.sent, self.weapon_nouns):
                return f"'{child.text} {tok.text}': fuel exploded, an accident with no weapon named"
            if child.dep_ in ("amod", "compound", "advmod", "npadvmod", "dep") and child.lower_ in TEST_MODIFIERS:
                return f"'{child.text} {tok.text}': a weapons test, not an attack"
        return None

    @staticmethod
    def _negated_any(tok: Token) -> bool:
        """'The footage did not show any drones or explosions': 'any' on the event noun (or on the noun
        it is coordinated with) is licensed by a negation above it, however deep the noun sits."""
        noun = tok.head if tok.dep_ == "conj" and tok.head.pos_ == "NOUN" else tok
        if tok.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "any" for c in noun.children):
            return False
        return any(c.dep_ == "neg" for a in noun.ancestors for c in a.children)

    def _done_to_protest(self, tok: Token) -> bool:
        """'Farmers blocked the highway to protest low prices': a gathering or a blockade done to
        protest is the protest, told by its purpose ('summoned the envoy to protest' is diplomacy)."""
        head = tok.head
        return tok.dep_ in ("advcl", "xcomp") and tok.lemma_.lower() in self.protest_lemmas \
            and head.lemma_.lower() in PROTEST_ACT_VERBS \
            and (head.tag_ == "VBD" or _past_event(head) or _headline_present(head))

    @staticmethod
    def _dispersal_done(tok: Token) -> bool:
        """'Police fired tear gas to disperse the crowd': a purpose of dispersing, after force used in
        the past, tells the dispersal done (the crowd was there, and force met it)."""
        return tok.dep_ in ("advcl", "xcomp") and tok.lemma_.lower() in DISPERSAL_VERBS \
            and (tok.head.tag_ == "VBD" or _past_event(tok.head))

    def _dated(self, clause: Token) -> bool:
        """'Protesters clash with police in Santiago, Friday, Oct. 25': an event verb in the present
        dated to a day or a month is the historic present of captions and headlines, a report of one
        event; a general statement ('strikes on energy targets hit the economy') names no day."""
        return any(t.lower_ in self.kinds.calendar and self.kinds.is_calendar(t) for t in clause.subtree)

    def _pattern_block(self, tok: Token, verb: Token | None) -> str | None:
        """Why the trigger or its verb tells no single done deed (a modal, a habit, a negated verb), or None."""
        for t in (tok, verb):
            if t is None:
                continue
            modal = shared_modal(t)
            if modal is not None:
                return f"modal or future '{modal.text} {modal.head.text} … and {t.text}'"
            period = open_period(t)
            if period is not None:
                return f"'has … {period.text}' an open period: an ongoing pattern, not one event"
            for child in t.children:
                if child.dep_ in ("aux", "auxpass") and child.lemma_.lower() in FUTURE_AUX:
                    return f"modal or future '{child.text} {t.text}'"
                if child.dep_ == "advmod" and child.lower_ in self.habitual:
                    return f"habitual '{child.text}': a pattern, not one event"
                if child.dep_ in ("npadvmod", "advmod", "dobj") and child.lower_ in REPETITION_NOUNS and any(
                        g.lower_ in MULTITUDE_WORDS for g in child.children):
                    return f"'{' '.join(x.text for x in child.subtree)}': a pattern, not one event"
                if every_time(child):
                    return f"'{' '.join(x.text for x in child.subtree)}': a habit, not one event"
                if child.dep_ == "neg" and t is verb and t is not tok and (tok.dep_ in ("dobj", "nsubjpass", "nsubj")
                                                                            or tok.dep_ == "pobj" and tok.head.head == verb):
                    return f"negated '{t.text}' of '{tok.text}'"
        return None

    def _governor_block(self, tok: Token) -> str | None:
        """Why a word governing the trigger (attribution, a plan, a meeting, a judgement) blocks it, or None."""
        unasserted = self._wished_end(tok) or _denied_content(tok)  # an end asked for, a denial's content
        if unasserted is not None:
            return unasserted
        path = [tok, *tok.ancestors]
        for depth, anc in enumerate(tok.ancestors):
            lemma = anc.lemma_.lower()
            if lemma in self.attribution and depth < 6:
                return f"under '{anc.text}': attribution or accusation"
            if depth < 3 and path[depth].dep_ == "advcl" and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in self.attribution for c in anc.children):
                # "claimed responsibility for the attack, saying its fighters had targeted a convoy"
                return f"'{path[depth].text}' elaborates '{anc.text} responsibility': attribution"
            if depth >= 3:
                continue
            if self._planner_or_setting(path[depth]):
                continue  # "protesters demanded ...", "urged ... during a march": who plans, and where, are real
            if self._is_plan(anc) and not self._known_topic(tok):
                return f"under plan/threat verb '{anc.text}'"
            if lemma in self.meeting and not content_clause(path[depth]):
                return f"inside '{anc.text}'"
            if lemma in self.judgement and not self._judged_deed(tok, anc):
                return f"inside '{anc.text}'"
        return None

    def _is_plan(self, word: Token) -> bool:
        """A plan or threat word ('urged'), or one that plans with its preposition ('called for')."""
        lemma = word.lemma_.lower()
        if lemma in self.plan:
            return True
        preps = {c.lower_ for c in word.children if c.dep_ == "prep"} & self.plan_prep.get(lemma, set())
        # "called for strikes"; "called on allies to shoot down drones" asks only with its infinitive
        return bool(preps - ADDRESSEE_PREPOSITIONS) or bool(preps) and any(c.dep_ == "xcomp" for c in word.children)

    def _wished_end(self, tok: Token) -> str | None:
        """'Called for an end to the fighting', 'urged a halt to the shelling': the stop is what is
        planned, so the deed it would stop is named, not reported (it may go on, but this is no news of
        it).  The plan must govern the stop noun closely, as for a trigger (depth < 3)."""
        # "urged the army to halt its shelling", "called on the authorities to stop using live ammunition
        # against protesters": a verb of stopping asked for names the deed it would stop
        verb = next((a for a in list(tok.ancestors)[:STOP_VERB_REACH]
                     if a.pos_ == "VERB" and a.lemma_.lower() in CESSATION_NOUNS), None)
        if verb is not None and verb.dep_ == "xcomp" and self._is_plan(verb.head):
            return f"'{verb.head.text} … {verb.text}': an end asked for, not a report of the deed"
        if not (tok.dep_ == "pobj" and tok.head.lower_ in ("to", "of")
                and tok.head.head.lemma_.lower() in CESSATION_NOUNS and tok.head.head.pos_ == "NOUN"):
            return None
        stop = tok.head.head
        path = [stop, *stop.ancestors]
        for depth, anc in enumerate(list(stop.ancestors)[:3]):
            if self._is_plan(anc) and not self._planner_or_setting(path[depth]):
                return f"'{anc.text} … {stop.text} to {tok.text}': an end asked for, not a report of the deed"
        return None

    def _planner_or_setting(self, below: Token) -> bool:
        """The word under a plan verb on the trigger's path is its subject naming people ('protesters
        demanded the governor's resignation': the planner is no plan; 'the offensive aims to topple
        the government' names a deed and stays as it was), an 'at'/'during' adjunct ('urged reform
        during a march': the demand was made at a march that happened) or an 'after' clause."""
        if below.dep_ == "nsubj":
            return self._side(list(below.subtree)) is not None
        if below.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in AFTER_PREPOSITIONS for c in below.children):
            return True  # "called for a ceasefire after the clashes killed 12": what the call follows happened
        return below.dep_ == "prep" and below.lower_ in OCCASION_PREPOSITIONS

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
    def _atrocity(tok: Token) -> bool:
        """'A war crime', 'crimes against humanity': the gravest conflict events, not common crime."""
        return tok.lemma_.lower() == "crime" and any(
            c.lower_ == "war" and c.dep_ in ("compound", "amod", "nmod") or c.dep_ == "prep" and c.lower_ == "against"
            for c in tok.children)

    def _accident_setting(self, sent: Span) -> bool:
        """A boiler, a factory, a crash: the setting of an accidental explosion.  The setting words are
        nouns; as verbs only those that tell an accident count ("a plane crashed", not "a bomb planted")."""
        return any((t.lemma_.lower() in self.accident or t.lower_ in self.accident)
                   and (t.pos_ != "VERB" or t.lemma_.lower() in self.accident_verbs) for t in sent)

    def _context(self, sent: Span, words: set[str]) -> bool:
        return any(t.lemma_.lower() in words or t.lower_ in words for t in sent)

    def _told_before(self, tok: Token) -> str | None:
        """Why the trigger names something done before the news it is part of, or None: a deed a court
        judges, an agreement undone, people held whose taking was told earlier."""
        if tok.dep_ in ("pobj", "pcomp") and tok.head.lower_ in self.judged_preps \
                and tok.head.head.lemma_.lower() in self.judging_verbs:
            return f"'{tok.head.head.text} {tok.head.text} {tok.text}': a deed judged in court, told after the fact"
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in self.remembrance_heads:
            return f"'{tok.head.head.text} of {tok.text}': an earlier deed remembered, not news"
        judged = self._inside_judged_deed(tok)
        if judged is not None:
            return judged
        if tok.dep_ == "relcl" and (noun := self._told_before_of(tok.head)) is not None:
            return f"a clause on {noun}"  # "jailed for the bombing of a mosque that killed 60"
        if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in self.onset_verbs and in_month_or_year(tok.head):
            return f"'{tok.text} … {tok.head.text} in …': a campaign's start told as background"
        if tok.lemma_.lower() in self.agreement_nouns and self._undone(tok):
            return f"'{tok.head.text} … {tok.text}': an agreement undone, not reached"
        held = tok.pos_ == "NOUN" and tok.lemma_.lower() in self.held_nouns
        # "freed two of the hostages": a part of them counted stands where the people stand
        part = tok.head.head if held and tok.dep_ == "pobj" and tok.head.lower_ == "of" \
            and tok.head.head.like_num else tok
        if held and part.dep_ in ("dobj", "nsubj", "nsubjpass") \
                and part.head.pos_ == "VERB" and part.head.lemma_.lower() not in self.taking_verbs:
            return f"'{part.head.text} … {tok.text}': people taken before, the news is what was done to them"
        if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in FLIGHT_VERBS:
            return f"'{tok.head.text} {tok.text}': the deed as the cause of a flight, not a report of it"
        first = first_conjunct(tok)
        # (a list after the object is hung from the verb any way: 'dep', 'npadvmod', 'appos')
        if tok.pos_ == "NOUN" and first.dep_ not in SUBJECT_DEPS and first.head.lemma_.lower() in TALLYING_VERBS \
                and not self._dated(first.head):
            return f"'{first.head.text} … {tok.text}': deeds a monitor tallied, with no day of their own"
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in self.held_nouns and tok.dep_ == "pobj" and tok.head.lower_ == "of" \
                and tok.head.head.pos_ == "NOUN" and tok.head.head.lemma_.lower() not in COUNT_NOUNS:
            # "the release of hostages", "families of the hostages" (not "dozens of hostages": a taking counted)
            return f"'{tok.head.head.text} of {tok.text}': people taken before, the news is what was done to them"
        return None

    def _told_before_of(self, noun: Token) -> str | None:
        """Why the noun a relative clause hangs on, or the deed noun of whose 'of' phrase it is ('the bombing of
        a mosque that killed 60': the clause hung on 'mosque'), names a deed told before; else None."""
        for noun in (noun, noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun):
            if noun.pos_ == "NOUN" and (told := self._told_before(noun)) is not None:
                return f"'{noun.text}', {told}"
        return None

    def _inside_judged_deed(self, tok: Token) -> str | None:
        """'Acquitted officers charged with killing a protester': a word inside the deed a court
        judges (the gerund or noun after 'charged with', 'sentenced for') is told after the fact too."""
        for anc in list(tok.ancestors)[:3]:
            if anc.dep_ in ("pobj", "pcomp") and anc.head.lower_ in self.judged_preps \
                    and anc.head.head.lemma_.lower() in self.judging_verbs:
                return f"'{anc.head.head.text} {anc.head.text} {anc.text} … {tok.text}': inside a deed judged in court"
        return None

    def _undone(self, tok: Token) -> bool:
        """'Violating the ceasefire', 'the ceasefire collapsed', 'the end of the truce': the agreement
        word's verb or 'of' head undoes it."""
        head = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else tok.head
        if tok.dep_ not in ("dobj", "nsubj", "nsubjpass", "pobj") or head is tok:
            return False
        return head.lemma_.lower() in self.undoing_words

    def _topic(self, t: Token) -> bool:
        """Whether a cue is what a protest is about ("to decry the arrests", "against police violence")."""
        prev = t
        for n, a in enumerate([t, *t.ancestors]):
            if n >= 6:
                break
            if a.dep_ == "pobj" and a.head.lower_ in self.topic_preps:
                return True
            if a is not t and self._purpose_topic(a, prev):
                return True
            if a is not t and a.lemma_.lower() in self.topic_verbs and prev.dep_ in ("dobj", "prep", "ccomp", "xcomp"):
                return True
            prev = a
        return False

    def is_topic_noun(self, tok: Token) -> bool:
        """A noun a deed can be the topic of ('the investigation of', 'his involvement in'): no event
        word of the lexicon, no time word ('the day the senator was killed' dates the deed), and no count
        ('thousands of demonstrators' are the demonstrators)."""
        return tok.pos_ == "NOUN" and tok.lemma_.lower() not in NO_TOPIC_NOUNS \
            and tok.lemma_.lower() not in self._lemma_concepts and tok.lower_ not in self._lemma_concepts


def _denied_content(tok: Token) -> str | None:
    """'Denied that its jets had bombed the market', 'investigating reports that troops had killed
    civilians': what a denial's (or a probe's) 'that' clause says, or the report it names, is not asserted.
    (A denial of one's own deed, 'denied shelling the town', takes a gerund and is a denial of
    blame: the deed stands.)  The clause must be the denial's own, within a few steps."""
    below = tok
    for anc in list(tok.ancestors)[:5]:
        if anc.pos_ == "VERB" and anc.lemma_.lower() in DENIAL_LEMMAS:
            clause = below.dep_ == "ccomp"
            report = below.dep_ in ("dobj", "nsubjpass") and below.lemma_.lower() in DENIED_OBJECTS \
                and not tok.is_ancestor(below) and below is not tok
            if clause or report:
                return f"'{anc.text} … {tok.text}': denied, not asserted"
            return None
        below = anc
    return None
