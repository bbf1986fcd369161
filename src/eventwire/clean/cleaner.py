"""The clean stage: one ``Record`` in, one ``Document`` out.

The cascade in ``Cleaner.clean``:
  1. Refuse what cannot be an article: no body, or a body over ``max_chars``.
  2. HTML only: trafilatura's main text, title and site name; htmldate's date
     (on a page slimmed and depth-flattened within ``Limits``; see ``html``).
  3. Cut the text into units (lines, or hard-wrapped paragraphs) and judge
     each with the line rules of ``boilerplate``; then the trained line model
     (``linemodel``) judges each kept unit with its neighbours (``blockmodel``).
  4. Title: the record's, else trafilatura's, else the headline-shaped line
     the address's slug spells ("/drones-strike-fuel-depot/"), else the
     headline-shaped line over the byline or date above the first paragraph, else a
     headline-shaped first line; a line taken leaves the body (its events are
     repeated below it), and so do its copies (related lists repeat it).
     Site names and spam are cut off it.
  5. Neighbour rules: the items of list and carousel widgets (after "list 2 of 3"),
     related-link runs, teasers above read-more buttons,
     repeated paragraphs, captions that repeat the headline.
  6. A spammed dateline is cut off the first body paragraph, and segments cut
     off the title as spam or site names are cut where they were glued (no
     space, or a "|") into the first lines (``injection``).
  7. Publication date from record, HTML, then the text (read before
     boilerplate removal: datelines are boilerplate); language; outlet; hash.
"""
from __future__ import annotations

import hashlib
from dataclasses import replace
from urllib.parse import urlparse

from eventwire.clean import boilerplate, dates
from eventwire.clean.author_box import drop_author_boxes
from eventwire.clean.blockmodel import (
    ANNOUNCED, HEADING_MAX_WORDS, IN_ARTICLE_LIST, REASON as MODEL_REASON, drop_by_model, is_prose,
)
from eventwire.clean.blocks import Unit, split_units
from eventwire.clean.features import ends_sentence, new_page, words
from eventwire.clean.html import HtmlExtract, extract_html, fragment_text
from eventwire.clean.injection import cut_injected
from eventwire.clean.language import detect_language
from eventwire.clean.lexicon import Lexicon, load_lexicon
from eventwire.clean.repeats import drop_repeats
from eventwire.clean.linklists import drop_link_runs
from eventwire.clean.linemodel import LineModel, load_line_model
from eventwire.config import LIMITS, Limits
from eventwire.clean.teasers import drop_teasers
from eventwire.clean.widgets import COMMENT_REASON, drop_comment_bodies, drop_positioned_items
from eventwire.clean.title import (
    HEADLINE_SEARCH_UNITS, clean_title, headline_over_byline, site_name_lines, cut_dateline_spam, looks_like_headline, slug_match, slug_words,
)
from eventwire.errors import EmptyDocument, Errors, InputError
from eventwire.model import Document, Record

DEFAULT_MAX_CHARS = LIMITS.max_text_chars  # kept for callers; the limit is config.Limits.max_text_chars
# Lines that sign or date the article: the headline stands over them (``title.headline_over_byline``).
STAMP_REASONS = frozenset({boilerplate.BYLINE_REASON, boilerplate.METADATA_REASON})
SITE_NAME_REASON = "site name (masthead)"
ID_PREFIX = "d_"
ID_HEX_DIGITS = 16


def _entry_heading(verdicts: list[boilerplate.Verdict], i: int) -> bool:
    """Is unit ``i`` a heading (``blockmodel.HEADING_MAX_WORDS`` words, no closing stop) the line model
    dropped over an entry's kept text?"""
    text = verdicts[i].unit.text if i < len(verdicts) else ""
    return (i + 1 < len(verdicts) and verdicts[i].reason == MODEL_REASON and verdicts[i + 1].keep
            and 0 < len(words(text)) <= HEADING_MAX_WORDS and not ends_sentence(text))


def keep_entry_stamps(verdicts: list[boilerplate.Verdict]) -> list[boilerplate.Verdict]:
    """A live page's entry stamps ("22 Apr 2022 - 18:44 GMT", "08:15 GMT") stay in its text.

    On an article page a date-and-time line is furniture; on a live page, a column of entries each
    under its own stamp, the stamps say when each entry was written, and extraction dates an entry's
    deeds by them and reads each entry as a report of its own (``dating.entries``).  Only pages with at
    least ``entries.MIN_STAMPS`` lines carrying a date of their own are live pages as before (a stamp
    heading a reader's comment, ``widgets.COMMENT_REASON``, is none); a page whose stamps are times only
    (under one date, or the page's) is one when that many of them each head text the page keeps.  A
    headline-shaped line the line model dropped between a stamp and its entry's text is the entry's
    heading and stays too ("10:20 / Airport closed / The airport has suspended flights ...").  On any
    other page the lines go as before."""
    from eventwire.dating.entries import is_dated_stamp, is_stamp, MIN_STAMPS

    dated = [i for i, v in enumerate(verdicts) if not v.keep and v.removed and v.reason != COMMENT_REASON
             and is_dated_stamp(v.unit.text)]
    # a time alone heads an entry only when the text it stamps follows it (perhaps under a heading the
    # model dropped): a player's "00:00" rows and a sidebar's "4:53 pm" above headlines (dropped) head none
    stamps = dated if len(dated) >= MIN_STAMPS else [
        i for i, v in enumerate(verdicts) if not v.keep and v.removed and is_stamp(v.unit.text)
        and i + 1 < len(verdicts) and not is_stamp(verdicts[i + 1].unit.text)
        and (verdicts[i + 1].keep or _entry_heading(verdicts, i + 1))]
    if len(stamps) < MIN_STAMPS:
        return verdicts
    out = list(verdicts)
    for i in stamps:
        out[i] = boilerplate.Verdict(verdicts[i].unit, keep=True, text=verdicts[i].unit.text.strip(),
                                     reason="a live page's entry stamp")
        if _entry_heading(verdicts, i + 1):
            heading = verdicts[i + 1].unit
            out[i + 1] = boilerplate.Verdict(heading, keep=True, text=heading.text.strip(),
                                             reason="a live page's entry heading")
    return out


def content_hash(text: str) -> str:
    """sha256 of the text lower-cased with whitespace collapsed: layout changes keep the hash."""
    return hashlib.sha256(" ".join(text.lower().split()).encode("utf-8")).hexdigest()


def document_id(content_hash: str) -> str:
    """ "d_" and the first 16 hex digits of the content hash."""
    return ID_PREFIX + content_hash[:ID_HEX_DIGITS]


def outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = (urlparse(url).hostname or "").removeprefix("www.")
    return host or None


class Cleaner:
    """Built once (vocabularies loaded), then ``clean`` per record."""

    def __init__(
        self,
        *,
        max_chars: int | None = None,
        lexicon: Lexicon | None = None,
        limits: Limits | None = None,
        line_model: LineModel | None | bool = True,
    ) -> None:
        """``line_model``: True loads the shipped model, False/None runs the rules alone (training does)."""
        self.limits = limits or LIMITS
        self.max_chars = max_chars if max_chars is not None else self.limits.max_text_chars
        self.lexicon = lexicon or load_lexicon()
        self.line_model = load_line_model() if line_model is True else (line_model or None)

    # -- 1-2 ------------------------------------------------------------------
    def _body(self, record: Record) -> tuple[str, HtmlExtract | None]:
        body = record.text if record.text and record.text.strip() else None
        if body is None and not (record.html and record.html.strip()):
            raise EmptyDocument(Errors.E301.format(source=record.source))
        if body is not None:
            self._check_text_size(body, "text", record.source)
            return body, None
        # html has its own, larger limit (pages carry scripts and inline images), checked
        # by extract_html after slimming; the text trafilatura finds must then fit max_chars
        extract = extract_html(record.html or "", record.url, source=record.source, limits=self.limits)
        if not extract.text.strip() and record.summary and record.summary.strip():
            # a feed's teaser, fetched for its article page: the page gave nothing, the teaser stands
            summary = fragment_text(record.summary) if "<" in record.summary else record.summary.strip()
            extract = replace(extract, text=summary)
        self._check_text_size(extract.text, "text extracted from html", record.source)
        return extract.text, extract

    def _check_text_size(self, text: str, kind: str, source: str) -> None:
        if len(text) > self.max_chars:
            raise InputError(Errors.E302.format(source=source, kind=kind, size=len(text), limit=self.max_chars))

    # -- 4 --------------------------------------------------------------------
    def _title(
        self, record: Record, extract: HtmlExtract | None, verdicts: list[boilerplate.Verdict]
    ) -> tuple[str | None, int | None, tuple[str, ...]]:
        """The title, the index of the unit it was taken from (if any) and pieces cut off it."""
        lex = self.lexicon
        given = record.title if record.title and record.title.strip() else (extract.title if extract else None)
        if given:
            cut = clean_title(given, lex, outlet=record.outlet, url=record.url)
            return cut.title or None, None, cut.cut
        found = self._slug_headline(record, verdicts) or self._headline_over_byline(record, verdicts)
        if found is not None:
            return found
        for i, v in enumerate(verdicts[:HEADLINE_SEARCH_UNITS]):
            if not v.keep:
                continue
            cut = clean_title(v.text, lex, outlet=record.outlet, url=record.url)
            if cut.title and looks_like_headline(cut.title):
                return cut.title, i, cut.cut
            break
        return None, None, ()

    def _headline_over_byline(
        self, record: Record, verdicts: list[boilerplate.Verdict]
    ) -> tuple[str, int, tuple[str, ...]] | None:
        """The headline-shaped line over the byline or date above the first paragraph (``title.headline_over_byline``)."""
        first = next((i for i, v in enumerate(verdicts) if v.keep and is_prose(v.text)), None)
        if first is None:
            return None
        found = headline_over_byline(
            [v.unit.text for v in verdicts],
            [v.keep or v.reason == MODEL_REASON for v in verdicts],
            [not v.keep and v.reason in STAMP_REASONS for v in verdicts],
            first,
            [v.keep for v in verdicts],
        )
        if found is None:
            return None
        cut = clean_title(verdicts[found].unit.text, self.lexicon, outlet=record.outlet, url=record.url)
        return (cut.title, found, cut.cut) if cut.title else None

    def _slug_headline(
        self, record: Record, verdicts: list[boilerplate.Verdict]
    ) -> tuple[str, int, tuple[str, ...]] | None:
        """The headline-shaped line the address's slug spells most closely (``title.slug_match``), if any.

        Lines the rules dropped are no candidates (a caption repeats the headline's words); lines the
        line model dropped are: it drops a headline among menus as readily as a menu item.
        """
        slug = slug_words(record.url)
        if not slug:
            return None
        best: tuple[float, int] | None = None
        for i, v in enumerate(verdicts):
            score = slug_match(v.unit.text, slug) if v.keep or v.reason == MODEL_REASON else 0.0
            if score and (best is None or score > best[0]) and looks_like_headline(v.unit.text.strip()):
                best = (score, i)
        if best is None:
            return None
        cut = clean_title(verdicts[best[1]].unit.text, self.lexicon, outlet=record.outlet, url=record.url)
        return (cut.title, best[1], cut.cut) if cut.title else None

    # -- 6 --------------------------------------------------------------------
    def _cut_dateline_spam(self, verdicts: list[boilerplate.Verdict]) -> list[boilerplate.Verdict]:
        for i, v in enumerate(verdicts):
            if v.keep and v.text.strip():
                rest, spam = cut_dateline_spam(v.text, self.lexicon)
                if spam:
                    verdicts = list(verdicts)
                    verdicts[i] = replace(v, text=rest.strip(), reason="spammed dateline", removed=(spam, *v.removed))
                break
        return verdicts

    def clean(self, record: Record) -> Document:
        new_page()
        lex = self.lexicon
        body, extract = self._body(record)
        units: list[Unit] = split_units(body)
        if not units:
            raise EmptyDocument(Errors.E303.format(source=record.source))
        verdicts = boilerplate.judge_all(units, lex)
        if self.line_model is not None:
            verdicts = drop_by_model(verdicts, self.line_model, lex)
        verdicts = [v.drop(SITE_NAME_REASON) if v.keep and name else v
                    for v, name in zip(verdicts, site_name_lines([u.text for u in units], record.url))]
        title, title_index, title_cut = self._title(record, extract, verdicts)
        protected = frozenset({title_index}) if title_index is not None else frozenset()
        protected |= {i for i, v in enumerate(verdicts) if v.keep and v.reason in (ANNOUNCED, IN_ARTICLE_LIST)}
        verdicts = drop_positioned_items(verdicts, protected)
        verdicts = drop_link_runs(verdicts, lex, protected)
        verdicts = drop_author_boxes(verdicts, lex)
        verdicts = drop_teasers(verdicts, lex)
        verdicts = drop_comment_bodies(verdicts)
        if title_index is not None:
            verdicts[title_index] = boilerplate.Verdict(
                units[title_index], keep=False, text="", reason="headline", removed=title_cut
            )
        verdicts = drop_repeats(verdicts, title)
        verdicts = cut_injected(verdicts, title_cut)
        verdicts = self._cut_dateline_spam(verdicts)
        verdicts = keep_entry_stamps(verdicts)

        kept = [v.text for v in verdicts if v.keep and v.text.strip()]
        removed = [piece for v in verdicts for piece in v.removed]
        if not kept:
            raise EmptyDocument(Errors.E304.format(source=record.source))
        text = "\n\n".join(kept)

        published = dates.resolve(
            record.published,
            dates.html_evidence(extract.date) if extract else None,
            [u.text for u in units],
            not_after=dates.capture_bound(record.captured),
            headline_index=title_index,
            url_date=dates.url_evidence(record.url),
        )
        digest = content_hash(text)
        return Document(
            id=document_id(digest),
            content_hash=digest,
            external_id=record.external_id,
            url=record.url,
            outlet=(record.outlet or (extract.sitename if extract else None) or outlet_from_url(record.url)),
            title=title,
            published=published,
            language=detect_language(text, record.language),
            text=text,
            removed=tuple(removed),
            source=record.source,
        )
