"""summary.Summary.dated_kin and Clusterer._summary_upto: kept filters give what filtering again gives."""
import random

from eventwire.fuse.cluster import Clusterer
from eventwire.fuse.match import family, subtypes_compatible
from eventwire.fuse.summary import Summary

from tests.fuse.test_blocks import TYPES, _mention


def test_dated_kin_is_the_dated_members_of_the_family_with_a_compatible_subtype_in_order():
    rng = random.Random(5)
    cluster = [_mention(rng, k) for k in range(80)]
    s = Summary(cluster)
    for etype, sub, _trigger in TYPES:
        fam = family(etype, sub)
        want = [o for o in s.dated if family(o.event_type, o.sub_event_type) == fam
                and subtypes_compatible(o.sub_event_type, sub)]
        assert s.dated_kin(fam, sub) == want
        assert s.dated_kin(fam, sub) is s.dated_kin(fam, sub)  # kept, not filtered again


def test_summary_upto_holds_the_members_ranked_before_the_mention_placed_even_after_the_cluster_grew():
    rng = random.Random(9)
    ms = [_mention(rng, k) for k in range(60)]
    clusterer = Clusterer({})
    clusterer._add(clusterer._built([(i * 2, m) for i, m in enumerate(ms[:40])]))
    (cluster,) = [c for *_rest, c in clusterer._context.values()]
    for step, upto in enumerate([-1, 0, 1, 7, 8, 30, 31, 79, 80, 200, 7]):
        if step == 5:  # a mention of the pool joins it: ranks between the members'
            for i, m in enumerate(ms[40:]):
                clusterer._rank[id(m)] = i * 4 + 1
            clusterer._join(cluster, ms[40:])
        clusterer._upto = upto
        got = clusterer._summary_upto(cluster)
        assert got.cluster == [o for o in cluster if clusterer._rank[id(o)] < upto]
        assert got.dated == Summary(got.cluster).dated


def _varied(rng: random.Random, k: int):
    """test_blocks' mentions with a few of six target words, so some events share reference words and
    some do not."""
    m = _mention(rng, k)
    words = " ".join(rng.sample(["silo", "bridge", "depot", "Petrenko", "school", "ferry"], 2))
    text = m.evidence.sentence.replace("the grain silo of the Kovalenko farm", f"the {words}")
    return m.__class__(**{**m.__dict__, "evidence": m.evidence.__class__(m.document, text, 0, len(text))})


def test_narrowed_references_decide_as_comparing_every_cluster(monkeypatch):
    """Clusterer._fits compares only the clusters ``_naming`` finds; comparing all of them gives the
    same clusters (a random month of mentions, some as stored context)."""
    for seed in range(12):
        rng = random.Random(seed)
        ms = [_varied(rng, k) for k in range(120)]
        pool, context = [(i, m) for i, m in enumerate(ms[60:], 60)], [[(i, m)] for i, m in enumerate(ms[:60])]

        def run():
            c = Clusterer({})
            return [[id(m) for m in cl] for cl in c.run(pool, context)], c.joined_context()

        narrowed = run()
        monkeypatch.setattr(Clusterer, "_naming_and_places", lambda self, m: (None, None, None))
        assert run() == narrowed
        monkeypatch.undo()


def test_the_reach_of_a_date_is_may_be_compatible():
    """``summary.reach`` gives the bounds ``Clusterer._best_match`` and ``may_be_compatible`` test spans
    against: the answer of the day counts (DAY_WINDOW days either side) for every span, next to the calendar's
    limits too."""
    import random
    from datetime import date, timedelta

    from eventwire.fuse.match import DAY_WINDOW
    from eventwire.fuse.summary import may_be_compatible, reach
    from eventwire.model import DateSpan

    rng = random.Random(5)
    days = [date(2024, 1, 1) + timedelta(days=rng.randrange(20)) for _ in range(40)] + \
        [date.min, date.min + timedelta(days=1), date.max, date.max - timedelta(days=1)]
    passed = failed = 0
    for _ in range(3000):
        a, b = sorted(rng.sample(days, 2))
        d = DateSpan(a, b, "day", "")
        x, y, z = sorted(rng.choice(days) for _ in range(3))
        for span_ in ((x, y, z), None):
            first, last = reach(d)
            want = span_ is not None and (d.start - span_[2]).days <= DAY_WINDOW \
                and (span_[0] - d.end).days <= DAY_WINDOW
            assert want == (span_ is not None and span_[2] >= first and span_[0] <= last)
            assert may_be_compatible(d, span_) == want
            passed += want
            failed += not want
    assert passed > 100 and failed > 100
