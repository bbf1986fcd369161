"""Builds the extract stage's parts once, with their dependencies injected."""
from __future__ import annotations

from functools import cache


@cache
def build_place_finder():
    from eventwire.extract.gazetteer import load
    from eventwire.extract.places import PlaceFinder

    return PlaceFinder(load())


def build_extractor():
    from eventwire.extract.nlp import load_nlp
    from eventwire.extract.times import TimeResolver
    from eventwire.extract.to_mentions import Extractor

    return Extractor(load_nlp(), build_place_finder(), TimeResolver())
