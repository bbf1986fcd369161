"""Imported once by the process pool's fork server: builds the default extractor there.

Every worker is then forked from a process that holds the spaCy model and the
gazetteer already, so N workers cost one model load instead of N (seconds of
CPU each) and share the model's memory until they write to it.
"""
from eventwire.engines.work import _default_extractor, built

built(_default_extractor)
