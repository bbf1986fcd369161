"""Numbers written as two words: 'twenty-two', 'thirty five'.

The tokenizer splits 'Twenty-two' into 'Twenty', '-', 'two', so a count read one token at a time
took the units word alone ('Twenty-two were wounded' gave two injured). English writes the numbers
21-99 as a tens word and a units word, joined by a hyphen or, less often, a space: the units token
carries the whole number, and the tens token none (it is part of its neighbour's number).
"""
from __future__ import annotations

from spacy.tokens import Token

from eventwire.data import load_json

_WORDS = {w: v for w, v in load_json("lexicons", "claims.json")["number_words"].items()
          if not w.startswith("_") and " " not in w and isinstance(v, int)}
TENS = frozenset(w for w, v in _WORDS.items() if v in range(20, 100, 10) and not w.endswith("s"))
# 'an', 'both', 'several' count too, but are no number's name: a units word must also look like a number
UNITS = frozenset(w for w, v in _WORDS.items() if 1 <= v <= 9)


def _tens_before(tok: Token) -> Token | None:
    """The tens word this units word completes, or None."""
    i = tok.i - 1
    if i >= 0 and tok.doc[i].text == "-" and tok.doc[i].idx + 1 == tok.idx:
        i -= 1
    if i < 0 or tok.doc[i].lower_ not in TENS:
        return None
    return tok.doc[i]


def compound_value(tok: Token, numbers: dict[str, float]) -> float | None:
    """The number a units word ends ('two' of 'twenty-two': 22), or None when it ends none."""
    if tok.lower_ not in UNITS or not tok.like_num:
        return None
    tens = _tens_before(tok)
    return None if tens is None else numbers[tens.lower_] + numbers[tok.lower_]


def starts_compound(tok: Token) -> bool:
    """Whether this tens word is the first half of a two-word number ('Twenty' of 'Twenty-two')."""
    if tok.lower_ not in TENS:
        return False
    i = tok.i + 1
    if i < len(tok.doc) and tok.doc[i].text == "-" and tok.idx + len(tok.text) == tok.doc[i].idx:
        i += 1
    return i < len(tok.doc) and compound_value(tok.doc[i], _WORDS) is not None and _tens_before(tok.doc[i]).i == tok.i
