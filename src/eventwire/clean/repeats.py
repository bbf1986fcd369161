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
    proportion to its words, not to the square of its lines.  Only the runs that
    open a candidate are indexed: a page of long paragraphs has none, and indexing
    every run of its ~900 words cost ~0.6 ms a page (bench/README.md, session 24).
    """
    keys = {i: normalise(v.text) for i, v in enumerate(verdicts) if v.keep}
    firsts = {i: tuple(toks[:REPEAT_MIN_WORDS]) for i, key in keys.items()
              if len(verdicts[i].text) <= CAPTION_MAX_CHARS and len(toks := key.split()) >= REPEAT_MIN_WORDS}
    wanted = set(firsts.values())
    openers = {first[0] for first in wanted}
    holders: dict[tuple[str, ...], set[int]] = {}
    for i, key in keys.items() if wanted else ():
        toks = key.split()
        for j in range(len(toks) - REPEAT_MIN_WORDS + 1):
            if toks[j] in openers and (run := tuple(toks[j:j + REPEAT_MIN_WORDS])) in wanted:
                holders.setdefault(run, set()).add(i)
    return [i for i, first in firsts.items()
            if any(len(keys[h]) > len(keys[i]) and f" {keys[i]} " in f" {keys[h]} " for h in holders[first])]
