"""Dating: the one owner of a document's date after clean.

Clean gives each page's own date with its evidence.  This stage, run after
provenance has grouped copies into stories and before extraction, decides the
date each document's events are resolved against: the page's own, or its
story's when the page's is missing, a copy's re-posting date, or a scrape
date that the dates the story's texts name contradict (``story_date``).  The
dates a text names are found by a cheap regular-expression pass
(``named``), never from extracted events, so no document is extracted twice
and no later stage changes clean's page date (kept beside the decision).
"""
from .named import NamedDate, named_dates
from .story_date import RELIABLE_DATE_SOURCES, DatingInput, decide_dates, decide_story, reliable

__all__ = ["RELIABLE_DATE_SOURCES", "DatingInput", "NamedDate", "decide_dates", "decide_story", "named_dates", "reliable"]
