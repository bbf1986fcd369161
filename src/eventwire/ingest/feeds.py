"""Feeds: one record per item, for every format feedparser reads and JSON Feed.

feedparser reads RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and CDF, recovers from broken
encodings and sloppy XML, parses dates in a dozen formats and sanitises the
HTML it hands back.  JSON Feed 1.1, which it does not read, is read here with
the json module.  Feeds come from strangers, so before feedparser sees a byte
the feed is refused when it declares a DTD or entities (billion laughs,
external entities); its size was capped by whoever read it (file or fetch).

An item's text is the fullest it carries: ``content:encoded`` / Atom content,
else the summary.  An item that carries only a title and a short teaser is
worth its article page: with a ``fetch_page`` (feeds read from the web) that
page is fetched, under the same safety rules as URL ingest, with the teaser
kept as the text to fall back on.
"""
from __future__ import annotations

import hashlib
import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from eventwire.errors import Errors, InputError
from eventwire.ingest.decode import decode_bytes
from eventwire.model import Record

_FEED_START = re.compile(r"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:RDF|channel)\b", re.S | re.I)
_JSON_FEED = re.compile(r'^\s*\{.{0,2000}?"version"\s*:\s*"https?://jsonfeed\.org/version/', re.S)
_DTD = re.compile(r"<!DOCTYPE|<!ENTITY", re.I)
DTD_SEARCH_CHARS = 10_000  # a DTD can only come before the root element, which starts early


def declares_dtd(text: str) -> bool:
    """True when an XML text declares a DTD or entities (refused: entity expansion attacks)."""
    return bool(_DTD.search(text[:DTD_SEARCH_CHARS]))
_TAG = re.compile(r"<[A-Za-z/!]")
_DECLARED_ENCODING = re.compile(r"^(\s*<\?xml[^>]*?)\s+encoding\s*=\s*[\"'][^\"']*[\"']")
# A summary shorter than this, with no full content, is a teaser ("Missiles hit
# the port. Read more"); wires that put the story in the summary write several
# paragraphs.  Set from feeds of news outlets: teasers run 100-300 characters.
TEASER_MAX_CHARS = 400

FetchPage = Callable[[str], tuple[str, str]]  # url -> (final url, html); raises InputError


@dataclass(frozen=True)
class FeedItem:
    """One item as the feed gave it, before any article page is fetched."""

    guid: str | None
    link: str | None
    title: str | None
    published: str | None
    body: str | None  # the fullest text the item carries (HTML or plain)
    summary: str | None  # the item's teaser, when ``body`` is not its full content
    teaser_only: bool  # no full content: only a title and a short summary

    @property
    def content_hash(self) -> str:
        """sha256 of title and text, whitespace and case folded: a renumbered item keeps it."""
        raw = " ".join(f"{self.title or ''}\n{self.body or self.summary or ''}".lower().split())
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ParsedFeed:
    title: str | None
    items: tuple[FeedItem, ...]


def looks_like_feed(text: str) -> bool:
    head = text[:2000]
    return bool(_FEED_START.match(head) or _JSON_FEED.match(head))


def is_html(body: str) -> bool:
    return bool(_TAG.search(body))


def _text_length(body: str) -> int:
    return len(re.sub(r"<[^>]{0,500}>", " ", body).strip()) if is_html(body) else len(body.strip())


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = value.replace("\x00", "").strip()
    return value or None


# ------------------------------------------------------------ XML by feedparser
def _xml_item(entry) -> FeedItem | None:  # noqa: ANN001 - feedparser's FeedParserDict
    contents = [c.get("value") for c in entry.get("content") or () if _clean(c.get("value"))]
    content = max(contents, key=len) if contents else None
    summary = _clean(entry.get("summary"))
    if content and summary and _text_length(summary) >= _text_length(content):
        content = summary  # an RSS description that holds more than a stub content
    title, link, guid = _clean(entry.get("title")), _clean(entry.get("link")), _clean(entry.get("id"))
    if not (title or link or guid or content or summary):
        return None  # an empty shell, as sloppy XML leaves behind
    published = _clean(entry.get("published")) or _clean(entry.get("updated")) or _clean(entry.get("created"))
    teaser = content is None and (summary is None or _text_length(summary) < TEASER_MAX_CHARS)
    return FeedItem(guid=guid, link=link, title=title, published=published, body=content or summary,
                    summary=summary if content is None else None, teaser_only=teaser)


def _parse_xml(data: bytes, source: str, base_url: str | None) -> ParsedFeed:
    import feedparser

    headers = {"content-location": base_url} if base_url else {}
    # a file object, never a string: feedparser opens a string that looks like a URL or a path
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers, resolve_relative_uris=True,
                              sanitize_html=True)
    items = tuple(i for i in (_xml_item(e) for e in parsed.entries) if i is not None)
    if not items:  # an empty feed is fine (even with a quibble, such as a wrong encoding); garbage is not
        why = parsed.get("bozo_exception")
        if why is not None and not (parsed.get("version") and parsed.feed.get("title")):
            raise InputError(Errors.E220.format(source=source, why=why))
        if not parsed.get("version"):
            raise InputError(Errors.E221.format(source=source))
    return ParsedFeed(title=_clean(parsed.feed.get("title")), items=items)


# ------------------------------------------------------------ JSON Feed 1.1 by json
def _json_item(obj: object) -> FeedItem | None:
    if not isinstance(obj, dict):
        return None
    html, text, summary = _clean(obj.get("content_html")), _clean(obj.get("content_text")), _clean(obj.get("summary"))
    content = html or text
    link = _clean(obj.get("url")) or _clean(obj.get("external_url"))
    guid = obj.get("id")
    guid = str(guid) if isinstance(guid, (int, float)) and not isinstance(guid, bool) else _clean(guid)
    title = _clean(obj.get("title"))
    if not (title or link or guid or content or summary):
        return None
    teaser = content is None and (summary is None or len(summary) < TEASER_MAX_CHARS)
    return FeedItem(guid=guid, link=link, title=title,
                    published=_clean(obj.get("date_published")) or _clean(obj.get("date_modified")),
                    body=content or summary, summary=summary if content is None else None, teaser_only=teaser)


def _parse_json(text: str, source: str) -> ParsedFeed:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(Errors.E222.format(source=source, why=exc.msg, line=exc.lineno)) from exc
    except RecursionError:
        raise InputError(Errors.E223.format(source=source)) from None
    if not isinstance(obj, dict) or not isinstance(obj.get("items"), list):
        raise InputError(Errors.E224.format(source=source))
    items = tuple(i for i in (_json_item(o) for o in obj["items"]) if i is not None)
    return ParsedFeed(title=_clean(obj.get("title")), items=items)


def parse_feed(data: bytes | str, source: str, base_url: str | None = None) -> ParsedFeed:
    """The feed's title and items; InputError when it is refused or is no feed at all.

    ``data`` is the feed's bytes as fetched, or its text when a reader has
    already decoded it (a file or a page sniffed as a feed): it is decoded once.
    """
    text = data if isinstance(data, str) else decode_bytes(data, source)
    if _JSON_FEED.match(text[:2000]):
        return _parse_json(text, source)
    if declares_dtd(text):
        raise InputError(Errors.E225.format(source=source))
    if isinstance(data, str) or data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")) or b"\x00" in data[:4]:
        data = utf8_feed(text)  # feedparser is surer of UTF-8 than of a BOM we already read
    return _parse_xml(data, source, base_url)


def utf8_feed(text: str) -> bytes:
    """Decoded feed text as UTF-8 bytes, without an XML declaration naming another encoding."""
    return _DECLARED_ENCODING.sub(r"\1", text, count=1).encode("utf-8")


# ------------------------------------------------------------ items to records
def item_record(item: FeedItem, source: str, outlet: str | None, fetch_page: FetchPage | None = None) -> Record:
    """The record of one item; a teaser's article page is fetched when ``fetch_page`` is given.

    A page that cannot be fetched leaves the teaser as the text; a page that
    is fetched carries the teaser along (``Record.summary``) for the cleaner to
    fall back on when the page yields no main text.
    """
    common = dict(source=source, external_id=item.guid, url=item.link, outlet=outlet, title=item.title,
                  published=item.published)
    if item.teaser_only and fetch_page is not None and item.link:
        try:
            _final, page = fetch_page(item.link)
        except Exception:  # noqa: BLE001 - unreachable, refused or odd: the teaser stands
            page = None
        if page:
            return Record(**common, html=page, summary=item.summary)
    body = item.body
    if body is None:
        return Record(**common)
    return Record(**common, html=body) if is_html(body) else Record(**common, text=body)


def read_feed(data: bytes | str, source: str, base_url: str | None = None,
              fetch_page: FetchPage | None = None) -> Iterator[Record]:
    """Every item of one feed as a record, in the feed's order."""
    feed = parse_feed(data, source, base_url)
    for i, item in enumerate(feed.items, 1):
        yield item_record(item, f"{source}#item{i}", feed.title, fetch_page)
