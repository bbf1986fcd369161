"""A live blog's entries are dated by their own stamps, not by the page.

A live page ("latest updates", "as it happened") is a column of short entries,
each under a stamp line of its own: "22 Apr 2022 - 18:44 GMT", "April 22, 2022
10:42 a.m. EDT", "Updated 10:42 GMT".  The page carries one date (when it was
opened, or last touched), while its entries run over a day or more; an entry
written on Friday that says "on Thursday" means the day before *its* stamp,
and a deed it tells without a date of its own happened by its stamp, not by
the page's date.

``entry_dates`` finds the stamp lines: a line that holds a time of day and
nothing else but a date, a time zone and a label ("Updated", "Posted").  A
page with at least ``MIN_STAMPS`` of them is read as dated entries; each
stamp's date (its own date, else the last dated stamp above it, else the
page's date) then dates the text below it down to the next stamp.  A stamp
with a time but no date ("10:42 GMT") keeps the date of the stamp above it.
Relative stamps ("23 hours ago") say how old an entry was when the page was
saved, a time this stage does not know: they date nothing.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from eventwire.clean.dates import DATE_STRING, parse_date_string, TIME_STRING
from eventwire.data import lexicon_list
from eventwire.phrases import alternation

# a page with fewer stamp lines is not a column of dated entries (a report's "Updated 10:42 GMT" line)
MIN_STAMPS = 3
# a stamp line is short: a date, a time, a zone and a label ("Last updated: 22 April 2022, 18:44 GMT")
MAX_STAMP_CHARS = 60
# besides the date and the time, a stamp line holds only these words
_LABEL = re.compile(rf"(?i)\b(?:{alternation(lexicon_list('time_expressions', 'stamp_label_words'))})\b")
_LINE = re.compile(r"(?m)^[ \t]*(\S[^\n]*?)[ \t]*$")


@dataclass(frozen=True)
class Stamp:
    offset: int  # where the stamp line starts in the text
    day: date
    text: str


def _stamp_day(line: str, above: date | None) -> tuple[bool, date | None]:
    """(is this line a stamp, its date): a time of day plus at most a date, a zone and a label."""
    if len(line) > MAX_STAMP_CHARS or not TIME_STRING.search(line):
        return False, None
    d = DATE_STRING.search(line)
    rest = TIME_STRING.sub(" ", DATE_STRING.sub(" ", line) if d else line)
    if re.search(r"[A-Za-z]{2,}", _LABEL.sub(" ", rest)) or re.search(r"\d", rest):
        return False, None
    return True, (parse_date_string(d.group(0)) if d else None) or above


def is_stamp(line: str) -> bool:
    """Is this line a stamp, dated or not ("22 Apr 2022 - 18:44 GMT", "08:15 GMT")?"""
    return _stamp_day(line.strip(), None)[0]


def is_dated_stamp(line: str) -> bool:
    """Is this line a stamp carrying its own date ("22 Apr 2022 - 18:44 GMT")?  Clean keeps such lines
    on a live page (see ``clean.cleaner``): they are furniture on one page, an entry's date on a live one."""
    ok, day = _stamp_day(line.strip(), None)
    return ok and day is not None


def entry_dates(text: str, page: date | None) -> list[Stamp]:
    """The stamps of a live page's entries, in text order; [] when the page is not one.

    A stamp without a date of its own takes the last dated stamp above it, else ``page``;
    a stamp with neither dates nothing."""
    out: list[Stamp] = []
    above = page
    for m in _LINE.finditer(text):
        line = m.group(1)
        ok, day = _stamp_day(line, above)
        if not ok:
            continue
        if day is not None:
            out.append(Stamp(m.start(1), day, line))
            above = day
    return out if len(out) >= MIN_STAMPS else []


def date_at(stamps: list[Stamp], offset: int) -> Stamp | None:
    """The stamp whose entry holds ``offset``: the last one at or above it (None above the first)."""
    i = bisect_right([s.offset for s in stamps], offset)
    return stamps[i - 1] if i else None
