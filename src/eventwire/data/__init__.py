"""Packaged data files (lexicons, actor catalogue, gazetteer tables).

Loaded through importlib.resources so they work from a wheel or a zip.
"""
from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_json(*parts: str) -> Any:
    ref = resources.files("eventwire.data").joinpath(*parts)
    with ref.open("r", encoding="utf-8") as fh:
        return json.load(fh)


def lexicon_list(lexicon: str, key: str, use: str | None = None) -> tuple[str, ...]:
    """One word list of ``data/lexicons/<lexicon>.json`` in its written order.

    Lists are ``{"_what": ..., "words": [...]}``; a concept several rules read in
    different parts is one table ``{"words": {word: [use, ...]}}``, and ``use``
    picks the words that serve one rule (all of them without it).
    """
    words = load_json("lexicons", f"{lexicon}.json")[key]["words"]
    if isinstance(words, dict) and use is not None:
        return tuple(w for w, uses in words.items() if use in uses)
    return tuple(words)


def lexicon_words(lexicon: str, key: str, use: str | None = None) -> frozenset[str]:
    """``lexicon_list`` as a set, for membership tests."""
    return frozenset(lexicon_list(lexicon, key, use))


@cache
def country_words() -> dict[str, str]:
    """A country's adjectives and names, lower case → its ISO code ('israeli', 'israel', 'united states' → ...),
    from actors/demonyms.json: read once for every stage that tells a country by its words."""
    return {w.lower(): code for code, c in load_json("actors", "demonyms.json")["countries"].items()
            for w in c["adjectives"] + c["names"]}


@cache
def actor_countries() -> dict[str, str]:
    """Catalogued actor id → its home country (ISO code); groups without one are left out.  A movement's
    branch (``branches``, extract.group_branches) is at home in the country it is the branch of."""
    actors = load_json("actors", "actors.json")["actors"]
    out = {a["id"]: a["country"] for a in actors if a.get("country")}
    for a in actors:
        for code, branch in a.get("branches", {}).items():
            out.setdefault(branch["id"], code)
    return out
