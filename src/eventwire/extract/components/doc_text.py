"""The text of the last document a component asked about, kept for its next question.

Why: spaCy's ``Doc.text`` is no stored string; every access joins the text of
every token anew (~0.25 ms for a 1,000-token piece).  ``EventPlaces`` asks
for it once for each place of each sentence with an event word, hundreds of
times per 200 articles, always of the piece it is annotating.  A document's
text never changes (retokenising merges and splits tokens, not characters), so
the same document object always has the same text.
"""
from __future__ import annotations

from spacy.tokens import Doc


class DocText:
    """``doc.text``, joined once per document: call it with the document."""

    def __init__(self) -> None:
        # the last document (held, so that no other document can take its place under the same identity) and its text
        self._doc: Doc | None = None
        self._text = ""

    def __call__(self, doc: Doc) -> str:
        if doc is not self._doc:
            self._doc, self._text = doc, doc.text
        return self._text
