"""How concretely a sentence tells a deed: its own date, its own place, its participants.

A report tells a deed with anchors: "Russian forces shelled the town of
Bilopillia on Sunday, killing two".  Commentary names deeds in passing ("when
Russia launches artillery strikes at civilians, the West should ..."), as
patterns, hypotheses or idioms; their place and date would only be borrowed
from other sentences or from the page.  On a commentary page (genre.py) a
deed is therefore reported only with all three anchors in its own sentence:
its own date, a place in the sentence, and an actor or a count.

(A gate for deeds with no anchor at all on any page was tried: it removed
nine false events on the hoot articles but cost MUC-4 fusion recall 0.839 ->
0.740, real wire details told without their own anchors; it was taken out.)
"""
from __future__ import annotations

from dataclasses import dataclass

from eventwire.extract.state_forces import STATE_FORCES

IN_SENTENCE = "in the sentence"  # the ending of to_mentions' reason for a place found in the sentence itself


@dataclass(frozen=True)
class Anchors:
    own_date: bool  # a date expression of its own sentence dates it
    place_in_sentence: bool
    participants: bool  # an actor, or a claim (a count of dead, wounded, captured ...)

    @classmethod
    def of(cls, own_date: bool, place_reason: str, actors, claims) -> "Anchors":
        # an actor the text does not name (a rally's default protesters: no alias) is no participant it gives
        # nor are a state's soldiers named by their noun alone ("the military was repelling an attack"), as before
        # the actor finder gave them a country (extract.state_forces): the deed judge was set without them
        return cls(own_date, place_reason.endswith(IN_SENTENCE),
                   any(a.alias and a.id != STATE_FORCES for a in actors) or bool(claims))

    @property
    def concrete(self) -> bool:
        return self.own_date and self.place_in_sentence and self.participants

    @property
    def any(self) -> bool:
        """At least one anchor: a deed with none may only be talked about (extract.deeds)."""
        return self.own_date or self.place_in_sentence or self.participants
