"""Claims: who speaks in a sentence and what figures they claim (``extract.claims``).

A claimant the sentence only points at ("he said", "the governor added") is
the last speaker the article named, so this component reads the sentences of
an article in order and keeps its speakers on ``doc._.article.memory``.
Evidence quotes the stored text, even where a case-restored copy was parsed.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from eventwire.extract.claims import ClaimExtractor
from eventwire.extract.totals import CASUALTIES, TotalsDetector
from eventwire.model import Claim


class Claims:
    """Parser component: each sentence → ``span._.claimant`` and ``span._.claims``."""

    def __init__(self, nlp: Language | None = None, name: str = "eventwire_claims", *,
                 extractor: ClaimExtractor) -> None:
        self.name = name
        self.extractor = extractor
        self.totals = TotalsDetector()
        # the lemmas that make a relative clause tell casualties (``_counting_text``)
        self.casualty_lemmas = frozenset(lemma for name in CASUALTIES for lemma in extractor.props[name][0])

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> list[tuple[tuple[str | None, str], list[Claim], list[int | None]]]:
        article, off = doc._.article, doc._.offset
        document = article.document
        out = []
        for sent in doc.sents:
            claimant, why = self.extractor.claimant(sent, article.memory)
            start, end = off + sent.start_char, off + sent.end_char
            original = document.text[start:end]
            tied = self.extractor.extract_tied(sent, document.id, start, claimant or document.outlet,
                                               why if claimant else "the outlet's own report")
            claims = [replace(c, evidence=replace(c.evidence, sentence=original)) for c, _ in tied]
            # war-wide and period counts are nobody's fatalities (totals.py); a sentence without claims
            # has nothing to mark (most of them: its lemmas are not gathered)
            if claims:
                claims = self.totals.mark(claims, self._counting_text(sent), {t.lemma_.lower() for t in sent})
            out.append(((claimant, why), claims, [i for _, i in tied]))
        return out

    def _counting_text(self, sent: Span) -> str:
        """The sentence's text as the totals check reads it: a relative clause that tells no casualty is
        blanked, its period belonging to its own noun ("the army, which has been fighting the RSF since April
        2023, said it killed dozens": the dozens are no count since April 2023; "the war, which has killed
        20,000 since 2022" keeps its clause)."""
        text = sent.text
        for t in sent:
            if t.dep_ == "relcl" and not any(x.lemma_.lower() in self.casualty_lemmas for x in t.subtree):
                a = t.left_edge.idx - sent.start_char
                b = t.right_edge.idx + len(t.right_edge.text) - sent.start_char
                text = text[:a] + " " * (b - a) + text[b:]
        return text

    @staticmethod
    def set_annotations(doc: Doc, per_sentence: list) -> Doc:
        for sent, (claimant, claims, words) in zip(doc.sents, per_sentence):
            sent._.claimant = claimant
            sent._.claims = claims
            sent._.claim_words = words
        return doc
