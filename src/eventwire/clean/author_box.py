"""An author's biography box: a block of prose no line rule takes, since a biography is sentences.

Pages close an article with a box about its writer: a heading ("About the
author", "About Jane Doe"), sometimes the name alone on a line, a paragraph of
biography, and short links naming the person ("Read the latest from Jane Doe",
"Hire Jane"). The heading, a short line, often goes by itself; the biography
then stands as if the article ended with it.  Runs over the cleaner's verdicts
after the line rules and the line model (``clean.cleaner``).
"""
from __future__ import annotations

import re

from eventwire.clean.boilerplate import ONE_NAME, Verdict
from eventwire.clean.features import ends_sentence, normalise, words
from eventwire.clean.lexicon import Lexicon

# an author box: its heading, an optional line with the name alone, the biography, and short lines naming
# the person after it ("Read the latest from Jane Doe", "Hire Jane"); set by hand from how such boxes are built
AUTHOR_BOX_NAME_MAX_WORDS = 4
AUTHOR_BOX_TAIL_MAX_WORDS = 8
AUTHOR_BOX_TAIL_LINES = 2
AUTHOR_BIO_MIN_WORDS = 12  # a biography is a paragraph of prose, not a one-line blurb
_ABOUT_NAME = re.compile(rf"^\W*about\s+(?P<name>{ONE_NAME})\s*$", re.IGNORECASE)


_HEADING_SPLIT = re.compile(r"\s*[-–—:|]\s*")


def _author_heading(text: str, lex: Lexicon) -> tuple[bool, str] | None:
    """(a generic author heading, the person's first name if the heading gives it), or None.

    "About the author", "About the Author - Jane Doe": a box heading whatever
    follows.  "About Jane Doe" is one only if the paragraph under it opens with
    "Jane" (``drop_author_boxes`` checks): "About Python" over a paragraph on
    Python is an article's own box.
    """
    head, *rest = _HEADING_SPLIT.split(text.strip(), maxsplit=1)
    if lex.has("author_box_headings", normalise(head)):
        first = words(rest[0])[:1] if rest else []
        return True, first[0] if first else ""
    m = _ABOUT_NAME.match(text.strip())
    if m and len(words(m.group("name"))) >= 2 and all(w[:1].isupper() for w in words(m.group("name"))):
        return False, words(m.group("name"))[0]
    return None


def drop_author_boxes(verdicts: list[Verdict], lex: Lexicon) -> list[Verdict]:
    """Drop an author's biography box: a heading ("About the author", "About Jane Doe"), the name line,
    the biography paragraph (which, under "About Jane Doe", opens with "Jane") and the short lines
    after it that name the person.  A biography is sentences of prose, so no line rule takes it; the
    heading, a short line, often goes by itself and leaves the paragraph as if the article ended with it."""
    out = list(verdicts)
    for i, v in enumerate(verdicts):
        found = _author_heading(v.unit.text, lex)  # the heading, a short line, may have gone already
        if found is None:
            continue
        generic, name = found
        at = i + 1
        line = verdicts[at].unit.text if at < len(verdicts) else ""
        if generic and words(line) and len(words(line)) <= AUTHOR_BOX_NAME_MAX_WORDS and not ends_sentence(line):
            name = name or words(line)[0]
            at += 1  # the name line of "About the author / Jane Doe"
        if at >= len(verdicts) or not verdicts[at].keep:
            if generic and out[i].keep:  # the box's text has gone already: its heading alone is left
                out[i] = out[i].drop("author box")
            continue
        bio = verdicts[at].text
        if len(words(bio)) < AUTHOR_BIO_MIN_WORDS or not generic and not bio.startswith(name):
            continue
        name = name or words(bio)[0]
        box = list(range(i, at + 1))
        for j in range(at + 1, min(len(verdicts), at + 1 + AUTHOR_BOX_TAIL_LINES)):
            tail = verdicts[j].unit.text
            if len(words(tail)) > AUTHOR_BOX_TAIL_MAX_WORDS or name not in words(tail):
                break
            box.append(j)
        for j in box:
            if out[j].keep:
                out[j] = out[j].drop("author box")
    return out
