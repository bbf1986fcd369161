"""Cut from the first lines the spam a content farm also put in the headline.

A farm injects its keyword phrase ("Cheap Flights To Kyiv", "Best News Today")
into the headline and, glued to real words, into the first lines of the body:
"Cheap Flights To KyivTwo drones struck ...", "... struck|Cheap Flights To
Kyiv", or twice in a row.  ``title.clean_title`` already knows the phrase: it
is a segment it cut off the headline.  Here each such segment is removed from
the first kept units wherever it is glued to a word without a space or
bordered by a ``|``; an occurrence with ordinary spacing ("The Daily Post
reported ...") is left alone, since a site's name may be part of a sentence.
"""
from __future__ import annotations

import re
from dataclasses import replace

from eventwire.clean.boilerplate import Verdict
from eventwire.clean.features import words

# Farms inject into the headline's neighbourhood: the first few kept units.
FIRST_UNITS = 3
# A segment shorter than this (one short word: "CNN", "AP") is too common in
# real text to cut on a glued occurrence alone.
MIN_PIECE_WORDS = 2
MIN_PIECE_CHARS = 8
REASON = "injected title spam"


def _pattern(piece: str) -> re.Pattern[str]:
    """The piece glued to a word on either side, or bordered by "|", with the pipes and spaces around it."""
    p = re.escape(piece)
    glued_left = rf"(?<=[^\W_]){p}"
    glued_right = rf"{p}(?=[^\W_])"
    piped = rf"\s*\|\s*{p}|{p}\s*\|\s*"
    return re.compile(rf"(?:{piped}|{glued_left}|{glued_right})")


def cut_pieces(text: str, pieces: tuple[str, ...]) -> tuple[str, list[str]]:
    """The text without glued or piped occurrences of the pieces, and what was cut."""
    cut: list[str] = []
    for piece in pieces:
        piece = " ".join(piece.split())
        if len(words(piece)) < MIN_PIECE_WORDS or len(piece) < MIN_PIECE_CHARS:
            continue
        if piece not in text:
            continue  # every form of the pattern holds the piece as written: nothing to compile or cut
        pattern = _pattern(piece)
        while True:
            m = pattern.search(text)
            if not m:
                break
            cut.append(m.group().strip(" |"))
            joiner = " " if 0 < m.start() and m.end() < len(text) and not text[m.start() - 1].isspace() else ""
            text = text[: m.start()] + joiner + text[m.end():]
    return text.strip(), cut


def cut_injected(verdicts: list[Verdict], pieces: tuple[str, ...]) -> list[Verdict]:
    """Cut the title's spam pieces from the first ``FIRST_UNITS`` kept units."""
    if not pieces:
        return verdicts
    out = list(verdicts)
    seen = 0
    for i, v in enumerate(verdicts):
        if not v.keep or not v.text.strip():
            continue
        seen += 1
        text, cut = cut_pieces(v.text, pieces)
        if cut:
            out[i] = replace(v, text=text, reason=REASON, removed=(*cut, *v.removed)) if text else v.drop(REASON)
        if seen >= FIRST_UNITS:
            break
    return out
