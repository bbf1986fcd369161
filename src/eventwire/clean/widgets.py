"""Line rules for two widgets known by the shape of their first words: caption labels and comment headers.

A scraper that keeps a page's hidden labels writes a photo's caption as
"Image caption, Firefighters at the depot" or "Media captionFootage shows ..."
(the label glued on): no sentence of reporting starts with such a label.  A
comment thread opens with a counter ("3 thoughts on “Title”", "12 responses
to ...") and names each commenter on a line of its own ("Jane says:", a name in capitals).  Both
rules join ``boilerplate.LINE_RULES``.
"""
from __future__ import annotations

import re

from eventwire.clean.features import capitalised, words
from eventwire.clean.lexicon import Lexicon, load_lexicon
from eventwire.phrases import alternation

# A caption runs to a few sentences at most (``boilerplate.CAPTION_MAX_CHARS``).
CAPTION_MAX_CHARS = 300
# "Jane says:", "Dr Ana de la Cruz says:": a name of at most this many words.
COMMENTER_MAX_WORDS = 5
CAPTION_LABEL = re.compile(
    rf"^\W*(?:{alternation(sorted(load_lexicon().groups['caption_labels']))})(?:[\s,:.-]|(?=(?-i:[A-Z])))",
    re.IGNORECASE,
)
COMMENT_COUNT = re.compile(r"^\W*\d[\d,.]*\s+(?:thoughts?|responses?|repl(?:y|ies)|comments?)\s+(?:on|to)\b", re.IGNORECASE)
COMMENTER = re.compile(r"^\W*(?P<name>[^:]{1,60}?)\s+says\s*:\s*$")


def caption_label(text: str, lex: Lexicon) -> str | None:
    """ "Image caption, ...", "Media caption...", "Image source, Agency": a caption or its credit."""
    if len(text) <= CAPTION_MAX_CHARS and CAPTION_LABEL.match(text):
        return "photo caption (labelled)"
    return None


def comment_header(text: str, lex: Lexicon) -> str | None:
    """ "3 thoughts on “...”" over a comment thread, and "Jane says:" over each comment."""
    if len(text) <= CAPTION_MAX_CHARS and COMMENT_COUNT.match(text):
        return "comment thread"
    m = COMMENTER.match(text)  # a name in capitals: "The minister says:" may open a quotation
    name = words(m.group("name")) if m else []
    if name and len(name) <= COMMENTER_MAX_WORDS and all(capitalised(w) for w in name):
        return "comment thread"
    return None
