"""Landmarks: an event word that only dates something else ("before the offensive") reports nothing.

The rule is ``extract.landmarks.LandmarkReader``'s; a landmark still becomes
a mention (marked ``landmark``) so fusion can tell it from a report.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.extract.landmarks import LandmarkReader


class Landmarks:
    """Parser component: ``span._.type_hits`` → ``span._.landmarks`` (per hit: why it is one, or None)."""

    def __init__(self, nlp: Language | None = None, name: str = "eventwire_landmarks", *,
                 reader: LandmarkReader) -> None:
        self.name = name
        self.reader = reader

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> list[list[str | None]]:
        return [[self.reader.reason(hit.trigger, hit.trigger_text) for hit in sent._.type_hits] for sent in doc.sents]

    @staticmethod
    def set_annotations(doc: Doc, per_sentence: list[list[str | None]]) -> Doc:
        for sent, reasons in zip(doc.sents, per_sentence):
            sent._.landmarks = reasons
        return doc
