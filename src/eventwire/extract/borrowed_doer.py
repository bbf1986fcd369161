"""The doer of a deed its sentence leaves unnamed, taken from the article's previous deed of its kind.

Reporters name the side once and then drop it while the story stays on that
side's deeds: "Russian forces shelled the town overnight. A second strike hit
the market in the morning." The second sentence names no doer, and an analyst
reading the record "a strike, actor unknown" has lost what the article said.
ACLED's coders take the doer from the story; this does the same, narrowly.
Not limited to deeds of one day: a reporter who goes on to another day's
strike without naming its side still means the side of the paragraph
("... Taliban fighters set off a car bomb. On Sunday, a suicide bombing
killed eight policemen" is followed by "The Taliban bombing targeted ...").

- only for strikes, shelling and fighting (``BORROWING_TYPES``): an unnamed
  doer of an arrest or a protest is not the previous deed's;
- only a doer named in the same article, by a deed of the same event type,
  told at most ``BORROW_MAX_SENTENCES`` sentences before and not a landmark
  (a deed named only to date another says nothing of this one's side);
- only a doer that is a side with a home country in the actor catalogue (an
  army, a police force, a national movement): a generic one ("attackers",
  "gunmen") may be anyone, and borrowed it would outvote the named doer the
  other reports of the event give;
- never onto a deed whose sentence names a doer of its own, or whose own
  actors include the previous doer (then it is this deed's target, not its
  doer), and never onto an interception (its doer is the side that shot
  down, not the side that fired).

The borrowed actor says so in its reason, so a reviewer sees it was read
from the context and not from the sentence.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from eventwire.data import actor_countries
from eventwire.model import ActorRef, Mention

BORROWING_TYPES = frozenset({"Explosions/Remote violence", "Battles"})
NOT_BORROWING_SUB_TYPES = frozenset({"Disrupted weapons use"})
# How far back the previous deed may be.  A news paragraph runs two to four
# sentences; a doer dropped for longer than that is no longer the topic
# ("topic continuity" in discourse studies).  Set by hand, not tuned.
BORROW_MAX_SENTENCES = 3


def borrow_doer(actors: tuple[ActorRef, ...], event_type: str, sub_event_type: str, sentence_index: int,
                told_in: Sequence[int], earlier: Sequence[Mention], entry: str = "") -> tuple[ActorRef, ...]:
    """``actors`` with the previous same-type deed's actor 1 added when the sentence names none.

    ``earlier``: the article's mentions so far, in order; ``told_in``: the index of each one's sentence;
    ``entry``: the live-page entry the deed is told in.  An earlier entry of a live page is another report,
    whose doer says nothing of this one's ("08:15 Israeli air strikes on Khan Younis ... 09:40 Sirens sounded
    after a rocket was fired from Gaza": the rocket is not Israel's).
    """
    if event_type not in BORROWING_TYPES or sub_event_type in NOT_BORROWING_SUB_TYPES:
        return actors
    if any(a.role == "actor1" for a in actors):
        return actors
    for index, m in zip(reversed(told_in), reversed(earlier)):
        if sentence_index - index > BORROW_MAX_SENTENCES or m.entry != entry:
            break
        if m.landmark or m.event_type != event_type or m.sub_event_type in NOT_BORROWING_SUB_TYPES:
            continue
        doers = [a for a in m.actors if a.role == "actor1"]
        if len(doers) != 1 or any(a.name == doers[0].name for a in actors):
            return actors
        doer = doers[0]
        if doer.id not in actor_countries():
            return actors
        why = f"doer of the article's previous {m.sub_event_type.lower()} ('{m.trigger}'); none named in its sentence"
        return (replace(doer, reason=why), *actors)
    return actors
