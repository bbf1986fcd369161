"""Event types: which event words of a sentence report an event, and of which ACLED type.

The rules are ``extract.types.EventTypeClassifier``'s; this component runs
them on every parsed sentence.  A question asks, it does not report ("how
many mothers took to the streets?"): it gets no hits.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from eventwire.extract.types import EventTypeClassifier, TypeHit


def is_question(sent: Span) -> bool:
    return sent.text.rstrip(" \"'”’").endswith("?")


class EventTypes:
    """Parser component: each sentence → ``span._.type_hits``."""

    def __init__(self, nlp: Language | None = None, name: str = "eventwire_event_types", *,
                 classifier: EventTypeClassifier) -> None:
        self.name = name
        self.classifier = classifier

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> list[list[TypeHit]]:
        return [[] if is_question(sent) else self.classifier.classify(sent) for sent in doc.sents]

    @staticmethod
    def set_annotations(doc: Doc, per_sentence: list[list[TypeHit]]) -> Doc:
        for sent, hits in zip(doc.sents, per_sentence):
            sent._.type_hits = hits
        return doc
