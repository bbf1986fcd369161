"""A deed told again: the later sentences of a report that add to the deed its lead dated.

Wire copy dates and places a deed once and then goes on about it: "The attackers opened fire from both
sides of the road", "The attack began when a suicide bomber drove a car into the gate", "police confirmed
the kidnapping", "the military said it had struck a militant". Each of these has an event word, so each
became a mention of its own, dated by the page and placed by borrowing the lead's place, often typed
otherwise than the lead (an attack on civilians beside an ambush, a ground clash beside an air strike):
a second event for one happening, on the wrong day.  Such a sentence points back at what was told, by a
definite deed noun ("the attack"), by the deed's doers with 'the' ("the attackers") or by a pronoun ("it
had struck").  When it gives its deed neither a date nor a place of its own, and the article's latest deed
is a violent one its own words dated, of another sub-type (fusion folds one of the same sub-type itself,
``fuse.reference_fit``), it tells that deed: its figures join it (``to_mentions``) and it makes no record of
its own.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from eventwire.extract.actor_roles import speaker_itself
from eventwire.extract.actors import GENERIC_ACTOR
from eventwire.extract.components.places import EVENT_PRECISIONS
from eventwire.extract.types import VIOLENT_EVENT_TYPES
from eventwire.extract.types_base import LOOTING
from eventwire.extract.vocab import words
from eventwire.model import Mention, Place

BACK_DOERS = words("event_words", "back_doers")
ONE_OF_SEVERAL = words("event_words", "one_of_several")
POINTING_DETERMINERS = words("function_words", "pointing_determiners")
BACK_PRONOUNS = words("function_words", "back_pronouns")


def points_back(trigger: Token) -> bool:
    """'The attack began ...', 'confirmed the kidnapping': a deed noun with a pointing determiner; 'the
    attackers opened fire', 'it had struck': a verb whose subject is the doers told before; 'its forces had
    clashed with fighters in the area': a side telling its own version of the deed (``retold`` asks that it be
    the deed's doer or that the deed had none named)."""
    if trigger.pos_ == "NOUN":  # not 'the first attack', 'the second blast': one of several
        return any(c.dep_ == "det" and c.lower_ in POINTING_DETERMINERS for c in trigger.children) \
            and not any(c.dep_ == "amod" and c.lower_ in ONE_OF_SEVERAL for c in trigger.children)
    subj = next((c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and (trigger.dep_ == "conj" or trigger.dep_ == "advcl" and trigger.tag_ == "VBG"):
        # "went door to door and set fire to 45 houses", "arrived ..., shooting": the first verb's subject
        subj = next((c for c in trigger.head.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    if subj.lower_ in BACK_PRONOUNS or speaker_itself(subj):
        return True  # "it had struck", "the RSF said its forces had clashed with fighters in the area"
    return subj.lemma_.lower() in BACK_DOERS and any(
        c.dep_ == "det" and c.lower_ in POINTING_DETERMINERS for c in subj.children)


def retold(m: Mention, trigger: Token, told_alone: bool, earlier: list[Mention]) -> int | None:
    """The index in ``earlier`` of the deed this mention tells again, else None.  ``told_alone``: its sentence
    names no time and no place of its own (its place, if any, is the article's)."""
    # (what the doers of a violent deed destroyed as they went is that deed's: "the gunmen went door to door and
    # set fire to 45 houses"; ACLED codes no second, strategic event beside the attack)
    if not told_alone or not (m.event_type in VIOLENT_EVENT_TYPES or m.sub_event_type == LOOTING) or not earlier \
            or m.doubt:
        return None  # a deed the deeds rules doubt is fusion's to weigh (a soft reference; MUC-4's bridges)
    i = next((j for j in range(len(earlier) - 1, -1, -1) if not earlier[j].landmark), None)
    if i is None:
        return None
    lead = earlier[i]
    if lead.event_type not in VIOLENT_EVENT_TYPES or lead.date is None or lead.date.reason.startswith("publication date") \
            or lead.document != m.document or lead.entry != m.entry:
        return None
    doers, lead_doers = _doers(m), _doers(lead)
    if doers and lead_doers and not doers & lead_doers:
        return None  # "Ukraine says it hit the vessel" after a Russian strike: another side's deed
    if m.sub_event_type == lead.sub_event_type:
        return None  # fusion folds a report's undated retelling into the deed it dated, and reads its words
        # to match other outlets' reports (taking such retellings out cost MUC-4 recall 0.835 -> 0.754)
    return i if points_back(trigger) else None


def _doers(m: Mention) -> frozenset[str]:
    """The deed's named doers: 'the gunmen' (an unidentified group) may be any side's men told before."""
    return frozenset(a.name for a in m.actors if a.role == "actor1" and a.id != GENERIC_ACTOR)


def filled_in(lead: Mention, again: Mention) -> Mention:
    """``lead`` with the doers of the retelling when it had none, and its place when the lead named only the
    country: a report often names the doer or the town only when it tells the deed again ("the
    attack was the work of Ukrainian sea drones").  Not its targets: a side's retelling names whom it
    says it hit ("it had struck a Hamas militant" of a strike on tents)."""
    doers = tuple(a for a in again.actors if a.role == "actor1")
    if doers and not any(a.role == "actor1" for a in lead.actors):
        lead = replace(lead, actors=lead.actors + doers,
                       reason=f"{lead.reason}; doer: {', '.join(a.name for a in doers)}, of the deed told again")
    if _finer(again.place, lead.place):  # "in northern Burkina Faso", then "the post at Djibo in Soum province"
        lead = replace(lead, place=again.place, reason=f"{lead.reason}; place: '{again.place.name}', of the deed told again")
    return lead


def _finer(p: Place | None, q: Place | None) -> bool:
    """Whether ``p`` says more of where than ``q``, which names only a country it lies in (or nothing)."""
    if p is None or p.precision not in EVENT_PRECISIONS:
        return False
    return q is None or q.precision == "country" and q.country == p.country
