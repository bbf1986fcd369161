"""Apply the line model to a page's verdicts: the block pass of the cleaner.

Runs after the single-line rules (their verdicts are features of the model:
a line between two dropped lines is probably furniture too) and before the
title is chosen, so that a menu above the headline no longer hides it.

The pass works both ways.  A unit the rules kept goes when the model scores
it boilerplate; a sentence of prose the rules dropped comes back when the
model is confident it is content.  The phrase rules fire on a word ("privacy",
"contact", "comments") and so also take a whole sentence of an article that
is about privacy or about a comment; the model reads the sentence's shape and
its company as well as the rule's verdict.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace

from eventwire.clean.boilerplate import (
    COMMENT_PROMPT_REASON, COPYRIGHT, CTA_REASON, SYNDICATION_REASON, Verdict, call_to_action, comment_prompt,
)
from eventwire.clean.features import ends_sentence, looks_like_reporting, strip_bullet, words
from eventwire.clean.lexicon import Lexicon
from eventwire.clean.linefeatures import PROSE_MIN_WORDS, READER_WORDS
from eventwire.clean.linemodel import LineModel

REASON = "boilerplate block (line model)"
RESTORED = "kept: prose the line model scores as content"
# A sentence of prose the rules dropped is restored when its boilerplate
# probability is below this.  Set on the tuning half of the boilerplate set:
# 0.45 is the highest value that restored keep strings there and let no drop
# string back (0.55 let one back).  On the checking half every value from 0.25
# to 0.45 restores the same three keep strings and no drop string.
RESTORE_BELOW = 0.45
# A sentence of at least this many words right after a kept paragraph of prose
# continues the article ("The investigation continues.") unless it speaks to
# the reader; the model may drop it only when it scores it at least
# ``CONTINUATION_CAP``.  Precision first: an article's last short sentence is
# reporting more often than a footer that reads like one.  The cap is the
# lowest value that keeps the closing sentences written in
# tests/clean/test_boilerplate.py (scored 0.48-0.59); on the tuning half every
# cap from 0.6 up scores the same, while a guard with no cap kept footer notes
# written as sentences (checking half: drop 0.826 with a cap of 0.65, 0.849 at 0.6).
FOLLOWER_MIN_WORDS = 3
CONTINUATION_CAP = 0.6
# A subheading is a short line (at most this many words, no closing stop)
# between two paragraphs of prose that both stay: the article runs on through
# it.  A teaser list looks alike only when its summaries stay too, and those
# the model drops first.  Set by hand (headings of news and how-to pages run
# 1-10 words), not tuned on the evaluation pages.
HEADING_MAX_WORDS = 10
HEADING_RUN_MAX = 2  # a section heading and its first subheading ("Care in pots", "1. Choose the pot")
# A list announced by a sentence of the article ("The steps are these:") is the
# article's: its items stay, up to ``LIST_MAX_ITEMS`` short lines (at most
# ``LIST_ITEM_MAX_WORDS`` words each, as ``boilerplate.LINK_LINE_MAX_WORDS``),
# ending at the first unit of prose or the first the rules dropped.  The
# announcing sentence must stay itself and have ``ANNOUNCE_MIN_WORDS`` words
# (a widget's "Share:" or "Follow us:" is no sentence).  An item the model
# scores at least ``LIST_ITEM_CAP`` still goes: a label-and-value line
# ("Author: ...", "Filed: ...") under the list's last item, which furniture
# scores near 1 and list items of articles well below.  Set by hand from the
# purpose of the rule (how-to and summary lists run 3-12 items), not tuned.
ANNOUNCE_MIN_WORDS = 6
LIST_MAX_ITEMS = 12
LIST_ITEM_MAX_WORDS = 20
LIST_ITEM_CAP = 0.9
ANNOUNCED = "kept: a list the article announces"
# A list the article sets between two of its paragraphs without announcing it (a fact box:
# "Key facts" over "• At least 9 people died ...", "• About 4,000 were evacuated"): at least
# ``BULLET_LIST_MIN_ITEMS`` consecutive bulleted lines of at most ``LIST_ITEM_MAX_WORDS`` words,
# the nearest kept unit above them (or above their one heading line) prose that stays, the
# nearest below a sentence that stays.  A related-link list set inside an article comes under a
# heading that names it ("Related", "Most read": ``linklists``), and then this rule leaves it
# alone.  Set by hand from how fact boxes are built, not tuned on the evaluation pages.
BULLET_LIST_MIN_ITEMS = 2
# A chronology the article gives ("Timeline" over "March 27: Shelling damages a road near the
# dam", "March 30: Strike breaches the wall"): at least ``BULLET_LIST_MIN_ITEMS`` consecutive lines
# that each open with a date (a day and a month, a month and a year, or a year) and a colon or dash,
# then at least ``CHRONO_TEXT_MIN_WORDS`` words; with at most one heading line, under a sentence of
# the article that stays.  Each entry reports a deed: a list of other stories' headlines puts its
# dates after them or on lines of their own.  Set by hand, not tuned on the evaluation pages.
CHRONO_TEXT_MIN_WORDS = 4
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
CHRONO_ITEM = re.compile(
    rf"^\W{{0,3}}(?:\d{{1,2}}\s+{_MONTH}(?:,?\s+\d{{4}})?|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|{_MONTH}\s+\d{{4}}|\d{{4}})\s*[:–—-]\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)
IN_ARTICLE_LIST = "kept: a list inside the article (facts or a chronology)"
# A listicle or a how-to is a run of numbered headings ("1. Gather the seeds",
# "2. Sam Ponder", ...) each followed by its own text: at least
# ``NUMBERED_MIN_ITEMS`` consecutive numbers, each heading at most
# ``LIST_ITEM_MAX_WORDS`` words, and between two headings at most
# ``SECTION_MAX_UNITS`` units, among them a paragraph (``SECTION_TEXT_MIN_WORDS``
# words, a sentence stop in it; it may close on a link or a handle).  A numbered
# "most read" list has no paragraphs between its items.  Everything the
# rules kept from the first heading to the last stays.  Set by hand (listicles
# run 3-20 items of one to a few paragraphs), not tuned on the evaluation pages.
NUMBERED_MIN_ITEMS = 3
SECTION_MAX_UNITS = 15
SECTION_TEXT_MIN_WORDS = PROSE_MIN_WORDS
SENTENCE_STOP = re.compile(r"[.!?…][\"”’)]?(?:\s|$)")
NUMBERED = re.compile(r"^\W{0,2}(\d{1,2})\s*[.)]\s*(?=[^\W\d])")


def is_prose(text: str) -> bool:
    """A paragraph of prose: ``PROSE_MIN_WORDS`` words or more and a closing stop."""
    return len(words(text)) >= PROSE_MIN_WORDS and ends_sentence(text)




def _plain_sentence(v: Verdict) -> bool:
    toks = [w.lower() for w in words(v.text)]
    return v.keep and len(toks) >= FOLLOWER_MIN_WORDS and ends_sentence(v.text) and not READER_WORDS.intersection(toks)


def guarded(verdicts: list[Verdict], probs: list[float] | None = None) -> list[bool]:
    """Units the model may not drop: attributed sentences, and plain sentences that continue prose.

    An attributed sentence ("..., the governor said.") is reporting whatever its
    neighbours look like.  A plain sentence continues the article when the kept
    unit before it (units the rules dropped, such as a photo credit, are
    skipped) is prose or itself such a sentence; it is guarded unless the model
    scores it at least ``CONTINUATION_CAP`` (with ``probs``).
    """
    out = [False] * len(verdicts)
    last_kept: int | None = None
    for i, v in enumerate(verdicts):
        if not v.keep:
            continue
        sentence = _plain_sentence(v) and (probs is None or probs[i] < CONTINUATION_CAP)
        continues = last_kept is not None and (is_prose(verdicts[last_kept].text) or out[last_kept])
        out[i] = (ends_sentence(v.text) and looks_like_reporting(v.text)) or (sentence and continues)
        last_kept = i
    return out


def subheadings(verdicts: list[Verdict], stays: list[bool]) -> list[bool]:
    """Runs of at most ``HEADING_RUN_MAX`` short kept lines between paragraphs of prose that stay.

    ``stays``: the units the model keeps (scored below its threshold, or guarded).
    """
    def kept_prose(j: int) -> bool:
        return 0 <= j < len(verdicts) and verdicts[j].keep and stays[j] and is_prose(verdicts[j].text)

    def heading(v: Verdict) -> bool:
        return v.keep and not ends_sentence(v.text) and 0 < len(words(v.text)) <= HEADING_MAX_WORDS

    out = [False] * len(verdicts)
    for i, j in _runs(verdicts, heading):
        if j - i <= HEADING_RUN_MAX and kept_prose(i - 1) and kept_prose(j):
            out[i:j] = [True] * (j - i)
    return out


def _runs(verdicts: list[Verdict], holds: Callable[[Verdict], bool]) -> Iterator[tuple[int, int]]:
    """(start, end) of each longest run of units ``holds`` is true of."""
    i = 0
    while i < len(verdicts):
        j = i
        while j < len(verdicts) and holds(verdicts[j]):
            j += 1
        if j > i:
            yield i, j
        i = max(j, i + 1)


def _top_with_heading(verdicts: list[Verdict], i: int) -> int:
    """Where a list starting at ``i`` starts with its own heading ("Key facts", "Timeline") above it."""
    head = _kept_near(verdicts, i - 1, -1)
    if head is not None and not ends_sentence(verdicts[head].text) and len(words(verdicts[head].text)) <= HEADING_MAX_WORDS:
        return head
    return i


def announces_list(v: Verdict) -> bool:
    """A kept sentence ending in a colon: "Here is what they found:"."""
    return v.keep and v.text.rstrip().endswith(":") and len(words(v.text)) >= ANNOUNCE_MIN_WORDS


def announced_lists(verdicts: list[Verdict], stays: list[bool], probs: list[float]) -> list[bool]:
    """The items of lists a staying sentence of the article announces (see ``LIST_MAX_ITEMS``)."""
    out = [False] * len(verdicts)
    for i, v in enumerate(verdicts):
        if not (stays[i] and announces_list(v)):
            continue
        for j in range(i + 1, min(len(verdicts), i + 1 + LIST_MAX_ITEMS)):
            item = verdicts[j]
            n = len(words(item.text))
            if not item.keep or is_prose(item.text) or not 0 < n <= LIST_ITEM_MAX_WORDS or probs[j] >= LIST_ITEM_CAP:
                break
            out[j] = True
    return out


def _bulleted(v: Verdict) -> bool:
    return v.keep and strip_bullet(v.text) != v.text and 0 < len(words(v.text)) <= LIST_ITEM_MAX_WORDS


def _kept_near(verdicts: list[Verdict], start: int, step: int) -> int | None:
    """The nearest unit from ``start`` on (``step`` 1 or -1) the rules kept."""
    i = start
    while 0 <= i < len(verdicts) and not verdicts[i].keep:
        i += step
    return i if 0 <= i < len(verdicts) else None


def bulleted_lists(verdicts: list[Verdict], stays: list[bool], lex: Lexicon) -> list[bool]:
    """The items (and one heading) of bulleted lists set between the article's paragraphs (``IN_ARTICLE_LIST``)."""
    from eventwire.clean.linklists import is_list_heading  # linklists runs after this pass; no cycle at import

    out = [False] * len(verdicts)
    for i, j in _runs(verdicts, _bulleted):
        if j - i < BULLET_LIST_MIN_ITEMS:
            continue
        top = _top_with_heading(verdicts, i)
        above, below = _kept_near(verdicts, top - 1, -1), _kept_near(verdicts, j, 1)
        headed = any(is_list_heading(v, lex) for v in verdicts[max(0, top - 1):i])
        if not headed and above is not None and below is not None and stays[above] and stays[below] \
                and is_prose(verdicts[above].text) and _plain_sentence(verdicts[below]):
            out[top:j] = [v.keep for v in verdicts[top:j]]
    return out


def _chrono_item(v: Verdict) -> bool:
    m = CHRONO_ITEM.match(v.text) if v.keep else None
    return bool(m) and len(words(m.group("rest"))) >= CHRONO_TEXT_MIN_WORDS


def chronologies(verdicts: list[Verdict], stays: list[bool], lex: Lexicon) -> list[bool]:
    """The entries (and one heading) of a chronology under a sentence of the article (``CHRONO_ITEM``).

    Dated teasers under a heading that names a list of links ("Related:") are none.
    """
    from eventwire.clean.linklists import is_list_heading

    out = [False] * len(verdicts)
    for i, j in _runs(verdicts, _chrono_item):
        if j - i < BULLET_LIST_MIN_ITEMS:
            continue
        top = _top_with_heading(verdicts, i)
        above = _kept_near(verdicts, top - 1, -1)
        headed = any(is_list_heading(v, lex) for v in verdicts[max(0, top - 1):i])
        if not headed and above is not None and stays[above] and ends_sentence(verdicts[above].text):
            out[top:j] = [v.keep for v in verdicts[top:j]]
    return out


def _numbered(v: Verdict) -> int | None:
    m = NUMBERED.match(v.text) if v.keep else None
    return int(m.group(1)) if m and len(words(v.text)) <= LIST_ITEM_MAX_WORDS + 1 else None


def numbered_sections(verdicts: list[Verdict]) -> list[bool]:
    """The units the rules kept from the first to the last numbered heading of a listicle (``NUMBERED_MIN_ITEMS``)."""
    def has_sentence(lo: int, hi: int) -> bool:
        return any(v.keep and len(words(v.text)) >= SECTION_TEXT_MIN_WORDS and SENTENCE_STOP.search(v.text)
                   for v in verdicts[lo:hi])

    runs: list[list[int]] = []
    for i, v in enumerate(verdicts):
        n = _numbered(v)
        if n is None:
            continue
        last = runs[-1][-1] if runs else None
        if last is not None and n == _numbered(verdicts[last]) + 1 and i - last <= SECTION_MAX_UNITS \
                and has_sentence(last + 1, i):
            runs[-1].append(i)
        else:
            runs.append([i])
    out = [False] * len(verdicts)
    for run in runs:
        if len(run) >= NUMBERED_MIN_ITEMS:
            out[run[0]:run[-1] + 1] = [v.keep for v in verdicts[run[0]:run[-1] + 1]]
    return out


def last_prose(verdicts: list[Verdict], stays: list[bool]) -> list[bool]:
    """The prose the rules kept, when the model would leave the page none: it may not drop it.

    The model reads a unit with its neighbours and its place among the page's
    prose; on a page of one or two paragraphs (a video's blurb, a brief) with a
    credit or a button beside them, those neighbours are all furniture and the
    article itself scores as furniture.  A page the rules leave prose on keeps
    some: the model judges among paragraphs, it does not empty a page.
    """
    prose = [v.keep and is_prose(v.text) for v in verdicts]
    if any(p and s for p, s in zip(prose, stays)):
        return [False] * len(verdicts)
    return prose


# Rules whose phrases ask something of the reader (subscribe, donate, comment):
# a sentence they take speaks to the reader, as furniture does, whatever its
# company (a newsletter appeal between two paragraphs scores as content), and
# the rules already spare sentences that attribute or quote.  What they take is
# not restored; the topic rules (privacy, cookies, contact) fire on words an
# article may be about, and what they take may come back.
APPEAL_REASONS = frozenset({CTA_REASON, COMMENT_PROMPT_REASON})
# A note on where a copy came from ("This article was originally published on X.") reads as a
# sentence after the article, and is never the article's: not restored either.
NOT_RESTORED = APPEAL_REASONS | {SYNDICATION_REASON}
# A copyright notice is the site's, never the article's topic, however prose-like
# ("Copyright 2024 Example Media. All rights reserved. This material may not be ...").
LEGAL_NOTICE = re.compile(rf"{COPYRIGHT.pattern}|\ball rights reserved\b|\bcopyright\s+(?:©\s*)?\d{{4}}", re.IGNORECASE)


def restorable(v: Verdict, lex: Lexicon) -> bool:
    """A whole unit the rules dropped that reads as a sentence of prose: no appeal (``APPEAL_REASONS``), no notice.

    An appeal is one whichever rule took the unit first: "We want to hear what you think.
    Write to letters@example.com" goes as a contact line, and is an appeal still.
    """
    if v.keep or v.text or v.reason in NOT_RESTORED or not is_prose(v.unit.text):
        return False
    text = v.unit.text
    return not (LEGAL_NOTICE.search(text) or call_to_action(text, lex) or comment_prompt(text, lex))


def drop_by_model(verdicts: list[Verdict], model: LineModel, lex: Lexicon) -> list[Verdict]:
    """Drop each kept unit the model scores at or above its threshold; restore prose it is sure of."""
    if not verdicts:
        return verdicts
    texts = [v.unit.text for v in verdicts]
    probs = model.page_probabilities(texts, [not v.keep for v in verdicts], lex)
    safe_units = guarded(verdicts, probs)
    stays = [safe or p < model.threshold for safe, p in zip(safe_units, probs)]
    extra = zip(subheadings(verdicts, stays), last_prose(verdicts, stays), numbered_sections(verdicts))
    safe_units = [safe or any(more) for safe, more in zip(safe_units, extra)]
    listed = announced_lists(verdicts, stays, probs)
    boxed = [b or c for b, c in zip(bulleted_lists(verdicts, stays, lex), chronologies(verdicts, stays, lex))]
    out = []
    for v, p, safe, item, box in zip(verdicts, probs, safe_units, listed, boxed):
        if item or box:
            v = replace(v, reason=ANNOUNCED if item else IN_ARTICLE_LIST)
        elif v.keep and p >= model.threshold and not safe:
            v = v.drop(REASON)
        elif p < RESTORE_BELOW and restorable(v, lex):
            v = replace(v, keep=True, text=v.unit.text, reason=RESTORED, removed=())
        out.append(v)
    return out
