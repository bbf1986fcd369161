"""Dates and measures among a sentence's tokens, for parses made without NER.

Extraction parses without spaCy's NER (half the parse cost).  NER's labels
did two small jobs there: a number labelled DATE, MONEY, PERCENT or QUANTITY
is no count of casualties ("in 2014", "50 km", "$21 million"), and "March" in
"on 12 March" is a month, not a protest march.  These tests do both jobs from
the words around the token, and defer to NER's label whenever NER did run.
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from eventwire.data import load_json
from eventwire.extract.vocab import words

_NOT_COUNT_LABELS = ("DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY")
NAME_DETERMINERS = words("function_words", "name_determiners")
MULTIPLIER_WORDS = words("event_words", "multiplier_words")
# a year as a bare number: "in 2014", "since 1991"
YEAR = re.compile(r"(?:1[89]|20)\d\d")


class NumberKinds:
    def __init__(self) -> None:
        times = load_json("lexicons", "time_expressions.json")
        not_counts = load_json("lexicons", "claims.json")["not_counts"]
        self.calendar = set(times["weekdays"]) | set(times["months"])
        self.month_cues = set(times["month_cues"]["words"]) | {"on", "next", "early", "late", "mid"}
        self.units_after = {w.lower() for w in not_counts["units_after"]}
        self.signs_before = set(not_counts["signs_before"])

    def is_calendar(self, tok: Token) -> bool:
        """'March' in 'on 12 March', 'in March 2024', 'last Tuesday': a date, not an event word."""
        if tok.ent_type_:
            # the entity may run on past its date ("8 p.m. Protesters" tagged one TIME): only its calendar words date
            return tok.ent_type_ in ("DATE", "TIME") and tok.lower_ in self.calendar
        if tok.doc.has_annotation("ENT_IOB") or tok.lower_ not in self.calendar or not tok.is_title:
            return False
        doc = tok.doc
        prev = doc[tok.i - 1] if tok.i > 0 else None
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if prev is not None and (prev.like_num or prev.lower_ in self.month_cues):
            return True
        if nxt is not None and nxt.like_num:
            return True
        if prev is not None and prev.lower_ in NAME_DETERMINERS:
            return False  # "the March for Peace": a name, where a bare month would need a number
        return not tok.is_sent_start  # a capitalised month or weekday inside a sentence

    def is_measure(self, tok: Token) -> bool:
        """A number that dates, prices or measures something: 'in 2014', '50 km', '$21 million', '12 March'."""
        if tok.ent_type_:
            return tok.ent_type_ in _NOT_COUNT_LABELS
        if tok.doc.has_annotation("ENT_IOB"):
            return False
        doc = tok.doc
        prev = doc[tok.i - 1] if tok.i > 0 else None
        # "21 million" is one amount: look past a multiplier to the word after it
        j = tok.i + 1
        while j < len(doc) and doc[j].lower_ in MULTIPLIER_WORDS:
            j += 1
        nxt = doc[j] if j < len(doc) else None
        if prev is not None and (prev.text in self.signs_before or prev.lower_ in self.calendar):
            return True
        if nxt is not None and (nxt.lower_ in self.units_after or nxt.lower_ in self.calendar):
            return True
        # a bare year ("in 2014", "since 1991"), unless it counts the noun it modifies ("1900 troops")
        return bool(YEAR.fullmatch(tok.text)) and tok.dep_ != "nummod"
