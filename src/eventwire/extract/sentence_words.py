"""A sentence's lower-cased lemmas and forms as sets, worked out once for the rules that ask in turn.

The type classifier asks of one sentence, hit after hit, whether it holds a
crime word, a diplomatic word, a weapon noun, a word of policing ("any token
whose lemma or form is in this set"): each question walked every token again,
building its Token objects and reading two strings from each.  Asked of two sets,
the same question is two ``isdisjoint`` calls, and the sets are built once.
"""
from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span

# the last sentence asked about, as one tuple (doc, start, end, (lemmas, forms)); the doc is held, so
# its identity cannot pass to another doc while it is here, and the tuple is read and replaced whole
_LAST: list[tuple] = [(None, -1, -1, (frozenset(), frozenset()))]


def sentence_words(sent: Span) -> tuple[frozenset[str], frozenset[str]]:
    """(lower-cased lemmas, lower-cased forms) of the sentence's tokens."""
    doc, last = sent.doc, _LAST[0]
    if last[0] is doc and last[1] == sent.start and last[2] == sent.end:
        return last[3]
    words = (frozenset(t.lemma_.lower() for t in sent), frozenset(t.lower_ for t in sent))
    _LAST[0] = (doc, sent.start, sent.end, words)
    return words


def holds_any(sent: Span, words: Iterable[str]) -> bool:
    """Some token's lower-cased lemma or form is one of ``words``: ``any(t.lemma_.lower() in words or
    t.lower_ in words for t in sent)``, answered from the sets."""
    lemmas, forms = sentence_words(sent)
    return not lemmas.isdisjoint(words) or not forms.isdisjoint(words)
