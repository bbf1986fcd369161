"""Decide each document's date from its story: the one place where a date is chosen after clean.

Clean reads one page and gives that page's date with its evidence (metadata,
HTML, dateline).  A page date can be wrong in two ways that one page cannot
show: a copy re-posted later carries its re-posting date, and a scraper may
stamp its own crawl date on an old article.  Both show up only against the
story (the copy family provenance found):

1. **A copy dated after its story.**  Another member carries a reliable page
   date more than ``STORY_DATE_CONFLICT_DAYS`` earlier: the story was out
   then, so this page's date is when it was copied.
2. **A page dated after everything its story's texts name.**  The explicit
   dates the members' texts name (``named.named_dates``: full dates and
   weekday-pinned ones, in captions, datelines and prose) all lie more than
   ``STALE_PAGE_DATE_DAYS`` before the page date, and no member speaks of
   "yesterday" or "on Tuesday" (which would tie the text to a date we cannot
   check): the page date is a scrape or update date.

The decision, in order:

* a reliable page date not contradicted by 1 or 2 stands (the page's own
  date, its evidence and source as clean gave them);
* otherwise the story's date: the earliest reliable page date among members
  not themselves caught by 2, else (when 2 caught the page) the latest date the
  story's texts name (a lower bound: news names the day it reports or earlier); the conflict note says what the page said and why it lost;
* a document with no reliable page date takes the story's date when there is
  one (an undated or text-dated copy of a dated original), else keeps its own;
  an undated one in a story no publisher dated takes the earliest dateline a
  member's text gave clean.

Everything here is decided before extraction, so relative dates in the text
are resolved once against the date that stands; nothing downstream changes it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from eventwire.model import PublishedDate

from .named import FULL, RELATIVE, WEEKDAY, NamedDate, mentions_relative, named_dates

# Page dates read from what the publisher's system wrote: the record's own field
# or the HTML metadata.  A date read from the text (a dateline, a caption) is
# evidence of the story, not of the page.
RELIABLE_DATE_SOURCES = ("metadata", "html")
# A copy dated this many days after its story's earliest reliable member is a
# re-posting or scrape date.  Two days absorbs time zones and a story copied
# after midnight (the same tolerance as clean's CONFLICT_DAYS).
STORY_DATE_CONFLICT_DAYS = 2
# A page dated this many days after the latest date its story's texts name
# carries a scrape or update date.  News names the day of what it reports or
# the day before; a week leaves room for a weekly round-up.  (Kept from the
# previous check on extracted events; on dev, dev2 and the hoot corpus no page
# with a true date comes within a week of tripping it.)
STALE_PAGE_DATE_DAYS = 7
# ... and the texts must name at least this many dates: one caption date alone
# proves little.
STALE_MIN_NAMED = 2
# Only dates that fix their own year vote: a full date or a weekday-pinned one.
# A month and day alone ("on April 6") took its year from the page date being
# judged, and on the hoot corpus it flagged two analysis pieces (true page
# dates) whose only dates were background ("On April 4", "February 24").
EXPLICIT_KINDS = (FULL, WEEKDAY)
# Confidence of a date taken from the story.  A reliable member's page date is
# nearly as good as a page's own (0.9 for metadata), less the doubt that the two
# are the same story (0.6); when the page itself was contradicted, less again
# (0.5).  The latest date named by the texts is a lower bound on the true date
# (0.4).
CONFIDENCE_STORY_PAGE = 0.6
CONFIDENCE_STORY_OVER_PAGE = 0.5
CONFIDENCE_NAMED = 0.4
# A copy's dateline (clean's text date, 0.5 on its own page) lent to an undated
# member: the same less the doubt that the two are the same story.
CONFIDENCE_STORY_DATELINE = 0.4


@dataclass(frozen=True)
class DatingInput:
    """What dating needs of one document: clean's page date and the text."""

    id: str
    story: str
    page: PublishedDate
    text: str


def reliable(page: PublishedDate) -> bool:
    """A page date the publisher's system wrote, with nothing on the page disagreeing."""
    return page.date is not None and page.source in RELIABLE_DATE_SOURCES and page.conflict is None


@dataclass(frozen=True)
class _StoryEvidence:
    named: tuple[tuple[str, NamedDate], ...]  # (document id, named date) with a day
    relative: bool  # some member speaks of "yesterday", "on Tuesday"


def _evidence(members: list[DatingInput]) -> _StoryEvidence:
    """The dates the story's texts name, read only when they can matter.

    They judge reliable page dates only, and not at all when a member speaks of
    "yesterday" or "on Tuesday": most news does, and one search that stops at
    the first such word is all it costs.
    """
    pages = sorted(m.page.date for m in members if reliable(m.page))
    if not pages or any(mentions_relative(m.text) for m in members):
        return _StoryEvidence((), bool(pages))
    named = tuple((m.id, n) for m in members for n in named_dates(m.text, m.page.date or pages[0]) if n.kind != RELATIVE)
    return _StoryEvidence(named, False)


def _latest_named(ev: _StoryEvidence) -> tuple[str, NamedDate] | None:
    """The latest date the story's texts name, when there is enough to judge a page by."""
    explicit = [item for item in ev.named if item[1].kind in EXPLICIT_KINDS]
    if ev.relative or len(explicit) < STALE_MIN_NAMED:
        return None
    return max(explicit, key=lambda item: (item[1].day, item[0], item[1].start))


def _stale(page: PublishedDate, latest: tuple[str, NamedDate] | None) -> bool:
    return latest is not None and reliable(page) and (page.date - latest[1].day).days > STALE_PAGE_DATE_DAYS


def decide_story(members: list[DatingInput]) -> dict[str, PublishedDate]:
    """The decided date of every member of one story (see the module doc)."""
    ev = _evidence(members)
    latest = _latest_named(ev)
    fresh = sorted((m.page.date, m.id) for m in members if reliable(m.page) and not _stale(m.page, latest))
    out: dict[str, PublishedDate] = {}
    for m in members:
        page = m.page
        earlier = [(d, i) for d, i in fresh if i != m.id]
        story_day, story_doc = earlier[0] if earlier else (None, None)
        if _stale(page, latest):
            doc_id, named = latest
            note = f"page says {page.date.isoformat()}; the latest date its story's texts name is {named.day.isoformat()}"
            if story_day is not None:  # a member with a page date its texts bear out: the best evidence
                out[m.id] = _from_member(page, story_day, story_doc, note + f"; {story_doc} is dated {story_day.isoformat()}",
                                         f"the page date is a scrape or update date: dated by {story_doc}, a copy whose date its texts bear out")
            else:
                out[m.id] = PublishedDate(named.day, "story", CONFIDENCE_NAMED, note,
                                          f"{doc_id}: {named.text!r}",
                                          "the page date is a scrape or update date: dated by the latest date its story names")
        elif story_day is None:
            out[m.id] = _from_dateline(m, members) if page.date is None else page
        elif reliable(page) and (page.date - story_day).days <= STORY_DATE_CONFLICT_DAYS:
            out[m.id] = page
        elif page.date is None:
            out[m.id] = PublishedDate(story_day, "story", CONFIDENCE_STORY_PAGE, None, f"{story_doc}: page date",
                                      f"no page date: the story's earliest reliable date ({story_doc})")
        elif (page.date - story_day).days > STORY_DATE_CONFLICT_DAYS:
            note = f"page says {page.date.isoformat()}; story says {story_day.isoformat()}"
            out[m.id] = _from_member(page, story_day, story_doc, note)
        else:
            out[m.id] = page  # an unreliable page date no later than its story's: nothing contradicts it
    return out


def _from_dateline(m: DatingInput, members: list[DatingInput]) -> PublishedDate:
    """An undated copy in a story no publisher dated: the earliest dateline (a date clean read from a text)."""
    datelines = sorted((o.page.date, o.id, o.page.evidence) for o in members
                       if o.id != m.id and o.page.date is not None and o.page.source == "text" and o.page.conflict is None)
    if not datelines:
        return m.page
    day, doc_id, evidence = datelines[0]
    return PublishedDate(day, "story", CONFIDENCE_STORY_DATELINE, None, f"{doc_id}: {evidence!r}",
                         f"no page date: the dateline of a copy in its story ({doc_id})")


def _from_member(page: PublishedDate, day: date, doc_id: str, note: str, reason: str | None = None) -> PublishedDate:
    return PublishedDate(day, "story", CONFIDENCE_STORY_OVER_PAGE, note, f"{doc_id}: page date",
                         reason or f"the page is dated after its story was out: a copy's date ({doc_id} is earlier)")


def decide_dates(docs: list[DatingInput]) -> dict[str, PublishedDate]:
    """The decided date of every document, story by story."""
    stories: dict[str, list[DatingInput]] = {}
    for d in docs:
        stories.setdefault(d.story, []).append(d)
    out: dict[str, PublishedDate] = {}
    for members in stories.values():
        out.update(decide_story(sorted(members, key=lambda m: m.id)))
    return out
