"""Deed words that tell no deed of their own: what a phrase caused ('setting off a siege') and what a
speaker calls a deed told already ('condemned the strike as a massacre'). Part of step 2 of
``extract.types`` (``types_blocking``).
"""
from __future__ import annotations

from spacy.tokens import Token

from eventwire.extract.vocab import words

DETONATED_OBJECTS = words("event_words", "detonated_objects")
DETONATING_PARTICLES = words("event_words", "detonating_particles")
NAMING_VERBS = words("event_words", "naming_verbs")


def caused_not_detonated(tok: Token, obj: Token, weapon_nouns: set[str]) -> bool:
    """'Setting off a siege', 'set off an uproar': a detonating phrase whose object is no explosive (nor a
    weapon noun of found weapons) tells what a deed caused, not a blast."""
    particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    if particle is None or f"{tok.lemma_.lower()} {particle}" not in DETONATING_PARTICLES:
        return False
    lemma = obj.lemma_.lower()
    return lemma not in DETONATED_OBJECTS and lemma not in weapon_nouns and obj.lower_ not in weapon_nouns


def characterised_by(tok: Token) -> Token | None:
    """The verb that names a told thing by this deed word ('condemned the strike as a massacre': 'as' under
    the verb; 'called it a massacre': the verb's predicate), else None."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.dep_ == "prep":
        verb = tok.head.head
    elif tok.dep_ == "oprd":
        verb = tok.head
    else:
        return None
    return verb if verb.lemma_.lower() in NAMING_VERBS else None
