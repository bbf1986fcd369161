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


def lexicon_words(lexicon: str, key: str) -> frozenset[str]:
    """One word list of ``data/lexicons/<lexicon>.json`` (lists are ``{"_what": ..., "words": [...]}``)."""
    return frozenset(load_json("lexicons", f"{lexicon}.json")[key]["words"])
