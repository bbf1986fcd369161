"""The shortcuts of a reference back's comparisons (session 11) give what comparing everything gives."""
import random

from eventwire.fuse.blocks import anchorable, naming, refers, registered, soft
from eventwire.fuse.cluster import Clusterer
from eventwire.fuse.match import dates_compatible, family, reference_words, subtypes_compatible, telling_words
from eventwire.fuse.reference_fit import kin_words
from eventwire.fuse.summary import Summary

from tests.fuse.test_blocks import TYPES
from tests.fuse.test_summary import _varied


def test_an_own_dated_reference_looks_up_only_the_weeks_of_its_dates_and_still_finds_every_member_it_can_name():
    """``naming``'s word cells: a member that an own-dated reference could name (own-dated, placed, its
    family, a compatible date) and that shares a reference word with it registers one of them."""
    rng = random.Random(21)
    ms = [_varied(rng, k) for k in range(400)]
    checked = 0
    for m in ms:
        if not refers(m) or soft(m):
            continue
        words = naming(m).words
        assert len({c.split("|")[2] for c in words}) <= 3  # its week(s) +- a day, not the 90 days before
        for o in ms:
            if o is m or not anchorable(o) or soft(o) or family(o.event_type, o.sub_event_type) != \
                    family(m.event_type, m.sub_event_type) or not dates_compatible(m.date, o.date):
                continue
            if reference_words(m) & telling_words(o.evidence.sentence):
                assert registered(o, "s") & words
                checked += 1
    assert checked > 20


def test_the_words_kept_on_a_summary_are_those_of_its_dated_kin():
    rng = random.Random(4)
    s = Summary([_varied(rng, k) for k in range(80)])
    for etype, sub, _trigger in TYPES:
        fam = family(etype, sub)
        kin = [o for o in s.dated if family(o.event_type, o.sub_event_type) == fam
               and subtypes_compatible(o.sub_event_type, sub)]
        assert s.kin_words(fam, sub) == kin_words(kin)
        assert s.kin_words(fam, sub) is s.kin_words(fam, sub)


def test_a_match_never_meets_a_context_cluster_and_a_reference_meets_them_all():
    rng = random.Random(8)
    ms = [_varied(rng, k) for k in range(80)]
    c = Clusterer({})
    c.run([(i, m) for i, m in enumerate(ms[40:], 40)], [[(i, m)] for i, m in enumerate(ms[:40])])
    context = set(c._context)
    for m in ms[40:]:
        assert not {id(x) for x in c._near([m])} & context
        everything = {k for cell in c._cells_of(m).reached for reg in (c._registry, c._ctx_registry)
                      for k in reg.get(cell, ())} - c._dead
        assert {id(x) for x in c._near([m], context=True)} == everything


def test_a_context_members_registered_cells_are_kept_for_the_next_run(monkeypatch):
    """incremental fusion runs the clustering again, round after round, over the same context: each
    context member's registered cells are worked out once (``known_registered``)."""
    from eventwire.fuse import context_clusters as cluster_mod

    rng = random.Random(5)
    ms = [_varied(rng, k) for k in range(30)]
    pool, context = [(i, m) for i, m in enumerate(ms[:10])], [[(100 + i, m)] for i, m in enumerate(ms[10:])]
    made = []
    real = cluster_mod.registered
    monkeypatch.setattr(cluster_mod, "registered", lambda m, story: made.append(m) or real(m, story))
    kept: dict = {}
    first = [[id(m) for m in cl] for cl in Clusterer({}, {}, kept).run(pool, context)]
    assert len(made) == 20
    again = [[id(m) for m in cl] for cl in Clusterer({}, {}, kept).run(pool, context)]
    assert len(made) == 20 and again == first


def test_a_comparison_given_the_references_own_side_fits_as_one_working_it_out_again():
    """``own_side`` (session 13, refcache) is worked out once per reference: every comparison of many
    varied mentions against many varied events fits as ``background_fit`` without it, and a side of
    another mention (what a stale or shared side would give) changes some fits, so the check can fail."""
    from eventwire.fuse.match import place_named
    from eventwire.fuse.reference_fit import background_fit, common_words, own_side

    rng = random.Random(13)
    ms = [_varied(rng, k) for k in range(160)]
    events = [ms[i:i + 3] for i in range(0, 120, 3)]
    compared = differs = 0
    for m in ms[120:]:
        words = [kin_words(e) for e in events]
        common = common_words(m, words)
        assert common == common_words(m, words, own_side(m).words)
        other = own_side(next(o for o in ms if place_named(o) != place_named(m)))
        for e, w in zip(events, words):
            fit = background_fit(m, e, common, w)
            assert background_fit(m, e, common, w, own_side(m)) == fit
            compared += 1
            differs += background_fit(m, e, common, w, other) != fit
    assert compared > 1000 and differs > 0
