"""Word lists as regular expressions: the one alternation builder every rule uses.

A lexicon's phrases become ``a|b|c`` with each phrase escaped and the longest
first, because Python's regex alternation takes the first branch that matches:
"read more here" must be tried before "read more", "the day before yesterday"
before "the day before".  Entries starting with "_" are a lexicon's notes, not
phrases, and are skipped.
"""
from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(phrases: Iterable[str], *, any_space: bool = False) -> str:
    """``phrases`` as one regex alternation, longest first; ``any_space``: a space matches any run of whitespace."""
    ordered = sorted({p for p in phrases if not p.startswith("_")}, key=lambda p: (-len(p), p))  # ties: a fixed order
    escaped = (re.escape(p) for p in ordered)
    return "|".join(e.replace(r"\ ", r"\s+") for e in escaped) if any_space else "|".join(escaped)
