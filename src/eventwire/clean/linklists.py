"""Related-link lists: runs of headline-shaped lines, and the lines under a list's heading.

Runs over the verdicts of the line rules and the line model (``clean.cleaner``).
A list of other articles' headlines ("Most read", "Related Coverage", a
sidebar) is a run of short capitalised lines with no sentence among them;
under a heading that names such a list, even one headline is the list.
"""
from __future__ import annotations

from eventwire.clean.boilerplate import LEAD_IN_REASON, Verdict, is_link_shaped
from eventwire.clean.features import is_title_case, normalise, strip_bullet, words
from eventwire.clean.lexicon import Lexicon, load_lexicon

# Related-link lists: at least this many headline-shaped lines in a row with
# no prose between.  Two in a row is common in real articles (a heading over
# a standfirst); three with no sentence among them was always a link list in
# the pages we read.
LINK_RUN_MIN = 3
# A list heading is a line the lead-in rule dropped whole ("Related Coverage",
# "Tags:") of at most this many words, or one of the lexicon's ``list_headings``
# ("Recommended for you", "You may also be interested in") on a line of its own,
# whatever its length (the whole line is the phrase).  Set by hand: lead-in
# headings run 1-3 words.
LIST_HEADING_MAX_WORDS = 4
REASON = "related-link list"
LIST_HEADINGS = frozenset(normalise(h) for h in load_lexicon().groups["list_headings"])  # compared normalised


def is_list_item(text: str) -> bool:
    """A headline-shaped line (``boilerplate.is_link_shaped``), or a headline asking a question.

    Other stories' headlines end in a question mark as often as not ("Is Now the Right
    Time to Buy?"); written in title case they are no sentence of the article, whose
    questions are in sentence case.  Only the runs here count them: the line model reads
    the plainer shape, and an article's own headline may be such a question.
    """
    if is_link_shaped(text):
        return True
    body = strip_bullet(text).rstrip()
    return body.endswith("?") and is_link_shaped(body[:-1]) and is_title_case(body)


def is_list_heading(v: Verdict, lex: Lexicon) -> bool:
    """A line that names a list of links: "Related Coverage", "Tags:", "Most read"."""
    if normalise(strip_bullet(v.unit.text)) in LIST_HEADINGS:
        return True
    return v.reason == LEAD_IN_REASON and len(words(v.unit.text)) <= LIST_HEADING_MAX_WORDS


def drop_link_runs(verdicts: list[Verdict], lex: Lexicon, protected: frozenset[int] = frozenset()) -> list[Verdict]:
    """Drop runs of ``LINK_RUN_MIN`` or more headline-shaped kept lines, and any run under a list heading.

    Dropped units are transparent (a list with "Advertisement" between its
    items is still one list); a protected unit (the headline) and any prose
    line end a run.  A heading does not break a run; a kept heading goes
    with the items under it.
    """
    out = list(verdicts)
    run: list[int] = []
    headed: int | None = None  # where in ``run`` the items under a list heading start

    def flush() -> None:
        nonlocal headed
        listed = run if len(run) >= LINK_RUN_MIN else run[headed:] if headed is not None else []
        if headed is not None and len(run) == headed + 1 and out[run[headed]].keep and is_list_heading(out[run[headed]], lex):
            listed = []  # a kept heading alone, with no item under it: perhaps the article's subheading
        for i in listed:
            out[i] = out[i].drop(REASON)
        run.clear()
        headed = None

    for i, v in enumerate(verdicts):
        heading = i not in protected and is_list_heading(v, lex)
        if heading and headed is None:
            headed = len(run)
        if not v.keep:
            continue
        if i not in protected and (heading or is_list_item(v.text)):
            run.append(i)
        else:
            flush()
    flush()
    return out
