"""blocks.registered: the registered cells alone, as cells() gives them, for every kind of mention."""
import random
from datetime import date, timedelta

from eventwire.fuse import cluster as cluster_mod
from eventwire.fuse.blocks import cells, registered
from eventwire.fuse.cluster import Clusterer
from eventwire.model import ActorRef, DateSpan, Evidence, Mention, Place

PLACES = [
    Place("Kharkiv", "UA", "Kharkiv", 49.99, 36.23, "town", 1, surface="Kharkiv"),
    Place("Kharkiv Oblast", "UA", "Kharkiv", 49.5, 36.5, "region", 2, surface="Kharkiv region"),
    Place("Ukraine", "UA", None, 49.0, 32.0, "country", 3, surface="Ukraine"),
    Place("Nowhere Hill", None, None, 10.0, 10.0, "point", 4, surface="Nowhere Hill"),
    Place("Somewhere", "SY", None, None, None, "town", 5, surface="Somewhere"),
]
TYPES = [("Explosions/Remote violence", "Air/drone strike", "drone strike"),
         ("Battles", "Armed clash", "fighting"),
         ("Strategic developments", "Arrests", "detained"),
         ("Protests", "Peaceful protest", "rallied")]


def _mention(rng: random.Random, k: int) -> Mention:
    etype, sub, trigger = rng.choice(TYPES)
    place = rng.choice(PLACES + [None])
    named = place is not None and rng.random() < 0.5
    text = f"Troops {trigger} near the grain silo of the Kovalenko farm" + (f" in {place.surface}" if named else "")
    text += "."
    day = date(2024, 5, 1) + timedelta(days=rng.randrange(60))
    when = rng.choice([None, DateSpan(day, day, "day", ""), DateSpan(day, day, "day", "on Monday"),
                       DateSpan(day, day + timedelta(days=6), "week", "last week")])
    actors = (ActorRef("Kovalenko Brigade", "actor1", alias="Kovalenko"),) if rng.random() < 0.3 else ()
    return Mention(f"d{k}", Evidence(f"d{k}", text, 0, len(text)), etype, sub, trigger, when, place, actors=actors,
                   landmark=rng.random() < 0.1)


def test_registered_is_what_cells_registers_for_every_kind_of_mention():
    rng = random.Random(7)
    for k in range(600):
        m = _mention(rng, k)
        assert registered(m, f"s{k % 5}") == cells(m, f"s{k % 5}").registered


def test_context_members_get_their_registered_cells_without_the_reached_ones(monkeypatch):
    """A stored event read as context is only met: its members' reached cells (most of cells()'s work)
    are not computed; the mentions being decided still get all of theirs."""
    rng = random.Random(3)
    ms = [_mention(rng, k) for k in range(40)]
    looked = []
    real = cluster_mod.cells
    monkeypatch.setattr(cluster_mod, "cells", lambda m, story: looked.append(m) or real(m, story))
    pool, context = ms[:10], ms[10:]
    Clusterer({}).run([(i, m) for i, m in enumerate(pool)], [[(100 + i, m)] for i, m in enumerate(context)])
    assert not {id(m) for m in looked} & {id(m) for m in context}
    assert {id(m) for m in pool} <= {id(m) for m in looked}


def test_cell_keys_are_the_stored_ones_and_remembered_within_their_bound():
    """``cell_key`` is what the index stores: a remembered key must be the one blake2b gives (these three
    as main computed them before the cache), and the cache is bounded (``CELL_KEY_CACHE``)."""
    from eventwire.fuse.blocks import CELL_KEY_CACHE, cell_key

    known = {"s|d_0000000000000001": -7728047145311695303, "d|violence|2900|UA": 3559882350603737589,
             "w|violence|2900|jesuit": 4277111756232940289}
    for _ in range(2):  # computed, then remembered
        assert {text: cell_key(text) for text in known} == known
    assert cell_key.cache_info().maxsize == CELL_KEY_CACHE


def test_naming_works_out_the_reference_words_once(monkeypatch):
    """``naming``'s word cells are its weeks x its reference words, the words worked out once (a generator
    asked ``reference_words`` again for every week: ~84k calls a batch)."""
    from eventwire.fuse import blocks
    from eventwire.fuse.blocks import _named_weeks, naming
    from eventwire.fuse.match import family, reference_words

    rng, calls = random.Random(11), []
    monkeypatch.setattr(blocks, "reference_words", lambda m: calls.append(m) or reference_words(m))
    checked = 0
    for k in range(300):
        m = _mention(rng, k)
        if m.date is None:
            continue
        calls.clear()
        words = naming(m).words
        assert len(calls) == 1
        fam = family(m.event_type, m.sub_event_type)
        assert words == {f"w|{fam}|{b}|{w}" for b in _named_weeks(m) for w in reference_words(m)}
        checked += bool(words) and len(_named_weeks(m)) > 1
    assert checked
