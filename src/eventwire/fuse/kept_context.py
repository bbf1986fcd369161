"""Context clusters kept from one clustering of an incremental run to the next (``cluster.Clusterer``).

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

Only what is a function of a context event's members is kept: the per-run numbering, ranks and
index of each context event are set again by every clustering.  ``Summary.anchors`` depends on the
run's references back, but a context cluster is never matched against (``Clusterer._near``
leaves context out of matches), so it is never filled.
"""
from __future__ import annotations

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


@dataclass
class KeptContext:
    """What ``Clusterer`` keeps of its context clusters for the next clustering of the same run."""

    events: dict[tuple[int, ...], KeptEvent] = field(default_factory=dict)  # by the ids of its members
    registry: dict[str, dict[int, list[Mention]]] = field(default_factory=dict)  # ``Clusterer._ctx_registry``
    summaries: dict[int, object] = field(default_factory=dict)  # id(cluster) -> its ``Summary``
    ranks: dict[int, tuple] = field(default_factory=dict)  # id(cluster) -> ``Clusterer._ranks`` entry
