"""Resolving one matched time expression to a date span, against the publication date.

One method per pattern family of ``extract.times`` (ISO and numeric dates, day-month, ranges,
month-year, bare months, years, relative days and nights, periods, "ago", weekdays); each returns
(start, end, precision, reason) or None when the match is no usable date.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from eventwire.errors import Errors, LexiconError
from eventwire.extract.times_base import (
    _month_end,
    _recent_weekday,
    _Resolved,
    _shift_month,
    _span_precision,
    _third,
    _to_int,
    _until_pub,
    _years_before,
    DAY_MONTH_LOOKBACK,
    EARLIER_THIS_MONTH_GAP_DAYS,
    FUTURE_SLACK,
    LOOKBACK_YEARS,
)


class Resolving:
    """Resolving one matched time expression to a date span, against the publication date."""

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
        return self._months[token.rstrip(".").casefold()]

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
        named = self._weekdays[wd.casefold()]
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
        weekday = self._weekdays[m["wd"].casefold()] if m["wd"] else None
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
            which = self._thirds[re.sub(r"\s+", " ", m["third"].casefold())]
            start, end = _third(year, month, which)
            start, end, clip = _until_pub(start, end, pub)
            return start, end, "week", f"{which} part of {m['m']} {year}{clip}"
        start, end, clip = _until_pub(date(year, month, 1), _month_end(year, month), pub)
        return start, end, "month", f"month {m['m']} {year}{clip}"

    def _bare_month(self, m: re.Match, pub: date | None) -> _Resolved:
        """'in May', 'late May', 'since October': the latest such month begun by publication."""
        cue = re.sub(r"\s+", " ", m["mcue"].casefold()) if m["mcue"] else None
        if cue is None and not m["third"]:
            return None  # a bare capitalised "May"/"March" is a name or a verb
        if pub is None:
            return None
        month = self._month(m["m"])
        which = self._thirds[re.sub(r"\s+", " ", m["third"].casefold())] if m["third"] else None
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
        cue = re.sub(r"\s+", " ", m["cue"].casefold())
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
        word = re.sub(r"\s+", " ", m["w"].casefold())
        if word in self._anchored and self._anchor_followers.match(m.string, m.end()):
            return None  # "the day before the attack": anchored to another event
        d = pub - timedelta(days=self._day_offsets[word])
        return d, d, "day", f"'{word}' counted back from publication"

    def _night(self, m: re.Match, pub: date | None) -> _Resolved:
        if pub is None:
            return None
        word = re.sub(r"\s+", " ", m["w"].casefold())
        return pub - timedelta(days=self._nights[word]), pub, "day", f"'{word}': the night before publication"

    def _period(self, m: re.Match, pub: date | None) -> _Resolved:
        if pub is None:
            return None
        phrase = re.sub(r"\s+", " ", m["w"].casefold())
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
            raise LexiconError(Errors.E101.format(kind=kind, phrase=phrase))
        return start, end, precision, f"'{phrase}' relative to publication"

    def _ago(self, m: re.Match, pub: date | None) -> _Resolved:
        if pub is None:
            return None
        n = _to_int(m["n"], self._numbers)
        unit = self._ago_units[m["u"].casefold()]
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
        rel = m["rel"].casefold() if m["rel"] else None
        if rel in self._future:
            return None  # "next Tuesday": a plan, not a report
        if pub is None:
            return None
        weekday = self._weekdays[m["wd"].casefold()]
        if m["lastweek"]:  # "Tuesday last week": that weekday of the previous Monday-Sunday
            d = pub - timedelta(days=pub.weekday() + 7 - weekday)
            return d, d, "day", f"{m['wd']} of the week before publication"
        d = _recent_weekday(pub, weekday, strict=rel in self._strict)
        on = re.sub(r"\s+", " ", m["on"].casefold()) if m["on"] else ""
        if on.startswith("overnight"):
            start = d - timedelta(days=1) if on.endswith(("into", "to")) else d
            end = d if on.endswith(("into", "to")) else d + timedelta(days=1)
            return start, end, "day", f"night around {m['wd']} {d.isoformat()}"
        how = "strictly before" if rel in self._strict else "on or before"
        return d, d, "day", f"{m['wd']}: the latest {how} publication"
