"""Imported once by the process pool's fork server: builds the default extractor there.

Every worker is then forked from a process that holds the spaCy model and the
gazetteer already, so N workers cost one model load instead of N (seconds of
CPU each) and share the model's memory until they write to it.

What a worker would write to is the model's objects themselves: the garbage
collector walks every container in its full collections, touching each
object's header, so each worker's pass over the inherited model copied its
pages and took ~0.1 s.  ``gc.freeze()`` here, before any fork, moves them to
the permanent generation the collector skips (the use the Python docs give
for it: freeze right before fork).  The fork server does nothing else, so the
setting touches no other code.
"""
import gc

from eventwire.engines.work import _default_extractor, built

built(_default_extractor)
gc.freeze()
