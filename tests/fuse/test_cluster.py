"""cluster.Clusterer's lookups of the clusters a mention can meet: only the cells holding one are read
(``registry.keys() & reached``), which must find what reading every reached cell finds."""
import random

from eventwire.fuse.blocks import naming
from eventwire.fuse.cluster import Clusterer

from tests.fuse.test_blocks import _mention


def _clustered(seed: int) -> tuple[Clusterer, list]:
    """A clustering of 60 mentions with 60 more as one-member context events, and 40 mentions to look from."""
    rng = random.Random(seed)
    ms = [_mention(rng, k) for k in range(160)]
    pool, context, probes = ms[:60], ms[60:120], ms[120:]
    c = Clusterer({})
    c.run([(i, m) for i, m in enumerate(pool)], [[(100 + i, m)] for i, m in enumerate(context)])
    return c, probes


def _every_cell(registries, cells_) -> dict[int, list]:
    found: dict[int, list] = {}
    for cell in cells_:
        for registry in registries:
            found.update(registry.get(cell, ()))
    return found


def test_near_finds_what_every_reached_cell_holds():
    for seed in range(4):
        c, probes = _clustered(seed)
        met = 0
        for m in probes:
            reached = c._cells_of(m).reached
            for context in (False, True):
                regs = (c._registry, c._ctx_registry) if context else (c._registry,)
                want = {k: v for k, v in _every_cell(regs, reached).items()
                        if k not in c._dead and (context or k not in c._context)}
                got = c._near([m], context=context)
                assert [id(x) for x in got] == sorted(want, key=c._number.__getitem__)
                assert {id(x) for x in c._near([m], context=context, ordered=False)} == want.keys()
                met += len(want)
        assert met  # the probes do meet clusters, of both kinds
        assert c._ctx_registry and c._registry


def test_naming_finds_what_every_naming_cell_holds():
    for seed in range(4):
        c, probes = _clustered(seed)
        for m in probes:
            got = c._naming_and_places(m)[0]
            if m.date is None:
                assert got == set()
                continue
            n = naming(m)
            if n.places is None:
                assert got is None
                continue
            assert got == _every_cell((c._registry, c._ctx_registry), n.words | n.places).keys()


def test_named_target_takes_each_clusters_best_fit_over_all_the_mentions():
    """Over groups of one to three mentions (``_merge_references`` asks for a whole cluster's): the cluster
    with the best fit of any of them, the first made on a tie, as read cluster by cluster."""
    from eventwire.fuse.match import BACKGROUND_MIN_OVERLAP

    found = 0
    for c, ms in _reference_groups():
        clusters = c._near(ms, context=True)  # in creation order: the first on a tie wins below
        weighs = [c._naming_and_places(m)[0] for m in ms]
        near = {id(k): k for k in clusters}
        per = [c._fits(m, near, w) for m, w in zip(ms, weighs)]  # common words over them all
        best, best_fit = None, BACKGROUND_MIN_OVERLAP
        for k in clusters:
            fit = max(p.get(id(k), 0.0) for p in per)  # a cluster left out fits with 0.0
            if fit > best_fit or fit == best_fit and best is None:
                best, best_fit = k, fit
        assert c._named_target(ms) is best
        found += best is not None
    assert found  # some groups do name a cluster


def _reference_groups():
    """(clusterer, one to three of its probe mentions): 30 groups for each of four seeded worlds."""
    for seed in range(4):
        c, probes = _clustered(seed)
        rng = random.Random(seed)
        for _ in range(30):
            yield c, rng.sample(probes, rng.randint(1, 3))


def test_near_of_a_reference_is_what_it_meets_of_what_can_weigh():
    """For a reference back (``_named_target``): the clusters met that can weigh in its choice, its naming word
    cells taken whole (``whole``) and the other cells cut down to what is still wanted, are those met cut down
    to ``weigh``; with no cell taken whole too."""
    checked = 0
    for c, ms in _reference_groups():
        weighs, _places, cells = zip(*(c._naming_and_places(m) for m in ms))
        if any(w is None for w in weighs):
            continue
        only = set().union(*weighs)
        whole = {id(d) for at in cells for ds in at.values() for d in ds}
        want = {k: v for k, v in c._near_by_id(ms, None, None, None, True, None).items() if k in only}
        for taken in (whole, set()):
            got = c._near_by_id(ms, None, None, None, True, only, taken)
            assert got.keys() == want.keys() and all(got[k] is want[k] for k in want)
        checked += bool(whole) and bool(want)
    assert checked > 10  # references whose word cells are met, and that meet clusters
