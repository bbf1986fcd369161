"""Small measurements of one line that the boilerplate rules combine.

Each function answers one question about shape (is it title case? does it end
a sentence? is it mostly a URL?) so that a rule reads as a sentence of
features rather than a tangle of regular expressions.
"""
from __future__ import annotations

import re

from eventwire.clean.dates import DATE_STRING, TIME_STRING
from eventwire.clean import wordgate
from eventwire.clean.lexicon import load_lexicon
from eventwire.phrases import alternation

WORD = re.compile(r"[^\W\d_][\w'’.-]*|\d[\w:.,/-]*", re.UNICODE)
LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
# the endings of web addresses written without a scheme ("example.com/page"), one list with title.DOMAIN
DOMAIN_ENDINGS = alternation(load_lexicon().groups["web_domain_endings"])
URL = re.compile(rf"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:{DOMAIN_ENDINGS})/\S*", re.I)
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
PHONE = re.compile(r"(?:\+\d[\d\s().-]{7,}\d)|\(\d{3}\)\s*\d{3}-\d{4}")
SENTENCE_END = re.compile(r"[.!?…]['\"”’)\]]*\s*$")
BULLET = re.compile(r"^\s*(?:[-*•·▪►▶»>–—]+|\d{1,2}[.)])\s+")
# a reporting verb (data/lexicons/boilerplate.json) or a quotation mark: the line reports speech
REPORTING = re.compile(rf"\b(?:{alternation(load_lexicon().groups['reporting_words'])})\b|[\"“”«»]", re.IGNORECASE)
WEEKDAY = re.compile(r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?", re.I)
RELATIVE_TIME = re.compile(r"\b\d+\s+(?:second|minute|min|hour|hr|day|week|month|year)s?\s+ago\b", re.I)
# A run of letters holding both Latin and Greek or Cyrillic look-alikes ("Аdvеrtіѕе" with
# Cyrillic А, е, і, ѕ): no language writes one word in two alphabets, text written to slip
# past filters does.  Hyphens and digits end a run, so "TNF-α" or "β2" are not mixed.
LETTER_RUN = re.compile(r"[^\W\d_]+", re.UNICODE)
LATIN_LETTER = re.compile(r"[A-Za-z]")
LOOKALIKE_LETTER = re.compile(r"[\u0370-\u03ff\u0400-\u04ff]")
# Words that stay lower case inside a title-case name or headline.
MINOR_WORDS = load_lexicon().groups["title_minor_words"]


# words(), normalise() and looks_like_reporting() of the lines of the page being cleaned: the boilerplate
# rules, the line model's features and the block, title and link-list rules ask them of the same line
# again and again (~6, ~4 and ~2 times a line on the ingest bench).  Cleaner.clean starts every page with both emptied
# (new_page), so nothing is kept from one page to the next; the cap bounds a caller that never does.
PAGE_MEMO_LIMIT = 20_000
_WORDS: dict[str, tuple[str, ...]] = {}
_NORMALISED: dict[str, str] = {}
_REPORTING: dict[str, bool] = {}


def new_page() -> None:
    """Forget the last page's lines (see ``_WORDS``; ``wordgate`` keeps its own)."""
    _WORDS.clear()
    _NORMALISED.clear()
    _REPORTING.clear()
    wordgate.forget_page()


def words(text: str) -> list[str]:
    found = _WORDS.get(text)
    if found is None:
        if len(_WORDS) >= PAGE_MEMO_LIMIT:
            _WORDS.clear()
        found = _WORDS[text] = tuple(WORD.findall(text))
    return list(found)  # a fresh list: a caller may change its own


def has_letters(text: str) -> bool:
    return bool(LETTER.search(text))


def ends_sentence(text: str) -> bool:
    return bool(SENTENCE_END.search(text))


def strip_bullet(text: str) -> str:
    return BULLET.sub("", text, count=1)


def capitalised(word: str) -> bool:
    first = word[:1]
    return first.isupper() or first.isdigit() or not first.isalpha()


def title_case_share(text: str) -> float:
    """Share of content words that start with a capital (minor words ignored)."""
    content = [w for w in words(text) if w.lower() not in MINOR_WORDS and LETTER.match(w)]
    if not content:
        return 0.0
    return sum(1 for w in content if capitalised(w)) / len(content)


def is_title_case(text: str, threshold: float = 0.8) -> bool:
    return title_case_share(text) >= threshold


def mixed_script_words(text: str) -> tuple[int, int]:
    """How many letter runs mix Latin with Greek or Cyrillic letters, and how many runs there are."""
    runs = LETTER_RUN.findall(text)
    return sum(1 for r in runs if LATIN_LETTER.search(r) and LOOKALIKE_LETTER.search(r)), len(runs)


def looks_like_reporting(text: str) -> bool:
    """Attribution or quotation marks: the line is probably news, not page furniture."""
    found = _REPORTING.get(text)
    if found is None:
        if len(_REPORTING) >= PAGE_MEMO_LIMIT:
            _REPORTING.clear()
        found = _REPORTING[text] = bool(REPORTING.search(text))
    return found


def url_share(text: str) -> float:
    if not text or ("/" not in text and "www." not in text):
        return 0.0
    return sum(len(m.group()) for m in URL.finditer(text)) / len(text)


def strip_dates_and_times(text: str) -> tuple[str, int]:
    """Remove date, time, weekday and "N hours ago" strings; return the rest and how many went."""
    count = 0
    for pattern in (DATE_STRING, RELATIVE_TIME, TIME_STRING):
        text, n = pattern.subn(" ", text)
        count += n
    # weekday names go too but do not count: "Sun" alone is a newspaper, not a date
    return WEEKDAY.sub(" ", text) if count else text, count


def normalise(text: str) -> str:
    """Lower case, letters and digits only, single spaces: for comparing lines."""
    found = _NORMALISED.get(text)
    if found is None:
        if len(_NORMALISED) >= PAGE_MEMO_LIMIT:
            _NORMALISED.clear()
        found = _NORMALISED[text] = " ".join(_NOT_WORD.sub(" ", text.lower()).split())
    return found


_NOT_WORD = re.compile(r"[^\w]+")
