"""Publication date: what the record claims, what the page says, what the text says.

The cascade, first usable wins:
  1. ``record.published`` (source "metadata"): the feed or API field.
  2. HTML metadata through htmldate (source "html").
  3. A dateline or byline near the top of the text, or a line labelled
     "Published:" anywhere (source "text").
  4. Nothing (source "none", confidence 0).
A web archive's capture day bounds them all: a page is not published after
it was captured (``not_after``).
Whatever is not chosen still counts as evidence: when it disagrees with the
choice by more than ``CONFLICT_DAYS`` the choice is kept but flagged, because
re-posted copies carry the re-posting date in their metadata while the text
keeps the original dateline.

Candidate date strings are found with our own regular expressions and only
then parsed (dateparser, English, absolute dates only): dateparser alone finds
"dates" in words such as "we" or "20 years".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime
from functools import lru_cache

from eventwire.clean.lexicon import load_lexicon
from eventwire.data import load_json
from eventwire.datelines import WITH_DATE as DATELINE_OPENING
from eventwire.model import PublishedDate
from eventwire.phrases import alternation

# Confidence of each source.  Metadata is what a publisher's system wrote;
# htmldate reads the same metadata but can fall back on weaker page cues; a
# date in the text may be a dateline (good) or a caption (weaker).
CONFIDENCE_METADATA = 0.9
CONFIDENCE_HTML = 0.8
# A full date in the article's address ("/2023/03/02/", "/2023-07-17/"): the day the publisher's
# system filed the story.  On the hoot corpus, dev and dev2 it agrees with the page's own date 38
# times in 40, the other two a day apart (time zones, an update).  Below the HTML metadata, which the
# page may have updated, above a date read from the text.
CONFIDENCE_URL = 0.7
CONFIDENCE_TEXT_LABELLED = 0.6  # "Published: 30 May 2023"
CONFIDENCE_TEXT_DATELINE = 0.5  # a short line that is a date, a byline or a dateline
# Disagreement larger than this is a conflict.  Two days absorbs time zones and
# a story posted after midnight, which are not real disagreements.
CONFLICT_DAYS = 2
CONFLICT_PENALTY = 0.3
# Only the head of an article holds its dateline; dates further down in short
# lines are usually captions or timelines of earlier events.
TEXT_HEAD_UNITS = 8
# A line longer than this is prose; a date inside prose is an event date.
DATELINE_MAX_CHARS = 160
# Nor is a short sentence a dateline: once its dates and times are gone a
# dateline or byline has a name or a place left ("By Jane Doe", "Kyiv."), a
# sentence has a verb and its objects.
DATELINE_RESIDUE_MAX_WORDS = 5
# A site's header shows today's date (a clock, often beside the weather), so on
# a scraped page it is the day of the scrape, not of the article.  It stands
# above the headline; the article's own date comes after it.  Such a date is
# used only when the page has no other.  Seen on pages of two shared sets: an
# aggregator in dev2 (clock three weeks after the post stamp under the story)
# and theplanetarypress.com in eval/boilerplate (clock two days after the
# byline's date); on Blogger pages (python.org's blog, emacspeak) the date line
# above the post title is the post's own date, and is then the only one.
CONFIDENCE_TEXT_SITE_CLOCK = 0.3
# A line that is nothing but a date and a clock time ("March 02, 2023 at
# 02:08PM", "Posted 12 May 2022, 10:11") is the stamp a publishing system puts
# on a post, wherever the page puts it (aggregators put it under the text).
# At most this many words besides ("at", "Posted"); a comment's stamp names its
# writer ("Jane Doe says: ...") and is not the post's.
STAMP_RESIDUE_MAX_WORDS = 2
# Publication dates outside this range are placeholders ("0000-00-00",
# "9999-12-31") or clock errors.
EARLIEST_YEAR = 1900
# A capture time is UTC; the publisher's calendar day can be one ahead of it.
CAPTURE_TOLERANCE_DAYS = 1
FUTURE_TOLERANCE_DAYS = 2

MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_ORD = r"(?:st|nd|rd|th)?"
DATE_STRING = re.compile(
    rf"\b\d{{1,2}}{_ORD}(?:\s+of)?\s+{MONTH}\.?,?\s+\d{{4}}\b"  # 30 May 2023, 30th May, 2023
    rf"|\b{MONTH}\.?\s+\d{{1,2}}{_ORD},?\s+\d{{4}}\b"  # May 30, 2023
    r"|\b\d{4}-\d{2}-\d{2}\b"  # 2023-05-30
    r"|\b\d{1,2}\.\d{1,2}\.\d{4}\b",  # 30.05.2023 (European numeric; never m/d/y)
    re.IGNORECASE,
)
# time-zone names and abbreviations after a clock time (data/lexicons/time_expressions.json)
_ZONES = alternation(load_json("lexicons", "time_expressions.json")["time_zones"])
TIME_STRING = re.compile(
    rf"\b\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?\s*(?:[ap]\.?m\.?)?(?:\s*\(?(?:{_ZONES})\)?)?(?!\w)"
    r"|\b\d{1,2}\s*[ap]\.?m\.?(?!\w)",
    re.IGNORECASE,
)
PUBLISHED_LABEL = re.compile(
    r"\b(?:first\s+)?(?:published|posted|released)(?:\s+(?:on|at))?\s*:?\s*$", re.IGNORECASE
)
_DAY_FIRST = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+([A-Za-z]+)\.?,?\s+(\d{4})", re.IGNORECASE)
_MONTH_FIRST = re.compile(r"([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", re.IGNORECASE)
# words that may stand beside a dateline's date ("Updated on 3 May"): no content of their own
_DATELINE_LABEL = re.compile(rf"\b(?:{alternation(load_lexicon().groups['dateline_label_words'])})\b", re.IGNORECASE)
_ORDINAL_SUFFIX = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b", re.IGNORECASE)
_SOURCE_NAMES = {"metadata": "page", "html": "html", "text": "text"}


@dataclass(frozen=True)
class DateEvidence:
    date: date
    source: str  # metadata | html | text
    confidence: float
    evidence: str
    said_by: str = ""  # how a conflict note names it, when not by its source ("URL")

    @property
    def name(self) -> str:
        return self.said_by or _SOURCE_NAMES[self.source]


@lru_cache(maxsize=1)
def _parser():
    """dateparser's parser, English only and refusing to guess missing parts; built once."""
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "REQUIRE_PARTS": ["day", "month", "year"],
            "STRICT_PARSING": True,
            "PREFER_DATES_FROM": "past",
            "RETURN_TIME_AS_PERIOD": False,
        },
    )


def plausible(day: date, today: date | None = None) -> bool:
    today = today or date.today()
    return EARLIEST_YEAR <= day.year and day <= today + timedelta(days=FUTURE_TOLERANCE_DAYS)


@lru_cache(maxsize=1)
def _month_numbers() -> dict[str, int]:
    lex = load_json("lexicons", "time_expressions.json")
    return dict(lex["months"]) | dict(lex["month_abbreviations"])


def _ymd(year: str, month: int | str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def parse_date_string(text: str) -> date | None:
    """One absolute date string (as found by ``DATE_STRING``) to a date, or None.

    dateparser takes about 10 ms a call; the spellings news uses most (ISO,
    30.05.2023, "30 May 2023", "May 30, 2023") are read directly, and a text
    names the same dates again and again (hence the cache).
    """
    s = text.strip().rstrip(".,")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        try:
            return date.fromisoformat(s)
        except ValueError:
            return None
    if m := re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", s):
        return _ymd(m[3], m[2], m[1])
    if (m := _DAY_FIRST.fullmatch(s)) and (number := _month_numbers().get(m[2].lower())):
        return _ymd(m[3], number, m[1])
    if (m := _MONTH_FIRST.fullmatch(s)) and (number := _month_numbers().get(m[1].lower())):
        return _ymd(m[3], number, m[2])
    try:
        found = _parser().get_date_data(_ORDINAL_SUFFIX.sub("", s))
    except Exception:  # dateparser raises assorted errors on odd input; a miss is a miss
        return None
    return found.date_obj.date() if found and found.date_obj else None


def parse_metadata_date(raw: str | None) -> tuple[date | None, str | None]:
    """``record.published`` to a date; the second value is a note when it was unusable.

    Accepts ISO dates and datetimes (the date part is taken as written, not
    moved to UTC: the publisher's calendar day is what the text's "Tuesday"
    refers to), RFC 2822 feed dates and other absolute English dates.
    """
    if raw is None or not raw.strip():
        return None, None
    s = raw.strip()
    day: date | None = None
    if m := re.match(r"(\d{4})-(\d{2})-(\d{2})", s):
        try:
            day = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            day = None
    else:
        try:
            day = parsedate_to_datetime(s).date()
        except (TypeError, ValueError, IndexError, OverflowError):
            day = parse_date_string(s) if DATE_STRING.fullmatch(s.rstrip(".")) else None
    if day is None or not plausible(day):
        return None, f"metadata date {s!r} is not a usable date; ignored"
    return day, None


def _residue_words(unit: str) -> int:
    """Words of a line besides its dates, clock times and dateline labels."""
    rest = TIME_STRING.sub(" ", DATE_STRING.sub(" ", unit))
    rest = _DATELINE_LABEL.sub(" ", rest)
    return len(re.findall(r"[^\W\d_]{2,}", rest))


def _is_dateline_shaped(unit: str) -> bool:
    return _residue_words(unit) <= DATELINE_RESIDUE_MAX_WORDS


def _is_post_stamp(unit: str) -> bool:
    return bool(TIME_STRING.search(unit)) and _residue_words(unit) <= STAMP_RESIDUE_MAX_WORDS


# wire copy writes the year in two digits ("16 NOV 89"); in a dateline, and only there, a two-digit
# number after the month is the year, read as POSIX strptime's %y does (69-99: 1900s; 00-68: 2000s)
DATELINE_SHORT_YEAR = re.compile(rf"(?P<day>\d{{1,2}})\s+(?P<month>{MONTH})\.?,?\s+(?P<year>\d{{2}})", re.IGNORECASE)


def dateline_date(text: str) -> date | None:
    """The date of a dateline: a full date string, or day, month and a two-digit year."""
    text = text.strip().rstrip(".")
    if DATE_STRING.fullmatch(text):
        return parse_date_string(text)
    m = DATELINE_SHORT_YEAR.fullmatch(text)
    if not m:
        return None
    year = int(m["year"]) + (1900 if int(m["year"]) >= 69 else 2000)
    return parse_date_string(f"{m['day']} {m['month']} {year}")


def text_date_candidates(units: list[str], headline_index: int | None = None) -> list[DateEvidence]:
    """Datelines, bylines, post stamps and "Published:" lines in the text, best first.

    ``units`` are the text's lines before boilerplate removal: a dateline is
    usually boilerplate itself and is read before it is dropped.
    ``headline_index``: the unit the headline was taken from, when the text
    gave it; a date above it is the site's clock.
    """
    found: list[tuple[float, int, DateEvidence]] = []
    stamps: list[tuple[float, int, DateEvidence]] = []  # post stamps below the head
    for index, unit in enumerate(units):
        opening = DATELINE_OPENING.match(unit) if index < TEXT_HEAD_UNITS else None
        if opening:
            day = dateline_date(opening.group("date"))
            if day is not None and plausible(day):
                found.append((-CONFIDENCE_TEXT_DATELINE, index, DateEvidence(day, "text", CONFIDENCE_TEXT_DATELINE,
                                                                             opening.group(0).strip())))
                continue
        if len(unit) > DATELINE_MAX_CHARS:
            continue
        in_head = index < TEXT_HEAD_UNITS and _is_dateline_shaped(unit)
        stamp = _is_post_stamp(unit)
        above_headline = headline_index is not None and index < headline_index
        for match in DATE_STRING.finditer(unit):
            labelled = bool(PUBLISHED_LABEL.search(unit[: match.start()]))
            if not (labelled or in_head or stamp):
                continue
            day = parse_date_string(match.group())
            if day is None or not plausible(day):
                continue
            confidence = CONFIDENCE_TEXT_LABELLED if labelled else CONFIDENCE_TEXT_DATELINE
            if above_headline:
                confidence = CONFIDENCE_TEXT_SITE_CLOCK
            into = found if (labelled or in_head) else stamps
            into.append((-confidence, index, DateEvidence(day, "text", confidence, unit)))
            break  # the first date of a line: "Published: X | Updated: Y" means X
    stamped_days = {item[2].date for item in stamps}
    if stamped_days and (max(stamped_days) - min(stamped_days)).days <= CONFLICT_DAYS:
        found.extend(stamps)  # stamps of days apart are a comment thread's or a timeline's
    found.sort(key=lambda item: (item[0], item[1]))
    return [item[2] for item in found]


def capture_bound(captured: str | None) -> date | None:
    """The day a web archive captured the page (``Record.captured``, ISO 8601), or None."""
    if not captured or not (m := re.match(r"(\d{4})-(\d{2})-(\d{2})", captured.strip())):
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _within_bound(candidates: list[DateEvidence], not_after: date | None) -> tuple[list[DateEvidence], str | None]:
    """Candidates not later than the capture day; a note naming the ones that were."""
    if not_after is None:
        return candidates, None
    limit = not_after + timedelta(days=CAPTURE_TOLERANCE_DAYS)
    kept = [c for c in candidates if c.date <= limit]
    late = [c for c in candidates if c.date > limit]
    if not late:
        return kept, None
    said = "; ".join(f"{c.name} says {c.date.isoformat()}" for c in late)
    return kept, f"{said}, after the page was captured on {not_after.isoformat()}; ignored"


def resolve(
    record_published: str | None,
    html_date: DateEvidence | None,
    text_units: list[str],
    *,
    not_after: date | None = None,
    headline_index: int | None = None,
    url_date: DateEvidence | None = None,
) -> PublishedDate:
    """Choose the publication date and report what disagrees with it.

    ``not_after``: the day a web archive captured the page; a page cannot be
    published after it was captured, so later candidates are dropped (noted).
    """
    meta_day, note = parse_metadata_date(record_published)
    candidates: list[DateEvidence] = []
    if meta_day is not None:
        candidates.append(DateEvidence(meta_day, "metadata", CONFIDENCE_METADATA, record_published or ""))
    if html_date is not None and plausible(html_date.date):
        candidates.append(html_date)
    if url_date is not None:
        candidates.append(url_date)
    text = text_date_candidates(text_units, headline_index)
    if not_after is not None:  # a later dateline may be a timeline entry; an earlier one may still fit
        text = [c for c in text if c.date <= not_after + timedelta(days=CAPTURE_TOLERANCE_DAYS)] or text[:1]
    if text:
        candidates.append(text[0])
    candidates, late = _within_bound(candidates, not_after)
    note = "; ".join(n for n in (note, late) if n) or None
    if not candidates:
        return PublishedDate(date=None, source="none", confidence=0.0, conflict=note, evidence=None)
    chosen, others = candidates[0], candidates[1:]
    disagreeing = [o for o in others if abs((o.date - chosen.date).days) > CONFLICT_DAYS]
    confidence = chosen.confidence
    notes = [note] if note else []
    if disagreeing:
        confidence = max(0.1, round(confidence - CONFLICT_PENALTY, 2))
        parts = [f"{chosen.name} says {chosen.date.isoformat()}"]
        parts += [f"{o.name} says {o.date.isoformat()}" for o in disagreeing]
        notes.insert(0, "; ".join(parts))
    return PublishedDate(
        date=chosen.date,
        source=chosen.source,
        confidence=confidence,
        conflict="; ".join(notes) or None,
        evidence=chosen.evidence,
    )


def url_evidence(url: str | None) -> DateEvidence | None:
    """The full date in a URL's path, read by htmldate (a year, month and day), as evidence of the page."""
    if not url:
        return None
    from htmldate.extractors import extract_url_date  # htmldate is heavy; only pages with a URL need it
    from htmldate.utils import Extractor

    limits = Extractor(False, datetime.now() + timedelta(days=FUTURE_TOLERANCE_DAYS),
                       datetime(EARLIEST_YEAR, 1, 1), False, "%Y-%m-%d")
    found = extract_url_date(url, limits)
    day = datetime.strptime(found, "%Y-%m-%d").date() if found else None
    if day is None or not plausible(day):
        return None
    return DateEvidence(day, "metadata", CONFIDENCE_URL, f"URL: {url}", said_by="URL")


def html_evidence(day_string: str | None) -> DateEvidence | None:
    """htmldate's "YYYY-MM-DD" answer as evidence."""
    if not day_string:
        return None
    try:
        day = datetime.strptime(day_string[:10], "%Y-%m-%d").date()
    except ValueError:
        return None
    return DateEvidence(day, "html", CONFIDENCE_HTML, f"html metadata: {day_string}")
