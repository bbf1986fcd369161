"""The dates a text names, found cheaply before any parsing.

The dating stage needs to know what days a story's texts talk about before
extraction runs (so that a stale page date is caught once, and no document is
extracted twice).  A regular-expression pass is enough for that: it finds

* full dates ("14 March 2024", "March 14, 2024", "2024-03-14"), read with
  ``clean.dates`` (the same patterns and parser as the page-date cascade);
* dates pinned by their weekday ("Saturday, December 30"), whose year is the
  one near the reference date on which that day falls on that weekday;
* month and day alone ("on May 24", "24 May"), dated to the latest such day
  no later than the reference date: a guess that can only make a date later
  than the truth, never earlier, so a check for "page far later than its
  texts" built on it errs towards trusting the page;
* relative day expressions ("yesterday", "on Tuesday", "last night"), which
  name no day of their own: they only say that the text was written within
  days of what it tells, against a date we do not know independently.

Words come from ``data/lexicons/time_expressions.json`` (weekdays, months,
day offsets, nights) so that this pass and extraction read one vocabulary.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from eventwire.clean.dates import DATE_STRING, FUTURE_TOLERANCE_DAYS, parse_date_string
from eventwire.data import load_json
from eventwire.phrases import alternation

# How far from the reference year a weekday-pinned date may be placed.  A
# weekday and a day of the month repeat every 5, 6 or 11 years, so two years
# either side has at most one match: a scrape date a year or two late still
# finds the right year.
WEEKDAY_YEAR_SPAN = 2

FULL = "full"  # names its year
WEEKDAY = "weekday"  # weekday, month and day: the year follows
MONTH_DAY = "month_day"  # month and day, year guessed
RELATIVE = "relative"  # yesterday, on Tuesday: no day of its own


@dataclass(frozen=True)
class NamedDate:
    day: date | None  # None for a relative expression
    kind: str  # full | weekday | month_day | relative
    text: str  # the words as written
    start: int  # offset in the text


@dataclass(frozen=True)
class _Vocabulary:
    weekdays: dict[str, int]
    months: dict[str, int]
    weekday_month_day: re.Pattern[str]
    month_day: re.Pattern[str]
    relative: re.Pattern[str]


@lru_cache(maxsize=1)
def vocabulary() -> _Vocabulary:
    lex = load_json("lexicons", "time_expressions.json")
    weekdays = dict(lex["weekdays"])
    months = dict(lex["months"]) | dict(lex["month_abbreviations"])
    # capitalised only: lower-case "may" and "march" are verbs (see the lexicon's known problems)
    wd = "(?:" + "|".join(w.capitalize() for w in weekdays) + ")"
    mo = "(?:" + "|".join(m.capitalize() for m in sorted(months, key=len, reverse=True)) + r")\.?"
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    weekday_month_day = re.compile(rf"\b(?P<wd>{wd}),?\s+(?:(?P<m1>{mo})\s+(?P<d1>{day})|(?P<d2>{day})\s+(?P<m2>{mo}))\b")
    month_day = re.compile(rf"\b(?:(?P<m1>{mo})\s+(?P<d1>{day})|(?P<d2>{day})(?:\s+of)?\s+(?P<m2>{mo}))\b(?!,?\s+\d)")
    phrases = [k for k in lex["day_offsets"] if not k.startswith("_")]
    phrases += [k for k in lex["nights"] if not k.startswith("_")]
    # a weekday alone ("on Tuesday", "Tuesday's strike") is relative; one followed by a date is not
    relative = re.compile(rf"(?i:\b(?:{alternation(phrases)})\b)|\b{wd}\b(?!,?\s+(?:\d|{mo}))")
    return _Vocabulary(weekdays, months, weekday_month_day, month_day, relative)


def _month(word: str, vocab: _Vocabulary) -> int:
    return vocab.months[word.rstrip(".").lower()]


def _day(word: str) -> int:
    return int(re.match(r"\d+", word).group())


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _pinned(weekday: int, month: int, day: int, reference: date) -> date | None:
    """The date with this month, day and weekday nearest the reference year."""
    found = [d for y in range(reference.year - WEEKDAY_YEAR_SPAN, reference.year + WEEKDAY_YEAR_SPAN + 1)
             if (d := _safe(y, month, day)) is not None and d.weekday() == weekday]
    return min(found, key=lambda d: abs((d - reference).days)) if found else None


def _latest_before(month: int, day: int, reference: date) -> date | None:
    """The latest such day no later than the reference (plus the usual time-zone tolerance)."""
    limit = reference + timedelta(days=FUTURE_TOLERANCE_DAYS)
    for year in (reference.year, reference.year - 1):
        d = _safe(year, month, day)
        if d is not None and d <= limit:
            return d
    return None


def mentions_relative(text: str) -> bool:
    """True when the text speaks of "yesterday", "on Tuesday", "last night": stops at the first one."""
    return vocabulary().relative.search(text) is not None


def named_dates(text: str, reference: date | None) -> tuple[NamedDate, ...]:
    """Every date the text names, in text order; ``reference`` places dates written without a year."""
    vocab = vocabulary()
    found: list[NamedDate] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return not any(a < y and x < b for x, y in taken)

    for m in DATE_STRING.finditer(text):
        day = parse_date_string(m.group())
        if day is not None:
            found.append(NamedDate(day, FULL, m.group(), m.start()))
            taken.append(m.span())
    if reference is not None:
        for m in vocab.weekday_month_day.finditer(text):
            if not free(*m.span()):
                continue
            day = _pinned(vocab.weekdays[m["wd"].lower()], _month(m["m1"] or m["m2"], vocab),
                          _day(m["d1"] or m["d2"]), reference)
            if day is not None:
                found.append(NamedDate(day, WEEKDAY, m.group(), m.start()))
                taken.append(m.span())
        for m in vocab.month_day.finditer(text):
            if not free(*m.span()):
                continue
            day = _latest_before(_month(m["m1"] or m["m2"], vocab), _day(m["d1"] or m["d2"]), reference)
            if day is not None:
                found.append(NamedDate(day, MONTH_DAY, m.group(), m.start()))
                taken.append(m.span())
    for m in vocab.relative.finditer(text):
        if free(*m.span()):
            found.append(NamedDate(None, RELATIVE, m.group(), m.start()))
    return tuple(sorted(found, key=lambda n: n.start))
