"""Phrase matching on lower-case lemmas.

spaCy's ``PhraseMatcher(attr="LEMMA")`` compares lemmas as they are, and the
lemmatizer keeps the case of a word it tags as a proper noun or that opens a
sentence in title case: "Suicide bomber kills 20" has the lemma "Suicide", so
the pattern "suicide bomber" never matched a headline or a sentence that
opens with its phrase.  This matcher compares the lower-case lemmas of both
sides, so a phrase matches wherever it stands.  It answers in the positions
``PhraseMatcher`` gives: document positions for a span, doc positions for a doc.
"""
from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span


def parsed_once(nlp: Language, texts: Iterable[str], disable: Iterable[str] = ()) -> dict[str, Doc]:
    """Each distinct text parsed, all of them by one ``nlp.pipe``: text -> its doc.

    Why: the event typer lemmatised its ~450 phrase patterns by one pipe a trigger (~490 pipes, most of
    them empty or of a phrase or two), ~0.1 CPU s of every worker's start (bench/README.md, session 24:
    speed24).  A doc's tags and lemmas are its own whatever its batch (tests/extract/test_lemma_phrases.py).
    """
    unique = list(dict.fromkeys(texts))
    return dict(zip(unique, nlp.pipe(unique, disable=list(disable))))


class LowerLemmaMatcher:
    """``add(key, docs)`` with lemmatised phrase docs; call on a span or a doc."""

    def __init__(self, nlp: Language) -> None:
        self.vocab = nlp.vocab
        self._matcher = PhraseMatcher(nlp.vocab, attr="ORTH")

    def add(self, key: str, docs: Iterable[Doc]) -> None:
        self._matcher.add(key, [_lemma_doc(self.vocab, d) for d in docs])

    def __call__(self, tokens: Span | Doc) -> list[tuple[int, int, int]]:
        offset = tokens.start if isinstance(tokens, Span) else 0
        lemmas = _lemma_doc(self.vocab, tokens)
        return [(match_id, s + offset, e + offset) for match_id, s, e in self._matcher(lemmas)]


# the lower-case lemma doc of the last text matched: the trigger, weapon and outcome matchers all read
# the same sentence in turn, so it is built once, not three times (the text is held, so its id stays its own)
_last: list = [None, None, None]  # [text, vocab, lemma doc]


def _lemma_doc(vocab, tokens: Span | Doc) -> Doc:
    if _last[0] is tokens or (isinstance(tokens, Span) and isinstance(_last[0], Span)
                              and _last[0].doc is tokens.doc and (_last[0].start, _last[0].end)
                              == (tokens.start, tokens.end)):
        if _last[1] is vocab:
            return _last[2]
    doc = Doc(vocab, words=[(t.lemma_ or t.text).lower().strip() or "_" for t in tokens])
    _last[:] = [tokens, vocab, doc]
    return doc
