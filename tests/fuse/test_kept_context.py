"""Context clusters kept from one clustering to the next (kept_context.py) give what building them again gives."""
import random

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
