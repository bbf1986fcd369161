"""Cut flat text into the units the boilerplate classifier judges.

A unit is normally one line: scraped pages put a caption, a byline or a
"Read more" link on a line of its own, often with no blank line around it, so
judging whole blank-line paragraphs would throw real sentences out with the
furniture.  Wire copy and old agency texts, however, are hard-wrapped at a
fixed width; there a line is a fragment of a sentence, so such a paragraph is
kept together as one unit.

Units keep their text exactly as in the input (only stripped at the edges):
later stages store character offsets into the cleaned text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Hard-wrapped text (wire copy, agency files) is recognised by its width: the
# widest line is at most ``WRAP_MAX_WIDTH`` (typewriter and wire widths are
# 60-80 columns; scraped paragraphs run to hundreds), at least two lines stop
# mid-sentence, and each such line was full: the next line's first word would
# not have fitted on it.  A line shorter than ``WRAP_FULL_SHARE`` of the width
# ends a wrapped paragraph.  Calibrated on MUC-4 agency copy against scraped
# pages, whose related-link lists are short and ragged.
WRAP_MIN_LINES = 3
WRAP_MIN_WIDTH = 50
WRAP_MAX_WIDTH = 100
WRAP_MIN_OPEN_LINES = 2
WRAP_FULL_SHARE = 0.8
# Columns of tolerance in the "next word would not have fitted" test (hyphens,
# a trailing space the wrapper counted).
WRAP_SLACK = 2

_SENTENCE_END = re.compile(r"[.!?…:;\"'”’)\]]\s*$")
_BLANK_LINES = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Unit:
    text: str  # stripped; lines of a wrapped paragraph keep their "\n"
    paragraph: int  # index of the blank-line paragraph it came from
    first_in_paragraph: bool


def normalise_newlines(text: str) -> str:
    """One newline convention; form feeds and Unicode separators become newlines."""
    return "\n".join(text.splitlines())


def _first_word(line: str) -> str:
    return line.split(maxsplit=1)[0] if line.split() else ""


def wrapped_groups(lines: list[str]) -> list[list[str]] | None:
    """Lines of a hard-wrapped paragraph grouped into its paragraphs, or None if not wrapped."""
    if len(lines) < WRAP_MIN_LINES:
        return None
    width = max(len(line) for line in lines)
    if not WRAP_MIN_WIDTH <= width <= WRAP_MAX_WIDTH:
        return None
    open_lines = [i for i, line in enumerate(lines[:-1]) if not _SENTENCE_END.search(line)]
    if len(open_lines) < WRAP_MIN_OPEN_LINES:
        return None
    if any(len(lines[i]) + 1 + len(_first_word(lines[i + 1])) <= width - WRAP_SLACK for i in open_lines):
        return None  # a line broke early: a list, not a wrapped paragraph
    groups: list[list[str]] = [[]]
    for line in lines:
        groups[-1].append(line)
        if len(line) < WRAP_FULL_SHARE * width:
            groups.append([])
    return [g for g in groups if g]


def split_units(text: str) -> list[Unit]:
    """Lines, or whole paragraphs where the paragraph is hard-wrapped."""
    units: list[Unit] = []
    for p_index, paragraph in enumerate(_BLANK_LINES.split(normalise_newlines(text))):
        # widths are measured with the indentation, as the typewriter saw them
        lines = [line.rstrip() for line in paragraph.split("\n") if line.strip()]
        if not lines:
            continue
        groups = wrapped_groups(lines) or [[line] for line in lines]
        for g_index, group in enumerate(groups):
            units.append(Unit("\n".join(line.strip() for line in group), p_index, g_index == 0))
    return units


def join_units(units: list[Unit]) -> str:
    """Every unit becomes its own paragraph: a line break in a scraped page
    separates paragraphs far more often than it continues one."""
    return "\n\n".join(u.text for u in units)
