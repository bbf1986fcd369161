"""Sentences worth parsing: the reader component that plans the parse.

Parsing is most of extraction's cost, and most sentences of a news article
report no event.  ``SentenceFilter`` (``extract.prefilter``) keeps a sentence
that names an event word, a control phrase or a counted casualty; runs of
kept sentences are parsed together, so a sentence keeps the one before it as
context.  Sentences not parsed are still read for their dates, which date
the sentences after them ("On May 24, ...  It ...").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.config import LIMITS
from eventwire.extract.prefilter import SentenceFilter, split_sentences

_PARA_SPLIT = re.compile(r"\n+")


@dataclass(frozen=True)
class PlanItem:
    """One run of sentences: parse it, or only read its dates."""

    parse: bool
    paragraph: int  # index of its paragraph
    offset: int  # where it starts in the article's text
    text: str
    at_start: bool  # it opens its paragraph (so it may open with a dateline)


def paragraphs(text: str, max_chars: int = LIMITS.max_paragraph_chars) -> list[tuple[int, str]]:
    """(offset, paragraph) pairs; sentences never cross a line break.

    Hostile-input guard (config.Limits.max_paragraph_chars): a paragraph longer
    than ``max_chars`` — a 2 MB run-on "sentence" — is cut at the last space
    before the limit (hard cut if there is none), so spaCy never sees more than
    nlp.max_length and its parser's memory (~1 GB per 100k chars) stays bounded.
    News paragraphs are far below the limit, so real text is unaffected.
    """
    out, pos = [], 0
    for part in _PARA_SPLIT.split(text):
        start = text.find(part, pos)
        pos = start + len(part)
        while len(part) > max_chars:  # bounded: every pass removes at least max_chars // 2 characters
            cut = part.rfind(" ", max_chars // 2, max_chars)
            cut = cut + 1 if cut > 0 else max_chars
            if part[:cut].strip():
                out.append((start, part[:cut]))
            start, part = start + cut, part[cut:]
        if part.strip():
            out.append((start, part))
    return out


class SentencePlanner:
    """Reader component: ``doc._.parse_text`` → ``doc._.paragraphs`` and ``doc._.plan``."""

    def __init__(self, nlp: Language | None = None, name: str = "eventwire_sentences", *,
                 sentence_filter: SentenceFilter) -> None:
        self.name = name
        self.filter = sentence_filter

    def __call__(self, doc: Doc) -> Doc:
        paras = paragraphs(doc._.parse_text)
        return self.set_annotations(doc, paras, self.match(paras))

    def match(self, paras: list[tuple[int, str]]) -> list[PlanItem]:
        """Plan items in document order; consecutive wanted sentences form one item."""
        items: list[PlanItem] = []
        for pi, (off, p) in enumerate(paras):
            run: tuple[int, int] | None = None
            for a, b in split_sentences(p):
                if self.filter.wanted(p[a:b]):
                    run = (run[0], b) if run else (a, b)
                    continue
                if run:
                    items.append(PlanItem(True, pi, off + run[0], p[run[0]:run[1]], run[0] == 0))
                    run = None
                items.append(PlanItem(False, pi, off + a, p[a:b], a == 0))
            if run:
                items.append(PlanItem(True, pi, off + run[0], p[run[0]:run[1]], run[0] == 0))
        return items

    @staticmethod
    def set_annotations(doc: Doc, paras: list[tuple[int, str]], plan: list[PlanItem]) -> Doc:
        doc._.paragraphs = paras
        doc._.plan = plan
        return doc
