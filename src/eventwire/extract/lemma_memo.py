"""The model's rule lemmatizer with every answer remembered: the same lemmas, a fraction of the cost.

spaCy's rule lemmatizer caches its answer per (word, part of speech,
morphology) only when it applies its rules; a word already in its base form
(most tokens of news prose: singular nouns, infinitives, plain adjectives) is
worked out again on every occurrence, reading the token's morphology into a
dictionary each time.  That made it a fifth of extraction's CPU
(bench/extract_profile.py).  Its answer depends on nothing else than those three
keys and the model's tables, so remembering it per key gives the same lemma
for every token.

What a miss costs is mostly one line of spaCy's rules: ``form in index``,
where the model's index of known lemmas per part of speech is a *list* (the
tables are read from msgpack, which has no sets) of up to 57,528 words,
scanned once per matching rule.  ``install`` gives those lists a set beside
them to answer ``in`` (``_Index``): the same items in the same order, the same
answers, a hash lookup instead of a scan.  Misses are most of a fresh
worker's lemmatizing (every worker's memo starts empty): ~0.11 ms each before.
"""
from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.language import Language
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.tokens import Doc

# what a lemma is looked up by (a token's text, part of speech and morphology ids) and the lemma id
_READ = [ORTH, POS, MORPH, LEMMA]
# entries kept before the memo is emptied: a few MB; a long-running worker must not grow without bound
MEMO_LIMIT = 500_000


class MemoLemmatizer(EnglishLemmatizer):
    """``EnglishLemmatizer`` whose ``__call__`` looks a token's lemma up before asking the rules."""

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            self._validate_tables(Errors.E1004)
        memo = self.__dict__.setdefault("_memo", {})
        if len(memo) > MEMO_LIMIT:
            memo.clear()
        overwrite, strings = self.overwrite, doc.vocab.strings
        # the keys read as the doc's ids and the lemmas written back in one array: no Token object,
        # morphology object or string per token (a token's lemma needs only its own key, so the order
        # in which they are written does not matter)
        rows = doc.to_array(_READ).tolist()
        lemmas = [row[3] for row in rows]
        for i, (orth, pos, morph, lemma_id) in enumerate(rows):
            if overwrite or lemma_id == 0:
                key = (orth, pos, morph)
                lemma = memo.get(key)
                if lemma is None:
                    lemma = memo[key] = self.lemmatize(doc[i])[0]
                lemmas[i] = strings.add(lemma)
        if lemmas:
            doc.from_array([LEMMA], numpy.array(lemmas, dtype="uint64").reshape(-1, 1))
        return doc


class _Index(list):
    """A list of known lemmas that answers ``in`` from a frozenset of its items (the list stays as it was)."""

    def __init__(self, words) -> None:
        super().__init__(words)
        self._set = frozenset(self)

    def __contains__(self, item) -> bool:
        return item in self._set


def _index_by_set(lemmatizer: EnglishLemmatizer) -> None:
    """Each part of speech's index list becomes an ``_Index`` of the same words (see the module's docstring)."""
    if "lemma_index" not in lemmatizer.lookups.tables:
        return
    table = lemmatizer.lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if type(words) is list:
            table[key] = _Index(words)


def install(nlp: Language) -> Language:
    """Give the model's English rule lemmatizer the memo, and its index lists a set for ``in``
    (its rules, exceptions and settings stay as they are)."""
    if "lemmatizer" in nlp.pipe_names:
        lemmatizer = nlp.get_pipe("lemmatizer")
        if type(lemmatizer) is EnglishLemmatizer and lemmatizer.mode == "rule":
            lemmatizer.__class__ = MemoLemmatizer
            _index_by_set(lemmatizer)
    return nlp
