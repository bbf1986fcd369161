"""Datelines: the one home of the patterns that recognise them.

A dateline ("KYIV, 14 March 2024 —", "SAN SALVADOR, 10 JAN 90 (EFE) --")
says where and when a report was filed, not where or when its events
happened.  Several stages must see one: clean reads the filing date from it
and drops a dateline standing alone, the title cleaner cuts a dateline
prefix, extract keeps its place out of the events and blanks it before
parsing.  Each needs a slightly different shape, so each shape is named here
for its job, built from the same parts:

* ``CAPS_WORDS``: the place in capitals a dateline opens with;
* ``DASH`` / ``DASH_OR_HYPHEN``: the separator after it (em dash, en dash,
  double hyphen; titles and bare lines also use a single hyphen);
* ``BRACKETED``: an agency or country in brackets ("(AFP)", "(NICARAGUA)").
"""
from __future__ import annotations

import re

# the place in capitals: a capital letter then up to 40 capitals, spaces, dots, apostrophes, hyphens
CAPS_WORDS = r"[A-Z][A-Z'’.\- ]{1,40}"
DASH = r"(?:—|–|--)"
DASH_OR_HYPHEN = r"(?:—|–|--|-)"
BRACKETED = r"(?:\s*\([^()\n]{2,40}\))?"

# extract: a paragraph that opens with a dateline, up to its dash ("KYIV, 14 March 2024 —"); agency copy also
# writes a single hyphen between spaces ("ALEPPO, Syria (AP) - Airstrikes ...")
OPENING = re.compile(r"^\s*" + CAPS_WORDS + BRACKETED + r"(?:,[^—–]{0,40})?\s*(?:" + DASH + r"|(?<=\s)-(?=\s))")

# extract.places: the capitalised place a dateline opens with, anywhere a paragraph or sentence starts;
# group 1 is the place ("KYIV, Ukraine", "KYIV (Reuters)", "KYIV —")
PLACE_ANYWHERE = re.compile(r"(?:(?<=^)|(?<=[\n.\u201d\"]\s)|(?<=\n))\s*([A-Z][A-Z.'\- ]*[A-Z])"
                            r"(?=\s*(?:,|\(|\u2014|\u2013|--| - ))")

# extract.places, all-caps wire copy: what follows a dateline's place ("SAN SALVADOR, 10 JAN 90",
# "LIMA (EFE)", "BOGOTA --")
WIRE_TAIL = re.compile(r"[ \t]*(?:(?:,[^,\n]{1,30})?,[ \t]*\d{1,2}[ \t]+[A-Z]{3}|\([A-Z]|--)")

# clean.dates: a wire dateline opening a paragraph with its date in group "date": "KYIV, 14 March 2024 —";
# agencies put the country after the city and their own name after the date in brackets:
# "MANAGUA (NICARAGUA), 2 NOV 89 (AFP) --", "KYIV, 14 March 2024 (Reuters) -"
WITH_DATE = re.compile(r"^\s*" + CAPS_WORDS + BRACKETED + r"(?:,\s*[A-Z][\w.\- ]{1,30})?,\s*"
                       r"(?P<date>[^—–()]{6,30}?)" + BRACKETED + r"\s*[—–-]{1,2}\s")

# clean.boilerplate: a line that is nothing but a dateline ("KYIV —")
BARE = re.compile(r"^[A-Z][^.!?\n]{0,50}?\s*" + DASH_OR_HYPHEN + r"\s*$")

# clean.title: the longest a dateline prefix before a headline may be ("KYIV, Ukraine — ...")
TITLE_PREFIX_MAX_CHARS = 100
# clean.title: a headline's dateline prefix in group "prefix"
TITLE_PREFIX = re.compile(rf"^(?P<prefix>[^\n.!?\"“]{{2,{TITLE_PREFIX_MAX_CHARS}}}?)\s*" + DASH_OR_HYPHEN + r"\s+(?=\S)")


def blank_opening(paragraph: str) -> str:
    """The paragraph with its opening dateline turned to spaces (same length, so offsets hold)."""
    m = OPENING.match(paragraph)
    return " " * m.end() + paragraph[m.end():] if m else paragraph
