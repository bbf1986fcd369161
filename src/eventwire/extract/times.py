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

import re
from datetime import date, datetime
from types import SimpleNamespace
from typing import Callable

from eventwire.extract.times_base import _alternation, _cased, _Resolved, load_lexicon
from eventwire.extract.times_resolve import Resolving
from eventwire.model import DateSpan

# (name, pattern, resolver) of one pattern family
_Spec = tuple[str, str, Callable[[re.Match, date | None], _Resolved]]


class TimeResolver(Resolving):
    """Finds time expressions in a sentence or paragraph and dates them.

    Built once (patterns compiled here), then ``find`` is called per text.
    """

    def __init__(self) -> None:
        lex = load_lexicon()
        self._load(lex)
        f = self._fragments(lex)
        specs = self._number_specs(f) + self._range_specs(f) + self._named_specs(f)
        self._compile(specs, f)
        self._words_of = self._word_gates(lex, [name for name, _rx, _fn in specs])

    def _load(self, lex: dict) -> None:
        """The vocabularies the resolving methods read."""
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

    def _fragments(self, lex: dict) -> SimpleNamespace:
        """Regex fragments the patterns are built from."""
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
        return SimpleNamespace(**{k: v for k, v in locals().items() if k not in ("self", "lex")})

    def _number_specs(self, f: SimpleNamespace) -> list[_Spec]:
        """Not-dates first (they consume their words), then ISO and numeric dates."""
        return [
            ("not_date", rf"\b(?:{f.not_dates})\b", lambda m, pub: None),
            ("iso", rf"(?<![\d-])(?P<y>{f.year})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)", self._iso),
            ("numeric", r"(?<![\d./])(?P<a>[0-3]?\d)[./](?P<b>[01]?\d)[./](?P<y>\d{4})(?!\d)", self._numeric),
        ]

    def _range_specs(self, f: SimpleNamespace) -> list[_Spec]:
        """Day and month ranges: "22 and 23 May", "May 22-23", "30 May - 2 June"."""
        return [
            (
                "day_range",
                rf"(?<!\d)(?:(?i:between|from)\s+)?(?P<d1>{f.day}){f.dash_and}(?P<d2>{f.day})(?:\s+(?i:of))?\s+"
                rf"(?P<m>{f.month_any})\b(?:,?\s+(?P<y>{f.year})(?!\d))?",
                self._day_range,
            ),
            (
                "month_day_range",
                rf"\b(?P<m>{f.month_any})\s+(?P<d1>{f.day})\s*(?:[-\u2013]|\s(?i:to|until|through)\s)\s*(?P<d2>{f.day})\b"
                rf"(?:,?\s+(?P<y>{f.year})(?!\d))?",
                self._day_range,
            ),
            (
                "month_day_and",
                # "May 22 and 23" only when nothing follows that could make "23" a count
                rf"\b(?P<m>{f.month_any})\s+(?P<d1>{f.day})\s+(?i:and)\s+(?P<d2>{f.day})(?=\s*(?:[,.;:)]|$|\s+{f.year}))"
                rf"(?:,?\s+(?P<y>{f.year})(?!\d))?",
                self._day_range,
            ),
            (
                "cross_month_range",
                rf"(?<!\d)(?P<d1>{f.day})\s+(?P<m1>{f.month_any})(?:\s+(?P<y1>{f.year}))?{f.dash}"
                rf"(?P<d2>{f.day})\s+(?P<m2>{f.month_any})\b(?:,?\s+(?P<y2>{f.year})(?!\d))?",
                self._cross_range,
            ),
            (
                "month_first_cross_range",
                rf"\b(?P<m1>{f.month_any})\s+(?P<d1>{f.day})(?:,?\s+(?P<y1>{f.year}))?{f.dash}"
                rf"(?P<m2>{f.month_any})\s+(?P<d2>{f.day})\b(?:,?\s+(?P<y2>{f.year})(?!\d))?",
                self._cross_range,
            ),
        ]

    def _named_specs(self, f: SimpleNamespace) -> list[_Spec]:
        """Single dates, months, years and relative expressions, longest forms first."""
        return [
            (
                "day_month",
                rf"(?:(?i:on)\s+)?(?:{f.wd_prefix})?(?<![\d.,:])(?:(?i:the)\s+)?(?P<d>{f.day})(?:\s+(?i:of))?\s+(?P<m>{f.month_any})\b"
                rf"(?:,?\s+(?P<y>{f.year})(?!\d))?{f.close}",
                self._day_month,
            ),
            (
                "month_day",
                rf"(?:(?i:on)\s+)?(?:{f.wd_prefix})?\b(?P<m>{f.month_any})\s+(?P<d>{f.day})\b(?![.:,]\d)"
                rf"(?:,?\s+(?P<y>{f.year})(?!\d))?{f.close}",
                self._day_month,
            ),
            (
                "month_year",
                rf"(?:(?P<mcue>(?i:{f.mcues}))\s+)?(?:(?P<third>(?i:{f.third}))[-\s]+)?\b(?P<m>{f.month_any})\s+(?P<y>{f.year})(?!\d)",
                self._month_year,
            ),
            (
                "bare_month",
                rf"\b(?:(?P<mcue>(?i:{f.mcues}))\s+)?(?:(?P<third>(?i:{f.third}))[-\s]+)?(?P<m>{f.month_full})\b(?![ \t]*\d)",
                self._bare_month,
            ),
            (
                "year",
                rf"\b(?P<cue>(?i:{f.ycues}))[-\s]+(?P<y>(?:19|20)\d\d)\b(?![-/.]\d)",
                self._year,
            ),
            ("day_word", rf"\b(?P<w>(?i:{f.days_alt}))\b", self._day_word),
            ("night", rf"\b(?P<w>(?i:{f.nights_alt}))\b", self._night),
            ("period", rf"\b(?P<w>(?i:{f.periods_alt}))\b", self._period),
            ("ago", rf"\b(?P<n>(?i:{f.num}))\s+(?P<u>(?i:{f.units}))\s+(?i:ago)\b", self._ago),
            (
                "weekday",
                rf"(?:(?P<wmod>(?i:{f.wd_mods}))\s+)?(?:(?P<on>(?i:on|overnight\s+(?:into|to|on)))\s+)?"
                rf"(?:(?P<rel>(?i:{f.rel_words}))\s+)?\b(?P<wd>{f.wd})\b(?:{f.part})?(?P<lastweek>\s+(?i:of\s+)?(?i:last\s+week))?",
                self._weekday,
            ),
        ]

    def _compile(self, specs: list[_Spec], f: SimpleNamespace) -> None:
        month_any, wd = f.month_any, f.wd
        # Gates: one cheap scan says whether a family of patterns can match at
        # all; most sentences name no month or weekday, so most patterns are
        # skipped (about 3x faster on news text than running all of them).
        # the month name must end where its word ends: "Mar" in "Mariupol" opened this gate for ~60% of
        # the sentences that passed it (bench articles); every month pattern has a boundary or a space,
        # dash or dot after the name, so no match is lost
        month_gate = re.compile(rf"\b(?:{month_any})(?!\w)")
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
        candidates = self._candidates(text)
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

    def mentions_time(self, text: str) -> bool:
        """True when ``text`` holds a time expression, whether or not it can be dated: "on Monday" in a
        page with no date of its own still ties its deed to a day."""
        return bool(text) and bool(self._candidates(text))

    def _candidates(self, text: str) -> list[tuple[int, int, int, re.Match, Callable]]:
        """Every match of every expression, sorted by start, longest first (``find`` takes them in turn)."""
        candidates: list[tuple[int, int, int, re.Match, Callable]] = []
        open_gates = {name: gate.search(text) is not None for name, gate in self._gates.items()}
        words = text_words(text)
        for order, (gate, rx, fn) in enumerate(self._specs):
            if gate is not None and not open_gates[gate]:
                continue
            needed = self._words_of[order]
            if needed is not None and words is not None and needed.isdisjoint(words):
                continue
            for m in rx.finditer(text):
                start, end = m.span()
                if end > start:
                    candidates.append((start, -(end - start), order, m, fn))
        candidates.sort(key=lambda c: (c[0], c[1], c[2]))
        return candidates



    @staticmethod
    def _word_gates(lex: dict, names: list[str]) -> list[frozenset[str] | None]:
        """Per pattern, words one of which every match of it holds as a whole word (None: no such gate).

        The phrase families (``not_date``, ``day_word``, ``night``, ``period``) were run over every
        text though few name a day or a period: their gate is the last word of each phrase ("this
        morning" -> "morning"), which a match holds between word boundaries; "ago" for ``ago``.
        """
        phrases = {
            "not_date": lex["not_dates"]["phrases"], "day_word": lex["day_offsets"], "night": lex["nights"],
            "period": lex["relative_periods"],
        }
        gates = {name: last_words(p) for name, p in phrases.items()}
        gates["ago"] = frozenset({"ago"})
        return [gates.get(name) for name in names]


_WORD_RUN = re.compile(r"\w+")
# the characters re's IGNORECASE matches to an ASCII letter without being one ("\u017f" to "s");
# str.lower() does not map them so, so a text holding one is not gated by its words
_ODD_CASE = re.compile("[\u0130\u0131\u017f\u212a]")


def last_words(phrases) -> frozenset[str] | None:
    """The lower-cased last word of each phrase (its last run of word characters, plain ASCII); None
    when a phrase has none, so that the pattern is never skipped for it."""
    out = set()
    for phrase in phrases:
        if phrase.startswith("_"):
            continue  # comments, as phrases.alternation skips them
        runs = _WORD_RUN.findall(phrase)
        if not runs or not runs[-1].isascii():
            return None
        out.add(runs[-1].lower())
    return frozenset(out)


def text_words(text: str) -> set[str] | None:
    """The text's words (maximal runs of word characters), lower-cased; None when a character
    that matches an ASCII letter only case-insensitively makes lower-casing unfaithful."""
    if _ODD_CASE.search(text):
        return None
    return {w.lower() for w in _WORD_RUN.findall(text)}
