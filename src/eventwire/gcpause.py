"""Python's cycle collector paused while a pass builds many objects it keeps to its end.

A provenance pass keeps the features of every document it verifies (~2,000 a batch of 1,000: their
tokens and sentences, ~1M small objects) until it has assigned the stories; a fusion run reads ~50k
stored mentions and builds ~30k context clusters.  None of them needs the cycle collector: reference
counting frees them.  But while they are being built the collector runs every 700 new containers
and a full collection each time a quarter more objects have survived, and each walks everything kept
so far: 0.7-1.5 of the ~5 CPU seconds of provenance and ~3.3 of ~21 of fusion for one batch into a
~50k ``--scale`` database (bench/README.md, session 14: provbatch2 and fusegrow).

Paused by a zero threshold, not ``gc.disable``: a library may turn the collector back on behind us
(srsly's msgpack loader does, when spaCy's word tables are first loaded during fusion).  After the
block the thresholds are as they were and, if the collector is on, one collection of the young
generations takes the cycles made meanwhile and leaves the collector's counts as a run of its own
would (without it the next stage paid the skipped collections).  No decision reads the collector, so
results are the same.

Young, not full (``AFTER_GENERATION``): with the threshold at zero nothing made inside was moved on,
so every object made inside is in generation 0 and a young collection finds every cycle among them.
A full one also walked the old generation: the process's long-lived caches (decoded mentions, cell
keys, telling words), which grow batch after batch in a long-running ingest, so the two collections a
batch (provenance, fusion) rose 0.38 -> 1.21 and 0.50 -> 1.01 CPU s over 12 batches of one run at 54k;
young ones took ~0.01 and ~0.05 (bench/README.md, session 15: batchgrowth).  The old
generation is still collected when the collector's own thresholds say so.
"""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


# the generation collected after the block: 1, the young ones (generation 0 holds all made inside)
AFTER_GENERATION = 1


@contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic cyclic collection inside the block; the thresholds as they were after it (also on
    an error), then one collection of the young generations unless the caller had the collector off."""
    thresholds = gc.get_threshold()
    gc.set_threshold(0)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        if gc.isenabled() and thresholds[0]:
            gc.collect(AFTER_GENERATION)


def paused() -> bool:
    """Whether no automatic collection can run now (for tests and probes)."""
    return not gc.isenabled() or gc.get_threshold()[0] == 0
