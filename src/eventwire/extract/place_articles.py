"""Place names with the Arabic article: the spellings of one name that English copy and GeoNames use.

Wire copy writes "al-Fashir", "el-Fasher", "Deir al-Balah", "an-Nuhud"; GeoNames and its alternate names
write "El Fasher", "Al Fashir", "Deir el-Balah", "An-Nuhud".  The place finder starts a name only at a
capital, and looks a name up as written, so a name led by a lower-case article was never tried and one
with the other vowel or a space for the hyphen was missed (Sudan's and Syria's towns, Gaza's camps).  Here a
span holding the article gives the other spellings to try, in a fixed order: as written with a leading
article capitalised, then a space for the hyphen, then the other vowel of 'al'/'el'.
"""
from __future__ import annotations

import re
from itertools import product

from eventwire.extract.vocab import words

ARTICLES = words("place_words", "arabic_articles")
_ARTICLE = "|".join(sorted(ARTICLES, key=len, reverse=True))
# an article before a hyphen and a capitalised name: "al-Fashir", "Al-Hasakah", "ez-Zor"
ARTICLE_START = re.compile(rf"(?i:{_ARTICLE})-(?=[A-Z])")
_WORD_ARTICLE = re.compile(rf"(?<![\w'’-])(?i:{_ARTICLE})-(?=[A-Z])")  # ... at a word's start
_SWAP = {"al": "el", "el": "al", "Al": "El", "El": "Al"}
MAX_SPELLINGS = 16  # a name of two articles has 2 x 2 x 2 x 2 forms; more is no name


def starts_with_article(text: str, start: int) -> bool:
    """Does a lower-case word at ``start`` begin a name with its article ("al-Fashir")?"""
    return ARTICLE_START.match(text, start) is not None


def article_starts(text: str) -> frozenset[int]:
    """Where the words that begin a name with its article start, found once a text (the finder asks at
    every word it passes; hardly a text in a hundred has one)."""
    return frozenset(m.start() for m in _WORD_ARTICLE.finditer(text)) if "-" in text else frozenset()


def article_spellings(span: str) -> list[str]:
    """Other spellings of ``span`` to look up, when it holds an article before a hyphen ([] otherwise)."""
    words_ = span.split(" ")
    choices = []
    for n, w in enumerate(words_):
        m = ARTICLE_START.match(w)
        if m is None:
            choices.append([w])
            continue
        art, rest = w[: m.end() - 1], w[m.end():]
        arts = [art.capitalize()] if n == 0 else [art, art.capitalize()]
        arts += [_SWAP[a] for a in arts if a in _SWAP]
        choices.append([f"{a}{sep}{rest}" for a in arts for sep in ("-", " ")])
    if len(choices) == sum(len(c) == 1 for c in choices):
        return []
    out = [" ".join(p) for p in product(*choices)]
    return [s for s in dict.fromkeys(out) if s != span][:MAX_SPELLINGS]
