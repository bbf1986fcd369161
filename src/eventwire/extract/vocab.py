"""The extract stage's word lists, read from ``data/lexicons`` (none is written in code).

Each lexicon file groups its lists by concept; every list is
``{"_what": ..., "words": [...]}`` (or a mapping).  The rules name the list
they read, so a newcomer finds the words beside their explanation, and one
concept (place nouns, person titles) lives in one file.
"""
from __future__ import annotations

from eventwire.data import lexicon_words as words  # noqa: F401 - the set of words of one list
from eventwire.data import lexicon_list as ordered  # noqa: F401 - one list's words in written order
from eventwire.data import load_json


def table(lexicon: str, key: str) -> dict:
    """One mapping list (word -> value)."""
    return dict(load_json("lexicons", f"{lexicon}.json")[key]["words"])


def titles(use: str) -> frozenset[str]:
    """Person titles serving ``use`` (before_names, in_caps_copy, speakers), as written."""
    return frozenset(t for t, uses in load_json("lexicons", "person_titles.json")["titles"].items() if use in uses)
