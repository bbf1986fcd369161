"""references.ReferenceFits._kins reads only the clusters that can fit (those registered in the cells of a
reference word that is not common, or of a compatible place) and counts a word common from the clusters
registered in its cells: the fits and the common words are those of reading every cluster."""
import random
from datetime import date, timedelta

from eventwire.fuse.cluster import Clusterer
from eventwire.fuse.reference_fit import background_fit, common_words, own_side
from eventwire.model import DateSpan, Evidence, Mention, Place

from tests.fuse.test_blocks import TYPES

# towns of three countries, some within SAME_PLACE_KM of each other, most far apart
TOWNS = [Place(n, c, f"{c}-{i % 3}", lat, lon, "town", 100 + i, surface=n)
         for i, (n, c, lat, lon) in enumerate([
             ("Avden", "UA", 50.0, 36.2), ("Borvel", "UA", 50.1, 36.4), ("Corsk", "UA", 47.8, 35.2),
             ("Dunavo", "UA", 46.6, 32.6), ("Elbar", "SY", 36.2, 37.1), ("Furan", "SY", 35.9, 36.6),
             ("Gazir", "SY", 33.5, 36.3), ("Hombo", "ML", 12.6, -8.0), ("Ilassa", "ML", 16.8, -3.0)])]
WORDS = ["silo", "bridge", "depot", "Petrenko", "school", "Hamdan", "12"]


def _mention(rng: random.Random, k: int) -> Mention:
    etype, sub, trigger = rng.choice(TYPES)
    place = rng.choice(TOWNS)
    named = rng.random() < 0.5
    text = f"Troops {trigger} near the {' '.join(rng.sample(WORDS, rng.randint(1, 2)))}"
    text += f" in {place.surface}." if named else "."
    day = date(2024, 5, 1) + timedelta(days=rng.randrange(40))
    when = rng.choice([DateSpan(day, day, "day", ""), DateSpan(day, day, "day", "on Monday"), None])
    return Mention(f"d{k}", Evidence(f"d{k}", text, 0, len(text)), etype, sub, trigger, when, place)


def _clustered(seed: int) -> tuple[Clusterer, list[Mention]]:
    rng = random.Random(seed)
    ms = [_mention(rng, k) for k in range(400)]
    c = Clusterer({})
    c.run([(i, m) for i, m in enumerate(ms[:150])], [[(1000 + i, m)] for i, m in enumerate(ms[150:300])])
    return c, ms[300:]


def _every_cluster_read(c: Clusterer, m: Mention, clusters, weigh) -> dict[int, float]:
    """Every cluster's fit (0.0 ones left out, as ``_fits`` leaves them), each cluster's kin worked out alone
    (``_kin_reader``), its common words counted over all of them."""
    kin_of = c._kin_reader(m) if m.date is not None else None
    kins = {id(k): kin_of(k, False) if m.date is not None and (weigh is None or id(k) in weigh) else ([], frozenset())
            for k in clusters}
    common = common_words(m, [w for _kin, w in kins.values()], own_side(m).words)
    read, by_all = c._kins(m, {id(k): k for k in clusters}, weigh)  # no reference words given: every cluster is read
    assert by_all == common and read == {k: got for k, got in kins.items() if got[0]}
    side = own_side(m)
    fits = {k: background_fit(m, kin, common, w, side) if kin else 0.0 for k, (kin, w) in kins.items()}
    return {k: f for k, f in fits.items() if f}


def test_fits_reading_by_words_are_those_of_every_cluster_read():
    stopped = fits = commons = 0
    for seed in range(6):
        c, probes = _clustered(seed)
        for m in probes:
            clusters = c._near([m], context=True, ordered=False)
            near = {id(k): k for k in clusters}
            weigh, placed, cells = c._naming_and_places(m)
            want = _every_cluster_read(c, m, clusters, weigh)
            assert c._fits(m, near, weigh, placed, cells) == want
            assert c._fits(m, near, weigh, placed) == want  # the cells looked up again
            read, common = c._kins(m, near, weigh)
            early, by_words = c._kins(m, near, weigh, own_side(m).words, placed, cells)
            assert by_words == common
            assert all(early[k] == read[k] for k in early)  # each kin read early is the kin read in full
            stopped += sum(1 for k in read if k not in early)
            fits += len(want)
            commons += bool(common)
    assert stopped > 20 and fits > 100 and commons > 20  # clusters left unread, references that fit, common words


def test_the_clusters_of_the_place_cells_are_read_on():
    """Left unread when it holds no word that is not common, a cluster of a compatible place would lose its fit: given
    no such clusters (an empty ``placed``), some references fit otherwise, so the check above can fail."""
    differ = 0
    for seed in range(6):
        c, probes = _clustered(seed)
        for m in probes:
            near = {id(k): k for k in c._near([m], context=True, ordered=False)}
            weigh, placed, _ = c._naming_and_places(m)
            differ += c._fits(m, near, weigh, set()) != c._fits(m, near, weigh, placed)
    assert differ


def _fit_reading_all(m: Mention, kin: list[Mention], common: frozenset[str], theirs: frozenset[str]) -> float:
    """``background_fit`` as written before it left out the kin's places when the words could not fit."""
    from eventwire.fuse.match import (REFERENCE_MIN_SHARED, content_overlap, place_named, places_compatible,
                                      shared_reference)

    side = own_side(m)
    if not place_named(m) and (shared := shared_reference(m, kin, common, theirs)) >= REFERENCE_MIN_SHARED:
        return 1.0 + shared
    placed = [o for o in kin if places_compatible(m.place, o.place)]
    if not placed:
        return 0.0
    if (shared := shared_reference(m, placed, common, theirs if len(placed) == len(kin) else None)) \
            >= REFERENCE_MIN_SHARED:
        return 1.0 + shared
    return content_overlap(m, placed, common) if side.soft else 0.0


def test_a_fit_is_what_reading_the_kins_places_every_time_gives():
    from eventwire.fuse.reference_fit import kin_words

    rng = random.Random(3)
    ms = [m for m in (_mention(rng, k) for k in range(400)) if m.date is not None]
    seen = set()
    for m in ms[:60]:
        for k in range(0, 240, 3):
            kin = ms[k:k + rng.randint(1, 4)]
            theirs = kin_words(kin)
            common = frozenset(rng.sample(sorted(own_side(m).words), rng.randint(0, 1))) if own_side(m).words \
                else frozenset()
            fit = background_fit(m, kin, common, theirs)
            assert fit == _fit_reading_all(m, kin, common, theirs)
            seen.add((own_side(m).soft, own_side(m).named, fit > 1, 0 < fit <= 1))
    assert len(seen) >= 6  # soft or not, named or not, fitting by words and by content


def test_the_word_cells_are_those_of_naming():
    """``_word_cells`` looks each word's cells up by week (``blocks.naming_prefixes``): they must be the registry
    cells among ``blocks.naming(m).words``, each under its word, in both registries."""
    from eventwire.fuse.blocks import naming

    found = 0
    for seed in range(3):
        c, probes = _clustered(seed)
        for m in probes:
            if m.date is None:
                continue
            want: dict[str, list[int]] = {}
            for registry in (c._registry, c._ctx_registry):
                for cell in registry.keys() & naming(m).words:
                    want.setdefault(cell.split("|", 3)[3], []).append(id(registry[cell]))
            got = {w: sorted(map(id, cells)) for w, cells in c._word_cells(m).items()}
            assert got == {w: sorted(ids) for w, ids in want.items()}
            found += sum(map(len, want.values()))
    assert found > 100  # cells found, in both registries
