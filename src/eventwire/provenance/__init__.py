"""Provenance: which documents are copies of which, and what the copies changed.

Public API (called by the pipeline)::

    index = ProvenanceIndex(num_perm=128)
    index.add(DocInfo(...))          # idempotent per id
    result = index.assign()          # {doc id: Provenance(story, copy_of, drift)}

Modules: ``shingles`` (features), ``index`` (LSH candidates), ``stories``
(pair relations, story grouping, choice of the original), ``align``
(sentence alignment), ``drift`` (meaning changes).
"""
from .drift import DriftDetector
from .index import DocInfo, IndexStats, ProvenanceIndex

__all__ = ["DocInfo", "DriftDetector", "IndexStats", "ProvenanceIndex"]
