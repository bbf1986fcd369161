"""The doer of a deed from a claim of responsibility told after it.

"A suicide bomber rammed a car into a checkpoint, killing nine officers. The
Pakistani Taliban claimed responsibility." The deed's own sentence names no
side; the next one says who did it, in the words of the group itself.
ACLED's coders code a claimed attack to the group that claims it; this does
the same, narrowly:

- only a group's claim of its own part ("X claimed responsibility", not "X
  blamed Y": the claims rules give an own claim the group as both claimant
  and value), and not a denial;
- only a side named in the actor catalogue in the claim's own subject, and
  an armed one (not a crowd, nor civilians);
- only for the latest deed the article told before the claim, of a violent
  kind (a strike, a fight, an attack), not a landmark, whose report named no
  doer but an unidentified one ("gunmen", "a suicide bomber"): a deed with a
  named doer is not what the group claims (the reporter's word against the
  claim's), so the claim goes back past it to the deed it can be about, and
  stays visible as a claim on that event.

The actor says so in its reason, so a reviewer sees it came from the claim.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span

from eventwire.extract.actors import GENERIC_ACTOR, ActorFinder
from eventwire.extract.group_branches import with_branch
from eventwire.extract.state_forces import STATE_FORCES
from eventwire.model import ActorRef, Claim, Mention

CLAIMABLE_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
# ACLED's interaction codes of sides that do not claim armed deeds: rioters, protesters, civilians
NOT_ARMED_INTERS = (5, 6, 7)


def own_claims(claims: list[Claim]) -> list[Claim]:
    """The sentence's claims by a group of its own part in a deed."""
    return [c for c in claims if c.property == "responsibility" and c.stance == "asserts" and c.value
            and c.value == c.claimant]


def claimed_deed(earlier: list[Mention]) -> int | None:
    """The deed a group's claim of its own part is about: the latest one told whose doer is unknown or
    unidentified ("gunmen stormed a village ... Rwandan troops killed four militants ... The Islamic State
    claimed the raid": not the troops' fight, whose doer is named), of a claimable kind, not a landmark."""
    return next((i for i in range(len(earlier) - 1, -1, -1)
                 if earlier[i].event_type in CLAIMABLE_TYPES and not earlier[i].landmark
                 and not any(a.role == "actor1" and a.id != GENERIC_ACTOR for a in earlier[i].actors)), None)


def claimed_doer(sent: Span, claims: list[Claim], earlier: list[Mention], finder: ActorFinder) -> None:
    """Give the deed a claim is about (``claimed_deed``) its claimant as actor 1 (``earlier`` is changed
    in place)."""
    own = own_claims(claims)
    if not own or not earlier:
        return
    i = claimed_deed(earlier)
    if i is None:
        return
    m = earlier[i]
    phrase = own[0].value
    found = next(((span, entry) for span, entry, _name, _country in finder.spans(sent)
                  if entry is not None and entry.id not in (GENERIC_ACTOR, STATE_FORCES)
                  and entry.inter not in NOT_ARMED_INTERS
                  and (span.text in phrase or _named_beside(span, phrase))), None)
    if found is None:
        return
    span, entry = found
    doer = ActorRef(entry.name, "actor1", entry.id, span.text, entry.inter,
                    f"'{span.text}' claimed responsibility in the sentence after the deed")
    earlier[i] = replace(m, actors=with_branch((doer, *[a for a in m.actors if a.role != "actor1"]), m.place))


def _named_beside(span: Span, phrase: str) -> bool:
    """'An al-Qaeda affiliate, Jama'at Nusrat al-Islam wal-Muslimin (JNIM), claimed ...': the claimant's name
    set beside the noun that was its subject (an apposition of it)."""
    root = span.root
    return root.dep_ == "appos" and root.head.text in phrase

