"""Main text and metadata out of a raw HTML page.

trafilatura finds the article body, title and site name; htmldate, asked for
the original publication date from the page's metadata only (no guessing from
the body, which the text cascade in ``dates`` does with evidence), gives the
date.  The extracted text then goes through the same line filter as flat text:
trafilatura keeps injected keyword lines and some captions.
"""
from __future__ import annotations

from dataclasses import dataclass

from eventwire.errors import InputError


@dataclass(frozen=True)
class HtmlExtract:
    text: str
    title: str | None
    sitename: str | None
    date: str | None  # "YYYY-MM-DD" from htmldate


def extract_html(html: str, url: str | None = None, *, source: str = "") -> HtmlExtract:
    """Run trafilatura and htmldate on one page; library failures become ``InputError``."""
    import htmldate
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
        )
    except (ValueError, TypeError, AttributeError, RecursionError) as exc:
        raise InputError(f"{source}: HTML could not be parsed ({exc.__class__.__name__})") from exc
    try:
        day = htmldate.find_date(html, extensive_search=False, original_date=True, outputformat="%Y-%m-%d", url=url)
    except (ValueError, TypeError, AttributeError, RecursionError):
        day = None  # a page without a readable date is common, not an error
    if doc is None:
        return HtmlExtract(text="", title=None, sitename=None, date=day)
    return HtmlExtract(
        text=doc.text or "",
        title=(doc.title or None),
        sitename=(doc.sitename or None),
        date=day,
    )
