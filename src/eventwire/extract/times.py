"""Time expressions in news text, resolved against the publication date.

Why our own patterns: general date parsers miss the idioms conflict reporting
lives on ("early on Wednesday", "earlier this month", "late May") and fire on
words that are not dates ("we", "20 years", "they may attack").  Every
relative expression is read against the document's publication date, never
the day of processing, and each result says why it was read that way.

How ``TimeResolver.find`` works:

1. every pattern is run over the text (all compiled once, in ``__init__``);
2. overlapping matches are reduced to the earliest, then longest one, so
   "Thursday (1 June)" wins over "Thursday" and "22 and 23 May" over "23 May";
   a match that turns out to be no date ("next Tuesday", "31 February")
   still consumes its words so that nothing shorter re-reads them;
3. each match is resolved to a ``DateSpan``; periods that are still running at
   publication ("this month") end on the publication day, because a report
   cannot describe what has not happened yet;
4. with a publication date, results outside ``LOOKBACK_YEARS`` before it or
   ``FUTURE_SLACK`` after it are dropped: they are background or plans, not the
   reported event.  Without one, relative expressions are skipped and only
   dates carrying their own year are returned.

Vocabularies live in ``data/lexicons/time_expressions.json``.
"""
from __future__ import annotations

import calendar
import json
import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from importlib import resources
from typing import Callable

from eventwire.model import DateSpan

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
    """Longest first so that 'the day before yesterday' beats 'the day before'."""
    ordered = sorted({p for p in phrases if not p.startswith("_")}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


def _cased(names: list[str]) -> str:
    """Capitalised or UPPER CASE only: lower-case 'may'/'march' are verbs."""
    forms = set()
    for name in names:
        forms.add(name.capitalize())
        forms.add(name.upper())
    return "|".join(sorted(forms, key=len, reverse=True))


class TimeResolver:
    """Finds time expressions in a sentence or paragraph and dates them.

    Built once (patterns compiled here), then ``find`` is called per text.
    """

    def __init__(self) -> None:
        lex = load_lexicon()
        self._weekdays: dict[str, int] = lex["weekdays"]
        self._months: dict[str, int] = {**lex["month_abbreviations"], **lex["months"]}
        self._numbers: dict[str, int] = lex["number_words"]
        self._day_offsets: dict[str, int] = {
            k: v for k, v in lex["day_offsets"].items() if not k.startswith("_")
        }
        self._nights: dict[str, int] = {k: v for k, v in lex["nights"].items() if not k.startswith("_")}
        self._anchored = {p.lower() for p in lex["anchored_relatives"]["phrases"]}
        self._anchor_followers = re.compile(
            r"\s+(?:%s)\b" % "|".join(lex["anchored_relatives"]["followers"]), re.I
        )
        self._periods: dict[str, str] = {
            k: v for k, v in lex["relative_periods"].items() if not k.startswith("_")
        }
        self._ago_units: dict[str, str] = lex["ago_units"]
        self._thirds: dict[str, str] = {
            k: v for k, v in lex["month_thirds"].items() if not k.startswith("_")
        }
        self._year_thirds: dict[str, list[int]] = {
            k: v for k, v in lex["year_thirds"].items() if not k.startswith("_")
        }
        self._future = {w.lower() for w in lex["future_markers"]}
        self._strict = {w.lower() for w in lex["strict_past_markers"]}

        wd = _cased(list(self._weekdays))
        month_full = _cased(list(lex["months"]))
        month_any = r"(?:%s)\.?|(?:%s)" % (_cased(list(lex["month_abbreviations"])), month_full)
        # Regex fragments; day and year numbers are only shaped here and validated in code.
        day = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
        year = r"\d{4}"
        part = r"(?i:\s+(?:%s))" % _alternation(lex["parts_of_day"])
        wd_mods = _alternation(lex["weekday_modifiers"]["words"])
        rel_words = _alternation(sorted(self._future | self._strict | {"this"}))
        # "early on Wednesday, " / "Thursday (" / "on Tuesday " before an explicit date
        wd_prefix = (
            rf"(?:(?P<wmod>(?i:{wd_mods}))\s+(?i:on\s+)?)?(?P<won>(?i:on)\s+)?"
            rf"(?P<wd>{wd})(?:{part})?(?:\s*,\s*|\s*(?P<paren>\()\s*|\s+(?i:the\s+)?)"
        )
        close = r"(?(paren)\s*\))"
        dash = r"(?:\s*[-\u2013\u2014]\s*|\s+(?i:to|until|till|through)\s+)"
        dash_and = r"(?:\s*[-\u2013\u2014]\s*|\s+(?i:and|to|until|till|through)\s+)"
        third = _alternation(list(self._thirds))
        ycues = _alternation(lex["year_cues"]["words"])
        mcues = _alternation(lex["month_cues"]["words"])
        days_alt = _alternation(list(self._day_offsets))
        nights_alt = _alternation(list(self._nights))
        periods_alt = _alternation(list(self._periods))
        num = r"\d{1,3}|" + _alternation(list(self._numbers))
        units = _alternation(list(self._ago_units))

        not_dates = _alternation(lex["not_dates"]["phrases"])
        specs: list[tuple[str, str, Callable[[re.Match, date | None], _Resolved]]] = [
            ("not_date", rf"\b(?:{not_dates})\b", lambda m, pub: None),
            ("iso", rf"(?<![\d-])(?P<y>{year})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)", self._iso),
            ("numeric", r"(?<![\d./])(?P<a>[0-3]?\d)[./](?P<b>[01]?\d)[./](?P<y>\d{4})(?!\d)", self._numeric),
            (
                "day_range",
                rf"(?<!\d)(?:(?i:between|from)\s+)?(?P<d1>{day}){dash_and}(?P<d2>{day})(?:\s+(?i:of))?\s+"
                rf"(?P<m>{month_any})\b(?:,?\s+(?P<y>{year})(?!\d))?",
                self._day_range,
            ),
            (
                "month_day_range",
                rf"\b(?P<m>{month_any})\s+(?P<d1>{day})\s*(?:[-\u2013]|\s(?i:to|until|through)\s)\s*(?P<d2>{day})\b"
                rf"(?:,?\s+(?P<y>{year})(?!\d))?",
                self._day_range,
            ),
            (
                "month_day_and",
                # "May 22 and 23" only when nothing follows that could make "23" a count
                rf"\b(?P<m>{month_any})\s+(?P<d1>{day})\s+(?i:and)\s+(?P<d2>{day})(?=\s*(?:[,.;:)]|$|\s+{year}))"
                rf"(?:,?\s+(?P<y>{year})(?!\d))?",
                self._day_range,
            ),
            (
                "cross_month_range",
                rf"(?<!\d)(?P<d1>{day})\s+(?P<m1>{month_any})(?:\s+(?P<y1>{year}))?{dash}"
                rf"(?P<d2>{day})\s+(?P<m2>{month_any})\b(?:,?\s+(?P<y2>{year})(?!\d))?",
                self._cross_range,
            ),
            (
                "month_first_cross_range",
                rf"\b(?P<m1>{month_any})\s+(?P<d1>{day})(?:,?\s+(?P<y1>{year}))?{dash}"
                rf"(?P<m2>{month_any})\s+(?P<d2>{day})\b(?:,?\s+(?P<y2>{year})(?!\d))?",
                self._cross_range,
            ),
            (
                "day_month",
                rf"(?:(?i:on)\s+)?(?:{wd_prefix})?(?<![\d.,:])(?:(?i:the)\s+)?(?P<d>{day})(?:\s+(?i:of))?\s+(?P<m>{month_any})\b"
                rf"(?:,?\s+(?P<y>{year})(?!\d))?{close}",
                self._day_month,
            ),
            (
                "month_day",
                rf"(?:(?i:on)\s+)?(?:{wd_prefix})?\b(?P<m>{month_any})\s+(?P<d>{day})\b(?![.:,]\d)"
                rf"(?:,?\s+(?P<y>{year})(?!\d))?{close}",
                self._day_month,
            ),
            (
                "month_year",
                rf"(?:(?P<mcue>(?i:{mcues}))\s+)?(?:(?P<third>(?i:{third}))[-\s]+)?\b(?P<m>{month_any})\s+(?P<y>{year})(?!\d)",
                self._month_year,
            ),
            (
                "bare_month",
                rf"\b(?:(?P<mcue>(?i:{mcues}))\s+)?(?:(?P<third>(?i:{third}))[-\s]+)?(?P<m>{month_full})\b(?![ \t]*\d)",
                self._bare_month,
            ),
            (
                "year",
                rf"\b(?P<cue>(?i:{ycues}))[-\s]+(?P<y>(?:19|20)\d\d)\b(?![-/.]\d)",
                self._year,
            ),
            ("day_word", rf"\b(?P<w>(?i:{days_alt}))\b", self._day_word),
            ("night", rf"\b(?P<w>(?i:{nights_alt}))\b", self._night),
            ("period", rf"\b(?P<w>(?i:{periods_alt}))\b", self._period),
            ("ago", rf"\b(?P<n>(?i:{num}))\s+(?P<u>(?i:{units}))\s+(?i:ago)\b", self._ago),
            (
                "weekday",
                rf"(?:(?P<wmod>(?i:{wd_mods}))\s+)?(?:(?P<on>(?i:on|overnight\s+(?:into|to|on)))\s+)?"
                rf"(?:(?P<rel>(?i:{rel_words}))\s+)?\b(?P<wd>{wd})\b(?:{part})?(?P<lastweek>\s+(?i:of\s+)?(?i:last\s+week))?",
                self._weekday,
            ),
        ]
        # Gates: one cheap scan says whether a family of patterns can match at
        # all; most sentences name no month or weekday, so most patterns are
        # skipped (about 3x faster on news text than running all of them).
        month_gate = re.compile(rf"\b(?:{month_any})")
        gates = {
            "month": month_gate,
            "weekday": re.compile(rf"\b(?:{wd})\b"),
            "digit": re.compile(r"\d"),
        }
        gate_of = {
            "not_date": None, "iso": "digit", "numeric": "digit", "year": "digit",
            "day_word": None, "night": None, "period": None, "ago": None, "weekday": "weekday",
        }
        self._gates = gates
        self._specs = [
            (gate_of.get(name, "month"), re.compile(rx), fn) for name, rx, fn in specs
        ]

    # ----------------------------------------------------------------- public
    def find(self, text: str, published: date | None) -> list[DateSpan]:
        """Every time expression in ``text``, dated against ``published``."""
        if not text:
            return []
        if isinstance(published, datetime):
            published = published.date()
        candidates: list[tuple[int, int, int, re.Match, Callable]] = []
        open_gates = {name: gate.search(text) is not None for name, gate in self._gates.items()}
        for order, (gate, rx, fn) in enumerate(self._specs):
            if gate is not None and not open_gates[gate]:
                continue
            for m in rx.finditer(text):
                start, end = m.span()
                if end > start:
                    candidates.append((start, -(end - start), order, m, fn))
        candidates.sort(key=lambda c: (c[0], c[1], c[2]))

        results: list[DateSpan] = []
        taken_until = -1
        for start, neg_len, _order, m, fn in candidates:
            if start < taken_until:
                continue
            taken_until = start - neg_len
            try:
                resolved = fn(m, published)
            except (ValueError, OverflowError):  # impossible dates: 31 February, year 0
                resolved = None
            if resolved is None:
                continue
            d_start, d_end, precision, reason = resolved
            if published is not None and not self._plausible(d_start, d_end, published):
                continue
            results.append(
                DateSpan(d_start, d_end, precision, text[start:taken_until], reason, (start, taken_until))
            )
        return results

    @staticmethod
    def _plausible(start: date, end: date, pub: date) -> bool:
        """Within LOOKBACK_YEARS before and FUTURE_SLACK after publication."""
        try:
            earliest = _years_before(pub, LOOKBACK_YEARS)
            latest = pub + FUTURE_SLACK
        except (ValueError, OverflowError):
            return True
        return earliest <= start and end <= latest

    # -------------------------------------------------------- absolute dates
    def _month(self, token: str) -> int:
        return self._months[token.rstrip(".").lower()]

    def _year_for(self, month: int, day: int, pub: date | None, weekday: int | None) -> int | None:
        """Year for a day-month written without one: on/before publication, ≤ 10 months back.

        A named weekday ("Thursday 1 June") breaks ties between candidate years.
        """
        if pub is None:
            return None
        fits = []
        for year in (pub.year + 1, pub.year, pub.year - 1):
            try:
                d = date(year, month, day)
            except ValueError:
                continue
            if pub - DAY_MONTH_LOOKBACK <= d <= pub + FUTURE_SLACK:
                fits.append(d)
        if weekday is not None:
            fits = [d for d in fits if d.weekday() == weekday] or fits
        return fits[0].year if fits else None

    def _weekday_note(self, m: re.Match, d: date) -> str:
        wd = m.groupdict().get("wd")
        if not wd:
            return ""
        named = self._weekdays[wd.lower()]
        if named == d.weekday():
            return f"; {wd} agrees"
        return f"; text says {wd} but {d.isoformat()} is a {calendar.day_name[d.weekday()]}: date kept"

    def _iso(self, m: re.Match, pub: date | None) -> _Resolved:
        d = date(int(m["y"]), int(m["m"]), int(m["d"]))
        return d, d, "day", "ISO date"

    def _numeric(self, m: re.Match, pub: date | None) -> _Resolved:
        a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
        if a > 12 or a == b:
            d, note = date(y, b, a), "day/month/year"
        elif b > 12:
            d, note = date(y, a, b), "month/day/year"
        else:
            return None  # 05/06/2023: day-first or month-first cannot be told
        return d, d, "day", f"numeric date read as {note}"

    def _day_month(self, m: re.Match, pub: date | None) -> _Resolved:
        month = self._month(m["m"])
        day = int(re.match(r"\d+", m["d"]).group())
        weekday = self._weekdays[m["wd"].lower()] if m["wd"] else None
        if m["y"]:
            d = date(int(m["y"]), month, day)
            return d, d, "day", "explicit date" + self._weekday_note(m, d)
        year = self._year_for(month, day, pub, weekday)
        if year is None:
            return None
        d = date(year, month, day)
        return d, d, "day", f"day and month; year {year} puts it on or before publication" + self._weekday_note(m, d)

    def _range_year(self, m1: int, d1: int, m2: int, d2: int, y1: str | None, y2: str | None, pub: date | None):
        """Years for both ends of a range; the end decides, the start follows it back."""
        if y2:
            end_year = int(y2)
        else:
            end_year = self._year_for(m2, d2, pub, None)
            if end_year is None:
                return None
        start_year = int(y1) if y1 else (end_year if (m1, d1) <= (m2, d2) else end_year - 1)
        return date(start_year, m1, d1), date(end_year, m2, d2)

    def _day_range(self, m: re.Match, pub: date | None) -> _Resolved:
        month = self._month(m["m"])
        d1 = int(re.match(r"\d+", m["d1"]).group())
        d2 = int(re.match(r"\d+", m["d2"]).group())
        if d2 < d1:
            return None
        ends = self._range_year(month, d1, month, d2, m["y"], m["y"], pub)
        if ends is None:
            return None
        start, end = ends
        return start, end, _span_precision(start, end), "range of days in one month"

    def _cross_range(self, m: re.Match, pub: date | None) -> _Resolved:
        m1, m2 = self._month(m["m1"]), self._month(m["m2"])
        d1 = int(re.match(r"\d+", m["d1"]).group())
        d2 = int(re.match(r"\d+", m["d2"]).group())
        ends = self._range_year(m1, d1, m2, d2, m["y1"], m["y2"], pub)
        if ends is None or ends[0] > ends[1]:
            return None
        start, end = ends
        return start, end, _span_precision(start, end), "range of days across months"

    def _month_year(self, m: re.Match, pub: date | None) -> _Resolved:
        month, year = self._month(m["m"]), int(m["y"])
        if m["third"]:
            which = self._thirds[re.sub(r"\s+", " ", m["third"].lower())]
            start, end = _third(year, month, which)
            start, end, clip = _until_pub(start, end, pub)
            return start, end, "week", f"{which} part of {m['m']} {year}{clip}"
        start, end, clip = _until_pub(date(year, month, 1), _month_end(year, month), pub)
        return start, end, "month", f"month {m['m']} {year}{clip}"

    def _bare_month(self, m: re.Match, pub: date | None) -> _Resolved:
        """'in May', 'late May', 'since October': the latest such month begun by publication."""
        cue = re.sub(r"\s+", " ", m["mcue"].lower()) if m["mcue"] else None
        if cue is None and not m["third"]:
            return None  # a bare capitalised "May"/"March" is a name or a verb
        if pub is None:
            return None
        month = self._month(m["m"])
        which = self._thirds[re.sub(r"\s+", " ", m["third"].lower())] if m["third"] else None
        year = pub.year
        strict = cue in self._strict
        if cue == "this":  # "this June" in April: a plan this year, not last June
            start = _third(year, month, which)[0] if which else date(year, month, 1)
            if start > pub:
                return None
        while True:
            start, end = _third(year, month, which) if which else (date(year, month, 1), _month_end(year, month))
            if start <= pub and not (strict and end >= pub):
                break
            year -= 1
        start, end, clip = _until_pub(start, end, pub)
        if which:
            return start, end, "week", f"{which} {m['m']}: the latest begun by publication{clip}"
        return start, end, "month", f"month {m['m']}: the latest begun by publication{clip}"

    def _year(self, m: re.Match, pub: date | None) -> _Resolved:
        year = int(m["y"])
        cue = re.sub(r"\s+", " ", m["cue"].lower())
        months = self._year_thirds.get(cue)
        if months:
            start, end = date(year, months[0], 1), _month_end(year, months[1])
            start, end, clip = _until_pub(start, end, pub)
            return start, end, "year", f"{cue} {year}{clip}"
        start, end, clip = _until_pub(date(year, 1, 1), date(year, 12, 31), pub)
        return start, end, "year", f"year {year}{clip}"

    # ------------------------------------------------------ relative to pub
    def _day_word(self, m: re.Match, pub: date | None) -> _Resolved:
        if pub is None:
            return None
        word = re.sub(r"\s+", " ", m["w"].lower())
        if word in self._anchored and self._anchor_followers.match(m.string, m.end()):
            return None  # "the day before the attack": anchored to another event
        d = pub - timedelta(days=self._day_offsets[word])
        return d, d, "day", f"'{word}' counted back from publication"

    def _night(self, m: re.Match, pub: date | None) -> _Resolved:
        if pub is None:
            return None
        word = re.sub(r"\s+", " ", m["w"].lower())
        return pub - timedelta(days=self._nights[word]), pub, "day", f"'{word}': the night before publication"

    def _period(self, m: re.Match, pub: date | None) -> _Resolved:
        if pub is None:
            return None
        phrase = re.sub(r"\s+", " ", m["w"].lower())
        kind = self._periods[phrase]
        monday = pub - timedelta(days=pub.weekday())
        first = pub.replace(day=1)
        py, pm = _shift_month(pub.year, pub.month, -1)
        if kind == "current_week":
            start, end, precision = monday, pub, "week"
        elif kind == "current_week_before":
            start, end, precision = monday, max(monday, pub - timedelta(days=1)), "week"
        elif kind.startswith("previous_week"):
            start, end = monday - timedelta(days=7), monday - timedelta(days=1)
            if kind.endswith("_late"):
                start = start + timedelta(days=3)
            elif kind.endswith("_early"):
                end = start + timedelta(days=3)
            precision = "week"
        elif kind == "past_7_days":
            start, end, precision = pub - timedelta(days=7), pub, "week"
        elif kind == "past_24_hours":
            start, end, precision = pub - timedelta(days=1), pub, "day"
        elif kind == "past_48_hours":
            start, end, precision = pub - timedelta(days=2), pub, "week"
        elif kind == "recent_weekend":
            # a Monday-Friday report means the weekend just gone; a weekend report, this one
            start = _recent_weekday(pub, 5, strict=False)
            start, end, precision = start, min(start + timedelta(days=1), pub), "week"
        elif kind == "current_month":
            start, end, precision = first, pub, "month"
        elif kind == "current_month_before":
            # on the 1st nothing came earlier in the month: keep the 1st itself; and a report
            # would say "yesterday" or "on Monday" for the last couple of days
            start, end = first, max(first, pub - timedelta(days=EARLIER_THIS_MONTH_GAP_DAYS))
            precision = "week" if (end - start).days <= 10 else "month"
        elif kind == "current_month_early":
            start, end = _third(pub.year, pub.month, "early")
            start, end, _ = _until_pub(start, end, pub)
            precision = "week"
        elif kind == "previous_month":
            start, end, precision = date(py, pm, 1), _month_end(py, pm), "month"
        elif kind in ("previous_month_early", "previous_month_late"):
            start, end = _third(py, pm, kind.rsplit("_", 1)[1])
            precision = "week"
        elif kind == "current_year":
            start, end, precision = date(pub.year, 1, 1), pub, "year"
        elif kind == "current_year_before":
            start, end, precision = date(pub.year, 1, 1), max(date(pub.year, 1, 1), pub - timedelta(days=1)), "year"
        elif kind == "previous_year":
            start, end, precision = date(pub.year - 1, 1, 1), date(pub.year - 1, 12, 31), "year"
        else:  # a lexicon kind this code does not know: fail loudly in tests, not silently
            raise KeyError(f"unknown relative period kind {kind!r} for {phrase!r}")
        return start, end, precision, f"'{phrase}' relative to publication"

    def _ago(self, m: re.Match, pub: date | None) -> _Resolved:
        if pub is None:
            return None
        n = _to_int(m["n"], self._numbers)
        unit = self._ago_units[m["u"].lower()]
        if n is None or n > 400:
            return None
        if unit == "day":
            d = pub - timedelta(days=n)
            return d, d, "day", f"{n} day(s) before publication"
        if unit == "week":
            mid = pub - timedelta(days=7 * n)
            return mid - timedelta(days=3), min(mid + timedelta(days=3), pub), "week", f"about {n} week(s) before publication"
        if unit == "month":
            y, mo = _shift_month(pub.year, pub.month, -n)
            return date(y, mo, 1), _month_end(y, mo), "month", f"{n} month(s) before publication"
        y = pub.year - n
        return date(y, 1, 1), date(y, 12, 31), "year", f"{n} year(s) before publication"

    def _weekday(self, m: re.Match, pub: date | None) -> _Resolved:
        rel = m["rel"].lower() if m["rel"] else None
        if rel in self._future:
            return None  # "next Tuesday": a plan, not a report
        if pub is None:
            return None
        weekday = self._weekdays[m["wd"].lower()]
        if m["lastweek"]:  # "Tuesday last week": that weekday of the previous Monday-Sunday
            d = pub - timedelta(days=pub.weekday() + 7 - weekday)
            return d, d, "day", f"{m['wd']} of the week before publication"
        d = _recent_weekday(pub, weekday, strict=rel in self._strict)
        on = re.sub(r"\s+", " ", m["on"].lower()) if m["on"] else ""
        if on.startswith("overnight"):
            start = d - timedelta(days=1) if on.endswith(("into", "to")) else d
            end = d if on.endswith(("into", "to")) else d + timedelta(days=1)
            return start, end, "day", f"night around {m['wd']} {d.isoformat()}"
        how = "strictly before" if rel in self._strict else "on or before"
        return d, d, "day", f"{m['wd']}: the latest {how} publication"
