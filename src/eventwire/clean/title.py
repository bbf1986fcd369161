"""Headlines: cut site names and injected spam, and spot a headline in the first line.

Scraped and syndicated titles carry the site's name ("Headline - CNN",
"Site | Headline") and content farms inject keywords the same way
("Site Name|Headline -Other Site") or into the dateline of the first line
("City,Spam Phrase Country — ...").  Only the segments at the edges of a
title are candidates for cutting, and only when they look like a site name or
spam, so a headline with a dash in it ("Ukraine war - Russia shells ...")
keeps both halves.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlparse

from eventwire.clean.features import DOMAIN_ENDINGS, capitalised, ends_sentence, is_title_case, normalise, words
from eventwire.clean.lexicon import Lexicon, load_lexicon
from eventwire.datelines import TITLE_PREFIX as DATELINE

# News headlines run 6-14 words; standfirsts and first sentences run 18-35.
# Calibrated on the first lines of scraped pages: every headline had at most
# 16 words, every standfirst without a full stop had more.
HEADLINE_MIN_WORDS = 3
HEADLINE_MAX_WORDS = 16
HEADLINE_MAX_CHARS = 150
# The headline, when a flat text has one, is among its first few lines (after
# a dateline, a counter, a donation box).
HEADLINE_SEARCH_UNITS = 5
# A segment cut as a site name is short: "The Washington Post", "Example News 24".
SITE_SEGMENT_MAX_WORDS = 6
PIPE_SEGMENT_MAX_WORDS = 4
# "KYIV,Ukraine —" is a typo (2 words); "Kyiv,Best Cheap Flights Ukraine —" is injected.
SPAMMED_DATELINE_MIN_WORDS = 3

TITLE_SEPARATOR = re.compile(r"\s*\|\s*|\s+[-–—]{1,2}\s*|\s*[-–—]{1,2}\s+|\s+[»:]{2}\s+|\s+»\s+")
DOMAIN = re.compile(rf"\b[\w-]+\.(?:{DOMAIN_ENDINGS})\b", re.IGNORECASE)
GLUED_COMMA = re.compile(r",(?=[^\W\d_])")
# An article's address usually spells its headline ("/2023/03/02/drone-strike-hits-fuel-depot/").
# A slug is a path segment of at least SLUG_MIN_WORDS hyphenated words; a line is
# the headline it spells when it holds SLUG_MIN_RECALL of the slug's words and the
# slug holds SLUG_MIN_PRECISION of the line's (slugs drop small words and get cut
# short).  Set by hand from how publishing systems build slugs, not tuned.
# Numbers in a slug are often no words of the headline but a date or an article
# number the system appends ("...-northern-district-2026-09-05", "...-idUSKBN2X0"):
# the slug's words the line must hold are its words with a letter; a number the
# line holds still counts as shared ("10-killed-in-strike").
SLUG_MIN_WORDS = 4
SLUG_MIN_RECALL = 0.8
SLUG_MIN_PRECISION = 0.6
SLUG_SEGMENT = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)+$")
SLUG_WORD = re.compile(r"[a-z0-9]+")
FILE_EXTENSION = re.compile(r"\.(?:s?html?|php|aspx?|cms)$")


@dataclass(frozen=True)
class TitleCut:
    title: str
    cut: tuple[str, ...] = ()  # segments removed


def site_names(outlet: str | None, url: str | None) -> set[str]:
    """Compact forms of the names a page's own site may go by."""
    names: set[str] = set()
    if outlet:
        names.add(normalise(outlet).replace(" ", ""))
    if url:
        host = (urlparse(url).hostname or "").removeprefix("www.")
        if host:
            names.add(host.split(".")[0].replace("-", ""))
            names.add(host.replace(".", ""))
    return {n for n in names if n}


def is_site_segment(segment: str, sep: str, lex: Lexicon, sites: set[str]) -> bool:
    """Does this edge segment of a title name a site (or carry spam) rather than news?"""
    compact = normalise(segment).replace(" ", "")
    n = len(words(segment))
    if not compact:
        return True
    if lex.spam.search(segment) or DOMAIN.search(segment):
        return True
    if any(compact == s or (len(s) >= 4 and (s in compact or compact in s)) for s in sites):
        return True
    if n <= SITE_SEGMENT_MAX_WORDS and is_title_case(segment):
        lowered = set(normalise(segment).split())
        if lowered & lex.groups["site_name_words"]:
            return True
        if "|" in sep and n <= PIPE_SEGMENT_MAX_WORDS:
            return True
    return False


def clean_title(title: str, lex: Lexicon, *, outlet: str | None = None, url: str | None = None) -> TitleCut:
    """Cut site-name and spam segments off both ends of a title."""
    title = " ".join(title.split())
    pieces: list[tuple[int, int, str]] = []  # start, end, separator before
    last, sep = 0, ""
    for m in TITLE_SEPARATOR.finditer(title):
        if m.start() > last:
            pieces.append((last, m.start(), sep))
        last, sep = m.end(), m.group()
    if last < len(title):
        pieces.append((last, len(title), sep))
    if len(pieces) < 2:
        return TitleCut(title)
    seps_after = [pieces[i + 1][2] for i in range(len(pieces) - 1)] + [""]
    main = max(range(len(pieces)), key=lambda i: (len(words(title[pieces[i][0]:pieces[i][1]])), -i))
    sites = site_names(outlet, url)
    lo, hi = 0, len(pieces) - 1
    while lo < main and is_site_segment(title[pieces[lo][0]:pieces[lo][1]], seps_after[lo], lex, sites):
        lo += 1
    while hi > main and is_site_segment(title[pieces[hi][0]:pieces[hi][1]], pieces[hi][2], lex, sites):
        hi -= 1
    cut = tuple(title[s:e] for s, e, _ in pieces[:lo] + pieces[hi + 1:])
    return TitleCut(title[pieces[lo][0]:pieces[hi][1]].strip(), cut)


def slug_words(url: str | None) -> set[str]:
    """The words of the longest slug in the address's path (empty when it has none)."""
    best: list[str] = []
    for segment in urlparse(url or "").path.lower().split("/"):
        segment = FILE_EXTENSION.sub("", segment)
        found = SLUG_WORD.findall(segment) if SLUG_SEGMENT.match(segment) else []
        if len(found) > len(best):
            best = found
    return set(best) if len(best) >= SLUG_MIN_WORDS else set()


def slug_match(text: str, slug: set[str]) -> float:
    """How closely the slug spells this line: the share of the line's words in the slug, 0 below the minimums.

    ``SLUG_MIN_RECALL`` of the slug's words with a letter must be in the line and
    ``SLUG_MIN_PRECISION`` of the line's in the slug.  A breadcrumb ending in the
    headline ("Home >> Recipes >> Headline") matches less closely than the headline.
    """
    line = set(SLUG_WORD.findall(text.lower().replace("’", "").replace("'", "")))
    shared = len(slug & line)
    lettered = {w for w in slug if not w.isdigit()}
    if not (lettered and line) or len(lettered & line) < SLUG_MIN_RECALL * len(lettered) \
            or shared < SLUG_MIN_PRECISION * len(line):
        return 0.0
    return shared / len(line)


# A news page sets its headline right above its byline and date ("Headline / By Jane Doe /
# 3 hours ago / Share / first paragraph"): the headline-shaped line nearest above the
# byline or date line that stands over the article's first paragraph.  Looked for among
# the BYLINE_SEARCH_UNITS units above that paragraph (a byline block with a share bar of
# six to eight networks, "Copy link", a photo and its credit runs to about fifteen lines; ten
# missed a headline over such a bar); at most STANDFIRST_MAX_UNITS other
# kept lines (a standfirst) may stand between headline and byline.  Set by hand from how
# news pages are laid out, not tuned.
BYLINE_SEARCH_UNITS = 15
STANDFIRST_MAX_UNITS = 1


def headline_over_byline(
    texts: list[str], candidate: list[bool], stamp: list[bool], first_prose: int, kept: list[bool] | None = None
) -> int | None:
    """The index of the headline over the byline or date above unit ``first_prose``, or None.

    ``candidate``: lines that may be the headline (kept, or dropped by the line model
    only); ``stamp``: byline and date lines; ``kept``: lines kept (default: the
    candidates).  None is taken when the layout is not plain: a headline-shaped
    line kept between the byline and the paragraph (share buttons the line model
    dropped there are no headline: "Share this with"; the
    date may stand above the headline: "24 May 2024 / Headline / paragraph", and
    then the line above the date is a menu), or a headline with a date line
    straight above it, the second of a list of dated teasers ("Headline / 2 hours
    ago / Headline / 5 hours ago").
    """
    kept = candidate if kept is None else kept
    seen, others = False, 0
    for j in range(first_prose - 1, max(-1, first_prose - 1 - BYLINE_SEARCH_UNITS), -1):
        if stamp[j]:
            seen = True
        elif kept[j] and not seen and looks_like_headline(texts[j].strip()):
            return None
        elif candidate[j] and seen:
            if looks_like_headline(texts[j].strip()):
                above = next((k for k in range(j - 1, -1, -1) if candidate[k] or stamp[k]), None)
                return None if above is not None and stamp[above] else j
            others += 1
            if others > STANDFIRST_MAX_UNITS:
                return None
    return None


# A line that spells a label of the page's host ("Horn Dispatch" on horn-dispatch.org,
# "POLITICO", "KBS" on world.kbs.co.kr) is the masthead or a logo's text, never the
# article's.  Labels shorter than SITE_LABEL_MIN_CHARS ("co", "uk") and the last label
# (the domain ending) are not compared; a label's hyphenated parts that are site-name words
# ("news", "online": lexicon site_name_words) may be left out ("Metroday" on metroday-news.com).
SITE_LABEL_MIN_CHARS = 3


def site_name_lines(texts: list[str], url: str | None) -> list[bool]:
    """Which lines are the site's name alone: their letters and digits spell a label of the host."""
    labels = (urlparse(url or "").hostname or "").lower().split(".")[:-1]
    generic = load_lexicon().groups["site_name_words"]
    names = set()
    for label in labels:
        parts = label.split("-")
        for kept in (parts, [p for p in parts if p not in generic]):
            name = "".join(re.sub(r"[^a-z0-9]", "", p) for p in kept)
            if len(name) >= SITE_LABEL_MIN_CHARS and name != "www":
                names.add(name)
    return [bool(names) and re.sub(r"[^a-z0-9]", "", t.lower()) in names for t in texts]


def looks_like_headline(text: str) -> bool:
    """Short, one line, capitalised start, and no closing full stop."""
    if "\n" in text or len(text) > HEADLINE_MAX_CHARS:
        return False
    n = len(words(text))
    if not HEADLINE_MIN_WORDS <= n <= HEADLINE_MAX_WORDS:
        return False
    if not any(c.islower() for c in text):
        return False  # an all-capitals line is a wire dateline or a kicker, not a headline
    stripped = text.rstrip()
    if ends_sentence(stripped) and not stripped.endswith(("?", "!", "?\"", "?”")):
        return False
    return capitalised(text.lstrip("\"“'‘«")[:1] or "a") and not stripped.endswith((",", ";", ":"))


def cut_dateline_spam(text: str, lex: Lexicon) -> tuple[str, str | None]:
    """Cut a spammed dateline ("City,Spam Phrase Country — ") off the first paragraph.

    An ordinary dateline ("KYIV, Ukraine (AP) —") is kept: it names the place.
    A dateline counts as spammed when it holds a spam term, or when a comma is
    glued to the next word and more words follow than a "CITY,Country" typo has.
    """
    m = DATELINE.match(text)
    if not m:
        return text, None
    prefix = m.group("prefix")
    glued = GLUED_COMMA.search(prefix) and len(words(prefix)) > SPAMMED_DATELINE_MIN_WORDS
    if glued or lex.spam.search(prefix):
        return text[m.end():], text[: m.end()].strip()
    return text, None
