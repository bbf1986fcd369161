"""Kept for the callers that import from here (``pipeline``, ``serve.cli``); see ``extract.factories``."""
from __future__ import annotations

from eventwire.extract.factories import build_extractor, build_place_finder

__all__ = ["build_extractor", "build_place_finder"]
