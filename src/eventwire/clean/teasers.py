"""Teaser lists: another article's summary over a "Read more" button, repeated.

Blog sidebars, "keep reading" boxes and section fronts show other articles as
a title, a sentence or two of their opening, and a button ("Read more",
"Continue reading") on a line of its own.  The summary is written as prose
(often quoting), so neither the line rules nor the line model's guard for
attributed sentences lets it go; the button is what gives it away.  One
button under a paragraph can close an article itself (the rest of a story
behind a link), so only a page with at least ``MIN_BUTTONS`` buttons is read
as a list of teasers, and only a unit that is a title or sits under one
(title and summary, the teaser's shape) goes.
"""
from __future__ import annotations

from eventwire.clean.boilerplate import Verdict, is_link_shaped
from eventwire.clean.features import normalise, strip_bullet
from eventwire.clean.lexicon import Lexicon

# Set by hand: a teaser list shows two or more articles; an article page
# showing one truncated story has one button.
MIN_BUTTONS = 2
REASON = "teaser of another article (above a read-more button)"


def is_button(v: Verdict, lex: Lexicon) -> bool:
    return lex.has("teaser_buttons", normalise(strip_bullet(v.unit.text)))


def drop_teasers(verdicts: list[Verdict], lex: Lexicon) -> list[Verdict]:
    """Drop the kept teaser right above each read-more button: a title, or a summary under its title."""
    buttons = [i for i, v in enumerate(verdicts) if is_button(v, lex)]
    if len(buttons) < MIN_BUTTONS:
        return verdicts
    out = list(verdicts)
    for b in buttons:
        above = b - 1
        if above < 0 or not out[above].keep or is_button(out[above], lex):
            continue
        titled = is_link_shaped(out[above].unit.text) or (above >= 1 and is_link_shaped(out[above - 1].unit.text))
        if not titled:
            continue  # a paragraph under another paragraph: perhaps the article's own, cut short
        out[above] = out[above].drop(REASON)
        if above >= 1 and out[above - 1].keep and is_link_shaped(out[above - 1].text):
            out[above - 1] = out[above - 1].drop(REASON)
    return out
