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
# 60-80 columns; scraped paragraphs run to hundreds), lines stop mid-sentence,
# and most of those lines are nearly full (``WRAP_FULL_SHARE`` of the width).
# In mixed-case text a continued sentence also shows as a line that starts in
# lower case; related-link lists, the look-alike, start every line with a
# capital and are ragged.  A wrapped paragraph ends at a short line that ends
# a sentence.  Calibrated on MUC-4 agency copy (not strictly greedy-wrapped:
# lines of 56-72 columns) against scraped pages.
WRAP_MIN_LINES = 2
WRAP_MIN_WIDTH = 50
WRAP_MAX_WIDTH = 100
WRAP_FULL_SHARE = 0.75
WRAP_MIN_FULL_OPEN_SHARE = 0.7

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


def wrapped_groups(lines: list[str]) -> list[list[str]] | None:
    """Lines of a hard-wrapped paragraph grouped into its paragraphs, or None if not wrapped."""
    if len(lines) < WRAP_MIN_LINES:
        return None
    width = max(len(line) for line in lines)
    if not WRAP_MIN_WIDTH <= width <= WRAP_MAX_WIDTH:
        return None
    open_lines = [line for line in lines[:-1] if not _SENTENCE_END.search(line)]
    if not open_lines:
        return None
    full = sum(1 for line in open_lines if len(line) >= WRAP_FULL_SHARE * width)
    if full / len(open_lines) < WRAP_MIN_FULL_OPEN_SHARE:
        return None
    mixed_case = any(c.islower() for line in lines for c in line)
    if mixed_case and not any(line.lstrip()[:1].islower() for line in lines[1:]):
        return None  # every line starts a sentence or a title: a list, not a wrapped paragraph
    groups: list[list[str]] = [[]]
    for line in lines:
        groups[-1].append(line)
        if _SENTENCE_END.search(line) and len(line) < WRAP_FULL_SHARE * width:
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


def unwrap(text: str) -> str:
    """The text with the line breaks inside hard-wrapped paragraphs turned into spaces.

    The cleaner keeps wire copy's wrapped lines as they came ("MURDER OF SIX\nJESUITS"),
    so that evidence quotes the text as sent; but a parser reading line by line sees
    sentence fragments.  The result has the same length as ``text``, so offsets into it
    are offsets into the stored text.  Paragraphs that are not hard-wrapped (a headline
    over its first line, a list) keep their line breaks.
    """
    out = list(text)
    pos = 0
    for paragraph in _BLANK_LINES.split(text):
        start = text.find(paragraph, pos)
        pos = start + len(paragraph)
        lines = paragraph.split("\n")
        groups = wrapped_groups([line.rstrip() for line in lines]) if len(lines) >= WRAP_MIN_LINES else None
        if not groups or any(not line.strip() for line in lines):
            continue
        last, n = set(), -1
        for group in groups:
            n += len(group)
            last.add(n)  # the break after a group's last line ends a paragraph
        at = start
        for i, line in enumerate(lines[:-1]):
            at += len(line)
            if i not in last:
                out[at] = " "
            at += 1
    return "".join(out)

