"""One ACLED type per short snippet, for `eventwire classify`.

A snippet has no document around it: every sentence is classified, and the
most salient hit decides (``EventTypeClassifier.best_of``: the most specific
sub-type, then the earliest sentence, then the main clause).  A protest is
re-typed by its outcome anywhere in the snippet ("...  Police fired tear gas").
A snippet with no event is not a conflict event (None).
"""
from __future__ import annotations

from eventwire.extract.nlp import load_nlp
from eventwire.extract.types import EventTypeClassifier, TypeHit


class SnippetClassifier:
    def __init__(self, nlp=None) -> None:
        self.nlp = nlp or load_nlp()
        self.types = EventTypeClassifier(self.nlp)

    def hit(self, text: str) -> TypeHit | None:
        """The hit that decides this snippet, with its trigger and reason."""
        doc = self.nlp(text[:100_000])
        per_sentence = [(sent, self.types.classify(sent)) for sent in doc.sents]
        return self.types.best_of(per_sentence)

    def classify(self, text: str) -> tuple[str, str] | None:
        best = self.hit(text)
        return (best.event_type, best.sub_event_type) if best else None
