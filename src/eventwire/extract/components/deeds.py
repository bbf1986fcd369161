"""Deeds: does each hit report a concrete, completed deed, or only talk about one (``extract.deeds``)?"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.extract.concreteness import Anchors
from eventwire.extract.deeds import Deed, DeedJudge


class Deeds:
    """Parser component: the hits and what the earlier components found for them → ``span._.deeds``
    (per hit, a ``Deed``: report it, doubt it, or drop it, with why)."""

    def __init__(self, nlp: Language | None = None, name: str = "eventwire_deeds", *, judge: DeedJudge) -> None:
        self.name = name
        self.judge = judge

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> list[list[Deed]]:
        out = []
        for sent in doc.sents:
            judged = []
            for n, hit in enumerate(sent._.type_hits or ()):
                anchors = Anchors.of(sent._.hit_dates[n].dated, sent._.hit_places[n][1], sent._.actors[n],
                                     sent._.claims)
                judged.append(self.judge.judge(hit.trigger, hit.trigger_text, hit.weak, anchors))
            out.append(judged)
        return out

    @staticmethod
    def set_annotations(doc: Doc, per_sentence: list[list[Deed]]) -> Doc:
        for sent, judged in zip(doc.sents, per_sentence):
            sent._.deeds = judged
        return doc
