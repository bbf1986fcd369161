"""Case restoration for all-capitals wire copy.

spaCy's small model tags every word of an upper-case text as a proper noun,
so its parse (and with it triggers, roles and claims) falls apart.  Old wire
services and some feeds send nothing but capitals.  The text is lowered, and
capitals are put back where they are sure: sentence starts, the toponyms the
gazetteer found, and names from the actor catalogue.  Case changes keep every
character offset, so mentions still point into the stored text.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

# share of letters in capitals above which a text is treated as all-caps copy
UPPER_SHARE = 0.8
_SENTENCE_START = re.compile(r"(^|[.!?]\s+|\n\s*|--\s+|\]\s+)([a-z])")


def mostly_upper(text: str) -> bool:
    letters = [c for c in text[:5000] if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) >= UPPER_SHARE


def truecase(text: str, spans: Iterable[tuple[int, int]], names: Iterable[str] = ()) -> str:
    """``text`` in sentence case, with ``spans`` (start, end) and known ``names`` capitalised."""
    low = text.lower()
    if len(low) != len(text):  # a character whose lower case is longer: keep the text as it is
        return text
    chars = list(low)

    def title(start: int, end: int) -> None:
        word_start = True
        for i in range(start, end):
            if word_start and chars[i].isalpha():
                chars[i] = chars[i].upper()
            word_start = not chars[i].isalnum()

    for start, end in spans:
        title(start, end)
    for name in names:
        for m in re.finditer(r"\b" + re.escape(name.lower()) + r"\b", low):
            title(m.start(), m.end())
    for m in _SENTENCE_START.finditer(low):
        i = m.start(2)
        chars[i] = chars[i].upper()
    return "".join(chars)
