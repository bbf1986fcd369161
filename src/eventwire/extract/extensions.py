"""The custom attributes the extract components read and write, registered once.

Two pipelines carry them (see ``factories``): the *reader* runs over a whole
article and writes ``Doc._`` attributes; the *parser* runs over the pieces of
the article worth parsing and writes ``Span._`` attributes on each sentence.
Every component names what it reads and writes in its factory's ``requires``
and ``assigns``, so ``nlp.analyze_pipes()`` checks the order.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

# article level (reader pipeline, and the context every parsed piece carries)
DOC_ATTRIBUTES = {
    "article": "the Article this text belongs to: its Document, publication date, places, speakers",
    "offset": "where a parsed piece starts in the article's text",
    "toponyms": "places found in the raw text, before case restoring (list[Place])",
    "parse_text": "the text to parse: wrapped lines joined, all-caps copy case-restored (same offsets)",
    "paragraphs": "(offset, paragraph) pairs of the parse text",
    "plan": "PlanItem per sentence run: parse it, or only read its dates",
    "places": "the article's places, datelines and group names out, capitals in, by position",
}
# sentence level (parser pipeline)
SPAN_ATTRIBUTES = {
    "claimant": "(who made the sentence's claims, why)",
    "claims": "the sentence's claims, evidence quoting the stored text",
    "claim_words": "per claim: the Token.i of the word its figure is tied to ('killed'), None for a phrase's",
    "type_hits": "TypeHit per event word that reports an event",
    "dates": "the sentence's own date expressions, dateline excluded",
    "hit_dates": "per hit: (dates of its clause or nearest free ones, dates that date the telling)",
    "landmarks": "per hit: why it only dates something else, or None",
    "hit_places": "per hit: (place tied to it in the sentence or None, reason)",
    "actors": "per hit: its ActorRefs",
    "deeds": "per hit: a Deed, whether it reports a concrete deed (report, doubt or drop)",
}


def register() -> None:
    """Register every attribute (idempotent: safe on re-import and in worker processes)."""
    for name in DOC_ATTRIBUTES:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in SPAN_ATTRIBUTES:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


register()
