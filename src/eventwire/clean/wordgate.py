"""A cheap test that tells when a phrase pattern of the lexicon cannot match a line.

The lexicon's phrase patterns (up to 135 phrases under IGNORECASE, behind a
look-behind) are tried by Python's regex engine at every position of a line,
branch after branch: half the CPU the cleaner spent on a news page went into
them (block cues 0.24 s, calls to action 0.28 s over the 4,046 lines of the
200 bench articles), while most lines hold none of their phrases.

Why the test is exact.  In a match, each run of word characters of the phrase
("sign", "up" of "sign up") is a whole run of word characters of the line: on
each side of it the phrase has a character that is no word character, or it
ends there and the pattern's look-around (or anchor, or ``\\b``) asks for no
word character beside it.  Under IGNORECASE an ASCII letter matches only ASCII
letters (itself, either case) and non-ASCII word characters ("K" the kelvin
sign matches k, "ſ" matches s), and ASCII punctuation and space match only
themselves (``tests/clean/test_wordgate.py`` checks both over every code
point).  So a line whose word characters are all ASCII can match a phrase only
if it holds every lower-cased word run of the phrase as a word run and every
other character of it; a line without that for any phrase is not searched.
A line with a non-ASCII word character is always searched, and a lexicon with
a non-ASCII phrase, or one without a word run, is never gated.
"""
from __future__ import annotations

import re

WORD_RUN = re.compile(r"\w+")
NON_ASCII_WORD_CHAR = re.compile(r"[^\W\x00-\x7f]")

# the word runs of the lines of the page being cleaned (each line is asked by several gated patterns);
# ``features.new_page`` empties the memo with its own, and the cap bounds a caller that never does.
PAGE_MEMO_LIMIT = 20_000
_RUNS: dict[str, frozenset[str] | None] = {}


def forget_page() -> None:
    _RUNS.clear()


def word_runs(text: str) -> frozenset[str] | None:
    """The line's runs of word characters, lower-cased; None when one holds a non-ASCII character."""
    try:
        return _RUNS[text]
    except KeyError:
        pass
    if len(_RUNS) >= PAGE_MEMO_LIMIT:
        _RUNS.clear()
    found = None if NON_ASCII_WORD_CHAR.search(text) else frozenset(w.lower() for w in WORD_RUN.findall(text))
    _RUNS[text] = found
    return found


class PhraseGate:
    """Rules out the lines that hold, for every phrase, not all of its word runs and other characters.

    Phrases are looked up by their longest word run (the rarest, as a rule: "a+a a-" is found by
    "a" and its "+", "you may also like" by "also"), and only those whose key the line holds are
    checked in full.
    """

    def __init__(self, phrases: list[str]) -> None:
        wanted = [p.lower() for p in phrases if not p.startswith("_")]  # "_" entries are notes (phrases.alternation)
        self.usable = bool(wanted) and all(p.isascii() and WORD_RUN.search(p) for p in wanted)
        self._by_key: dict[str, list[tuple[frozenset[str], frozenset[str]]]] = {}
        if self.usable:
            for p in wanted:
                runs = WORD_RUN.findall(p)
                others = frozenset(c for c in p if not WORD_RUN.match(c))
                self._by_key.setdefault(max(runs, key=len), []).append((frozenset(runs), others))
        self._keys = frozenset(self._by_key)

    def may_match(self, text: str) -> bool:
        if not self.usable:
            return True
        runs = word_runs(text)
        if runs is None:
            return True
        for key in self._keys.intersection(runs):
            for need, chars in self._by_key[key]:
                if need <= runs and all(c in text for c in chars):
                    return True
        return False


class GatedPattern:
    """A compiled phrase pattern that answers "no match" for the lines its gate rules out.

    It answers the calls the rules make (``search``, ``match``, ``findall``, ``sub``, ``subn``)
    as the pattern would; ``pattern`` and ``flags`` are the pattern's.
    """

    def __init__(self, regex: re.Pattern[str], gate: PhraseGate) -> None:
        self.regex, self.gate = regex, gate
        self.pattern, self.flags = regex.pattern, regex.flags

    def search(self, text: str) -> re.Match[str] | None:
        return self.regex.search(text) if self.gate.may_match(text) else None

    def match(self, text: str) -> re.Match[str] | None:
        return self.regex.match(text) if self.gate.may_match(text) else None

    def findall(self, text: str) -> list:
        return self.regex.findall(text) if self.gate.may_match(text) else []

    def sub(self, repl: str, text: str) -> str:
        return self.regex.sub(repl, text) if self.gate.may_match(text) else text

    def subn(self, repl: str, text: str) -> tuple[str, int]:
        return self.regex.subn(repl, text) if self.gate.may_match(text) else (text, 0)
