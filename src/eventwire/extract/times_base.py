"""The time resolver's settings and calendar helpers: calibrated windows, the lexicon, month and
weekday arithmetic, and regex building from word lists.
"""
from __future__ import annotations

import calendar
import json
import re
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

from eventwire.phrases import alternation

# A day-month without year is put in the year that places it on or before
# publication, no further back than this.  Ten months: "June 5" in a report of
# 26 May is more likely an upcoming date than one a year ago, and is dropped.
DAY_MONTH_LOOKBACK = timedelta(days=304)

# Publication dates are local to the outlet; the event may be dated in a time
# zone a day or two ahead (and copy desks publish late): allow this much.
FUTURE_SLACK = timedelta(days=2)

# Results starting further back than this are history, not the reported event.
LOOKBACK_YEARS = 2

# (start, end, precision, reason) or None when the match is no usable date.
_Resolved = tuple[date, date, str, str] | None

@lru_cache(maxsize=1)
def load_lexicon() -> dict:
    """The vocabularies, read once from package data."""
    path = resources.files("eventwire").joinpath("data/lexicons/time_expressions.json")
    return json.loads(path.read_text(encoding="utf-8"))

# ------------------------------------------------------------ date arithmetic
def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])

def _shift_month(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1

def _third(year: int, month: int, which: str) -> tuple[date, date]:
    """Early = 1-10, mid = 11-20, late = 21 to the month's end."""
    if which == "early":
        return date(year, month, 1), date(year, month, 10)
    if which == "mid":
        return date(year, month, 11), date(year, month, 20)
    return date(year, month, 21), _month_end(year, month)

def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)

# "earlier this month" ends this many days before publication (nearer days get named)
EARLIER_THIS_MONTH_GAP_DAYS = 2

def _recent_weekday(pub: date, weekday: int, strict: bool) -> date:
    """The latest such weekday on or before publication (strictly before if ``strict``)."""
    back = (pub.weekday() - weekday) % 7
    if strict and back == 0:
        back = 7
    return pub - timedelta(days=back)

def _until_pub(start: date, end: date, pub: date | None) -> tuple[date, date, str]:
    """A period still running at publication ends on the publication day."""
    if pub is not None and start <= pub < end:
        return start, pub, " (up to publication)"
    return start, end, ""

def _to_int(token: str, numbers: dict[str, int]) -> int | None:
    token = token.lower()
    if token.isdecimal():
        return int(token)
    return numbers.get(token)

def _span_precision(start: date, end: date) -> str:
    """Precision of an explicit range: a day, a few days, or longer."""
    days = (end - start).days
    if days == 0:
        return "day"
    if days <= 10:
        return "week"
    if days <= 62:
        return "month"
    return "year"

# ------------------------------------------------------------- regex builders
def _alternation(phrases: list[str]) -> str:
    """A time phrase as written may wrap or double its spaces ("the day  before")."""
    return alternation(phrases, any_space=True)

def _cased(names: list[str]) -> str:
    """Capitalised or UPPER CASE only: lower-case 'may'/'march' are verbs."""
    forms = set()
    for name in names:
        forms.add(name.capitalize())
        forms.add(name.upper())
    return "|".join(sorted(forms, key=len, reverse=True))
