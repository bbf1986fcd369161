"""Roles from the parse: who did a deed (actor 1), to whom (actor 2), and who only spoke of it.

``extract.actors`` finds the actor phrases of a sentence; the functions here read each phrase's place in
the parse against the deed's trigger: the doer is the active subject, the passive "by"-agent, or a
country word on the deed or its weapon; the target is the passive subject or the object (also when a
name only qualifies them: "two Hezbollah members were killed"); whoever only speaks ("X said",
"according to X") is a claimant, not an actor.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.data import load_json
from eventwire.extract.types_base import active_acl, clause_verb, participle_host, phrase_end, phrase_noun
from eventwire.extract.vocab import words

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
SEQUENCE_MARKS = words("function_words", "sequence_marks")
AGENT_DEPS = {"agent"}
SELF_PRONOUNS = words("function_words", "self_pronouns")
SELF_POSSESSIVES = words("function_words", "self_possessives")
TARGET_PREPS = words("function_words", "target_prepositions")
AGENT_PREPOSITIONS = words("function_words", "agent_prepositions")
OWN_ACTION_VERBS = words("event_words", "own_action_verbs")
ATTRIBUTION_VERBS = words("event_words", "attribution_verbs")
SUSPICION_WORDS = words("event_words", "suspicion_words")
SUPPORT_VERBS = words("event_words", "support_verbs")
SOURCE_NOUNS = words("event_words", "source_nouns")
# the lemmatizer misreads some past forms ("staged" -> "stag"): the regular forms of a verb ending in -e count too
SUPPORT_FORMS = SUPPORT_VERBS | {w + e for w in SUPPORT_VERBS if w.endswith("e") for e in ("d", "s")}
ATTRIBUTION_PREPS = words("event_words", "attribution_prepositions")
EXPOSURE_PREPS = words("function_words", "exposure_prepositions")
PATIENT_DEPS = {"nsubjpass", "dobj"}
NOUN_POS = ("NOUN", "PROPN")
# how a name hangs on the noun it qualifies ("Hezbollah members", "Taliban fighters", "the group's fighters"):
# the name stands where that noun stands in the clause
NAME_MODIFIER_DEPS = ("compound", "amod", "nmod", "poss")
# where the deed hangs on the verb that tells what happened to a named group's members: its subject ("an Israeli
# strike killed ..."), its passive agent ("killed by an Israeli strike") or a phrase of means or occasion
# ("killed in Turkish air strikes"; not "an hour before the explosion")
CLAUSE_DEED_DEPS = ("nsubj", "agent")
DEED_PREPOSITIONS = words("function_words", "deed_prepositions")
# "troops were deployed", "troops deployed to the border": the force moved is the party whose activity changes
FORCE_OBJECT_VERBS = words("event_words", "force_object_verbs")
OBJECT_CONTROL_VERBS = words("event_words", "object_control_verbs")
VICTIM_SUBJECT_VERBS = words("event_words", "victim_subject_verbs")
# "its forces had beaten back an incursion": who repels a deed is the side it was aimed at
FORCE_SITES = words("place_words", "force_site_nouns")
REPEL_LEMMAS = frozenset(load_json("lexicons", "event_types.json")["not_event_cues"]["repel_lemmas"])
DEMONSTRATING = frozenset(load_json("lexicons", "event_types.json")["actors"]["demonstrating"])


def exposed(verb: Token) -> bool:
    """"came under fire", "was under attack": the verb's subject is what the act is aimed at."""
    return any(c.dep_ == "prep" and c.lower_ in EXPOSURE_PREPS for c in verb.children)


def patient(root: Token, trigger: Token, speech_heads: set[int]) -> bool:
    """The actor is what a verb of the deed's clause is done to: "soldiers were killed by shelling",
    "the shelling wounded soldiers", "troops came under fire"."""
    named = root.dep_ in NAME_MODIFIER_DEPS and root.head.pos_ in NOUN_POS
    if named:
        root = root.head  # "two Hezbollah members were killed": the members are the patient, so is the name
    if trigger.lemma_.lower() in FORCE_OBJECT_VERBS:
        return False  # a force deployed is the party of its own change
    # "three soldiers killed in a drone attack" (a headline's reduced passive): the participle's patient
    if any(c.dep_ == "acl" and c.tag_ == "VBN" and deed_of_clause(c, trigger) for c in root.children):
        return True
    verb = root.head
    if verb.i in speech_heads or verb.pos_ not in ("VERB", "AUX"):
        return False
    if named and not deed_of_clause(verb, trigger):
        return False  # "embraced the US drone programme, overseeing strikes": the verb is no part of the deed
    related = verb.i == trigger.i or verb.is_ancestor(trigger) or trigger.is_ancestor(verb)
    if not related:
        return False
    return root.dep_ in PATIENT_DEPS or (root.dep_ == "nsubj" and (
        exposed(verb) or verb.lemma_.lower() in VICTIM_SUBJECT_VERBS))


def subject_controls(verb: Token) -> bool:
    """"Police fired tear gas to disperse the crowd", "rebels tried to seize the town": an infinitive with no
    subject of its own is done by the subject of the verb it hangs on, unless that verb hands the doing to
    its object ("ordered troops to attack", "forced residents to flee")."""
    return (verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VB"
            and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
            and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
            and verb.head.pos_ in ("VERB", "AUX") and verb.head.lemma_.lower() not in OBJECT_CONTROL_VERBS)


def deed_of_clause(verb: Token, trigger: Token) -> bool:
    """The clause's verb tells the deed: it is the trigger, or the trigger names what did it (its subject,
    its "by" agent, a phrase such as "killed in an airstrike")."""
    if verb.i == trigger.i:
        return True
    below = next((t for t in [trigger, *trigger.ancestors] if t.head.i == verb.i and t.i != verb.i), None)
    return below is not None and (below.dep_ in CLAUSE_DEED_DEPS
                                  or (below.dep_ == "prep" and below.lower_ in DEED_PREPOSITIONS))


def acted_on(root: Token, trigger: Token, other_deeds: frozenset[int]) -> bool:
    """The subject of another deed whose object holds this one ("air defences shot down 15 drones launched
    overnight"): it did that deed to this one's weapons, and is no party to their launch; so is the subject
    of a deed one of the two dates the other by ("jets struck villages hours after Hezbollah fired rockets").  So is the subject
    of a deed done on suspicion of this one ("troops arrested two men on suspicion of firing rockets"): the
    suspects' deed, not the arresters'."""
    verb = root.head
    if root.dep_ == "dobj" and verb.i in other_deeds:
        return True  # "..., as the army battles Fano militiamen in the region": what another deed was done to
    if root.dep_ != "nsubj" or verb.i not in other_deeds:
        return False
    # a clause told for its time holding the one deed and not the other
    timed = [a for a in (verb, trigger, *trigger.ancestors) if any(
        c.dep_ == "mark" and c.lower_ in SEQUENCE_MARKS for c in a.children) and (a.i == trigger.i or a.is_ancestor(
            trigger)) != (a.i == verb.i or a.is_ancestor(verb))]
    if timed and _own_doer(trigger):
        return True  # "jets struck villages hours after Hezbollah fired rockets": each subject is its own clause's
    return any(c.dep_ == "dobj" and (c.i == trigger.i or c.is_ancestor(trigger)) for c in verb.children) \
        or any(a.lemma_.lower() in SUSPICION_WORDS or a.lower_ in SUSPICION_WORDS
               for a in trigger.ancestors if verb.is_ancestor(a))


def protest_counterpart(root: Token, trigger: Token) -> bool:
    """A party of the verb the protest's word hangs on, on the other side of it: "police detained
    protesters", "police broke up the rally", "protesters clashed with police"."""
    if root.i == trigger.i:
        return False
    word = trigger.head if trigger.dep_ in ("amod", "compound") and trigger.head.i == trigger.i + 1 else trigger
    while word.dep_ == "pobj" and word.head.lower_ == "of" and word.head.head.pos_ in (*NOUN_POS, "NUM"):
        word = word.head.head  # "detained thousands of protesters": the count stands in the clause
    verb = word.head if word.dep_ in PATIENT_DEPS | {"nsubj", "pobj"} else None
    if verb is not None and word.dep_ == "pobj":
        verb = verb.head  # "fired on protesters": the verb above the preposition
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return False
    while root.head.i != verb.i and subject_controls(verb):
        verb = verb.head  # "police used tear gas to break up a march": the subject of 'used' broke it up
    if root.dep_ == "nsubj" and root.head.i == verb.i:
        return word.dep_ != "nsubj"
    return word.dep_ == "nsubj" and root.dep_ == "pobj" and root.head.head.i == verb.i


def accused(tok: Token, deed: Token | None = None) -> bool:
    """"Officials blamed X for the shelling", "accused Russia of shelling", "credited X with capturing": the
    object of an attribution verb is named as the doer of the deed its for/of/with phrase tells (of ``deed``
    when given: the phrase must hold it)."""
    verb = tok.head
    return tok.dep_ == "dobj" and verb.lemma_.lower() in ATTRIBUTION_VERBS and any(
        c.dep_ == "prep" and c.lower_ in ATTRIBUTION_PREPS and (deed is None or c.i == deed.i or c.is_ancestor(deed))
        for c in verb.children)


def support_subject(root: Token, trigger: Token) -> bool:
    """"Kyiv staged a drone attack", "the army carried out strikes": the subject of a verb of doing
    whose object is the deed is its doer (the deed noun is the object, so the subject's path
    never passes through it)."""
    verb = root.head
    deed = trigger.head if trigger.dep_ in ("compound", "amod") else trigger  # "a [drone] attack"
    return (root.dep_ == "nsubj" and deed.dep_ == "dobj" and deed.head.i == verb.i
            and (verb.lemma_.lower() in SUPPORT_VERBS or verb.lower_ in SUPPORT_FORMS))


def means_subject(root: Token, trigger: Token) -> bool:
    """"Jihadists killed 20 soldiers in an ambush": the subject of a verb with an object, whose phrase of
    means or occasion is the deed, did the deed ("ten soldiers died in an ambush" has no object: its subject
    is the victims)."""
    verb = trigger.head.head if trigger.dep_ == "pobj" else None
    return (verb is not None and trigger.head.lower_ in DEED_PREPOSITIONS and root.dep_ == "nsubj"
            and root.head.i == verb.i and verb.pos_ == "VERB" and any(c.dep_ == "dobj" for c in verb.children))


def speaker_itself(subject: Token) -> bool:
    """The subject of a reported deed is the speaker's own side: "it", or "its air force", "their troops"."""
    return subject.lower_ in SELF_PRONOUNS or any(
        c.dep_ == "poss" and c.lower_ in SELF_POSSESSIVES for c in subject.children)


def deed_noun(trigger: Token, trigger_text: str) -> Token:
    """The noun a deed phrase's first word modifies ("air strikes", "drone attack", "gun battle"): the
    phrase stands in the sentence where that noun does ("air strikes on Houthi positions": the positions
    are the strikes' target, reached through 'strikes', not through 'air').  Only inside the phrase: the
    'bomb' of "bomb experts" stays 'bomb'."""
    end = phrase_end(trigger, trigger_text)
    t = trigger
    # "missile and air strikes": 'air' hangs from 'missile', which hangs from 'strikes' (an adjective's
    # phrase, "a cross-border raid", keeps its first word: the parse often hangs more from it than it should)
    while t.i != end.i and t.dep_ in ("compound", "nmod", "conj") and t.head.i <= end.i and t.head.i != t.i:
        t = t.head
    return t if t.i == end.i and end.pos_ == "NOUN" else trigger


def _tells_deed(noun: Token, trigger: Token) -> bool:
    """The subject or the 'by'/'with' object the phrase modifies hangs from the deed's own clause
    ("Ukrainian drones carried out a strike", "was hit by Russian shelling"), not from another noun
    ("the protest followed fighting between the army and M23 rebels": the rebels are the fighting's)."""
    anchor = noun.head.head if noun.dep_ == "pobj" else noun.head
    return anchor.i in (trigger.i, trigger.head.i) or anchor.is_ancestor(trigger)


def _says(path: list[Token], speech_heads: set[int]) -> bool:
    """The actor is the subject of a verb of saying on its way up to the deed: "..., police and residents
    said" parsed under the deed's verb names whose words they are, no party."""
    speaking = next((n for n, t in enumerate(path[1:-1], 1) if t.i in speech_heads), None)
    return speaking is not None and path[speaking - 1].dep_ in SUBJECT_DEPS


def _complement_below(deps: list[str], trigger: Token) -> bool:
    """"It struck Hamas militants operating from a school", parsed as a clause under 'struck': a phrase
    in a clausal complement of a deed whose own subject is another is who the deed was done to."""
    return deps[-1] == "ccomp" and any(c.dep_ in SUBJECT_DEPS for c in trigger.children)


def _site_owner(root: Token, deps: list[str]) -> bool:
    """A party word qualifying a force's site ("a police station", "an army base") on the way to the deed,
    not through a subject: it names who owns what the deed was done to, not who did it."""
    return len(deps) > 1 and deps[0] in ("compound", "amod") and root.head.lemma_.lower() in FORCE_SITES \
        and "nsubj" not in deps[1:]


def between_sides(root: Token, trigger: Token) -> str | None:
    """'Fighting broke out between Ethiopian troops and Fano militiamen': the 'between' the parser hangs from
    the verb the deed is the subject of names its sides, the first actor 1 and the other actor 2 (as a
    'between' on the deed itself does); None for a phrase outside it."""
    trigger = phrase_noun(trigger)  # 'heavy' of the phrase 'heavy fighting'
    if trigger.dep_ != "nsubj":
        return None
    tok = root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ != "pobj" or tok.head.lower_ != "between" or tok.head.head.i != trigger.head.i:
        return None
    return "actor2" if root.dep_ == "conj" else "actor1"


def _motive_of(path: list[Token], trigger: Token) -> bool:
    """'Demonstrators, angered by the government's decision to suspend talks on joining the European Union':
    a name deep in a clause on the crowd that is the deed's word (not that clause's own agent) says why they
    acted, no party.  On a deed's noun such a clause tells how it came about ('an explosion caused by a
    landmine'), and is left to the other rules."""
    return trigger.lemma_.lower() in DEMONSTRATING and any(t.dep_ == "acl" and t.head.i == trigger.i
                                                          for t in path[3:-1])


def _participle_of(trigger: Token, verb: Token) -> bool:
    """Whether the deed is told by a participle hung from ``verb``, or from a verb coordinated with it, whose
    subject it shares ('blew up a track and stormed a train, taking dozens hostage')."""
    host = participle_host(clause_verb(trigger) or trigger)
    while host is not None and host.i != verb.i and host.dep_ == "conj":
        host = host.head
    return host is not None and host.i == verb.i


def _doer_of_a_time_clause(path: list[Token]) -> bool:
    """'Warplanes struck villages in southern Lebanon, hours after Hezbollah fired rockets at Israel': the
    subject of a clause told for its time ('after', 'before', 'following') does that clause's deed, not
    the deed of the clause it dates, when that one names its own doer."""
    return len(path) > 2 and path[0].dep_ in SUBJECT_DEPS and _own_doer(path[-1]) and any(
        c.dep_ == "mark" and c.lower_ in SEQUENCE_MARKS for c in path[1].children)


def _own_doer(trigger: Token) -> bool:
    """The deed's clause names its doer as its subject ("jets struck"); one that does not ("two people were
    killed in the protest after security forces used tear gas") may take it from the clause that dates it."""
    verb = clause_verb(trigger)
    return verb is not None and any(c.dep_ == "nsubj" for c in verb.children)


def _active_clause_on(root: Token, trigger: Token) -> bool:
    """The deed's verb hangs on ``root`` as an active clause (``types_base.active_acl``): ``root`` is its doer."""
    verb = clause_verb(trigger)
    return verb is not None and verb.head.i == root.i and active_acl(verb)


def role_of(span: Span, trigger: Token, speech_heads: set[int]) -> str | None:
    root = span.root
    if len(span) == 2 and span[0].head.i != span[1].i and span[1].head.i != span[0].i:
        root = span[1]  # two words the parse left unlinked ("by Russian shelling"): the noun heads the phrase
    if span.start <= trigger.i < span.end:
        return "actor1"  # the phrase names the deed itself ("an Israeli drone strike", "Russian shelling")
    chain = [root, *root.ancestors]  # walk up from the actor to the trigger, noting the relation on the way
    if trigger in chain:
        path = chain[: chain.index(trigger) + 1]
        deps = [t.dep_ for t in path[:-1]]
        if _says(path, speech_heads) or _motive_of(path, trigger) or _doer_of_a_time_clause(path):
            return None
        if deps and deps[-1] == "nsubjpass" and trigger.lemma_.lower() in FORCE_OBJECT_VERBS:
            return "actor1"
        if deps and deps[-1] in SUBJECT_DEPS and path[-2].dep_ != "nsubjpass":
            return "actor2" if len(path) == 2 and exposed(trigger) else "actor1"
        if any(t.dep_ in AGENT_DEPS and (t.head.i == trigger.i or t.head.dep_ == "acl" and t.head.head.i == trigger.i)
               for t in path[:-1]):
            return "actor1"  # its own "by" agent ("a strike carried out by Russian jets")
        if any(t.dep_ == "acl" and t.head.i != trigger.i for t in path[:-1]):
            return "actor2"  # a clause on another noun of the deed: "shot down drones launched by Russia"
        if deps and deps[-1] in ("poss", "amod", "compound", "nmod"):
            return "actor1"
        if deps and (deps[-1] in ("nsubjpass", "dobj") or _complement_below(deps, trigger)):
            return "actor2"
        if len(path) >= 3 and path[-2].dep_ == "prep" and path[-2].lower_ in TARGET_PREPS or _site_owner(root, deps):
            return "actor2"  # "fired on X"; "overran the town, setting fire to a police station": the site's owner
        if len(path) >= 3 and path[-2].dep_ == "prep" and path[-2].lower_ in AGENT_PREPOSITIONS:
            return "actor1"
        if len(path) >= 3 and path[-2].lower_ == "between":
            # "fighting between the army and Fano militiamen": the first side named, then the other
            return "actor2" if root.dep_ == "conj" else "actor1"
        if deps and deps[-1] in ("prep", "pobj"):
            # "clashed with X": the other side; "attacked by X", "fire from X": the doer
            return "actor1" if path[-2].lower_ in AGENT_PREPOSITIONS else "actor2"
        if any(t.dep_ == "dobj" and all(v.dep_ in ("conj", "advcl", "xcomp") for v in path[n + 1:-1])
               for n, t in enumerate(path[:-2])):
            # "launched missiles and destroyed the Armenian army's batteries", "opened fire, ... killing two
            # police officers": what a verb of the deed (coordinated, or an adverbial clause of it) was done to
            return "actor2"
        return "actor1"
    # "gunmen entered the campus and shot at soldiers": coordinated verbs share the first one's subject, also
    # a passive one when the deed's verb is active ("police were sent to the area and exchanged fire")
    if trigger.dep_ == "conj" and trigger.head in chain and root.head.i == trigger.head.i \
            and (root.dep_ == "nsubj" or root.dep_ == "nsubjpass" and trigger.tag_ in ("VBD", "VBZ", "VBP")
                 and not any(c.dep_ == "auxpass" for c in trigger.children)) \
            and not any(c.dep_ in SUBJECT_DEPS for c in trigger.children):
        return "actor1"
    if root.dep_ == "nsubj" and (root.head.i == trigger.head.i and subject_controls(trigger)
                                 or _participle_of(trigger, root.head)):  # "stormed a bus, taking 20 hostage"
        return "actor1"
    if (sides := between_sides(root, trigger)) is not None or means_subject(root, trigger):
        return sides or "actor1"
    if accused(root, trigger) or support_subject(root, trigger) or _active_clause_on(root, trigger):
        return "actor1"
    if patient(root, trigger, speech_heads):
        return "actor2"
    speaker = phrase_noun(root)  # the actor speaks: a claimant, unless it tells its own deed ("M23 rebels said they")
    for t in chain:
        if t.i in speech_heads:
            if trigger.is_ancestor(t) or t.is_ancestor(trigger):
                # "X announced/claimed raids": the announcer owns the action
                if speaker.dep_ in SUBJECT_DEPS and t.lemma_.lower() in OWN_ACTION_VERBS:
                    return "actor1"
                # "X said it took the village in a raid": X reports its own action
                if speaker.dep_ in SUBJECT_DEPS and t.is_ancestor(trigger):
                    # only the verb that does the trigger: "it took the village in a raid" (not
                    # "they could not organise ..., accusing Russia of shelling")
                    verb = next((a for a in (trigger, *trigger.ancestors) if a.pos_ == "VERB"), None)
                    if verb is not None and verb != t and any(
                            c.dep_ == "nsubj" and speaker_itself(c) for c in verb.children):
                        return "actor2" if verb != trigger and verb.lemma_.lower() in REPEL_LEMMAS else "actor1"
            return None
    # actor modifies the weapon that is the subject/agent of the trigger ("Ukrainian drones struck"); a
    # passive subject is what was done to ("two Hezbollah members were killed by ...")
    if root.head.dep_ in {"nsubj", "csubj", "pobj"} and root.dep_ in ("amod", "compound", "poss") \
            and root.head.lemma_.lower() not in SOURCE_NOUNS and root.head.lower_ not in SOURCE_NOUNS \
            and not any(t.lower_ == "according" for t in root.ancestors) and _tells_deed(root.head, trigger):
        return "actor1"  # not "according to Russian military reports", "to an Iraqi army captain": whose account
    return None
