"""Context clusters kept from one clustering of an incremental run to the next (``cluster.Clusterer``),
and from one run to the next in a long-running process (``take``, ``carry``).

``incremental.fuse_new`` clusters a batch's pool again when a mention joins a stored
event read as context (that event is promoted and everything decided again).  Between the two,
almost every context event is the same: the same members, as the same objects.  Building one
(sorting its members, registering each in the cells it occupies) and what the references ask
of it (its ``Summary``, its members' telling words, the summaries of the event as it stood at
each rank) was done twice (session 12, 1,000 generated documents into a 27k database: ~24,500
context events, ~36,700 members, in each clustering; building them 6.8 s of 61.7 under the
profiler).  Kept here, a clustering takes them as they are; one whose members changed, or that a
mention joined (``len(cluster)`` grew), is dropped from the registry and built again.  A batch's
fusion took 29.6 -> 26.2 CPU s (bench/README.md, Session 12).

The next batch of a long-running ingest reads most of the same context again: 1,000 generated
documents into the 46k --scale database read ~29-32k context events a batch, of which the batch
before had built all but ~2.8-4k (session 22).  So the process carries the last run's kept context
to the next run (``take``, ``carry``), as ``store.fusion_index`` carries decoded mentions.  A kept
event is used only when it is a function of the very same things: the same mention objects (the
decoded-mention cache hands out one object per stored text) at the same ranks, and each member's
document in the same story (a story names the cell ``s|story`` its members register in); so
another process writing in between, a rolled-back transaction or another database cannot make a
run decide otherwise, only build more again.

Only what is a function of a context event's members is kept: the per-run numbering, ranks and
index of each context event are set again by every clustering.  ``Summary.anchors`` depends on the
run's references back, but a context cluster is never matched against (``Clusterer._near``
leaves context out of matches), so it is never filled.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field

from eventwire.model import Mention


@dataclass
class KeptEvent:
    """One context event as a clustering built it."""

    members: tuple[Mention, ...]  # as given, in the order given: kept alive, so their ids stay theirs
    ordered: list[tuple[object, Mention]]  # (rank, mention), sorted by rank
    number: tuple  # ``Clusterer._number`` of the cluster
    last_firm: object  # rank of its last anchorable member, None for none
    cluster: list[Mention]
    # per member of ``cluster`` as built, its document's story then: its registered cells are a function
    # of it and the member (``blocks.registered``), so they are taken out of exactly those
    stories: tuple[str, ...] = ()
    docs: tuple[str, ...] = ()  # per member of ``cluster`` as built, its document


@dataclass
class KeptContext:
    """What ``Clusterer`` keeps of its context clusters for the next clustering of the same run."""

    events: dict[tuple[int, ...], KeptEvent] = field(default_factory=dict)  # by the ids of its members
    registry: dict[str, dict[int, list[Mention]]] = field(default_factory=dict)  # ``Clusterer._ctx_registry``
    summaries: dict[int, object] = field(default_factory=dict)  # id(cluster) -> its ``Summary``
    ranks: dict[int, tuple] = field(default_factory=dict)  # id(cluster) -> ``Clusterer._ranks`` entry
    # ``Clusterer._place_keys``: one object per place a kept ``Summary.near`` was asked of, so a later
    # clustering asks with the same object (a fresh one a clustering left the answers unused)
    place_keys: dict[tuple | None, object] = field(default_factory=dict)


_carried: KeptContext | None = None
_lock = threading.Lock()


def take() -> KeptContext:
    """The context the process's last run carried (``carry``), or an empty one; taken, so two runs at once
    never share one (the second starts empty)."""
    global _carried
    with _lock:
        kept, _carried = _carried, None
    return kept if kept is not None else KeptContext()


def carry(kept: KeptContext) -> None:
    """Hand ``kept`` to the process's next run, after a run that ended.  Not when a mention joined one of its
    events in the run's last clustering (``incremental`` runs again until none does, so this is a guard):
    that member was registered from the run's own cells, which the next run would not have."""
    global _carried
    if any(len(k.cluster) != len(k.members) for k in kept.events.values()):
        return
    with _lock:
        _carried = kept


def drop() -> None:
    """Forget the carried context (a test, or a caller freeing its memory)."""
    global _carried
    with _lock:
        _carried = None
