"""Landmarks and background: event words that report nothing new on the article's date.

Two readers decide it, each with its own rule:

* ``extract.landmarks.LandmarkReader``: an event word that only dates
  something else ("arrived two days before the offensive");
* ``extract.background.BackgroundReader``: an earlier deed recalled in passing
  ("had shelled", "since the attack", "came a week after a missile hit ...")
  that has no date expression of its own in its sentence (``span._.hit_dates``);
  with one it is an event of its own day and is reported as such, unless it is
  a deed another answers ("in retaliation for the bombing on Monday") or a
  pattern told in the perfect over a stretch of time ("have taken 4,000 square
  km this year"), the start of a stretch of time ("in the weeks after the
  attack"), what the doers of a deed told before destroyed ("the attackers
  set fire to vehicles"), or the backdrop of the news ("..., as the army
  battles Fano militiamen in the region": types_base.backdrop).

Either way the hit still becomes a mention, marked ``landmark``: fusion links
it to the event it names and never starts an event from it.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.extract.background import BackgroundReader, answered, pattern_over_span, period_after
from eventwire.extract.landmarks import LandmarkReader
from eventwire.extract.types_base import backdrop, clause_verb
from eventwire.extract.vocab import words

STRATEGIC = "Strategic developments"
DEED_DOERS = words("event_words", "deed_doer_nouns")


class Landmarks:
    """Parser component: ``span._.type_hits`` and ``span._.hit_dates`` → ``span._.landmarks``
    (per hit: why it is only a landmark or a reference, or None when it is reported)."""

    def __init__(self, nlp: Language | None = None, name: str = "eventwire_landmarks", *,
                 reader: LandmarkReader, background: BackgroundReader) -> None:
        self.name = name
        self.reader = reader
        self.background = background

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> list[list[str | None]]:
        out = []
        for sent in doc.sents:
            reasons = []
            for hit, dates in zip(sent._.type_hits, sent._.hit_dates):
                why = self.reader.reason(hit.trigger, hit.trigger_text) or self._answered(hit.trigger) \
                    or pattern_over_span(hit.trigger) or period_after(hit.trigger) or _told_deeds_part(hit) \
                    or (f"'{hit.trigger.text}' told as the backdrop of the news"
                        if backdrop(hit.trigger, [h.trigger for h in sent._.type_hits]) else None)
                if why is None and not dates.near:
                    cue = self.background.cue(hit.trigger, sent)
                    why = f"{cue}, with no date of its own: a reference, not news" if cue else None
                reasons.append(why)
            out.append(reasons)
        return out

    @staticmethod
    def _answered(trigger) -> str | None:
        """'Fired rockets in response to the killing of one of its commanders on Wednesday': the deed
        answered was news the day it was done; here it is named as known, a reference even with its date
        (its doer is not the answer's subject, whom an event started from it would name)."""
        answer = answered(trigger)
        return None if answer is None else f"'{answer.text} … {trigger.text}': a deed answered, a reference, not news"

    @staticmethod
    def set_annotations(doc: Doc, per_sentence: list[list[str | None]]) -> Doc:
        for sent, reasons in zip(doc.sents, per_sentence):
            sent._.landmarks = reasons
        return doc


def _told_deeds_part(hit) -> str | None:
    """'The attackers set fire to vehicles and carried away weapons before withdrawing': what doers named by a
    deed told before destroyed or seized is part of that deed (ACLED codes the attack), a reference to it."""
    if hit.event_type != STRATEGIC:
        return None
    verb = clause_verb(hit.trigger)
    doer = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
    if doer is None or doer.lower_ not in DEED_DOERS or not any(c.lower_ == "the" for c in doer.children):
        return None
    return f"'{doer.text} {verb.text}': done by the doers of a deed told before, part of it"
