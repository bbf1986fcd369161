"""One ACLED type per short snippet, for `eventwire classify`.

A snippet has no document around it: the first sentence that reports an
event decides; a snippet with none is not a conflict event (None).
"""
from __future__ import annotations

from eventwire.extract.nlp import load_nlp
from eventwire.extract.types import EventTypeClassifier


class SnippetClassifier:
    def __init__(self, nlp=None) -> None:
        self.nlp = nlp or load_nlp()
        self.types = EventTypeClassifier(self.nlp)

    def classify(self, text: str) -> tuple[str, str] | None:
        doc = self.nlp(text[:100_000])
        for sent in doc.sents:
            hits = self.types.classify(sent)
            if hits:
                return hits[0].event_type, hits[0].sub_event_type
        return None
