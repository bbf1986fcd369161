"""The stored events a batch's clustering reads as fixed context (part of ``cluster.Clusterer``).

A context cluster is a stored event rebuilt from its (rank, mention) members: numbered where a full
run would have made it, registered in the cells its members occupy, so new mentions can meet it but
it never looks for anything itself.  With a ``KeptContext`` the clusters an earlier clustering of
the same batch built are reused as they are (registrations, summaries, ranks), which spares
rebuilding ~24k of them for the second clustering; only those a mention joined, or no longer
given, are dropped and rebuilt.  Kept apart from the clustering rules so each file has one job.
"""
from __future__ import annotations

import itertools
from collections.abc import Sequence
from operator import itemgetter

from eventwire.fuse.blocks import anchorable as _anchorable, registered
from eventwire.fuse.kept_context import KeptEvent
from eventwire.model import Mention

_first, _second = itemgetter(0), itemgetter(1)  # a (rank, mention) pair's rank, its mention


class ContextClusters:
    """Mixin of ``Clusterer``: building, keeping and registering its context clusters.  Uses the
    clusterer's ``_kept``, ``_ctx_registry``, ``_cells``, ``_registered``, ``_rank``, ``_number``,
    ``_context``, ``_summaries``, ``_ranks`` and ``stories``."""

    def _add_contexts(self, context: Sequence[Sequence[tuple[object, Mention]]]) -> None:
        """The stored events read as fixed context (see ``run``); with ``_kept``, those an earlier
        clustering built from the same (rank, mention) members are taken as they are, with their
        registrations, summaries and ranks, and the kept ones not among them (or that a mention
        joined) are dropped from the registry."""
        kept = self._kept
        if kept is None:
            for members in context:
                self._add(self._built(members))
            return
        self._ctx_registry = kept.registry
        # one pass a step, each in C where it can be: a run carries ~30k context events from the last
        # (``kept_context.take``), so this is done for all of them twice a batch (session 22)
        keys = [tuple(map(id, map(_second, members))) for members in context]
        events, stories, same = kept.events, self.stories, {}
        for key, members in zip(keys, context):
            k = events.get(key)
            # ids of live objects (``k.members`` holds them) are theirs, so the same key is the same
            # mentions; a pair compares its rank by value and its mention by identity first
            if k is not None and len(k.cluster) == len(k.members) and k.members == tuple(members) \
                    and k.stories == tuple(map(stories.get, k.docs, k.docs)):
                same[key] = k
        for key in events.keys() - same.keys():
            k = events.pop(key)
            self._unregister(k)
            kept.summaries.pop(id(k.cluster), None)
            kept.ranks.pop(id(k.cluster), None)
        summaries, ranks = kept.summaries, kept.ranks
        for key, members in zip(keys, context):
            k = same.get(key)
            if k is None:
                k = events[key] = self._built(members)
            else:
                c = id(k.cluster)
                if c in summaries:
                    self._summaries[c] = summaries[c]
                if c in ranks:
                    self._ranks[c] = ranks[c]
            self._add(k)

    def _built(self, members: Sequence[tuple[object, Mention]]) -> KeptEvent:
        """A stored event as a context cluster, numbered where a full run would have made it, and
        registered in the cells its members occupy."""
        ordered = sorted(members, key=lambda t: t[0])
        firm = [(r, m) for r, m in ordered if _anchorable(m) and not m.landmark]
        head = firm or [(r, m) for r, m in ordered if not m.landmark] or ordered
        c: list[Mention] = [m for _r, m in ordered]
        registry, key = self._ctx_registry, id(c)  # ~480k registrations a batch
        for m in c:
            for cell in self._registered_of(m):
                registry.setdefault(cell, {})[key] = c
        docs = tuple(m.document for m in c)
        return KeptEvent(tuple(members), ordered, (0 if firm else 1, head[0][0], -1),
                         firm[-1][0] if firm else None, c, tuple(map(self.stories.get, docs, docs)), docs)

    def _add(self, k: KeptEvent) -> None:
        """A built context cluster into this run: its members' ranks, its number and index."""
        c = k.cluster
        ordered = k.ordered
        self._rank.update(zip(map(id, map(_second, ordered)), map(_first, ordered)))
        self._number[id(c)] = k.number
        self._context[id(c)] = (len(self._context), len(k.ordered), k.last_firm, c)

    def _unregister(self, k: KeptEvent) -> None:
        """Take a kept context cluster out of the registry: from every cell a member of it was
        registered in: ``_built``'s, worked out again under the stories it was built with (an earlier
        run's may have been other; keeping the cells themselves held ~60 MB more from batch to batch
        at 46k, session 22), and ``_join``'s for a mention of this run that joined it.  A cell left
        empty goes, so the registry of a long run holds only the cells of the context it keeps (an
        empty cell and a missing one are met alike: no cluster)."""
        registry, key, built = self._ctx_registry, id(k.cluster), len(k.stories)
        joined = (self._registered_of(m) for m in k.cluster[built:])
        for cells in itertools.chain(map(registered, k.cluster[:built], k.stories), joined):
            for cell in cells:
                at = registry.get(cell)
                if at is not None:
                    at.pop(key, None)
                    if not at:
                        del registry[cell]

    def _keep(self) -> None:
        """After a run: the summaries and ranks of the kept context clusters no mention joined."""
        kept = self._kept
        for k in kept.events.values():
            c = k.cluster
            if len(c) != len(k.members):
                continue
            s = self._summaries.get(id(c))
            if s is not None and s.cluster is c:
                kept.summaries[id(c)] = s
            r = self._ranks.get(id(c))
            if r is not None and r[0] is c:
                kept.ranks[id(c)] = r

    def _registered_of(self, m: Mention) -> frozenset[str]:
        """A context member's registered cells: it is only met, never looks (``_near`` takes the mentions
        being decided), so its reached cells, most of ``blocks.cells``'s work, are not computed."""
        known = self._cells.get(id(m))
        if known is not None and known[0] is m:
            return known[1].registered
        reg = self._registered.get(id(m))
        if reg is None or reg[0] is not m:
            reg = self._registered[id(m)] = (m, registered(m, self.stories.get(m.document, m.document)))
        return reg[1]

    def joined_context(self) -> list[int]:
        """The context events (by their index in ``run``'s ``context``) a mention joined."""
        return sorted(i for i, size, _last, c in self._context.values() if len(c) != size)
