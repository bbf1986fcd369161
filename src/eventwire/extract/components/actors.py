"""Actors: who did each reported deed, to whom, and who else was named (``extract.actors``)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.extract.actors import ActorFinder
from eventwire.extract.claims import ClaimExtractor
from eventwire.model import ActorRef


class Actors:
    """Parser component: ``span._.type_hits`` → ``span._.actors`` (per hit)."""

    def __init__(self, nlp: Language | None = None, name: str = "eventwire_actors", *,
                 finder: ActorFinder, claims: ClaimExtractor) -> None:
        self.name = name
        self.finder = finder
        self.claims = claims

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> list[list[tuple[ActorRef, ...]]]:
        out = []
        for sent in doc.sents:
            hits = sent._.type_hits
            # a speaker is no doer: the sentence's speech verbs, found once for all its hits
            speech = self.claims.speech_heads(sent) if hits else set()
            deeds = [hit.trigger.i for hit in hits]
            out.append([self.finder.with_default_actor1(
                self.finder.find(sent, hit.trigger, speech, frozenset(deeds[:n] + deeds[n + 1:]),
                                 protest=hit.event_type == "Protests",
                                 faced=hit.sub_event_type in self.finder.default_actor1,
                                 trigger_text=hit.trigger_text), hit.sub_event_type)
                for n, hit in enumerate(hits)])
        return out

    @staticmethod
    def set_annotations(doc: Doc, per_sentence: list[list[tuple[ActorRef, ...]]]) -> Doc:
        for sent, actors in zip(doc.sents, per_sentence):
            sent._.actors = actors
        return doc
