"""Context clusters kept from one clustering to the next (kept_context.py) give what building them again gives."""
import random

from eventwire.fuse import kept_context
from eventwire.fuse.cluster import Clusterer
from eventwire.fuse.kept_context import KeptContext

from tests.fuse.test_summary import _varied


def _events(ranked, rng):
    """The (rank, mention) pairs cut into stored events of one to three members."""
    out, i = [], 0
    while i < len(ranked):
        n = rng.choice((1, 1, 2, 3))
        out.append(ranked[i:i + n])
        i += n
    return out


def _run(pool, context, kept=None):
    c = Clusterer({}, {}, {}, kept)
    return [[id(m) for m in cl] for cl in c.run(pool, context)], c.joined_context()


def test_a_second_clustering_with_kept_context_decides_as_one_that_builds_it_again(monkeypatch):
    """As incremental fusion runs it: a first clustering, the context events a mention joined promoted
    into the pool, one context event gone and one new, a second clustering.  Kept or built again, the
    same clusters and the same joined events; the unchanged context events are not built again."""
    promoted_somewhere = False
    for seed in range(12):
        rng = random.Random(seed)
        ms = [_varied(rng, k) for k in range(140)]
        ranked = list(enumerate(ms))
        context = _events(ranked[:80], rng)
        pool = ranked[80:130]
        kept = KeptContext()
        first = _run(pool, context, kept)
        assert first == _run(pool, context)
        joined = set(first[1])
        promoted_somewhere |= bool(joined)
        pool2 = pool + [pair for i in sorted(joined) for pair in context[i]]
        new = _events(ranked[130:], rng)
        context2 = [e for i, e in enumerate(context) if i not in joined and i != 0] + new
        built = []
        real = Clusterer._built
        monkeypatch.setattr(Clusterer, "_built", lambda self, members: built.append(1) or real(self, members))
        second = _run(pool2, context2, kept)
        monkeypatch.undo()
        assert second == _run(pool2, context2)
        assert len(built) == len(new)
    assert promoted_somewhere  # the case the kept registry must forget


def _registry(clusterer):
    """The context registry as comparable values: cell -> the member ids of each cluster there."""
    return {cell: sorted(tuple(id(m) for m in c) for c in at.values())
            for cell, at in clusterer._ctx_registry.items()}


def _built_afresh(pool, context, stories):
    c = Clusterer(stories, {}, {}, KeptContext())
    got = [[id(m) for m in cl] for cl in c.run(pool, context)], c.joined_context()
    fresh = Clusterer(stories, {}, {}, KeptContext())
    fresh._add_contexts(context)
    return got, _registry(fresh)


def test_a_context_carried_from_run_to_run_registers_and_decides_as_one_built_afresh():
    """As a long-running ingest carries it (``take``/``carry``): run after run, each with its own clusterer,
    one ``KeptContext``; between runs some events go, some come, and documents change story (another
    process may write a story in between).  After each run the carried registry holds exactly what
    building that run's context afresh registers (no cell of an old story left, no empty cell), and the
    clusters are the same; events whose members and stories stayed are not built again."""
    changed_somewhere = False
    for seed in range(8):
        rng = random.Random(seed)
        ms = [_varied(rng, k) for k in range(200)]
        ranked = list(enumerate(ms))
        docs = sorted({m.document for m in ms})
        stories = {d: d for d in docs}
        kept = KeptContext()
        context = _events(ranked[:80], rng)
        for run in range(4):
            pool = ranked[80 + 30 * run:110 + 30 * run]
            want, registry = _built_afresh(pool, context, dict(stories))
            start = Clusterer(dict(stories), {}, {}, kept)
            start._add_contexts(context)  # what this run starts from: what building afresh registers
            assert _registry(start) == registry
            c = Clusterer(dict(stories), {}, {}, kept)
            assert ([[id(m) for m in cl] for cl in c.run(pool, context)], c.joined_context()) == want
            joined = set(want[1])
            kept_docs = sorted({m.document for i, e in enumerate(context) if i not in joined for _r, m in e})
            context = [e for i, e in enumerate(context) if i not in joined and rng.random() > 0.1] \
                + _events(pool, rng)
            for d in rng.sample(kept_docs, 3):  # a story merged into another
                changed_somewhere |= stories[d] != docs[0]
                stories[d] = docs[0]
    assert changed_somewhere


def test_a_story_changed_between_runs_rebuilds_the_events_of_its_documents(monkeypatch):
    """The same members at the same ranks under another story are built again: their ``s|story`` cell moved."""
    rng = random.Random(3)
    ms = [_varied(rng, k) for k in range(60)]
    context = _events(list(enumerate(ms)), rng)
    kept = KeptContext()
    Clusterer({}, {}, {}, kept)._add_contexts(context)
    moved = ms[0].document
    built = []
    real = Clusterer._built
    monkeypatch.setattr(Clusterer, "_built", lambda self, members: built.append(members) or real(self, members))
    Clusterer({moved: "another-story"}, {}, {}, kept)._add_contexts(context)
    assert built and all(any(m.document == moved for _r, m in e) for e in built)
    assert f"s|{moved}" not in kept.registry and "s|another-story" in kept.registry


def test_take_hands_over_what_the_last_run_carried_once():
    kept_context.drop()
    assert kept_context.take().events == {}
    kept = KeptContext()
    kept_context.carry(kept)
    assert kept_context.take() is kept
    assert kept_context.take() is not kept  # taken: a second run at once starts empty


def test_a_context_a_mention_joined_is_not_carried():
    rng = random.Random(1)
    ms = [_varied(rng, k) for k in range(20)]
    kept = KeptContext()
    Clusterer({}, {}, {}, kept)._add_contexts([[(0, ms[0])]])
    next(iter(kept.events.values())).cluster.append(ms[1])
    kept_context.drop()
    kept_context.carry(kept)
    assert kept_context.take() is not kept
