"""Line rules for widgets known by their shape: caption labels, comment headers, counters, bylines with a role,
carousel and list positions.

A scraper that keeps a page's hidden labels writes a photo's caption as
"Image caption, Firefighters at the depot" or "Media captionFootage shows ..."
(the label glued on): no sentence of reporting starts with such a label.  A
comment thread opens with a counter ("3 thoughts on “Title”", "12 responses
to ...") and names each commenter on a line of its own ("Jane says:", a
name in capitals).  Both rules join ``boilerplate.LINE_RULES``; ``drop_comment_bodies`` then takes
each comment's text, from its header to its "Reply" button.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.clean.features import capitalised, normalise, words
from eventwire.clean.lexicon import Lexicon, load_lexicon
from eventwire.phrases import alternation

if TYPE_CHECKING:  # boilerplate imports this module's rules
    from eventwire.clean.boilerplate import Verdict

# A caption runs to a few sentences at most (``boilerplate.CAPTION_MAX_CHARS``).
CAPTION_MAX_CHARS = 300
# A position label is a few words: "Slide 12 of 120" is 15 characters.
UI_LABEL_MAX_CHARS = 40
# "Jane says:", "Dr Ana de la Cruz says:": a name of at most this many words.
COMMENTER_MAX_WORDS = 5
CAPTION_LABEL = re.compile(
    rf"^\W*(?:{alternation(sorted(load_lexicon().groups['caption_labels']))})(?:[\s,:.-]|(?=(?-i:[A-Z])))",
    re.IGNORECASE,
)
# A counter on a line of its own: "1.2K shares", "45 comments", "12 votes".
COUNTER_LINE = re.compile(r"^\W*\d[\d.,]*\s?[km]?\s+(?:shares?|comments?|likes?|views?|votes?|reactions?|replies)\W*$", re.I)
# A price option of a donation or subscription box: "$10/month", "£5 a week", "€60 per year".
PRICE_OPTION = re.compile(r"^\W*[$€£¥]\s?\d[\d.,]*\s*(?:/|a|per|every)\s*(?:month|mo|year|yr|week|wk|day)\W*$", re.I)
# "Jane Doe, Kyiv correspondent", "Jane Doe | Staff writer": a name and a role, at most
# ROLE_LINE_MAX_WORDS words and no sentence.
ROLE_LINE_MAX_WORDS = 8
ROLE_LINE = re.compile(
    rf"^\W*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){{1,3}}\s*[,|–—-]\s*(?:[\w'’-]+\s+){{0,3}}"
    rf"(?:{alternation(sorted(load_lexicon().groups['byline_roles']))})s?\W*$",
    re.IGNORECASE,
)
# A carousel's or a list widget's position, written out for screen readers: "list 1 of 3",
# "Item 2 of 4", "Slide 3 / 10", "list of 4 items".  Alone on a line it is no text of the
# article; opening a line it makes the line a gallery's caption ("[1/2] A crew repairs ...").
POSITION = r"(?:(?:list|item|slide|image|photo|picture|gallery)\s+)?\d{1,3}\s*(?:of|/)\s*\d{1,3}"
POSITION_LINE = re.compile(rf"^\W*(?:{POSITION}|list\s+of\s+\d{{1,3}}\s+items?)\W*$", re.IGNORECASE)
# The line after a position (not the count "list of 3 items") is the widget's item: see ``drop_positioned_items``.
POSITION_COUNT = re.compile(r"^\W*list\s+of\s+\d{1,3}\s+items?\W*$", re.IGNORECASE)  # a count, no position
GALLERY_CAPTION = re.compile(
    r"^\s*(?:\[\s*\d{1,3}\s*/\s*\d{1,3}\s*\]|(?:item|slide|image|photo|picture)\s+\d{1,3}\s+of\s+\d{1,3}\b)",
    re.IGNORECASE,
)
COMMENT_COUNT = re.compile(r"^\W*\d[\d,.]*\s+(?:thoughts?|responses?|repl(?:y|ies)|comments?)\s+(?:on|to)\b", re.IGNORECASE)
COMMENTER = re.compile(r"^\W*(?P<name>[^:]{1,60}?)\s+says\s*:\s*$")


def caption_label(text: str, lex: Lexicon) -> str | None:
    """ "Image caption, ...", "Media caption...", "Image source, Agency": a caption or its credit."""
    if len(text) <= CAPTION_MAX_CHARS and (CAPTION_LABEL.match(text) or GALLERY_CAPTION.match(text)):
        return "photo caption (labelled)"
    return None


def position_label(text: str, lex: Lexicon) -> str | None:
    """ "list 1 of 3", "Slide 2 / 8", "list of 4 items": where a carousel or a list widget is, said to screen readers."""
    if len(text) <= UI_LABEL_MAX_CHARS and POSITION_LINE.match(text):
        return "widget position label"
    return None


def counter_or_price(text: str, lex: Lexicon) -> str | None:
    """ "45 comments", "1.2K shares", "$10/month": a counter or a price option on a line of its own."""
    if COUNTER_LINE.match(text) or PRICE_OPTION.match(text):
        return "counter or price option"
    return None


def name_and_role(text: str, lex: Lexicon) -> str | None:
    """ "Jane Doe, Kyiv correspondent": a byline that names the writer's job instead of saying "By"."""
    if len(words(text)) <= ROLE_LINE_MAX_WORDS and ROLE_LINE.match(text) and text[:1].isupper():
        return BYLINE_REASON
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


BYLINE_REASON = "byline"
POSITION_REASON = "item of a list or carousel widget"
_LIST_HEADINGS = frozenset(normalise(h) for h in load_lexicon().groups["list_headings"])


def drop_positioned_items(verdicts: list[Verdict], protected: frozenset[int] = frozenset()) -> list[Verdict]:
    """The unit right after a position label ("list 2 of 3", "1 / 4") is that widget's item: a link or a caption.

    Only a unit of caption length (``CAPTION_MAX_CHARS``) goes, and never a
    protected one (the headline).  A list heading of the lexicon right above a
    position or a count ("Keep reading" over "list of 3 items") is the widget's
    heading and goes too.
    """
    out = list(verdicts)
    for i, v in enumerate(verdicts[:-1]):
        above = verdicts[i - 1] if i else None
        if above is not None and above.keep and not v.keep and POSITION_LINE.match(v.unit.text) \
                and i - 1 not in protected and normalise(above.text) in _LIST_HEADINGS:
            out[i - 1] = above.drop(POSITION_REASON)
        nxt = verdicts[i + 1]
        if v.keep or not POSITION_LINE.match(v.unit.text) or POSITION_COUNT.match(v.unit.text):
            continue
        if nxt.keep and i + 1 not in protected and len(nxt.text) <= CAPTION_MAX_CHARS:
            out[i + 1] = nxt.drop(POSITION_REASON)
    return out


# A comment's text runs to a few paragraphs between its header and its "Reply" button.
COMMENT_MAX_UNITS = 6
REPLY_BUTTONS = frozenset({"reply", "reply to this comment", "reply ↓"})
COMMENT_REASON = "comment thread"
# Under a posting stamp, a comment is shorter: at most this many units before its button.  An
# article's own stamp may stand a few paragraphs above a thread's first "Reply": a brief of one
# or two paragraphs under a stamp, with a comment under it, would go (set by hand, not tuned).
STAMPED_COMMENT_MAX_UNITS = 3


def _comment_header(v: Verdict) -> bool:
    """A dropped commenter's header ("Jane says:") or the posting stamp under a commenter's name.

    A stamp ("18 April 2026, 11:02") heads a comment only when a "Reply" button
    closes the text under it (``drop_comment_bodies`` looks for one): an article's
    stamp is followed by the article and no button.
    """
    from eventwire.dating.entries import is_stamp  # dating reads clean's lexicon: imported when used

    return not v.keep and (bool(COMMENTER.match(v.unit.text)) or is_stamp(v.unit.text))


def drop_comment_bodies(verdicts: list[Verdict]) -> list[Verdict]:
    """Drop what stands between a comment's header and the "Reply" button closing it.

    The header ("Jane says:", or a posting stamp under the commenter's name)
    goes by rule but a comment's text is sentences; the button after it shows
    where it ends.  Without a button within ``COMMENT_MAX_UNITS`` units nothing
    more goes.  A stamp heading a comment is marked ``COMMENT_REASON``: it
    dates a comment, not an entry of a live page (``cleaner.keep_entry_stamps``).
    """
    out = list(verdicts)
    for i, v in enumerate(verdicts):
        if not _comment_header(v):
            continue
        span = range(i + 1, min(len(verdicts), i + 1 + COMMENT_MAX_UNITS + 1))
        end = next((j for j in span if normalise(verdicts[j].unit.text) in REPLY_BUTTONS), None)
        if end is None or any(_comment_header(verdicts[j]) for j in range(i + 1, end)):
            continue  # no button, or another header nearer to it: that one heads the comment
        stamped = not COMMENTER.match(v.unit.text)
        if stamped and (end - i - 1 > STAMPED_COMMENT_MAX_UNITS or i and verdicts[i - 1].reason == BYLINE_REASON):
            continue  # a stamp over a longer text, or under a byline: an article's
        out[i] = replace(out[i], reason=COMMENT_REASON)
        for j in range(i + 1, end + 1):
            if out[j].keep:
                out[j] = out[j].drop(COMMENT_REASON)
    return out
