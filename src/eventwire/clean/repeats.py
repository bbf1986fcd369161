"""Repeated lines: a paragraph's later copies, the headline repeated under it, pull quotes.

Runs over the survivors of the line rules, the line model and the neighbour
rules (``clean.cleaner`` step 5), after the title is chosen: a copy goes, the
text it copies stays, so nothing of the article is lost.
"""
from __future__ import annotations

from eventwire.clean.boilerplate import CAPTION_MAX_CHARS, REPEAT_MIN_WORDS, Verdict
from eventwire.clean.features import looks_like_reporting, normalise


def drop_repeats(verdicts: list[Verdict], title: str | None) -> list[Verdict]:
    """Drop later copies of a paragraph, lines that repeat the headline (captions), and pull quotes.

    A pull quote repeats a sentence of the article in large type ("“We carried the babies
    downstairs.”"): a short line (``REPEAT_MIN_WORDS`` words up to ``CAPTION_MAX_CHARS``)
    whose words stand, in order, inside a longer paragraph the page keeps.  Nothing is
    lost: the paragraph holds it.
    """
    out = list(verdicts)
    seen: set[str] = set()
    head = normalise(title) if title else ""
    for i, v in enumerate(verdicts):
        if not v.keep:
            continue
        key = normalise(v.text)
        if head and (key == head or (key.startswith(head + " ") and len(v.text) <= CAPTION_MAX_CHARS
                                     and not looks_like_reporting(v.text[len(title or ""):]))):
            out[i] = v.drop("headline repeated")
        elif key in seen and len(key.split()) >= REPEAT_MIN_WORDS:
            out[i] = v.drop("repeated paragraph")
        seen.add(key)
    for i in _held_by_longer(out):
        out[i] = out[i].drop("repeated inside a longer paragraph")
    return out


def _held_by_longer(verdicts: list[Verdict]) -> list[int]:
    """Kept short units whose words stand in order inside a longer kept unit.

    Candidates are looked up by their first ``REPEAT_MIN_WORDS`` words among the
    runs of that many words of every kept unit, so a page costs time in
    proportion to its words, not to the square of its lines.
    """
    keys = {i: normalise(v.text) for i, v in enumerate(verdicts) if v.keep}
    holders: dict[tuple[str, ...], set[int]] = {}
    for i, key in keys.items():
        toks = key.split()
        for j in range(len(toks) - REPEAT_MIN_WORDS + 1):
            holders.setdefault(tuple(toks[j:j + REPEAT_MIN_WORDS]), set()).add(i)
    out = []
    for i, key in keys.items():
        toks = key.split()
        if len(toks) < REPEAT_MIN_WORDS or len(verdicts[i].text) > CAPTION_MAX_CHARS:
            continue
        if any(len(keys[h]) > len(key) and f" {key} " in f" {keys[h]} " for h in holders[tuple(toks[:REPEAT_MIN_WORDS])]):
            out.append(i)
    return out
