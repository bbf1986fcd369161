"""'Houthi spokesman Yahya Saree said the group had fired missiles at Eilat': 'the group' is the speaker's.

A side's spokesman tells its deeds by a pointing noun ('the group', 'the movement'), which alone names an
unidentified armed group; the group is the one the speaker's own phrase names ('Houthi spokesman', 'a Hamas
official', 'the RSF').  The speaker is no party by its own words (extract.actors), so its group is found
here, for the deed of the clause it says, and only when that deed's doer is the pointing noun.
"""
from __future__ import annotations


from spacy.tokens import Token

from eventwire.extract.state_forces import GENERIC_ACTOR, STATE_FORCES
from eventwire.extract.vocab import words
from eventwire.model import ActorRef

OWN_GROUP_NOUNS = words("event_words", "own_group_nouns")
# ACLED's interaction codes of non-state armed groups: rebels, political and identity militias (a state's
# spokesman's 'the group' is the enemy)
GROUP_INTERS = (2, 3, 4)


def speakers_group(found: tuple[ActorRef, ...], spans: list, deed: Token,
                   speech_heads: set[int]) -> tuple[ActorRef, ...]:
    """``found`` with the group its speaker's phrase names as the doer, when the deed's doer is 'the group'
    (in place of an unidentified doer, or of none)."""
    if any(a.role == "actor1" and a.id != GENERIC_ACTOR for a in found):
        return found
    verb = next((t for t in (deed, *deed.ancestors) if t.pos_ == "VERB"), None)
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
    if subj is None or subj.lower_ not in OWN_GROUP_NOUNS or not any(c.dep_ == "det" and c.lower_ == "the"
                                                                   for c in subj.children):
        return found
    if verb.dep_ != "ccomp" or verb.head.i not in speech_heads:
        return found
    speaker = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    group = next(((s, entry) for s, entry, *_ in spans if speaker is not None and entry is not None
                  and entry.id not in (GENERIC_ACTOR, STATE_FORCES) and entry.inter in GROUP_INTERS
                  and speaker.left_edge.i <= s.root.i <= speaker.right_edge.i), None)
    if group is None:
        return found
    span, entry = group
    own = ActorRef(entry.name, "actor1", entry.id, span.text, entry.inter,
                   f"'the {subj.text}' of the deed, the group of its speaker '{span.text}'")
    rest = tuple(a for a in found if a.name != entry.name and not (a.role == "actor1" and a.id == GENERIC_ACTOR))
    return (own, *rest)
