"""The cyclic garbage collector held off while a pass builds many objects it keeps to its end.

A provenance pass keeps the features of every document it verifies (~2,000 a batch of 1,000: their
tokens and sentences, ~1M small objects) until it has assigned the stories, and frees them together
after.  None of them is in a reference cycle: reference counting frees them all.  But while they are
being built the collector runs a collection every 700 new containers and a full one each time a
quarter more objects have survived, and each walks the objects kept so far: 0.7-1.5 of the ~5 CPU
seconds of a batch into the 54k ``--scale`` database (bench/README.md, session 14).  With the collector
held off for the pass it frees nothing less in the end: what refcounting frees is freed at once as
before, and any cycle the pass made is found by the first collection after it.  The state the caller
had is restored, so a caller that turned the collector off itself keeps it off.
"""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection inside the block; the collector as it was after it (also on an error)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
